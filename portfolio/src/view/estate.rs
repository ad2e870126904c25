//! The estate at a glance: the portfolio's name, then one row a service
//! (the core's table, `nines_core::portfolio::table`), what needs attention
//! first; or, with no service yet, the way in: the example or a first
//! service.

use nines_core::portfolio::edit::Edit;
use nines_core::portfolio::table::table;
use nines_core::portfolio::{example, Standing, MAX_SERVICES, MAX_USES};
use yew::prelude::*;

use crate::state::{Action, State};
use crate::view::dispatch::Dispatch;
use crate::view::field::Field;

pub fn view(s: &State, dispatch: Dispatch) -> Html {
    let on_name = {
        let dispatch = dispatch.clone();
        Callback::from(move |name: String| {
            dispatch.dispatch(Action::Edit {
                key: "name".into(),
                edit: Edit::PortfolioName(name),
            })
        })
    };
    let start_example = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            // A new entry in the history: Back returns to what was here.
            crate::view::store::keep(&example(), true);
            dispatch.dispatch(Action::Open(example(), Vec::new()))
        })
    };
    html! {
        <section class="card" id="portfolio-estate" aria-labelledby="portfolio-estate-heading">
            <h2 id="portfolio-estate-heading">{ "The estate" }</h2>
            <Field id="portfolio-name" label="Portfolio name" value={s.portfolio.name.clone()}
                error={s.error("name").map(AttrValue::from)} on_edit={on_name} />
            if s.portfolio.services.is_empty() {
                <p>
                    { "No service yet. Start from the example (a shop: checkout on payments, payments \
                       on the ledger and a card network, all on one database) or add a first service \
                       below." }
                </p>
            }
            if let Some(why) = &s.problem {
                <p class="error" id="portfolio-problem" role="alert">
                    { format!("The portfolio cannot be evaluated as it stands: {why}. ") }
                    if s.estate.is_some() { { "The figures below are the last it gave." } }
                </p>
            }
            if let Some(estate) = &s.estate { { rows(estate) } }
            <p class="convention">
                { format!("Sorted by what needs attention first: not achievable, then at risk (the budget \
                   runs out before the window ends), then achievable; by expected unavailability within \
                   each. A portfolio holds at most {MAX_SERVICES} services and {MAX_USES} links between them.") }
            </p>
            <div class="toolbar">
                <button type="button" id="portfolio-example" onclick={start_example}>
                    { "Start from the example" }
                </button>
            </div>
            <crate::view::library::Library portfolio={s.portfolio.clone()} dispatch={dispatch.clone()} />
            <crate::view::import::SpecImport dispatch={dispatch} />
        </section>
    }
}

/// The table, each service's standing marked by colour and in words.
fn rows(estate: &nines_core::portfolio::Estate) -> Html {
    let standing_class = |i: usize| match estate.rows.get(i).map(|r| r.standing) {
        Some(Standing::NotAchievable) => "status bad",
        Some(Standing::AtRisk) => "status warn",
        _ => "status good",
    };
    crate::view::table::view("portfolio-table", &table(estate), Some(3), standing_class)
}
