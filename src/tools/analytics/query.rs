//! What every analytics tool does first: resolve the report type against
//! the catalog, the dates against the clock, and the entry, category and
//! user filters into Kaltura's `KalturaEndUserReportInputFilter`. Every
//! filter a tool takes reaches Kaltura; none is dropped.

use super::catalog::{self, ReportType};
use super::dates::{DateRange, Interval};
use crate::context::Context;
use crate::kaltura::api::report::ReportInputFilter;
use crate::kaltura::EntryId;
use crate::mcp::tool::ToolError;
use crate::platform::Clock;
use schemars::JsonSchema;
use serde::Serialize;

/// Which report answered, as a model can name it again.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ReportRef {
    pub name: String,
    pub id: String,
}

impl ReportRef {
    pub fn of(report: &ReportType) -> Self {
        ReportRef {
            name: report.name.to_owned(),
            id: report.id.to_owned(),
        }
    }
}

/// The report a key names, or an error listing close names.
pub fn report_type(key: &str) -> Result<&'static ReportType, ToolError> {
    catalog::find(key).ok_or_else(|| {
        let words: Vec<String> = key
            .to_ascii_lowercase()
            .split(['_', '-', ' '])
            .filter(|word| word.len() > 2)
            .map(str::to_owned)
            .collect();
        let close: Vec<&str> = catalog::REPORTS
            .iter()
            .filter(|report| words.iter().any(|word| report.name.contains(word.as_str())))
            .map(|report| report.name)
            .take(8)
            .collect();
        ToolError::InvalidArguments(format!(
            "report_type `{key}` is not a Kaltura report type.{} See list_analytics_capabilities for all of them.",
            if close.is_empty() {
                String::new()
            } else {
                format!(" Close: {}.", close.join(", "))
            }
        ))
    })
}

/// The filters analytics tools share.
#[derive(Debug, Clone, Default)]
pub struct Filters<'a> {
    pub from_date: Option<&'a str>,
    pub to_date: Option<&'a str>,
    pub interval: Interval,
    pub entry_id: Option<&'a EntryId>,
    pub category_id: Option<i64>,
    pub user_id: Option<&'a str>,
    pub country: Option<&'a str>,
}

/// How Kaltura buckets a report's dates, and how the range is sent:
/// exact unix times for sub-day intervals, day strings otherwise (they win
/// over times when both are given).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bucket {
    /// `hours`, `ten_minutes`, `minutes`…
    Exact(&'static str),
    /// `days`, `months`.
    Days(&'static str),
}

impl Bucket {
    fn interval(self) -> &'static str {
        match self {
            Bucket::Exact(interval) | Bucket::Days(interval) => interval,
        }
    }
}

/// A report request ready to send: the filter, the resolved range, and
/// the `objectIds` the report needs.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub filter: ReportInputFilter,
    pub range: DateRange,
    pub object_ids: Option<String>,
}

impl Filters<'_> {
    pub fn resolve(&self, ctx: &Context, report: &ReportType) -> Result<Resolved, ToolError> {
        let now = ctx.ports.clock.now_secs() as i64;
        let range = DateRange::resolve(self.from_date, self.to_date, self.interval, now)
            .map_err(|error| ToolError::InvalidArguments(error.to_string()))?;
        let bucket = match self.interval {
            Interval::Hours => Bucket::Exact(self.interval.wire()),
            Interval::Days | Interval::Months => Bucket::Days(self.interval.wire()),
        };
        self.resolve_in(report, range, bucket)
    }

    /// As [`Filters::resolve`], over a range already worked out (the
    /// realtime window of the last minutes).
    pub fn resolve_in(
        &self,
        report: &ReportType,
        range: DateRange,
        bucket: Bucket,
    ) -> Result<Resolved, ToolError> {
        if report.needs_object_ids && self.entry_id.is_none() {
            return Err(ToolError::InvalidArguments(format!(
                "report_type {} answers for one entry: give entry_id",
                report.name
            )));
        }
        let user = self.user_id.map(str::trim).filter(|user| !user.is_empty());
        if report.needs_user_filter && user.is_none() {
            return Err(ToolError::InvalidArguments(format!(
                "report_type {} answers for specific users: give user_id",
                report.name
            )));
        }
        if let Some(user) = user {
            if user.contains(',') {
                return Err(ToolError::InvalidArguments(
                    "user_id takes one user id (no commas)".into(),
                ));
            }
        }
        let mut filter = ReportInputFilter {
            interval: Some(bucket.interval().to_owned()),
            time_zone_offset: Some(0),
            categories_ids_in: self.category_id.map(|id| id.to_string()),
            user_ids: user.map(str::to_owned),
            country_in: self
                .country
                .map(str::trim)
                .filter(|country| !country.is_empty())
                .map(str::to_owned),
            ..ReportInputFilter::default()
        };
        match bucket {
            Bucket::Exact(_) => {
                filter.from_date = Some(range.from_unix);
                filter.to_date = Some(range.to_unix);
            }
            Bucket::Days(_) => {
                filter.from_day = Some(range.from_day());
                filter.to_day = Some(range.to_day());
            }
        }
        // Reports about one object take it as `objectIds`; the others
        // are narrowed to an entry by the filter.
        let object_ids = match self.entry_id {
            Some(id) if report.needs_object_ids => Some(id.to_string()),
            Some(id) => {
                filter.entry_id_in = Some(id.to_string());
                None
            }
            None => None,
        };
        Ok(Resolved {
            filter,
            range,
            object_ids,
        })
    }
}
