//! Extreme but legal inputs (issue #7, part 2): each builds a scenario,
//! runs `evaluate`, and checks figures computed here from first principles,
//! and that the report says in words what a formula cannot (a 100% target
//! has no budget, there are no dependencies) instead of dividing by zero.
//! No report may hold NaN or infinity, or show `NaN`, `inf`, `-0` or
//! `undefined` for a figure.
//!
//! Inputs that are *not* legal (a one-second SLO window, more than 10^15
//! requests) are refused with a message that says what is allowed.

use nines_core::Rate;
use nines_core::alerts::AlertWarning;
use nines_core::budget::PolicyStatus;
use nines_core::cost::Optimum;
use nines_core::dependency::Composition;
use nines_core::link::{Notice, decode};
use nines_core::quantity::{Availability, Ratio};
use nines_core::scenario::{Report, Scenario, evaluate};
use nines_core::window::Period;
use serde_json::Value;

mod common;
use common::{shows_negative_zero, shows_non_finite};

/// The Gregorian mean (the default convention), in seconds.
const DAY: f64 = 86_400.0;
const YEAR: f64 = 365.2425 * DAY;
const MONTH: f64 = YEAR / 12.0;
const QUARTER: f64 = YEAR / 4.0;
/// The default SLO window: 30 days (SRE Workbook).
const WINDOW: f64 = 30.0 * DAY;
/// The default traffic: 2.6M requests per 30 days.
const REQUESTS: f64 = 2_600_000.0;

fn target(s: &str) -> Availability {
    Availability::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn with_target(s: &str) -> Scenario {
    Scenario {
        target: target(s),
        ..Scenario::default()
    }
}

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * a.abs().max(b.abs())
}

fn strings<'a>(value: &'a Value, path: String, out: &mut Vec<(String, &'a str)>) {
    match value {
        Value::String(s) => out.push((path, s)),
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                strings(v, format!("{path}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                strings(v, format!("{path}.{k}"), out);
            }
        }
        _ => {}
    }
}

/// Evaluates and checks that nothing in the report is NaN, infinite, a
/// negative zero or "undefined". A non-finite `f64` shows in the `Debug` rendering as the
/// word `NaN` or `inf` outside string literals (JSON would hide it as null).
fn report(s: &Scenario) -> Report {
    let r = evaluate(s, nines_core::budget::STORY_NOW);
    let debug = format!("{r:?}");
    let mut outside = String::new();
    let mut in_string = false;
    let mut escaped = false;
    for c in debug.chars() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            outside.push(' ');
        } else {
            outside.push(c);
        }
    }
    let words: Vec<&str> = outside
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .collect();
    assert!(
        !words.iter().any(|w| *w == "NaN" || *w == "inf"),
        "a non-finite number in {debug}"
    );
    let json = serde_json::to_value(&r).unwrap();
    let mut all = Vec::new();
    strings(&json, String::new(), &mut all);
    for (path, text) in all {
        assert!(
            !shows_non_finite(text) && !shows_negative_zero(text) && !text.starts_with("undefined"),
            "report{path} = {text:?}"
        );
    }
    r
}

// ---------------------------------------------------------------------------
// Targets
// ---------------------------------------------------------------------------

/// 0%: always down. The allowed downtime is the whole of every period, the
/// budget is the whole window, and no burn-rate alert can ever fire.
#[test]
fn target_zero_percent() {
    let r = report(&with_target("0%"));
    let t = &r.target;
    assert_eq!(t.unavailability, 1.0);
    assert_eq!(t.availability_percent, "0%");
    assert_eq!(t.nines, Some(0.0));
    assert_eq!(t.nines_display, "0 nines");
    let seconds: Vec<f64> = t.downtime.iter().map(|d| d.seconds.unwrap()).collect();
    assert_eq!(seconds, [DAY, 7.0 * DAY, MONTH, QUARTER, YEAR]);
    let shown: Vec<&str> = t.downtime.iter().map(|d| d.display.as_str()).collect();
    // 2 629 746 s = 30 d + 10 h + 29 m + 6 s; 31 556 952 s = 365 d + 5 h + 49 m + 12 s.
    assert_eq!(
        shown,
        [
            "1d",
            "7d",
            "30d 10h 29m 6s",
            "91d 7h 27m 18s",
            "365d 5h 49m 12s"
        ]
    );
    let b = &r.budget;
    assert_eq!((b.budget_fraction, b.budget_seconds), (1.0, WINDOW));
    assert_eq!(b.budget_display, "30d");
    assert_eq!(b.allowed_bad, REQUESTS);
    assert_eq!(b.allowed_bad_display, "2,600,000");
    // 520 bad of 2.6M × 10/30 requests: an error ratio of 0.06%, burn 0.0006.
    assert!(close(b.burn_rate.unwrap(), 0.0006, 1e-12));
    assert_eq!(b.burn_rate_display, "0.0006×");
    // Burn rates 14.4, 6 and 1 would need error ratios of 1440%, 600%, 100%.
    let a = &r.alerts;
    assert!(a.rows.iter().all(|row| row.detection_display == "never"));
    assert_eq!(a.warnings.len(), 3);
    assert!(a.warnings.iter().all(|w| w.contains("can never fire")));
}

/// 100%: no downtime at all. Every allowed downtime is exactly zero, and
/// whatever would divide by the budget says in words that there is none.
#[test]
fn target_hundred_percent() {
    let r = report(&with_target("100%"));
    let t = &r.target;
    assert_eq!(t.unavailability, 0.0);
    assert_eq!(t.nines, None);
    assert_eq!(t.nines_display, "100% (no downtime allowed)");
    assert!(
        t.downtime
            .iter()
            .all(|d| d.seconds == Some(0.0) && d.display == "0s")
    );
    let b = &r.budget;
    assert_eq!((b.budget_seconds, b.allowed_bad), (0.0, 0.0));
    assert_eq!(b.budget_display, "0s");
    assert_eq!(b.consumed, None);
    assert_eq!(
        b.consumed_display,
        "unbounded (a 100% target allows no failures)"
    );
    // 520 bad requests against none allowed: launches stop.
    assert_eq!(b.policy, PolicyStatus::Frozen);
    let a = &r.alerts;
    assert_eq!(a.burn_rate_at_error_ratio, None);
    assert_eq!(
        a.burn_rate_at_error_ratio_display,
        "none: a 100% target has no budget to burn"
    );
    assert!(a.warnings[0].starts_with("A 100% target leaves no error budget"));
    assert_eq!((r.spend.total, r.spend.fits), (None, None));
    assert_eq!(
        r.spend.display,
        "no budget to spend: a 100% target allows no downtime at all"
    );
    assert!(r.dependencies.dependencies_break_target);
    assert!(
        r.dependencies
            .summary
            .starts_with("A 100% target leaves no budget, and the critical dependencies alone are unavailable 0.015399% of the time"),
        "{}",
        r.dependencies.summary
    );
    assert_eq!(r.dependencies.dependencies_budget_share, None);
    assert_eq!(r.cost.target_nines, None);
}

/// Twelve nines, written as a percentage: U = 10^-12 exactly, and budgets
/// of microseconds shown in microseconds (30 days × 10^-12 = 2.592 µs).
#[test]
fn target_twelve_nines_as_a_percentage() {
    let a = target("99.9999999999%");
    assert_eq!(a.unavailability_exact(), Ratio::new(1, 1_000_000_000_000));
    let r = report(&Scenario {
        target: a,
        ..Scenario::default()
    });
    let t = &r.target;
    assert_eq!(t.unavailability, 1e-12);
    assert_eq!(t.nines, Some(12.0));
    assert_eq!(t.nines_display, "12 nines");
    assert_eq!(t.availability_percent, "99.9999999999%");
    for (row, period) in t
        .downtime
        .iter()
        .zip([DAY, 7.0 * DAY, MONTH, QUARTER, YEAR])
    {
        assert!(
            close(row.seconds.unwrap(), period * 1e-12, 1e-15),
            "{row:?}"
        );
    }
    let shown: Vec<&str> = t.downtime.iter().map(|d| d.display.as_str()).collect();
    // 86.4 ns a day, 604.8 ns a week, 2.629746 µs a month, 7.889 µs a
    // quarter, 31.557 µs a year, to three significant digits.
    assert_eq!(shown, ["86.4ns", "605ns", "2.63µs", "7.89µs", "31.6µs"]);
    let b = &r.budget;
    assert!(close(b.budget_seconds, WINDOW * 1e-12, 1e-15));
    assert_eq!(b.budget_display, "2.59µs");
    assert_eq!(b.budget_percent, "0.0000000001%");
    // 2.6M requests × 10^-12: 2.6 millionths of a bad request, not "0".
    assert!(close(b.allowed_bad, 2.6e-6, 1e-12));
    assert_eq!(b.allowed_bad_display, "0.0000026");
    assert_eq!(b.policy, PolicyStatus::Frozen);
    // The page alert fires after L × b × U / e = 3600 × 14.4 × 10^-12 / 1%.
    let first = &r.alerts.rows[0];
    assert!(close(
        first.detection_seconds.unwrap(),
        3_600.0 * 14.4 * 1e-12 / 0.01,
        1e-12
    ));
    assert_eq!(first.detection_display, "5.18µs");
}

/// "12 nines" is the same target as 99.9999999999%, exactly.
#[test]
fn target_twelve_nines_in_words() {
    assert_eq!(target("12 nines"), target("99.9999999999%"));
    assert_eq!(target("12 nines").to_string(), "99.9999999999%");
    assert_eq!(
        report(&with_target("12 nines")),
        report(&with_target("99.9999999999%"))
    );
}

// ---------------------------------------------------------------------------
// Windows
// ---------------------------------------------------------------------------

/// A one-second SLO window is not legal (the shortest is an hour): the
/// parser says what is allowed, and a link keeps the default window.
#[test]
fn window_of_one_second_is_refused() {
    let e = "1s".parse::<Period>().unwrap_err();
    assert_eq!(
        e.to_string(),
        "\"1s\" is not a period: use hour, day, week, month, quarter, year, \
         or a rolling window like 28d or 4w"
    );
    let d = decode("slo_window=1s");
    assert_eq!(d.scenario.slo_window, Period::Days(30));
    assert!(matches!(&d.notices[..], [Notice::InvalidValue { key, .. }] if key == "slo_window"));
}

/// The shortest window, an hour: 0.05% of it is 1.8 s; the default ten
/// days elapsed do not fit in it, which the budget says instead of
/// computing a burn rate.
#[test]
fn window_of_one_hour() {
    let mut s = Scenario {
        slo_window: Period::Hour,
        ..Scenario::default()
    };
    let r = report(&s);
    assert_eq!(r.budget.window_seconds, 3_600.0);
    assert!(close(r.budget.budget_seconds, 1.8, 1e-15));
    assert_eq!(r.budget.budget_display, "2s");
    assert_eq!(
        r.budget.error.as_deref(),
        Some("the time elapsed is longer than the SLO window")
    );
    // Half an hour in: 2.6M per 30 days is 1805.6 requests an hour.
    s.budget.elapsed_seconds = 1_800.0;
    s.budget.bad_events = 0.0;
    let r = report(&s);
    assert!(close(r.budget.requests_in_window, REQUESTS / 720.0, 1e-12));
    assert_eq!(r.budget.error, None);
    assert_eq!(r.budget.consumed, Some(0.0));
}

/// One second of downtime in a day, the reverse question's smallest whole
/// figure: U = 1/86400, exactly.
#[test]
fn one_second_of_downtime_a_day() {
    let mut s = Scenario::default();
    s.reverse.downtime_seconds = 1.0;
    s.reverse.period = Period::Day;
    let r = report(&s).reverse;
    assert_eq!(r.canonical.as_deref(), Some("1/86400"));
    assert_eq!(r.unavailability, Some(1.0 / DAY));
    assert!(close(r.nines.unwrap(), DAY.log10(), 1e-15));
    // U = 0.001157…%, kept to four significant digits: 100 − 0.001157.
    assert_eq!(r.availability_percent.as_deref(), Some("≈99.998843%"));
    assert_eq!(r.meets_target, Some(true));
}

/// A ten-year rolling window (3650 days): the budget and the traffic scale
/// with it, and the Workbook's 2%-in-an-hour page becomes a burn rate of
/// 0.02 × 3650 d / 1 h = 1752.
#[test]
fn window_of_ten_years() {
    let s = Scenario {
        slo_window: "3650d".parse().unwrap(),
        ..Scenario::default()
    };
    let window = 3_650.0 * DAY;
    let r = report(&s);
    let b = &r.budget;
    assert_eq!(b.window_seconds, window);
    assert!(close(b.budget_seconds, 0.0005 * window, 1e-15));
    // 157 680 s = 1 d 19 h 48 m.
    assert_eq!(b.budget_display, "1d 19h 48m");
    assert!(close(
        b.requests_in_window,
        REQUESTS * 3_650.0 / 30.0,
        1e-15
    ));
    assert!(close(
        b.allowed_bad,
        0.0005 * REQUESTS * 3_650.0 / 30.0,
        1e-12
    ));
    assert_eq!(b.requests_display, "≈316M");
    let page = &r.alerts.rows[0];
    assert!(close(page.burn_rate, 0.02 * window / 3_600.0, 1e-12));
    assert_eq!(page.burn_rate_display, "1752×");
    // Its threshold, 1752 × 0.05% = 87.6%, is far above the 1% tested.
    assert_eq!(page.threshold_display, "87.6%");
    assert_eq!(page.detection_display, "never");
    // The longest window accepted is a century; one day more is refused.
    assert!("36525d".parse::<Period>().is_ok());
    let e = "36526d".parse::<Period>().unwrap_err().to_string();
    assert!(e.contains("too large (at most 36525 days)"), "{e}");
}

// ---------------------------------------------------------------------------
// Traffic
// ---------------------------------------------------------------------------

/// No requests at all: a request-based budget allows no failure, nothing is
/// consumed, and the alerts say that the first failure spends everything.
#[test]
fn zero_requests() {
    let mut s = Scenario::default();
    s.budget.traffic = Rate::parse("0 per 30d").unwrap();
    s.budget.bad_events = 0.0;
    let r = report(&s);
    let b = &r.budget;
    assert_eq!((b.requests_in_window, b.allowed_bad), (0.0, 0.0));
    assert_eq!(b.requests_display, "0");
    assert_eq!(b.allowed_display, "0 bad requests");
    assert_eq!(b.consumed, Some(0.0));
    assert_eq!(b.time_to_exhaustion_display, "never");
    assert_eq!(b.policy, PolicyStatus::LaunchesAllowed);
    assert_eq!(
        r.alerts.warnings,
        [AlertWarning::NoTraffic.message()],
        "{:?}",
        r.alerts.warnings
    );
    // Bad requests without any requests are a contradiction, said so.
    s.budget.bad_events = 1.0;
    let b = report(&s).budget;
    assert_eq!(
        b.error.as_deref(),
        Some("there are more bad requests than requests in the window")
    );
}

/// 10^15 requests (the largest count accepted) at 99.9%: exactly 10^12
/// bad requests allowed; the 520 bad ones are a burn rate of
/// (520 / (10^15 / 3)) / 0.1% = 1.56 × 10^-9, shown as such, not as 0.
#[test]
fn a_quadrillion_requests() {
    let mut s = with_target("99.9%");
    s.budget.traffic = Rate::parse("1000000000000000 per 30d").unwrap();
    let r = report(&s);
    let b = &r.budget;
    assert_eq!(b.requests_in_window, 1e15);
    assert_eq!(b.allowed_bad, 1e12);
    assert_eq!(b.allowed_bad_display, "1,000,000,000,000");
    assert!(close(b.burn_rate.unwrap(), 1.56e-9, 1e-12));
    assert_eq!(b.burn_rate_display, "0.0000000016×");
    assert!(close(b.consumed.unwrap(), 520.0 / 1e12, 1e-12));
    assert_eq!(b.consumed_display, "0.000000052%");
    assert_eq!(b.policy, PolicyStatus::LaunchesAllowed);
    // One more request is refused, with the limit in the message.
    let e = Rate::parse("1000000000000001 per 30d")
        .unwrap_err()
        .to_string();
    assert!(e.contains("it is too large (at most 10^15)"), "{e}");
}

// ---------------------------------------------------------------------------
// Money
// ---------------------------------------------------------------------------

/// No revenue: nothing is at risk, so no target is "cheapest" on revenue,
/// every extra nine is pure cost, and no tolerable-loss target exists.
#[test]
fn zero_revenue() {
    let mut s = Scenario::default();
    s.cost.model.revenue_per_year = 0.0;
    let c = report(&s).cost;
    assert_eq!(c.optimum, Optimum::NoRevenueAtRisk);
    assert_eq!(c.at_optimum, None);
    assert_eq!(
        (c.revenue_per_minute, c.loss_per_downtime_minute),
        (0.0, 0.0)
    );
    assert_eq!(c.at_target.revenue_at_risk_per_year, 0.0);
    // C(n) = 20 000 × 10^(n − 3) at n = −log10(0.0005) = 3.30103 nines.
    let n = -(0.0005f64).log10();
    assert!(close(
        c.at_target.engineering_cost_per_year,
        20_000.0 * 10f64.powf(n - 3.0),
        1e-12
    ));
    assert_eq!(
        c.at_target.total_cost_per_year,
        c.at_target.engineering_cost_per_year
    );
    assert_eq!(c.tolerable_loss_unavailability, None);
    for row in &c.marginal {
        assert_eq!(row.revenue_protected_per_year, 0.0);
        assert!(!row.worth_it);
        assert_eq!(
            row.net_benefit_per_year,
            -row.extra_engineering_cost_per_year
        );
    }
}

// ---------------------------------------------------------------------------
// Dependencies
// ---------------------------------------------------------------------------

/// A hundred critical dependencies at 99.99% each: together 0.9999^100 =
/// 99.0049…%, twenty times the 99.95% target's budget, and each breaks the
/// rule of the extra nine (it should offer 99.995%).
#[test]
fn a_hundred_dependencies() {
    let mut s = Scenario::default();
    s.dependencies.dependencies = (1..=100)
        .map(|i| Composition::component(format!("dependency {i}"), 0.0001))
        .collect();
    let r = report(&s);
    let d = &r.dependencies;
    let product = 0.9999f64.powi(100);
    assert!(close(product, 0.990_049_338_6, 1e-10));
    assert!(close(d.dependencies_availability, product, 1e-12));
    assert!(close(d.dependencies_unavailability, 1.0 - product, 1e-10));
    assert!(close(
        d.dependencies_budget_share.unwrap(),
        (1.0 - product) / 0.0005,
        1e-10
    ));
    assert!(d.dependencies_break_target);
    assert!(d.own_unavailability < 0.0);
    assert_eq!(d.extra_nine.len(), 100);
    assert_eq!(d.extra_nine_violations.len(), 100);
    assert_eq!(
        d.summary,
        "The critical dependencies alone are unavailable 0.995066% of the time, more than the \
         target's whole budget of 0.05%: the target cannot be met until they improve or \
         become redundant."
    );
    assert_eq!(r.spend.fits, Some(false));
    assert_eq!(r.spend.dependencies, d.dependencies_budget_share);
}

/// No dependencies: the whole budget is the service's own, and the summary
/// says so rather than "the dependencies use 0%".
#[test]
fn no_dependencies() {
    let mut s = Scenario::default();
    s.dependencies.dependencies.clear();
    let r = report(&s);
    let d = &r.dependencies;
    assert_eq!(d.dependencies_unavailability, 0.0);
    assert_eq!(d.dependencies_availability, 1.0);
    assert_eq!(d.dependencies_nines, None);
    assert_eq!(d.dependencies_budget_share, Some(0.0));
    assert_eq!(d.own_unavailability, 0.0005);
    assert!(!d.dependencies_break_target);
    assert!(d.extra_nine.is_empty() && d.extra_nine_violations.is_empty());
    // 0.05% of a Gregorian year is 15 778.476 s; over 6 outages a year,
    // each reaching the incident model's 50% of users, each
    // may take 15 778.476 / (6 × 0.5) = 5 259.492 s = 1h 27m 39s.
    assert!(close(d.own_budget_per_year_seconds, 0.0005 * YEAR, 1e-15));
    assert_eq!(
        d.summary,
        "There are no critical dependencies: the whole budget, 4h 22m 58s per 365.2425-day \
         year, is the \
         service's own; at 6 own outages a year reaching 50% of users, each must be detected \
         and recovered within 1h 27m 39s."
    );
    assert_eq!(r.spend.dependencies, Some(0.0));
}
