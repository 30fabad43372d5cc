//! The report engine against a hand-built catalog: every expected figure
//! is recomputed here from the rows, not read back from the engine.

use std::collections::HashMap;
use std::path::PathBuf;

use serde_json::{json, Map, Value};

use super::catalog::{find, REPORT_TYPES};
use super::dates::{civil_from_days, days_from_civil, parse_day, DAY};
use super::metrics::number;
use super::*;
use crate::fixtures::{Catalog, Object, Play, Retention};
use crate::services::Reply;

/// 2025-06-15 12:00:00 UTC.
const NOW: u64 = 1_749_988_800;

fn today() -> i64 {
    NOW as i64 / DAY
}

/// `YYYYMMDD` of the day `days_ago` before NOW's day.
fn day_id(days_ago: i64) -> String {
    let (y, m, d) = civil_from_days(today() - days_ago);
    format!("{y:04}{m:02}{d:02}")
}

#[allow(clippy::too_many_arguments)]
fn play(
    days_ago: i64,
    entry: &str,
    user: &str,
    country: &str,
    device: &str,
    plays: f64,
    seconds: f64,
    completion: f64,
) -> Play {
    Play {
        days_ago,
        entry_id: entry.into(),
        user_id: user.into(),
        country: country.into(),
        region: format!("{country}-R"),
        city: format!("{country}-C"),
        device: device.into(),
        os: "Windows".into(),
        browser: "Chrome".into(),
        application: "KMC".into(),
        plays,
        loads: plays * 2.0,
        seconds_viewed: seconds,
        completion_rate: completion,
        avg_bitrate_kbps: 1000.0 + plays,
        buffer_seconds: 3.0,
        join_time_ms: 500.0,
        errors: if device == "Mobile" { 1.0 } else { 0.0 },
        error_code: if device == "Mobile" {
            "MEDIA_ERR_NETWORK".into()
        } else {
            String::new()
        },
    }
}

fn object(value: Value) -> Object {
    value.as_object().cloned().unwrap_or_default()
}

fn catalog() -> Catalog {
    Catalog {
        dir: PathBuf::new(),
        partner: Map::new(),
        entries: vec![
            object(
                json!({"id": "0_a", "name": "Alpha", "userId": "owner1", "mediaType": 1,
                "tags": "intro,demo", "categories": "Root>Talks", "categoriesIds": "11"}),
            ),
            object(
                json!({"id": "0_b", "name": "Beta, part; two", "userId": "owner2", "mediaType": 5,
                "tags": "podcast", "categories": "Root", "categoriesIds": "10"}),
            ),
            object(
                json!({"id": "0_c", "name": "Gamma", "userId": "owner1", "mediaType": 1,
                "tags": "", "categories": "", "categoriesIds": ""}),
            ),
        ],
        categories: vec![
            object(json!({"id": 10, "fullName": "Root", "fullIds": "10"})),
            object(json!({"id": 11, "fullName": "Root>Talks", "fullIds": "10>11"})),
        ],
        flavors: Vec::new(),
        captions: Vec::new(),
        attachments: Vec::new(),
        metadata_profiles: Vec::new(),
        metadata: Vec::new(),
        cue_points: Vec::new(),
        plays: vec![
            play(1, "0_a", "u1", "US", "Desktop", 10.0, 600.0, 0.5),
            play(1, "0_a", "", "US", "Mobile", 4.0, 120.0, 0.25),
            play(2, "0_b", "u2", "FR", "Desktop", 3.0, 90.0, 1.0),
            play(5, "0_a", "u1", "FR", "Tablet", 2.0, 30.0, 0.8),
            play(5, "0_c", "u3", "DE", "Mobile", 7.0, 420.0, 0.1),
            play(40, "0_b", "u2", "US", "Desktop", 100.0, 6000.0, 0.9),
        ],
        retention: (0..=100)
            .flat_map(|p| {
                [
                    Retention {
                        entry_id: "0_a".into(),
                        percentile: p,
                        count_viewers: (100 - p) as f64,
                        unique_known_users: ((100 - p) / 2) as f64,
                    },
                    Retention {
                        entry_id: "0_b".into(),
                        percentile: p,
                        count_viewers: 7.0,
                        unique_known_users: 1.0,
                    },
                ]
            })
            .collect(),
        caption_cues: HashMap::new(),
    }
}

fn call(action: fn(&Ctx, &Params) -> ActionResult, params: Value) -> Result<Value, ApiError> {
    let catalog = catalog();
    let ctx = Ctx {
        catalog: &catalog,
        session: None,
        base_url: "http://sim",
        now: NOW,
    };
    match action(&ctx, &Params::from_value(&params))? {
        Reply::Value(value) => Ok(value),
        Reply::File(_) => panic!("reports answer values"),
    }
}

fn ok(action: fn(&Ctx, &Params) -> ActionResult, params: Value) -> Value {
    call(action, params).unwrap()
}

fn text(value: &Value, key: &str) -> String {
    value[key].as_str().unwrap_or_default().to_owned()
}

/// Table rows as cell lists (the trailing `;` checked).
fn rows(table: &Value, delimiter: &str) -> Vec<Vec<String>> {
    let data = text(table, "data");
    assert!(data.ends_with(';'), "{data}");
    data.trim_end_matches(';')
        .split(';')
        .map(|row| row.split(delimiter).map(str::to_owned).collect())
        .collect()
}

#[test]
fn top_content_table_has_kalturas_header_and_recomputed_figures() {
    let table = ok(
        get_table,
        json!({"reportType": "1", "reportInputFilter": {}}),
    );
    assert_eq!(
        text(&table, "header"),
        "object_id,entry_name,count_plays,sum_time_viewed,avg_time_viewed,count_loads,load_play_ratio,avg_view_drop_off,unique_known_users,sum_view_period,avg_view_period_time,avg_completion_rate"
    );
    assert_eq!(table["objectType"], "KalturaReportTable");
    // Default range: the last 30 days, so the day-40 row is out.
    assert_eq!(table["totalCount"], 3);
    let rows = rows(&table, ",");
    let (plays, seconds, weighted) = (16.0, 750.0, 10.0 * 0.5 + 4.0 * 0.25 + 2.0 * 0.8);
    let minutes: f64 = seconds / 60.0;
    let expected_a = vec![
        "0_a".to_owned(),
        "Alpha".into(),
        number(plays),
        number(minutes),
        number(minutes / plays),
        number(plays * 2.0),
        number(0.5),
        number(weighted / plays),
        "1".into(),
        number(minutes),
        number(minutes / plays),
        number(weighted / plays),
    ];
    // Ranked by plays: 0_a (16), 0_c (7), 0_b (3).
    assert_eq!(rows[0], expected_a);
    assert_eq!(rows[1][0], "0_c");
    assert_eq!(rows[2][0], "0_b");
    // The delimiter and `;` inside the name became spaces.
    assert_eq!(rows[2][1], "Beta  part  two");
    assert_eq!(rows[0][3], "12.5");
    assert_eq!(rows[0][4], "0.78125");
}

#[test]
fn totals_are_one_row_without_the_semicolon() {
    let filter = json!({"fromDay": day_id(5), "toDay": day_id(1)});
    let total = ok(
        get_total,
        json!({"reportType": 1, "reportInputFilter": filter}),
    );
    assert_eq!(total["objectType"], "KalturaReportTotal");
    assert!(text(&total, "header").starts_with("count_plays,sum_time_viewed,"));
    let data = text(&total, "data");
    assert!(!data.contains(';'), "{data}");
    let values: Vec<&str> = data.split(',').collect();
    let plays = 10.0 + 4.0 + 3.0 + 2.0 + 7.0;
    assert_eq!(values[0], number(plays));
    assert_eq!(values[1], number(1260.0 / 60.0));
    // unique_known_users: u1, u2, u3 (the anonymous row does not count).
    assert_eq!(values[6], "3");
    let base = ok(
        get_base_total,
        json!({"reportType": 1, "reportInputFilter": filter}),
    );
    assert_eq!(base[0]["id"], "count_plays");
    assert_eq!(base[0]["data"], number(plays));
    assert_eq!(base[0]["objectType"], "KalturaReportBaseTotal");
    assert_eq!(base.as_array().unwrap().len(), values.len());
}

#[test]
fn date_ranges_select_rows_by_days_ago() {
    let plays = |filter: Value| {
        let total = ok(
            get_total,
            json!({"reportType": "1", "reportInputFilter": filter}),
        );
        text(&total, "data").split(',').next().unwrap().to_owned()
    };
    assert_eq!(
        plays(json!({"fromDay": day_id(2), "toDay": day_id(1)})),
        "17"
    );
    assert_eq!(
        plays(json!({"fromDay": day_id(40), "toDay": day_id(40)})),
        "100"
    );
    // Relative fromDate/toDate (seconds from now).
    assert_eq!(
        plays(json!({"fromDate": -3 * DAY, "toDate": 0})),
        number(10.0 + 4.0 + 3.0)
    );
    // Absolute unix times, as strings the way forms send them.
    let start = ((today() - 5) * DAY).to_string();
    assert_eq!(
        plays(json!({"fromDate": start, "toDate": (today() - 5) * DAY + 3600})),
        "9"
    );
    // fromDay wins over fromDate.
    assert_eq!(
        plays(json!({"fromDate": -100 * DAY, "fromDay": day_id(1), "toDay": day_id(1)})),
        "14"
    );
    // Only a start: up to today.
    assert_eq!(plays(json!({"fromDay": day_id(50)})), "126");
}

#[test]
fn graphs_are_zero_filled_per_metric() {
    let graphs = ok(
        get_graphs,
        json!({"reportType": "1", "reportInputFilter": {"fromDay": day_id(6), "toDay": day_id(1)}}),
    );
    let graphs = graphs.as_array().unwrap();
    assert_eq!(graphs.len(), 10);
    assert_eq!(graphs[0]["id"], "count_plays");
    assert_eq!(graphs[0]["objectType"], "KalturaReportGraph");
    let expected = format!(
        "{},0;{},9;{},0;{},0;{},3;{},14;",
        day_id(6),
        day_id(5),
        day_id(4),
        day_id(3),
        day_id(2),
        day_id(1)
    );
    assert_eq!(graphs[0]["data"], expected);
    let months = ok(
        get_graphs,
        json!({"reportType": "34", "reportInputFilter": {"fromDay": "20250301", "toDay": "20250615", "interval": "months"}}),
    );
    let points = text(&months[0], "data");
    assert_eq!(points, "202503,0;202504,0;202505,100;202506,26;");
}

#[test]
fn a_pipe_delimiter_joins_cells_and_splits_inputs() {
    let table = ok(
        get_table,
        json!({"reportType": "1", "reportInputFilter": {"entryIdIn": "0_a|0_b"},
               "responseOptions": {"delimiter": "|"}}),
    );
    assert!(text(&table, "header").starts_with("object_id|entry_name|count_plays|"));
    let rows = rows(&table, "|");
    assert_eq!(rows.len(), 2);
    // A comma is no longer special; `;` still is.
    assert_eq!(rows[1][1], "Beta, part  two");
    let graphs = ok(
        get_graphs,
        json!({"reportType": "1", "reportInputFilter": {"fromDay": day_id(1), "toDay": day_id(1)},
               "responseOptions": {"delimiter": "|"}}),
    );
    assert_eq!(graphs[0]["data"], format!("{}|14;", day_id(1)));
}

#[test]
fn filters_on_rows_and_entries() {
    let plays = |filter: Value| {
        let total = ok(
            get_total,
            json!({"reportType": "1", "reportInputFilter": filter}),
        );
        text(&total, "data").split(',').next().unwrap().to_owned()
    };
    assert_eq!(plays(json!({"countryIn": "fr,de"})), "12");
    assert_eq!(plays(json!({"deviceIn": "Mobile"})), "11");
    assert_eq!(plays(json!({"mediaTypeIn": 5})), "3");
    assert_eq!(plays(json!({"keywords": "DEMO"})), "16");
    assert_eq!(plays(json!({"ownerIdsIn": "owner1"})), "23");
    assert_eq!(plays(json!({"userIds": "u1,u3"})), "19");
    assert_eq!(plays(json!({"errorCodeIn": "MEDIA_ERR_NETWORK"})), "11");
    // Category 10 includes its subcategory 11.
    assert_eq!(plays(json!({"categoriesIdsIn": "10"})), "19");
    assert_eq!(plays(json!({"categoriesIdsIn": "11"})), "16");
    assert_eq!(plays(json!({"categories": "Root>Talks"})), "16");
    assert_eq!(plays(json!({"categories": "root"})), "19");
    assert_eq!(
        plays(json!({"unknownFilter": "x", "timeZoneOffset": -120})),
        "26"
    );
}

#[test]
fn object_ids_restrict_entries_or_users() {
    let table = ok(
        get_table,
        json!({"reportType": "1", "reportInputFilter": {}, "objectIds": "0_c"}),
    );
    assert_eq!(table["totalCount"], 1);
    assert_eq!(rows(&table, ",")[0][0], "0_c");
    let users = ok(
        get_table,
        json!({"reportType": "11", "reportInputFilter": {}, "objectIds": "u1"}),
    );
    assert_eq!(text(&users, "header").split(',').next(), Some("name"));
    let rows = rows(&users, ",");
    assert_eq!(rows.len(), 1);
    // u1: entries 0_a only, 12 plays.
    assert_eq!(&rows[0][..3], ["u1", "1", "12"]);
}

#[test]
fn anonymous_viewers_are_unknown_in_user_reports() {
    let users = ok(
        get_table,
        json!({"reportType": "11", "reportInputFilter": {}}),
    );
    let names: Vec<String> = rows(&users, ",")
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(names, ["u1", "u3", "Unknown", "u2"]);
}

#[test]
fn percentiles_need_object_ids_and_read_retention() {
    let error = call(
        get_table,
        json!({"reportType": "43", "reportInputFilter": {}}),
    )
    .unwrap_err();
    assert_eq!(error, ApiError::report_parameter_missing("objectIds"));
    let table = ok(
        get_table,
        json!({"reportType": "43", "reportInputFilter": {}, "objectIds": "0_a,0_b"}),
    );
    assert_eq!(
        text(&table, "header"),
        "percentile,count_viewers,unique_known_users"
    );
    assert_eq!(table["totalCount"], 101);
    let rows = rows(&table, ",");
    assert_eq!(rows.len(), 101);
    assert_eq!(rows[0], ["0", "107", "51"]);
    assert_eq!(rows[100], ["100", "7", "1"]);
    let total = ok(
        get_total,
        json!({"reportType": "43", "reportInputFilter": {}, "objectIds": "0_a"}),
    );
    assert_eq!(text(&total, "data"), "100,50");
    let graphs = ok(
        get_graphs,
        json!({"reportType": "43", "reportInputFilter": {}, "objectIds": "0_b"}),
    );
    assert_eq!(graphs[0]["id"], "count_viewers");
    assert!(text(&graphs[0], "data").starts_with("0,7;1,7;2,7;"));
    assert!(text(&graphs[1], "data").ends_with(";100,1;"));
}

#[test]
fn bad_parameters_are_kalturas_errors() {
    let error = |params: Value| call(get_table, params).unwrap_err();
    assert_eq!(
        error(json!({"reportType": "9999", "reportInputFilter": {}})),
        ApiError::invalid_enum("9999", "reportType", "KalturaReportType")
    );
    assert_eq!(
        error(json!({"reportInputFilter": {}})),
        ApiError::missing_parameter("reportType")
    );
    assert_eq!(
        error(json!({"reportType": 1})),
        ApiError::missing_parameter("reportInputFilter")
    );
    assert_eq!(
        error(json!({"reportType": 1, "reportInputFilter": {"interval": "weeks"}})),
        ApiError::invalid_enum("weeks", "interval", "KalturaReportInterval")
    );
}

#[test]
fn an_empty_table_is_only_its_object_type() {
    let table = ok(
        get_table,
        json!({"reportType": "21", "reportInputFilter": {"countryIn": "JP"}}),
    );
    assert_eq!(table, json!({"objectType": "KalturaReportTable"}));
    let total = ok(
        get_total,
        json!({"reportType": "21", "reportInputFilter": {"countryIn": "JP"}}),
    );
    assert!(text(&total, "data").starts_with("0,0,0,"));
}

#[test]
fn order_and_paging() {
    let names = |params: Value| -> Vec<String> {
        let table = ok(get_table, params);
        rows(&table, ",")
            .into_iter()
            .map(|r| r[0].clone())
            .collect()
    };
    let base = json!({"reportType": "21", "reportInputFilter": {}});
    assert_eq!(names(base.clone()), ["Desktop", "Mobile", "Tablet"]);
    let mut ordered = base.clone();
    ordered["order"] = json!("+count_plays");
    assert_eq!(names(ordered.clone()), ["Tablet", "Mobile", "Desktop"]);
    // A form-decoded `+` arrives as a space.
    ordered["order"] = json!(" device");
    assert_eq!(names(ordered.clone()), ["Desktop", "Mobile", "Tablet"]);
    ordered["order"] = json!("-device");
    assert_eq!(names(ordered.clone()), ["Tablet", "Mobile", "Desktop"]);
    ordered["pager"] = json!({"pageSize": 1, "pageIndex": 2});
    let page = ok(get_table, ordered.clone());
    assert_eq!(page["totalCount"], 3);
    // Mobile: (4 plays, 120 s, 0.25) and (7 plays, 420 s, 0.1).
    let completion = number((4.0 * 0.25 + 7.0 * 0.1) / 11.0);
    assert_eq!(completion, "0.1545454545");
    let expected = [
        "Mobile",
        "11",
        "9",
        "0.8181818182",
        "22",
        "0.5",
        &completion,
        "1",
        &completion,
    ];
    assert_eq!(rows(&page, ","), [expected]);
}

#[test]
fn qoe_reports_group_by_their_dimension() {
    let table = ok(
        get_table,
        json!({"reportType": "30039", "reportInputFilter": {}}),
    );
    assert_eq!(
        text(&table, "header"),
        "error_code,count_plays,count_errors,error_rate"
    );
    let rows = rows(&table, ",");
    assert_eq!(rows[0], ["", "15", "0", "0"]);
    assert_eq!(
        rows[1],
        ["MEDIA_ERR_NETWORK", "11", "2", &number(2.0 / 22.0)]
    );
    let dropoff = ok(
        get_table,
        json!({"reportType": "2", "reportInputFilter": {}, "objectIds": "0_b"}),
    );
    // 3 plays at completion 1.0 reach every quartile.
    assert_eq!(
        rows_of(&dropoff)[0],
        ["0_b", "Beta  part  two", "3", "3", "3", "3", "3", "1"]
    );
    let realtime = ok(
        get_total,
        json!({"reportType": "10005", "reportInputFilter": {}}),
    );
    assert_eq!(
        text(&realtime, "header"),
        "view_unique_audience,views,sum_view_time,avg_view_bitrate,view_buffer_time_ratio"
    );
    // Yesterday only: u1, one anonymous row, 14 plays.
    assert!(text(&realtime, "data").starts_with("2,14,12,"));
}

fn rows_of(table: &Value) -> Vec<Vec<String>> {
    rows(table, ",")
}

#[test]
fn hostile_input_never_panics() {
    let hostile = [
        json!({"reportType": "1", "reportInputFilter": {"fromDate": i64::MIN, "toDate": i64::MAX}}),
        json!({"reportType": "1", "reportInputFilter": {"fromDate": "abc", "toDay": "20251399"}, "pager": {"pageSize": "lots", "pageIndex": u64::MAX}}),
        json!({"reportType": "1", "reportInputFilter": {"fromDay": "99999999", "toDay": "00000101", "interval": "hours"}}),
        json!({"reportType": "34", "reportInputFilter": {"fromDate": 1, "toDate": MAX_SECONDS, "interval": "ten_seconds"}}),
        json!({"reportType": "34", "reportInputFilter": {"fromDay": "10000101", "interval": "months"}, "order": "-"}),
        json!({"reportType": "1", "reportInputFilter": "not an object"}),
        json!({"reportType": [1], "reportInputFilter": {}, "objectIds": ";;;"}),
        json!({"reportType": "43", "reportInputFilter": {}, "objectIds": ",,,", "responseOptions": {"delimiter": ""}}),
        json!({"reportType": "quiz.QUIZ", "reportInputFilter": {"entryIdIn": 5}, "pager": {"pageSize": 1e300}}),
    ];
    for params in hostile {
        for action in [get_table, get_total, get_graphs, get_base_total] {
            let _ = call(action, params.clone());
        }
    }
    let graphs = ok(
        get_graphs,
        json!({"reportType": "34", "reportInputFilter": {"fromDate": 1, "toDate": MAX_SECONDS, "interval": "hours"}}),
    );
    let points = text(&graphs[0], "data").matches(';').count();
    assert!(points <= dates::MAX_POINTS as usize, "{points}");
}

#[test]
fn the_catalog_is_the_whole_enum() {
    assert_eq!(REPORT_TYPES.len(), 214);
    let mut ids: Vec<&str> = REPORT_TYPES.iter().map(|spec| spec.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), REPORT_TYPES.len());
    assert_eq!(find("1").map(|spec| spec.name), Some("TOP_CONTENT"));
    assert_eq!(find("30001").map(|spec| spec.name), Some("QOE_OVERVIEW"));
    assert!(find("31").is_none());
    // Every report answers a table with a header.
    for spec in REPORT_TYPES {
        let params = json!({"reportType": spec.id, "reportInputFilter": {"fromDay": day_id(60)}, "objectIds": if spec.dim == Dim::Percentile { "0_a" } else { "" }});
        let table = ok(get_table, params);
        assert!(table.get("header").is_some(), "{}", spec.name);
    }
}

#[test]
fn dates_and_numbers() {
    assert_eq!(days_from_civil(1970, 1, 1), 0);
    assert_eq!(civil_from_days(today()), (2025, 6, 15));
    assert_eq!(parse_day("20240229"), Some(days_from_civil(2024, 2, 29)));
    assert_eq!(parse_day("20230229"), None);
    assert_eq!(parse_day("2023-02-01"), None);
    assert_eq!(number(3.0), "3");
    assert_eq!(number(-0.0), "0");
    assert_eq!(number(1.0 / 3.0), "0.3333333333");
    assert_eq!(number(12.5), "12.5");
    assert_eq!(number(f64::NAN), "0");
}

#[test]
fn hourly_graphs_have_24_points_a_day() {
    let graphs = ok(
        get_graphs,
        json!({"reportType": "1", "reportInputFilter": {"fromDay": day_id(2), "toDay": day_id(1), "interval": "hours"}}),
    );
    let data = text(&graphs[0], "data");
    let points: Vec<&str> = data.trim_end_matches(';').split(';').collect();
    assert_eq!(points.len(), 48);
    assert_eq!(points[0], format!("{}00,3", day_id(2)));
    assert_eq!(points[1], format!("{}01,0", day_id(2)));
    assert_eq!(points[24], format!("{}00,14", day_id(1)));
}

#[test]
fn geography_and_creator_reports() {
    let header = |id: &str| {
        let table = ok(
            get_table,
            json!({"reportType": id, "reportInputFilter": {}}),
        );
        text(&table, "header")
    };
    let metrics = "count_plays,unique_known_users,avg_completion_rate,sum_time_viewed";
    assert_eq!(header("36"), format!("country,{metrics}"));
    assert_eq!(header("37"), format!("country,region,{metrics}"));
    assert_eq!(header("30"), format!("country,region,city,{metrics}"));
    let regions = ok(
        get_table,
        json!({"reportType": "37", "reportInputFilter": {}}),
    );
    // US: 14 plays by u1 and an anonymous viewer, 720 s.
    assert_eq!(
        rows(&regions, ",")[0],
        ["US", "US-R", "14", "1", &number(6.0 / 14.0), "12"]
    );
    let creators = ok(
        get_table,
        json!({"reportType": "38", "reportInputFilter": {}, "objectIds": "owner2|owner1",
               "responseOptions": {"delimiter": "|"}}),
    );
    assert!(text(&creators, "header").starts_with("creator_name|unique_videos|count_plays|"));
    let owners: Vec<Vec<String>> = rows(&creators, "|")
        .into_iter()
        .map(|row| row[..3].to_vec())
        .collect();
    // owner1 owns 0_a and 0_c (23 plays), owner2 0_b (3).
    assert_eq!(owners, [["owner1", "2", "23"], ["owner2", "1", "3"]]);
}
