use super::health::{evaluate, Check, Status};
use super::*;
use crate::config::MonitorConfig;

fn tool_call(tool: &str) -> RpcSummary {
    RpcSummary {
        method: Some("tools/call"),
        tool: Some(tool.into()),
        id: Some("1".into()),
    }
}

fn finish(monitor: &Monitor, rpc: &RpcSummary, status: u16, tool_error: bool, at: u64, took: u64) {
    let trace = Trace::begin(None, at);
    monitor.finish(
        &trace,
        Finished {
            method: "POST",
            route: "/mcp",
            rpc: Some(rpc),
            status,
            tool_error,
            finished_millis: at + took,
        },
        &MonitorConfig::default(),
    );
}

#[test]
fn a_tool_call_is_counted_timed_and_logged_once() {
    let monitor = Monitor::default();
    let trace = Trace::begin(Some("8f1e2d-LHR"), 1_800_000_000_000);
    trace.set_partner(Some(4815162));
    trace.kaltura_round_trip(3, Outcome::Ok);
    trace.cache_lookup(false);
    monitor.finish(
        &trace,
        Finished {
            method: "POST",
            route: "/mcp",
            rpc: Some(&tool_call("search_entries")),
            status: 200,
            tool_error: false,
            finished_millis: 1_800_000_000_042,
        },
        &MonitorConfig::default(),
    );
    assert_eq!(
        monitor.value(REQUESTS, &[("route", "/mcp"), ("status", "200")]),
        1.0
    );
    assert_eq!(
        monitor.value(
            MCP_CALLS,
            &[("method", "tools/call"), ("tool", "search_entries")]
        ),
        1.0
    );
    let logs = monitor.take_logs();
    assert_eq!(logs.len(), 1);
    let line: serde_json::Value = serde_json::from_str(&logs[0].text).unwrap();
    assert_eq!(line["requestId"], "8f1e2d-LHR");
    assert_eq!(line["tool"], "search_entries");
    assert_eq!(line["durationMs"], 42);
    assert_eq!(line["kalturaCalls"], 3);
    assert_eq!(line["cache"], "miss");
    assert_eq!(line["partnerId"], 4815162);
    assert_eq!(line["ts"], "2027-01-15T08:00:00.000Z");
    assert!(monitor.take_logs().is_empty(), "taken once");
    let events = monitor.take_events();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].outcome(), "ok");
    let text = monitor.render_metrics(1_800_000_060_000);
    assert!(text.contains(&format!(
        "kaltura_mcp_tool_duration_seconds_bucket{{tool=\"search_entries\",isolate=\"{}\",le=\"0.05\"}} 1",
        monitor.isolate
    )), "{text}");
    assert!(
        text.contains("kaltura_mcp_isolate_uptime_seconds{isolate="),
        "{text}"
    );
}

#[test]
fn tool_labels_are_bounded_and_odd_names_are_other() {
    let monitor = Monitor::default();
    for n in 0..(MAX_TOOL_LABELS + 10) {
        finish(&monitor, &tool_call(&format!("tool_{n}")), 200, false, 0, 1);
    }
    finish(&monitor, &tool_call("bad name\"}"), 200, false, 0, 1);
    assert_eq!(
        monitor.value(MCP_CALLS, &[("method", "tools/call"), ("tool", "other")]),
        11.0
    );
    assert_eq!(
        monitor.value(MCP_CALLS, &[("method", "tools/call"), ("tool", "tool_0")]),
        1.0
    );
}

#[test]
fn the_error_rate_alert_fires_once_a_minute_over_the_threshold() {
    let monitor = Monitor::default();
    let minute = 60_000 * 1_000;
    for n in 0..30 {
        finish(&monitor, &tool_call("t"), 200, n % 2 == 0, minute, 5);
    }
    let rate = monitor.error_rate(minute);
    assert_eq!((rate.requests, rate.errors), (30, 15));
    let alerts: Vec<_> = monitor
        .take_logs()
        .into_iter()
        .filter(|line| line.text.contains("\"alert\":\"error_rate\""))
        .collect();
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    assert_eq!(alerts[0].level, Level::Error);
    assert_eq!(monitor.value(ALERTS, &[("alert", "error_rate")]), 1.0);
    // Five minutes on, the window has forgotten them.
    assert_eq!(monitor.error_rate(minute + 5 * 60_000).requests, 0);
}

#[test]
fn slow_tools_and_failure_streaks_raise_alerts() {
    let monitor = Monitor::default();
    finish(&monitor, &tool_call("slow"), 200, false, 0, 9_000);
    let slow = monitor.take_logs();
    assert!(slow
        .iter()
        .any(|line| line.level == Level::Warn && line.text.contains("tool slow took 9000 ms")));
    let trace = Trace::begin(None, 0);
    let calls = [("media".to_owned(), "list".to_owned())];
    let config = MonitorConfig::default();
    for _ in 0..4 {
        monitor.kaltura_round_trip(&calls, Outcome::Timeout, Duration::ZERO, &trace, &config);
    }
    assert!(monitor.take_logs().is_empty());
    monitor.kaltura_round_trip(&calls, Outcome::HttpError, Duration::ZERO, &trace, &config);
    let streak = monitor.take_logs();
    assert_eq!(streak.len(), 1);
    assert!(streak[0]
        .text
        .contains("5 Kaltura round trips in a row failed"));
    monitor.kaltura_round_trip(&calls, Outcome::Ok, Duration::ZERO, &trace, &config);
    assert_eq!(
        monitor.value(
            KALTURA_CALLS,
            &[
                ("service", "media"),
                ("action", "list"),
                ("outcome", "timeout")
            ]
        ),
        4.0
    );
}

#[test]
fn health_adds_up_the_checks() {
    let ok = Check {
        ok: true,
        latency_ms: 1,
        checked_millis: 0,
        error: None,
    };
    let failed = Check {
        ok: false,
        error: Some("down".into()),
        ..ok.clone()
    };
    let quiet = ErrorRate {
        requests: 5,
        errors: 5,
    };
    let failing = ErrorRate {
        requests: 100,
        errors: 30,
    };
    let broken = ErrorRate {
        requests: 100,
        errors: 60,
    };
    assert_eq!(
        evaluate(&ok, &ok, quiet, 0.2),
        Status::Healthy,
        "too few to judge"
    );
    assert_eq!(evaluate(&ok, &failed, quiet, 0.2), Status::Degraded);
    assert_eq!(evaluate(&ok, &ok, failing, 0.2), Status::Degraded);
    assert_eq!(evaluate(&ok, &ok, broken, 0.2), Status::Unhealthy);
    assert_eq!(evaluate(&failed, &ok, quiet, 0.2), Status::Unhealthy);
}
