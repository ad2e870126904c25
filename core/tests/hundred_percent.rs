//! The default scenario at a 100% target, read as a person
//! reads it: the cost headlines and the measures card say what 100% means
//! once, in words, instead of a capped price or a nested figure.

use nines_core::budget::STORY_NOW;
use nines_core::export::measures_table;
use nines_core::quantity::Availability;
use nines_core::scenario::{Scenario, evaluate};

#[test]
fn a_hundred_percent_target_reads_plainly() {
    let s = Scenario {
        target: Availability::HUNDRED,
        ..Scenario::default()
    };
    let r = evaluate(&s, STORY_NOW);
    // The model's costs are kept at its 12-nine limit ($20,000 at 3 nines
    // × 10^9 = $2 × 10^13), which is no price of 100%.
    assert_eq!(r.cost.display.engineering_cost_at_target, "no finite cost");
    assert_eq!(r.cost.display.total_cost_at_target, "no finite cost");
    assert!(!r.cost.display.target_premium.contains('B'));
    let m = measures_table(&r);
    let availability = m.rows.iter().find(|row| row[0] == "Availability").unwrap();
    assert_eq!(availability[1], "100% (no downtime allowed)");
}

#[test]
fn the_default_target_keeps_its_nines() {
    let r = evaluate(&Scenario::default(), STORY_NOW);
    let m = measures_table(&r);
    let availability = m.rows.iter().find(|row| row[0] == "Availability").unwrap();
    // 99.95%: U = 0.0005, −log10(0.0005) = 3.30103 nines, shown as 3.3.
    assert_eq!(availability[1], "99.95% (3.3 nines)");
}
