//! Analytics: what Kaltura's `report` service can answer.
//!
//! - [`catalog`]: every report type, so tools take a readable key;
//! - [`dates`]: date arguments (ISO, `last_7_days`, `-24h`) to a UTC range;
//! - [`report`]: Kaltura's delimited tables, totals and graphs, typed;
//! - [`query`]: report type + dates + filters to a Kaltura report filter;
//! - the tools: [`table`] (`get_analytics`), [`timeseries`],
//!   [`retention`], [`realtime`], [`quality`], [`geography`],
//!   [`capabilities`].

pub mod capabilities;
pub mod catalog;
pub mod dates;
pub mod geography;
pub mod quality;
pub mod query;
pub mod realtime;
pub mod report;
pub mod retention;
pub mod table;
pub mod timeseries;
