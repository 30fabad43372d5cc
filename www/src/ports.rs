//! The core's platform ports in a browser (or any JS host with `fetch`):
//! outbound HTTP with gloo-net's `fetch` wrapper, its deadline enforced by
//! an `AbortController` and a timer; the clock from `Date.now` and
//! `setTimeout`. The page keeps no storage, so KV is the core's in-memory
//! store, alive as long as the page.

use gloo_net::http::{Method, RequestBuilder};
use kaltura_mcp::platform::{
    within_deadline, Clock, Http, Method as CoreMethod, OutboundRequest, OutboundResponse,
    TransportError,
};
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    // The global timers (a window's, a worker's or Node's alike).
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &js_sys::Function, millis: i32) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(handle: &JsValue);
}

/// A timer that resolves after a duration and is cleared when dropped, so
/// a deadline that was not needed does not keep the host (Node) alive.
struct Timer {
    handle: JsValue,
    fired: JsFuture,
}

impl Timer {
    fn new(duration: Duration) -> Self {
        let millis = duration.as_millis().min(i32::MAX as u128) as i32;
        let mut handle = JsValue::UNDEFINED;
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            handle = set_timeout(&resolve, millis);
        });
        Timer {
            handle,
            fired: JsFuture::from(promise),
        }
    }

    async fn wait(&mut self) {
        let _ = (&mut self.fired).await;
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        clear_timeout(&self.handle);
    }
}

/// `fetch` (through gloo-net) as the core's [`Http`] port.
#[derive(Debug, Clone, Copy, Default)]
pub struct FetchHttp;

impl Http for FetchHttp {
    async fn send(&self, request: OutboundRequest) -> Result<OutboundResponse, TransportError> {
        let timeout = request.timeout;
        let controller = web_sys::AbortController::new().map_err(|error| connect_error(&error))?;
        let mut timer = Timer::new(timeout);
        let exchange = exchange(request, controller.signal());
        within_deadline(timeout, exchange, timer.wait(), || controller.abort()).await
    }
}

async fn exchange(
    request: OutboundRequest,
    signal: web_sys::AbortSignal,
) -> Result<OutboundResponse, TransportError> {
    let method = match request.method {
        CoreMethod::Get => Method::GET,
        CoreMethod::Post => Method::POST,
    };
    let mut builder = RequestBuilder::new(&request.url)
        .method(method)
        .abort_signal(Some(&signal));
    for (name, value) in &request.headers {
        builder = builder.header(name, value);
    }
    let outbound = if request.method == CoreMethod::Post {
        let body = js_sys::Uint8Array::from(request.body.as_slice());
        builder.body(body)
    } else {
        builder.build()
    }
    .map_err(|error| TransportError::Connect(error.to_string()))?;
    let response = outbound
        .send()
        .await
        .map_err(|error| TransportError::Connect(error.to_string()))?;
    let body = response
        .binary()
        .await
        .map_err(|error| TransportError::Io(error.to_string()))?;
    Ok(OutboundResponse {
        status: response.status(),
        headers: response.headers().entries().collect(),
        body,
    })
}

/// A JS exception as a transport error: its message only (the URL, which
/// may carry a KS in a query, is not part of it).
fn connect_error(error: &JsValue) -> TransportError {
    let message = error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .unwrap_or_else(|| "fetch is unavailable".into());
    TransportError::Connect(message)
}

/// `Date.now()` and `setTimeout` as the core's [`Clock`] port.
#[derive(Debug, Clone, Copy, Default)]
pub struct BrowserClock;

impl Clock for BrowserClock {
    fn now_millis(&self) -> u64 {
        js_sys::Date::now() as u64
    }

    async fn sleep(&self, duration: Duration) {
        Timer::new(duration).wait().await;
    }
}
