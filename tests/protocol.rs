//! Native integration tests of the `/mcp` endpoint: the product server
//! behind `mcp::http::serve`, request bytes in, status + JSON out. Covers
//! both wire eras and every transport-level refusal.

use kaltura_mcp::config::Config;
use kaltura_mcp::context::Context;
use kaltura_mcp::mcp::http::{serve, HttpRequest, HttpResponse};
use serde_json::{json, Value};
use std::rc::Rc;

const MODERN: &str = "2026-07-28";

struct Call {
    headers: Vec<(String, String)>,
    method: String,
    body: Vec<u8>,
}

fn post(body: Value) -> Call {
    Call {
        headers: vec![
            ("Content-Type".into(), "application/json".into()),
            (
                "Accept".into(),
                "application/json, text/event-stream".into(),
            ),
        ],
        method: "POST".into(),
        body: body.to_string().into_bytes(),
    }
}

/// A 2026-07-28 request with a valid `_meta` and matching headers.
fn modern(method: &str, mut params: Value) -> Call {
    params["_meta"] = json!({
        "io.modelcontextprotocol/protocolVersion": MODERN,
        "io.modelcontextprotocol/clientCapabilities": {},
        "io.modelcontextprotocol/clientInfo": {"name": "test", "version": "1"},
    });
    let name = params
        .get("name")
        .or(params.get("uri"))
        .and_then(Value::as_str)
        .map(String::from);
    let mut call = post(json!({"jsonrpc": "2.0", "id": 9, "method": method, "params": params}))
        .header("MCP-Protocol-Version", MODERN)
        .header("Mcp-Method", method);
    if let Some(name) = name {
        call = call.header("Mcp-Name", &name);
    }
    call
}

impl Call {
    fn header(mut self, name: &str, value: &str) -> Self {
        self.headers
            .retain(|(key, _)| !key.eq_ignore_ascii_case(name));
        self.headers.push((name.into(), value.into()));
        self
    }

    fn without(mut self, name: &str) -> Self {
        self.headers
            .retain(|(key, _)| !key.eq_ignore_ascii_case(name));
        self
    }

    fn raw_body(mut self, body: &[u8]) -> Self {
        self.body = body.to_vec();
        self
    }

    fn method(mut self, method: &str) -> Self {
        self.method = method.into();
        self
    }

    fn respond(self) -> HttpResponse {
        let config = Rc::new(Config::default());
        let server = Rc::new(kaltura_mcp::app::server());
        let request = HttpRequest {
            method: self.method,
            headers: self.headers,
            body: self.body,
        };
        let ctx = Context::new(config.clone());
        pollster::block_on(serve(
            &server,
            &config.http,
            ctx.shared_state(),
            ctx,
            &request,
        ))
    }

    fn send(self) -> (u16, Value, HttpResponse) {
        let response = self.respond();
        let body = if response.body.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&response.body).expect("every answer with a body is JSON")
        };
        (response.status, body, response)
    }
}

fn request(id: i64, method: &str, params: Value) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params})
}

#[test]
fn legacy_initialize_negotiates_versions() {
    for (asked, answered) in [
        ("2025-11-25", "2025-11-25"),
        ("2025-06-18", "2025-06-18"),
        ("2025-03-26", "2025-03-26"),
        ("2024-11-05", "2024-11-05"),
        ("2030-01-01", "2025-11-25"),
    ] {
        let (status, body, _) = post(request(1, "initialize", json!({
            "protocolVersion": asked, "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}
        })))
        .send();
        assert_eq!(status, 200);
        assert_eq!(body["result"]["protocolVersion"], answered, "asked {asked}");
        assert_eq!(body["result"]["serverInfo"]["name"], "kaltura-mcp");
        assert_eq!(
            body["result"]["capabilities"]["tools"]["listChanged"],
            false
        );
        assert!(
            body["result"].get("resultType").is_none(),
            "legacy results stay plain"
        );
    }
}

#[test]
fn session_is_issued_but_never_required() {
    let init = || request(1, "initialize", json!({"protocolVersion": "2025-11-25"}));
    let (_, _, first) = post(init()).send();
    let (_, _, second) = post(init()).send();
    let id = first
        .header("mcp-session-id")
        .expect("a session id at initialize");
    assert_eq!(id.len(), 32);
    assert!(id.bytes().all(|b| b.is_ascii_hexdigit()));
    assert_ne!(Some(id), second.header("mcp-session-id"));
    // A follow-up with no session id and no version header is served (as 2025-03-26).
    let (status, body, _) = post(request(2, "tools/list", json!({}))).send();
    assert_eq!(status, 200);
    let tools = body["result"]["tools"].as_array().expect("a tool list");
    assert!(tools.iter().any(|tool| tool["name"] == "get_server_info"));
}

#[test]
fn notifications_and_responses_get_202_without_body() {
    let (status, body, _) =
        post(json!({"jsonrpc": "2.0", "method": "notifications/initialized"})).send();
    assert_eq!((status, body), (202, Value::Null));
    let (status, _, _) = post(json!({"jsonrpc": "2.0", "id": 5, "result": {}})).send();
    assert_eq!(status, 202);
}

#[test]
fn ping_and_set_level_in_the_legacy_era() {
    let (_, body, _) = post(request(3, "ping", json!({})))
        .header("MCP-Protocol-Version", "2025-11-25")
        .send();
    assert_eq!(body["result"], json!({}));
    let (_, body, _) = post(request(4, "logging/setLevel", json!({"level": "warning"}))).send();
    assert_eq!(body["result"], json!({}));
    let (_, body, _) = post(request(5, "logging/setLevel", json!({"level": "loud"}))).send();
    assert_eq!(body["error"]["code"], -32602);
}

#[test]
fn demo_tool_call_returns_structured_and_text_content() {
    let (status, body, _) = post(request(
        6,
        "tools/call",
        json!({"name": "get_server_info", "arguments": {}}),
    ))
    .send();
    assert_eq!(status, 200);
    let result = &body["result"];
    assert_eq!(result["isError"], false);
    assert_eq!(result["structuredContent"]["name"], "kaltura-mcp");
    let versions = result["structuredContent"]["supportedProtocolVersions"]
        .as_array()
        .unwrap();
    assert!(versions.contains(&json!(MODERN)) && versions.contains(&json!("2024-11-05")));
    assert!(result["content"][0]["text"]
        .as_str()
        .unwrap()
        .contains("kaltura-mcp"));
}

#[test]
fn tool_argument_errors_are_results_and_unknown_tools_are_errors() {
    let (_, body, _) = post(request(
        7,
        "tools/call",
        json!({"name": "get_server_info", "arguments": {"verbose": true}}),
    ))
    .send();
    assert_eq!(body["result"]["isError"], true);
    assert!(body["result"]["content"][0]["text"]
        .as_str()
        .unwrap()
        .contains("verbose"));

    let (_, body, _) = post(request(
        8,
        "tools/call",
        json!({"name": "delete_everything"}),
    ))
    .send();
    assert_eq!(body["error"]["code"], -32602);
    assert_eq!(body["id"], 8);

    let (_, body, _) = post(request(
        8,
        "tools/call",
        json!({"name": "get_server_info", "arguments": 5}),
    ))
    .send();
    assert_eq!(body["error"]["code"], -32602);
}

#[test]
fn listed_tools_carry_schemas_and_read_only_annotation() {
    let (_, body, _) = post(request(1, "tools/list", json!({}))).send();
    for tool in body["result"]["tools"].as_array().unwrap() {
        assert_eq!(tool["inputSchema"]["type"], "object", "{tool}");
        assert_eq!(tool["outputSchema"]["type"], "object", "{tool}");
        assert_eq!(tool["annotations"]["readOnlyHint"], true, "{tool}");
        let name = tool["name"].as_str().unwrap();
        assert!(!name.is_empty() && name.len() <= 64, "{name}");
    }
}

#[test]
fn resources_and_prompts_are_listed_and_read() {
    let (_, body, _) = post(request(1, "resources/list", json!({}))).send();
    assert_eq!(
        body["result"]["resources"][0]["uri"],
        "kaltura://server/info"
    );
    let (_, body, _) = post(request(
        2,
        "resources/read",
        json!({"uri": "kaltura://server/info"}),
    ))
    .send();
    let text = body["result"]["contents"][0]["text"].as_str().unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(text).unwrap()["name"],
        "kaltura-mcp"
    );
    let (_, body, _) = post(request(
        3,
        "resources/read",
        json!({"uri": "kaltura://nope"}),
    ))
    .send();
    assert_eq!(
        body["error"]["code"], -32002,
        "legacy resource-not-found code"
    );
    let (_, body, _) = post(request(4, "resources/templates/list", json!({}))).send();
    assert!(body["result"]["resourceTemplates"].is_array());
    let (_, body, _) = post(request(5, "prompts/list", json!({}))).send();
    assert!(body["result"]["prompts"].is_array());
    let (_, body, _) = post(request(6, "prompts/get", json!({"name": "nope"}))).send();
    assert_eq!(body["error"]["code"], -32602);
}

#[test]
fn legacy_unknown_method_is_200_with_32601() {
    let (status, body, _) = post(request(11, "tools/destroy", json!({}))).send();
    assert_eq!(
        (status, body["error"]["code"].clone(), body["id"].clone()),
        (200, json!(-32601), json!(11))
    );
}

#[test]
fn batches_only_in_2025_03_26() {
    let batch = json!([request(1, "ping", json!({})), request(2, "tools/list", json!({})),
        {"jsonrpc": "2.0", "method": "notifications/initialized"}]);
    let (status, body, _) = post(batch.clone())
        .header("MCP-Protocol-Version", "2025-03-26")
        .send();
    assert_eq!(status, 200);
    let answers = body.as_array().unwrap();
    assert_eq!(answers.len(), 2);
    assert_eq!(
        (answers[0]["id"].clone(), answers[1]["id"].clone()),
        (json!(1), json!(2))
    );

    let (status, body, _) = post(batch)
        .header("MCP-Protocol-Version", "2025-06-18")
        .send();
    assert_eq!(
        (status, body["error"]["code"].clone()),
        (400, json!(-32600))
    );

    let init = json!([request(
        1,
        "initialize",
        json!({"protocolVersion": "2025-03-26"})
    )]);
    let (_, body, _) = post(init).send();
    assert_eq!(body[0]["error"]["code"], -32600);

    let (status, _, _) = post(json!([])).send();
    assert_eq!(status, 400);
}

#[test]
fn transport_refusals_have_status_and_jsonrpc_code() {
    let ping = request(1, "ping", json!({}));
    let cases: Vec<(&str, Call, u16, i64)> = vec![
        (
            "parse error",
            post(json!(null)).raw_body(b"{not json"),
            400,
            -32700,
        ),
        ("not json-rpc", post(json!({"foo": 1})), 400, -32600),
        (
            "wrong jsonrpc",
            post(json!({"jsonrpc": "1.0", "id": 1, "method": "ping"})),
            400,
            -32600,
        ),
        (
            "wrong accept",
            post(ping.clone()).header("Accept", "text/plain"),
            406,
            -32600,
        ),
        (
            "bad origin",
            post(ping.clone())
                .header("Origin", "http://evil.example.com")
                .header("Host", "evil.example.com"),
            403,
            -32600,
        ),
        (
            "oversized",
            post(ping.clone()).raw_body(&vec![b' '; 1024 * 1024 + 1]),
            413,
            -32600,
        ),
        (
            "declared oversized",
            post(ping.clone()).header("Content-Length", "5000000"),
            413,
            -32600,
        ),
        (
            "content type",
            post(ping.clone()).header("Content-Type", "text/plain"),
            415,
            -32600,
        ),
        (
            "bad version header",
            post(ping.clone()).header("MCP-Protocol-Version", "1999-01-01"),
            400,
            -32600,
        ),
        ("GET", post(ping.clone()).method("GET"), 405, -32600),
        ("DELETE", post(ping.clone()).method("DELETE"), 405, -32600),
    ];
    for (label, call, status, code) in cases {
        let (actual_status, body, response) = call.send();
        assert_eq!(actual_status, status, "{label}");
        assert_eq!(body["jsonrpc"], "2.0", "{label}");
        assert_eq!(body["error"]["code"], code, "{label}");
        assert_eq!(
            response.header("content-type"),
            Some("application/json"),
            "{label}"
        );
    }
    let (_, _, response) = post(ping).method("GET").send();
    assert_eq!(response.header("allow"), Some("POST, OPTIONS"));
}

#[test]
fn tolerated_accept_and_allowed_origins() {
    let ping = request(1, "ping", json!({}));
    for call in [
        post(ping.clone()).header("Accept", "application/json"),
        post(ping.clone()).without("Accept"),
        post(ping.clone()).without("Content-Type"),
        post(ping.clone()).header("Origin", "http://127.0.0.1:8787"),
        post(ping.clone()).header("Origin", "http://localhost:3000"),
        post(ping.clone())
            .header("Origin", "https://mcp.example.com")
            .header("Host", "mcp.example.com"),
    ] {
        assert_eq!(call.send().0, 200);
    }
    let (_, _, response) = post(ping.clone())
        .header("Origin", "http://localhost:3000")
        .send();
    assert_eq!(
        response.header("access-control-allow-origin"),
        Some("http://localhost:3000")
    );
}

#[test]
fn event_stream_only_clients_get_one_sse_message() {
    let response = post(request(1, "ping", json!({})))
        .header("Accept", "text/event-stream")
        .respond();
    assert_eq!(response.header("content-type"), Some("text/event-stream"));
    let text = String::from_utf8(response.body).unwrap();
    assert!(text.starts_with("event: message\ndata: {"), "{text}");
    assert!(text.ends_with("\n\n"));
}

#[test]
fn modern_discover_lists_versions_capabilities_and_cache_hints() {
    let (status, body, _) = modern("server/discover", json!({})).send();
    assert_eq!(status, 200);
    let result = &body["result"];
    assert_eq!(result["resultType"], "complete");
    assert_eq!(result["supportedVersions"][0], MODERN);
    assert!(result["supportedVersions"]
        .as_array()
        .unwrap()
        .contains(&json!("2025-11-25")));
    assert!(result["capabilities"]["tools"].is_object());
    assert!(
        result["capabilities"].get("logging").is_none(),
        "logging is legacy-only here"
    );
    assert_eq!(
        result["_meta"]["io.modelcontextprotocol/serverInfo"]["name"],
        "kaltura-mcp"
    );
    assert!(result["ttlMs"].is_u64());
    assert_eq!(result["cacheScope"], "public");
}

#[test]
fn modern_lists_reads_and_calls_are_decorated() {
    for method in [
        "tools/list",
        "prompts/list",
        "resources/list",
        "resources/templates/list",
    ] {
        let (status, body, _) = modern(method, json!({})).send();
        assert_eq!(status, 200, "{method}");
        assert_eq!(body["result"]["resultType"], "complete", "{method}");
        assert!(body["result"]["ttlMs"].is_u64(), "{method}");
        assert!(body["result"]["cacheScope"].is_string(), "{method}");
    }
    let (_, body, _) = modern("resources/read", json!({"uri": "kaltura://server/info"})).send();
    assert!(body["result"]["ttlMs"].is_u64());
    let (_, body, _) = modern(
        "tools/call",
        json!({"name": "get_server_info", "arguments": {}}),
    )
    .send();
    assert_eq!(body["result"]["resultType"], "complete");
    assert_eq!(body["result"]["structuredContent"]["name"], "kaltura-mcp");
    assert!(
        body["result"].get("ttlMs").is_none(),
        "tool results carry no cache hint"
    );
    let (_, body, _) = modern("resources/read", json!({"uri": "kaltura://nope"})).send();
    assert_eq!(
        body["error"]["code"], -32602,
        "2026-07-28 folds not-found into invalid params"
    );
}

#[test]
fn modern_envelope_errors() {
    // Missing _meta pieces: 400 / -32602.
    let no_meta = post(request(1, "server/discover", json!({})))
        .header("MCP-Protocol-Version", MODERN)
        .header("Mcp-Method", "server/discover");
    let (status, body, _) = no_meta.send();
    assert_eq!(
        (status, body["error"]["code"].clone(), body["id"].clone()),
        (400, json!(-32602), json!(1))
    );

    let mut no_caps = modern("tools/list", json!({}));
    let mut parsed: Value = serde_json::from_slice(&no_caps.body).unwrap();
    parsed["params"]["_meta"]
        .as_object_mut()
        .unwrap()
        .remove("io.modelcontextprotocol/clientCapabilities");
    no_caps.body = parsed.to_string().into_bytes();
    assert_eq!(no_caps.send().1["error"]["code"], -32602);

    // Header mismatches: 400 / -32020.
    for call in [
        modern("tools/list", json!({})).without("Mcp-Method"),
        modern("tools/list", json!({})).header("Mcp-Method", "prompts/list"),
        modern("tools/call", json!({"name": "get_server_info"})).without("Mcp-Name"),
        modern("tools/call", json!({"name": "get_server_info"})).header("Mcp-Name", "other"),
        modern("tools/list", json!({})).without("MCP-Protocol-Version"),
    ] {
        let (status, body, _) = call.send();
        assert_eq!(
            (status, body["error"]["code"].clone()),
            (400, json!(-32020))
        );
    }
    // The base64 sentinel form of Mcp-Name is decoded before comparing.
    let encoded = modern("tools/call", json!({"name": "get_server_info"}))
        .header("Mcp-Name", "=?base64?Z2V0X3NlcnZlcl9pbmZv?=");
    assert_eq!(encoded.send().0, 200);

    // Unsupported version: 400 / -32022 with supported + requested.
    let mut future = modern("tools/list", json!({})).header("MCP-Protocol-Version", "2099-01-01");
    let mut parsed: Value = serde_json::from_slice(&future.body).unwrap();
    parsed["params"]["_meta"]["io.modelcontextprotocol/protocolVersion"] = json!("2099-01-01");
    future.body = parsed.to_string().into_bytes();
    let (status, body, _) = future.send();
    assert_eq!(
        (status, body["error"]["code"].clone()),
        (400, json!(-32022))
    );
    assert_eq!(body["error"]["data"]["requested"], "2099-01-01");
    assert!(body["error"]["data"]["supported"]
        .as_array()
        .unwrap()
        .contains(&json!(MODERN)));

    // Unknown and legacy-only methods: 404 / -32601.
    for method in [
        "unknown/method",
        "initialize",
        "ping",
        "logging/setLevel",
        "resources/subscribe",
    ] {
        let (status, body, _) = modern(method, json!({})).send();
        assert_eq!(
            (status, body["error"]["code"].clone()),
            (404, json!(-32601)),
            "{method}"
        );
        assert_eq!(body["id"], 9);
    }
}

#[test]
fn list_results_are_identical_across_calls() {
    let first = post(request(1, "tools/list", json!({}))).send().1;
    let second = post(request(1, "tools/list", json!({})))
        .header("Mcp-Session-Id", "someone-else")
        .send()
        .1;
    assert_eq!(first, second);
}
