//! The dependency graph of a portfolio, laid out for a chart: each service
//! in a column by how deep its dependencies go (a service that uses none
//! is in column 0; any other is one column right of the deepest service it
//! uses), and in a row by its order in the portfolio within its column.
//! Arrows go from a service to each service it uses, so they always point
//! left.

use super::{Portfolio, Takes, dependency_order, index_of};

/// A service's place in the chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// The service.
    pub service: String,
    /// Its column, 0 for a service that uses no other.
    pub column: usize,
    /// Its row within the column.
    pub row: usize,
}

/// An arrow from a service to one it uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edge {
    /// The service that uses (its place in `nodes`).
    pub from: usize,
    /// The service used (its place in `nodes`).
    pub to: usize,
    /// What it takes of it.
    pub takes: Takes,
}

/// The laid-out graph.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Graph {
    /// One node a service, in the portfolio's order.
    pub nodes: Vec<Node>,
    /// One edge a use.
    pub edges: Vec<Edge>,
    /// How many columns, and the most rows a column holds.
    pub columns: usize,
    /// The most rows a column holds.
    pub rows: usize,
}

/// The portfolio's graph, or why it cannot be drawn (a cycle, a use of a
/// service that is not there).
///
/// ```
/// use nines_core::portfolio::{example, graph::layout};
/// let g = layout(&example()).unwrap();
/// let at: Vec<(usize, usize)> = g.nodes.iter().map(|n| (n.column, n.row)).collect();
/// // database; ledger on it; payments on the ledger; checkout on payments.
/// assert_eq!(at, [(0, 0), (1, 0), (2, 0), (3, 0)]);
/// assert_eq!((g.columns, g.rows, g.edges.len()), (4, 1, 4));
/// ```
pub fn layout(p: &Portfolio) -> Result<Graph, String> {
    let order = dependency_order(p)?;
    let mut column = vec![0usize; p.services.len()];
    let mut edges = Vec::new();
    for &i in &order {
        for u in &p.services[i].uses {
            let used = index_of(p, &u.service)?;
            column[i] = column[i].max(column[used] + 1);
        }
    }
    for (i, s) in p.services.iter().enumerate() {
        for u in &s.uses {
            edges.push(Edge {
                from: i,
                to: index_of(p, &u.service)?,
                takes: u.takes,
            });
        }
    }
    let columns = column.iter().max().map_or(0, |c| c + 1);
    let mut filled = vec![0usize; columns];
    let nodes = p
        .services
        .iter()
        .zip(&column)
        .map(|(s, &c)| {
            filled[c] += 1;
            Node {
                service: s.name.clone(),
                column: c,
                row: filled[c] - 1,
            }
        })
        .collect();
    Ok(Graph {
        nodes,
        edges,
        columns,
        rows: filled.into_iter().max().unwrap_or(0),
    })
}
