//! Structured log lines: one JSON object per request, and alerts at warn or
//! error. Only what is listed here is ever logged — ids, route, tool,
//! status, durations, counts, partner id — so no header, body, KS, token or
//! secret can reach a log.

use super::peek::RpcSummary;
use super::Facts;
use crate::time::format_utc;
use serde_json::{json, Value};

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

impl RequestRecord<'_> {
    pub fn line(&self) -> LogLine {
        let facts = self.facts;
        let cache = match (facts.cache_hits, facts.cache_misses) {
            (0, 0) => Value::Null,
            (_, 0) => "hit".into(),
            (0, _) => "miss".into(),
            _ => "mixed".into(),
        };
        let level = if self.status >= 500 {
            Level::Error
        } else {
            Level::Info
        };
        let value = json!({
            "ts": timestamp(self.at_millis),
            "level": level.as_str(),
            "msg": "request",
            "requestId": self.request_id,
            "isolate": self.isolate,
            "method": self.method,
            "route": self.route,
            "rpcMethod": self.rpc.and_then(|rpc| rpc.method),
            "rpcId": self.rpc.and_then(|rpc| rpc.id.as_deref()),
            "tool": self.tool,
            "status": self.status,
            "toolError": self.tool_error,
            "durationMs": self.duration_ms,
            "kalturaCalls": facts.kaltura_calls,
            "kalturaRoundTrips": facts.kaltura_round_trips,
            "kalturaFailures": facts.kaltura_failures,
            "cache": cache,
            "partnerId": facts.partner_id,
            "authFailure": facts.auth_failure,
            "rateLimited": facts.rate_limited,
        });
        LogLine {
            level,
            text: value.to_string(),
        }
    }
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
    let value = json!({
        "ts": timestamp(at_millis),
        "level": level.as_str(),
        "msg": "alert",
        "alert": alert,
        "message": message,
        "isolate": isolate,
        "requestId": request_id,
    });
    LogLine {
        level,
        text: value.to_string(),
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
