//! Editing a portfolio the way the page's `#portfolio` view does, each
//! figure worked by hand from the example estate (see tests/portfolio.rs
//! for the estate itself: database on disks at 0.0002, ledger on the
//! database, payments on the ledger and a card network at 0.0005, checkout
//! on payments and the database).

use nines_core::budget::STORY_NOW;
use nines_core::portfolio::edit::{Edit, apply, inputs};
use nines_core::portfolio::{Estate, Standing, Takes, evaluate, example};

fn row<'a>(estate: &'a Estate, name: &str) -> &'a nines_core::portfolio::Row {
    estate.rows.iter().find(|r| r.service == name).unwrap()
}

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-15, "{a} against {b}");
}

/// The disks typed at 99.96% (0.0004) on the database's row move every
/// service on it, as worked in tests/portfolio.rs: checkout reaches
/// 1 − (1 − 0.0008998)(1 − 0.0004) = 0.00129944008 and is no longer
/// achievable.
#[test]
fn a_typed_dependency_moves_every_service_on_it() {
    let mut p = example();
    apply(
        &mut p,
        Edit::DependencyAvailability(0, 0, "99.96%".into()),
        STORY_NOW,
    )
    .unwrap();
    let estate = evaluate(&p, STORY_NOW).unwrap();
    close(row(&estate, "ledger").expected_unavailability, 0.0004);
    close(row(&estate, "payments").expected_unavailability, 0.0008998);
    close(
        row(&estate, "checkout").expected_unavailability,
        0.00129944008,
    );
    assert_eq!(row(&estate, "checkout").standing, Standing::NotAchievable);
}

/// The database's own incidents: 2 a year, 5 minutes to detect (the
/// default) and 25 to restore, half the users each time: 2 × 1,800 s ×
/// 0.5 = 1,800 s a year, over the Gregorian mean year's 31,556,952 s =
/// 0.0000570397…; the database expects 0.0002 + that = 0.000257039…, and
/// the ledger, which takes the database's expected figure, the same.
#[test]
fn incidents_of_one_service_reach_its_dependents() {
    let mut p = example();
    apply(&mut p, Edit::IncidentsPerYear(0, "2".into()), STORY_NOW).unwrap();
    apply(&mut p, Edit::TimeToRestore(0, "25m".into()), STORY_NOW).unwrap();
    let estate = evaluate(&p, STORY_NOW).unwrap();
    let own = 1_800.0 / 31_556_952.0;
    close(
        row(&estate, "database").expected_unavailability,
        0.0002 + own,
    );
    close(row(&estate, "ledger").expected_unavailability, 0.0002 + own);
    let shown = &inputs(&p)[0];
    assert_eq!(shown.incidents_per_year, "2");
    assert_eq!(shown.time_to_restore, "25m");
}

/// A dependency may take a service's target instead: checkout's payments
/// taking payments' 99.95% target (0.0005) gives checkout
/// 1 − 0.9995 × 0.9998 = 0.00069990, achievable under its 0.001.
#[test]
fn a_dependency_can_take_the_target() {
    let mut p = example();
    let edit = Edit::DependencyService(3, 0, Some(("payments".into(), Takes::Target)));
    apply(&mut p, edit, STORY_NOW).unwrap();
    let estate = evaluate(&p, STORY_NOW).unwrap();
    close(row(&estate, "checkout").expected_unavailability, 0.0006999);
    assert_eq!(
        inputs(&p)[3].dependencies[0].service,
        Some(("payments".into(), Takes::Target))
    );
}

/// Linking the database to checkout would close a loop (checkout uses the
/// database): refused with the services named, and the portfolio is as
/// it was. A service cannot use itself either.
#[test]
fn a_cycle_or_a_self_use_is_refused() {
    let mut p = example();
    let edit = Edit::DependencyService(0, 0, Some(("checkout".into(), Takes::Expected)));
    let err = apply(&mut p, edit, STORY_NOW).unwrap_err();
    assert!(err.contains("in a cycle"), "{err}");
    for name in ["database", "ledger", "payments", "checkout"] {
        assert!(err.contains(&format!("\"{name}\"")), "{err}");
    }
    let edit = Edit::DependencyService(0, 0, Some(("database".into(), Takes::Expected)));
    assert_eq!(
        apply(&mut p, edit, STORY_NOW).unwrap_err(),
        "\"database\" cannot depend on itself"
    );
    assert_eq!(p, example());
}

/// A renamed service is followed by the services that use it; a name
/// taken already is refused.
#[test]
fn a_rename_is_followed_and_names_stay_unique() {
    let mut p = example();
    apply(&mut p, Edit::Name(0, "orders db".into()), STORY_NOW).unwrap();
    assert_eq!(p.services[1].uses[0].service, "orders db");
    assert_eq!(p.services[3].uses[1].service, "orders db");
    let err = apply(&mut p, Edit::Name(1, "checkout".into()), STORY_NOW).unwrap_err();
    assert_eq!(err, "another service is named \"checkout\": each name once");
    assert!(evaluate(&p, STORY_NOW).is_ok());
}

/// Removing the ledger: payments' dependency "ledger" keeps the figure it
/// took, 0.0002, as a typed 99.98%, so payments still expects 0.0006999.
#[test]
fn a_removed_service_leaves_its_last_figure() {
    let mut p = example();
    apply(&mut p, Edit::RemoveService(1), STORY_NOW).unwrap();
    assert_eq!(p.services.len(), 3);
    let payments = &inputs(&p)[1];
    assert_eq!(payments.dependencies[0].name, "ledger");
    assert_eq!(payments.dependencies[0].availability, "99.98%");
    assert_eq!(payments.dependencies[0].service, None);
    let estate = evaluate(&p, STORY_NOW).unwrap();
    close(row(&estate, "payments").expected_unavailability, 0.0006999);
}

/// Bad input names the service and the field and changes nothing; a
/// dependency that is a service cannot be typed over.
#[test]
fn bad_input_is_named_and_changes_nothing() {
    let mut p = example();
    let err = apply(&mut p, Edit::TimeToRestore(2, "soon".into()), STORY_NOW).unwrap_err();
    assert!(err.starts_with("\"payments\"'s time to restore: "), "{err}");
    let err = apply(
        &mut p,
        Edit::DependencyAvailability(2, 0, "99%".into()),
        STORY_NOW,
    )
    .unwrap_err();
    assert_eq!(
        err,
        "\"payments\"'s dependency \"ledger\" takes the service \"ledger\"'s figure: make it typed to type one"
    );
    let err = apply(&mut p, Edit::Name(2, "  ".into()), STORY_NOW).unwrap_err();
    assert_eq!(err, "the service \"payments\": a name is needed");
    assert_eq!(p, example());
}

/// Services stop at 20, the bound a portfolio holds.
#[test]
fn services_stop_at_their_bound() {
    let mut p = example();
    for _ in 4..20 {
        apply(&mut p, Edit::AddService, STORY_NOW).unwrap();
    }
    assert_eq!(p.services.len(), 20);
    assert_eq!(p.services[4].name, "service 5");
    let err = apply(&mut p, Edit::AddService, STORY_NOW).unwrap_err();
    assert_eq!(
        err,
        "a portfolio holds at most 20 services: remove one to add another"
    );
    assert_eq!(evaluate(&p, STORY_NOW).unwrap().rows.len(), 20);
}

/// A calculator's address pasted as a service's scenario: its query is
/// read, and the service's links to others are kept where the dependency
/// is still there.
#[test]
fn a_pasted_calculator_link_replaces_the_scenario() {
    let mut p = example();
    // 99.99%, no incidents, no deployments, and one dependency, the ledger.
    let address = "https://nines.example/?v=5&target=99.99%25&incidents.incidents_per_year=0\
                   &delivery.deployment_frequency=0%20per%20week&dependencies.dependencies=\
                   %5B%7B%22Component%22%3A%7B%22name%22%3A%22ledger%22%2C%22unavailability%22%3A0%7D%7D%5D#top";
    apply(&mut p, Edit::Link(2, address.into()), STORY_NOW).unwrap();
    let payments = &inputs(&p)[2];
    assert_eq!(payments.target, "99.99%");
    assert_eq!(payments.dependencies.len(), 1);
    assert_eq!(p.services[2].uses.len(), 1);
    // Payments now expects the ledger's 0.0002 alone, past 99.99%'s
    // 0.0001: not achievable.
    let estate = evaluate(&p, STORY_NOW).unwrap();
    close(row(&estate, "payments").expected_unavailability, 0.0002);
    assert_eq!(row(&estate, "payments").standing, Standing::NotAchievable);
}

/// What who runs it turns on is set per service: critical traffic and
/// deployments; a rate without a period is refused, naming the field.
#[test]
fn criticality_and_deployments_are_set_per_service() {
    use nines_core::support::TrafficCriticality;
    let mut p = example();
    apply(
        &mut p,
        Edit::Criticality(3, TrafficCriticality::Critical),
        STORY_NOW,
    )
    .unwrap();
    apply(&mut p, Edit::Deployments(3, "3 per week".into()), STORY_NOW).unwrap();
    let checkout = &inputs(&p)[3];
    assert_eq!(checkout.criticality, TrafficCriticality::Critical);
    assert_eq!(checkout.deployments, "3 per week");
    let err = apply(&mut p, Edit::Deployments(3, "3".into()), STORY_NOW).unwrap_err();
    assert!(err.starts_with("\"checkout\"'s deployments: "), "{err}");
    assert!(err.contains("needs a period"), "{err}");
}

/// A portfolio that came broken (a use of a service it does not hold) is
/// mended by editing: the dependency made typed again, it evaluates.
#[test]
fn a_broken_portfolio_can_be_mended() {
    let mut p = example();
    p.services[1].uses[0].service = "nowhere".into();
    assert!(evaluate(&p, STORY_NOW).unwrap_err().contains("\"nowhere\""));
    apply(&mut p, Edit::Target(0, "99.9%".into()), STORY_NOW).unwrap();
    apply(&mut p, Edit::DependencyService(1, 0, None), STORY_NOW).unwrap();
    assert!(p.services[1].uses.is_empty());
    assert_eq!(evaluate(&p, STORY_NOW).unwrap().rows.len(), 4);
}
