//! The dependency graph: each service a box coloured by its standing (and
//! saying it in words), arrows from a service to the services it uses,
//! laid out by the core (`nines_core::portfolio::graph`).

use nines_core::portfolio::{Estate, Standing, Takes};
use yew::prelude::*;

use crate::state::State;

const BOX_W: usize = 168;
const BOX_H: usize = 48;
const COLUMN: usize = 232;
const ROW: usize = 68;
const MARGIN: usize = 8;
/// The room under the boxes for the arrows that skip a column.
const UNDER: usize = 40;

pub fn view(s: &State) -> Html {
    let (Some(graph), Some(estate)) = (&s.graph, &s.estate) else {
        return html! {};
    };
    // An arrow that skips a column runs under the boxes, not through them.
    let skips = graph
        .edges
        .iter()
        .any(|e| graph.nodes[e.from].column > graph.nodes[e.to].column + 1);
    let width = graph.columns.max(1) * COLUMN - (COLUMN - BOX_W) + 2 * MARGIN;
    let boxes = graph.rows.max(1) * ROW - (ROW - BOX_H) + MARGIN;
    let height = boxes + if skips { UNDER } else { MARGIN };
    let at = |i: usize| {
        let n = &graph.nodes[i];
        (MARGIN + n.column * COLUMN, MARGIN + n.row * ROW)
    };
    html! {
        <section class="card" id="portfolio-graph" aria-labelledby="portfolio-graph-heading">
            <h2 id="portfolio-graph-heading">{ "Who depends on whom" }</h2>
            <figure class="portfolio-chart">
                <div class="table-scroll" tabindex="0" role="region" aria-label="The dependency graph">
                    <svg class="portfolio-graph" width={width.to_string()} height={height.to_string()}
                        viewBox={format!("0 0 {width} {height}")} role="img"
                        aria-label="Each service coloured by its standing, with arrows to the services it uses">
                        <defs>
                            <marker id="portfolio-arrow" viewBox="0 0 10 10" refX="10" refY="5"
                                markerWidth="7" markerHeight="7" orient="auto">
                                <path d="M0,0 L10,5 L0,10 z" />
                            </marker>
                        </defs>
                        { for graph.edges.iter().map(|e| {
                            let (fx, fy) = at(e.from);
                            let (tx, ty) = at(e.to);
                            let class = if e.takes == Takes::Target { "edge target" } else { "edge" };
                            let d = if graph.nodes[e.from].column > graph.nodes[e.to].column + 1 {
                                // Out of the bottom of one box, under the
                                // columns between, into the bottom of the other.
                                let (x1, x2) = (fx + BOX_W / 3, tx + 2 * BOX_W / 3);
                                let (y1, y2, low) = (fy + BOX_H, ty + BOX_H, boxes + UNDER - MARGIN);
                                format!("M{x1},{y1} C{x1},{low} {x2},{low} {x2},{y2}")
                            } else {
                                let (x1, y1, x2, y2) = (fx, fy + BOX_H / 2, tx + BOX_W, ty + BOX_H / 2);
                                format!("M{x1},{y1} C{},{y1} {},{y2} {x2},{y2}", x1 - 32, x2 + 32)
                            };
                            html! { <path class={class} marker-end="url(#portfolio-arrow)" {d} /> }
                        }) }
                        { for graph.nodes.iter().enumerate().map(|(i, n)| {
                            let (x, y) = at(i);
                            let standing = standing_of(estate, &n.service);
                            let class = match standing {
                                Some(Standing::NotAchievable) => "node bad",
                                Some(Standing::AtRisk) => "node warn",
                                _ => "node good",
                            };
                            html! {
                                <g class={class} data-service={n.service.clone()}>
                                    <rect x={x.to_string()} y={y.to_string()} width={BOX_W.to_string()}
                                        height={BOX_H.to_string()} rx="6" />
                                    <text x={(x + 8).to_string()} y={(y + 19).to_string()}>
                                        { nines_core::quote::one_line(&n.service, 20) }
                                    </text>
                                    <text class="standing" x={(x + 8).to_string()} y={(y + 38).to_string()}>
                                        { standing.map_or("", Standing::label) }
                                    </text>
                                </g>
                            }
                        }) }
                    </svg>
                </div>
                <figcaption>
                    { "Arrows go from a service to each service it uses; a dashed arrow takes that \
                       service's target rather than its expected availability. Red: not achievable; \
                       amber: at risk; green: achievable." }
                </figcaption>
            </figure>
            <ul class="portfolio-uses">
                { for s.portfolio.services.iter().filter(|x| !x.uses.is_empty()).map(|x| html! {
                    <li>{ format!("{} uses {}", x.name, x.uses.iter().map(|u| match u.takes {
                        Takes::Expected => u.service.clone(),
                        Takes::Target => format!("{} (its target)", u.service),
                    }).collect::<Vec<_>>().join(", ")) }</li>
                }) }
            </ul>
        </section>
    }
}

fn standing_of(estate: &Estate, service: &str) -> Option<Standing> {
    estate
        .rows
        .iter()
        .find(|r| r.service == service)
        .map(|r| r.standing)
}
