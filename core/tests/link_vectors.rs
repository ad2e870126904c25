//! Scenario links by example: the exact text of links, and what reading
//! hand-written, broken, old and new links gives.

use nines_core::Availability;
use nines_core::link::{LINK_VERSION, Notice, decode, encode};
use nines_core::scenario::{Scenario, evaluate};
use nines_core::window::{Convention, Period};

fn target(text: &str) -> Availability {
    text.parse().unwrap()
}

/// The scenario of `?v=1&target=99.9&convention=sre-book`.
fn sre_book_999() -> Scenario {
    Scenario {
        target: target("99.9%"),
        convention: Convention::SreBook,
        ..Scenario::default()
    }
}

#[test]
fn the_default_scenario_is_just_the_version() {
    assert_eq!(LINK_VERSION, 5);
    assert_eq!(encode(&Scenario::default()), "v=5");
    // An older version without pairs is the default scenario too: nothing
    // in it was renamed, so nothing to say.
    for empty in [
        "", "?", "v=5", "v=4", "v=3", "v=2", "?v=1", "&&", "?&v=1&", "v=0",
    ] {
        let d = decode(empty);
        assert_eq!(d.scenario, Scenario::default(), "{empty:?}");
        assert!(d.notices.is_empty(), "{empty:?}: {:?}", d.notices);
    }
}

#[test]
fn a_hand_written_link() {
    for link in [
        "?v=1&target=99.9&convention=sre-book",
        "v=1&target=99.9&convention=sre-book",
        // No version: the current one.
        "target=99.9&convention=sre-book",
        // A hand-typed `%` that starts no escape is a literal `%`.
        "?v=1&target=99.9%&convention=sre-book",
        "?convention=sre-book&target=99.9%25",
        "?target=3+nines&convention=sre-book",
    ] {
        let d = decode(link);
        assert_eq!(d.scenario, sre_book_999(), "{link}");
        assert!(d.notices.is_empty(), "{link}: {:?}", d.notices);
    }
    assert_eq!(
        encode(&sre_book_999()),
        "v=5&target=99.9%25&convention=sre-book"
    );
}

#[test]
fn nested_inputs_use_dotted_keys_in_field_order() {
    let mut s = sre_book_999();
    s.reverse.period = Period::Days(28);
    s.reverse.downtime_seconds = 90.0;
    s.service_hours = "Mon-Fri 08:00-20:00".parse().unwrap();
    s.slo_window = Period::Days(28);
    let link = encode(&s);
    assert_eq!(
        link,
        "v=5&target=99.9%25&convention=sre-book&reverse.downtime_seconds=90\
         &reverse.period=28d&service_hours=Mon-Fri%2008:00-20:00&slo_window=28d"
    );
    // `+` is a space too, as in HTML forms (and a version-1 link that names
    // no renamed input reads the same).
    let typed = "v=1&target=99.9%25&convention=sre-book&reverse.downtime_seconds=90\
                 &reverse.period=28d&service_hours=Mon-Fri+08:00-20:00&slo_window=28d";
    for link in [link.as_str(), typed] {
        let d = decode(link);
        assert_eq!(d.scenario, s);
        assert!(d.notices.is_empty(), "{:?}", d.notices);
    }
}

#[test]
fn a_list_travels_as_one_json_value() {
    let mut s = Scenario::default();
    s.dependencies.dependencies.truncate(1);
    s.dependencies.dependencies.remove(0);
    let link = encode(&s);
    assert_eq!(link, "v=5&dependencies.dependencies=%5B%5D");
    assert_eq!(decode(&link).scenario, s);

    let mut s = Scenario::default();
    s.dependencies.dependencies.truncate(2);
    s.dependencies.dependencies.remove(0);
    let link = encode(&s);
    assert_eq!(
        link,
        "v=5&dependencies.dependencies=\
         %5B%7B%22Component%22:%7B%22name%22:%22orders%20database%22,%22unavailability%22:0.0001%7D%7D%5D"
    );
    let d = decode(&link);
    assert_eq!(d.scenario, s);
    assert!(d.notices.is_empty());
}

#[test]
fn an_unknown_key_is_reported_and_ignored() {
    let d = decode("?v=1&target=99.9&foo=bar&convention=sre-book&reverse.colour=red&__proto__=x");
    assert_eq!(d.scenario, sre_book_999());
    assert_eq!(
        d.notices,
        [
            Notice::UnknownKey { key: "foo".into() },
            Notice::UnknownKey {
                key: "reverse.colour".into()
            },
            Notice::UnknownKey {
                key: "__proto__".into()
            },
        ]
    );
    assert_eq!(
        d.notices[0].to_string(),
        "Ignored unknown setting \"foo\" in the link"
    );
}

#[test]
fn an_invalid_value_resets_only_its_own_field() {
    let d = decode("?v=1&target=250%25&convention=sre-book&reverse.downtime_seconds=lots");
    let expected = Scenario {
        convention: Convention::SreBook,
        ..Scenario::default()
    };
    assert_eq!(d.scenario, expected);
    assert_eq!(d.notices.len(), 2);
    let Notice::InvalidValue {
        key,
        value,
        default,
        ..
    } = &d.notices[0]
    else {
        panic!("{:?}", d.notices[0]);
    };
    assert_eq!((key.as_str(), value.as_str()), ("target", "250%"));
    assert_eq!(default, "99.95%");
    let line = d.notices[0].to_string();
    assert!(
        line.starts_with("The link's value for \"target\" (\"250%\") is invalid: "),
        "{line}"
    );
    assert!(line.contains("above 100%"), "{line}");
    assert!(line.ends_with(" — using the default 99.95%"), "{line}");
    assert_eq!(
        d.notices[1].to_string(),
        "The link's value for \"reverse.downtime_seconds\" (\"lots\") is invalid: \
         it is not a number — using the default 14400"
    );
}

#[test]
fn hostile_values_are_invalid_not_fatal() {
    for (link, key) in [
        ("reverse.downtime_seconds=NaN", "reverse.downtime_seconds"),
        ("reverse.downtime_seconds=1e999", "reverse.downtime_seconds"),
        ("reverse.downtime_seconds=-inf", "reverse.downtime_seconds"),
        ("cost.curve_samples=1.5", "cost.curve_samples"),
        (
            "cost.curve_samples=999999999999999999999999",
            "cost.curve_samples",
        ),
        ("target=%FF", "target"),
        ("reverse=%7B", "reverse"),
        ("reverse=%5B%5B%5B%5B%5B%5B", "reverse"),
        (
            "dependencies.dependencies=%7B%7D",
            "dependencies.dependencies",
        ),
    ] {
        let d = decode(link);
        assert_eq!(d.scenario, Scenario::default(), "{link}");
        assert!(
            matches!(&d.notices[..], [Notice::InvalidValue { key: k, .. }] if k == key),
            "{link}: {:?}",
            d.notices
        );
    }
}

#[test]
fn the_last_of_repeated_keys_wins() {
    let d = decode("target=99&target=99.9&convention=365d&convention=sre-book");
    assert_eq!(d.scenario, sre_book_999());
    assert!(d.notices.is_empty());
}

#[test]
fn a_v0_link_is_migrated() {
    let d = decode("?v=0&slo=99.9&conv=sre-book");
    assert_eq!(d.scenario, sre_book_999());
    assert_eq!(d.notices, [Notice::Migrated { from: 0 }]);
    assert_eq!(
        d.notices[0].to_string(),
        "This link comes from an older version of Nines (link version 0); \
         its settings were carried over"
    );
    // Re-encoding writes the current version.
    assert_eq!(
        encode(&d.scenario),
        "v=5&target=99.9%25&convention=sre-book"
    );
    // v1 does not know the v0 names.
    let d = decode("?v=1&slo=99.9");
    assert_eq!(d.notices, [Notice::UnknownKey { key: "slo".into() }]);
}

/// Link version 1 held the deployment frequency as a count and a period in
/// seconds; version 2 holds the rate as written. An old link reads as the
/// same rate and gives the same figures: 5 deployments per 86 400 s is 5 a
/// day, 35 a week; over the default 30-day window, 5 × 30 = 150
/// deployments, 10% of them failed (15), each costing (5 + 10 min) × 25% of
/// users = 225 s: 3 375 s of release downtime.
#[test]
fn a_version_1_deployment_rate_reads_as_the_same_rate() {
    let d = decode(
        "?v=1&target=99.9%25&delivery.deployments=5&delivery.deployment_period_seconds=86400",
    );
    assert_eq!(d.notices, [Notice::Migrated { from: 1 }]);
    assert_eq!(d.scenario.target, target("99.9%"));
    assert_eq!(
        d.scenario.delivery.deployment_frequency.to_string(),
        "5 per day"
    );
    let r = evaluate(&d.scenario, nines_core::budget::STORY_NOW);
    assert_eq!(r.delivery.targets.deployments_per_week, 35.0);
    assert!((r.delivery.release_downtime_per_window_seconds - 3_375.0).abs() < 1e-9);
    assert_eq!(
        encode(&d.scenario),
        "v=5&target=99.9%25&delivery.deployment_frequency=5%20per%20day"
    );
    // Either alone: the other kept version 1's default, 10 per 604 800 s.
    let one = |q: &str| decode(q).scenario.delivery.deployment_frequency.to_string();
    assert_eq!(one("v=1&delivery.deployments=2"), "2 per week");
    assert_eq!(
        one("v=1&delivery.deployment_period_seconds=2592000"),
        "10 per 30d"
    );
    // A month the page wrote in seconds (the Gregorian mean month, 2 629 746
    // s) stays those seconds: the figures do not move.
    assert_eq!(
        one("v=1&delivery.deployments=2&delivery.deployment_period_seconds=2629746"),
        "2 per 2629746s"
    );
    // The last of a repeated key wins.
    assert_eq!(
        one("v=1&delivery.deployments=1&delivery.deployments=4"),
        "4 per week"
    );
    // Values that make no rate are refused by name; the rest of the link is read.
    let d = decode("v=1&target=99.9&delivery.deployments=-1");
    assert_eq!(d.scenario.target, target("99.9"));
    assert_eq!(d.scenario.delivery, Scenario::default().delivery);
    assert!(
        matches!(&d.notices[..], [Notice::Migrated { from: 1 }, Notice::InvalidValue { key, value, .. }]
            if key == "delivery.deployment_frequency" && value == "-1 per 604800s"),
        "{:?}",
        d.notices
    );
}

#[test]
fn a_newer_link_is_read_as_far_as_understood() {
    let d = decode("?v=6&target=99.9&convention=sre-book&hologram=on");
    assert_eq!(d.scenario, sre_book_999());
    assert_eq!(
        d.notices,
        [
            Notice::NewerVersion { version: 6 },
            Notice::UnknownKey {
                key: "hologram".into()
            },
        ]
    );
}

#[test]
fn a_bad_version_is_reported_and_read_as_current() {
    for v in ["abc", "-1", "1.0", "99999999999", ""] {
        let d = decode(&format!("v={v}&target=99.9&convention=sre-book"));
        assert_eq!(d.scenario, sre_book_999(), "{v}");
        assert!(
            matches!(&d.notices[..], [Notice::InvalidValue { key, .. }] if key == "v"),
            "{v}: {:?}",
            d.notices
        );
    }
}

#[test]
fn ten_thousand_pairs() {
    let mut link = String::from("?v=1");
    for i in 0..10_000 {
        link.push_str(&format!("&k{}=x&target=99.{}", i % 7, i % 10));
    }
    let d = decode(&link);
    // Last target wins: 99.9 (i = 9999).
    assert_eq!(d.scenario.target, target("99.9"));
    // One notice per distinct unknown key.
    assert_eq!(d.notices.len(), 7);
}

/// The incident log travels as one key holding a JSON list of one-line
/// incidents (`WHEN,DURATION,SCOPE[,NOTE]`), written here by hand.
#[test]
fn the_incident_log_travels_compactly_and_round_trips() {
    use nines_core::incident::PastIncident;
    let mut s = Scenario::default();
    s.incidents.history = vec![
        PastIncident::parse("2027-03-01T10:00:00Z,30m,100%,db failover, then restart").unwrap(),
        PastIncident::parse("2027-03-02,2h,25%").unwrap(),
    ];
    let link = encode(&s);
    assert_eq!(
        link,
        "v=5&incidents.history=%5B%222027-03-01T10:00:00Z,30m,100%25,db%20failover,%20then%20restart%22,\
         %222027-03-02T00:00:00Z,2h,25%25%22%5D"
    );
    let back = decode(&link);
    assert!(back.notices.is_empty(), "{:?}", back.notices);
    assert_eq!(back.scenario, s);
    // An empty log is an empty list.
    s.incidents.history.clear();
    assert_eq!(encode(&s), "v=5&incidents.history=%5B%5D");
    // A bad incident is refused with its field, the log keeps its default.
    let d = decode("v=4&incidents.history=%5B%222027-03-01,30m,150%25%22%5D");
    assert_eq!(d.scenario, Scenario::default());
    assert!(
        d.notices[0]
            .to_string()
            .contains("scope: \\\"150%\\\" is not a fraction")
            || d.notices[0]
                .to_string()
                .contains("scope: \"150%\" is not a fraction"),
        "{}",
        d.notices[0]
    );
}

/// Version 2's undated history: each incident ends at 2026-11-11T00:00:00Z
/// (40 min before: 23:20 on 10 Nov; 20 min before: 23:40), and the period
/// it covered is dropped.
#[test]
fn a_version_2_history_is_dated() {
    let d = decode(
        "v=2&incidents.history=%5B%7B%22downtime_seconds%22:2400,%22scope%22:1%7D,\
         %7B%22downtime_seconds%22:1200,%22scope%22:0.25%7D%5D&incidents.history_period_seconds=7776000",
    );
    assert_eq!(d.notices, [Notice::Migrated { from: 2 }]);
    let lines: Vec<String> = d
        .scenario
        .incidents
        .history
        .iter()
        .map(|i| i.to_string())
        .collect();
    assert_eq!(
        lines,
        [
            "2026-11-10T23:20:00Z,40m,100%,undated in an older link",
            "2026-11-10T23:40:00Z,20m,25%,undated in an older link"
        ]
    );
    // Written whole as JSON, the same.
    let d = decode(
        "v=2&incidents=%7B%22incidents_per_year%22:4,%22history%22:%5B%7B%22downtime_seconds%22:60,%22scope%22:1%7D%5D,%22history_period_seconds%22:1%7D",
    );
    assert!(
        d.notices
            .iter()
            .all(|n| matches!(n, Notice::Migrated { .. })),
        "{:?}",
        d.notices
    );
    assert_eq!(d.scenario.incidents.incidents_per_year, 4.0);
    assert_eq!(
        d.scenario.incidents.history[0].to_string(),
        "2026-11-10T23:59:00Z,1m,100%,undated in an older link"
    );
}

/// One incident rate: a version-2 link's own outages of the
/// dependencies section, or its on-call incidents across the teams divided
/// by the teams (18 / 3 = 6, 20 / 4 = 5), become the incident model's rate;
/// a rate the link sets itself wins.
#[test]
fn version_2_incident_counts_become_one_rate() {
    let rate = |q: &str| decode(q).scenario.incidents.incidents_per_year;
    assert_eq!(rate("v=2&dependencies.outages_per_year=4"), 4.0);
    assert_eq!(
        rate("v=2&support.on_call.incidents_per_year=20&support.on_call.teams=4"),
        5.0
    );
    assert_eq!(
        rate("v=2&dependencies.outages_per_year=4&incidents.incidents_per_year=9"),
        9.0
    );
    let d = decode("v=2&dependencies.outages_per_year=4");
    assert!(
        d.notices
            .iter()
            .all(|n| matches!(n, Notice::Migrated { .. })),
        "{:?}",
        d.notices
    );
    // The figures follow: at 4 own outages a year the dependencies'
    // detect-and-recover bound is the same as the scenario's with rate 4.
    let r = nines_core::scenario::evaluate(&d.scenario, nines_core::budget::STORY_NOW);
    let mut s = nines_core::scenario::Scenario::default();
    s.incidents.incidents_per_year = 4.0;
    let same = nines_core::scenario::evaluate(&s, nines_core::budget::STORY_NOW);
    assert_eq!(
        r.dependencies.max_detect_and_recover_seconds,
        same.dependencies.max_detect_and_recover_seconds
    );
    // Version 4 has no such keys.
    assert!(matches!(
        &decode("v=4&dependencies.outages_per_year=4").notices[..],
        [Notice::UnknownKey { .. }]
    ));
}

/// One outage scope: a version-3 link's scope of the service's
/// own outages (`dependencies.outage_scope`, alone or inside a whole
/// `dependencies` object) becomes the incident model's scope, unless the
/// link sets that itself; with neither, both are the incident model's 50%.
#[test]
fn version_3_outage_scope_becomes_the_incident_scope() {
    let scope = |q: &str| decode(q).scenario.incidents.scope;
    assert_eq!(scope("v=3&dependencies.outage_scope=0.3"), 0.3);
    assert_eq!(
        scope("v=3&dependencies.outage_scope=0.3&incidents.scope=0.8"),
        0.8
    );
    assert_eq!(
        scope("v=3&dependencies=%7B%22dependencies%22:%5B%5D,%22outage_scope%22:0.25%7D"),
        0.25
    );
    let d = decode("v=3&dependencies=%7B%22dependencies%22:%5B%5D,%22outage_scope%22:0.25%7D");
    assert!(d.scenario.dependencies.dependencies.is_empty());
    assert!(
        d.notices
            .iter()
            .all(|n| matches!(n, Notice::Migrated { .. })),
        "{:?}",
        d.notices
    );
    assert_eq!(scope("v=3"), 0.5);
    // Version 4 has no such key.
    assert!(matches!(
        &decode("v=4&dependencies.outage_scope=0.3").notices[..],
        [Notice::UnknownKey { .. }]
    ));
    // The dependencies' detect-and-recover bound follows the incident
    // scope: own budget × year / (outages × scope), so halving the scope
    // from 100% to 50% doubles it.
    let at = |scope: f64| {
        let mut s = Scenario::default();
        s.incidents.scope = scope;
        nines_core::scenario::evaluate(&s, nines_core::budget::STORY_NOW)
            .dependencies
            .max_detect_and_recover_seconds
            .value()
            .unwrap()
    };
    assert!((at(0.5) - 2.0 * at(1.0)).abs() < 1e-6 * at(1.0));
}

/// Night shifts, split days and a maintenance window across midnight travel
/// in a link as they print, and read back to the same schedule; a link
/// written before them (touching ranges over midnight) reads the same
/// minutes and prints them as one night.
#[test]
fn night_and_split_service_hours_travel_in_links() {
    let s = Scenario {
        service_hours: "Mon-Fri 09:00-12:00,13:00-17:00, Mon-Fri 22:00-06:00"
            .parse()
            .unwrap(),
        maintenance: "Tue 23:00-01:00 excluded".parse().unwrap(),
        ..Scenario::default()
    };
    let link = encode(&s);
    assert!(
        link.contains("service_hours=Mon-Fri%2009:00-12:00,13:00-17:00,22:00-06:00"),
        "{link}"
    );
    let d = decode(&link);
    assert_eq!(d.scenario, s);
    assert!(d.notices.is_empty(), "{:?}", d.notices);
    let old = decode("v=4&service_hours=Mon+20:00-24:00,+Tue+00:00-06:00");
    assert!(old.notices.is_empty(), "{:?}", old.notices);
    assert_eq!(old.scenario.service_hours.to_string(), "Mon 20:00-06:00");
    assert_eq!(old.scenario.service_hours.weekly_minutes(), 10 * 60);
}
