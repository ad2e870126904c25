//! Nines core: the maths of availability targets.
#![forbid(unsafe_code)]

pub mod quantity;
pub mod duration;
pub mod window;
pub mod downtime;
pub mod budget;
pub mod alerts;
pub mod incident;
pub mod delivery;
pub mod dependency;
pub mod cost;
pub mod support;
pub mod scenario;
