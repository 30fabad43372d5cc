//! Analytics: what Kaltura's `report` service can answer.
//!
//! - [`catalog`]: every report type, so tools take a readable key;
//! - [`dates`]: date arguments (ISO, `last_7_days`, `-24h`) to a UTC range;
//! - [`report`]: Kaltura's delimited tables, totals and graphs, typed.

pub mod catalog;
pub mod dates;
pub mod report;
