//! Counting decorators around the Http and Kv ports: every Kaltura round
//! trip (by service/action, multirequest parts included, with outcome and
//! latency) and every response-cache lookup is recorded into the isolate's
//! [`Monitor`] and the request's [`Trace`], without the Kaltura client or
//! the cache knowing.

use super::{Monitor, Trace};
use crate::cache;
use crate::config::MonitorConfig;
use crate::platform::{
    Clock, DynClock, DynHttp, DynKv, Http, Kv, KvError, OutboundRequest, OutboundResponse, Ports,
    TransportError,
};
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::time::Duration;

/// The ports of one request, instrumented.
pub fn instrument(
    ports: Ports,
    monitor: &Rc<Monitor>,
    trace: &Rc<Trace>,
    config: &MonitorConfig,
) -> Ports {
    let http = CountingHttp {
        inner: ports.http.clone(),
        clock: ports.clock.clone(),
        monitor: monitor.clone(),
        trace: trace.clone(),
        config: config.clone(),
    };
    let kv = CountingKv {
        inner: ports.kv.clone(),
        clock: ports.clock.clone(),
        monitor: monitor.clone(),
        trace: trace.clone(),
    };
    Ports {
        http: Rc::new(http),
        clock: ports.clock,
        kv: Rc::new(kv),
    }
}

/// How one Kaltura round trip ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    /// HTTP 200 carrying a `KalturaAPIException`.
    ApiError,
    /// Any other non-2xx status.
    HttpError,
    Timeout,
    Transport,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Ok => "ok",
            Outcome::ApiError => "api_error",
            Outcome::HttpError => "http_error",
            Outcome::Timeout => "timeout",
            Outcome::Transport => "transport_error",
        }
    }

    /// Whether Kaltura (or the way to it) failed, as opposed to answering.
    pub fn is_failure(self) -> bool {
        matches!(
            self,
            Outcome::HttpError | Outcome::Timeout | Outcome::Transport
        )
    }

    fn of(result: &Result<OutboundResponse, TransportError>) -> Self {
        match result {
            Ok(response) if !(200..300).contains(&response.status) => Outcome::HttpError,
            Ok(response) if contains(&response.body, b"KalturaAPIException") => Outcome::ApiError,
            Ok(_) => Outcome::Ok,
            Err(TransportError::Timeout(_)) => Outcome::Timeout,
            Err(_) => Outcome::Transport,
        }
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

/// `(service, action)` of each call an api_v3 request makes; empty for
/// other URLs (downloads, delivery).
pub fn calls_of(request: &OutboundRequest) -> Vec<(String, String)> {
    let Some((_, route)) = request.url.split_once("/api_v3/service/") else {
        return Vec::new();
    };
    let route = route.split(['?', '#']).next().unwrap_or_default();
    match route.split_once("/action/") {
        Some((service, action)) => vec![(service.to_ascii_lowercase(), action.to_owned())],
        None if route.eq_ignore_ascii_case("multirequest") => multirequest_parts(&request.body),
        None => vec![(route.to_ascii_lowercase(), String::new())],
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Part<'a> {
    Call {
        #[serde(borrow)]
        service: Cow<'a, str>,
        #[serde(borrow)]
        action: Cow<'a, str>,
    },
    Other(serde::de::IgnoredAny),
}

/// The numbered parts of a multirequest body, in order.
fn multirequest_parts(body: &[u8]) -> Vec<(String, String)> {
    let Ok(parts) = serde_json::from_slice::<BTreeMap<Cow<str>, Part>>(body) else {
        return vec![("multirequest".into(), String::new())];
    };
    let mut numbered: Vec<(u32, String, String)> = parts
        .into_iter()
        .filter_map(|(key, part)| match (key.parse::<u32>(), part) {
            (Ok(number), Part::Call { service, action }) => {
                Some((number, service.to_ascii_lowercase(), action.into_owned()))
            }
            _ => None,
        })
        .collect();
    numbered.sort();
    numbered
        .into_iter()
        .map(|(_, service, action)| (service, action))
        .collect()
}

struct CountingHttp {
    inner: Rc<dyn DynHttp>,
    clock: Rc<dyn DynClock>,
    monitor: Rc<Monitor>,
    trace: Rc<Trace>,
    config: MonitorConfig,
}

impl Http for CountingHttp {
    async fn send(&self, request: OutboundRequest) -> Result<OutboundResponse, TransportError> {
        let calls = calls_of(&request);
        let started = self.clock.now_millis();
        let result = self.inner.send(request).await;
        if !calls.is_empty() {
            let elapsed = self.clock.now_millis().saturating_sub(started);
            let outcome = Outcome::of(&result);
            self.trace.kaltura_round_trip(calls.len(), outcome);
            self.monitor.kaltura_round_trip(
                &calls,
                outcome,
                Duration::from_millis(elapsed),
                &self.trace,
                &self.config,
            );
        }
        result
    }
}

struct CountingKv {
    inner: Rc<dyn DynKv>,
    clock: Rc<dyn DynClock>,
    monitor: Rc<Monitor>,
    trace: Rc<Trace>,
}

impl Kv for CountingKv {
    async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, KvError> {
        let value = self.inner.get(key).await;
        if cache::is_cache_key(key) {
            let hit = matches!(&value, Ok(Some(bytes)) if cache::is_fresh(bytes, self.clock.now_millis()));
            self.trace.cache_lookup(hit);
            self.monitor.cache_lookup(hit);
        }
        value
    }

    async fn put(&self, key: &str, value: &[u8], ttl: Option<Duration>) -> Result<(), KvError> {
        self.inner.put(key, value, ttl).await
    }

    async fn delete(&self, key: &str) -> Result<(), KvError> {
        self.inner.delete(key).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::Method;

    fn post(url: &str, body: &str) -> OutboundRequest {
        OutboundRequest {
            method: Method::Post,
            url: url.into(),
            headers: Vec::new(),
            body: body.as_bytes().to_vec(),
            timeout: Duration::from_secs(1),
        }
    }

    #[test]
    fn single_calls_and_multirequest_parts_are_named() {
        assert_eq!(
            calls_of(&post(
                "https://k.example/api_v3/service/Media/action/list",
                "{}"
            )),
            vec![("media".to_owned(), "list".to_owned())]
        );
        let parts = calls_of(&post(
            "https://k.example/api_v3/service/multirequest",
            r#"{"format":1,"ks":"secret","2":{"service":"flavorAsset","action":"list"},"1":{"service":"media","action":"get","entryId":"0_x"},"10":{"service":"caption_captionasset","action":"list"}}"#,
        ));
        assert_eq!(
            parts,
            vec![
                ("media".to_owned(), "get".to_owned()),
                ("flavorasset".to_owned(), "list".to_owned()),
                ("caption_captionasset".to_owned(), "list".to_owned()),
            ]
        );
        assert!(calls_of(&post("https://cdn.example/p/1/thumbnail", "")).is_empty());
    }

    #[test]
    fn outcomes_tell_answers_from_failures() {
        let answer = |status, body: &str| {
            Ok(OutboundResponse {
                status,
                headers: Vec::new(),
                body: body.as_bytes().to_vec(),
            })
        };
        assert_eq!(Outcome::of(&answer(200, "{}")), Outcome::Ok);
        assert_eq!(
            Outcome::of(&answer(200, r#"{"objectType":"KalturaAPIException"}"#)),
            Outcome::ApiError
        );
        assert_eq!(Outcome::of(&answer(503, "")), Outcome::HttpError);
        assert_eq!(
            Outcome::of(&Err(TransportError::Timeout(Duration::from_secs(1)))),
            Outcome::Timeout
        );
        assert!(Outcome::Timeout.is_failure() && !Outcome::ApiError.is_failure());
    }
}
