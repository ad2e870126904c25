//! Section 7, *Target measures*: the four Continuous Delivery target measures
//! a product manager owns (Steve Smith, "Continuous Delivery target
//! measures": deployment frequency, deployment lead time, availability, time
//! to restore) plus the error budget, as one card to hand to the team.

use nines_core::export::measures_table;
use yew::prelude::*;

use super::SectionProps;

#[function_component(MeasuresCard)]
pub fn measures_card(props: &SectionProps) -> Html {
    let r = &props.state.report;
    // The same table the Export section offers as CSV or Markdown.
    let table = measures_table(r);
    html! {
        <section class="card" id="measures" aria-labelledby="measures-heading">
            <h2 id="measures-heading">{ "Target measures" }</h2>
            <p class="convention">{ "The measures a product manager owns for this service, to hand to the team." }</p>
            <table id="measures-table">
                <thead><tr>
                    { for table.headers.iter().map(|h| html! { <th scope="col">{ h }</th> }) }
                </tr></thead>
                <tbody>
                    { for table.rows.iter().map(|row| html! { <tr>
                        { for row.iter().enumerate().map(|(i, cell)| match i {
                            0 => html! { <th scope="row">{ cell }</th> },
                            1 => html! { <td class="num">{ cell }</td> },
                            _ => html! { <td>{ cell }</td> },
                        }) }
                    </tr> }) }
                </tbody>
            </table>
            <p class="convention">{ "Convention: " }{ &r.target.convention_label }</p>
        </section>
    }
}
