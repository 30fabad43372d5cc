//! The one parser for Kaltura's delimited report answers: turns the raw
//! [`ReportTable`], [`ReportTotal`], [`ReportBaseTotal`] and [`ReportGraph`]
//! strings into typed cells, so every analytics tool reads reports the same
//! way. Rows end with `;`, cells are split by the delimiter (`,` unless
//! `responseOptions.delimiter` said otherwise). The server blanks separators
//! inside values, so there is no quoting; quoted or backslash-escaped values
//! are accepted anyway, and no input makes the parser panic.

use crate::kaltura::model::report::{
    ReportBaseTotal, ReportGraph, ReportTable, ReportTotal, DEFAULT_DELIMITER,
};
use schemars::JsonSchema;
use serde::{Serialize, Serializer};
use std::iter::repeat;

/// A typed cell. Integers are kept apart from other numbers so that counts
/// serialize as `3`, not `3.0`.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Cell {
    Integer(i64),
    Number(f64),
    Text(String),
    Null,
}

impl Cell {
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Cell::Integer(n) => Some(*n as f64),
            Cell::Number(x) => Some(*x),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ColumnType {
    Number,
    /// ISO text converted from a Kaltura date id (`20250601` → `2025-06-01`).
    Date,
    Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Column {
    pub name: String,
    pub kind: ColumnType,
}

/// A `report.getTable` answer. Every row has exactly one cell per column.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    pub total_count: Option<i64>,
}

impl Table {
    pub fn parse(raw: &ReportTable) -> Table {
        Table::parse_with(raw, DEFAULT_DELIMITER)
    }

    pub fn parse_with(raw: &ReportTable, delimiter: char) -> Table {
        let names = split(&raw.header, delimiter).concat();
        // Without a header there is nothing to name the cells by.
        let mut raw_rows = if names.is_empty() {
            Vec::new()
        } else {
            split(&raw.data, delimiter)
        };
        for row in &mut raw_rows {
            row.resize(names.len(), String::new());
        }
        let mut columns = Vec::new();
        for (i, name) in names.into_iter().enumerate() {
            let kind = column_kind(&name, raw_rows.iter().map(|row| row[i].as_str()));
            columns.push(Column { name, kind });
        }
        let typed_row = |row: &Vec<String>| {
            let kinds = columns.iter().map(|column| column.kind);
            kinds
                .zip(row)
                .map(|(kind, text)| typed(kind, text))
                .collect()
        };
        let rows = raw_rows.iter().map(typed_row).collect();
        let total_count = raw.total_count;
        Table {
            columns,
            rows,
            total_count,
        }
    }

    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|column| column.name == name)
    }
}

/// A `report.getTotal` or `report.getBaseTotal` answer: named values in the
/// server's order. Serializes as a JSON object.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Totals {
    pub values: Vec<(String, Cell)>,
}

impl Totals {
    pub fn parse(raw: &ReportTotal) -> Totals {
        Totals::parse_with(raw, DEFAULT_DELIMITER)
    }

    pub fn parse_with(raw: &ReportTotal, delimiter: char) -> Totals {
        let names = split(&raw.header, delimiter).concat();
        let data = split(&raw.data, delimiter).into_iter().next();
        let texts = data
            .unwrap_or_default()
            .into_iter()
            .chain(repeat(String::new()));
        let values = (names.into_iter().zip(texts))
            .map(|(name, text)| {
                let cell = lone(&name, &text);
                (name, cell)
            })
            .collect();
        Totals { values }
    }

    pub fn from_base(raw: &[ReportBaseTotal]) -> Totals {
        let values = raw
            .iter()
            .map(|total| {
                let name = total.id.as_deref().unwrap_or("").trim().to_string();
                let cell = lone(&name, total.data.as_deref().unwrap_or("").trim());
                (name, cell)
            })
            .collect();
        Totals { values }
    }

    pub fn get(&self, name: &str) -> Option<&Cell> {
        self.values.iter().find(|(n, _)| n == name).map(|(_, c)| c)
    }
}

impl Serialize for Totals {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.values.iter().map(|(name, cell)| (name, cell)))
    }
}

impl JsonSchema for Totals {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Totals".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <std::collections::BTreeMap<String, Cell>>::json_schema(generator)
    }
}

/// One metric of a `report.getGraphs` answer over time.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Series {
    pub metric: String,
    pub points: Vec<Point>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Point {
    /// ISO date (`2025-06-01`, `2025-06`, `2025-06-01T13:00`), or the raw x
    /// value when it is not a date id.
    pub date: String,
    #[serde(serialize_with = "whole_as_integer")]
    pub value: f64,
}

fn whole_as_integer<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    // Graph values are mostly counts; `45` reads better than `45.0`.
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64(*value)
    }
}

pub fn parse_graphs(raw: &[ReportGraph]) -> Vec<Series> {
    parse_graphs_with(raw, DEFAULT_DELIMITER)
}

/// One series per graph, in order. Points whose value is not a number are
/// left out: a series is something to plot.
pub fn parse_graphs_with(raw: &[ReportGraph], delimiter: char) -> Vec<Series> {
    raw.iter()
        .map(|graph| Series {
            metric: graph.id.as_deref().unwrap_or("").trim().to_string(),
            points: (split(&graph.data, delimiter).into_iter())
                .filter_map(|point| {
                    let x = point.first().filter(|x| !x.is_empty())?;
                    let value = number(point.get(1)?)?.as_f64()?;
                    let date = iso_date_id(x).unwrap_or_else(|| x.clone());
                    Some(Point { date, value })
                })
                .collect(),
        })
        .collect()
}

/// `"2025"` → `"2025"`, `"202506"` → `"2025-06"`, `"20250601"` →
/// `"2025-06-01"`, `"2025060113"` → `"2025-06-01T13:00"`, `"202506011330"`
/// → `"2025-06-01T13:30"` (minute intervals); anything else → `None`.
pub fn iso_date_id(text: &str) -> Option<String> {
    let t = text.trim();
    if !t.bytes().all(|b| b.is_ascii_digit()) || ![4, 6, 8, 10, 12].contains(&t.len()) {
        return None;
    }
    // All ASCII digits, so byte slicing is safe.
    let part = |at: usize| t.get(at..at + 2).and_then(|p| p.parse::<usize>().ok());
    let (year, mut iso) = (t[..4].parse::<usize>().ok()?, t[..4].to_string());
    if t.len() >= 6 {
        let month = part(4).filter(|m| (1..=12).contains(m))?;
        iso += &format!("-{month:02}");
        if t.len() >= 8 {
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            // 31 days in odd months up to July and even ones from August.
            let days = match month {
                2 => 28 + leap as usize,
                _ => 30 + (month + month / 8) % 2,
            };
            let day = part(6).filter(|d| (1..=days).contains(d))?;
            iso += &format!("-{day:02}");
        }
    }
    if t.len() >= 10 {
        let (hour, minute) = (part(8)?, part(10).unwrap_or(0));
        if hour > 23 || minute > 59 {
            return None;
        }
        iso += &format!("T{hour:02}:{minute:02}");
    }
    Some(iso)
}

/// Date-id columns hold `YYYYMMDD`-style keys rather than amounts.
fn is_date_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    let unit = name
        .strip_suffix("_id")
        .and_then(|rest| rest.rsplit('_').next());
    matches!(
        unit,
        Some("date" | "day" | "month" | "year" | "hour" | "minute")
    )
}

/// Ids (partner, category, user…) are identifiers even when numeric: summing
/// or averaging them means nothing.
fn is_id_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name == "id" || name.ends_with("_id")
}

fn column_kind<'a>(name: &str, values: impl Iterator<Item = &'a str>) -> ColumnType {
    let values: Vec<&str> = values.filter(|v| !v.is_empty()).collect();
    let all = |ok: fn(&str) -> bool| values.iter().all(|v| ok(v));
    if is_date_name(name) && all(|v| iso_date_id(v).is_some()) {
        ColumnType::Date
    } else if is_id_name(name) || values.is_empty() || !all(|v| number(v).is_some()) {
        // A column of blanks says nothing about its type: leave it text.
        ColumnType::Text
    } else {
        ColumnType::Number
    }
}

/// A lone value (a total), typed as a one-cell column of its name.
fn lone(name: &str, text: &str) -> Cell {
    typed(column_kind(name, std::iter::once(text)), text)
}

fn typed(kind: ColumnType, text: &str) -> Cell {
    if text.is_empty() {
        return Cell::Null;
    }
    let converted = match kind {
        ColumnType::Number => number(text),
        ColumnType::Date => iso_date_id(text).map(Cell::Text),
        ColumnType::Text => None,
    };
    converted.unwrap_or_else(|| Cell::Text(text.to_string()))
}

fn number(text: &str) -> Option<Cell> {
    if let Ok(n) = text.parse::<i64>() {
        return Some(Cell::Integer(n));
    }
    // `f64::from_str` also takes `inf` and `NaN`, which are words here.
    let x: f64 = text.parse().ok()?;
    x.is_finite().then_some(Cell::Number(x))
}

fn split(text: &Option<String>, delimiter: char) -> Vec<Vec<String>> {
    records(text.as_deref().unwrap_or(""), delimiter)
}

/// Splits report text into `;`-terminated records of `delimiter`-separated
/// fields. Unquoted fields are trimmed; a field that is wholly quoted
/// (`"a, b"`, `""` for a quote) keeps its content; `\` escapes a separator,
/// a quote or itself. Blank records (`;;`, the trailing `;`) are dropped.
fn records(text: &str, delimiter: char) -> Vec<Vec<String>> {
    let chars: Vec<char> = text.chars().collect();
    let special = |c: char| c == delimiter || c == ';' || c == '"' || c == '\\';
    let (mut records, mut record, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut quoted = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && chars.get(i + 1).is_some_and(|&next| special(next)) {
            field.push(chars[i + 1]);
            i += 2;
            continue;
        }
        if c == '"' && !quoted && field.trim().is_empty() {
            if let Some((content, end)) = quoted_field(&chars, i, delimiter) {
                (field, quoted, i) = (content, true, end);
                continue;
            }
        }
        if c == delimiter || c == ';' {
            record.push(finish(&mut field, &mut quoted));
            if c == ';' {
                push_record(&mut records, std::mem::take(&mut record));
            }
        } else {
            field.push(c);
        }
        i += 1;
    }
    record.push(finish(&mut field, &mut quoted));
    push_record(&mut records, record);
    records
}

fn finish(field: &mut String, quoted: &mut bool) -> String {
    let text = std::mem::take(field);
    if std::mem::take(quoted) {
        text
    } else {
        text.trim().to_string()
    }
}

fn push_record(records: &mut Vec<Vec<String>>, record: Vec<String>) {
    if !(record.len() == 1 && record[0].is_empty()) {
        records.push(record);
    }
}

/// The content of a quoted field starting at `start`, and where the field
/// ends, if its closing quote is followed only by blanks up to a separator.
/// Otherwise the quote is an ordinary character (`"Best of" 2024`).
fn quoted_field(chars: &[char], start: usize, delimiter: char) -> Option<(String, usize)> {
    let mut content = String::new();
    let mut j = start + 1;
    while j < chars.len() {
        match (chars[j], chars.get(j + 1).copied()) {
            ('\\', Some(next)) if next == '"' || next == '\\' => {
                content.push(next);
                j += 2;
            }
            ('"', Some('"')) => {
                content.push('"');
                j += 2;
            }
            ('"', _) => {
                let mut end = j + 1;
                while end < chars.len() && chars[end] != delimiter && chars[end].is_whitespace() {
                    end += 1;
                }
                if end == chars.len() || chars[end] == delimiter || chars[end] == ';' {
                    return Some((content, end));
                }
                content.push('"');
                j += 1;
            }
            (c, _) => {
                content.push(c);
                j += 1;
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use Cell::{Integer as Int, Null};
    use ColumnType::{Date, Number, Text};

    fn table(header: &str, data: &str) -> Table {
        let (header, data) = (Some(header.into()), Some(data.into()));
        Table::parse(&ReportTable {
            header,
            data,
            ..Default::default()
        })
    }

    fn text(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    fn kinds(t: &Table) -> Vec<ColumnType> {
        t.columns.iter().map(|c| c.kind).collect()
    }

    #[test]
    fn every_row_is_kept() {
        let t = table("name,count_plays", "a,1;b,2;c,3;");
        assert_eq!(
            t.rows,
            [
                [text("a"), Int(1)],
                [text("b"), Int(2)],
                [text("c"), Int(3)]
            ]
        );
        let example = include_str!("../../../tests/data/kaltura-examples/report-get-table.json");
        let t = Table::parse(&serde_json::from_str(example).unwrap());
        assert_eq!(
            (t.rows.len(), t.columns.len(), t.total_count),
            (3, 12, Some(3))
        );
        let plays = t.column("count_plays").unwrap();
        assert_eq!(
            (t.columns[plays].kind, &t.rows[0][plays]),
            (Number, &Int(412))
        );
        assert_eq!(t.rows[2][1], text("Engineering Podcast #14: Observability"));
        assert_eq!(t.rows[1][3], Cell::Number(1204.25));
    }

    #[test]
    fn graph_points_split_on_semicolons_and_values_on_commas() {
        let example = include_str!("../../../tests/data/kaltura-examples/report-get-graphs.json");
        let series = parse_graphs(&serde_json::from_str::<Vec<ReportGraph>>(example).unwrap());
        assert_eq!(
            (series.len(), series[0].metric.as_str()),
            (6, "count_plays")
        );
        assert_eq!(series[0].points.len(), 7);
        assert_eq!(
            series[1].points[0],
            Point {
                date: "2025-06-01".into(),
                value: 670.25
            }
        );
        let json = serde_json::to_string(&series[0].points[0]).unwrap();
        assert_eq!(json, r#"{"date":"2025-06-01","value":45}"#);
        let data = Some("2025060113,4;;x;20250602,n/a;7,2.5".into());
        let odd = parse_graphs(&[ReportGraph {
            data,
            ..Default::default()
        }]);
        let points: Vec<_> = odd[0]
            .points
            .iter()
            .map(|p| (p.date.as_str(), p.value))
            .collect();
        assert_eq!(points, [("2025-06-01T13:00", 4.0), ("7", 2.5)]);
    }

    #[test]
    fn empty_and_headerless_reports_have_no_rows() {
        let empty = serde_json::from_str(r#"{"objectType":"KalturaReportTable"}"#).unwrap();
        assert_eq!(Table::parse(&empty), Table::default());
        let (data, total_count) = (Some("a,1;".into()), Some(1));
        let t = Table::parse(&ReportTable {
            data,
            total_count,
            ..Default::default()
        });
        assert_eq!(
            (t.columns.len(), t.rows.len(), t.total_count),
            (0, 0, Some(1))
        );
        assert!(Totals::parse(&ReportTotal::default()).values.is_empty());
        assert!(parse_graphs(&[ReportGraph::default()])[0].points.is_empty());
    }

    #[test]
    fn ragged_rows_and_stray_separators() {
        let t = table("name,plays,extra", ";;a,1;;b;c,3,x,surplus;  ;");
        let want = [
            [text("a"), Int(1), Null],
            [text("b"), Null, Null],
            [text("c"), Int(3), text("x")],
        ];
        assert_eq!(t.rows, want);
        assert_eq!(kinds(&t), [Text, Number, Text]);
    }

    #[test]
    fn quoted_and_escaped_values() {
        let data = r#""a, b",x;  "say ""hi""" ,y;c\,d,e\;f;"Best of" 2024,z;"open,w;"#;
        let t = table("name,note", data);
        let names: Vec<_> = t.rows.iter().map(|r| r[0].clone()).collect();
        let want = ["a, b", r#"say "hi""#, "c,d", r#""Best of" 2024"#, "\"open"];
        assert_eq!(names, want.map(text));
        assert_eq!(t.rows[2][1], text("e;f"));
        let raw = ReportTable {
            header: Some("name|plays".into()),
            data: Some("a, b|3;".into()),
            ..Default::default()
        };
        assert_eq!(Table::parse_with(&raw, '|').rows, [[text("a, b"), Int(3)]]);
    }

    #[test]
    fn columns_are_typed_by_name_and_values() {
        let t = table(
            "date_id,month_id,event_hour_id,partner_id,entry_id,id,custom,rate,mixed",
            "20250601,202506,2025060113,1234,0_abc,7,zz,1.0E-5,12;\
             20240229,202412,2025060100,99,1_x,8,,0,twelve;",
        );
        assert_eq!(
            kinds(&t),
            [Date, Date, Date, Text, Text, Text, Text, Number, Text]
        );
        let dates = ["2025-06-01", "2025-06", "2025-06-01T13:00", "1234"].map(text);
        assert_eq!(t.rows[0][..4], dates);
        assert_eq!(
            (&t.rows[0][7], &t.rows[1][6]),
            (&Cell::Number(1.0e-5), &Null)
        );
        assert_eq!(
            (&t.rows[0][8], &t.rows[1][8]),
            (&text("12"), &text("twelve"))
        );
        // A date-named column that holds something else is text, unconverted.
        let odd = table("date_id", "20251301;");
        assert_eq!(
            (kinds(&odd), &odd.rows[0][0]),
            (vec![Text], &text("20251301"))
        );
    }

    #[test]
    fn date_ids() {
        let good = [
            ("2025", "2025"),
            ("202506", "2025-06"),
            (" 20250601", "2025-06-01"),
            ("2025060113", "2025-06-01T13:00"),
            ("202506011330", "2025-06-01T13:30"),
        ];
        for (id, iso) in good {
            assert_eq!(iso_date_id(id).as_deref(), Some(iso), "{id}");
        }
        for bad in [
            "",
            "2025-06-01",
            "20250631",
            "20250229",
            "2025060124",
            "202513",
            "１２３４",
        ] {
            assert_eq!(iso_date_id(bad), None, "{bad}");
        }
    }

    #[test]
    fn totals_pair_names_with_values() {
        let header = Some("count_plays,sum_time_viewed,partner_id,missing".into());
        let data = Some("55,12.5,42,;".into());
        let total = Totals::parse(&ReportTotal {
            header,
            data,
            ..Default::default()
        });
        let json = serde_json::to_string(&total).unwrap();
        let want = r#"{"count_plays":55,"sum_time_viewed":12.5,"partner_id":"42","missing":null}"#;
        assert_eq!(json, want);
        assert_eq!(total.get("sum_time_viewed"), Some(&Cell::Number(12.5)));
        let base = |id: &str, data: &str| ReportBaseTotal {
            id: Some(id.into()),
            data: Some(data.into()),
            ..Default::default()
        };
        let totals = Totals::from_base(&[base("count_plays", "7"), base("entry_name", "x")]);
        assert_eq!(
            (totals.get("count_plays"), totals.get("entry_name")),
            (Some(&Int(7)), Some(&text("x")))
        );
    }

    /// Columns of one kind each (integers, fractions or words), as `(name, cells)`.
    fn random_table() -> impl Strategy<Value = Vec<(String, Vec<Cell>)>> {
        (1usize..6, 0usize..8).prop_flat_map(|(width, rows)| {
            let fraction =
                any::<f64>().prop_filter("fractional", |x| x.is_finite() && x.fract() != 0.0);
            let cells = prop_oneof![
                proptest::collection::vec(any::<i64>().prop_map(Int), rows),
                proptest::collection::vec(fraction.prop_map(Cell::Number), rows),
                proptest::collection::vec(
                    "[a-zA-Z]{1,8}( [a-zA-Z#:.]{1,8})?".prop_map(Cell::Text),
                    rows
                ),
            ];
            proptest::collection::vec(("c[a-z]{0,6}", cells), width)
        })
    }

    fn render(cell: &Cell) -> String {
        match cell {
            Int(n) => n.to_string(),
            Cell::Number(x) => x.to_string(),
            Cell::Text(s) => s.clone(),
            Null => String::new(),
        }
    }

    proptest! {
        #[test]
        fn arbitrary_text_never_panics(header: Option<String>, data: Option<String>, delimiter: char) {
            let t = Table::parse_with(&ReportTable { header: header.clone(), data: data.clone(), ..Default::default() }, delimiter);
            prop_assert!(t.rows.iter().all(|row| row.len() == t.columns.len()));
            Totals::parse_with(&ReportTotal { header: header.clone(), data: data.clone(), ..Default::default() }, delimiter);
            Totals::from_base(&[ReportBaseTotal { id: header.clone(), data: data.clone(), ..Default::default() }]);
            parse_graphs_with(&[ReportGraph { id: header, data, ..Default::default() }], delimiter);
        }

        #[test]
        fn separator_soup_never_panics(header in "[a-z,;\"\\\\ ]{0,30}", data in "[a-z0-9,;\"\\\\ ]{0,60}") {
            let t = table(&header, &data);
            prop_assert!(t.rows.iter().all(|row| row.len() == t.columns.len()));
            parse_graphs(&[ReportGraph { data: Some(data), ..Default::default() }]);
        }

        #[test]
        fn rendered_tables_parse_back(columns in random_table()) {
            let header: Vec<&str> = columns.iter().map(|(name, _)| name.as_str()).collect();
            let rows = columns[0].1.len();
            let render_row = |r: usize| columns.iter().map(|(_, cells)| render(&cells[r])).collect::<Vec<_>>().join(",") + ";";
            let t = table(&header.join(","), &(0..rows).map(render_row).collect::<String>());
            let names: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
            prop_assert_eq!((names, t.rows.len()), (header, rows));
            for (i, (_, cells)) in columns.iter().enumerate() {
                let got: Vec<Cell> = t.rows.iter().map(|row| row[i].clone()).collect();
                prop_assert_eq!(&got, cells);
            }
        }
    }
}
