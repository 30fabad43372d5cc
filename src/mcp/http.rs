//! Streamable HTTP for the `/mcp` endpoint as a pure function
//! `HttpRequest -> HttpResponse`, so every transport rule is tested natively
//! and the worker only translates.
//!
//! Order of checks: Origin (403), HTTP method (405), Content-Type (415),
//! Accept (406), body size (413), JSON (400/-32700), then the era's envelope
//! rules (400), then dispatch. A session id is issued at `initialize` but
//! never required nor remembered: every request stands alone.

use super::envelope::era_of;
use super::exchange::{deliver_reply, Exchange, SharedState};
use super::jsonrpc::{
    error_response, result_response, ErrorCode, Message, Request, RequestId, RpcError,
};
use super::origin::{origin_allowed, preflight, with_cors};
use super::server::{Era, Server};
use super::stream::{self, EventStream};
use super::subscription;
use super::version::ProtocolVersion;
use futures_channel::{mpsc, oneshot};
use futures_util::future::{select, Either};
use futures_util::{FutureExt, StreamExt};
use serde_json::Value;
use std::rc::Rc;

/// What the transport needs to know of the deployment.
#[derive(Debug, Clone, PartialEq)]
pub struct HttpPolicy {
    /// Browser origins allowed besides loopback ones and the server's own.
    pub allowed_origins: Vec<String>,
    pub max_body_bytes: usize,
}

/// An HTTP request as the adapter hands it over. Header names are matched
/// case-insensitively.
#[derive(Debug, Clone, Default)]
pub struct HttpRequest {
    pub method: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl HttpRequest {
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    /// The body, or its beginning when `stream` follows.
    pub body: Vec<u8>,
    /// The rest of a body still being written (server-sent events).
    pub stream: Option<EventStream>,
}

impl HttpResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }

    pub(super) fn with_header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_owned(), value.into()));
        self
    }

    /// A complete response.
    pub fn new(status: u16, headers: Vec<(String, String)>, body: Vec<u8>) -> Self {
        HttpResponse {
            status,
            headers,
            body,
            stream: None,
        }
    }

    fn json(status: u16, body: &Value) -> Self {
        HttpResponse::new(
            status,
            vec![
                ("Content-Type".into(), "application/json".into()),
                ("Cache-Control".into(), "no-store".into()),
            ],
            body.to_string().into_bytes(),
        )
    }

    /// An event stream: `head` now, `rest` as it is produced.
    fn live(head: Vec<u8>, rest: EventStream) -> Self {
        HttpResponse {
            stream: Some(rest),
            ..HttpResponse::new(200, stream::headers(), head)
        }
    }

    fn error(status: u16, id: Option<&RequestId>, error: &RpcError) -> Self {
        HttpResponse::json(status, &error_response(id, error))
    }

    fn accepted() -> Self {
        HttpResponse::new(
            202,
            vec![("Cache-Control".into(), "no-store".into())],
            Vec::new(),
        )
    }
}

/// The first header named `name` (any case).
pub fn find_header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(name))
        .map(|(_, value)| value.as_str())
}

/// What the request's `Accept` allows. JSON is preferred; an event stream
/// is used when the client reads only that, or when notifications or
/// requests to the client go ahead of the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Framing {
    json: bool,
    sse: bool,
}

const ALLOWED_METHODS: &str = "POST, OPTIONS";

/// Serves one request to the MCP endpoint.
pub async fn serve<C: Clone + 'static>(
    server: &Rc<Server<C>>,
    policy: &HttpPolicy,
    shared: Rc<dyn SharedState>,
    ctx: C,
    request: &HttpRequest,
) -> HttpResponse {
    let origin = request.header("origin");
    if let Some(origin) = origin {
        if !origin_allowed(origin, request.header("host"), policy) {
            let error = RpcError::invalid_request(format!("Origin not allowed: {origin}"));
            return HttpResponse::error(403, None, &error);
        }
    }
    let response = match request.method.as_str() {
        "POST" => post(server, policy, shared, ctx, request).await,
        "OPTIONS" => preflight(),
        "GET" => not_allowed("GET opens no stream here: this server sends nothing unprompted. POST JSON-RPC messages instead."),
        "DELETE" => not_allowed("DELETE ends a session, and this server keeps none: there is nothing to end."),
        other => not_allowed(&format!("HTTP method {other} is not supported; POST JSON-RPC messages.")),
    };
    match origin {
        Some(origin) => with_cors(response, origin),
        None => response,
    }
}

async fn post<C: Clone + 'static>(
    server: &Rc<Server<C>>,
    policy: &HttpPolicy,
    shared: Rc<dyn SharedState>,
    ctx: C,
    request: &HttpRequest,
) -> HttpResponse {
    if let Some(content_type) = request.header("content-type") {
        if media_type(content_type) != "application/json" {
            let error = RpcError::invalid_request(format!(
                "Content-Type must be application/json, not {content_type}"
            ));
            return HttpResponse::error(415, None, &error);
        }
    }
    let Some(framing) = framing(request.header("accept")) else {
        let error =
            RpcError::invalid_request("Accept must include application/json or text/event-stream");
        return HttpResponse::error(406, None, &error);
    };
    let declared_length = request
        .header("content-length")
        .and_then(|length| length.trim().parse::<usize>().ok());
    if request.body.len() > policy.max_body_bytes
        || declared_length.is_some_and(|length| length > policy.max_body_bytes)
    {
        let error = RpcError::invalid_request(format!(
            "Request body exceeds the {} byte limit",
            policy.max_body_bytes
        ));
        return HttpResponse::error(413, None, &error);
    }
    let value: Value = match serde_json::from_slice(&request.body) {
        Ok(value) => value,
        Err(error) => {
            let error = RpcError::new(
                ErrorCode::ParseError,
                format!("Body is not valid JSON: {error}"),
            );
            return HttpResponse::error(400, None, &error);
        }
    };
    let version_header = request.header("mcp-protocol-version");
    match value {
        Value::Array(messages) => {
            batch(server, shared, ctx, version_header, messages, framing).await
        }
        single => one(server, shared, ctx, request, &single, framing).await,
    }
}

async fn one<C: Clone + 'static>(
    server: &Rc<Server<C>>,
    shared: Rc<dyn SharedState>,
    ctx: C,
    http: &HttpRequest,
    value: &Value,
    framing: Framing,
) -> HttpResponse {
    let request = match Message::classify(value) {
        Ok(Message::Request(request)) => request,
        Ok(Message::Response { id }) => {
            deliver_reply(shared.as_ref(), &id, value).await;
            return HttpResponse::accepted();
        }
        Ok(Message::Notification { .. }) => return HttpResponse::accepted(),
        Err(rejected) => return HttpResponse::error(400, rejected.id.as_ref(), &rejected.error),
    };
    let era = match era_of(&request, http) {
        Ok(era) => era,
        Err(error) => return HttpResponse::error(400, Some(&request.id), &error),
    };
    if era == Era::Modern && request.method == "subscriptions/listen" {
        return match subscription::listen(server, shared, &request) {
            Ok(events) => HttpResponse::live(Vec::new(), events),
            Err(error) => HttpResponse::json(200, &error_response(Some(&request.id), &error)),
        };
    }
    let session = http.header("mcp-session-id").map(str::to_owned);
    dispatch(server, shared, ctx, request, era, session, framing).await
}

/// Runs one request. Its answer is plain when the handler finishes on its
/// own (notifications it sent go ahead of the result, on an event stream
/// if the client reads one); it turns into a live event stream the moment
/// the handler asks the client something and must wait for the answer.
async fn dispatch<C: Clone + 'static>(
    server: &Rc<Server<C>>,
    shared: Rc<dyn SharedState>,
    ctx: C,
    request: Request,
    era: Era,
    session: Option<String>,
    framing: Framing,
) -> HttpResponse {
    let (outbox, mut sent) = mpsc::unbounded();
    let (go_live, live) = oneshot::channel();
    // Only a client that reads event streams can be asked anything.
    let go_live = framing.sse.then_some(go_live);
    let params = request.params.clone();
    let exchange = Exchange::new(era, params, session, shared, outbox.clone(), go_live);
    let id = request.id.clone();
    let is_initialize = request.method == "initialize";
    let server = server.clone();
    let work = Box::pin(async move { server.handle(era, ctx, &request, &exchange).await });
    let outcome = match select(work, live).await {
        Either::Left((outcome, _)) => outcome,
        Either::Right((Err(_), work)) => work.await,
        Either::Right((Ok(()), work)) => {
            let head = drain(&mut sent).iter().flat_map(stream::event).collect();
            let finish = work.map(move |outcome| {
                let _ = outbox.unbounded_send(response_body(&id, outcome));
            });
            let rest =
                futures_util::stream::select(sent.map(Some), finish.into_stream().map(|()| None))
                    .filter_map(std::future::ready)
                    .boxed_local();
            return HttpResponse::live(head, EventStream::of_messages(rest));
        }
    };
    let notifications = drain(&mut sent);
    match outcome {
        Ok(result) => {
            let response = answer(&notifications, &result_response(&id, result), framing);
            match is_initialize.then(session_id).flatten() {
                Some(session) => response.with_header("Mcp-Session-Id", session),
                None => response,
            }
        }
        Err(error) => {
            let body = error_response(Some(&id), &error);
            match error_status(era, error.code) {
                200 => answer(&notifications, &body, framing),
                status => HttpResponse::json(status, &body),
            }
        }
    }
}

/// 2026-07-28 signals some errors in the status line too.
fn error_status(era: Era, code: ErrorCode) -> u16 {
    match (era, code) {
        (Era::Modern, ErrorCode::MethodNotFound) => 404,
        (Era::Modern, ErrorCode::MissingRequiredClientCapability) => 400,
        _ => 200,
    }
}

fn response_body(id: &RequestId, outcome: Result<Value, RpcError>) -> Value {
    match outcome {
        Ok(result) => result_response(id, result),
        Err(error) => error_response(Some(id), &error),
    }
}

/// The messages queued so far, without waiting.
fn drain(queue: &mut mpsc::UnboundedReceiver<Value>) -> Vec<Value> {
    std::iter::from_fn(|| queue.try_recv().ok()).collect()
}

/// JSON-RPC batches: 2025-03-26 only, and never with `initialize` inside.
async fn batch<C: Clone + 'static>(
    server: &Server<C>,
    shared: Rc<dyn SharedState>,
    ctx: C,
    version_header: Option<&str>,
    messages: Vec<Value>,
    framing: Framing,
) -> HttpResponse {
    let version = match version_header {
        None => Some(ProtocolVersion::ASSUMED_WITHOUT_HEADER),
        Some(header) => ProtocolVersion::parse(header),
    };
    let Some(version) = version.filter(|version| version.allows_batches()) else {
        let error = RpcError::invalid_request(
            "JSON-RPC batches are only accepted in protocol version 2025-03-26",
        );
        return HttpResponse::error(400, None, &error);
    };
    if messages.is_empty() {
        return HttpResponse::error(400, None, &RpcError::invalid_request("Empty batch"));
    }
    let mut answers = Vec::new();
    for message in &messages {
        match Message::classify(message) {
            Ok(Message::Request(request)) if request.method == "initialize" => {
                let error = RpcError::invalid_request("initialize must not be sent in a batch");
                answers.push(error_response(Some(&request.id), &error));
            }
            Ok(Message::Request(request)) => {
                // A batch is answered as one JSON array: nothing goes ahead of it.
                let era = Era::Legacy(version);
                let (outbox, _) = mpsc::unbounded();
                let exchange = Exchange::new(
                    era,
                    request.params.clone(),
                    None,
                    shared.clone(),
                    outbox,
                    None,
                );
                let answer = match server.handle(era, ctx.clone(), &request, &exchange).await {
                    Ok(result) => result_response(&request.id, result),
                    Err(error) => error_response(Some(&request.id), &error),
                };
                answers.push(answer);
            }
            Ok(_) => {}
            Err(rejected) => answers.push(error_response(rejected.id.as_ref(), &rejected.error)),
        }
    }
    if answers.is_empty() {
        return HttpResponse::accepted();
    }
    answer(&[], &Value::Array(answers), framing)
}

/// A fresh session id for a legacy `initialize`. It names nothing stored:
/// requests are served with or without it (clients have been seen to drop
/// it), so it needs no signature; it exists because some clients and the
/// conformance suite expect one. Without randomness, no id is issued.
fn session_id() -> Option<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).ok()?;
    Some(bytes.iter().map(|byte| format!("{byte:02x}")).collect())
}

fn answer(notifications: &[Value], body: &Value, framing: Framing) -> HttpResponse {
    if framing.json && (notifications.is_empty() || !framing.sse) {
        return HttpResponse::json(200, body);
    }
    let events = notifications.iter().chain([body]).flat_map(stream::event);
    HttpResponse::new(200, stream::headers(), events.collect())
}

/// A 500 whose body is a JSON-RPC error, for faults outside the protocol
/// (a misconfigured deployment). The message must not carry secrets.
pub fn server_error(message: &str) -> HttpResponse {
    HttpResponse::error(500, None, &RpcError::new(ErrorCode::InternalError, message))
}

fn not_allowed(message: &str) -> HttpResponse {
    HttpResponse::error(405, None, &RpcError::invalid_request(message))
        .with_header("Allow", ALLOWED_METHODS)
}

fn media_type(header: &str) -> String {
    header
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

fn framing(accept: Option<&str>) -> Option<Framing> {
    let Some(accept) = accept else {
        return Some(Framing {
            json: true,
            sse: false,
        });
    };
    let ranges: Vec<String> = accept.split(',').map(media_type).collect();
    let accepts = |candidates: &[&str]| {
        ranges
            .iter()
            .any(|range| candidates.contains(&range.as_str()))
    };
    let framing = Framing {
        json: accepts(&["application/json", "application/*", "*/*"]),
        sse: accepts(&["text/event-stream", "text/*", "*/*"]),
    };
    (framing.json || framing.sse).then_some(framing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_chooses_framing() {
        let framing_of = |json, sse| Some(Framing { json, sse });
        assert_eq!(framing(None), framing_of(true, false));
        assert_eq!(
            framing(Some("application/json, text/event-stream")),
            framing_of(true, true)
        );
        assert_eq!(framing(Some("text/event-stream")), framing_of(false, true));
        assert_eq!(framing(Some("text/plain")), None);
    }
}
