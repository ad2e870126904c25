//! A table from the core, as the view shows it: its title as caption, its
//! first column as row headers, each cell labelled by its column for the
//! phone layout (static/style.css stacks `table.stack` under 480 px), in a
//! region that scrolls sideways and the keyboard can reach. One column may
//! be marked per row (a service's standing, by colour and in words).

use nines_core::export::Table;
use yew::prelude::*;

/// `t` as the table `id`; the cells of column `marked` wrapped in a span
/// of the class `mark` gives each row.
pub fn view(
    id: &'static str,
    t: &Table,
    marked: Option<usize>,
    mark: impl Fn(usize) -> &'static str,
) -> Html {
    let label = |i: usize| t.headers.get(i).cloned().unwrap_or_default();
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={format!("Table: {}", t.title)}>
            <table {id} class="wide stack">
                <caption>{ &t.title }</caption>
                <thead><tr>
                    { for t.headers.iter().map(|h| html! { <th scope="col">{ h }</th> }) }
                </tr></thead>
                <tbody>
                    { for t.rows.iter().enumerate().map(|(r, row)| html! {
                        <tr data-row={row.first().cloned().unwrap_or_default()}>
                            { for row.iter().enumerate().map(|(i, cell)| if i == 0 {
                                html! { <th scope="row">{ cell }</th> }
                            } else if Some(i) == marked {
                                html! { <td data-label={label(i)}><span class={mark(r)}>{ cell }</span></td> }
                            } else {
                                html! { <td data-label={label(i)}>{ cell }</td> }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
