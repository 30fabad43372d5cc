//! Ports to the outside world: outbound HTTP, a clock, a key-value store.
//!
//! The core never names a platform. The Cloudflare Worker implements these
//! traits with `fetch`, `Date.now`/timers and KV; the browser page with
//! `gloo-net`; native tests with real sockets or the in-memory types here.
//! The traits carry no `Send` bound: wasm is single-threaded.

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::time::Duration;

/// An outbound HTTP request. The port enforces `timeout` (connect + whole
/// response), so the core can promise a per-call deadline on every platform.
#[derive(Debug, Clone, PartialEq)]
pub struct OutboundRequest {
    pub method: Method,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub timeout: Duration,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

/// The response as received; any status, including 5xx, is a response.
#[derive(Debug, Clone, PartialEq)]
pub struct OutboundResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl OutboundResponse {
    /// The first header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// Why no response arrived. Messages are the platform's, minus any URL
/// query (which could hold a KS): ports must not put secrets here.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransportError {
    #[error("no response within {0:?}")]
    Timeout(Duration),
    #[error("could not connect: {0}")]
    Connect(String),
    #[error("connection failed while reading the response: {0}")]
    Io(String),
}

#[allow(async_fn_in_trait)]
pub trait Http {
    async fn send(&self, request: OutboundRequest) -> Result<OutboundResponse, TransportError>;
}

/// How an [`Http`] port keeps its deadline, whatever its timers: the
/// exchange's outcome if it ends before `deadline` (a timer of `timeout`)
/// does, else `abort()` is called and the answer is a timeout.
pub async fn within_deadline<T>(
    timeout: Duration,
    exchange: impl Future<Output = Result<T, TransportError>>,
    deadline: impl Future<Output = ()>,
    abort: impl FnOnce(),
) -> Result<T, TransportError> {
    let mut exchange = std::pin::pin!(exchange);
    let mut deadline = std::pin::pin!(deadline);
    let finished = std::future::poll_fn(|cx| {
        if let std::task::Poll::Ready(outcome) = exchange.as_mut().poll(cx) {
            return std::task::Poll::Ready(Some(outcome));
        }
        deadline.as_mut().poll(cx).map(|()| None)
    })
    .await;
    finished.unwrap_or_else(|| {
        abort();
        Err(TransportError::Timeout(timeout))
    })
}

#[allow(async_fn_in_trait)]
pub trait Clock {
    /// Wall-clock time, in milliseconds since the Unix epoch.
    fn now_millis(&self) -> u64;
    /// Waits `duration` (retry backoff). Workers and browsers use timers.
    async fn sleep(&self, duration: Duration);

    fn now_secs(&self) -> u64 {
        self.now_millis() / 1000
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("key-value store failed: {0}")]
pub struct KvError(pub String);

/// A key-value store with per-key expiry (Cloudflare KV semantics: a value
/// read soon after a write elsewhere may be stale; never rely on it for
/// read-your-write across locations).
#[allow(async_fn_in_trait)]
pub trait Kv {
    async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, KvError>;
    async fn put(&self, key: &str, value: &[u8], ttl: Option<Duration>) -> Result<(), KvError>;
    async fn delete(&self, key: &str) -> Result<(), KvError>;
}

/// The system clock; `sleep` blocks the thread (native tests and tools only).
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

#[cfg(not(target_arch = "wasm32"))]
impl Clock for SystemClock {
    fn now_millis(&self) -> u64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|elapsed| elapsed.as_millis() as u64)
            .unwrap_or(0)
    }

    async fn sleep(&self, duration: Duration) {
        std::thread::sleep(duration);
    }
}

/// A clock tests move by hand; `sleep` advances it instead of waiting, and
/// records each wait so tests can check backoff.
#[derive(Debug, Default)]
pub struct ManualClock {
    now_millis: std::cell::Cell<u64>,
    pub sleeps: RefCell<Vec<Duration>>,
}

impl ManualClock {
    pub fn at_secs(secs: u64) -> Self {
        let clock = ManualClock::default();
        clock.now_millis.set(secs * 1000);
        clock
    }

    pub fn advance(&self, by: Duration) {
        self.now_millis
            .set(self.now_millis.get() + by.as_millis() as u64);
    }
}

impl Clock for ManualClock {
    fn now_millis(&self) -> u64 {
        self.now_millis.get()
    }

    async fn sleep(&self, duration: Duration) {
        self.sleeps.borrow_mut().push(duration);
        self.advance(duration);
    }
}

/// An in-memory [`Kv`] for tests (TTLs are accepted and ignored).
#[derive(Debug, Default)]
pub struct MemoryKv {
    entries: RefCell<HashMap<String, Vec<u8>>>,
}

impl MemoryKv {
    pub fn len(&self) -> usize {
        self.entries.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.borrow().is_empty()
    }

    pub fn keys(&self) -> Vec<String> {
        self.entries.borrow().keys().cloned().collect()
    }
}

impl Kv for MemoryKv {
    async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, KvError> {
        Ok(self.entries.borrow().get(key).cloned())
    }

    async fn put(&self, key: &str, value: &[u8], _ttl: Option<Duration>) -> Result<(), KvError> {
        self.entries
            .borrow_mut()
            .insert(key.to_owned(), value.to_vec());
        Ok(())
    }

    async fn delete(&self, key: &str) -> Result<(), KvError> {
        self.entries.borrow_mut().remove(key);
        Ok(())
    }
}

// Ports are used by reference or shared: `&T` and `Rc<T>` are ports too.
macro_rules! forward_ports {
    ($($pointer:ty),*) => {$(
        impl<T: Http + ?Sized> Http for $pointer {
            async fn send(&self, request: OutboundRequest) -> Result<OutboundResponse, TransportError> {
                (**self).send(request).await
            }
        }

        impl<T: Clock + ?Sized> Clock for $pointer {
            fn now_millis(&self) -> u64 {
                (**self).now_millis()
            }

            async fn sleep(&self, duration: Duration) {
                (**self).sleep(duration).await
            }
        }

        impl<T: Kv + ?Sized> Kv for $pointer {
            async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, KvError> {
                (**self).get(key).await
            }

            async fn put(&self, key: &str, value: &[u8], ttl: Option<Duration>) -> Result<(), KvError> {
                (**self).put(key, value, ttl).await
            }

            async fn delete(&self, key: &str) -> Result<(), KvError> {
                (**self).delete(key).await
            }
        }
    )*};
}

forward_ports!(&T, std::rc::Rc<T>);

/// A boxed future without `Send` (wasm is single-threaded).
pub type LocalBoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// Object-safe forms of the ports, so the per-request [`Ports`] bundle can
/// hold any platform's implementations without making every tool generic.
/// Every port implements its `Dyn*` form, and `dyn Dyn*` is a port again.
pub trait DynHttp {
    fn send_boxed(
        &self,
        request: OutboundRequest,
    ) -> LocalBoxFuture<'_, Result<OutboundResponse, TransportError>>;
}

pub trait DynClock {
    fn now_millis_dyn(&self) -> u64;
    fn sleep_boxed(&self, duration: Duration) -> LocalBoxFuture<'_, ()>;
}

pub trait DynKv {
    fn get_boxed<'a>(
        &'a self,
        key: &'a str,
    ) -> LocalBoxFuture<'a, Result<Option<Vec<u8>>, KvError>>;
    fn put_boxed<'a>(
        &'a self,
        key: &'a str,
        value: &'a [u8],
        ttl: Option<Duration>,
    ) -> LocalBoxFuture<'a, Result<(), KvError>>;
    fn delete_boxed<'a>(&'a self, key: &'a str) -> LocalBoxFuture<'a, Result<(), KvError>>;
}

impl<T: Http> DynHttp for T {
    fn send_boxed(
        &self,
        request: OutboundRequest,
    ) -> LocalBoxFuture<'_, Result<OutboundResponse, TransportError>> {
        Box::pin(self.send(request))
    }
}

impl<T: Clock> DynClock for T {
    fn now_millis_dyn(&self) -> u64 {
        self.now_millis()
    }

    fn sleep_boxed(&self, duration: Duration) -> LocalBoxFuture<'_, ()> {
        Box::pin(self.sleep(duration))
    }
}

impl<T: Kv> DynKv for T {
    fn get_boxed<'a>(
        &'a self,
        key: &'a str,
    ) -> LocalBoxFuture<'a, Result<Option<Vec<u8>>, KvError>> {
        Box::pin(self.get(key))
    }

    fn put_boxed<'a>(
        &'a self,
        key: &'a str,
        value: &'a [u8],
        ttl: Option<Duration>,
    ) -> LocalBoxFuture<'a, Result<(), KvError>> {
        Box::pin(self.put(key, value, ttl))
    }

    fn delete_boxed<'a>(&'a self, key: &'a str) -> LocalBoxFuture<'a, Result<(), KvError>> {
        Box::pin(self.delete(key))
    }
}

impl Http for dyn DynHttp {
    async fn send(&self, request: OutboundRequest) -> Result<OutboundResponse, TransportError> {
        self.send_boxed(request).await
    }
}

impl Clock for dyn DynClock {
    fn now_millis(&self) -> u64 {
        self.now_millis_dyn()
    }

    async fn sleep(&self, duration: Duration) {
        self.sleep_boxed(duration).await
    }
}

impl Kv for dyn DynKv {
    async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, KvError> {
        self.get_boxed(key).await
    }

    async fn put(&self, key: &str, value: &[u8], ttl: Option<Duration>) -> Result<(), KvError> {
        self.put_boxed(key, value, ttl).await
    }

    async fn delete(&self, key: &str) -> Result<(), KvError> {
        self.delete_boxed(key).await
    }
}

/// One platform's ports, shared by everything a request does.
#[derive(Clone)]
pub struct Ports {
    pub http: Rc<dyn DynHttp>,
    pub clock: Rc<dyn DynClock>,
    pub kv: Rc<dyn DynKv>,
}

impl Ports {
    pub fn new(
        http: impl Http + 'static,
        clock: impl Clock + 'static,
        kv: impl Kv + 'static,
    ) -> Self {
        Ports {
            http: Rc::new(http),
            clock: Rc::new(clock),
            kv: Rc::new(kv),
        }
    }
}

impl std::fmt::Debug for Ports {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Ports")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn a_deadline_aborts_only_an_exchange_that_outlives_it() {
        let aborted = Cell::new(false);
        let in_time = pollster::block_on(within_deadline(
            Duration::from_secs(5),
            async { Ok(7) },
            std::future::pending(),
            || aborted.set(true),
        ));
        assert_eq!((in_time, aborted.get()), (Ok(7), false));

        let late: Result<u8, _> = pollster::block_on(within_deadline(
            Duration::from_secs(5),
            std::future::pending(),
            async {},
            || aborted.set(true),
        ));
        assert_eq!(late, Err(TransportError::Timeout(Duration::from_secs(5))));
        assert!(aborted.get());
    }
}
