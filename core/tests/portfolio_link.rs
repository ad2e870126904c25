//! A portfolio as one link: round trips, the bounds, and what is ignored.

use nines_core::portfolio::link::{decode, encode};
use nines_core::portfolio::{MAX_SERVICES, MAX_USES, example};

#[test]
fn the_example_round_trips() {
    let p = example();
    let link = encode(&p);
    assert!(
        link.starts_with("v=1&name=shop&service=database&link=v%3D5"),
        "{link}"
    );
    let d = decode(&format!("https://nines.example/path/?v=5#portfolio?{link}"));
    assert_eq!(d.notices, Vec::<String>::new());
    assert_eq!(d.portfolio, p);
}

#[test]
fn names_with_separators_round_trip() {
    let mut p = example();
    p.name = "a&b=c!d#e?f".into();
    p.services[0].name = "db!1 & co".into();
    p.services[1].uses[0].service = "db!1 & co".into();
    p.services[1].uses[0].dependency = "the!db".into();
    let d = decode(&encode(&p));
    assert_eq!(d.portfolio, p);
}

/// 25 services and 120 uses: the first 20 services and the first 100 uses
/// are kept, each cut named once.
#[test]
fn a_link_past_the_bounds_is_cut_with_notices() {
    let mut link = String::from("v=1&name=big");
    for i in 0..25 {
        link.push_str(&format!("&service=s{i}&link=v%3D5"));
        if i > 0 {
            for _ in 0..5 {
                link.push_str(&format!("&use=x!s{}", i - 1));
            }
        }
    }
    let d = decode(&link);
    assert_eq!(d.portfolio.services.len(), MAX_SERVICES);
    let uses: usize = d.portfolio.services.iter().map(|s| s.uses.len()).sum();
    // 19 of the 20 kept services use 5 each: 95, within the bound.
    assert_eq!(uses, 95);
    assert_eq!(
        d.notices,
        [
            "The portfolio link holds 25 services: the first 20 are kept (a portfolio holds at most 20)"
        ]
    );
    let mut link = String::from("v=1&name=big&service=a&link=v%3D5&service=b&link=v%3D5");
    for _ in 0..120 {
        link.push_str("&use=x!a");
    }
    let d = decode(&link);
    assert_eq!(d.portfolio.services[1].uses.len(), MAX_USES);
    assert_eq!(
        d.notices,
        [
            "The portfolio link links services 120 times: the first 100 are kept (a portfolio holds at most 100)"
        ]
    );
}

#[test]
fn what_cannot_be_used_is_named_and_counted() {
    let d = decode("v=9&link=v%3D5&service=a&use=nothing&use=a!b!sideways&zz=1");
    assert_eq!(d.portfolio.services.len(), 1);
    assert_eq!(
        d.notices,
        [
            "This portfolio link comes from a newer version of Nines (version \"9\"); what this version knows was read",
            "Ignored the portfolio link's \"link\" before its first service",
            "Ignored the portfolio link's use \"nothing\": expected a dependency, \"!\" and a service, then \"!target\" or nothing",
            "Ignored the portfolio link's use \"a!b!sideways\": expected a dependency, \"!\" and a service, then \"!target\" or nothing",
            "Ignored the portfolio link's unknown setting \"zz\"",
        ]
    );
    let mut many = String::from("v=1");
    for i in 0..30 {
        many.push_str(&format!("&k{i}=1"));
    }
    let d = decode(&many);
    assert_eq!(d.notices.len(), 21);
    assert_eq!(
        d.notices[20],
        "… and 10 more problems with this portfolio link, not listed (the first 20 are)"
    );
}
