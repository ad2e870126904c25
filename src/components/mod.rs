//! Components render a slice of the core's `Report` and emit actions; none
//! of them computes a figure.

pub mod chart;
pub mod field;
pub mod target;
