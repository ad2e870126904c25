//! Who runs the estate: the core's rows of support methods
//! (`nines_core::portfolio::table::support_table`), then its sentences:
//! the essays' warnings for each method, SRE Run It's condition across the
//! services, a rota each or one shared, and the revenue insurance.

use nines_core::portfolio::table::support_table;
use yew::prelude::*;

use crate::state::State;

pub fn view(s: &State) -> Html {
    let Some(estate) = &s.estate else {
        return html! {};
    };
    let support = &estate.support;
    let warnings = support.groups.iter().flat_map(|g| {
        g.warnings
            .iter()
            .map(move |w| format!("{}: {w}", g.method_name))
    });
    html! {
        <section class="card" id="portfolio-support" aria-labelledby="portfolio-support-heading">
            <h2 id="portfolio-support-heading">{ "Who runs the estate" }</h2>
            <p class="headline" id="portfolio-insurance">{ &support.display.insurance_line }</p>
            { crate::view::table::view("portfolio-support-table", &support_table(support), None, |_| "") }
            <ul class="notes" id="portfolio-support-notes">
                <li>{ &support.sre_condition }</li>
                if let Some(line) = &support.display.rotas_line { <li>{ line }</li> }
                if let Some(note) = &support.display.currency_note { <li>{ note }</li> }
                { for warnings.map(|w| html! { <li class="needs">{ w }</li> }) }
            </ul>
            <p class="convention">
                { "Each service's method is the single service's rule, with the estate counting the \
                   services that have critical traffic at four nines or more. The services of one \
                   method are its teams, on the rates of the first of them; a service's on-call in \
                   the estate's table is its method's cost shared evenly." }
            </p>
        </section>
    }
}
