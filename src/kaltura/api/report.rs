//! `report`: tables, totals and graphs over a date range and filters.

use super::Pager;
use crate::kaltura::model::{ReportBaseTotal, ReportGraph, ReportTable, ReportTotal};
use crate::kaltura::request::Call;
use serde::Serialize;

/// `KalturaEndUserReportInputFilter` (the fields we use). Dates are unix
/// seconds; `fromDay`/`toDay` (`YYYYMMDD`) win when both are given.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(
    tag = "objectType",
    rename = "KalturaEndUserReportInputFilter",
    rename_all = "camelCase"
)]
pub struct ReportInputFilter {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_date: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_date: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_day: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_day: Option<String>,
    /// Minutes, JavaScript sign convention (-120 is UTC+2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_zone_offset: Option<i64>,
    /// `days`, `months`, `hours`, ...
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interval: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry_id_in: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub categories_ids_in: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_ids: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country_in: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device_in: Option<String>,
}

/// Report type as Kaltura's string enum (`"1"`, `"30001"`, `"quiz.QUIZ"`).
pub type ReportType = str;

pub fn table(
    report_type: &ReportType,
    filter: &ReportInputFilter,
    pager: Pager,
    order: Option<&str>,
    object_ids: Option<&str>,
) -> Call<ReportTable> {
    Call::new("report", "getTable")
        .param("reportType", report_type)
        .param("reportInputFilter", filter)
        .param("pager", pager)
        .param("order", order)
        .param("objectIds", object_ids)
}

pub fn total(
    report_type: &ReportType,
    filter: &ReportInputFilter,
    object_ids: Option<&str>,
) -> Call<ReportTotal> {
    Call::new("report", "getTotal")
        .param("reportType", report_type)
        .param("reportInputFilter", filter)
        .param("objectIds", object_ids)
}

pub fn base_total(
    report_type: &ReportType,
    filter: &ReportInputFilter,
    object_ids: Option<&str>,
) -> Call<Vec<ReportBaseTotal>> {
    Call::new("report", "getBaseTotal")
        .param("reportType", report_type)
        .param("reportInputFilter", filter)
        .param("objectIds", object_ids)
}

pub fn graphs(
    report_type: &ReportType,
    filter: &ReportInputFilter,
    dimension: Option<&str>,
    object_ids: Option<&str>,
) -> Call<Vec<ReportGraph>> {
    Call::new("report", "getGraphs")
        .param("reportType", report_type)
        .param("reportInputFilter", filter)
        .param("dimension", dimension)
        .param("objectIds", object_ids)
}
