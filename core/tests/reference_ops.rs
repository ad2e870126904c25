//! Reference vectors for the operational modules (incidents, delivery,
//! dependencies, cost, support), each derived by hand from its published
//! source and cited. None is copied from this crate's output.

use nines_core::cost::{CostModel, Optimum, marginal_table, revenue_protected};
use nines_core::dependency::{
    Composition, detect_and_recover_allowed_seconds, k_of_n_unavailability, meets_extra_nine,
    own_unavailability_budget, parallel_unavailability, serial_unavailability,
};
use nines_core::incident::{
    availability_from_mttf_mttr, expected_downtime_seconds, unavailability_from_mttf_mttr,
};
use nines_core::support::{SupportMethod, TrafficCriticality, recommend};
use nines_core::target::Limit;

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * a.abs().max(b.abs())
}

/// Site Reliability Engineering (O'Reilly, 2016), ch. 3 "Embracing Risk":
/// proposed improvement 99.9% → 99.99%, increase 0.09%, service revenue
/// $1M: value of improved availability = $1M × 0.0009 = $900.
#[test]
fn sre_book_embracing_risk_900_dollars() {
    let v = revenue_protected(1_000_000.0, 1.0, 0.001, 0.0001).unwrap();
    assert!(close(v, 900.0, 1e-12), "{v}");
    // The same through the marginal table, with the whole revenue at risk.
    let model = CostModel {
        revenue_per_year: 1_000_000.0,
        impact_fraction: 1.0,
        ..CostModel::default()
    };
    let t = marginal_table(&model, &[3.0, 4.0]);
    assert!(close(t[0].revenue_protected_per_year, 900.0, 1e-12));
}

/// SRE book (quoted by the essays, "You Build It SRE Run It"): "A 99.99%
/// service requires 10x more engineering effort than 99.9%, and 100x more
/// than 99.0%". With k = 10: C(4)/C(3) = 10, C(4)/C(2) = 100.
#[test]
fn sre_book_order_of_magnitude_per_nine() {
    let m = CostModel::default();
    assert!(close(
        m.engineering_cost(4.0) / m.engineering_cost(3.0),
        10.0,
        1e-12
    ));
    assert!(close(
        m.engineering_cost(4.0) / m.engineering_cost(2.0),
        100.0,
        1e-12
    ));
}

/// The closed-form optimum with k = 10 reduces (dividing the module's
/// formula by ln 10) to n* = (log10(R·I / C0) + n0) / 2. For R·I = $1M,
/// C0 = $1 000 at n0 = 3: n* = (3 + 3) / 2 = 3, where C = L = $1 000.
#[test]
fn optimum_hand_derived() {
    let m = CostModel {
        reference_nines: 3.0,
        reference_cost_per_year: 1_000.0,
        cost_factor_per_nine: 10.0,
        revenue_per_year: 1_000_000.0,
        impact_fraction: 1.0,
    };
    let Optimum::At(n) = m.optimum() else {
        panic!("expected an optimum")
    };
    assert!((n - 3.0).abs() < 1e-12, "{n}");
    assert!(close(m.engineering_cost(n), 1_000.0, 1e-9));
    assert!(close(m.revenue_at_risk(n), 1_000.0, 1e-9));
}

/// Classic steady-state availability A = MTTF / (MTTF + MTTR): MTTF 999 h,
/// MTTR 1 h gives 999/1000 = 99.9% (restated in "The Calculus of Service
/// Availability", ACM Queue 15(2), 2017).
#[test]
fn mttf_999h_mttr_1h_is_three_nines() {
    let a = availability_from_mttf_mttr(999.0, 1.0).unwrap();
    assert!(close(a, 0.999, 1e-15));
    assert_eq!(unavailability_from_mttf_mttr(999.0, 1.0).unwrap(), 0.001);
    // Units do not matter: hours or seconds.
    let a = availability_from_mttf_mttr(999.0 * 3600.0, 3600.0).unwrap();
    assert!(close(a, 0.999, 1e-15));
}

/// "The Calculus of Service Availability" (Treynor, Dahlin, Rau, Beyer,
/// ACM Queue 15(2), 2017, https://queue.acm.org/detail.cfm?id=3096459):
/// expected downtime = frequency × (time to detect + time to recover) ×
/// scope. By hand: 4 outages × (10 + 20 min) × 25% = 30 min = 1800 s.
#[test]
fn calculus_expected_downtime() {
    let d = expected_downtime_seconds(4.0, 600.0, 1200.0, 0.25).unwrap();
    assert_eq!(d, 1800.0);
}

/// The Calculus article's dependency method for a 99.99% service whose
/// critical dependencies each offer 99.999% (the rule of the extra 9).
///
/// Caveat: the article itself was found (its title, authors, sections
/// "Practical Application" and "Clarifying the Rule of the Extra 9", the
/// rule, and the three levers) but the full text of its worked example could
/// not be retrieved here. The figures below are derived by hand from the
/// article's rules; the number of dependencies (5) and of outages a year (4)
/// are illustrative inputs, and the year is 365 days.
///
/// * each dependency: U = 0.001% = 1e-5 ≤ 1e-4 / 10, so the rule holds;
/// * five in series: U_d = 1 − (1 − 1e-5)^5 = 5e-5 − 1e-9 + 1e-14 − …
///   (≈ the article's additive 5 × 0.001% = 0.005%);
/// * the service's own budget: 1e-4 − U_d = 5e-5 + 1e-9 − 1e-14;
/// * per 365-day year: × 31 536 000 s ≈ 1576.8 s ≈ 26.3 min;
/// * 4 outages a year: ≈ 394.2 s ≈ 6.6 min to detect and recover each.
#[test]
fn calculus_extra_nine_budget_and_detect_recover() {
    let service = 1e-4;
    let deps = vec![1e-5; 5];
    assert!(deps.iter().all(|&u| meets_extra_nine(u, service)));
    let ud = serial_unavailability(&deps);
    assert!((ud - (5e-5 - 1e-9 + 1e-14)).abs() < 1e-19, "{ud:e}");
    let own = own_unavailability_budget(service, ud);
    assert!((own - (5e-5 + 1e-9 - 1e-14)).abs() < 1e-19, "{own:e}");
    let per_year = own * 31_536_000.0;
    assert!((per_year - (1576.8 + 0.031_536 - 3.1536e-7)).abs() < 1e-6);
    let t = detect_and_recover_allowed_seconds(own, 31_536_000.0, 4.0, 1.0).unwrap();
    // 7 884 000 × own = 394.2 + 0.007884 − 7.884e-8
    assert!((t.value().unwrap() - (394.2 + 0.007_884 - 7.884e-8)).abs() < 1e-6);
    // A dependency at the service's own nines breaks the rule.
    assert!(!meets_extra_nine(1e-4, service));
}

/// Serial and parallel composition as published in the System Design
/// Primer, "Availability in numbers": two 99.9% components in sequence give
/// 99.8% (exactly 0.999² = 99.8001%); in parallel 1 − 0.001² = 99.9999%.
#[test]
fn system_design_primer_sequence_and_parallel() {
    let s = serial_unavailability(&[0.001, 0.001]);
    assert!((s - 0.001999).abs() < 1e-18);
    let p = parallel_unavailability(&[0.001, 0.001]);
    assert!((p - 1e-6).abs() < 1e-21);
    let c = Composition::Parallel(vec![
        Composition::component("foo", 0.001),
        Composition::component("bar", 0.001),
    ]);
    assert!((c.availability().unwrap() - 0.999999).abs() < 1e-15);
}

/// Triple modular redundancy (von Neumann; any reliability textbook):
/// 2-of-3 with unit availability R has R_sys = 3R² − 2R³. For R = 0.9:
/// 3 × 0.81 − 2 × 0.729 = 2.43 − 1.458 = 0.972, so U = 0.028.
#[test]
fn triple_modular_redundancy() {
    let u = k_of_n_unavailability(2, &[0.1, 0.1, 0.1]);
    assert!((u - 0.028).abs() < 1e-15, "{u}");
}

/// The essays' rules, one vector each (Steve Smith, "Who Runs It").
#[test]
fn essays_support_rules() {
    // "You Build It Ops Run It": more than weekly deployments rule it out.
    let r = recommend(1.5, 2.0, TrafficCriticality::Low, 1);
    assert_eq!(r.method, SupportMethod::YouBuildItYouRunIt);
    // "Aim for Operability, not SRE as a Cult": SRE only with multiple
    // services, critical traffic, four nines or more.
    let r = recommend(4.0, 5.0, TrafficCriticality::Critical, 2);
    assert_eq!(r.method, SupportMethod::YouBuildItSreRunIt);
    assert!(r.reason.contains("four nines or more"));
    // You Run It: "from two nines to five nines".
    let r = recommend(2.0, 0.5, TrafficCriticality::Normal, 1);
    assert_eq!(r.method, SupportMethod::YouBuildItYouRunIt);
    assert!(r.reason.contains("from two nines to five nines"));
    // Ops Run It "remains relevant when product demand is low".
    let r = recommend(1.0, 0.25, TrafficCriticality::Normal, 1);
    assert_eq!(r.method, SupportMethod::YouBuildItOpsRunIt);
}

/// docs/DOMAIN.md §3 worked by hand: 99.9% over 30 days is 2592 s; incidents of
/// 10 + 20 min at full scope cost 1800 s, so one whole incident fits.
#[test]
fn one_thirty_minute_incident_fits_a_three_nines_month() {
    let fit =
        nines_core::incident::incidents_fitting_budget(0.001, 2_592_000.0, 600.0, 1200.0, 1.0)
            .unwrap();
    assert_eq!(fit.whole(), Limit::AtMost(1.0));
}
