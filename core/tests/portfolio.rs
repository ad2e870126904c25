//! A portfolio: services whose dependencies are other services, worked by
//! hand. The example estate: a database, the ledger on it, payments on the
//! ledger and a card network, and checkout on payments and the same
//! database. Each service is the blank scenario (nothing fails of its own)
//! with its dependencies, so its expected unavailability is its serial
//! dependencies' 1 − Π(1 − uᵢ):
//!
//! * database, 99.95%: disks at 0.0002 → 0.0002 (99.98%), achievable;
//! * ledger, 99.95%: the database → 0.0002, achievable;
//! * payments, 99.95%: the ledger and the card network at 0.0005 →
//!   1 − 0.9998 × 0.9995 = 1 − 0.9993001 = 0.0006999, past the 0.0005
//!   budget: not achievable; the most it can promise is 99.9%;
//! * checkout, 99.9%: payments and the database →
//!   1 − 0.9993001 × 0.9998 = 1 − 0.99910023998 = 0.00089976002, within
//!   0.001: achievable.
//!
//! The disks at 0.0004 instead move every service: the database and the
//! ledger 0.0004 (still within 0.0005), payments 1 − 0.9996 × 0.9995 =
//! 0.0008998, checkout 1 − 0.9991002 × 0.9996 = 0.00129944008, past 0.001:
//! checkout is no longer achievable.

use nines_core::budget::STORY_NOW;
use nines_core::dependency::Composition;
use nines_core::portfolio::{Portfolio, Standing, Takes, evaluate, example};

/// The example estate with the database's disks at `disks`.
fn shop(disks: f64) -> Portfolio {
    let mut p = example();
    let mut s = nines_core::link::decode(&p.services[0].link).scenario;
    s.dependencies.dependencies = vec![Composition::component("disks", disks)];
    p.services[0].link = nines_core::link::encode(&s);
    p
}

/// The example written out for people and the CLI is the example.
#[test]
fn the_shipped_example_is_the_example() {
    let shipped = include_str!("../../docs/examples/portfolio-shop.json");
    let p: Portfolio = serde_json::from_str(shipped).unwrap();
    assert_eq!(p, example());
}

#[test]
fn the_example_estate_worked_by_hand() {
    let estate = evaluate(&shop(0.0002), STORY_NOW).unwrap();
    let names: Vec<&str> = estate.rows.iter().map(|r| r.service.as_str()).collect();
    // Not achievable first, then achievable by expected unavailability.
    assert_eq!(names, ["payments", "checkout", "database", "ledger"]);
    let row = |n: &str| estate.rows.iter().find(|r| r.service == n).unwrap();
    let close = |a: f64, b: f64| assert!((a - b).abs() < 1e-15, "{a} against {b}");
    close(row("database").expected_unavailability, 0.0002);
    close(row("ledger").expected_unavailability, 0.0002);
    close(row("payments").expected_unavailability, 0.0006999);
    close(row("checkout").expected_unavailability, 0.00089976002);
    assert_eq!(row("payments").standing, Standing::NotAchievable);
    assert_eq!(row("payments").most_promisable, "99.9%");
    assert_eq!(row("checkout").standing, Standing::Achievable);
    assert_eq!(row("database").expected, "99.98%");
    assert_eq!(row("checkout").depends_on, ["payments", "database"]);
    // The rule of the extra nine along every edge: a dependency should
    // leave a tenth of the service's budget. Under 99.95% (0.0005) that is
    // 0.00005, which the database and the ledger (0.0002) miss; under
    // checkout's 99.9% (0.001) it is 0.0001, which payments (0.0006999)
    // and the database (0.0002) miss.
    assert_eq!(row("database").extra_nine_missed, Vec::<String>::new());
    assert_eq!(row("ledger").extra_nine_missed, ["database"]);
    assert_eq!(row("payments").extra_nine_missed, ["ledger"]);
    assert_eq!(row("checkout").extra_nine_missed, ["payments", "database"]);
}

#[test]
fn a_change_to_one_service_moves_every_service_on_it() {
    let estate = evaluate(&shop(0.0004), STORY_NOW).unwrap();
    let row = |n: &str| estate.rows.iter().find(|r| r.service == n).unwrap();
    let close = |a: f64, b: f64| assert!((a - b).abs() < 1e-15, "{a} against {b}");
    close(row("ledger").expected_unavailability, 0.0004);
    close(row("payments").expected_unavailability, 0.0008998);
    close(row("checkout").expected_unavailability, 0.00129944008);
    assert_eq!(row("checkout").standing, Standing::NotAchievable);
    assert_eq!(row("ledger").standing, Standing::Achievable);
}

/// Taking payments' target (99.95%: 0.0005) instead of what it is expected
/// to achieve: checkout is 1 − 0.9995 × 0.9998 = 0.00069990.
#[test]
fn an_edge_can_take_the_target() {
    let mut p = shop(0.0002);
    p.services[3].uses[0].takes = Takes::Target;
    let estate = evaluate(&p, STORY_NOW).unwrap();
    let checkout = estate
        .rows
        .iter()
        .find(|r| r.service == "checkout")
        .unwrap();
    assert!((checkout.expected_unavailability - 0.0006999).abs() < 1e-15);
}

#[test]
fn what_cannot_be_read_is_refused_with_the_names() {
    let mut p = shop(0.0002);
    p.services[0].uses = vec![p.services[1].uses[0].clone()];
    p.services[0].uses[0].service = "checkout".into();
    p.services[0].uses[0].dependency = "disks".into();
    let err = evaluate(&p, STORY_NOW).unwrap_err();
    assert!(err.starts_with("the services "), "{err}");
    for name in ["\"database\"", "\"ledger\"", "\"payments\"", "\"checkout\""] {
        assert!(err.contains(name), "{err}");
    }
    let mut p = shop(0.0002);
    p.services[1].uses[0].service = "db".into();
    assert_eq!(
        evaluate(&p, STORY_NOW).unwrap_err(),
        "no service named \"db\" in the portfolio"
    );
    let mut p = shop(0.0002);
    p.services[1].uses[0].dependency = "storage".into();
    assert_eq!(
        evaluate(&p, STORY_NOW).unwrap_err(),
        "\"ledger\" has no dependency named \"storage\" to take \"database\"'s figure"
    );
    let mut p = shop(0.0002);
    let extra = p.services[0].clone();
    p.services.extend(std::iter::repeat_n(extra, 17));
    assert_eq!(
        evaluate(&p, STORY_NOW).unwrap_err(),
        "the portfolio holds 21 services: at most 20"
    );
}
