//! `nines downtime` and `nines reverse` end to end: the downtime a target
//! allows against published tables and the availability a downtime gives
//! (each test cites its source or works the figure by hand; none is copied
//! from the program's output), service hours and planned maintenance, and
//! the refusals.

use serde_json::Value;

mod common;
use common::{close, f, json, refused, text};

// ---------------------------------------------------------------------------
// downtime and reverse
// ---------------------------------------------------------------------------

/// SRE book, Appendix A "Availability Table" (30-day month, 90-day quarter,
/// 365-day year): 99.9% allows 8.76 hours a year, 2.16 hours a quarter,
/// 43.2 minutes a month, 10.1 minutes a week and 1.44 minutes a day.
#[test]
fn downtime_sre_book_appendix_a() {
    let j = json(&["downtime", "99.9", "--convention", "sre-book"]);
    let d = &j["downtime_seconds"];
    assert_eq!(f(&d["year"]), 31_536.0); // 8.76 h
    assert_eq!(f(&d["quarter"]), 7_776.0); // 2.16 h
    assert_eq!(f(&d["month"]), 2_592.0); // 43.2 min
    assert_eq!(f(&d["week"]), 604.8); // 10.08 min, "10.1 minutes"
    assert_eq!(f(&d["day"]), 86.4); // 1.44 min
    assert_eq!(j["convention"], "sre-book");
    assert_eq!(j["unavailability"], 0.001);
}

/// uptime.is/99.95 (Gregorian mean year of 365.2425 days): daily 43.2s,
/// weekly 5m 2.4s, monthly 21m 54.9s, quarterly 1h 5m 44.6s, yearly
/// 4h 22m 58.5s; in full, 0.05% of 86 400, 604 800, 2 629 746, 7 889 238
/// and 31 556 952 s.
#[test]
fn downtime_uptime_is_gregorian() {
    let j = json(&["downtime", "99.95"]);
    let d = &j["downtime_seconds"];
    assert_eq!(f(&d["day"]), 43.2);
    assert_eq!(f(&d["week"]), 302.4);
    assert_eq!(f(&d["month"]), 1_314.873);
    assert_eq!(f(&d["quarter"]), 3_944.619);
    assert_eq!(f(&d["year"]), 15_778.476);
    assert_eq!(j["convention"], "gregorian");
}

/// SRE book, Appendix A read backwards: 43.2 minutes in a 30-day month is
/// 99.9%.
#[test]
fn reverse_appendix_a() {
    let j = json(&[
        "reverse",
        "43.2 min",
        "--per",
        "month",
        "--convention",
        "sre-book",
    ]);
    assert_eq!(j["availability_display"], "99.9%");
    assert_eq!(j["availability"], "99.9%");
    assert_eq!(j["unavailability"], 0.001);
}

// ---------------------------------------------------------------------------
// extreme but legal inputs, and illegal ones refused
// ---------------------------------------------------------------------------

/// 100% allows no downtime at all and says so; 0% allows the whole of every
/// period (a Gregorian month is 2 629 746 s); twelve nines of a 30-day month
/// is 30 × 86 400 × 10^-12 s = 2.592 µs, shown in microseconds.
#[test]
fn extreme_targets() {
    let j = json(&["downtime", "100"]);
    for period in ["day", "week", "month", "quarter", "year"] {
        assert_eq!(f(&j["downtime_seconds"][period]), 0.0);
        assert_eq!(j["downtime_display"][period], "0s");
    }
    assert_eq!(j["nines"], Value::Null);
    assert_eq!(j["nines_display"], "100% (no downtime allowed)");
    assert!(text(&["downtime", "100"]).starts_with("Availability 100% (no downtime allowed)\n"));

    let j = json(&["downtime", "0"]);
    assert_eq!(f(&j["downtime_seconds"]["month"]), 2_629_746.0);
    assert_eq!(j["downtime_display"]["year"], "365d 5h 49m 12s");
    assert_eq!(j["nines_display"], "0 nines");

    let j = json(&["downtime", "12", "nines", "--convention", "sre-book"]);
    assert_eq!(j["availability"], "99.9999999999%");
    assert!(close(f(&j["downtime_seconds"]["month"]), 2.592e-6, 1e-18));
    assert_eq!(j["downtime_display"]["month"], "2.59µs");
    assert_eq!(j["downtime_display"]["day"], "86.4ns");

    assert!(refused(&["downtime", "101"]).contains("above 100%"));
    assert!(refused(&["downtime", "301", "nines"]).contains("at most 300 nines"));
}

// ---------------------------------------------------------------------------
// `availability` in the JSON, and the table people read
// ---------------------------------------------------------------------------

/// `availability` holds the availability: 1/3 of the time down is 2/3 =
/// 66.666…% available, which has no finite decimal form, so it is written
/// as the page writes it, `≈` and rounded so that the unavailability keeps
/// four significant digits (33.33%); the exact input is `canonical`.
/// Earlier versions wrote the canonical text there, `1/3`: the
/// unavailability.
#[test]
fn json_availability_is_the_availability_not_the_ratio_typed() {
    let j = json(&["downtime", "1/3"]);
    assert_eq!(j["availability"], "≈66.67%");
    assert_eq!(j["canonical"], "1/3");
    // 1/1000 down is exactly 99.9% up.
    let j = json(&["downtime", "1/1000"]);
    assert_eq!(j["availability"], "99.9%");
    assert_eq!(j["canonical"], "99.9%");
    // 3.5 nines: U = 10^−3.5 = 0.031623% (four significant digits), so
    // 99.968377%, written 99.96838% at the rounding above.
    let j = json(&["downtime", "3.5", "nines"]);
    assert_eq!(j["availability"], "≈99.96838%");
    assert_eq!(j["canonical"], "3.5 nines");
    // 90 s of a 86 400 s day: U = 1/960 = 0.1041666…%, so ≈99.8958%.
    let j = json(&["reverse", "90s", "--per", "day"]);
    assert_eq!(j["availability"], "≈99.8958%");
    assert_eq!(j["canonical"], "1/960");
}

/// The human downtime table is the export's (without its seconds column):
/// 99.9% of a 30-day month (SRE book, Appendix A) is 43.2 minutes, 43m 12s.
#[test]
fn downtime_human_table() {
    let out = text(&["downtime", "99.9", "--convention", "sre-book"]);
    let lines: Vec<&str> = out.lines().collect();
    // Periods left-aligned to "per quarter" (11), durations right-aligned
    // to "Allowed downtime" (16), two spaces between.
    let row = |period: &str, downtime: &str| format!("{period:<11}  {downtime:>16}");
    assert_eq!(lines[0], "Availability 99.9% (3 nines)");
    assert_eq!(lines[1], row("Period", "Allowed downtime").trim_end());
    assert_eq!(lines[2], "-----------  ----------------");
    assert_eq!(lines[3], row("per day", "1m 26s"));
    assert_eq!(lines[4], row("per week", "10m 5s"));
    assert_eq!(lines[5], row("per month", "43m 12s"));
    assert_eq!(lines[6], row("per quarter", "2h 9m 36s"));
    assert_eq!(lines[7], row("per year", "8h 45m 36s"));
    assert!(lines[8].starts_with("Convention: SRE book"), "{out}");
}

// ---------------------------------------------------------------------------
// service hours and planned maintenance
// ---------------------------------------------------------------------------

/// Downtime counts only inside the service hours. 99.9% over
/// Mon–Fri 09:00–17:00 allows 0.001 × 5 × 8 h = 0.001 × 144 000 s = 144 s
/// (2m 24s) a week (worked by hand); a day is not
/// defined because the days differ; a bad schedule names the flag.
#[test]
fn downtime_counts_only_service_hours() {
    let j = json(&["downtime", "99.9", "--service-hours", "Mon-Fri 09:00-17:00"]);
    assert_eq!(f(&j["downtime_seconds"]["week"]), 144.0);
    assert_eq!(j["downtime_seconds"]["day"], Value::Null);
    let out = text(&["downtime", "99.9", "--service-hours", "Mon-Fri 09:00-17:00"]);
    assert!(
        out.contains("2m 24s") && out.contains("Service hours: Mon-Fri 09:00-17:00"),
        "{out}"
    );
    let e = refused(&["downtime", "99.9", "--service-hours", "weekdays"]);
    assert!(
        e.contains("--service-hours") && e.contains("Mon-Fri"),
        "{e}"
    );
}

/// Night shifts and split shifts in the downtime table, worked by hand:
/// Mon–Fri 22:00–06:00 is 5 × 8 h = 40 h = 144,000 s a week; 1% of it is
/// 1,440 s = 24m. Its days differ (Monday holds 2 h, Tuesday 8 h), so a
/// day is not defined. Every night, 22:00–06:00 puts 00:00–06:00 and
/// 22:00–24:00 in each day, 8 h: 0.1% is 28.8 s a day and 7 × 28.8 =
/// 201.6 s a week. Mon–Fri 09:00–12:00,13:00–17:00 is 35 h = 126,000 s:
/// 0.1% is 126 s, and maintenance over the lunch gap excludes nothing.
/// Tue 23:00–01:00 lies inside Tuesday's night: excluded, 1% of 38 h =
/// 1,368 s.
#[test]
fn downtime_over_night_and_split_shifts() {
    let j = json(&["downtime", "99", "--service-hours", "Mon-Fri 22:00-06:00"]);
    assert_eq!(f(&j["downtime_seconds"]["week"]), 1_440.0);
    assert_eq!(j["downtime_seconds"]["day"], Value::Null);
    let out = text(&["downtime", "99", "--service-hours", "Mon-Fri 22:00-06:00"]);
    assert!(
        out.contains("24m") && out.contains("Service hours: Mon-Fri 22:00-06:00"),
        "{out}"
    );
    let j = json(&["downtime", "99.9", "--service-hours", "daily 22:00-06:00"]);
    assert_eq!(f(&j["downtime_seconds"]["day"]), 28.8);
    assert!(close(f(&j["downtime_seconds"]["week"]), 201.6, 1e-9), "{j}");
    let split = [
        "downtime",
        "99.9",
        "--service-hours",
        "Mon-Fri 09:00-12:00,13:00-17:00",
        "--maintenance",
        "Mon-Fri 12:00-13:00 excluded",
    ];
    assert_eq!(f(&json(&split)["downtime_seconds"]["week"]), 126.0);
    let night = [
        "downtime",
        "99",
        "--service-hours",
        "Mon-Fri 22:00-06:00",
        "--maintenance",
        "Tue 23:00-01:00 excluded",
    ];
    assert_eq!(f(&json(&night)["downtime_seconds"]["week"]), 1_368.0);
}

/// Refused service hours name the flag and the reason: overlapping ranges
/// (on a day, or a night running into the next day's hours), a time past
/// 24:00, a range that starts and ends at once.
#[test]
fn service_hours_refusals_say_why() {
    for (hours, why) in [
        (
            "Mon-Fri 09:00-12:00,11:00-13:00",
            "Mon 09:00-12:00 and Mon 11:00-13:00 overlap at Mon 11:00-12:00",
        ),
        (
            "Mon-Fri 22:00-06:00, Sat 05:00-09:00",
            "Fri 22:00-06:00 and Sat 05:00-09:00 overlap at Sat 05:00-06:00",
        ),
        (
            "Mon 22:00-25:00",
            "a time of day runs from 00:00 to 24:00, with minutes 00 to 59",
        ),
        (
            "Mon 10:00-10:00",
            "a range of hours cannot start and end at the same time",
        ),
    ] {
        let e = refused(&["downtime", "99.9", "--service-hours", hours]);
        assert!(
            e.contains("--service-hours") && e.contains(why) && e.contains("Mon-Fri 22:00-06:00"),
            "{hours}: {e}"
        );
        assert!(!e.contains("more characters"), "{e}");
    }
}

/// Planned maintenance, a window every week. 99.9% of a week
/// (604 800 s) is 604.8 s. Excluded, Sun 02:00–04:00 (7 200 s) leaves
/// 0.001 × (604 800 − 7 200) = 597.6 s = 9m 58s; counted, a 5-minute
/// window leaves 604.8 − 300 = 304.8 s = 5m 5s (worked by hand).
#[test]
fn downtime_with_planned_maintenance() {
    let j = json(&[
        "downtime",
        "99.9",
        "--maintenance",
        "Sun 02:00-04:00 excluded",
    ]);
    assert!(close(f(&j["downtime_seconds"]["week"]), 597.6, 1e-9), "{j}");
    let j = json(&[
        "downtime",
        "99.9",
        "--maintenance",
        "Sun 02:00-02:05 counted",
    ]);
    assert!(close(f(&j["downtime_seconds"]["week"]), 304.8, 1e-9), "{j}");
    let out = text(&[
        "downtime",
        "99.9",
        "--maintenance",
        "Sun 02:00-02:05 counted",
    ]);
    assert!(
        out.contains("5m 5s") && out.contains("counted against the budget"),
        "{out}"
    );
    let e = refused(&["downtime", "99.9", "--maintenance", "sometimes"]);
    assert!(
        e.contains("--maintenance") && e.contains("Sun 02:00-04:00"),
        "{e}"
    );
}

// ---------------------------------------------------------------------------
// planned maintenance at the edges: only the part inside the service
// hours counts, one rule for downtime and budget, "per day" stated, and
// maintenance beyond its period
// ---------------------------------------------------------------------------

/// Only the part of a maintenance window inside the service hours is
/// excluded or counted. Mon–Fri 09:00–17:00 is 40 h = 144,000 s a week, so
/// 99% allows 1% of it: 1,440 s. Sunday night is outside the hours: 1,440 s
/// excluded or counted (was 1,368 and −5,760). Wed 16:00–18:00 has one hour
/// inside: 1% of 39 h = 1,404 s. `budget` over a week gives the same.
#[test]
fn maintenance_outside_the_service_hours_changes_nothing() {
    let hours = ["--service-hours", "Mon-Fri 09:00-17:00"];
    for (maintenance, week) in [
        ("Sun 02:00-04:00 excluded", 1_440.0),
        ("Sun 02:00-04:00 counted", 1_440.0),
        ("Wed 16:00-18:00 excluded", 1_404.0),
    ] {
        let args = [
            &["downtime", "99"][..],
            &hours,
            &["--maintenance", maintenance],
        ]
        .concat();
        let j = json(&args);
        assert_eq!(
            f(&j["downtime_seconds"]["week"]),
            week,
            "{maintenance}: {j}"
        );
        let args = [
            &[
                "budget",
                "--slo",
                "99",
                "--window",
                "week",
                "--now",
                "2026-11-16",
            ][..],
            &hours,
            &["--maintenance", maintenance],
        ]
        .concat();
        let b = json(&args);
        assert_eq!(f(&b["budget_seconds"]), week, "{maintenance}: {b}");
    }
    let out = text(&[
        "downtime",
        "99",
        "--service-hours",
        "Mon-Fri 09:00-17:00",
        "--maintenance",
        "Sun 02:00-04:00 counted",
    ]);
    assert!(
        out.contains("Sun 02:00-04:00 falls outside them, so none of it is."),
        "{out}"
    );
}

/// Counted, Wed 16:00–18:00 charges its hour inside the service
/// hours, 3,600 s, more than the 1,440 s budget: the week allows none (not
/// a negative figure) and both commands say it exceeds the budget by
/// 3,600 − 1,440 = 2,160 s = 36m; `budget` spends that hour (the week from
/// Mon 9 Nov holds Wed 11 Nov 16:00–17:00): 3,600 / 1,440 = 250%.
#[test]
fn counted_maintenance_is_charged_alike_by_downtime_and_budget() {
    let flags = [
        "--service-hours",
        "Mon-Fri 09:00-17:00",
        "--maintenance",
        "Wed 16:00-18:00 counted",
    ];
    let j = json(&[&["downtime", "99"][..], &flags].concat());
    assert_eq!(f(&j["downtime_seconds"]["week"]), 0.0, "{j}");
    assert_eq!(
        j["downtime_display"]["week"],
        "none: planned maintenance exceeds the budget by 36m"
    );
    let b = json(
        &[
            &[
                "budget",
                "--slo",
                "99",
                "--window",
                "week",
                "--now",
                "2026-11-16",
            ][..],
            &flags,
        ]
        .concat(),
    );
    assert_eq!(f(&b["spent"]), 3_600.0, "{b}");
    assert_eq!(f(&b["maintenance_seconds"]), 3_600.0);
    assert_eq!(f(&b["unplanned_seconds"]), 0.0);
    assert_eq!(b["display"]["consumed"], "250%");
    let out = text(
        &[
            &[
                "budget",
                "--slo",
                "99",
                "--window",
                "week",
                "--now",
                "2026-11-16",
            ][..],
            &flags,
        ]
        .concat(),
    );
    assert!(
        out.contains("the maintenance alone exceeds the budget by 36m")
            && out.contains("plus 1h of planned maintenance counted against the budget"),
        "{out}"
    );
}

/// Per day is given only when every day measures the same time. 24/7
/// less Sun 02:00–04:00 measures 22 h on Sundays and 24 h otherwise: not
/// defined (was the average 85.37 s at 99.9%); daily 02:00–04:00 leaves
/// 22 h every day: 0.1% × 79,200 s = 79.2 s.
#[test]
fn per_day_follows_one_rule() {
    let j = json(&[
        "downtime",
        "99.9",
        "--maintenance",
        "Sun 02:00-04:00 excluded",
    ]);
    assert!(j["downtime_seconds"]["day"].is_null(), "{j}");
    assert_eq!(
        j["downtime_display"]["day"],
        "not defined: planned maintenance differs by day"
    );
    let j = json(&[
        "downtime",
        "99.9",
        "--maintenance",
        "daily 02:00-04:00 excluded",
    ]);
    assert_eq!(f(&j["downtime_seconds"]["day"]), 79.2, "{j}");
    let out = text(&[
        "downtime",
        "99.9",
        "--maintenance",
        "Sun 02:00-04:00 excluded",
    ]);
    assert!(
        out.contains("Per day is given only when every day measures the same time"),
        "{out}"
    );
}

/// Maintenance longer than its period is refused, naming the option
/// and what is allowed (a month: 730h 29m 6s Gregorian, 720h SRE book);
/// service hours that maintenance wholly takes leave nothing to measure,
/// and the commands say so.
#[test]
fn maintenance_longer_than_its_period_and_nothing_to_measure() {
    let e = refused(&["downtime", "99", "--maintenance", "800h per month excluded"]);
    assert!(
        e.contains("--maintenance") && e.contains("at most a month, 730h 29m 6s"),
        "{e}"
    );
    let e = refused(&[
        "downtime",
        "99",
        "--convention",
        "sre-book",
        "--maintenance",
        "725h per month excluded",
    ]);
    assert!(
        e.contains("--maintenance") && e.contains("720h under the SRE book"),
        "{e}"
    );
    let e = refused(&[
        "budget",
        "--slo",
        "99",
        "--convention",
        "sre-book",
        "--maintenance",
        "725h per month excluded",
    ]);
    assert!(e.contains("--maintenance"), "{e}");
    let flags = [
        "--service-hours",
        "Mon-Fri 09:00-17:00",
        "--maintenance",
        "Mon-Fri 08:00-18:00 excluded",
    ];
    let out = text(&[&["downtime", "99"][..], &flags].concat());
    assert!(out.contains("Nothing is left to measure"), "{out}");
    let out = text(
        &[
            &["budget", "--slo", "99", "--now", "2026-11-16"][..],
            &flags,
        ]
        .concat(),
    );
    assert!(out.contains("Nothing is left to measure"), "{out}");
}
