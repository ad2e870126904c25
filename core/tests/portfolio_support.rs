//! Who runs the estate, worked by hand on the example portfolio (see
//! tests/portfolio.rs: a database, the ledger on it, payments on the
//! ledger and a card network, checkout on payments and the database; each
//! the blank scenario: no incidents, no deployments, normal traffic, the
//! default on-call model of $5 an hour on standby for 6,680 hours a year
//! and $150 a callout, $10,000 a year of investment a You Run It team and
//! ten times that for an SRE team; checkout earns $20M a year, 80% of it
//! lost while down, and expects 0.00089976002 unavailability).

use nines_core::budget::STORY_NOW;
use nines_core::portfolio::edit::{Edit, apply};
use nines_core::portfolio::{Portfolio, evaluate, example};
use nines_core::support::{SupportMethod, TrafficCriticality};

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-6, "{a} against {b}");
}

/// The example with `critical` services at critical traffic and 99.99%.
fn with_critical(critical: &[usize]) -> Portfolio {
    let mut p = example();
    for &i in critical {
        let mut s = nines_core::link::decode(&p.services[i].link).scenario;
        s.support.criticality = TrafficCriticality::Critical;
        s.target = "99.99%".parse().unwrap();
        p.services[i].link = nines_core::link::encode(&s);
    }
    p
}

/// Four You Build It You Run It services: an engineer each on standby,
/// 4 × $5 × 6,680 h = $133,600 (no incidents, no callouts), or $33,400 on
/// one shared rota; 4 × $10,000 of investment; checkout loses
/// 20,000,000 × 0.8 × 0.00089976002 = $14,396.16 a year. In all
/// $187,996.16.
#[test]
fn the_example_is_four_teams_running_their_own() {
    let estate = evaluate(&example(), STORY_NOW).unwrap();
    let s = &estate.support;
    assert_eq!(s.groups.len(), 1);
    assert_eq!(s.groups[0].method, SupportMethod::YouBuildItYouRunIt);
    assert_eq!(
        s.groups[0].services,
        ["database", "ledger", "payments", "checkout"]
    );
    close(s.groups[0].on_call_per_year, 133_600.0);
    close(s.groups[0].investment_per_year, 40_000.0);
    let (each, shared) = s.rotas.unwrap();
    close(each, 133_600.0);
    close(shared, 33_400.0);
    close(s.services[3].lost_revenue_per_year, 14_396.160_32);
    close(s.total_per_year.unwrap(), 187_996.160_32);
    assert_eq!(s.display.total, "$188k");
    assert_eq!(s.display.rotas, ("$134k".to_string(), "$33.4k".to_string()));
    assert!(
        s.sre_condition
            .starts_with("No service has critical traffic at four nines or more")
    );
    // Each row shows its share: $133,600 / 4 of on-call, $40,000 / 4 of
    // investment; checkout's total adds its $14,396.16 lost: $57,796.16.
    assert!(estate.rows.iter().all(|r| r.on_call_per_year == "$33.4k"));
    close(s.services[3].total_per_year, 57_796.160_32);
    let checkout = estate
        .rows
        .iter()
        .find(|r| r.service == "checkout")
        .unwrap();
    assert_eq!(checkout.total_per_year, "$57.8k");
    let ledger = estate.rows.iter().find(|r| r.service == "ledger").unwrap();
    assert_eq!(ledger.total_per_year, "$43.4k");
    assert!(
        estate
            .rows
            .iter()
            .all(|r| r.who_runs_it == "You Build It You Run It")
    );
}

/// Payments and checkout at critical traffic and 99.99% (four nines): two
/// such services warrant an SRE team. Its rota is one SRE plus the two
/// delivery teams at L2, 3 × $5 × 6,680 = $100,200; its investment
/// 10 × $10,000 × 2 = $200,000, $100,000 a service. The database and the
/// ledger stay You Run It: $66,800 and $20,000. Checkout still loses
/// $14,396.16 (its expected downtime does not follow its target). In all
/// $401,396.16. The default organisation, IT as a Cost Centre, is a
/// "difficult fit" for SRE Run It.
#[test]
fn two_critical_services_at_four_nines_share_an_sre_team() {
    let estate = evaluate(&with_critical(&[2, 3]), STORY_NOW).unwrap();
    let s = &estate.support;
    assert_eq!(s.sre_candidates, ["payments", "checkout"]);
    assert!(
        s.sre_condition.starts_with(
            "2 services have critical traffic at four nines or more (\"payments\", \"checkout\")"
        ),
        "{}",
        s.sre_condition
    );
    let sre = s
        .groups
        .iter()
        .find(|g| g.method == SupportMethod::YouBuildItSreRunIt)
        .unwrap();
    assert_eq!(sre.services, ["payments", "checkout"]);
    close(sre.on_call_per_year, 100_200.0);
    close(sre.investment_per_year, 200_000.0);
    assert!(
        sre.warnings.iter().any(|w| w.contains("difficult fit")),
        "{:?}",
        sre.warnings
    );
    let (each, shared) = s.rotas.unwrap();
    close(each, 66_800.0);
    close(shared, 33_400.0);
    close(s.total_per_year.unwrap(), 401_396.160_32);
    let row = |n: &str| estate.rows.iter().find(|r| r.service == n).unwrap();
    assert_eq!(row("payments").who_runs_it, "You Build It SRE Run It");
    assert_eq!(row("payments").on_call_per_year, "$50.1k");
    assert_eq!(row("ledger").who_runs_it, "You Build It You Run It");
}

/// One critical service at four nines alone does not warrant an SRE team.
#[test]
fn one_critical_service_stays_you_run_it() {
    let estate = evaluate(&with_critical(&[3]), STORY_NOW).unwrap();
    let s = &estate.support;
    assert_eq!(s.sre_candidates, ["checkout"]);
    assert!(
        s.sre_condition
            .starts_with("Only \"checkout\" has critical traffic"),
        "{}",
        s.sre_condition
    );
    assert!(
        s.services
            .iter()
            .all(|x| x.method == SupportMethod::YouBuildItYouRunIt)
    );
}

/// The database's 2 incidents a year each call out its engineer: 2 × $150
/// = $300 more, on a rota each ($133,900) or shared ($33,700).
#[test]
fn incidents_are_callouts_on_either_rota() {
    let mut p = example();
    apply(&mut p, Edit::IncidentsPerYear(0, "2".into()), STORY_NOW).unwrap();
    let (each, shared) = evaluate(&p, STORY_NOW).unwrap().support.rotas.unwrap();
    close(each, 133_900.0);
    close(shared, 33_700.0);
}

/// Ten services at 98% (below two nines) with no deployments are Ops Run
/// It, one Ops Bridge and one Application Operations person for all ten:
/// 2 × $5 × 6,680 = $66,800, no investment; ten is the essays' "at scale".
#[test]
fn ten_ops_run_services_are_ops_run_it_at_scale() {
    let mut p = Portfolio {
        name: "ops".into(),
        services: Vec::new(),
    };
    for i in 0..10 {
        apply(&mut p, Edit::AddService, STORY_NOW).unwrap();
        apply(&mut p, Edit::Target(i, "98%".into()), STORY_NOW).unwrap();
    }
    let s = evaluate(&p, STORY_NOW).unwrap().support;
    assert_eq!(s.groups.len(), 1);
    assert_eq!(s.groups[0].method, SupportMethod::YouBuildItOpsRunIt);
    close(s.groups[0].on_call_per_year, 66_800.0);
    close(s.groups[0].investment_per_year, 0.0);
    assert!(
        s.groups[0].warnings.iter().any(|w| w.contains("at scale")),
        "{:?}",
        s.groups[0].warnings
    );
    assert_eq!(s.rotas, None);
}

/// Money is never converted: with a service priced in pounds there is no
/// total.
#[test]
fn two_currencies_give_no_total() {
    let mut p = example();
    let mut s = nines_core::link::decode(&p.services[1].link).scenario;
    s.currency = "GBP".parse().unwrap();
    p.services[1].link = nines_core::link::encode(&s);
    let support = evaluate(&p, STORY_NOW).unwrap().support;
    assert_eq!(support.total_per_year, None);
    assert_eq!(support.display.total, "—");
    assert!(
        support
            .display
            .currency_note
            .unwrap()
            .contains("different currencies")
    );
}
