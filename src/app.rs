//! The page: one reducer over one scenario, sections that render its report.

use yew::prelude::*;

use crate::components::budget::BudgetSection;
use crate::components::cost::CostSection;
use crate::components::dependencies::DependenciesSection;
use crate::components::incidents::IncidentsSection;
use crate::components::measures::MeasuresCard;
use crate::components::support::SupportSection;
use crate::components::target::TargetSection;
use crate::state::State;

/// The sections in story order: (anchor, title).
const SECTIONS: [(&str, &str); 2] = [
    ("target", "Target"),
    ("incidents", "Incidents and delivery"),
];

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(State::default);
    html! {
        <>
            <header class="site">
                <h1>{ "Nines" }</h1>
                <p>{ "Choose an availability target: what it allows, what it costs, and who should run it." }</p>
            </header>
            <nav class="sections" aria-label="Sections">
                { for SECTIONS.iter().map(|(id, title)| html! { <a href={format!("#{id}")}>{ *title }</a> }) }
            </nav>
            <main>
                <TargetSection state={state.clone()} />
                <BudgetSection state={state.clone()} />
                <IncidentsSection state={state.clone()} />
                <DependenciesSection state={state.clone()} />
                <CostSection state={state.clone()} />
                <SupportSection state={state.clone()} />
                <MeasuresCard state={state.clone()} />
            </main>
            <footer class="site">
                <p>{ "Every figure is computed in your browser; nothing is sent anywhere." }</p>
            </footer>
        </>
    }
}
