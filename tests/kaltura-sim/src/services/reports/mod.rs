//! `report.getTable / getTotal / getGraphs / getBaseTotal`: Kaltura's
//! analytics answered from the fixture fact table (`analytics/plays.csv`,
//! one row per viewer, entry, day and place) and, for PERCENTILES, from
//! `analytics/retention.csv`.
//!
//! A request resolves to a [`Query`]: the report's shape from the
//! `KalturaReportType` catalog (`catalog`), the rows the filter keeps
//! (`filters`), the day range and interval (`dates`). Tables group the
//! rows by the report's dimension and compute its metric columns
//! (`metrics`, where the formulas are written down); totals compute the
//! metrics over all kept rows; graphs compute them per date bucket,
//! zero-filled over the range.
//!
//! Wire shapes (kaltura-api.md §3.8): cells joined by the delimiter
//! (`responseOptions.delimiter`, `,` by default), table rows each ending
//! in `;`, a total's single row without it, graph points `x<d>y;`.
//!
//! Dates: a row's day is `today - days_ago` (UTC, today = the day of
//! `ctx.now`); `fromDay`/`toDay` win over `fromDate`/`toDate`; the default
//! range is today and the 30 days before it. `timeZoneOffset` is accepted
//! and ignored, the fact table having no hours to shift.

mod catalog;
mod dates;
mod filters;
mod metrics;
#[cfg(test)]
mod tests;

use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::{absolute_time, required, ActionResult, Ctx, Pager};
use crate::error::ApiError;
use crate::fixtures::Play;
use crate::params::Params;
use catalog::{Dim, ReportSpec};
use dates::{day_of, parse_day, Interval};
use filters::{split, Entries, Field, RowFilter};
use metrics::{number, Acc, Metric};

pub use catalog::REPORT_TYPES;

const DEFAULT_DELIMITER: &str = ",";
/// Unix times are clamped to year 9999 before `absolute_time`, which
/// cannot take `i64::MIN`.
const MAX_SECONDS: i64 = 253_402_300_799;
/// The default range when the filter gives none.
const DEFAULT_DAYS: i64 = 30;

pub fn get_table(ctx: &Ctx, params: &Params) -> ActionResult {
    let query = Query::read(ctx, params)?;
    let (header, mut rows) = query.table();
    if let Some(order) = params.nonempty("order") {
        sort_by_column(&mut rows, &header, &order);
    }
    let total = rows.len();
    // The retention curve is one piece: Kaltura returns all 101 points.
    let page = if query.spec.dim == Dim::Percentile {
        rows
    } else {
        Pager::read(params, 30).page(&rows)
    };
    Ok(query.render_table(&header, &page, total).into())
}

pub fn get_total(ctx: &Ctx, params: &Params) -> ActionResult {
    let query = Query::read(ctx, params)?;
    let (header, values) = query.totals();
    let d = &query.delimiter;
    Ok(json!({
        "header": header.join(d),
        "data": values.iter().map(|cell| cell.render(d)).collect::<Vec<_>>().join(d),
        "objectType": "KalturaReportTotal",
    })
    .into())
}

pub fn get_graphs(ctx: &Ctx, params: &Params) -> ActionResult {
    let query = Query::read(ctx, params)?;
    let graphs = query
        .graphs()
        .into_iter()
        .map(|(id, points)| {
            let data: String = points
                .iter()
                .map(|(x, y)| format!("{x}{}{};", query.delimiter, number(*y)))
                .collect();
            json!({"id": id, "data": data, "objectType": "KalturaReportGraph"})
        })
        .collect();
    Ok(Value::Array(graphs).into())
}

pub fn get_base_total(ctx: &Ctx, params: &Params) -> ActionResult {
    let query = Query::read(ctx, params)?;
    let (header, values) = query.totals();
    let totals = header
        .iter()
        .zip(&values)
        .map(|(id, cell)| {
            json!({"id": id, "data": cell.render(&query.delimiter), "objectType": "KalturaReportBaseTotal"})
        })
        .collect();
    Ok(Value::Array(totals).into())
}

/// One table cell: a dimension value or a figure.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Text(String),
    Number(f64),
}

impl Cell {
    /// A delimiter or `;` inside a value would break the row: Kaltura
    /// replaces it with a space.
    fn render(&self, delimiter: &str) -> String {
        match self {
            Cell::Text(text) => text.replace(delimiter, " ").replace(';', " "),
            Cell::Number(value) => number(*value),
        }
    }

    fn compare(&self, other: &Cell) -> Ordering {
        match (self, other) {
            (Cell::Number(a), Cell::Number(b)) => a.total_cmp(b),
            (a, b) => a.sort_text().cmp(&b.sort_text()),
        }
    }

    fn sort_text(&self) -> String {
        match self {
            Cell::Text(text) => text.to_lowercase(),
            Cell::Number(value) => number(*value),
        }
    }
}

/// The report a request names, or Kaltura's error for a missing or
/// unknown `reportType` (a string enum: `"1"` and `1` both name TOP_CONTENT).
fn report_spec(params: &Params) -> Result<&'static ReportSpec, ApiError> {
    let report_type = required(params, "reportType")?;
    catalog::find(&report_type)
        .ok_or_else(|| ApiError::invalid_enum(&report_type, "reportType", "KalturaReportType"))
}

/// A parsed report request.
struct Query<'a> {
    spec: &'static ReportSpec,
    delimiter: String,
    interval: Interval,
    /// Inclusive day numbers.
    from: i64,
    to: i64,
    today: i64,
    object_ids: Option<Vec<String>>,
    entries: Entries<'a>,
    rows: Vec<&'a Play>,
    retention: &'a [crate::fixtures::Retention],
}

impl<'a> Query<'a> {
    /// Validates in Kaltura's order (reportType, reportInputFilter, the
    /// filter's interval, objectIds) and selects the rows.
    fn read(ctx: &Ctx<'a>, params: &Params) -> Result<Query<'a>, ApiError> {
        let spec = report_spec(params)?;
        let filter = params
            .object("reportInputFilter")
            .ok_or_else(|| ApiError::missing_parameter("reportInputFilter"))?;
        let delimiter = params
            .object("responseOptions")
            .and_then(|options| options.nonempty("delimiter"))
            .unwrap_or_else(|| DEFAULT_DELIMITER.into());
        let interval = Interval::parse(filter.nonempty("interval").as_deref())?;
        let object_ids = params
            .nonempty("objectIds")
            .map(|ids| split(&ids, &delimiter))
            .filter(|ids| !ids.is_empty());
        if spec.dim == Dim::Percentile && object_ids.is_none() {
            return Err(ApiError::report_parameter_missing("objectIds"));
        }
        let today = day_of(i64::try_from(ctx.now).unwrap_or(i64::MAX));
        let (from, to) = if spec.is_realtime() {
            // Realtime reports describe "now": the last day of data.
            (today - 1, today)
        } else {
            day_range(&filter, ctx.now, today)
        };
        let mut query = Query {
            spec,
            delimiter,
            interval,
            from,
            to,
            today,
            object_ids,
            entries: Entries::new(ctx.catalog),
            rows: Vec::new(),
            retention: &ctx.catalog.retention,
        };
        query.rows = query.select(ctx, &filter);
        Ok(query)
    }

    /// The fact-table rows in the day range that the filter and
    /// `objectIds` keep.
    fn select(&self, ctx: &Ctx<'a>, filter: &Params) -> Vec<&'a Play> {
        let mut row_filter = RowFilter::new(ctx.catalog, filter, &self.delimiter);
        if let Some(ids) = &self.object_ids {
            row_filter.restrict(object_field(self.spec.dim), ids);
        }
        ctx.catalog
            .plays
            .iter()
            .filter(|play| {
                (self.from..=self.to).contains(&self.day(play))
                    && row_filter.keeps(play, &self.entries)
            })
            .collect()
    }

    fn metric_names(&self) -> Vec<String> {
        self.spec
            .metrics
            .iter()
            .map(|metric| metric.name().to_owned())
            .collect()
    }

    /// The header and every row, in the report's default order.
    fn table(&self) -> (Vec<String>, Vec<Vec<Cell>>) {
        if self.spec.dim == Dim::Percentile {
            return self.percentiles();
        }
        let mut groups: BTreeMap<Vec<String>, Acc> = BTreeMap::new();
        for play in &self.rows {
            groups.entry(self.key(play)).or_default().add(play);
        }
        let mut rows: Vec<Vec<Cell>> = groups
            .iter()
            .map(|(key, acc)| {
                key.iter()
                    .map(|value| Cell::Text(value.clone()))
                    .chain(self.figures(acc))
                    .collect()
            })
            .collect();
        // Dates read in order; everything else ranks by plays, the keys
        // (already sorted) breaking ties.
        if self.spec.dim != Dim::Date {
            let column = self.rank_column();
            rows.sort_by(|a, b| b[column].compare(&a[column]));
        }
        (self.header(), rows)
    }

    fn header(&self) -> Vec<String> {
        let dimension = self.spec.dim.columns().iter().map(|c| (*c).to_owned());
        dimension.chain(self.metric_names()).collect()
    }

    /// The column a table ranks by: plays (or realtime views), else the
    /// first metric.
    fn rank_column(&self) -> usize {
        let metrics = self.spec.metrics;
        let rank = [Metric::CountPlays, Metric::Views]
            .iter()
            .find_map(|wanted| metrics.iter().position(|metric| metric == wanted))
            .unwrap_or(0);
        self.spec.dim.columns().len() + rank
    }

    fn figures<'s>(&'s self, acc: &'s Acc) -> impl Iterator<Item = Cell> + 's {
        self.spec
            .metrics
            .iter()
            .map(move |metric| Cell::Number(metric.value(acc)))
    }

    /// The dimension values a row is grouped under.
    fn key(&self, play: &Play) -> Vec<String> {
        let known = |value: &str| {
            if value.is_empty() {
                "Unknown".to_owned()
            } else {
                value.to_owned()
            }
        };
        match self.spec.dim {
            Dim::Entry => vec![
                play.entry_id.clone(),
                self.entries.name(&play.entry_id).to_owned(),
            ],
            Dim::Owner => vec![known(self.entries.owner(&play.entry_id))],
            Dim::User => vec![known(&play.user_id)],
            Dim::Country => vec![play.country.clone()],
            Dim::Region => vec![play.country.clone(), play.region.clone()],
            Dim::City => vec![play.country.clone(), play.region.clone(), play.city.clone()],
            Dim::Device => vec![play.device.clone()],
            Dim::Os | Dim::OsFamily => vec![play.os.clone()],
            Dim::Browser | Dim::BrowserFamily => vec![play.browser.clone()],
            Dim::Application => vec![play.application.clone()],
            Dim::ErrorCode => vec![play.error_code.clone()],
            Dim::Date => vec![self.interval.label(self.day(play))],
            Dim::Total | Dim::Percentile => Vec::new(),
        }
    }

    fn day(&self, play: &Play) -> i64 {
        self.today.saturating_sub(play.days_ago)
    }

    /// The metrics over every kept row (PERCENTILES: the viewers who
    /// started, percentile 0).
    fn totals(&self) -> (Vec<String>, Vec<Cell>) {
        if self.spec.dim == Dim::Percentile {
            let (mut header, rows) = self.percentiles();
            header.remove(0);
            let mut first = rows.into_iter().next().unwrap_or_default();
            if !first.is_empty() {
                first.remove(0);
            }
            return (header, first);
        }
        let acc = Acc::of(self.rows.iter().copied());
        (self.metric_names(), self.figures(&acc).collect())
    }

    /// One `(metric, points)` per metric, a point per date bucket of the
    /// range, zero when nothing was played.
    fn graphs(&self) -> Vec<(String, Vec<(String, f64)>)> {
        if self.spec.dim == Dim::Percentile {
            return self.percentile_graphs();
        }
        let mut buckets: BTreeMap<String, Acc> = BTreeMap::new();
        for play in &self.rows {
            buckets
                .entry(self.interval.label(self.day(play)))
                .or_default()
                .add(play);
        }
        let labels = self.interval.labels(self.from, self.to);
        let empty = Acc::default();
        self.spec
            .metrics
            .iter()
            .map(|metric| {
                let points = labels
                    .iter()
                    .map(|label| {
                        let acc = buckets.get(label).unwrap_or(&empty);
                        (label.clone(), metric.value(acc))
                    })
                    .collect();
                (metric.name().to_owned(), points)
            })
            .collect()
    }

    /// PERCENTILES: retention.csv summed over `objectIds` for each
    /// percentile 0..=100, absent ones zero.
    fn percentiles(&self) -> (Vec<String>, Vec<Vec<Cell>>) {
        let ids = self.object_ids.as_deref().unwrap_or_default();
        let mut curve = [(0.0, 0.0); 101];
        for point in self.retention {
            let wanted = ids
                .iter()
                .any(|id| id.eq_ignore_ascii_case(&point.entry_id));
            if let (true, Ok(index)) = (wanted, usize::try_from(point.percentile)) {
                if let Some(slot) = curve.get_mut(index) {
                    slot.0 += point.count_viewers;
                    slot.1 += point.unique_known_users;
                }
            }
        }
        let header = ["percentile", "count_viewers", "unique_known_users"]
            .map(str::to_owned)
            .to_vec();
        let rows = curve
            .iter()
            .enumerate()
            .map(|(percentile, (viewers, users))| {
                vec![
                    Cell::Number(percentile as f64),
                    Cell::Number(*viewers),
                    Cell::Number(*users),
                ]
            })
            .collect();
        (header, rows)
    }

    /// PERCENTILES graphs: x is the percentile, one graph per column.
    fn percentile_graphs(&self) -> Vec<(String, Vec<(String, f64)>)> {
        let (header, rows) = self.percentiles();
        (1..header.len())
            .map(|column| {
                let points = rows
                    .iter()
                    .enumerate()
                    .map(|(percentile, row)| (percentile.to_string(), cell_value(&row[column])))
                    .collect();
                (header[column].clone(), points)
            })
            .collect()
    }

    fn render_table(&self, header: &[String], rows: &[Vec<Cell>], total: usize) -> Value {
        if total == 0 {
            return json!({"objectType": "KalturaReportTable"});
        }
        let d = &self.delimiter;
        let data: String = rows
            .iter()
            .map(|row| {
                let cells: Vec<String> = row.iter().map(|cell| cell.render(d)).collect();
                format!("{};", cells.join(d))
            })
            .collect();
        json!({
            "header": header.join(d),
            "data": data,
            "totalCount": total,
            "objectType": "KalturaReportTable",
        })
    }
}

fn cell_value(cell: &Cell) -> f64 {
    match cell {
        Cell::Number(value) => *value,
        Cell::Text(_) => 0.0,
    }
}

/// What `objectIds` names for a report of this dimension: users for
/// per-user reports, owners for per-creator ones, entries otherwise.
fn object_field(dim: Dim) -> Field {
    match dim {
        Dim::User => Field::User,
        Dim::Owner => Field::Owner,
        _ => Field::Entry,
    }
}

/// The filter's inclusive day range.
fn day_range(filter: &Params, now: u64, today: i64) -> (i64, i64) {
    let on = |key: &str| filter.nonempty(key).and_then(|day| parse_day(&day));
    let at = |key: &str| {
        filter
            .int(key)
            .map(|time| day_of(absolute_time(time.clamp(-MAX_SECONDS, MAX_SECONDS), now)))
    };
    let to = on("toDay").or_else(|| at("toDate")).unwrap_or(today);
    let from = on("fromDay")
        .or_else(|| at("fromDate"))
        .unwrap_or(to - DEFAULT_DAYS);
    (from, to)
}

/// `order`: a header name, `-` for descending, `+` (or nothing, or the
/// space a form-decoded `+` becomes) for ascending. Unknown names keep the
/// default order.
fn sort_by_column(rows: &mut [Vec<Cell>], header: &[String], order: &str) {
    let order = order.trim();
    let (descending, name) = match order.strip_prefix('-') {
        Some(name) => (true, name),
        None => (false, order.strip_prefix('+').unwrap_or(order)),
    };
    let Some(column) = header.iter().position(|known| known == name.trim()) else {
        return;
    };
    rows.sort_by(|a, b| {
        let ordering = a[column].compare(&b[column]);
        if descending {
            ordering.reverse()
        } else {
            ordering
        }
    });
}
