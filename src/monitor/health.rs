//! `GET /health`: is this deployment able to serve?
//!
//! - KV: a write and a read back of a per-isolate key;
//! - Kaltura: `system.ping` on the configured service answers (any api_v3
//!   answer counts: the service is reachable);
//! - the `/mcp` error rate of this isolate over the last five minutes.
//!
//! Both probes are cached for [`CHECK_TTL_MS`] per isolate, so a monitor
//! polling `/health` costs at most one KV write and one Kaltura call a
//! minute per isolate. Unhealthy (503) when KV fails or half the requests
//! fail; degraded (200) when Kaltura is unreachable or the error rate is
//! over `ALERT_ERROR_RATE`.

use super::{ErrorRate, Monitor, WINDOW_MINUTES};
use crate::config::Config;
use crate::mcp::http::HttpResponse;
use crate::platform::{Clock, Http, Kv, Method, OutboundRequest, Ports};
use serde::Serialize;
use serde_json::json;
use std::time::Duration;

/// How long a probe's result stands.
pub const CHECK_TTL_MS: u64 = 60_000;
/// An error rate this high makes the isolate unhealthy.
pub const UNHEALTHY_ERROR_RATE: f64 = 0.5;
const PING_TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Healthy,
    Degraded,
    Unhealthy,
}

/// One probe's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Check {
    pub ok: bool,
    pub latency_ms: u64,
    /// Unix milliseconds.
    #[serde(skip)]
    pub checked_millis: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// The probes' last results in this isolate.
#[derive(Debug, Default)]
pub(super) struct Cached {
    kv: Option<Check>,
    kaltura: Option<Check>,
}

/// The status the checks add up to.
pub fn evaluate(kv: &Check, kaltura: &Check, errors: ErrorRate, alert_rate: f64) -> Status {
    let rate = if errors.significant() {
        errors.rate()
    } else {
        0.0
    };
    if !kv.ok || rate >= UNHEALTHY_ERROR_RATE {
        Status::Unhealthy
    } else if !kaltura.ok || rate > alert_rate {
        Status::Degraded
    } else {
        Status::Healthy
    }
}

/// Answers `/health`.
pub async fn report(monitor: &Monitor, config: &Config, ports: &Ports) -> HttpResponse {
    let now = ports.clock.now_millis();
    let kv = cached(
        monitor,
        now,
        |cached| &mut cached.kv,
        kv_round_trip(monitor, ports),
    )
    .await;
    let kaltura = cached(
        monitor,
        now,
        |cached| &mut cached.kaltura,
        kaltura_ping(config, ports),
    )
    .await;
    let errors = monitor.error_rate(now);
    let status = evaluate(&kv, &kaltura, errors, config.monitor.alert_error_rate);
    let age = |check: &Check| now.saturating_sub(check.checked_millis) / 1000;
    let body = json!({
        "status": status,
        "version": env!("CARGO_PKG_VERSION"),
        "isolate": monitor.isolate,
        "uptimeSeconds": monitor.uptime_secs(now),
        "checks": {
            "kv": {"ageSeconds": age(&kv), "result": kv},
            "kaltura": {
                "serviceUrl": config.kaltura.service_url.as_str(),
                "ageSeconds": age(&kaltura),
                "result": kaltura,
            },
            "errorRate": {
                "ok": !errors.significant() || errors.rate() <= config.monitor.alert_error_rate,
                "rate": errors.rate(),
                "requests": errors.requests,
                "errors": errors.errors,
                "windowSeconds": WINDOW_MINUTES * 60,
                "threshold": config.monitor.alert_error_rate,
            },
        },
    });
    HttpResponse {
        status: if status == Status::Unhealthy {
            503
        } else {
            200
        },
        headers: vec![
            ("Content-Type".into(), "application/json".into()),
            ("Cache-Control".into(), "no-store".into()),
        ],
        body: serde_json::to_vec(&body).unwrap_or_default(),
        stream: None,
    }
}

/// The cached result of a probe, or a fresh one when it is older than
/// [`CHECK_TTL_MS`].
async fn cached(
    monitor: &Monitor,
    now: u64,
    slot: impl Fn(&mut Cached) -> &mut Option<Check>,
    probe: impl std::future::Future<Output = Check>,
) -> Check {
    let fresh = slot(&mut monitor.state.borrow_mut().health)
        .clone()
        .filter(|check| now.saturating_sub(check.checked_millis) < CHECK_TTL_MS);
    if let Some(check) = fresh {
        return check;
    }
    let check = probe.await;
    *slot(&mut monitor.state.borrow_mut().health) = Some(check.clone());
    check
}

async fn timed(
    ports: &Ports,
    probe: impl std::future::Future<Output = Result<(), String>>,
) -> Check {
    let started = ports.clock.now_millis();
    let outcome = probe.await;
    let finished = ports.clock.now_millis();
    Check {
        ok: outcome.is_ok(),
        latency_ms: finished.saturating_sub(started),
        checked_millis: finished,
        error: outcome.err(),
    }
}

async fn kv_round_trip(monitor: &Monitor, ports: &Ports) -> Check {
    timed(ports, async {
        let key = format!("health:{}", monitor.isolate);
        let written = ports.clock.now_millis().to_string();
        // The shortest TTL KV accepts: the key cleans itself up.
        ports
            .kv
            .put(&key, written.as_bytes(), Some(Duration::from_secs(60)))
            .await
            .map_err(|error| error.to_string())?;
        match ports
            .kv
            .get(&key)
            .await
            .map_err(|error| error.to_string())?
        {
            Some(read) if read == written.as_bytes() => Ok(()),
            Some(_) => Err("KV read back another value than was written".into()),
            None => Err("KV lost a value just written".into()),
        }
    })
    .await
}

async fn kaltura_ping(config: &Config, ports: &Ports) -> Check {
    timed(ports, async {
        let request = OutboundRequest {
            method: Method::Post,
            url: config.kaltura.service_url.action_url("system", "ping"),
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: br#"{"format":1}"#.to_vec(),
            timeout: PING_TIMEOUT,
        };
        let response = ports
            .http
            .send(request)
            .await
            .map_err(|error| error.to_string())?;
        if response.status != 200 {
            return Err(format!("HTTP {}", response.status));
        }
        serde_json::from_slice::<serde::de::IgnoredAny>(&response.body)
            .map(|_| ())
            .map_err(|_| "the answer is not api_v3 JSON".into())
    })
    .await
}
