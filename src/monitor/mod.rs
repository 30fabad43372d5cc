//! Operations: what this isolate has seen and how it is doing.
//!
//! - [`Monitor`] (one per isolate, in [`crate::gateway::Isolate`]) keeps
//!   counters and latency histograms, served as Prometheus text at
//!   `/metrics` ([`metrics`]), a five-minute error window and cached
//!   health checks for `/health` ([`health`]);
//! - [`Trace`] (one per request) gathers what the request did — Kaltura
//!   calls, cache outcome, partner, auth failure — through the counting
//!   ports of [`probe`];
//! - each finished request becomes one structured JSON log line, and
//!   thresholds crossed become warn/error alert lines ([`log`]); the worker
//!   prints them (and writes tool calls to Analytics Engine when bound).
//!
//! Isolates share no memory: every figure here is this isolate's, and says so.

pub mod health;
pub mod log;
pub mod metrics;
pub mod peek;
pub mod probe;
mod trace;

pub use trace::{Facts, Trace};

use crate::config::MonitorConfig;
use log::{Level, LogLine, RequestRecord, ToolEvent};
use metrics::{Kind, Metric, Registry};
use peek::RpcSummary;
use probe::Outcome;
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap, VecDeque};
use std::time::Duration;

/// The error window: requests and errors per minute, for this many minutes.
pub const WINDOW_MINUTES: u64 = 5;
/// Fewer `/mcp` requests than this in the window say nothing about an error rate.
pub const MIN_REQUESTS_FOR_RATE: u64 = 20;
/// Distinct tool labels kept; later names count as `other`.
const MAX_TOOL_LABELS: usize = 64;
/// Log lines and events kept until the worker takes them.
const MAX_QUEUED: usize = 1000;

macro_rules! metric {
    ($const:ident, $name:literal, $kind:ident, $help:literal) => {
        pub const $const: Metric = Metric {
            name: $name,
            help: concat!($help, " (this isolate)."),
            kind: Kind::$kind,
        };
    };
}

metric!(
    REQUESTS,
    "kaltura_mcp_requests_total",
    Counter,
    "HTTP requests by route and status"
);
metric!(
    MCP_CALLS,
    "kaltura_mcp_mcp_calls_total",
    Counter,
    "MCP messages by JSON-RPC method and tool"
);
metric!(
    TOOL_DURATION,
    "kaltura_mcp_tool_duration_seconds",
    Histogram,
    "tools/call request duration by tool"
);
metric!(
    TOOL_ERRORS,
    "kaltura_mcp_tool_errors_total",
    Counter,
    "tools/call results with isError by tool"
);
metric!(
    KALTURA_CALLS,
    "kaltura_mcp_kaltura_calls_total",
    Counter,
    "Kaltura api_v3 calls (multirequest parts each) by service, action and outcome"
);
metric!(
    KALTURA_ROUND_TRIPS,
    "kaltura_mcp_kaltura_round_trips_total",
    Counter,
    "Kaltura HTTP round trips by outcome"
);
metric!(
    KALTURA_DURATION,
    "kaltura_mcp_kaltura_duration_seconds",
    Histogram,
    "Kaltura round-trip latency by service and action (service multirequest for batches)"
);
metric!(
    CACHE,
    "kaltura_mcp_cache_lookups_total",
    Counter,
    "Response-cache lookups by outcome (hit, miss)"
);
metric!(
    AUTH_FAILURES,
    "kaltura_mcp_auth_failures_total",
    Counter,
    "Refused /mcp requests by reason"
);
metric!(
    RATE_LIMITED,
    "kaltura_mcp_rate_limited_total",
    Counter,
    "Requests refused with 429 by route"
);
metric!(
    ALERTS,
    "kaltura_mcp_alerts_total",
    Counter,
    "Alert log lines by alert"
);
metric!(
    UPTIME,
    "kaltura_mcp_isolate_uptime_seconds",
    Gauge,
    "Seconds since this isolate served its first request"
);
metric!(
    BUILD,
    "kaltura_mcp_build_info",
    Gauge,
    "Always 1, labelled with the server version"
);

/// How a request ended, as the monitor needs it.
#[derive(Debug)]
pub struct Finished<'a> {
    pub method: &'a str,
    /// A known route (bounded label), e.g. `/mcp`.
    pub route: &'static str,
    pub rpc: Option<&'a RpcSummary>,
    pub status: u16,
    /// A tools/call answered a result with `isError: true`.
    pub tool_error: bool,
    pub finished_millis: u64,
}

/// One isolate's figures, logs and health-check cache.
pub struct Monitor {
    pub isolate: String,
    state: RefCell<State>,
}

#[derive(Default)]
struct State {
    first_request_millis: Option<u64>,
    registry: Registry,
    /// `(minute, /mcp requests, errors)`, oldest first.
    window: VecDeque<(u64, u64, u64)>,
    consecutive_kaltura_failures: u32,
    /// Minute each alert last fired, so a storm gives one line a minute.
    last_alert: HashMap<&'static str, u64>,
    tools_seen: BTreeSet<String>,
    logs: VecDeque<LogLine>,
    events: VecDeque<ToolEvent>,
    health: health::Cached,
}

impl Default for Monitor {
    fn default() -> Self {
        Monitor {
            isolate: random_hex(6),
            state: RefCell::default(),
        }
    }
}

/// The recent `/mcp` error rate of this isolate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ErrorRate {
    pub requests: u64,
    pub errors: u64,
}

impl ErrorRate {
    pub fn rate(&self) -> f64 {
        if self.requests == 0 {
            0.0
        } else {
            self.errors as f64 / self.requests as f64
        }
    }

    /// Whether there are enough requests for the rate to mean something.
    pub fn significant(&self) -> bool {
        self.requests >= MIN_REQUESTS_FOR_RATE
    }
}

impl Monitor {
    /// Seconds since this isolate's first request.
    pub fn uptime_secs(&self, now_millis: u64) -> u64 {
        let first = self
            .state
            .borrow()
            .first_request_millis
            .unwrap_or(now_millis);
        now_millis.saturating_sub(first) / 1000
    }

    pub fn note_start(&self, now_millis: u64) {
        self.state
            .borrow_mut()
            .first_request_millis
            .get_or_insert(now_millis);
    }

    pub fn kaltura_round_trip(
        &self,
        calls: &[(String, String)],
        outcome: Outcome,
        elapsed: Duration,
        trace: &Trace,
        config: &MonitorConfig,
    ) {
        let mut state = self.state.borrow_mut();
        for (service, action) in calls {
            state.registry.add(
                KALTURA_CALLS,
                vec![
                    ("service", service.clone()),
                    ("action", action.clone()),
                    ("outcome", outcome.as_str().into()),
                ],
                1.0,
            );
        }
        state.registry.add(
            KALTURA_ROUND_TRIPS,
            vec![("outcome", outcome.as_str().into())],
            1.0,
        );
        let (service, action) = match calls {
            [(service, action)] => (service.clone(), action.clone()),
            _ => ("multirequest".to_owned(), String::new()),
        };
        state.registry.observe(
            KALTURA_DURATION,
            vec![("service", service), ("action", action)],
            elapsed.as_secs_f64(),
        );
        if !outcome.is_failure() {
            state.consecutive_kaltura_failures = 0;
            return;
        }
        state.consecutive_kaltura_failures += 1;
        let streak = state.consecutive_kaltura_failures;
        let threshold = config.alert_kaltura_failures;
        if threshold > 0 && streak % threshold == 0 {
            let line = log::alert(
                Level::Error,
                "kaltura_failures",
                &format!(
                    "{streak} Kaltura round trips in a row failed (last: {})",
                    outcome.as_str()
                ),
                &self.isolate,
                &trace.request_id,
                trace.started_millis,
            );
            state
                .registry
                .add(ALERTS, vec![("alert", "kaltura_failures".into())], 1.0);
            state.push_log(line);
        }
    }

    pub fn cache_lookup(&self, hit: bool) {
        let outcome = if hit { "hit" } else { "miss" };
        self.state
            .borrow_mut()
            .registry
            .add(CACHE, vec![("outcome", outcome.into())], 1.0);
    }

    /// Records a finished request: counters, the error window, its log
    /// line, alerts, and (for a tool call) an analytics event.
    pub fn finish(&self, trace: &Trace, finished: Finished<'_>, config: &MonitorConfig) {
        let facts = trace.facts();
        let duration_ms = finished
            .finished_millis
            .saturating_sub(trace.started_millis);
        let mut state = self.state.borrow_mut();
        let state = &mut *state;
        state.registry.add(
            REQUESTS,
            vec![
                ("route", finished.route.into()),
                ("status", finished.status.to_string()),
            ],
            1.0,
        );
        if let Some(reason) = facts.auth_failure {
            state
                .registry
                .add(AUTH_FAILURES, vec![("reason", reason.into())], 1.0);
        }
        if facts.rate_limited {
            state
                .registry
                .add(RATE_LIMITED, vec![("route", finished.route.into())], 1.0);
        }
        let rpc = finished.rpc.filter(|rpc| rpc.method.is_some());
        let tool = rpc
            .and_then(|rpc| rpc.tool.as_deref())
            .map(|name| state.tool_label(name));
        if let Some(method) = rpc.and_then(|rpc| rpc.method) {
            state.registry.add(
                MCP_CALLS,
                vec![
                    ("method", method.into()),
                    ("tool", tool.clone().unwrap_or_default()),
                ],
                1.0,
            );
        }
        let is_tool_call = rpc.and_then(|rpc| rpc.method) == Some("tools/call");
        if is_tool_call {
            let label = tool.clone().unwrap_or_else(|| "other".into());
            state.registry.observe(
                TOOL_DURATION,
                vec![("tool", label.clone())],
                duration_ms as f64 / 1000.0,
            );
            if finished.tool_error {
                state.registry.add(TOOL_ERRORS, vec![("tool", label)], 1.0);
            }
        }
        let record = RequestRecord {
            request_id: &trace.request_id,
            method: finished.method,
            route: finished.route,
            rpc,
            tool: tool.as_deref(),
            status: finished.status,
            tool_error: finished.tool_error,
            duration_ms,
            facts: &facts,
            isolate: &self.isolate,
            at_millis: trace.started_millis,
        };
        state.push_log(record.line());
        let minute = finished.finished_millis / 60_000;
        if finished.route == "/mcp" {
            let error = finished.status >= 500 || finished.tool_error;
            state.count_in_window(minute, error);
            let rate = state.error_rate(minute);
            if rate.significant()
                && rate.rate() > config.alert_error_rate
                && state.first_alert_this_minute("error_rate", minute)
            {
                let message = format!(
                    "error rate {:.0}% over the last {WINDOW_MINUTES} minutes ({} of {} /mcp requests), threshold {:.0}%",
                    rate.rate() * 100.0,
                    rate.errors,
                    rate.requests,
                    config.alert_error_rate * 100.0
                );
                state.alert(Level::Error, "error_rate", &message, &self.isolate, trace);
            }
        }
        if is_tool_call && duration_ms > config.alert_slow_tool_ms {
            let message = format!(
                "tool {} took {duration_ms} ms (threshold {} ms)",
                tool.as_deref().unwrap_or("other"),
                config.alert_slow_tool_ms
            );
            state.alert(Level::Warn, "slow_tool", &message, &self.isolate, trace);
        }
        if is_tool_call {
            if state.events.len() >= MAX_QUEUED {
                state.events.pop_front();
            }
            state.events.push_back(ToolEvent {
                tool: tool.unwrap_or_else(|| "other".into()),
                status: finished.status,
                tool_error: finished.tool_error,
                duration_ms,
                kaltura_calls: facts.kaltura_calls,
                cache_hits: facts.cache_hits,
                partner_id: facts.partner_id,
            });
        }
    }

    /// The `/mcp` error rate over the last [`WINDOW_MINUTES`].
    pub fn error_rate(&self, now_millis: u64) -> ErrorRate {
        self.state.borrow().error_rate(now_millis / 60_000)
    }

    /// Log lines not yet printed, oldest first.
    pub fn take_logs(&self) -> Vec<LogLine> {
        self.state.borrow_mut().logs.drain(..).collect()
    }

    /// Tool-call events not yet written to Analytics Engine.
    pub fn take_events(&self) -> Vec<ToolEvent> {
        self.state.borrow_mut().events.drain(..).collect()
    }

    /// The Prometheus text exposition of this isolate.
    pub fn render_metrics(&self, now_millis: u64) -> String {
        let uptime = self.uptime_secs(now_millis);
        let mut state = self.state.borrow_mut();
        state.registry.set(UPTIME, Vec::new(), uptime as f64);
        state.registry.set(
            BUILD,
            vec![("version", env!("CARGO_PKG_VERSION").into())],
            1.0,
        );
        state.registry.render(&self.isolate)
    }

    /// A counter's value (tests).
    pub fn value(&self, metric: Metric, labels: &[(&'static str, &str)]) -> f64 {
        self.state.borrow().registry.value(metric, labels)
    }
}

impl State {
    fn tool_label(&mut self, name: &str) -> String {
        let plausible = !name.is_empty()
            && name.len() <= 64
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c));
        if plausible && (self.tools_seen.contains(name) || self.tools_seen.len() < MAX_TOOL_LABELS)
        {
            self.tools_seen.insert(name.to_owned());
            name.to_owned()
        } else {
            "other".into()
        }
    }

    fn count_in_window(&mut self, minute: u64, error: bool) {
        match self.window.back_mut() {
            Some((last, requests, errors)) if *last == minute => {
                *requests += 1;
                *errors += u64::from(error);
            }
            _ => self.window.push_back((minute, 1, u64::from(error))),
        }
        while self
            .window
            .front()
            .is_some_and(|(first, _, _)| first + WINDOW_MINUTES <= minute)
        {
            self.window.pop_front();
        }
    }

    fn error_rate(&self, minute: u64) -> ErrorRate {
        let recent = self
            .window
            .iter()
            .filter(|(at, _, _)| at + WINDOW_MINUTES > minute);
        let (requests, errors) = recent.fold((0, 0), |(r, e), (_, requests, errors)| {
            (r + requests, e + errors)
        });
        ErrorRate { requests, errors }
    }

    fn first_alert_this_minute(&mut self, alert: &'static str, minute: u64) -> bool {
        self.last_alert.insert(alert, minute) != Some(minute)
    }

    fn alert(
        &mut self,
        level: Level,
        alert: &'static str,
        message: &str,
        isolate: &str,
        trace: &Trace,
    ) {
        self.registry
            .add(ALERTS, vec![("alert", alert.into())], 1.0);
        let line = log::alert(
            level,
            alert,
            message,
            isolate,
            &trace.request_id,
            trace.started_millis,
        );
        self.push_log(line);
    }

    fn push_log(&mut self, line: LogLine) {
        if self.logs.len() >= MAX_QUEUED {
            self.logs.pop_front();
        }
        self.logs.push_back(line);
    }
}

/// `bytes` random bytes as hex (ids for isolates and requests, not secrets).
pub(crate) fn random_hex(bytes: usize) -> String {
    let mut buffer = vec![0u8; bytes];
    if getrandom::fill(&mut buffer).is_err() {
        return "0".repeat(bytes * 2);
    }
    buffer.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests;
