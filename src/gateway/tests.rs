//! The gateway end to end over in-memory ports: routing, auth, OAuth,
//! tokens, health and metrics.

use super::*;
use crate::platform::{ManualClock, MemoryKv, OutboundRequest, OutboundResponse, TransportError};
use serde_json::Value;

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
fn a_configured_account_serves_anonymous_callers_only_by_opt_in() {
    let account = [
        ("KALTURA_PARTNER_ID", "4815162"),
        ("KALTURA_ADMIN_SECRET", "400b2dcd3d0dc3be1c7650bd04b02bf9"),
    ];
    let ping = r#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#;
    let closed = Deployment::with(&account);
    assert_eq!(closed.send("POST", "/mcp", ping).unwrap().status, 401);
    let open = Deployment::with(&[account[0], account[1], ("ALLOW_ANONYMOUS", "true")]);
    assert_eq!(open.send("POST", "/mcp", ping).unwrap().status, 200);
}

#[test]
fn metadata_names_the_configured_public_url_not_the_host_header() {
    let deployment = Deployment::with(&[("PUBLIC_URL", "https://mcp.real.example")]);
    let (_, metadata) = deployment.json("GET", "/.well-known/oauth-authorization-server", "");
    assert_eq!(metadata["issuer"], "https://mcp.real.example");
    let (_, resource) = deployment.json("GET", "/.well-known/oauth-protected-resource", "");
    assert_eq!(resource["resource"], "https://mcp.real.example/mcp");
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
