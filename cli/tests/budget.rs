//! `nines budget` end to end: the error budget against the SRE book's and
//! Workbook's figures (each test cites its source or works the figure by
//! hand; none is copied from the program's output), the window's clock
//! (`--now`, rolling, pinned, calendar), requests as a count or a rate, the
//! budget logged incidents spent, service time, and the refusals.

use serde_json::Value;

mod common;
use common::{close, f, json, refused, text};

// ---------------------------------------------------------------------------
// budget
// ---------------------------------------------------------------------------

/// SRE book Appendix A (and the Workbook's 30-day window): a 99.9% SLO over
/// 30 days is a budget of 43.2 minutes = 2592 s.
#[test]
fn budget_time_based_thirty_days() {
    let j = json(&["budget", "--slo", "99.9", "--window", "30d"]);
    assert_eq!(f(&j["budget_seconds"]), 2_592.0);
    assert_eq!(j["mode"], "time");
    assert_eq!(j["allowed_bad"], Value::Null);
    assert_eq!(f(&j["consumed"]), 0.0);
    assert_eq!(f(&j["remaining"]), 1.0);
    assert_eq!(j["policy"], "launches-allowed");
}

/// SRE book ch. 3 "Embracing Risk", "Measuring Service Risk": "a system
/// that serves 2.5M requests in a day with a daily availability target of
/// 99.99% can serve up to 250 errors and still hit its target".
#[test]
fn budget_request_based_sre_book_250_errors() {
    let j = json(&[
        "budget",
        "--slo",
        "99.99",
        "--window",
        "day",
        "--requests",
        "2.5M",
    ]);
    assert_eq!(f(&j["allowed_bad"]), 250.0);
    assert_eq!(f(&j["requests_in_window"]), 2_500_000.0);
}

/// The SRE Workbook's definitions (ch. 2, the error budget): 99.9% of 1,000,000
/// requests allows 1,000 bad ones; 250 spent is 25% consumed, 75% left.
#[test]
fn budget_consumed_and_remaining() {
    let j = json(&[
        "budget",
        "--slo",
        "99.9",
        "--window",
        "30d",
        "--requests",
        "1000000",
        "--bad",
        "250",
    ]);
    assert_eq!(f(&j["allowed_bad"]), 1_000.0);
    assert_eq!(f(&j["consumed"]), 0.25);
    assert_eq!(f(&j["remaining"]), 0.75);
}

/// SRE Workbook ch. 5, Table 5-4 (99.9% SLO, 30 days): burn rate 1 at a
/// 0.1% error rate exhausts the budget in 30 days, 2 (0.2%) in 15 days,
/// 10 (1%) in 3 days. One hour observed at 7.2M requests per window
/// (10,000 an hour), from a window start passed in.
#[test]
fn budget_workbook_table_5_4_burn_rates() {
    // At burn rate 1 the budget lasts exactly the window: launches
    // allowed; above 1 it runs out before the window ends: at risk.
    for (bad, burn, exhausted, policy) in [
        ("10", 1.0, "2026-01-31T00:00:00Z", "launches-allowed"),
        ("20", 2.0, "2026-01-16T00:00:00Z", "at-risk"),
        ("100", 10.0, "2026-01-04T00:00:00Z", "at-risk"),
    ] {
        let j = json(&[
            "budget",
            "--slo",
            "99.9",
            "--window",
            "30d",
            "--requests",
            "7.2M",
            "--bad",
            bad,
            "--start",
            "2026-01-01T00:00:00Z",
            "--now",
            "2026-01-01T01:00:00Z",
        ]);
        assert!(close(f(&j["burn_rate"]), burn, 1e-9 * burn), "{j}");
        assert_eq!(j["exhaustion_iso"], exhausted, "burn {burn}");
        assert_eq!(j["policy"], policy, "burn {burn}");
    }
}

/// SRE Workbook ch. 5, Table 5-4: burn rate 1,000 (a 100% error rate)
/// exhausts a 99.9% 30-day budget in 43 minutes (43.2 = 0.1% of 30 days).
#[test]
fn budget_workbook_total_outage_burn_rate() {
    let j = json(&[
        "budget",
        "--slo",
        "99.9",
        "--bad-time",
        "1m",
        "--start",
        "2026-01-01T00:00:00Z",
        "--now",
        "2026-01-01T00:01:00Z",
    ]);
    assert!(close(f(&j["burn_rate"]), 1_000.0, 1e-9));
    assert_eq!(j["exhaustion_iso"], "2026-01-01T00:43:12Z");
}

/// SRE Workbook ch. 5, Table 5-3: "The 100% outage would consume 140% of
/// the 30-day budget in that hour" (3600 s / 2592 s); the budget policy
/// then freezes launches (the essays' "You Build It SRE Run It").
#[test]
fn budget_workbook_hour_of_outage_freezes_launches() {
    let j = json(&[
        "budget",
        "--slo",
        "99.9",
        "--bad-time",
        "1h",
        "--elapsed",
        "1h",
    ]);
    assert_eq!((f(&j["consumed"]) * 10.0).round() / 10.0, 1.4);
    assert!(f(&j["remaining"]) < 0.0);
    assert_eq!(j["policy"], "frozen");
    assert_eq!(j["exhaustion"], "already");
}

#[test]
fn budget_human_table() {
    let out = text(&["budget", "--slo", "99.9", "--window", "30d"]);
    assert!(out.contains("43m 12s"), "{out}");
    assert!(out.contains("Launches allowed"), "{out}");
}

// ---------------------------------------------------------------------------
// extreme but legal inputs
// ---------------------------------------------------------------------------

/// 10^15 requests at 99.9% allow exactly 10^12 bad ones; no requests allow
/// none, and the alerts say the first failure spends the whole budget; more
/// than 10^15 is refused.
#[test]
fn extreme_traffic() {
    let j = json(&[
        "budget",
        "--slo",
        "99.9",
        "--requests",
        "1e15",
        "--bad",
        "520",
    ]);
    assert_eq!(f(&j["allowed_bad"]), 1e12);
    assert_eq!(j["display"]["burn_rate"], "0.00000000052×");

    let j = json(&["budget", "--slo", "99.9", "--requests", "0", "--bad", "0"]);
    assert_eq!(f(&j["allowed_bad"]), 0.0);
    assert_eq!(f(&j["consumed"]), 0.0);
    let out = text(&["alerts", "--slo", "99.9", "--requests", "0"]);
    assert!(
        out.contains("Warning: No requests are expected in the SLO window"),
        "{out}"
    );

    let e = refused(&["budget", "--slo", "99.9", "--requests", "1000000000000001"]);
    assert!(e.contains("too large (at most 10^15)"), "{e}");
}

/// The shortest SLO window is an hour (0.1% of it is 3.6 s); a one-second
/// window is refused with the allowed forms; ten years (3650 days) is fine
/// and a century is the limit.
#[test]
fn extreme_windows() {
    let e = refused(&["budget", "--slo", "99.9", "--window", "1s"]);
    assert!(
        e.contains("\"1s\" is not a period") && e.contains("use hour, day, week"),
        "{e}"
    );
    let j = json(&["budget", "--slo", "99.9", "--window", "hour"]);
    assert_eq!(f(&j["budget_seconds"]), 3.6);
    let j = json(&["budget", "--slo", "99.95", "--window", "3650d"]);
    assert_eq!(f(&j["budget_seconds"]), 157_680.0);
    assert!(refused(&["budget", "--slo", "99.9", "--window", "36526d"]).contains("36525 days"));
}

// ---------------------------------------------------------------------------
// the budget's clock: --now, rolling, pinned, calendar
// ---------------------------------------------------------------------------

/// A rolling window counts back from --now: 10 days before 10 March 2027
/// is 28 February (2027 is not a leap year).
#[test]
fn budget_rolling_window_ends_at_now() {
    let j = json(&[
        "budget",
        "--slo",
        "99.9",
        "--elapsed",
        "10d",
        "--now",
        "2027-03-10T00:00:00Z",
    ]);
    assert_eq!(j["start"], "2027-02-28T00:00:00Z");
    assert_eq!(j["now"], "2027-03-10T00:00:00Z");
    assert_eq!(j["alignment"], "rolling");
    // A rolling window never resets.
    assert_eq!(j["reset"], Value::Null);
    // A date alone is midnight UTC.
    let d = json(&[
        "budget",
        "--slo",
        "99.9",
        "--elapsed",
        "10d",
        "--now",
        "2027-03-10",
    ]);
    assert_eq!(d["start"], "2027-02-28T00:00:00Z");
}

/// A calendar month is its real length: February 2027 has 28 days, so a
/// 99.9% budget is 0.001 × 28 × 86 400 = 2 419.2 s, and at noon on
/// 10 February 9.5 days have elapsed; it resets on 1 March.
#[test]
fn budget_calendar_month_is_the_real_month() {
    let j = json(&[
        "budget",
        "--slo",
        "99.9",
        "--calendar",
        "month",
        "--now",
        "2027-02-10T12:00:00Z",
    ]);
    assert_eq!(j["start"], "2027-02-01T00:00:00Z");
    assert_eq!(j["reset"], "2027-03-01T00:00:00Z");
    assert!(close(f(&j["budget_seconds"]), 2_419.2, 1e-9), "{j}");
    assert_eq!(f(&j["elapsed_seconds"]), 9.5 * 86_400.0);
    assert_eq!(j["alignment"], "calendar");
    // In UTC+01:00, 23:30 UTC on 30 November is already 1 December: the
    // month began at 23:00 UTC and ends at 23:00 UTC on 31 December.
    let k = json(&[
        "budget",
        "--slo",
        "99.9",
        "--calendar",
        "month",
        "--utc-offset",
        "+01:00",
        "--now",
        "2026-11-30T23:30:00Z",
    ]);
    assert_eq!(k["start"], "2026-11-30T23:00:00Z");
    assert_eq!(k["reset"], "2026-12-31T23:00:00Z");
    // Weeks start on the day chosen: Wednesday 10 March 2027.
    let w = json(&[
        "budget",
        "--slo",
        "99.9",
        "--calendar",
        "week",
        "--week-start",
        "sunday",
        "--now",
        "2027-03-10",
    ]);
    assert_eq!(w["start"], "2027-03-07T00:00:00Z");
}

/// When a freeze lifts, if no more failures happen. Pinned (or calendar):
/// at the reset. Rolling, 30 days measured with 1 h of bad time against a
/// 43m 12s (2 592 s) budget: the freeze lifts when the failures left in
/// the window are within budget, 30 d − 30 d × 2592 / 3600 = 8.4 days
/// after now = 9 h 36 m on 9 December 2026 (worked by hand).
#[test]
fn budget_freeze_lifts_at_reset_or_when_failures_roll_out() {
    let pinned = json(&[
        "budget",
        "--slo",
        "99.9",
        "--bad-time",
        "1h",
        "--start",
        "2026-01-01",
        "--now",
        "2026-01-01T01:00:00Z",
    ]);
    assert_eq!(pinned["policy"], "frozen");
    assert_eq!(pinned["freeze_lift"], "2026-01-31T00:00:00Z");
    let rolling = json(&[
        "budget",
        "--slo",
        "99.9",
        "--bad-time",
        "1h",
        "--now",
        "2026-12-01",
    ]);
    assert_eq!(rolling["freeze_lift"], "2026-12-09T09:36:00Z");
    let fine = json(&[
        "budget",
        "--slo",
        "99.9",
        "--bad-time",
        "1m",
        "--now",
        "2026-12-01",
    ]);
    assert_eq!(fine["freeze_lift"], Value::Null);
}

/// The clock's flags are checked: one placement at a time, and each value
/// named in its message.
#[test]
fn budget_clock_flags_refused() {
    let both = refused(&[
        "budget",
        "--slo",
        "99.9",
        "--elapsed",
        "1d",
        "--start",
        "2026-01-01",
    ]);
    assert!(
        both.contains("--elapsed") && both.contains("--start"),
        "{both}"
    );
    let e = refused(&["budget", "--slo", "99.9", "--now", "yesterday"]);
    assert!(e.contains("--now") && e.contains("2027-03-10"), "{e}");
    let e = refused(&["budget", "--slo", "99.9", "--calendar", "28d"]);
    assert!(e.contains("calendar period"), "{e}");
    let e = refused(&[
        "budget",
        "--slo",
        "99.9",
        "--calendar",
        "month",
        "--utc-offset",
        "+15",
    ]);
    assert!(e.contains("--utc-offset") && e.contains("14:00"), "{e}");
    let e = refused(&[
        "budget",
        "--slo",
        "99.9",
        "--calendar",
        "week",
        "--week-start",
        "tue",
    ]);
    assert!(e.contains("monday, sunday, saturday"), "{e}");
    // A pinned window that has not started has nothing elapsed; one that is
    // over is shown whole, and the text says so.
    let out = text(&[
        "budget",
        "--slo",
        "99.9",
        "--start",
        "2026-01-01",
        "--now",
        "2026-03-01",
    ]);
    assert!(
        out.contains("The pinned window ended on Sat 31 Jan 2026"),
        "{out}"
    );
}

// ---------------------------------------------------------------------------
// requests as a rate, the budget logged incidents spent, service time
// ---------------------------------------------------------------------------

/// README: "2.6M per 30d" is accepted by --requests. 2.6M over 30 days at
/// 99.9% allows 2,600 bad requests; over a 7-day window it is 2.6M × 7 / 30
/// = 606,667 requests and 606.67 allowed.
#[test]
fn requests_take_a_rate_as_the_readme_says() {
    let j = json(&["budget", "--slo", "99.9", "--requests", "2.6M per 30d"]);
    assert_eq!(f(&j["requests_in_window"]), 2_600_000.0);
    assert_eq!(f(&j["allowed_bad"]), 2_600.0);
    let j = json(&[
        "budget",
        "--slo",
        "99.9",
        "--window",
        "7d",
        "--requests",
        "2.6M",
        "per",
        "30d",
    ]);
    assert!(close(
        f(&j["allowed_bad"]),
        2_600_000.0 * 7.0 / 30.0 / 1000.0,
        1e-6
    ));
    let j = json(&["alerts", "--slo", "99.9", "--requests", "2.6M per 30d"]);
    assert_eq!(j["warnings"], Value::Array(vec![]));
    let err = refused(&["budget", "--slo", "99.9", "--requests", "lots"]);
    assert!(
        err.contains("--requests") && err.contains("2.6M per 30d"),
        "{err}"
    );
}

/// A time-based budget spends what the logged incidents spent: 99.9% over
/// a rolling 30 days wholly elapsed at 2027-03-10 allows 0.001 × 2 592 000
/// = 2 592 s; a 30-minute full outage on 1 March is 1 800 s of it, 69.44%.
/// With --requests the counts stay the budget's and the log's share is
/// beside them; a measured --bad-time and a log together are refused.
#[test]
fn budget_spends_what_the_logged_incidents_spent() {
    let j = json(&[
        "budget",
        "--slo",
        "99.9",
        "--window",
        "30d",
        "--now",
        "2027-03-10",
        "--incident",
        "2027-03-01T10:00:00Z,30m,100%",
    ]);
    assert_eq!(f(&j["spent"]), 1800.0);
    assert_eq!(f(&j["budget_seconds"]), 2592.0);
    assert!(close(f(&j["consumed"]), 1800.0 / 2592.0, 1e-15));
    assert_eq!(j["display"]["consumed"], "69.44%");
    assert_eq!(f(&j["log_budget_spent"]), f(&j["consumed"]));
    // A quarter of users for an hour, one before the window: 900 s.
    let j = json(&[
        "budget",
        "--slo",
        "99.9",
        "--now",
        "2027-03-10",
        "--incident",
        "2027-03-01T10:00:00Z,1h,25%",
        "--incident",
        "2027-01-01,1h,100%",
    ]);
    assert_eq!(f(&j["spent"]), 900.0);
    // Nothing logged, nothing typed: nothing spent (not the example's).
    let j = json(&["budget", "--slo", "99.9", "--now", "2027-03-10"]);
    assert_eq!(f(&j["spent"]), 0.0);
    let j = json(&[
        "budget",
        "--slo",
        "99.9",
        "--now",
        "2027-03-10",
        "--requests",
        "1M",
        "--bad",
        "100",
        "--incident",
        "2027-03-01T10:00:00Z,30m,100%",
    ]);
    assert_eq!(f(&j["spent"]), 100.0);
    assert!(close(f(&j["log_budget_spent"]), 1800.0 / 2592.0, 1e-15));
    let err = refused(&[
        "budget",
        "--slo",
        "99.9",
        "--bad-time",
        "10m",
        "--incident",
        "2027-03-01,30m,100%",
    ]);
    assert!(err.contains("not both"), "{err}");
}

/// Night shifts at UTC+05:30 in a rolling 7-day budget, worked by hand.
/// Now is Wed 18 Nov 2026 00:00 UTC (05:30 local), 2 days elapsed: the
/// window runs from Mon 16 Nov 05:30 local and holds all five nights, 40 h;
/// 0.1% is 144 s = 2m 24s. Measured so far: Monday's night (8 h) and
/// Tuesday's up to Wed 05:30 (7.5 h), 15.5 h of 40 = 38.75%. 72 s bad is
/// 50%: a burn rate of 0.5 / 0.3875 = 1.29×. It runs out after 15.5 / 0.5
/// = 31 h of service from the start: Mon, Tue, Wed nights (24 h) and 7 h
/// of Thursday's, Fri 05:00 local = Thu 19 Nov 23:30 UTC, 15h 30m of
/// service time from now.
#[test]
fn budget_over_night_shifts_in_a_utc_offset() {
    let j = json(&[
        "budget",
        "--slo",
        "99.9",
        "--window",
        "7d",
        "--bad-time",
        "72s",
        "--elapsed",
        "2d",
        "--now",
        "2026-11-18",
        "--service-hours",
        "Mon-Fri 22:00-06:00",
        "--utc-offset",
        "+05:30",
    ]);
    assert_eq!(j["display"]["budget"], "2m 24s", "{j}");
    assert_eq!(j["elapsed_percent"], "38.75%");
    assert_eq!(j["display"]["burn_rate"], "1.29×");
    assert_eq!(j["exhaustion_iso"], "2026-11-19T23:30:00Z");
    assert_eq!(
        j["display"]["time_to_exhaustion"],
        "15h 30m of service time"
    );
}

/// A calendar week whose first hours lie inside a night shift: Fri–Sun
/// 22:00–06:00 is 3 × 8 h = 24 h a week, and the week from Mon 23 Nov 2026
/// 00:00 UTC holds Mon 00:00–06:00 (the end of Sunday's night), then Fri
/// 22–24, Sat 00–06 and 22–24, Sun 00–06 and 22–24: 24 h; 1% is 864 s =
/// 14m 24s. At Mon 03:00, 3 h of 24 are measured (12.5%); 108 s bad is
/// 12.5% of the budget, a burn rate of 1×, which lasts the remaining 21 h
/// of service to the window's end, Mon 30 Nov 00:00 (the next Monday
/// morning belongs to the next week).
#[test]
fn a_calendar_week_starting_inside_a_night_shift() {
    let j = json(&[
        "budget",
        "--slo",
        "99",
        "--calendar",
        "week",
        "--now",
        "2026-11-23T03:00:00Z",
        "--service-hours",
        "Fri-Sun 22:00-06:00",
        "--bad-time",
        "108s",
    ]);
    assert_eq!(j["display"]["budget"], "14m 24s", "{j}");
    assert_eq!(j["elapsed_percent"], "12.5%");
    assert_eq!(j["display"]["burn_rate"], "1×");
    assert_eq!(j["exhaustion_iso"], "2026-11-30T00:00:00Z");
    assert_eq!(j["display"]["time_to_exhaustion"], "21h of service time");
}

/// A pinned 30-day window from Sun 1 Nov 2026 00:00 UTC over Mon–Fri
/// 22:00–06:00, nights counted by hand: Mon 2–Fri 6, 9–13, 16–20 and 23–27
/// Nov are 20 nights × 8 h = 160 h, and Mon 30 Nov's night is in the window
/// until Dec 1 00:00, 2 h: 162 h = 583,200 s; 0.1% is 583.2 s = 9m 43s.
#[test]
fn thirty_days_of_night_shifts() {
    let j = json(&[
        "budget",
        "--slo",
        "99.9",
        "--window",
        "30d",
        "--start",
        "2026-11-01",
        "--now",
        "2026-12-01",
        "--service-hours",
        "Mon-Fri 22:00-06:00",
        "--bad-time",
        "0s",
    ]);
    assert!(close(f(&j["budget_seconds"]), 583.2, 1e-9), "{j}");
    assert_eq!(j["display"]["budget"], "9m 43s");
}

/// The budget and the alerts count service time only. Worked
/// by hand: 99.9% over a 7-day window of Mon–Fri 09:00–17:00 allows
/// 0.001 × 40 h = 2m 24s. Rolling, 2 days elapsed at Wed 11 Nov 2026 00:00
/// UTC: Monday and Tuesday measured 16 h (40%); 1m 12s bad is 50% of the
/// budget, a burn rate of 1.25×; it runs out after 32 h of service from
/// Monday 00:00: Thursday 17:00 local, 16:00 UTC at +01:00. The Workbook's
/// 2% in 1 h over 30 days of those hours (40/168 of the time) is a burn
/// rate of 0.02 × 720 h × 40/168 = 3.43×.
#[test]
fn budget_and_alerts_count_service_time() {
    let j = json(&[
        "budget",
        "--slo",
        "99.9",
        "--window",
        "7d",
        "--bad-time",
        "72s",
        "--elapsed",
        "2d",
        "--now",
        "2026-11-11",
        "--service-hours",
        "Mon-Fri 09:00-17:00",
        "--utc-offset",
        "+01:00",
    ]);
    assert_eq!(j["display"]["budget"], "2m 24s", "{j}");
    assert_eq!(j["display"]["burn_rate"], "1.25×");
    assert_eq!(j["exhaustion_iso"], "2026-11-12T16:00:00Z");
    assert_eq!(j["display"]["time_to_exhaustion"], "16h of service time");
    let j = json(&[
        "alerts",
        "--slo",
        "99.9",
        "--service-hours",
        "Mon-Fri 09:00-17:00",
    ]);
    assert!(
        close(
            f(&j["alerts"][0]["burn_rate"]),
            0.02 * 720.0 * 40.0 / 168.0,
            1e-9
        ),
        "{j}"
    );
    let out = text(&[
        "alerts",
        "--slo",
        "99.9",
        "--service-hours",
        "Mon-Fri 09:00-17:00",
    ]);
    assert!(
        out.contains("3.43×") && out.contains("Counted in service time"),
        "{out}"
    );
    let e = refused(&[
        "budget",
        "--slo",
        "99.9",
        "--service-hours",
        "Mon-Fri 9 to 5",
    ]);
    assert!(e.contains("--service-hours"), "{e}");
}

// ---------------------------------------------------------------------------
// bad input refused
// ---------------------------------------------------------------------------

/// An offset beyond the world's time zones (−14:00 to +14:00,
/// minutes 00 to 59) shifted the answers; refused in `--now`, `--start`
/// and `--incident`, as `--utc-offset` refuses it. By hand, Kiribati's
/// +14:00 is accepted: 09:30 there is 19:30 UTC the day before, and a
/// 30-day rolling window then starts 2027-02-07T19:30Z.
#[test]
fn edge_instants_refuse_offsets_beyond_the_time_zones() {
    let cases: [(&[&str], &str); 4] = [
        (
            &[
                "budget",
                "--slo",
                "99.9",
                "--now",
                "2027-03-10T09:30:00+25:00",
            ],
            "--now",
        ),
        (
            &[
                "budget",
                "--slo",
                "99.9",
                "--start",
                "2027-03-01T00:00:00+99:59",
                "--now",
                "2027-03-10",
            ],
            "--start",
        ),
        (
            &[
                "incidents",
                "--incident",
                "2027-03-01T00:00:00+00:60,30m,100%",
                "--now",
                "2027-03-10",
            ],
            "--incident",
        ),
        (
            &["incidents", "--now", "2027-03-10T09:30:00-14:01"],
            "--now",
        ),
    ];
    for (args, option) in cases {
        let e = refused(args);
        assert!(e.starts_with(&format!("nines: {option}")), "{e}");
        assert!(
            e.contains("between -14:00 and +14:00, with minutes 00 to 59"),
            "{e}"
        );
    }
    let j = json(&[
        "budget",
        "--slo",
        "99.9",
        "--bad-time",
        "0s",
        "--now",
        "2027-03-10T09:30:00+14:00",
    ]);
    assert_eq!(j["now"], "2027-03-09T19:30:00Z");
    assert_eq!(j["start"], "2027-02-07T19:30:00Z");
}

/// `--requests 1.5 --bad 0.5` answered "Consumed 33,300%". A
/// count of requests in the window and of bad ones is whole; a rate's
/// share of the window may not be (2.6M per 28d over 30 days is
/// 2,600,000 × 30 / 28 = 2,785,714.29 requests). By hand: 99.9% of 1.5k =
/// 1,500 requests allows 1.5 bad; 3 bad is 3 / 1.5 = 200% consumed.
#[test]
fn edge_counts_of_requests_are_whole() {
    for (args, option) in [
        (
            &[
                "budget",
                "--slo",
                "99.9",
                "--requests",
                "1.5",
                "--bad",
                "0.5",
            ][..],
            "--bad",
        ),
        (
            &["budget", "--slo", "99.9", "--requests", "1.5"],
            "--requests",
        ),
        (
            &[
                "budget",
                "--slo",
                "99.9",
                "--requests",
                "1000",
                "--bad",
                "0.5",
            ],
            "--bad",
        ),
        (
            &["alerts", "--slo", "99.9", "--requests", "2.5"],
            "--requests",
        ),
    ] {
        let e = refused(args);
        assert!(e.starts_with(&format!("nines: {option}: ")), "{e}");
        assert!(e.contains("not a whole number"), "{e}");
    }
    let j = json(&[
        "budget",
        "--slo",
        "99.9",
        "--requests",
        "1.5k",
        "--bad",
        "3",
    ]);
    assert_eq!(f(&j["requests_in_window"]), 1_500.0);
    assert_eq!(f(&j["allowed_bad"]), 1.5);
    assert_eq!(f(&j["consumed"]), 2.0);
    let j = json(&["budget", "--slo", "99.9", "--requests", "2.6M per 28d"]);
    assert!(close(
        f(&j["requests_in_window"]),
        2_600_000.0 * 30.0 / 28.0,
        1e-6
    ));
}

// ---------------------------------------------------------------------------
// a time-based budget shows no request figures
// ---------------------------------------------------------------------------

/// A time-based budget shows no request figures. The default traffic,
/// 2.6M per 30 days, leaked into it: over a Gregorian month 2,600,000 ×
/// 2,629,746 / 2,592,000 = 2,637,862.5 requests and 0.1% of them,
/// 2,637.86 bad requests allowed, were written though nothing counts
/// requests.
#[test]
fn a_time_based_budget_shows_no_request_figures() {
    let j = json(&[
        "budget",
        "--slo",
        "99.9",
        "--window",
        "month",
        "--bad-time",
        "1m",
    ]);
    for key in [
        "requests_in_window",
        "requests_display",
        "allowed_bad",
        "allowed_bad_display",
    ] {
        assert!(j[key].is_null(), "{key}: {j}");
    }
    let out = text(&[
        "budget",
        "--slo",
        "99.9",
        "--window",
        "month",
        "--bad-time",
        "1m",
    ]);
    assert!(!out.contains("Requests in the window"), "{out}");
}
