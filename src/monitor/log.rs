//! Structured log lines: one JSON object per request, and alerts at warn or
//! error. Only what is listed here is ever logged — ids, route, tool,
//! status, durations, counts, partner id — so no header, body, KS, token or
//! secret can reach a log.

use super::peek::RpcSummary;
use super::Facts;
use crate::time::format_utc;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Warn,
    Error,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Info => "info",
            Level::Warn => "warn",
            Level::Error => "error",
        }
    }
}

/// One line for the platform's log (`console.log`/`warn`/`error`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogLine {
    pub level: Level,
    /// A JSON object on one line.
    pub text: String,
}

/// One tool call, as written to Analytics Engine: blobs are tool and
/// outcome, doubles are duration, Kaltura calls and cache hits, the index
/// is the partner.
#[derive(Debug, Clone, PartialEq)]
pub struct ToolEvent {
    pub tool: String,
    pub status: u16,
    pub tool_error: bool,
    pub duration_ms: u64,
    pub kaltura_calls: u32,
    pub cache_hits: u32,
    pub partner_id: Option<u64>,
}

impl ToolEvent {
    /// `ok`, `tool_error` or `http_<status>`.
    pub fn outcome(&self) -> String {
        match (self.status, self.tool_error) {
            (200, false) => "ok".into(),
            (200, true) => "tool_error".into(),
            (status, _) => format!("http_{status}"),
        }
    }
}

/// What the request log line is made of.
pub(super) struct RequestRecord<'a> {
    pub request_id: &'a str,
    pub method: &'a str,
    pub route: &'static str,
    pub rpc: Option<&'a RpcSummary>,
    pub tool: Option<&'a str>,
    pub status: u16,
    pub tool_error: bool,
    pub duration_ms: u64,
    pub facts: &'a Facts,
    pub isolate: &'a str,
    pub at_millis: u64,
}

/// The request log line's fields, in the order they print.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RequestLine<'a> {
    ts: String,
    level: &'static str,
    msg: &'static str,
    request_id: &'a str,
    route: &'static str,
    method: &'a str,
    rpc_method: Option<&'static str>,
    rpc_id: Option<&'a str>,
    tool: Option<&'a str>,
    status: u16,
    tool_error: bool,
    duration_ms: u64,
    kaltura_calls: u32,
    kaltura_round_trips: u32,
    kaltura_failures: u32,
    cache: Option<&'static str>,
    partner_id: Option<u64>,
    auth_failure: Option<&'static str>,
    rate_limited: bool,
    isolate: &'a str,
}

impl RequestRecord<'_> {
    pub fn line(&self) -> LogLine {
        let facts = self.facts;
        let cache = match (facts.cache_hits, facts.cache_misses) {
            (0, 0) => None,
            (_, 0) => Some("hit"),
            (0, _) => Some("miss"),
            _ => Some("mixed"),
        };
        let level = if self.status >= 500 {
            Level::Error
        } else {
            Level::Info
        };
        let line = RequestLine {
            ts: timestamp(self.at_millis),
            level: level.as_str(),
            msg: "request",
            request_id: self.request_id,
            route: self.route,
            method: self.method,
            rpc_method: self.rpc.and_then(|rpc| rpc.method),
            rpc_id: self.rpc.and_then(|rpc| rpc.id.as_deref()),
            tool: self.tool,
            status: self.status,
            tool_error: self.tool_error,
            duration_ms: self.duration_ms,
            kaltura_calls: facts.kaltura_calls,
            kaltura_round_trips: facts.kaltura_round_trips,
            kaltura_failures: facts.kaltura_failures,
            cache,
            partner_id: facts.partner_id,
            auth_failure: facts.auth_failure,
            rate_limited: facts.rate_limited,
            isolate: self.isolate,
        };
        LogLine {
            level,
            text: serde_json::to_string(&line).unwrap_or_default(),
        }
    }
}

/// An alert line's fields, in the order they print.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct AlertLine<'a> {
    ts: String,
    level: &'static str,
    msg: &'static str,
    alert: &'a str,
    message: &'a str,
    request_id: &'a str,
    isolate: &'a str,
}

/// An alert line: `alert` names the rule, `message` says what crossed
/// which threshold.
pub(super) fn alert(
    level: Level,
    alert: &str,
    message: &str,
    isolate: &str,
    request_id: &str,
    at_millis: u64,
) -> LogLine {
    let line = AlertLine {
        ts: timestamp(at_millis),
        level: level.as_str(),
        msg: "alert",
        alert,
        message,
        request_id,
        isolate,
    };
    LogLine {
        level,
        text: serde_json::to_string(&line).unwrap_or_default(),
    }
}

/// `2026-11-23T14:05:00.123Z`.
fn timestamp(millis: u64) -> String {
    let seconds = format_utc((millis / 1000) as i64);
    match seconds.strip_suffix('Z') {
        Some(prefix) => format!("{prefix}.{:03}Z", millis % 1000),
        None => seconds,
    }
}
