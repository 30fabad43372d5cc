//! The analytics tools against the simulator. Expected figures are
//! computed here, independently, from the fixture CSVs (one row per
//! viewer, entry, day and place; `days_ago` 0 is today, UTC): every number
//! a tool answers must be Kaltura's (here, the fixtures') exactly.

mod common;

use common::Harness;
use kaltura_sim::fixtures;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// `plays.csv` as (column → value) maps.
fn plays() -> Vec<BTreeMap<String, String>> {
    let text =
        std::fs::read_to_string(fixtures::default_dir().join("analytics/plays.csv")).unwrap();
    let mut lines = text.lines();
    let header: Vec<String> = lines
        .next()
        .unwrap()
        .split(',')
        .map(str::to_owned)
        .collect();
    lines
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            header
                .iter()
                .cloned()
                .zip(line.split(',').map(str::to_owned))
                .collect()
        })
        .collect()
}

/// Σ plays of the rows `keep` keeps among the last `days` days.
fn plays_where(days: i64, keep: impl Fn(&BTreeMap<String, String>) -> bool) -> f64 {
    plays()
        .iter()
        .filter(|row| row["days_ago"].parse::<i64>().unwrap() < days && keep(row))
        .map(|row| row["plays"].parse::<f64>().unwrap())
        .sum()
}

fn total(answer: &Value, metric: &str) -> f64 {
    answer["totals"][metric]
        .as_f64()
        .unwrap_or_else(|| panic!("no total {metric}: {answer}"))
}

fn column(answer: &Value, name: &str) -> usize {
    answer["columns"]
        .as_array()
        .unwrap()
        .iter()
        .position(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no column {name}: {}", answer["columns"]))
}

#[test]
fn top_content_totals_and_every_row_match_the_fixtures() {
    let h = Harness::new();
    let answer = h.ok(
        "get_analytics",
        json!({"report_type": "top_content", "from_date": "last_7_days", "limit": 500}),
    );
    let expected = plays_where(7, |_| true);
    assert_eq!(total(&answer, "count_plays"), expected);
    let plays = column(&answer, "count_plays");
    let rows = answer["rows"].as_array().unwrap();
    assert!(rows.len() > 1, "every row, not the first only");
    let summed: f64 = rows.iter().map(|row| row[plays].as_f64().unwrap()).sum();
    assert_eq!(summed, expected);
    assert_eq!(answer["totalCount"], rows.len());
    assert_eq!(answer["columns"][plays]["kind"], "number");
    assert_eq!(answer["range"]["timeZone"], "UTC");
    assert_eq!(answer["report"], json!({"name": "top_content", "id": "1"}));
}

#[test]
fn entry_category_and_user_filters_reach_kaltura() {
    let h = Harness::new();
    let entry = h.ok(
        "get_analytics",
        json!({"report_type": "content", "from_date": "last_7_days", "entry_id": "0_ha41rn7b"}),
    );
    assert_eq!(
        total(&entry, "count_plays"),
        plays_where(7, |row| row["entry_id"] == "0_ha41rn7b")
    );

    let user = "camille.cohen@demo.example";
    let by_user = h.ok(
        "get_analytics",
        json!({"from_date": "last_30_days", "user_id": user}),
    );
    let expected = plays_where(30, |row| row["user_id"] == user);
    assert!(expected > 0.0);
    assert_eq!(total(&by_user, "count_plays"), expected);

    let entries: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(fixtures::default_dir().join("entries.json")).unwrap(),
    )
    .unwrap();
    let in_category: Vec<String> = entries
        .iter()
        .filter(|e| {
            e["categoriesIds"]
                .as_str()
                .unwrap_or_default()
                .split(',')
                .any(|id| id == "1008")
        })
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect();
    assert!(!in_category.is_empty());
    let category = h.ok(
        "get_analytics",
        json!({"from_date": "last_30_days", "category_id": 1008}),
    );
    assert_eq!(
        total(&category, "count_plays"),
        plays_where(30, |row| in_category.contains(&row["entry_id"]))
    );
}

#[test]
fn a_dimension_chooses_the_report_and_is_never_ignored() {
    let h = Harness::new();
    let devices = h.ok(
        "get_analytics",
        json!({"dimension": "device", "from_date": "last_30_days"}),
    );
    assert_eq!(devices["report"]["name"], "platforms");
    let device = column(&devices, "device");
    let plays = column(&devices, "count_plays");
    for row in devices["rows"].as_array().unwrap() {
        let name = row[device].as_str().unwrap().to_owned();
        assert_eq!(
            row[plays].as_f64().unwrap(),
            plays_where(30, |r| r["device"] == name),
            "{name}"
        );
    }
    let clash = h.error(
        "get_analytics",
        json!({"report_type": "top_content", "dimension": "device"}),
    );
    assert!(clash.contains("platforms"), "{clash}");
}

#[test]
fn daily_series_hold_each_days_plays() {
    let h = Harness::new();
    let answer = h.ok(
        "get_analytics_timeseries",
        json!({"from_date": "last_7_days", "interval": "days", "metrics": ["count_plays"]}),
    );
    let series = answer["series"].as_array().unwrap();
    assert_eq!(series.len(), 1);
    let points = series[0]["points"].as_array().unwrap();
    assert_eq!(points.len(), 7, "zero-filled over the range");
    // Oldest first: day i is `6 - i` days ago.
    for (i, point) in points.iter().enumerate() {
        let days_ago = 6 - i as i64;
        let expected: f64 = plays()
            .iter()
            .filter(|row| row["days_ago"].parse::<i64>().unwrap() == days_ago)
            .map(|row| row["plays"].parse::<f64>().unwrap())
            .sum();
        assert_eq!(point["value"].as_f64().unwrap(), expected, "{point}");
        assert!(
            point["date"].as_str().unwrap().len() == 10,
            "ISO day: {point}"
        );
    }
    let monthly = h.ok(
        "get_analytics_timeseries",
        json!({"from_date": "last_90_days", "interval": "months"}),
    );
    let month = monthly["series"][0]["points"][0]["date"].as_str().unwrap();
    assert_eq!(month.len(), 7, "YYYY-MM: {month}");
    let unknown = h.error(
        "get_analytics_timeseries",
        json!({"metrics": ["count_happiness"]}),
    );
    assert!(
        unknown.contains("count_plays"),
        "lists what exists: {unknown}"
    );
    let too_long = h.error(
        "get_analytics_timeseries",
        json!({"interval": "hours", "from_date": "last_90_days"}),
    );
    assert!(too_long.contains("31 days"), "{too_long}");
}

#[test]
fn retention_comes_from_the_percentiles_of_the_entry() {
    let h = Harness::new();
    let answer = h.ok("get_video_retention", json!({"entry_id": "0_ha41rn7b"}));
    let text =
        std::fs::read_to_string(fixtures::default_dir().join("analytics/retention.csv")).unwrap();
    let viewers: Vec<f64> = text
        .lines()
        .filter(|line| line.starts_with("0_ha41rn7b,"))
        .map(|line| line.split(',').nth(2).unwrap().parse().unwrap())
        .collect();
    assert_eq!(viewers.len(), 101);
    let curve = answer["curve"].as_array().unwrap();
    assert_eq!(curve.len(), 101);
    assert_eq!(answer["startingViewers"].as_f64().unwrap(), viewers[0]);
    let end = (viewers[100] * 100.0 / viewers[0] * 10.0).round() / 10.0;
    assert_eq!(answer["completion"].as_f64().unwrap(), end);
    assert!(curve[50]["time"].as_str().unwrap().contains(':'));
    assert!(!answer["dropOffs"].as_array().unwrap().is_empty());
    let share = answer["averageShareWatched"].as_f64().unwrap();
    assert!(share > end && share < 100.0, "{share}");
    assert!(h
        .error("get_video_retention", json!({"entry_id": "0_zzzzzzzz"}))
        .contains("not found"));
    assert!(h
        .error("get_video_retention", json!({"entry_id": "nope"}))
        .contains("entry_id"));
}

#[test]
fn places_are_ranked_by_plays_as_the_fixtures_count_them() {
    let h = Harness::new();
    let answer = h.ok(
        "get_geographic_breakdown",
        json!({"granularity": "country", "from_date": "last_30_days"}),
    );
    let country = column(&answer, "country");
    let plays = column(&answer, "count_plays");
    let rows = answer["rows"].as_array().unwrap();
    let counts: Vec<f64> = rows
        .iter()
        .map(|row| row[plays].as_f64().unwrap())
        .collect();
    assert!(
        counts.windows(2).all(|pair| pair[0] >= pair[1]),
        "most plays first"
    );
    let top = rows[0][country].as_str().unwrap().to_owned();
    assert_eq!(
        counts[0],
        plays_where(30, |row| row["country"] == top
            || top.contains(&row["country"]))
    );
    let cities = h.ok(
        "get_geographic_breakdown",
        json!({"granularity": "city", "from_date": "last_30_days"}),
    );
    column(&cities, "city");
}

#[test]
fn quality_and_realtime_use_their_report_families() {
    let h = Harness::new();
    let overview = h.ok("get_quality_metrics", json!({}));
    assert_eq!(overview["report"]["name"], "qoe_overview");
    let by_device = h.ok(
        "get_quality_metrics",
        json!({"metric": "experience", "dimension": "device"}),
    );
    assert_eq!(by_device["report"]["name"], "qoe_experience_platforms");
    let no_breakdown = h.error(
        "get_quality_metrics",
        json!({"metric": "error_tracking", "dimension": "country"}),
    );
    assert!(no_breakdown.contains("it has:"), "{no_breakdown}");

    let live = h.ok("get_realtime_metrics", json!({}));
    assert_eq!(live["report"]["name"], "users_overview_realtime");
    let minutes = |answer: &Value| {
        let at = |key: &str| {
            kaltura_mcp::time::parse_utc(answer["range"][key].as_str().unwrap()).unwrap()
        };
        (at("to") - at("from")) / 60
    };
    assert_eq!(
        minutes(&live),
        30,
        "the last 30 minutes by default: {}",
        live["range"]
    );
    let five = h.ok(
        "get_realtime_metrics",
        json!({"minutes": 5, "report_type": "platforms_realtime"}),
    );
    assert_eq!(minutes(&five), 5);
    assert!(h
        .error("get_realtime_metrics", json!({"minutes": 0}))
        .contains("minutes"));
    let not_live = h.error(
        "get_realtime_metrics",
        json!({"report_type": "top_content"}),
    );
    assert!(not_live.contains("not a realtime report"), "{not_live}");
}

#[test]
fn capabilities_filter_the_catalog() {
    let h = Harness::new();
    let all = h.ok("list_analytics_capabilities", json!({}));
    assert!(all["count"].as_u64().unwrap() >= 200);
    let quality = h.ok(
        "list_analytics_capabilities",
        json!({"category": "quality"}),
    );
    assert!(quality["reports"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["category"] == "quality"));
    let country = h.ok("list_analytics_capabilities", json!({"search": "country"}));
    assert!(country["reports"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["name"] == "map_overlay_country"));
    assert!(h
        .error(
            "list_analytics_capabilities",
            json!({"category": "astrology"})
        )
        .contains("category"));
}

#[test]
fn bad_analytics_arguments_are_explained_before_any_call() {
    let h = Harness::new();
    let before = h.requests();
    let unknown = h.error("get_analytics", json!({"report_type": "top_contnet"}));
    assert!(
        unknown.contains("top_content"),
        "suggests close names: {unknown}"
    );
    assert!(h
        .error("get_analytics", json!({"from_date": "next tuesday"}))
        .contains("from_date"));
    assert!(h
        .error(
            "get_analytics",
            json!({"from_date": "2026-05-01", "to_date": "2026-04-01"})
        )
        .contains("2026-04-01"));
    assert!(h
        .error("get_analytics", json!({"report_type": "percentiles"}))
        .contains("entry_id"));
    assert!(h
        .error(
            "get_analytics",
            json!({"report_type": "specific_user_engagement"})
        )
        .contains("user_id"));
    assert!(h
        .error("get_analytics", json!({"order_by": "count_plays; drop"}))
        .contains("order_by"));
    assert!(h
        .error("get_analytics", json!({"limit": 0}))
        .contains("limit"));
    assert_eq!(h.requests(), before);
}

#[test]
fn analytics_tools_explain_a_refused_session() {
    let h = Harness::new();
    for (tool, arguments) in [
        ("get_analytics", json!({})),
        ("get_analytics_timeseries", json!({})),
        ("get_video_retention", json!({"entry_id": "0_ha41rn7b"})),
        ("get_realtime_metrics", json!({})),
        ("get_quality_metrics", json!({})),
        ("get_geographic_breakdown", json!({})),
    ] {
        let message = h.error_with(
            h.context_with_secret("ffffffffffffffffffffffffffffffff"),
            tool,
            arguments,
        );
        assert!(message.contains("INVALID_KS"), "{tool}: {message}");
    }
}

#[test]
fn the_wizard_resolves_the_period_and_picks_tools_for_the_goal() {
    let h = Harness::new();
    let answer = h
        .prompt(
            "analytics_wizard",
            json!({"analysis_goal": "geographic reach", "time_period": "last_7_days"}),
        )
        .unwrap();
    let text = answer["messages"][0]["content"]["text"].as_str().unwrap();
    assert!(
        text.contains("get_geographic_breakdown(granularity=\"country\""),
        "{text}"
    );
    assert!(text.contains("(UTC)"), "{text}");
    let (code, message) = h
        .prompt(
            "analytics_wizard",
            json!({"analysis_goal": "plays", "time_period": "the other day"}),
        )
        .unwrap_err();
    assert_eq!(code, -32602);
    assert!(message.contains("time_period"), "{message}");
    let (code, _) = h
        .prompt("analytics_wizard", json!({"analysis_goal": " "}))
        .unwrap_err();
    assert_eq!(code, -32602);
}

#[test]
fn retention_analysis_hands_over_a_self_contained_chart_or_markdown() {
    let h = Harness::new();
    let html = h
        .prompt(
            "retention_analysis",
            json!({"entry_id": "0_ha41rn7b", "time_period": "3"}),
        )
        .unwrap();
    let text = html["messages"][0]["content"]["text"].as_str().unwrap();
    let page = &text[text.find("<!doctype html>").expect("an HTML report")..];
    assert!(
        page.contains("<svg") && page.contains("<polyline points=\""),
        "a chart"
    );
    for forbidden in ["<script", "src=", "href=", "http://", "https://"] {
        assert!(
            !page.contains(forbidden),
            "self-contained: found {forbidden}"
        );
    }
    assert!(text.contains("Intro to Kubernetes Networking"));
    assert!(text.contains("get_caption_content(caption_asset_id="));
    let markdown = h
        .prompt(
            "retention_analysis",
            json!({"entry_id": "0_ha41rn7b", "output_format": "markdown"}),
        )
        .unwrap();
    let text = markdown["messages"][0]["content"]["text"].as_str().unwrap();
    assert!(text.contains("| 50% |") && !text.contains("<svg"), "{text}");
    for (arguments, expected) in [
        (json!({"entry_id": "0_zzzzzzzz"}), -32602),
        (json!({"entry_id": "not-an-id"}), -32602),
        (
            json!({"entry_id": "0_ha41rn7b", "output_format": "pdf"}),
            -32602,
        ),
        (
            json!({"entry_id": "0_ha41rn7b", "time_period": "someday"}),
            -32602,
        ),
    ] {
        let (code, message) = h
            .prompt("retention_analysis", arguments.clone())
            .unwrap_err();
        assert_eq!(code, expected, "{arguments}: {message}");
    }
    let params = json!({"name": "retention_analysis", "arguments": {"entry_id": "0_ha41rn7b"}});
    let params = params.as_object().unwrap();
    let ctx = h.context_with_secret("ffffffffffffffffffffffffffffffff");
    let exchange = common::detached(&ctx, params);
    let refused = pollster::block_on(h.server.prompts.get(ctx, params, &exchange)).unwrap_err();
    assert_eq!(refused.code.code(), -32603);
    assert!(
        refused.message.contains("INVALID_KS"),
        "{}",
        refused.message
    );
}

#[test]
fn every_catalog_report_round_trips_through_the_simulator() {
    use kaltura_mcp::tools::analytics::catalog::REPORTS;
    let h = Harness::new();
    for report in REPORTS {
        let mut arguments =
            json!({"report_type": report.name, "from_date": "last_7_days", "limit": 5});
        if report.needs_object_ids {
            arguments["entry_id"] = json!("0_ha41rn7b");
        }
        if report.needs_user_filter {
            arguments["user_id"] = json!("camille.cohen@demo.example");
        }
        let answer = h.ok("get_analytics", arguments);
        assert_eq!(answer["report"]["id"], report.id, "{}", report.name);
    }
}

#[test]
fn analytics_reports_progress_and_debug_logs_when_asked() {
    let h = Harness::new();
    let params = json!({
        "name": "get_analytics",
        "arguments": {"report_type": "top_content", "from_date": "last_7_days"},
        "_meta": {"progressToken": 42},
    });
    let messages = h.rpc_messages("tools/call", params);
    let progress: Vec<(u64, &str)> = messages
        .iter()
        .filter(|message| message["method"] == "notifications/progress")
        .map(|message| {
            assert_eq!(message["params"]["progressToken"], 42);
            assert_eq!(message["params"]["total"], 2);
            let done = message["params"]["progress"].as_u64().unwrap();
            (done, message["params"]["message"].as_str().unwrap())
        })
        .collect();
    assert_eq!(progress.len(), 3, "{messages:?}");
    assert_eq!(
        progress[0],
        (0, "Asking Kaltura for the top_content report")
    );
    assert_eq!(progress[2], (2, "Done"));
    // Legacy sessions log everything unless they set a level.
    let logged: Vec<&str> = messages
        .iter()
        .filter(|message| message["method"] == "notifications/message")
        .filter_map(|message| message["params"]["data"].as_str())
        .collect();
    assert_eq!(logged.len(), 1);
    assert!(logged[0].starts_with("top_content: "), "{logged:?}");
    let answer = messages.last().unwrap();
    assert_eq!(answer["result"]["isError"], false);
}
