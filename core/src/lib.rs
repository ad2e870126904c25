//! Nines core: the maths of availability targets.
//!
//! A pure crate (std + serde, no clock, no I/O) that the web app and the CLI
//! share. Its numbers are exact where the inputs are: `99.95%` is held as
//! the unavailability `5/10000`, downtime is `U × W` computed in integers and
//! rounded once, and every figure states the [`Convention`] (length of a
//! month, quarter, year) it was computed under. The maths and its sources
//! are in `docs/DOMAIN.md`.
//!
//! ```
//! use nines_core::{allowed_downtime, format_duration, Availability, Convention, Period};
//! let target: Availability = "99.9%".parse().unwrap();
//! let month = allowed_downtime(&target, Period::Month, Convention::SreBook);
//! assert_eq!(format_duration(month), "43m 12s");
//! let month = allowed_downtime(&target, Period::Month, Convention::GregorianMean);
//! assert_eq!(month, 2_629.746);
//! ```
//!
//! * [`quantity`]: [`Availability`]; [`ratio`]: the exact [`Ratio`];
//!   [`parse_error`]: [`ParseError`], the error of every parser; [`quote`]:
//!   user text quoted in a message, on one line and bounded.
//! * [`duration`]: [`parse_duration`], [`format_duration`], [`format_seconds_plain`].
//! * [`window`]: [`Convention`], [`Period`], [`ServiceHours`], [`PlannedMaintenance`].
//! * [`downtime`]: both directions, and [`DowntimeTable`].
//! * [`amount`]: exact [`Count`], [`Rate`] and [`Money`].
//! * [`clock`]: the SLO window on the calendar (rolling, calendar, pinned) at a given now.
//! * [`budget`]: [`ErrorBudget`] status, burn rate, exhaustion date, policy.
//! * [`alerts`]: [`AlertPolicy`] presets and [`BurnAlert`] detection times.
//! * [`scenario`]: one [`Scenario`] in, one [`Report`] out, via [`evaluate`].
//! * [`link`]: a scenario as a readable, versioned query string and back.
//! * [`bounds`]: how many dependencies, alerts, incidents and cost levels a
//!   scenario holds at most.
#![forbid(unsafe_code)]

pub mod alerts;
pub mod amount;
pub mod answers;
pub mod bounds;
pub mod budget;
pub mod choice;
pub mod clock;
pub mod cost;
pub mod delivery;
pub mod dependency;
pub mod digits;
pub mod display;
pub mod download;
pub mod downtime;
pub mod duration;
pub mod export;
pub mod import;
pub mod incident;
pub mod link;
pub mod parse_error;
pub mod portfolio;
pub mod production;
pub mod quantity;
pub mod quote;
pub mod ratio;
pub mod scenario;
pub mod sort;
pub mod support;
pub mod target;
pub mod window;

pub use alerts::{AlertPolicy, BurnAlert, Preset, Severity};
pub use amount::{Count, Money, Rate};
pub use budget::{BudgetMode, ErrorBudget, Exhaustion, PolicyStatus, Spend};
pub use downtime::{
    DowntimeError, DowntimeRow, DowntimeTable, allowed_downtime, allowed_downtime_exact,
    allowed_downtime_in_service, availability_from_downtime, availability_from_downtime_in_service,
    unplanned_downtime_allowance,
};
pub use duration::{format_duration, format_seconds_plain, parse_duration, parse_duration_exact};
pub use parse_error::ParseError;
pub use quantity::Availability;
pub use ratio::Ratio;
pub use scenario::{Report, Scenario, evaluate};
pub use window::{Convention, DayHours, Maintenance, Period, PlannedMaintenance, ServiceHours};
