//! Section 7, *Target measures*: the four Continuous Delivery target measures
//! a product manager owns (Steve Smith, "Continuous Delivery target
//! measures": deployment frequency, deployment lead time, availability, time
//! to restore) plus the error budget, as one card to hand to the team.

use nines_core::export::measures_table;
use yew::prelude::*;

use super::disclosure::Fold;
use super::table::TableView;
use super::SectionProps;

#[function_component(MeasuresCard)]
pub fn measures_card(props: &SectionProps) -> Html {
    let r = &props.state.report;
    html! {
        <section class="card" id="measures" aria-labelledby="measures-heading">
            <h2 id="measures-heading">{ "Target measures" }</h2>
            <p class="convention">{ "The measures a product manager owns for this service, to hand to the team." }</p>
            // A blank scenario has no
            // deployments, and 0 a week is no target to hand to a team.
            if r.delivery.targets.deployments_per_week <= 0.0 {
                <p class="needs" id="measures-needs">
                    { "No deployment frequency yet: enter it in " }<a href="#incidents">{ "Incidents and delivery" }</a>
                    { " to set the team's delivery target." }
                </p>
            }
            <Fold id="measures-card" summary="The card: deployment frequency, lead time, availability, time to restore and the error budget">
            <TableView id="measures-table" table={measures_table(r)} numeric={vec![1]} />
            <p class="convention">{ "Convention: " }{ &r.target.convention_label }</p>
            </Fold>
        </section>
    }
}
