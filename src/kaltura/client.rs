//! The api_v3 client: one request builder for single calls and
//! multirequests, the KS on every call, a timeout on every attempt, and
//! bounded retries with backoff when the request may not have been served.
//! Every call this server makes is a read, so retrying is always safe.

use super::error::KalturaError;
use super::request::{Call, MultiRequest, Slot};
use super::response::{decode_value, parse_body};
use super::secret::Ks;
use super::service_url::ServiceUrl;
use super::session::{Credentials, SessionCache};
use crate::platform::{Clock, Http, Method, OutboundRequest};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::rc::Rc;
use std::time::Duration;

/// `apiVersion` sent with each call (the generated clients send theirs).
pub const API_VERSION: &str = "22.18.0";

#[derive(Debug, Clone, PartialEq)]
pub struct ClientOptions {
    /// Deadline of each HTTP attempt.
    pub timeout: Duration,
    /// Attempts in all, including the first (at least 1).
    pub max_attempts: u32,
    /// Wait before the first retry; doubled each time, up to `max_backoff`.
    pub backoff: Duration,
    pub max_backoff: Duration,
    /// `clientTag`, only logged by Kaltura.
    pub client_tag: String,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            timeout: Duration::from_secs(30),
            max_attempts: 3,
            backoff: Duration::from_millis(250),
            max_backoff: Duration::from_secs(2),
            client_tag: concat!("kaltura-mcp:", env!("CARGO_PKG_VERSION")).to_owned(),
        }
    }
}

pub struct Client<H, C> {
    http: H,
    clock: C,
    service_url: ServiceUrl,
    credentials: Credentials,
    sessions: Rc<SessionCache>,
    options: ClientOptions,
}

/// A downloaded file: at most the bytes asked for, and how many there were.
#[derive(Debug, Clone, PartialEq)]
pub struct Download {
    pub content_type: Option<String>,
    pub bytes: Vec<u8>,
    pub total_bytes: usize,
}

impl Download {
    pub fn is_truncated(&self) -> bool {
        self.bytes.len() < self.total_bytes
    }
}

/// The answers of a multirequest, taken out by [`Slot`].
#[derive(Debug, Clone, PartialEq)]
pub struct MultiResponse {
    host: String,
    results: Vec<Value>,
}

impl MultiResponse {
    /// The result of one call: its value or its own API error (calls of a
    /// multirequest fail independently).
    pub fn take<T: DeserializeOwned>(&self, slot: Slot<T>) -> Result<T, KalturaError> {
        match self.results.get(slot.ordinal - 1) {
            Some(value) => decode_value(&self.host, value.clone()),
            None => Err(KalturaError::Decode {
                host: self.host.clone(),
                detail: format!(
                    "the multirequest answered {} results, call {} is missing",
                    self.results.len(),
                    slot.ordinal
                ),
            }),
        }
    }
}

impl<H: Http, C: Clock> Client<H, C> {
    pub fn new(http: H, clock: C, service_url: ServiceUrl, credentials: Credentials) -> Self {
        Client {
            http,
            clock,
            service_url,
            credentials,
            sessions: Rc::new(SessionCache::default()),
            options: ClientOptions::default(),
        }
    }

    pub fn with_options(mut self, options: ClientOptions) -> Self {
        self.options = options;
        self
    }

    /// Shares a KS cache with other clients of the same credentials.
    pub fn with_sessions(mut self, sessions: Rc<SessionCache>) -> Self {
        self.sessions = sessions;
        self
    }

    pub fn service_url(&self) -> &ServiceUrl {
        &self.service_url
    }

    pub fn credentials(&self) -> &Credentials {
        &self.credentials
    }

    pub fn clock(&self) -> &C {
        &self.clock
    }

    /// The KS calls are made with now (for URLs that carry one).
    pub fn ks(&self) -> Result<Ks, KalturaError> {
        self.sessions.ks(&self.credentials, self.clock.now_secs())
    }

    /// One `service.action` call.
    pub async fn call<T: DeserializeOwned>(&self, call: Call<T>) -> Result<T, KalturaError> {
        let url = self.service_url.action_url(call.service, call.action);
        let value = self.post(url, call.params).await?;
        decode_value(self.service_url.host(), value)
    }

    /// Several calls in one round trip. The outer error is the round trip's
    /// (transport, status, a KS refused for the whole batch); each call's
    /// own result or error comes from [`MultiResponse::take`].
    pub async fn multirequest(&self, batch: MultiRequest) -> Result<MultiResponse, KalturaError> {
        let expected = batch.len();
        let url = self.service_url.multirequest_url();
        let host = self.service_url.host().to_owned();
        match self.post(url, batch.numbered_params()).await? {
            Value::Array(results) => Ok(MultiResponse { host, results }),
            other => {
                // A whole-batch failure comes back as one exception object.
                decode_value::<Value>(&host, other)?;
                Err(KalturaError::Decode {
                    host,
                    detail: format!("a multirequest of {expected} calls did not answer an array"),
                })
            }
        }
    }

    async fn post(&self, url: String, params: Map<String, Value>) -> Result<Value, KalturaError> {
        let mut body = params;
        body.insert("format".into(), Value::from(1));
        body.insert("ks".into(), Value::from(self.ks()?.expose()));
        body.insert(
            "clientTag".into(),
            Value::from(self.options.client_tag.as_str()),
        );
        body.insert("apiVersion".into(), Value::from(API_VERSION));
        let request = OutboundRequest {
            method: Method::Post,
            url: format!("{url}?format=1"),
            // Exactly `application/json`: Kaltura ignores a JSON body under
            // any other type, `; charset=utf-8` included.
            headers: vec![
                ("Content-Type".into(), "application/json".into()),
                ("Accept".into(), "application/json".into()),
            ],
            body: serde_json::to_vec(&body).unwrap_or_default(),
            timeout: self.options.timeout,
        };
        let host = self.service_url.host();
        self.with_retries(|| async {
            match self.http.send(request.clone()).await {
                Ok(response) => parse_body(host, response.status, &response.body),
                Err(source) => Err(KalturaError::Unreachable {
                    host: host.to_owned(),
                    source,
                }),
            }
        })
        .await
    }

    /// GETs a file Kaltura serves (a `getUrl` answer: captions,
    /// attachments, flavors), at most `max_bytes` of it. The caller checks
    /// the URL's host first ([`ServiceUrl::check_download`]); no KS is added.
    pub async fn download(&self, url: &str, max_bytes: usize) -> Result<Download, KalturaError> {
        let host = super::service_url::url_authority(url).to_owned();
        let request = OutboundRequest {
            method: Method::Get,
            url: url.to_owned(),
            headers: Vec::new(),
            body: Vec::new(),
            timeout: self.options.timeout,
        };
        self.with_retries(|| async {
            let response = self.http.send(request.clone()).await.map_err(|source| {
                KalturaError::Unreachable {
                    host: host.clone(),
                    source,
                }
            })?;
            if response.status != 200 {
                return Err(KalturaError::Status {
                    host: host.clone(),
                    status: response.status,
                    hint: super::error::status_hint(response.status),
                });
            }
            // File actions report failures in headers over an empty body.
            if let Some(error) = response
                .header("X-Kaltura")
                .filter(|h| h.starts_with("error"))
            {
                let message = response.header("X-Kaltura-App").unwrap_or(error);
                return Err(KalturaError::Api {
                    code: error.trim_start_matches("error-").to_owned(),
                    message: message.to_owned(),
                    args: Default::default(),
                });
            }
            let content_type = response.header("Content-Type").map(str::to_owned);
            let total_bytes = response.body.len();
            let mut bytes = response.body;
            bytes.truncate(max_bytes);
            Ok(Download {
                content_type,
                total_bytes,
                bytes,
            })
        })
        .await
    }

    /// Runs `attempt` until it succeeds, fails for good, or the attempts
    /// are spent, sleeping with backoff in between.
    async fn with_retries<T, F, Fut>(&self, attempt_once: F) -> Result<T, KalturaError>
    where
        F: Fn() -> Fut,
        Fut: std::future::Future<Output = Result<T, KalturaError>>,
    {
        let mut attempt = 1;
        loop {
            let outcome = attempt_once().await;
            match outcome {
                Err(error)
                    if error.is_retryable() && attempt < self.options.max_attempts.max(1) =>
                {
                    self.clock.sleep(self.backoff(attempt)).await;
                    attempt += 1;
                }
                outcome => return outcome,
            }
        }
    }

    /// Exponential backoff with up to 25% random jitter, so retries from
    /// many isolates do not arrive in step.
    fn backoff(&self, attempt: u32) -> Duration {
        let doubled = self
            .options
            .backoff
            .saturating_mul(1 << (attempt - 1).min(16))
            .min(self.options.max_backoff);
        let mut byte = [0u8; 1];
        let jitter = match getrandom::fill(&mut byte) {
            Ok(()) => doubled.mul_f64(f64::from(byte[0]) / 255.0 / 4.0),
            Err(_) => Duration::ZERO,
        };
        doubled + jitter
    }
}
