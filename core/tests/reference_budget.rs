//! Reference vectors for error budgets and burn-rate alerts, each derived by
//! hand from its published source (never from this crate's output):
//!
//! * The Site Reliability Workbook, ch. 5 "Alerting on SLOs"
//!   (sre.google/workbook/alerting-on-slos), Tables 5-1 to 5-8 and the
//!   sections "Low-Traffic Services" and "Extreme Availability Goals";
//! * Sloth's default alert windows (slok/sloth, internal/alert/windows/
//!   google-30d.yaml and google-28d.yaml; burn = percent × period / long
//!   window, its `getBurnRateFactor`);
//! * Pyrra's `Windows` (pyrra-dev/pyrra, slo/rules.go): factors 14, 7, 2, 1
//!   on a 28-day base, windows scaled by the period and rounded to the
//!   minute;
//! * the essays' "You Build It SRE Run It" error-budget paragraph, whose
//!   arithmetic slip (99.9% "equates to an error budget of 0.01%") is
//!   corrected here.

use chrono::{TimeZone, Utc};
use nines_core::alerts::{
    AlertPolicy, AlertWarning, BurnAlert, Severity, analyse_alert, policy_warnings,
};
use nines_core::budget::{ErrorBudget, Exhaustion, PolicyStatus, Spend, exhaustion_at};
use nines_core::display::format_fraction_percent;
use nines_core::duration::format_duration;
use nines_core::quantity::Availability;
use nines_core::window::{Convention, Period};

/// Severity, long window, short window, burn rate, budget consumed.
type WorkbookRow = (Severity, f64, f64, f64, f64);
/// Severity, long window, short window, `for`, burn factor.
type PyrraRow = (Severity, f64, f64, Option<f64>, Option<f64>);

const HOUR: f64 = 3_600.0;
const DAY: f64 = 86_400.0;
const MONTH: f64 = 30.0 * DAY; // the Workbook's 30-day SLO window

fn a(s: &str) -> Availability {
    Availability::parse(s).unwrap()
}

fn budget(target: &str) -> ErrorBudget {
    ErrorBudget::new(a(target), Period::Days(30), Convention::SreBook)
}

/// An alert with a single window and a fixed burn rate, as in the
/// Workbook's approaches 1, 2 and 4.
fn single_window(burn: f64, window: f64) -> BurnAlert {
    BurnAlert {
        fixed_burn_rate: Some(burn),
        ..BurnAlert::new(Severity::Page, 0.05, window, window)
    }
}

#[test]
fn workbook_table_5_1_target_error_rate_over_ten_minutes() {
    // "Detection time is good: 0.6 seconds for a total outage":
    // 10 min × 0.001 / 100%.
    let alert = single_window(1.0, 600.0);
    let r = analyse_alert(&alert, &a("99.9"), MONTH, 1.0);
    assert_eq!(r.detection_seconds, Some(0.6));
    // "A 0.1% error rate for 10 minutes would alert, while consuming only
    // 0.02% of the monthly error budget": 10 min / 30 days = 0.0231%.
    let s = budget("99.9")
        .status(
            Spend::BadRequests {
                bad: 0.001 * 600.0,
                requests_in_window: MONTH,
            },
            600.0,
        )
        .unwrap();
    assert_eq!(format_fraction_percent(s.consumed.unwrap()), "0.02%");
}

#[test]
fn workbook_table_5_2_thirty_six_hour_window() {
    // "5% of the 30-day error budget—a 36-hour window": 36 h / 720 h.
    let alert = single_window(1.0, 36.0 * HOUR);
    assert_eq!(alert.budget_consumed(MONTH), 0.05);
    // "Detection time is still good: 2 minutes and 10 seconds for a
    // complete outage": 129 600 s × 0.001 = 129.6 s.
    let r = analyse_alert(&alert, &a("99.9"), MONTH, 1.0);
    assert_eq!(r.detection_seconds, Some(129.6));
    assert_eq!(format_duration(129.6), "2m 10s");
}

#[test]
fn workbook_table_5_3_a_full_hour_of_outage() {
    // "The 100% outage would consume 140% of the 30-day budget in that
    // hour": 3 600 s / 2 592 s = 138.9%.
    let s = budget("99.9")
        .status(Spend::BadSeconds(HOUR), HOUR)
        .unwrap();
    let c = s.consumed.unwrap();
    assert_eq!((c * 10.0).round() / 10.0, 1.4);
    assert_eq!(s.policy, PolicyStatus::Frozen);
}

#[test]
fn workbook_table_5_4_burn_rates_and_time_to_exhaustion() {
    // | Burn rate | Error rate (99.9%) | Time to exhaustion |
    // | 1         | 0.1%               | 30 days            |
    // | 2         | 0.2%               | 15 days            |
    // | 10        | 1%                 | 3 days             |
    // | 1,000     | 100%               | 43 minutes         |
    // One request a second; an hour observed at the given error rate.
    let rows = [
        (1.0, 0.001, 30.0 * DAY),
        (2.0, 0.002, 15.0 * DAY),
        (10.0, 0.01, 3.0 * DAY),
        (1_000.0, 1.0, 2_592.0),
    ];
    for (burn, error_rate, exhaustion) in rows {
        let s = budget("99.9")
            .status(
                Spend::BadRequests {
                    bad: error_rate * HOUR,
                    requests_in_window: MONTH,
                },
                HOUR,
            )
            .unwrap();
        let b = s.burn_rate.unwrap();
        assert!((b - burn).abs() < 1e-9 * burn, "{b} vs {burn}");
        let after = s.exhaustion.after_seconds().unwrap();
        assert!((after - exhaustion).abs() < 1e-6, "{after} vs {exhaustion}");
    }
    assert_eq!(format_duration(2_592.0), "43m 12s"); // "43 minutes"
}

#[test]
fn workbook_approach_4_alert_on_burn_rate() {
    // "Five percent of a 30-day error budget spend over one hour requires a
    // burn rate of 36."
    let alert = BurnAlert::new(Severity::Page, 0.05, HOUR, HOUR);
    assert_eq!(alert.burn_rate(MONTH), 36.0);
    // "Better reset time: 58 minutes": the 1 h average of a 100% outage
    // falls below 3.6% after 60 × (1 − 0.036) = 57.84 min.
    let r = analyse_alert(&alert, &a("99.9"), MONTH, 1.0);
    assert_eq!((r.reset_seconds.unwrap() / 60.0).round(), 58.0);
    // "A 35x burn rate never alerts, but consumes all of the 30-day error
    // budget in 20.5 hours": 720 h / 35 = 20.57 h.
    let r = analyse_alert(&alert, &a("99.9"), MONTH, 35.0 * 0.001);
    assert_eq!(r.detection_seconds, None);
    let s = budget("99.9")
        .status(
            Spend::BadRequests {
                bad: 0.035 * HOUR,
                requests_in_window: MONTH,
            },
            HOUR,
        )
        .unwrap();
    let hours = s.exhaustion.after_seconds().unwrap() / HOUR;
    assert_eq!((hours * 10.0).floor() / 10.0, 20.5);
}

#[test]
fn workbook_tables_5_6_and_5_8_recommended_parameters() {
    // Table 5-8, "Recommended parameters for a 99.9% SLO alerting
    // configuration": Page 1h/5m 14.4 2%; Page 6h/30m 6 5%; Ticket 3d/6h 1 10%.
    let p = AlertPolicy::workbook();
    let rows: Vec<WorkbookRow> = p
        .alerts
        .iter()
        .map(|x| {
            (
                x.severity,
                x.long_window_seconds,
                x.short_window_seconds,
                x.burn_rate(MONTH),
                x.budget_consumed(MONTH),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (Severity::Page, HOUR, 300.0, 14.4, 0.02),
            (Severity::Page, 6.0 * HOUR, 1_800.0, 6.0, 0.05),
            (Severity::Ticket, 3.0 * DAY, 6.0 * HOUR, 1.0, 0.10),
        ]
    );
    // "A good guideline is to make the short window 1/12 the duration of
    // the long window."
    for x in &p.alerts {
        assert_eq!(x.long_window_seconds / x.short_window_seconds, 12.0);
    }
    // "This alert fires only once you've consumed 2% of the budget, but
    // exhibits a better reset time by ceasing to fire five minutes later":
    let r = analyse_alert(&p.alerts[0], &a("99.9"), MONTH, 1.0);
    assert_eq!(r.budget_spent, Some(0.02));
    assert_eq!((r.reset_seconds.unwrap() / 60.0).round(), 5.0);
}

#[test]
fn workbook_low_traffic_services() {
    // "if a system receives 10 requests per hour, then a single failed
    // request results in an hourly error rate of 10%. For a 99.9% SLO, this
    // request constitutes a 1,000x burn rate and would page immediately, as
    // it consumed 13.9% of the 30-day error budget. This scenario allows for
    // only seven failed requests in 30 days."
    let requests = 10.0 * 720.0;
    let b = budget("99.9");
    assert_eq!(b.allowed_bad(requests), Some(7.2)); // "only seven"
    let s = b
        .status(
            Spend::BadRequests {
                bad: 1.0,
                requests_in_window: requests,
            },
            HOUR,
        )
        .unwrap();
    assert_eq!(format_fraction_percent(s.consumed.unwrap()), "13.89%"); // "13.9%"
    // The Workbook's "1,000x" is a slip of its own: a 10% error ratio
    // against a 0.1% budget is a burn rate of 100.
    assert!((s.burn_rate.unwrap() - 100.0).abs() < 1e-9);
    let w = policy_warnings(&AlertPolicy::workbook(), &a("99.9"), MONTH, Some(requests));
    match w[0] {
        AlertWarning::SingleFailurePages {
            alert,
            requests_in_long_window,
            budget_per_failure,
        } => {
            assert_eq!(alert, 0);
            assert_eq!(requests_in_long_window, 10.0);
            assert!((budget_per_failure - 1.0 / 7.2).abs() < 1e-12);
        }
        other => panic!("{other:?}"),
    }
    // The 6h page sees 60 requests: one failure is 1/60 > 0.6% too.
    assert!(matches!(
        w[1],
        AlertWarning::SingleFailurePages { alert: 1, .. }
    ));
    assert_eq!(w.len(), 2); // tickets are not warned about
}

#[test]
fn workbook_extreme_availability_goals() {
    // "consider a service that has a 90% availability target. Table 5-8
    // says to page when 2% of the error budget in a single hour is consumed.
    // Because a 100% outage consumes only 1.4% of the budget in that hour,
    // this alert could never fire."
    let s = budget("90").status(Spend::BadSeconds(HOUR), HOUR).unwrap();
    assert_eq!(format_fraction_percent(s.consumed.unwrap()), "1.39%"); // "1.4%"
    let page = &AlertPolicy::workbook().alerts[0];
    let r = analyse_alert(page, &a("90"), MONTH, 1.0);
    assert!(!r.can_fire);
    assert_eq!(r.detection_seconds, None);
    let w = policy_warnings(&AlertPolicy::workbook(), &a("90"), MONTH, None);
    assert!(matches!(w[0], AlertWarning::NeverFires { alert: 0, .. }));
    // "A 100% outage for a service with a target monthly availability of
    // 99.999% would exhaust its budget in 26 seconds": 0.001% of 30 days.
    let five = budget("99.999");
    assert_eq!(five.seconds(), 25.92);
    assert_eq!(format_duration(five.seconds()), "26s");
    // "if you initially roll out that change to only 1% of your users, and
    // burn your error budget at the same rate of 1%, you now have 43
    // minutes": burn 1% / 0.001% = 1000, 30 days / 1000 = 43.2 min.
    let s = five
        .status(
            Spend::BadRequests {
                bad: 0.01 * 60.0,
                requests_in_window: MONTH,
            },
            60.0,
        )
        .unwrap();
    assert!((s.burn_rate.unwrap() - 1_000.0).abs() < 1e-9);
    assert!((s.exhaustion.after_seconds().unwrap() - 2_592.0).abs() < 1e-9);
}

#[test]
fn sloth_default_windows() {
    // google-30d.yaml: page 2%/1h (5m), 5%/6h (30m); ticket 10%/1d (2h),
    // 10%/3d (6h). getBurnRateFactor: percent × 720 h / 100 / long hours.
    let burns = |days: u64| -> Vec<f64> {
        let p = (days * 86_400) as f64;
        AlertPolicy::sloth(days * 86_400)
            .alerts
            .iter()
            .map(|x| x.burn_rate(p))
            .collect()
    };
    assert_eq!(burns(30), [14.4, 6.0, 3.0, 1.0]);
    // google-28d.yaml, same fractions and windows over 672 h:
    // 2 × 6.72 = 13.44; 5 × 6.72 / 6 = 5.6; 10 × 6.72 / 24 = 2.8;
    // 10 × 6.72 / 72 = 0.9333….
    let expected = [13.44, 5.6, 2.8, 67.2 / 72.0];
    for (b, e) in burns(28).iter().zip(expected) {
        assert!((b - e).abs() < 1e-12, "{b} vs {e}");
    }
    let shorts: Vec<f64> = AlertPolicy::sloth(30 * 86_400)
        .alerts
        .iter()
        .map(|x| x.short_window_seconds)
        .collect();
    assert_eq!(shorts, [300.0, 1_800.0, 7_200.0, 21_600.0]);
}

#[test]
fn pyrra_windows_on_its_28_day_base_and_scaled() {
    // slo/rules.go, 28 days: 1h/5m for 2m ×14; 6h/30m for 15m ×7;
    // 1d/2h for 1h ×2; 4d/6h for 3h ×1.
    let p = AlertPolicy::pyrra(28 * 86_400);
    let rows: Vec<PyrraRow> = p
        .alerts
        .iter()
        .map(|x| {
            (
                x.severity,
                x.long_window_seconds,
                x.short_window_seconds,
                x.for_seconds,
                x.fixed_burn_rate,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (Severity::Page, HOUR, 300.0, Some(120.0), Some(14.0)),
            (Severity::Page, 6.0 * HOUR, 1_800.0, Some(900.0), Some(7.0)),
            (Severity::Ticket, DAY, 7_200.0, Some(HOUR), Some(2.0)),
            (
                Severity::Ticket,
                4.0 * DAY,
                6.0 * HOUR,
                Some(3.0 * HOUR),
                Some(1.0)
            ),
        ]
    );
    // 30 days: every window × 30/28, rounded to the minute (by hand):
    // 1h → 3857.1 s → 64 min; 5m → 321.4 s → 5 min; 2m → 128.6 s → 2 min;
    // 6h → 23142.9 s → 386 min; 30m → 1928.6 s → 32 min; 15m → 964.3 s → 16 min;
    // 1d → 92571.4 s → 1543 min; 2h → 7714.3 s → 129 min; 1h → 64 min;
    // 4d → 370285.7 s → 6171 min; 6h → 386 min; 3h → 11571.4 s → 193 min.
    let p = AlertPolicy::pyrra(30 * 86_400);
    let minutes: Vec<(f64, f64, Option<f64>)> = p
        .alerts
        .iter()
        .map(|x| {
            (
                x.long_window_seconds / 60.0,
                x.short_window_seconds / 60.0,
                x.for_seconds.map(|f| f / 60.0),
            )
        })
        .collect();
    assert_eq!(
        minutes,
        [
            (64.0, 5.0, Some(2.0)),
            (386.0, 32.0, Some(16.0)),
            (1_543.0, 129.0, Some(64.0)),
            (6_171.0, 386.0, Some(193.0)),
        ]
    );
    // 7 days: 5m / 4 = 75 s rounds to 1 min; 2m / 4 = 30 s is a half and
    // Go rounds halves away from zero: 1 min.
    let p = AlertPolicy::pyrra(7 * 86_400);
    assert_eq!(p.alerts[0].long_window_seconds, 900.0);
    assert_eq!(p.alerts[0].short_window_seconds, 60.0);
    assert_eq!(p.alerts[0].for_seconds, Some(60.0));
    // As windows scale with the period, each alert spends a fixed share:
    // Pyrra's comments "50% per day = 1/48 per hour", "100% per 4 days =
    // 1/16 per 6 hours", "1/14 per day", "1/7 per 4 days".
    let p = AlertPolicy::pyrra(28 * 86_400);
    let shares: Vec<f64> = p
        .alerts
        .iter()
        .map(|x| x.budget_consumed(28.0 * DAY))
        .collect();
    for (s, e) in shares
        .iter()
        .zip([1.0 / 48.0, 1.0 / 16.0, 1.0 / 14.0, 1.0 / 7.0])
    {
        assert!((s - e).abs() < 1e-15, "{s} vs {e}");
    }
}

#[test]
fn thresholds_depend_on_the_slo_period() {
    // docs/DOMAIN.md §2.4: a 7-day or 28-day SLO changes them. Workbook 2%/1h:
    // 0.02 × 168 = 3.36 for 7 days, 0.02 × 672 = 13.44 for 28 days.
    let page = &AlertPolicy::workbook().alerts[0];
    assert!((page.burn_rate(7.0 * DAY) - 3.36).abs() < 1e-12);
    assert!((page.burn_rate(28.0 * DAY) - 13.44).abs() < 1e-12);
}

#[test]
fn essays_error_budget_slip_is_corrected() {
    // Essay ("You Build It SRE Run It"): "an availability level of 99.9%
    // equates to an error budget of 0.01% unsuccessful requests". The
    // budget is 100% − 99.9% = 0.1%.
    let b = ErrorBudget::new(a("99.9"), Period::Quarter, Convention::SreBook);
    assert_eq!(b.fraction(), 0.001);
    assert_eq!(a("99.9").format_unavailability_percent(), "0.1%");
    // "0.002% of failing requests in a week would consume 20% of the error
    // budget, and leave 80% for the quarter" follows from the slip; with
    // the correct 0.1% budget, failures of 0.002% of the quarter's requests
    // consume 2% and leave 98%.
    let requests = 100_000_000.0;
    let s = b
        .status(
            Spend::BadRequests {
                bad: 2_000.0, // 0.002% of 100M
                requests_in_window: requests,
            },
            7.0 * DAY,
        )
        .unwrap();
    assert_eq!(s.consumed, Some(0.02));
    assert_eq!(s.remaining, Some(0.98));
    // The policy the same essay states: within budget, launches go ahead.
    assert_eq!(s.policy, PolicyStatus::LaunchesAllowed);
    assert!(s.policy.reason().contains(
        "The product team can launch new features if the service is within its error budget."
    ));
    assert!(
        PolicyStatus::Frozen
            .reason()
            .contains("they cannot deploy until any errors are resolved.")
    );
}

#[test]
fn exhaustion_date_from_a_given_start() {
    // 99.9% over 30 days from 2026-11-01: a burn rate of 2 (0.2% errors)
    // exhausts the budget after 15 days (Table 5-4): 2026-11-16.
    let start = Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap();
    let s = budget("99.9")
        .status(
            Spend::BadRequests {
                bad: 0.002 * DAY,
                requests_in_window: MONTH,
            },
            DAY,
        )
        .unwrap();
    assert!(matches!(
        s.exhaustion,
        Exhaustion::At {
            within_window: true,
            ..
        }
    ));
    let at = exhaustion_at(start, &s.exhaustion).unwrap();
    assert_eq!(at, Utc.with_ymd_and_hms(2026, 11, 16, 0, 0, 0).unwrap());
}
