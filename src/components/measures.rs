//! Section 7, *Target measures*: the four Continuous Delivery target measures
//! a product manager owns (Steve Smith, "Continuous Delivery target
//! measures": deployment frequency, deployment lead time, availability, time
//! to restore) plus the error budget, as one card to hand to the team.

use nines_core::display::count;
use nines_core::duration::format_duration;
use yew::prelude::*;

use super::SectionProps;

#[function_component(MeasuresCard)]
pub fn measures_card(props: &SectionProps) -> Html {
    let r = &props.state.report;
    let s = &props.state.scenario;
    let dora = &r.delivery.targets;
    let rows: [(&str, String, &str); 6] = [
        (
            "Deployment frequency",
            format!("{} deployments a week", count(dora.deployments_per_week, 1)),
            "How often the team ships to production.",
        ),
        (
            "Deployment lead time",
            format_duration(dora.deployment_lead_time_seconds),
            "From commit to production.",
        ),
        (
            "Availability",
            format!(
                "{} ({})",
                r.target.availability_percent, r.target.nines_display
            ),
            "The target, measured over the SLO window.",
        ),
        (
            "Time to restore",
            format_duration(r.incidents.time_to_restore_seconds),
            "Detect plus recover, per incident.",
        ),
        (
            "Error budget",
            format!(
                "{} per {} ({})",
                format_duration(r.incidents.budget_per_window_seconds),
                s.slo_window.name(),
                r.target.unavailability_percent
            ),
            "Unplanned downtime the target tolerates; while it is spent, launches stop.",
        ),
        (
            "Expected budget spend",
            r.spend.display.clone(),
            "Dependencies, incidents and failed deployments together, per SLO window.",
        ),
    ];
    html! {
        <section class="card" id="measures" aria-labelledby="measures-heading">
            <h2 id="measures-heading">{ "Target measures" }</h2>
            <p class="convention">{ "The measures a product manager owns for this service, to hand to the team." }</p>
            <table id="measures-table">
                <thead><tr><th scope="col">{ "Measure" }</th><th scope="col">{ "Target" }</th><th scope="col">{ "Meaning" }</th></tr></thead>
                <tbody>
                    { for rows.iter().map(|(name, value, why)| html! { <tr>
                        <th scope="row">{ *name }</th><td class="num">{ value }</td><td>{ *why }</td>
                    </tr> }) }
                </tbody>
            </table>
            <p class="convention">{ "Convention: " }{ &r.target.convention_label }</p>
        </section>
    }
}
