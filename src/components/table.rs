//! A table from the core's exporters, rendered as the page shows it: the
//! same rows the Export section writes as CSV, Markdown or Confluence, so a
//! figure is formatted in one place for both.

use nines_core::export::Table;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TableViewProps {
    pub id: AttrValue,
    pub table: Table,
    /// Columns whose cells are figures (right-aligned, tabular digits).
    #[prop_or_default]
    pub numeric: Vec<usize>,
}

/// The table with its title as caption and its first column as row headers.
/// Wide, it scrolls sideways in a region that the keyboard can reach (axe:
/// scrollable-region-focusable); on a phone (`static/style.css`, under
/// 480 px) each row is stacked as a card, every cell under its column's
/// name (`data-label`), so the answer column is never off-screen.
#[function_component(TableView)]
pub fn table_view(props: &TableViewProps) -> Html {
    let t = &props.table;
    let class = |i: usize| props.numeric.contains(&i).then_some("num");
    let label = |i: usize| t.headers.get(i).cloned().unwrap_or_default();
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={format!("Table: {}", t.title)}>
            <table id={props.id.clone()} class="wide stack">
                <caption>{ &t.title }</caption>
                <thead><tr>
                    { for t.headers.iter().enumerate().map(|(i, h)| html! { <th scope="col" class={class(i)}>{ h }</th> }) }
                </tr></thead>
                <tbody>
                    { for t.rows.iter().map(|row| html! { <tr>
                        { for row.iter().enumerate().map(|(i, cell)| if i == 0 {
                            html! { <th scope="row">{ cell }</th> }
                        } else {
                            html! { <td class={class(i)} data-label={label(i)}>{ cell }</td> }
                        }) }
                    </tr> }) }
                </tbody>
            </table>
        </div>
    }
}
