//! Report answers as Kaltura sends them: delimited strings. A table's
//! `header` is delimiter-joined column names and its `data` rows each end
//! with `;`; a total is one row without the `;`; a graph's `data` is
//! `x<d>y;` points. Typed parsing (numbers, dates) belongs to the analytics
//! tools; these give the raw cells.

use super::lenient;
use serde::Deserialize;

/// The delimiter Kaltura uses unless `responseOptions.delimiter` says otherwise.
pub const DEFAULT_DELIMITER: char = ',';

/// `KalturaReportTable` (`report.getTable`). An empty report has no
/// header, data or count.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ReportTable {
    pub header: Option<String>,
    pub data: Option<String>,
    #[serde(deserialize_with = "lenient::int")]
    pub total_count: Option<i64>,
    pub object_type: Option<String>,
}

/// `KalturaReportTotal` (`report.getTotal`, `report.getBaseTotal`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ReportTotal {
    pub header: Option<String>,
    pub data: Option<String>,
    pub object_type: Option<String>,
}

/// `KalturaReportGraph` (`report.getGraphs` returns an array of them, one
/// per metric): `id` is the metric, `data` the `date,value;` points.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ReportGraph {
    pub id: Option<String>,
    pub data: Option<String>,
    pub object_type: Option<String>,
}

/// `KalturaReportBaseTotal` (`report.getBaseTotal` returns an array): one
/// metric's total, `id` the metric and `data` its value.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ReportBaseTotal {
    pub id: Option<String>,
    #[serde(deserialize_with = "lenient::string")]
    pub data: Option<String>,
    pub object_type: Option<String>,
}

/// Splits a delimited header or row into trimmed cells.
pub fn cells(line: &str, delimiter: char) -> Vec<&str> {
    if line.trim().is_empty() {
        return Vec::new();
    }
    line.split(delimiter).map(str::trim).collect()
}

/// Splits `;`-terminated rows, skipping empty ones (a trailing `;`).
pub fn rows(data: &str) -> impl Iterator<Item = &str> {
    data.split(';').filter(|row| !row.trim().is_empty())
}

impl ReportTable {
    pub fn columns(&self, delimiter: char) -> Vec<&str> {
        cells(self.header.as_deref().unwrap_or(""), delimiter)
    }

    pub fn rows(&self, delimiter: char) -> Vec<Vec<&str>> {
        rows(self.data.as_deref().unwrap_or(""))
            .map(|row| cells(row, delimiter))
            .collect()
    }
}

impl ReportTotal {
    pub fn columns(&self, delimiter: char) -> Vec<&str> {
        cells(self.header.as_deref().unwrap_or(""), delimiter)
    }

    pub fn values(&self, delimiter: char) -> Vec<&str> {
        cells(
            self.data.as_deref().unwrap_or("").trim_end_matches(';'),
            delimiter,
        )
    }
}

impl ReportGraph {
    /// `(x, y)` points; `x` is `YYYYMMDD` (days), `YYYYMM` or `YYYYMMDDHH`.
    pub fn points(&self, delimiter: char) -> Vec<(&str, &str)> {
        rows(self.data.as_deref().unwrap_or(""))
            .filter_map(|point| point.split_once(delimiter))
            .map(|(x, y)| (x.trim(), y.trim()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_split_into_rows_and_cells() {
        let table: ReportTable = serde_json::from_str(
            r#"{"header":"object_id,count_plays","data":"1_a,10;1_b,3;","totalCount":"2","objectType":"KalturaReportTable"}"#,
        )
        .unwrap();
        assert_eq!(table.columns(','), ["object_id", "count_plays"]);
        assert_eq!(table.rows(','), [["1_a", "10"], ["1_b", "3"]]);
        assert_eq!(table.total_count, Some(2));
        let empty: ReportTable =
            serde_json::from_str(r#"{"objectType":"KalturaReportTable"}"#).unwrap();
        assert!(empty.rows(',').is_empty() && empty.columns(',').is_empty());
    }

    #[test]
    fn graphs_and_totals_split() {
        let graph = ReportGraph {
            id: Some("count_plays".into()),
            data: Some("20250601,45;20250602,0;".into()),
            object_type: None,
        };
        assert_eq!(graph.points(','), [("20250601", "45"), ("20250602", "0")]);
        let total = ReportTotal {
            header: Some("count_plays,sum_time_viewed".into()),
            data: Some("55,12.5".into()),
            object_type: None,
        };
        assert_eq!(total.values(','), ["55", "12.5"]);
    }
}
