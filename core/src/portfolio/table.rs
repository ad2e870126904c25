//! The estate as a table: one row a service, every cell a figure its
//! report wrote. The page's `#portfolio` view shows it and `nines
//! portfolio` prints it, so both read the same columns.

use super::Estate;
use super::support::EstateSupport;
use crate::export::Table;

/// The estate's table, what needs attention first.
///
/// ```
/// use nines_core::portfolio::{evaluate, example, table::table};
/// let t = table(&evaluate(&example(), nines_core::budget::STORY_NOW).unwrap());
/// assert_eq!(t.headers[..4], ["Service", "Target", "Expected", "Standing"]);
/// assert_eq!(t.rows[0][..4], ["payments", "99.95%", "99.93001%", "not achievable"]);
/// ```
pub fn table(estate: &Estate) -> Table {
    let headers = [
        "Service",
        "Target",
        "Expected",
        "Standing",
        "Budget spent",
        "Budget runs out",
        "Most to promise",
        "Who runs it",
        "On-call/yr",
        "Lost revenue/yr",
        "Total/yr",
        "Depends on",
        "Without the extra nine",
    ];
    Table {
        title: if estate.name.is_empty() {
            "The estate".into()
        } else {
            format!("The estate of {}", estate.name)
        },
        headers: headers.map(String::from).to_vec(),
        rows: estate
            .rows
            .iter()
            .map(|r| {
                vec![
                    r.service.clone(),
                    r.target.clone(),
                    r.expected.clone(),
                    r.standing.label().to_string(),
                    r.budget_spent.clone(),
                    r.runs_out.clone(),
                    r.most_promisable.clone(),
                    r.who_runs_it.to_string(),
                    r.on_call_per_year.clone(),
                    r.lost_revenue_per_year.clone(),
                    r.total_per_year.clone(),
                    r.depends_on.join(", "),
                    r.extra_nine_missed.join(", "),
                ]
            })
            .collect(),
        warning: None,
    }
}

/// Who runs the estate: one row a support method recommended, with its
/// services, its rota, and what it costs a year.
///
/// ```
/// use nines_core::portfolio::{evaluate, example, table::support_table};
/// let t = support_table(&evaluate(&example(), nines_core::budget::STORY_NOW).unwrap().support);
/// assert_eq!(t.rows[0][..2], ["You Build It You Run It", "database, ledger, payments, checkout"]);
/// ```
pub fn support_table(support: &EstateSupport) -> Table {
    Table {
        title: "Who runs the estate".into(),
        headers: [
            "Method",
            "Services",
            "On call",
            "On-call/yr",
            "Investment/yr",
        ]
        .map(String::from)
        .to_vec(),
        rows: support
            .groups
            .iter()
            .zip(&support.display.groups)
            .map(|(g, (on_call, investment))| {
                vec![
                    g.method_name.to_string(),
                    g.services.join(", "),
                    g.structure.clone(),
                    on_call.clone(),
                    investment.clone(),
                ]
            })
            .collect(),
        warning: None,
    }
}
