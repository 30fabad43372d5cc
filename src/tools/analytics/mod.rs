//! Analytics: what Kaltura's `report` service can answer. [`catalog`] names
//! every report type so tools can take a readable key instead of a number.

pub mod catalog;
pub mod dates;
