//! The core's platform ports on Workers: outbound HTTP with `fetch`
//! (deadline enforced with an `AbortController` and a timer) and the clock
//! with `Date.now` and `setTimeout`.

use kaltura_mcp::platform::{
    within_deadline, Clock, Http, Kv, KvError, Method as CoreMethod, OutboundRequest,
    OutboundResponse, TransportError,
};
use std::time::Duration;
use worker::{
    AbortController, AbortSignal, Date, Delay, Fetch, Headers, Method, Request, RequestInit,
};

/// `fetch` as the core's [`Http`] port.
#[derive(Debug, Clone, Copy, Default)]
pub struct FetchHttp;

impl Http for FetchHttp {
    async fn send(&self, request: OutboundRequest) -> Result<OutboundResponse, TransportError> {
        let timeout = request.timeout;
        let controller = AbortController::default();
        let exchange = exchange(request, controller.signal());
        within_deadline(timeout, exchange, Delay::from(timeout), || {
            controller.abort()
        })
        .await
    }
}

async fn exchange(
    request: OutboundRequest,
    signal: AbortSignal,
) -> Result<OutboundResponse, TransportError> {
    let headers = Headers::new();
    for (name, value) in &request.headers {
        headers
            .set(name, value)
            .map_err(|error| TransportError::Connect(error.to_string()))?;
    }
    let mut init = RequestInit::new();
    init.with_method(match request.method {
        CoreMethod::Get => Method::Get,
        CoreMethod::Post => Method::Post,
    })
    .with_headers(headers);
    if request.method == CoreMethod::Post {
        let body = js_sys::Uint8Array::from(request.body.as_slice());
        init.with_body(Some(body.into()));
    }
    let outbound = Request::new_with_init(&request.url, &init)
        .map_err(|error| TransportError::Connect(error.to_string()))?;
    let mut response = Fetch::Request(outbound)
        .send_with_signal(&signal)
        .await
        .map_err(|error| TransportError::Connect(error.to_string()))?;
    let body = response
        .bytes()
        .await
        .map_err(|error| TransportError::Io(error.to_string()))?;
    Ok(OutboundResponse {
        status: response.status_code(),
        headers: response.headers().entries().collect(),
        body,
    })
}

/// `Date.now()` and timers as the core's [`Clock`] port.
#[derive(Debug, Clone, Copy, Default)]
pub struct WorkerClock;

impl Clock for WorkerClock {
    fn now_millis(&self) -> u64 {
        Date::now().as_millis()
    }

    async fn sleep(&self, duration: Duration) {
        Delay::from(duration).await;
    }
}

/// Workers KV as the core's [`Kv`] port.
pub struct WorkersKv(pub worker::kv::KvStore);

/// KV refuses expirations under 60 seconds.
const KV_MIN_TTL_SECS: u64 = 60;

impl Kv for WorkersKv {
    async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, KvError> {
        self.0
            .get(key)
            .bytes()
            .await
            .map_err(|error| KvError(error.to_string()))
    }

    async fn put(&self, key: &str, value: &[u8], ttl: Option<Duration>) -> Result<(), KvError> {
        let mut put = self
            .0
            .put_bytes(key, value)
            .map_err(|error| KvError(error.to_string()))?;
        if let Some(ttl) = ttl {
            put = put.expiration_ttl(ttl.as_secs().max(KV_MIN_TTL_SECS));
        }
        put.execute()
            .await
            .map_err(|error| KvError(error.to_string()))
    }

    async fn delete(&self, key: &str) -> Result<(), KvError> {
        self.0
            .delete(key)
            .await
            .map_err(|error| KvError(error.to_string()))
    }
}
