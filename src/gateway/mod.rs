//! Every HTTP route the worker serves besides its static page, as one
//! pure function: `/mcp` (behind the auth gate), `/api/tokens`, the OAuth
//! endpoints and their metadata, `/health` and `/metrics`. The worker only
//! translates requests and responses; `None` means "not ours" (the static
//! page answers). Every request of ours is measured and logged through the
//! isolate's [`Monitor`].

mod api_tokens;

use crate::auth::form;
use crate::auth::gate::{self, RateLimiter};
use crate::auth::oauth::{self, Reply};
use crate::auth::store::TokenStore;
use crate::config::Config;
use crate::context::Context;
use crate::kaltura::SessionCache;
use crate::mcp::http::{self, HttpRequest, HttpResponse};
use crate::mcp::server::Server;
use crate::monitor::{health, peek, probe, Finished, Monitor, Trace};
use crate::platform::{Clock, Ports};
use serde_json::json;
use sha2::Digest;
use std::rc::Rc;

/// A request as the worker received it.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    /// Absolute: `https://host/path?query`.
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

/// What one isolate keeps between requests.
#[derive(Default)]
pub struct Isolate {
    /// KSs of the configured account.
    pub sessions: Rc<SessionCache>,
    pub limiter: RateLimiter,
    /// Figures, logs and health-check cache of this isolate.
    pub monitor: Rc<Monitor>,
}

/// Routes as metric labels: a bounded set, whatever path was asked for.
const ROUTES: &[&str] = &[
    "/mcp",
    "/health",
    "/metrics",
    "/api/tokens",
    "/api/tokens/current",
    "/authorize",
    "/token",
    "/register",
    "/revoke",
    "/.well-known/oauth-protected-resource",
    "/.well-known/oauth-protected-resource/mcp",
    "/.well-known/oauth-authorization-server",
];

/// `(origin, path, query)` of an absolute URL.
fn split_url(url: &str) -> (String, String, String) {
    let (scheme, rest) = url.split_once("://").unwrap_or(("https", url));
    let (authority, tail) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let (path, query) = tail.split_once('?').unwrap_or((tail, ""));
    let path = if path.is_empty() { "/" } else { path };
    (
        format!("{scheme}://{authority}"),
        path.to_owned(),
        query.to_owned(),
    )
}

/// Answers a request of ours (`None`: not ours), measured and logged.
pub async fn handle(
    server: &Rc<Server<Context>>,
    config: Rc<Config>,
    ports: Ports,
    isolate: &Isolate,
    request: Request,
) -> Option<HttpResponse> {
    let (_, path, _) = split_url(&request.url);
    let route = ROUTES.iter().copied().find(|route| *route == path)?;
    let monitor = isolate.monitor.clone();
    let started = ports.clock.now_millis();
    monitor.note_start(started);
    let trace = Rc::new(Trace::begin(
        http::find_header(&request.headers, "cf-ray"),
        started,
    ));
    let ports = probe::instrument(ports, &monitor, &trace, &config.monitor);
    let rpc = (route == "/mcp" && request.method.eq_ignore_ascii_case("POST"))
        .then(|| peek::peek(&request.body));
    let method = request.method.to_ascii_uppercase();
    let response = route_request(
        server,
        config.clone(),
        ports.clone(),
        isolate,
        &trace,
        request,
    )
    .await
    .unwrap_or_else(|| into_response(Reply::Json(404, json!({"error": "not_found"}))));
    let tool_error = rpc.as_ref().and_then(|rpc| rpc.method) == Some("tools/call")
        && response.status == 200
        && contains(&response.body, br#""isError":true"#);
    let finished = Finished {
        method: &method,
        route,
        rpc: rpc.as_ref(),
        status: response.status,
        tool_error,
        finished_millis: ports.clock.now_millis(),
    };
    monitor.finish(&trace, finished, &config.monitor);
    Some(response)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

async fn route_request(
    server: &Rc<Server<Context>>,
    config: Rc<Config>,
    ports: Ports,
    isolate: &Isolate,
    trace: &Trace,
    request: Request,
) -> Option<HttpResponse> {
    let (request_origin, path, query) = split_url(&request.url);
    // Links and metadata name the configured public origin: the request's
    // own comes from its Host header, which the client chooses.
    let base = config.auth.public_url.clone().unwrap_or(request_origin);
    let store = TokenStore::new(
        ports.kv.clone(),
        ports.clock.clone(),
        config
            .auth
            .token_secret
            .as_ref()
            .map(|secret| secret.expose()),
    );
    let ctx = Context::with_ports(config.clone(), ports.clone(), isolate.sessions.clone());
    let method = request.method.to_ascii_uppercase();
    let oauth_route = matches!(
        path.as_str(),
        "/.well-known/oauth-protected-resource"
            | "/.well-known/oauth-protected-resource/mcp"
            | "/.well-known/oauth-authorization-server"
            | "/register"
            | "/token"
            | "/revoke"
    );
    if method == "OPTIONS" && oauth_route {
        return Some(cors(HttpResponse {
            status: 204,
            headers: vec![
                (
                    "Access-Control-Allow-Methods".into(),
                    "GET, POST, OPTIONS".into(),
                ),
                (
                    "Access-Control-Allow-Headers".into(),
                    "Content-Type, Authorization, MCP-Protocol-Version".into(),
                ),
                ("Access-Control-Max-Age".into(), "86400".into()),
            ],
            body: Vec::new(),
            stream: None,
        }));
    }
    // Endpoints anyone may call that write or check credentials are limited
    // per client address, like `/mcp` is per token.
    let writes = method == "POST"
        && matches!(
            path.as_str(),
            "/api/tokens" | "/register" | "/authorize" | "/token"
        );
    if writes {
        let address = http::find_header(&request.headers, "cf-connecting-ip").unwrap_or("unknown");
        let now = ports.clock.now_secs();
        if let Err(limited) = isolate.limiter.check(
            &format!("ip:{address}"),
            config.auth.rate_limit_per_minute,
            now,
        ) {
            trace.rate_limited();
            return Some(if oauth_route { cors(limited) } else { limited });
        }
    }
    let reply = match (method.as_str(), path.as_str()) {
        (_, "/mcp") => return Some(mcp(server, ctx, &store, isolate, trace, &base, request).await),
        ("GET", "/health") => return Some(health::report(&isolate.monitor, &config, &ports).await),
        ("GET", "/metrics") => {
            return Some(metrics(&isolate.monitor, &config, &ports, &request.headers))
        }
        (
            "GET",
            "/.well-known/oauth-protected-resource" | "/.well-known/oauth-protected-resource/mcp",
        ) => Reply::Json(200, oauth::protected_resource_metadata(&base)),
        ("GET", "/.well-known/oauth-authorization-server") => {
            Reply::Json(200, oauth::authorization_server_metadata(&base))
        }
        ("POST", "/register") => oauth::register(&store, &request.body).await,
        ("GET", "/authorize") => {
            let params = form::parse(&query);
            match oauth::check_authorization(&ctx, &store, &base, &params).await {
                oauth::Checked::Ok(authorization) => {
                    oauth::consent_page(&authorization, config.kaltura.service_url.as_str(), None)
                }
                oauth::Checked::Page(reply) => reply,
            }
        }
        ("POST", "/authorize") => {
            let params = form::parse(&String::from_utf8_lossy(&request.body));
            oauth::consent(&ctx, &store, &base, &params).await
        }
        ("POST", "/token") => {
            oauth::token(
                &store,
                &base,
                &form::parse(&String::from_utf8_lossy(&request.body)),
            )
            .await
        }
        ("POST", "/revoke") => {
            oauth::revoke(
                &store,
                &form::parse(&String::from_utf8_lossy(&request.body)),
            )
            .await
        }
        ("POST", "/api/tokens") => api_tokens::mint(&ctx, &store, &base, &request.body).await,
        ("GET", "/api/tokens/current") => api_tokens::describe(&store, &request.headers).await,
        ("DELETE", "/api/tokens/current") => {
            api_tokens::revoke_current(&store, &request.headers).await
        }
        (
            _,
            "/api/tokens"
            | "/api/tokens/current"
            | "/register"
            | "/token"
            | "/revoke"
            | "/authorize"
            | "/health"
            | "/metrics",
        ) => Reply::Json(
            405,
            json!({"error": "method_not_allowed", "error_description": format!("{method} is not allowed on {path}")}),
        ),
        _ if oauth_route => Reply::Json(405, json!({"error": "method_not_allowed"})),
        _ => return None,
    };
    let response = into_response(reply);
    Some(if oauth_route {
        cors(response)
    } else {
        response
    })
}

/// `/metrics`: this isolate's figures, behind `METRICS_TOKEN` when set.
fn metrics(
    monitor: &Monitor,
    config: &Config,
    ports: &Ports,
    headers: &[(String, String)],
) -> HttpResponse {
    if let Some(expected) = &config.monitor.metrics_token {
        let given = gate::bearer_token(headers).unwrap_or_default();
        // Digests compared, so the comparison's time says nothing of the token.
        let digest = |text: &str| sha2::Sha256::digest(text.as_bytes());
        if digest(given) != digest(expected.expose()) {
            let mut refused = into_response(Reply::Json(
                401,
                json!({"error": "unauthorized", "message": "send Authorization: Bearer <METRICS_TOKEN>"}),
            ));
            refused
                .headers
                .push(("WWW-Authenticate".into(), "Bearer realm=\"metrics\"".into()));
            return refused;
        }
    }
    HttpResponse {
        status: 200,
        headers: vec![
            (
                "Content-Type".into(),
                "text/plain; version=0.0.4; charset=utf-8".into(),
            ),
            ("Cache-Control".into(), "no-store".into()),
        ],
        body: monitor
            .render_metrics(ports.clock.now_millis())
            .into_bytes(),
        stream: None,
    }
}

/// Why the gate refused a request, as a metric label.
fn refusal_reason(refusal: &HttpResponse, headers: &[(String, String)]) -> &'static str {
    match refusal.status {
        401 if gate::bearer_token(headers).is_some() => "invalid_token",
        401 if http::find_header(headers, "authorization").is_some() => "malformed_authorization",
        401 => "missing_credentials",
        400 => "invalid_header_credentials",
        503 => "token_storage_unavailable",
        _ => "other",
    }
}

async fn mcp(
    server: &Rc<Server<Context>>,
    ctx: Context,
    store: &TokenStore,
    isolate: &Isolate,
    trace: &Trace,
    base: &str,
    request: Request,
) -> HttpResponse {
    let admitted = match gate::admit(&ctx, store, base, &request.headers).await {
        Ok(admitted) => admitted,
        Err(refusal) => {
            trace.auth_failure(refusal_reason(&refusal, &request.headers));
            return refusal;
        }
    };
    let now = ctx.ports.clock.now_secs();
    if let Err(limited) = isolate.limiter.check(
        &admitted.identity,
        ctx.config.auth.rate_limit_per_minute,
        now,
    ) {
        trace.rate_limited();
        return limited;
    }
    let ctx = match admitted.account {
        Some(account) => ctx.for_account(account),
        None => ctx,
    };
    trace.set_partner(
        ctx.credentials()
            .map(|credentials| credentials.partner_id().get()),
    );
    let policy = ctx.config.http.clone();
    let core = HttpRequest {
        method: request.method,
        headers: request.headers,
        body: request.body,
    };
    let shared = ctx.shared_state();
    let mut response = http::serve(server, &policy, shared, ctx, &core).await;
    // An answer depends on who asked: never reuse one across tokens.
    response
        .headers
        .push(("Vary".into(), "Authorization".into()));
    response
}

fn into_response(reply: Reply) -> HttpResponse {
    let no_store = ("Cache-Control".to_owned(), "no-store".to_owned());
    match reply {
        Reply::Json(status, value) => HttpResponse {
            status,
            headers: vec![("Content-Type".into(), "application/json".into()), no_store],
            body: serde_json::to_vec(&value).unwrap_or_default(),
            stream: None,
        },
        Reply::Html(status, html) => HttpResponse {
            status,
            headers: vec![
                ("Content-Type".into(), "text/html; charset=utf-8".into()),
                no_store,
                // The consent page runs no script and may not be framed. No
                // form-action: browsers apply it to the redirect that follows
                // the form too, and that goes to the MCP client's redirect_uri.
                (
                    "Content-Security-Policy".into(),
                    "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'".into(),
                ),
                ("X-Frame-Options".into(), "DENY".into()),
            ],
            body: html.into_bytes(),
            stream: None,
        },
        Reply::Redirect(location) => HttpResponse {
            status: 302,
            headers: vec![("Location".into(), location), no_store],
            body: Vec::new(),
            stream: None,
        },
        Reply::Empty(status) => HttpResponse {
            status,
            headers: vec![no_store],
            body: Vec::new(),
            stream: None,
        },
    }
}

fn cors(mut response: HttpResponse) -> HttpResponse {
    response
        .headers
        .push(("Access-Control-Allow-Origin".into(), "*".into()));
    response
}

#[cfg(test)]
mod tests;
