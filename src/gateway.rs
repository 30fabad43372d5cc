//! Every HTTP route the worker serves besides its static page, as one
//! pure function: `/mcp` (behind the auth gate), `/api/tokens`, the OAuth
//! endpoints and their metadata, `/health` and `/metrics`. The worker only
//! translates requests and responses; `None` means "not ours" (the static
//! page answers). Every request of ours is measured and logged through the
//! isolate's [`Monitor`].

use crate::auth::gate::{self, RateLimiter};
use crate::auth::oauth::{self, Reply};
use crate::auth::store::{StoreError, TokenStore};
use crate::auth::tokens::{self, CredentialInput, Described, Minted};
use crate::auth::{form, store::Kind};
use crate::config::Config;
use crate::context::Context;
use crate::kaltura::SessionCache;
use crate::mcp::http::{self, HttpRequest, HttpResponse};
use crate::mcp::server::Server;
use crate::monitor::{health, peek, probe, Finished, Monitor, Trace};
use crate::platform::{Clock, Ports};
use serde_json::{json, Value};
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
    let (base, path, query) = split_url(&request.url);
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
        ("POST", "/api/tokens") => mint(&ctx, &store, &base, &request.body).await,
        ("GET", "/api/tokens/current") => describe(&store, &request.headers).await,
        ("DELETE", "/api/tokens/current") => revoke_current(&store, &request.headers).await,
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

async fn mint(ctx: &Context, store: &TokenStore, base: &str, body: &[u8]) -> Reply {
    let input: CredentialInput = match serde_json::from_slice(body) {
        Ok(input) => input,
        Err(error) => {
            return Reply::Json(
                400,
                json!({"error": "invalid_request", "message": format!("the body must be a JSON object of serviceUrl, partnerId, adminSecret or ks, userId, expiresIn: {error}")}),
            )
        }
    };
    let grant = match input.into_grant(ctx).await {
        Ok(grant) => grant,
        Err(error) => {
            let status = if error.upstream { 502 } else { 400 };
            return Reply::Json(
                status,
                json!({"error": "invalid_credentials", "field": error.field, "message": error.message}),
            );
        }
    };
    match tokens::mint(store, &grant).await {
        Ok(token) => Reply::Json(
            201,
            serde_json::to_value(Minted {
                token,
                expires_at: crate::time::format_utc(grant.expires_at as i64),
                mcp_url: format!("{base}/mcp"),
            })
            .unwrap_or(Value::Null),
        ),
        Err(error) => store_failure(error),
    }
}

fn store_failure(error: StoreError) -> Reply {
    match error {
        StoreError::NotFound => Reply::Json(
            401,
            json!({"error": "invalid_token", "message": "unknown, expired or revoked token"}),
        ),
        other => Reply::Json(
            503,
            json!({"error": "unavailable", "message": other.to_string()}),
        ),
    }
}

async fn describe(store: &TokenStore, headers: &[(String, String)]) -> Reply {
    let Some(token) = gate::bearer_token(headers) else {
        return store_failure(StoreError::NotFound);
    };
    match store
        .open::<crate::auth::grant::Grant>(Kind::Access, token)
        .await
    {
        Ok(grant) => Reply::Json(
            200,
            serde_json::to_value(Described::of(&grant)).unwrap_or(Value::Null),
        ),
        Err(error) => store_failure(error),
    }
}

async fn revoke_current(store: &TokenStore, headers: &[(String, String)]) -> Reply {
    let Some(token) = gate::bearer_token(headers) else {
        return store_failure(StoreError::NotFound);
    };
    // Only a live token may revoke itself; the answer is the same 401 otherwise.
    match store.revoke(Kind::Access, token).await {
        Ok(()) => Reply::Empty(204),
        Err(error) => store_failure(error),
    }
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
mod tests {
    use super::*;
    use crate::platform::{
        ManualClock, MemoryKv, OutboundRequest, OutboundResponse, TransportError,
    };

    struct Offline;

    impl crate::platform::Http for Offline {
        async fn send(&self, _: OutboundRequest) -> Result<OutboundResponse, TransportError> {
            Err(TransportError::Connect("offline".into()))
        }
    }

    /// A multi-tenant deployment at https://mcp.example, no network.
    struct Deployment {
        server: Rc<Server<Context>>,
        config: Rc<Config>,
        ports: Ports,
        isolate: Isolate,
    }

    impl Deployment {
        fn new() -> Self {
            Deployment::with(&[])
        }

        /// With more variables than `TOKEN_SECRET`.
        fn with(vars: &[(&str, &str)]) -> Self {
            let config = Config::from_vars(|name| {
                if name == "TOKEN_SECRET" {
                    return Some("test-secret-0123456789".to_owned());
                }
                vars.iter()
                    .find(|(key, _)| *key == name)
                    .map(|(_, value)| value.to_string())
            })
            .unwrap();
            Deployment {
                server: Rc::new(crate::app::server()),
                config: Rc::new(config),
                ports: Ports::new(
                    Offline,
                    ManualClock::at_secs(1_800_000_000),
                    MemoryKv::default(),
                ),
                isolate: Isolate::default(),
            }
        }

        fn send(&self, method: &str, path: &str, body: &str) -> Option<HttpResponse> {
            let request = Request {
                method: method.into(),
                url: format!("https://mcp.example{path}"),
                headers: vec![("Content-Type".into(), "application/json".into())],
                body: body.as_bytes().to_vec(),
            };
            pollster::block_on(handle(
                &self.server,
                self.config.clone(),
                self.ports.clone(),
                &self.isolate,
                request,
            ))
        }

        fn json(&self, method: &str, path: &str, body: &str) -> (u16, Value) {
            let response = self.send(method, path, body).expect("a gateway route");
            let value = serde_json::from_slice(&response.body).unwrap_or(Value::Null);
            (response.status, value)
        }
    }

    #[test]
    fn metadata_is_public_and_cors_enabled() {
        let deployment = Deployment::new();
        let response = deployment
            .send("GET", "/.well-known/oauth-protected-resource/mcp", "")
            .unwrap();
        assert_eq!(response.status, 200);
        assert_eq!(response.header("Access-Control-Allow-Origin"), Some("*"));
        let (_, metadata) = deployment.json("GET", "/.well-known/oauth-authorization-server", "");
        assert_eq!(metadata["issuer"], "https://mcp.example");
        assert_eq!(
            metadata["code_challenge_methods_supported"],
            json!(["S256"])
        );
        let preflight = deployment.send("OPTIONS", "/token", "").unwrap();
        assert_eq!(preflight.status, 204);
        assert!(
            deployment.send("GET", "/index.html", "").is_none(),
            "static files are not ours"
        );
    }

    #[test]
    fn mcp_without_a_token_is_401_on_a_multi_tenant_deployment() {
        let deployment = Deployment::new();
        let response = deployment
            .send(
                "POST",
                "/mcp",
                r#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#,
            )
            .unwrap();
        assert_eq!(response.status, 401);
        assert!(response
            .header("WWW-Authenticate")
            .unwrap()
            .contains("https://mcp.example/.well-known/oauth-protected-resource/mcp"));
    }

    #[test]
    fn authorize_checks_client_redirect_and_pkce_before_consent() {
        let deployment = Deployment::new();
        let (status, client) = deployment.json(
            "POST",
            "/register",
            r#"{"client_name":"<b>App</b>","redirect_uris":["https://app.example/cb"]}"#,
        );
        assert_eq!(status, 201);
        let id = client["client_id"].as_str().unwrap();
        let base = format!("/authorize?response_type=code&client_id={id}&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&state=s1");
        let unknown = deployment
            .send(
                "GET",
                "/authorize?response_type=code&client_id=kc_nobody",
                "",
            )
            .unwrap();
        assert_eq!(unknown.status, 400);
        let foreign = deployment.send("GET", &format!("/authorize?response_type=code&client_id={id}&redirect_uri=https%3A%2F%2Fevil.example%2Fcb"), "").unwrap();
        assert_eq!(foreign.status, 400, "never redirect to an unregistered URI");
        let no_pkce = deployment.send("GET", &base, "").unwrap();
        assert_eq!(no_pkce.status, 302);
        let location = no_pkce.header("Location").unwrap();
        assert!(
            location.starts_with("https://app.example/cb?error=invalid_request")
                && location.contains("state=s1"),
            "{location}"
        );
        let consent = deployment
            .send(
                "GET",
                &format!("{base}&code_challenge=abc&code_challenge_method=S256"),
                "",
            )
            .unwrap();
        assert_eq!(consent.status, 200);
        let page = String::from_utf8(consent.body).unwrap();
        assert!(
            page.contains("&lt;b&gt;App&lt;/b&gt;") && !page.contains("<b>App</b>"),
            "the client name is escaped"
        );
        assert!(page.contains("name=\"code_challenge\" value=\"abc\""));
        // The browser page can finish the same request.
        assert!(
            page.contains(&format!("href=\"/?client_id={id}&amp;redirect_uri=https%3A%2F%2Fapp.example%2Fcb&amp;state=s1&amp;code_challenge=abc&amp;")),
            "{page}"
        );
        assert!(consent
            .headers
            .iter()
            .any(|(k, v)| k == "Content-Security-Policy" && v.contains("frame-ancestors 'none'")));
        let wrong_target = deployment.send("GET", &format!("{base}&code_challenge=abc&code_challenge_method=S256&resource=https%3A%2F%2Fother.example%2Fmcp"), "").unwrap();
        assert!(wrong_target
            .header("Location")
            .unwrap()
            .contains("error=invalid_target"));
    }

    #[test]
    fn token_and_register_refuse_garbage_clearly() {
        let deployment = Deployment::new();
        for (path, body, error) in [
            ("/token", "", "invalid_request"),
            (
                "/token",
                "grant_type=password&username=x",
                "unsupported_grant_type",
            ),
            (
                "/token",
                "grant_type=authorization_code&code=kmcp_nope&code_verifier=x",
                "invalid_grant",
            ),
            (
                "/token",
                "grant_type=refresh_token&refresh_token=garbage",
                "invalid_grant",
            ),
            ("/register", "not json", "invalid_client_metadata"),
            (
                "/register",
                r#"{"redirect_uris":["javascript:alert(1)"]}"#,
                "invalid_redirect_uri",
            ),
        ] {
            let (status, answer) = deployment.json("POST", path, body);
            assert_eq!(
                (status, answer["error"].as_str()),
                (400, Some(error)),
                "{path} {body}"
            );
        }
        let (status, answer) = deployment.json("POST", "/api/tokens", r#"{"partnerId":"x"}"#);
        assert_eq!((status, answer["field"].as_str()), (400, Some("partnerId")));
        let (status, _) = deployment.json("GET", "/api/tokens/current", "");
        assert_eq!(status, 401);
        let (status, _) = deployment.json("PUT", "/api/tokens", "");
        assert_eq!(status, 405);
    }

    #[test]
    fn health_and_metrics_describe_this_isolate() {
        let deployment = Deployment::with(&[("METRICS_TOKEN", "m3trics")]);
        let (status, health) = deployment.json("GET", "/health", "");
        // KV answers; Kaltura (offline here) does not: degraded, still 200.
        assert_eq!(status, 200, "{health}");
        assert_eq!(health["status"], "degraded");
        assert_eq!(health["checks"]["kv"]["result"]["ok"], true);
        assert_eq!(health["checks"]["kaltura"]["result"]["ok"], false);
        assert_eq!(health["version"], env!("CARGO_PKG_VERSION"));
        deployment.send(
            "POST",
            "/mcp",
            r#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#,
        );

        let (status, _) = deployment.json("GET", "/metrics", "");
        assert_eq!(status, 401, "the token is required once set");
        let request = Request {
            method: "GET".into(),
            url: "https://mcp.example/metrics".into(),
            headers: vec![("Authorization".into(), "Bearer m3trics".into())],
            body: Vec::new(),
        };
        let response = pollster::block_on(handle(
            &deployment.server,
            deployment.config.clone(),
            deployment.ports.clone(),
            &deployment.isolate,
            request,
        ))
        .unwrap();
        assert_eq!(response.status, 200);
        let text = String::from_utf8(response.body).unwrap();
        let isolate = &deployment.isolate.monitor.isolate;
        for expected in [
            format!("kaltura_mcp_requests_total{{route=\"/health\",status=\"200\",isolate=\"{isolate}\"}} 1"),
            format!("kaltura_mcp_auth_failures_total{{reason=\"missing_credentials\",isolate=\"{isolate}\"}} 1"),
            format!("kaltura_mcp_kaltura_round_trips_total{{outcome=\"transport_error\",isolate=\"{isolate}\"}} 1"),
            "# HELP kaltura_mcp_requests_total HTTP requests by route and status (this isolate).".to_owned(),
        ] {
            assert!(text.contains(&expected), "{expected} in\n{text}");
        }
        let logs = deployment.isolate.monitor.take_logs();
        assert!(logs.iter().any(|line| line
            .text
            .contains("\"authFailure\":\"missing_credentials\"")));
        assert!(logs.iter().all(|line| !line.text.contains("m3trics")));
    }

    #[test]
    fn urls_split_into_origin_path_and_query() {
        assert_eq!(
            split_url("https://mcp.example:8443/authorize?a=1&b=2"),
            (
                "https://mcp.example:8443".into(),
                "/authorize".into(),
                "a=1&b=2".into()
            )
        );
        assert_eq!(
            split_url("http://127.0.0.1:8787"),
            ("http://127.0.0.1:8787".into(), "/".into(), String::new())
        );
    }
}
