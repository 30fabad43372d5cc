//! What a handler may do besides returning its result: report progress,
//! log to the client, ask the client something (sampling, elicitation,
//! roots), and read what the client sent for an `input_required` retry.
//!
//! One `Exchange` is made per request. Notifications it emits go to the
//! request's own response stream, in order, ahead of the result: buffered
//! when the handler finishes without waiting on the client, streamed when
//! it does (see [`super::stream`]). The era decides how the client is
//! asked: legacy clients answer a request sent on the stream with a POST of
//! their own, which reaches this one through [`SharedState`]; 2026-07-28
//! clients are asked with an `input_required` result instead, and are never
//! sent requests on a stream.

use super::jsonrpc::{ErrorCode, RequestId, RpcError};
use super::registry::BoxFuture;
use super::server::{meta, Era};
use futures_channel::mpsc::UnboundedSender;
use futures_channel::oneshot;
use serde_json::{json, Map, Value};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Storage shared by every isolate (KV in production), for the little
/// state the protocol must carry across requests: a legacy session's log
/// level, and client answers to requests sent on another request's stream.
pub trait SharedState {
    fn get(&self, key: &str) -> BoxFuture<Option<String>>;
    fn put(&self, key: &str, value: String, ttl_secs: u64) -> BoxFuture<()>;
    /// Waits before polling again.
    fn pause(&self, millis: u64) -> BoxFuture<()>;
}

/// RFC 5424 severities, least severe first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LogLevel {
    Debug,
    Info,
    Notice,
    Warning,
    Error,
    Critical,
    Alert,
    Emergency,
}

impl LogLevel {
    pub const NAMES: [&'static str; 8] = [
        "debug",
        "info",
        "notice",
        "warning",
        "error",
        "critical",
        "alert",
        "emergency",
    ];
    const ALL: [LogLevel; 8] = [
        LogLevel::Debug,
        LogLevel::Info,
        LogLevel::Notice,
        LogLevel::Warning,
        LogLevel::Error,
        LogLevel::Critical,
        LogLevel::Alert,
        LogLevel::Emergency,
    ];

    pub fn parse(name: &str) -> Option<LogLevel> {
        Self::ALL.into_iter().find(|level| level.as_str() == name)
    }

    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// The `_meta` key of a 2026-07-28 request's log level.
pub const LOG_LEVEL_META: &str = "io.modelcontextprotocol/logLevel";
/// The KV key prefix of a legacy session's `logging/setLevel`.
const SESSION_LEVEL_KEY: &str = "mcp:log-level:";
/// How the ids of this server's requests to clients begin.
const SERVER_REQUEST_PREFIX: &str = "srv-";
/// The KV key prefix of a client's answer to a server request.
const REPLY_KEY: &str = "mcp:reply:";
/// How long a legacy session's level and a parked reply are kept.
const SESSION_TTL_SECS: u64 = 24 * 60 * 60;
const REPLY_TTL_SECS: u64 = 5 * 60;
/// How long a handler waits for the client to answer, and how often it
/// looks: soon at first, then once a second (about 120 reads in all, well
/// under a worker's 1,000 KV operations per request).
const REPLY_WAIT_MILLIS: u64 = 120_000;
const REPLY_FIRST_POLL_MILLIS: u64 = 50;
const REPLY_MAX_POLL_MILLIS: u64 = 1_000;

/// Why the client could not be asked, or did not answer usefully.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AskError {
    /// 2026-07-28 forbids requests on a stream: use `input_required`.
    #[error("this protocol revision asks the client through input_required results")]
    NotInThisEra,
    /// The request's `Accept` excludes event streams (or it came in a batch).
    #[error("the client cannot be asked: its request does not accept text/event-stream")]
    NoStream,
    #[error("the client did not answer within {0} seconds")]
    NoAnswer(u64),
    /// The client answered with a JSON-RPC error (e.g. it lacks the capability).
    #[error("the client refused: {0}")]
    Refused(String),
}

/// The per-request handle given to tool and prompt handlers.
#[derive(Clone)]
pub struct Exchange {
    inner: Rc<Inner>,
}

impl std::fmt::Debug for Exchange {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("Exchange")
            .field("era", &self.inner.era)
            .finish_non_exhaustive()
    }
}

struct Inner {
    era: Era,
    params: Map<String, Value>,
    session: Option<String>,
    shared: Rc<dyn SharedState>,
    outbox: UnboundedSender<Value>,
    /// Fired once, when the handler first needs the client: from then on
    /// the response must be a live stream. `None` when it cannot be one.
    go_live: RefCell<Option<oneshot::Sender<()>>>,
    can_ask: bool,
    /// The legacy session's level, read from shared state on first use.
    session_level: RefCell<Option<Option<LogLevel>>>,
    sent: Cell<u32>,
}

impl Exchange {
    pub(super) fn new(
        era: Era,
        params: Map<String, Value>,
        session: Option<String>,
        shared: Rc<dyn SharedState>,
        outbox: UnboundedSender<Value>,
        go_live: Option<oneshot::Sender<()>>,
    ) -> Self {
        Exchange {
            inner: Rc::new(Inner {
                era,
                params,
                session,
                shared,
                outbox,
                can_ask: go_live.is_some(),
                go_live: RefCell::new(go_live),
                session_level: RefCell::new(None),
                sent: Cell::new(0),
            }),
        }
    }

    /// An exchange for a call made outside HTTP (tests, an in-page
    /// playground): notifications go nowhere and the client cannot be asked.
    pub fn detached(era: Era, params: Map<String, Value>, shared: Rc<dyn SharedState>) -> Self {
        let (outbox, _) = futures_channel::mpsc::unbounded();
        Exchange::new(era, params, None, shared, outbox, None)
    }

    pub fn era(&self) -> Era {
        self.inner.era
    }

    fn meta(&self) -> Option<&Map<String, Value>> {
        self.inner.params.get("_meta").and_then(Value::as_object)
    }

    /// The client's capabilities, when this request declares them
    /// (2026-07-28 sends them with every request; legacy clients only at
    /// `initialize`, which a stateless server does not remember).
    pub fn client_capabilities(&self) -> Option<&Map<String, Value>> {
        self.meta()?
            .get(meta::CLIENT_CAPABILITIES)
            .and_then(Value::as_object)
    }

    /// Whether the client declared `capability` (`None`: not known).
    pub fn client_supports(&self, capability: &str) -> Option<bool> {
        self.client_capabilities()
            .map(|capabilities| capabilities.contains_key(capability))
    }

    /// A -32021 error naming the capabilities this request needed.
    pub fn missing_capability(capabilities: &[&str]) -> RpcError {
        let required: Map<String, Value> = capabilities
            .iter()
            .map(|name| ((*name).to_owned(), json!({})))
            .collect();
        RpcError::new(
            ErrorCode::MissingRequiredClientCapability,
            format!(
                "This request needs the client capabilities {}, which it did not declare",
                capabilities.join(", ")
            ),
        )
        .with_data(json!({ "requiredCapabilities": required }))
    }

    /// The `inputResponses` of an `input_required` retry. An `inputResponses`
    /// that is present but not an object is a protocol error.
    pub fn input_responses(&self) -> Result<Option<&Map<String, Value>>, RpcError> {
        match self.inner.params.get("inputResponses") {
            None => Ok(None),
            Some(Value::Object(responses)) => Ok(Some(responses)),
            Some(_) => Err(RpcError::invalid_params(
                "`inputResponses` must be an object keyed by the input request names",
            )),
        }
    }

    /// The `requestState` echoed by an `input_required` retry.
    pub fn request_state(&self) -> Option<&str> {
        self.inner
            .params
            .get("requestState")
            .and_then(Value::as_str)
    }

    /// Sends `notifications/progress` when the request asked for progress.
    pub fn progress(&self, progress: f64, total: Option<f64>, message: Option<&str>) {
        let Some(token) = self.meta().and_then(|meta| meta.get("progressToken")) else {
            return;
        };
        let mut params = json!({ "progressToken": token, "progress": number(progress) });
        if let Some(total) = total {
            params["total"] = number(total);
        }
        if let Some(message) = message {
            params["message"] = message.into();
        }
        self.notify("notifications/progress", params);
    }

    /// Sends `notifications/message` if the client wants `level`: in
    /// 2026-07-28 only when the request names a `logLevel`; in the legacy
    /// era, at or above the session's `logging/setLevel` (all by default).
    pub async fn log(&self, level: LogLevel, logger: &str, data: Value) {
        let threshold = match self.inner.era {
            Era::Modern => self
                .meta()
                .and_then(|meta| meta.get(LOG_LEVEL_META))
                .and_then(Value::as_str)
                .and_then(LogLevel::parse),
            Era::Legacy(_) => Some(self.session_level().await.unwrap_or(LogLevel::Debug)),
        };
        if threshold.is_some_and(|threshold| level >= threshold) {
            let params = json!({ "level": level.as_str(), "logger": logger, "data": data });
            self.notify("notifications/message", params);
        }
    }

    /// Remembers a legacy session's `logging/setLevel` for its later
    /// requests (nothing to remember without a session id).
    pub async fn remember_session_level(&self, level: LogLevel) {
        if let Some(session) = self.session() {
            let key = format!("{SESSION_LEVEL_KEY}{session}");
            let value = level.as_str().to_owned();
            self.inner.shared.put(&key, value, SESSION_TTL_SECS).await;
        }
    }

    /// The client's `Mcp-Session-Id`, if it is one this server could have
    /// issued (the key it names in shared state must stay short and plain).
    fn session(&self) -> Option<&str> {
        let session = self.inner.session.as_deref()?;
        let plain = session.len() <= 64
            && session
                .bytes()
                .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_');
        plain.then_some(session)
    }

    async fn session_level(&self) -> Option<LogLevel> {
        if let Some(known) = *self.inner.session_level.borrow() {
            return known;
        }
        let level = match self.session() {
            Some(session) => self
                .inner
                .shared
                .get(&format!("{SESSION_LEVEL_KEY}{session}"))
                .await
                .and_then(|name| LogLevel::parse(&name)),
            None => None,
        };
        *self.inner.session_level.borrow_mut() = Some(level);
        level
    }

    fn notify(&self, method: &str, params: Value) {
        let message = json!({ "jsonrpc": "2.0", "method": method, "params": params });
        // A closed outbox means the client went away; nothing to tell it.
        let _ = self.inner.outbox.unbounded_send(message);
    }

    /// Sends `method` to the client on this request's stream and waits for
    /// its answer (legacy era only).
    pub async fn ask(&self, method: &str, params: Value) -> Result<Value, AskError> {
        if self.inner.era == Era::Modern {
            return Err(AskError::NotInThisEra);
        }
        if !self.inner.can_ask {
            return Err(AskError::NoStream);
        }
        let id = format!(
            "{SERVER_REQUEST_PREFIX}{}-{}",
            random_hex(),
            self.inner.sent.get()
        );
        self.inner.sent.set(self.inner.sent.get() + 1);
        if let Some(go_live) = self.inner.go_live.borrow_mut().take() {
            let _ = go_live.send(());
        }
        let request = json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params });
        let _ = self.inner.outbox.unbounded_send(request);
        // Let the transport see the stream must go live before any wait,
        // even one that completes at once.
        YieldOnce(false).await;
        let key = format!("{REPLY_KEY}{id}");
        let (mut waited, mut delay) = (0, REPLY_FIRST_POLL_MILLIS);
        while waited < REPLY_WAIT_MILLIS {
            if let Some(reply) = self.inner.shared.get(&key).await {
                return parse_reply(&reply);
            }
            self.inner.shared.pause(delay).await;
            waited += delay;
            delay = (delay * 2).min(REPLY_MAX_POLL_MILLIS);
        }
        Err(AskError::NoAnswer(REPLY_WAIT_MILLIS / 1000))
    }
}

/// `value` as a JSON integer when it is one (`2`, not `2.0`).
fn number(value: f64) -> Value {
    if value.fract() == 0.0 && value.abs() < 9e15 {
        json!(value as i64)
    } else {
        json!(value)
    }
}

/// A future that is pending once, then ready.
struct YieldOnce(bool);

impl std::future::Future for YieldOnce {
    type Output = ();

    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        context: &mut std::task::Context<'_>,
    ) -> std::task::Poll<()> {
        if self.0 {
            return std::task::Poll::Ready(());
        }
        self.0 = true;
        context.waker().wake_by_ref();
        std::task::Poll::Pending
    }
}

fn parse_reply(reply: &str) -> Result<Value, AskError> {
    let reply: Value = serde_json::from_str(reply).unwrap_or(Value::Null);
    if let Some(result) = reply.get("result") {
        return Ok(result.clone());
    }
    let message = reply["error"]["message"]
        .as_str()
        .unwrap_or("no result in the answer");
    Err(AskError::Refused(message.to_owned()))
}

/// Parks a client's answer (a JSON-RPC response) for the request waiting
/// on it. Only ids this server minted are taken; others are dropped.
pub async fn deliver_reply(shared: &dyn SharedState, id: &RequestId, message: &Value) {
    if let RequestId::String(id) = id {
        if id.starts_with(SERVER_REQUEST_PREFIX) && id.len() < 80 {
            let key = format!("{REPLY_KEY}{id}");
            shared.put(&key, message.to_string(), REPLY_TTL_SECS).await;
        }
    }
}

/// 128 random bits in hex, or the empty string without randomness.
pub(super) fn random_hex() -> String {
    let mut bytes = [0u8; 16];
    if getrandom::fill(&mut bytes).is_err() {
        return String::new();
    }
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    /// Shared state that holds nothing (for calls that never need it).
    pub struct Nothing;

    impl SharedState for Nothing {
        fn get(&self, _: &str) -> BoxFuture<Option<String>> {
            Box::pin(async { None })
        }
        fn put(&self, _: &str, _: String, _: u64) -> BoxFuture<()> {
            Box::pin(async {})
        }
        fn pause(&self, _: u64) -> BoxFuture<()> {
            Box::pin(async {})
        }
    }

    /// A detached legacy-era exchange for unit tests.
    pub fn exchange() -> Exchange {
        let era = Era::Legacy(crate::mcp::version::ProtocolVersion::ASSUMED_WITHOUT_HEADER);
        Exchange::detached(era, Map::new(), Rc::new(Nothing))
    }
}
