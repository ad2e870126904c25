//! Offsets, fractional counts, cost levels and teams refused where
//! the rules live in the core: an instant's offset within ±14:00, whole
//! counts of requests, marginal levels beyond the searched range said,
//! and zero teams repaired consistently. Figures worked by hand.

use nines_core::amount::Count;
use nines_core::clock::parse_instant;
use nines_core::cost::{self, CostInputs};
use nines_core::support::{self, OnCallInputs, ServiceModel, SupportInputs, SupportMethod};
use nines_core::target::TargetContext;

// ---------------------------------------------------------------------------
// Item 10: offsets in instants
// ---------------------------------------------------------------------------

/// The world's time zones run from −14:00 to +14:00 (Kiribati's +14:00);
/// minutes are 00 to 59. By hand: 09:30 at +14:00 is 09:30 − 14:00, the
/// day before at 19:30 UTC; at −14:00 it is 23:30 UTC the same day; at
/// +05:45 (Nepal) 03:45 UTC.
#[test]
fn instants_take_offsets_within_the_worlds_time_zones() {
    for (text, utc) in [
        ("2027-03-10T09:30:00+14:00", "2027-03-09T19:30:00+00:00"),
        ("2027-03-10T09:30:00-14:00", "2027-03-10T23:30:00+00:00"),
        ("2027-03-10T09:30:00+05:45", "2027-03-10T03:45:00+00:00"),
        ("2027-03-10T09:30:00-00:00", "2027-03-10T09:30:00+00:00"),
    ] {
        assert_eq!(parse_instant(text).unwrap().to_rfc3339(), utc, "{text}");
    }
}

#[test]
fn instants_refuse_offsets_beyond_fourteen_hours_or_sixty_minutes() {
    for text in [
        "2027-03-10T09:30:00+25:00",
        "2027-03-10T09:30:00+99:59",
        "2027-03-10T09:30:00+00:60",
        "2027-03-10T09:30:00-00:99",
        "2027-03-10T09:30:00+14:01",
        "2027-03-10T09:30:00-14:30",
        "2027-03-10T09:30+15:00",
        "2027-03-10 09:30:00.5-23:00",
    ] {
        let e = parse_instant(text).unwrap_err().to_string();
        assert!(
            e.contains("between -14:00 and +14:00, with minutes 00 to 59"),
            "{text}: {e}"
        );
        assert!(!e.contains('\n'), "{e}");
    }
}

// ---------------------------------------------------------------------------
// Item 12: whole counts of requests
// ---------------------------------------------------------------------------

#[test]
fn counts_of_requests_are_whole() {
    for (text, n) in [
        ("1.5k", 1_500.0),
        ("2.6M", 2_600_000.0),
        ("1,000,000", 1_000_000.0),
        ("0", 0.0),
        ("1e6", 1_000_000.0),
        ("2.000", 2.0),
    ] {
        assert_eq!(Count::parse_whole(text).unwrap().to_f64(), n, "{text}");
    }
    for text in ["1.5", "0.5", "2.50", "1e-1", "1.0005k", "999.9999"] {
        let e = Count::parse_whole(text).unwrap_err().to_string();
        assert!(e.contains("not a whole number"), "{text}: {e}");
        // A fraction stays a count where one may be fractional.
        assert!(Count::parse(text).is_ok(), "{text}");
    }
    // Other refusals are the count's own.
    let e = Count::parse_whole("3m").unwrap_err().to_string();
    assert!(e.contains("ambiguous"), "{e}");
}

// ---------------------------------------------------------------------------
// Item 13: marginal levels beyond the searched range
// ---------------------------------------------------------------------------

/// `--levels 2 3 400`: 400 nines was silently shown as 12. By hand, at
/// the default model ($20k a year at 3 nines, ×10 a nine, $20M × 80% at
/// risk): 3 → 12 nines costs $20k × 10^9 − $20k = $19,999,999,980,000
/// more and protects $16M × (10^−3 − 10^−12) = $15,999.999984.
#[test]
fn marginal_levels_outside_the_range_are_said() {
    let inputs = CostInputs {
        marginal_levels: vec![2.0, 3.0, 400.0],
        ..CostInputs::default()
    };
    let r = cost::evaluate(&inputs, &TargetContext::default());
    let last = r.marginal.last().unwrap();
    assert_eq!((last.from_nines, last.to_nines), (3.0, 12.0));
    assert_eq!(last.extra_engineering_cost_per_year, 19_999_999_980_000.0);
    assert!(
        (last.revenue_protected_per_year - 15_999.999_984).abs() < 1e-6,
        "{}",
        last.revenue_protected_per_year
    );
    let said: Vec<&String> = r
        .notes
        .iter()
        .filter(|n| n.starts_with("A marginal level of"))
        .collect();
    assert_eq!(
        said,
        [
            "A marginal level of 400 nines is outside the 0..=12 nines the model searches: \
             12 nines is used instead."
        ],
        "{:?}",
        r.notes
    );

    // Below the range too; levels within it say nothing.
    let inputs = CostInputs {
        marginal_levels: vec![-1.0, 3.0],
        ..CostInputs::default()
    };
    let r = cost::evaluate(&inputs, &TargetContext::default());
    assert!(
        r.notes
            .iter()
            .any(|n| n.contains("of -1 nines") && n.contains("0 nines is used")),
        "{:?}",
        r.notes
    );
    let r = cost::evaluate(&CostInputs::default(), &TargetContext::default());
    assert!(
        !r.notes.iter().any(|n| n.contains("marginal level")),
        "{:?}",
        r.notes
    );
}

// ---------------------------------------------------------------------------
// Item 14: zero teams
// ---------------------------------------------------------------------------

fn support_with(teams: u32, incidents_across_teams: f64) -> support::SupportReport {
    let inputs = SupportInputs {
        on_call: OnCallInputs {
            teams,
            incidents_per_year: incidents_across_teams,
            ..OnCallInputs::default()
        },
        ..SupportInputs::default()
    };
    support::evaluate_in(
        &inputs,
        &TargetContext::default(),
        10.0,
        Default::default(),
        &ServiceModel::default(),
    )
}

fn method(r: &support::SupportReport, m: SupportMethod) -> &support::MethodComparison {
    r.methods.iter().find(|c| c.method == m).unwrap()
}

/// `support --teams 0` counted the downtime of the service's 6 incidents
/// a year but paid no one to restore it: You Build It You Run It cost $0
/// on call and was the cheapest. Zero teams is now one, this service's,
/// in every figure, as the scenario gives it (0 × 6 = 0 incidents across
/// the teams, repaired to the service's 6). By hand, one team: standby
/// 1 × $5 × 6,680 h = $33,400, callouts 6 × $150 = $900, on call $34,300;
/// investment $10,000; downtime 6 × 2,100 s × 50% = 6,300 s, lost
/// $16M / 31,556,952 s × 6,300 s = $3,194.22; total $47,494.22.
#[test]
fn zero_teams_is_one_team_in_every_figure() {
    let zero = support_with(0, 0.0);
    let one = support_with(1, 6.0);
    assert_eq!(zero.on_call_costs, one.on_call_costs);
    assert_eq!(zero.methods, one.methods);
    assert_eq!(zero.recommendation.method, one.recommendation.method);
    assert_eq!(zero.services, 1);
    let yri = method(&zero, SupportMethod::YouBuildItYouRunIt);
    assert_eq!(yri.on_call_cost_per_year, 34_300.0);
    assert_eq!(yri.investment_per_year, 10_000.0);
    assert_eq!(yri.expected_downtime_per_year_seconds, 6_300.0);
    assert!((yri.revenue_lost_per_year - 3_194.22).abs() < 0.005);
    assert!((yri.total_cost_per_year - 47_494.22).abs() < 0.005);
    assert!(
        zero.recommendation.notes.iter().any(|n| n
            == "Delivery teams (0) is below 1: 1 team, this service's, is used instead, with \
                its 6 incidents a year."),
        "{:?}",
        zero.recommendation.notes
    );
    assert!(
        zero.display
            .callouts
            .starts_with("6 incidents a year across the one team's service"),
        "{}",
        zero.display.callouts
    );
    // One team or more: no such note.
    assert!(!one.recommendation.notes.iter().any(|n| n.contains("teams")));
}

/// The same through the scenario, where the on-call incidents are
/// `teams ×` the incident model's rate.
#[test]
fn zero_teams_in_a_scenario_is_one_team() {
    use nines_core::budget::STORY_NOW;
    use nines_core::scenario::{Scenario, evaluate};
    let mut s = Scenario::default();
    s.support.on_call.teams = 0;
    let zero = evaluate(&s, STORY_NOW).support;
    s.support.on_call.teams = 1;
    let one = evaluate(&s, STORY_NOW).support;
    assert_eq!(zero.on_call_costs, one.on_call_costs);
    assert_eq!(zero.methods, one.methods);
    let yri = method(&zero, SupportMethod::YouBuildItYouRunIt);
    assert!(yri.on_call_cost_per_year > 0.0);
}
