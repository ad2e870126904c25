//! Property tests for the operational modules: composition laws, the cost
//! optimum, budget monotonicity, and "no NaN or infinity in any report".

use nines_core::amount::{Count, Per, Rate};
use nines_core::cost::{self, CostModel, Optimum, cost_curve};
use nines_core::delivery::{self, failed_deployments_allowed};
use nines_core::dependency::{
    self, Composition, k_of_n_identical_unavailability, k_of_n_unavailability,
    parallel_unavailability, serial_unavailability,
};
use nines_core::incident::{self, incidents_fitting_budget, max_time_to_restore_seconds};
use nines_core::ratio::Ratio;
use nines_core::support;
use nines_core::target::{Limit, TargetContext};
use nines_core::window::Convention;
use proptest::prelude::*;

/// Unavailabilities spread over many orders of magnitude, including 0 and 1.
fn unavailability() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        Just(1.0),
        (0.0f64..12.0).prop_map(|n| 10f64.powf(-n)),
        0.0f64..=1.0,
    ]
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * a.abs().max(b.abs()) + 1e-300
}

/// Any f64 at all, hostile ones included.
fn any_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(0.0),
        Just(-0.0),
        Just(f64::MAX),
        Just(f64::MIN_POSITIVE),
        any::<f64>(),
        -10.0f64..10.0,
        0.0f64..1e7,
    ]
}

fn lim_le(a: Limit, b: Limit) -> bool {
    match (a, b) {
        (_, Limit::Unlimited) => true,
        (Limit::Unlimited, Limit::AtMost(_)) => false,
        (Limit::AtMost(x), Limit::AtMost(y)) => x <= y * (1.0 + 1e-12),
    }
}

fn no_nan_or_inf(debug: &str) -> bool {
    !debug.contains("NaN") && !debug.contains("inf")
}

proptest! {
    #[test]
    fn serial_is_commutative(mut v in prop::collection::vec(unavailability(), 0..8), seed in any::<u64>()) {
        let a = serial_unavailability(&v);
        let n = v.len();
        if n > 1 {
            v.swap((seed as usize) % n, (seed as usize / 7) % n);
            v.reverse();
        }
        prop_assert!(close(a, serial_unavailability(&v)), "{a} vs {}", serial_unavailability(&v));
    }

    #[test]
    fn serial_is_associative(v in prop::collection::vec(unavailability(), 0..8), split in 0usize..8) {
        let split = split.min(v.len());
        let flat = serial_unavailability(&v);
        let nested = serial_unavailability(&[
            serial_unavailability(&v[..split]),
            serial_unavailability(&v[split..]),
        ]);
        prop_assert!(close(flat, nested) || (flat - nested).abs() < 1e-15, "{flat} vs {nested}");
    }

    #[test]
    fn adding_to_serial_never_raises_availability(v in prop::collection::vec(unavailability(), 0..8), x in unavailability()) {
        let before = serial_unavailability(&v);
        let mut w = v.clone();
        w.push(x);
        prop_assert!(serial_unavailability(&w) >= before);
    }

    #[test]
    fn adding_to_parallel_never_lowers_availability(v in prop::collection::vec(unavailability(), 0..8), x in unavailability()) {
        let before = parallel_unavailability(&v);
        let mut w = v.clone();
        w.push(x);
        prop_assert!(parallel_unavailability(&w) <= before);
    }

    #[test]
    fn one_of_n_is_parallel_and_n_of_n_is_serial(v in prop::collection::vec(unavailability(), 1..10)) {
        let p = parallel_unavailability(&v);
        let k1 = k_of_n_unavailability(1, &v);
        prop_assert!(close(p, k1), "parallel {p:e} vs 1-of-n {k1:e}");
        let s = serial_unavailability(&v);
        let kn = k_of_n_unavailability(v.len(), &v);
        prop_assert!(close(s, kn) || (s - kn).abs() < 1e-15, "serial {s:e} vs n-of-n {kn:e}");
    }

    #[test]
    fn k_of_n_is_monotone_in_k(v in prop::collection::vec(unavailability(), 1..10)) {
        for k in 0..=v.len() {
            prop_assert!(k_of_n_unavailability(k, &v) <= k_of_n_unavailability(k + 1, &v) * (1.0 + 1e-12) + 1e-300);
        }
    }

    #[test]
    fn identical_binomial_equals_poisson_binomial(n in 1usize..30, k in 0usize..32, u in unavailability()) {
        let a = k_of_n_identical_unavailability(k, n, u);
        let b = k_of_n_unavailability(k, &vec![u; n]);
        prop_assert!((a - b).abs() <= 1e-10 * a.max(b) + 1e-300, "{a:e} vs {b:e}");
    }

    #[test]
    fn composition_tree_matches_flat_functions(v in prop::collection::vec(unavailability(), 0..6)) {
        let leaves: Vec<Composition> = v.iter().enumerate().map(|(i, &u)| Composition::component(format!("c{i}"), u)).collect();
        prop_assert_eq!(Composition::Serial(leaves.clone()).unavailability().unwrap(), serial_unavailability(&v));
        prop_assert_eq!(Composition::Parallel(leaves).unavailability().unwrap(), parallel_unavailability(&v));
    }

    #[test]
    fn cost_optimum_is_a_minimum_of_the_sampled_total(
        n0 in 0.0f64..6.0,
        c0 in 1.0f64..1e7,
        k in 1.5f64..100.0,
        revenue in 1e3f64..1e10,
        impact in 0.01f64..=1.0,
    ) {
        let m = CostModel { reference_nines: n0, reference_cost_per_year: c0, cost_factor_per_nine: k, revenue_per_year: revenue, impact_fraction: impact };
        let Optimum::At(best) = m.optimum() else { return Err(TestCaseError::fail("no optimum")) };
        prop_assume!((0.0..=12.0).contains(&best));
        let t = m.total_cost(best);
        for p in cost_curve(&m, 0.0, 12.0, 1201) {
            prop_assert!(t <= p.total_cost_per_year * (1.0 + 1e-9), "T({best}) = {t} > T({}) = {}", p.nines, p.total_cost_per_year);
        }
    }

    #[test]
    fn incident_budget_is_monotone(
        u1 in unavailability(), u2 in unavailability(),
        ttd in 0.0f64..1e5, ttr in 0.0f64..1e5, scope in 0.0f64..=1.0,
        n1 in 0.0f64..100.0, n2 in 0.0f64..100.0,
    ) {
        let (lo, hi) = if u1 <= u2 { (u1, u2) } else { (u2, u1) };
        let w = 2_592_000.0;
        // A bigger budget fits at least as many incidents…
        prop_assert!(lim_le(
            incidents_fitting_budget(lo, w, ttd, ttr, scope).unwrap(),
            incidents_fitting_budget(hi, w, ttd, ttr, scope).unwrap()
        ));
        // …and longer incidents fit no more.
        prop_assert!(lim_le(
            incidents_fitting_budget(hi, w, ttd, ttr + 60.0, scope).unwrap(),
            incidents_fitting_budget(hi, w, ttd, ttr, scope).unwrap()
        ));
        // More incidents leave less time to restore each.
        let (few, many) = if n1 <= n2 { (n1, n2) } else { (n2, n1) };
        prop_assert!(lim_le(
            max_time_to_restore_seconds(hi, w, many, scope).unwrap(),
            max_time_to_restore_seconds(hi, w, few, scope).unwrap()
        ));
        prop_assert!(lim_le(
            failed_deployments_allowed(lo * w, ttd + ttr, scope).unwrap(),
            failed_deployments_allowed(hi * w, ttd + ttr, scope).unwrap()
        ));
    }

    #[test]
    fn adding_a_dependency_never_grows_the_own_budget(u in unavailability(), extra in unavailability()) {
        let ctx = TargetContext::default();
        let base = dependency::DependencyInputs::default();
        let mut more = base.clone();
        more.dependencies.push(Composition::component("extra", extra));
        let a = dependency::evaluate(&base, &ctx);
        let b = dependency::evaluate(&more, &ctx);
        prop_assert!(b.own_unavailability <= a.own_unavailability);
        let _ = u;
    }

    #[test]
    fn reports_hold_no_nan_or_infinity(
        a in any_number(), b in any_number(), c in any_number(), d in any_number(),
        e in any_number(), f in any_number(), g in any_number(),
    ) {
        let ctx = TargetContext { unavailability: a, window_seconds: b, year_seconds: c };

        let mut r = incident::evaluate(&incident::IncidentInputs {
            incidents_per_year: d, time_to_detect_seconds: e, time_to_recover_seconds: f, scope: g,
            history: vec![incident::PastIncident {
                start: nines_core::budget::STORY_NOW, duration_seconds: e, scope: g, note: String::new(),
            }],
            // The model from the log: its figures must stay finite too.
            model_source: if a > 0.5 { incident::ModelSource::Log } else { incident::ModelSource::Typed },
            ..incident::IncidentInputs::default()
        }, &ctx, &nines_core::budget::BudgetInput::default().frame(
            nines_core::window::Period::Days(30), Convention::SreBook, nines_core::budget::STORY_NOW,
        ), &nines_core::clock::MeasuredTime::ALWAYS);
        r.notes.clear();
        prop_assert!(no_nan_or_inf(&format!("{r:?}")), "{r:?}");

        // `d` deployments per `e` seconds when they make a rate, else the
        // most extreme rate there is: 10^15 per nanosecond.
        let deployment_frequency = Count::from_f64(d.abs())
            .zip(Ratio::from_f64(e.abs()))
            .and_then(|(count, seconds)| Rate::new(count, Per::Seconds(seconds)))
            .unwrap_or_else(|| Rate::parse("1000T per 0.000000001s").unwrap());
        let mut r = delivery::evaluate(&delivery::DeliveryInputs {
            deployment_frequency, deployment_lead_time_seconds: f,
            change_failure_rate: g, time_to_detect_seconds: a, time_to_recover_seconds: b, scope: c,
            restore_by: delivery::RestoreBy::FixForward,
        }, &ctx, Convention::SreBook);
        r.notes.clear();
        prop_assert!(no_nan_or_inf(&format!("{r:?}")), "{r:?}");

        let mut r = dependency::evaluate(&dependency::DependencyInputs {
            dependencies: vec![
                Composition::component("d", d),
                Composition::KOfN { k: 2, of: vec![Composition::component("e", e), Composition::component("g", g)] },
            ],
            outages_per_year: f, outage_scope: g, scopes: Vec::new(),
        }, &ctx);
        r.notes.clear();
        r.summary.clear();
        prop_assert!(no_nan_or_inf(&format!("{r:?}")), "{r:?}");

        let mut r = cost::evaluate(&cost::CostInputs {
            model: CostModel { reference_nines: d, reference_cost_per_year: e, cost_factor_per_nine: f, revenue_per_year: g, impact_fraction: a },
            curve_from_nines: b, curve_to_nines: c, curve_samples: 50,
            marginal_levels: vec![a, b, c, d],
            tolerable_loss_per_year: e,
        }, &ctx);
        r.notes.clear();
        prop_assert!(no_nan_or_inf(&format!("{r:?}")), "{r:?}");

        let s = support::SupportInputs {
            on_call: support::OnCallInputs {
                incidents_per_year: e,
                standby_rate_per_hour: f,
                callout_rate: g,
                sre_escalation_fraction: a,
                ..support::OnCallInputs::default()
            },
            ..support::SupportInputs::default()
        };
        let mut r = support::evaluate(&s, &ctx, d);
        r.recommendation.notes.clear();
        prop_assert!(no_nan_or_inf(&format!("{:?}", r.on_call_costs)), "{r:?}");
        prop_assert!(r.recommended_on_call_cost_per_year.is_finite());
    }
}
