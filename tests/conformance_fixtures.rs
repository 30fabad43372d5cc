//! The protocol features the conformance fixtures exercise, natively and
//! through `mcp::http::serve`: notifications on an event stream, log
//! levels per era, asking a legacy client on a live stream, multi-round
//! `input_required` with sealed state, -32021, `subscriptions/listen`, and
//! binary resources. One in-memory KV plays the part of workers' KV.

use base64::Engine as _;
use futures_util::StreamExt;
use kaltura_mcp::config::Config;
use kaltura_mcp::context::Context;
use kaltura_mcp::mcp::http::{serve, HttpRequest, HttpResponse};
use kaltura_mcp::mcp::server::Server;
use serde_json::{json, Value};
use std::rc::Rc;

struct Fixtures {
    server: Rc<Server<Context>>,
    /// Cloned per request: every clone shares its in-memory KV.
    context: Context,
}

impl Fixtures {
    fn new() -> Self {
        let config = Config::from_vars(|name| match name {
            "CONFORMANCE_FIXTURES" => Some("true".into()),
            "TOKEN_SECRET" => Some("fixture-test-secret-0123456789".into()),
            _ => None,
        })
        .unwrap();
        Fixtures {
            server: Rc::new(kaltura_mcp::app::server_for(&config)),
            context: Context::new(Rc::new(config)),
        }
    }

    fn send(&self, headers: Vec<(&str, &str)>, body: Value) -> HttpResponse {
        let ctx = self.context.clone();
        let request = HttpRequest {
            method: "POST".into(),
            headers: headers
                .into_iter()
                .map(|(name, value)| (name.to_owned(), value.to_owned()))
                .collect(),
            body: body.to_string().into_bytes(),
        };
        let shared = ctx.shared_state();
        let policy = ctx.config.http.clone();
        pollster::block_on(serve(&self.server, &policy, shared, ctx, &request))
    }

    /// A legacy (2025-11-25) request, accepting JSON and event streams.
    fn legacy(&self, method: &str, params: Value, extra: Vec<(&str, &str)>) -> HttpResponse {
        let mut headers = vec![
            ("Content-Type", "application/json"),
            ("Accept", "application/json, text/event-stream"),
            ("MCP-Protocol-Version", "2025-11-25"),
        ];
        for (name, value) in extra {
            headers.retain(|(known, _)| !known.eq_ignore_ascii_case(name));
            headers.push((name, value));
        }
        let body = json!({ "jsonrpc": "2.0", "id": 1, "method": method, "params": params });
        self.send(headers, body)
    }

    /// A 2026-07-28 request with the given client capabilities and extra `_meta`.
    fn modern(&self, method: &str, mut params: Value, capabilities: Value) -> HttpResponse {
        let name = params["name"]
            .as_str()
            .or(params["uri"].as_str())
            .map(str::to_owned);
        let meta = params["_meta"].take();
        params["_meta"] = json!({
            "io.modelcontextprotocol/protocolVersion": "2026-07-28",
            "io.modelcontextprotocol/clientCapabilities": capabilities,
        });
        if let Some(extra) = meta.as_object() {
            for (key, value) in extra {
                params["_meta"][key] = value.clone();
            }
        }
        let mut headers = vec![
            ("Content-Type", "application/json"),
            ("Accept", "application/json, text/event-stream"),
            ("MCP-Protocol-Version", "2026-07-28"),
            ("Mcp-Method", method),
        ];
        if let Some(name) = &name {
            headers.push(("Mcp-Name", name));
        }
        let body = json!({ "jsonrpc": "2.0", "id": 7, "method": method, "params": params });
        self.send(headers, body)
    }
}

/// The JSON-RPC messages of an SSE body.
fn events(body: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(body)
        .lines()
        .filter_map(|line| line.strip_prefix("data: "))
        .map(|data| serde_json::from_str(data).unwrap())
        .collect()
}

fn json_body(response: &HttpResponse) -> Value {
    assert_eq!(response.header("content-type"), Some("application/json"));
    serde_json::from_slice(&response.body).unwrap()
}

fn methods(messages: &[Value]) -> Vec<&str> {
    messages
        .iter()
        .filter_map(|m| m["method"].as_str())
        .collect()
}

fn all_capabilities() -> Value {
    json!({ "sampling": {}, "elicitation": {}, "roots": {} })
}

#[test]
fn progress_notifications_precede_the_result_on_an_event_stream() {
    let fixtures = Fixtures::new();
    let params = json!({ "name": "test_tool_with_progress", "_meta": { "progressToken": "p1" } });
    let response = fixtures.legacy("tools/call", params.clone(), vec![]);
    assert_eq!(response.header("content-type"), Some("text/event-stream"));
    let messages = events(&response.body);
    let progress: Vec<f64> = messages
        .iter()
        .filter(|m| m["method"] == "notifications/progress")
        .map(|m| {
            assert_eq!(m["params"]["progressToken"], "p1");
            m["params"]["progress"].as_f64().unwrap()
        })
        .collect();
    assert_eq!(progress, [0.0, 50.0, 100.0]);
    assert_eq!(messages.last().unwrap()["id"], 1, "the result comes last");

    // A client that reads only JSON gets the result alone.
    let json_only = fixtures.legacy("tools/call", params, vec![("Accept", "application/json")]);
    assert!(json_body(&json_only)["result"]["content"].is_array());
}

#[test]
fn modern_requests_get_logs_only_at_their_log_level() {
    let fixtures = Fixtures::new();
    let call = |level: Option<&str>| {
        let meta = match level {
            Some(level) => json!({ "io.modelcontextprotocol/logLevel": level }),
            None => json!({}),
        };
        let params = json!({ "name": "test_logging_tool", "_meta": meta });
        fixtures.modern("tools/call", params, json!({}))
    };
    assert!(
        json_body(&call(None))["result"].is_object(),
        "no level: plain JSON"
    );
    let logged = events(&call(Some("info")).body);
    assert_eq!(
        methods(&logged),
        [
            "notifications/message",
            "notifications/message",
            "notifications/message"
        ]
    );
    assert_eq!(logged[0]["params"]["data"], "Tool execution started");
    assert!(
        json_body(&call(Some("error")))["result"].is_object(),
        "info < error"
    );
}

#[test]
fn legacy_set_level_filters_its_session_only() {
    let fixtures = Fixtures::new();
    let quiet = vec![("Mcp-Session-Id", "quiet-session")];
    let set = fixtures.legacy(
        "logging/setLevel",
        json!({ "level": "error" }),
        quiet.clone(),
    );
    assert_eq!(json_body(&set)["result"], json!({}));
    let call = json!({ "name": "test_tool_with_logging" });
    let filtered = fixtures.legacy("tools/call", call.clone(), quiet);
    assert!(json_body(&filtered)["result"].is_object());
    let other = fixtures.legacy("tools/call", call, vec![("Mcp-Session-Id", "other")]);
    assert_eq!(methods(&events(&other.body)).len(), 3);
}

#[test]
fn a_legacy_tool_asks_the_client_on_its_live_stream() {
    let fixtures = Fixtures::new();
    let params = json!({ "name": "test_sampling", "arguments": { "prompt": "Say hi" } });
    let response = fixtures.legacy("tools/call", params, vec![]);
    assert_eq!(response.header("content-type"), Some("text/event-stream"));
    let asked = events(&response.body);
    assert_eq!(methods(&asked), ["sampling/createMessage"]);
    assert_eq!(
        asked[0]["params"]["messages"][0]["content"]["text"],
        "Say hi"
    );
    let ask_id = asked[0]["id"].clone();

    // The client answers with a POST of its own; the stream then finishes.
    let answer = json!({ "jsonrpc": "2.0", "id": ask_id, "result": {
        "role": "assistant", "model": "m", "content": { "type": "text", "text": "hi there" },
    }});
    let headers = vec![
        ("Content-Type", "application/json"),
        ("Accept", "application/json, text/event-stream"),
    ];
    assert_eq!(fixtures.send(headers, answer).status, 202);
    let rest = response.stream.expect("a live stream").take().unwrap();
    let chunks: Vec<Vec<u8>> = pollster::block_on(rest.collect());
    let finished = events(&chunks.concat());
    assert_eq!(finished.len(), 1);
    assert_eq!(finished[0]["id"], 1);
    assert_eq!(
        finished[0]["result"]["content"][0]["text"],
        "LLM response: hi there"
    );
}

#[test]
fn a_client_reading_only_json_cannot_be_asked() {
    let fixtures = Fixtures::new();
    let params = json!({ "name": "test_elicitation", "arguments": { "message": "Name?" } });
    let response = fixtures.legacy("tools/call", params, vec![("Accept", "application/json")]);
    let result = &json_body(&response)["result"];
    assert_eq!(result["isError"], true);
    assert!(result["content"][0]["text"]
        .as_str()
        .unwrap()
        .contains("text/event-stream"));
}

#[test]
fn input_required_rounds_carry_sealed_single_use_state() {
    let fixtures = Fixtures::new();
    let call = |params: Value| {
        let response = fixtures.modern("tools/call", params, all_capabilities());
        json_body(&response)
    };
    let tool = "test_input_required_result_multi_round";
    let first = call(json!({ "name": tool, "arguments": {} }))["result"].clone();
    assert_eq!(first["resultType"], "input_required");
    assert!(first["inputRequests"]["step1"].is_object());
    let state1 = first["requestState"].as_str().unwrap().to_owned();

    let answer = |key: &str, field: &str, value: &str| json!({ key: { "action": "accept", "content": { field: value } } });
    let second = call(json!({ "name": tool, "arguments": {},
        "inputResponses": answer("step1", "name", "Ada"), "requestState": state1 }))["result"]
        .clone();
    assert!(second["inputRequests"]["step2"].is_object());
    let state2 = second["requestState"].as_str().unwrap().to_owned();
    assert_ne!(state1, state2);

    let done = call(json!({ "name": tool, "arguments": {},
        "inputResponses": answer("step2", "color", "teal"), "requestState": state2 }))["result"]
        .clone();
    assert_eq!(done["resultType"], "complete");
    assert_eq!(
        done["content"][0]["text"],
        "Hello Ada, your favorite color is teal."
    );

    // Replayed or altered state is refused.
    let replay = call(json!({ "name": tool, "arguments": {},
        "inputResponses": answer("step1", "name", "Eve"), "requestState": state1 }));
    assert_eq!(replay["error"]["code"], -32602, "{replay}");
    let altered = format!("{state2}x");
    let tampered = call(json!({ "name": tool, "arguments": {},
        "inputResponses": answer("step2", "color", "red"), "requestState": altered }));
    assert_eq!(tampered["error"]["code"], -32602);
}

#[test]
fn answers_of_the_wrong_shape_are_invalid_params() {
    let fixtures = Fixtures::new();
    let params = json!({ "name": "test_input_required_result_elicitation", "arguments": {},
        "inputResponses": { "user_name": 12345 } });
    let response = fixtures.modern("tools/call", params, all_capabilities());
    assert_eq!(json_body(&response)["error"]["code"], -32602);
}

#[test]
fn a_missing_client_capability_is_a_400_naming_it() {
    let fixtures = Fixtures::new();
    let params = json!({ "name": "test_missing_capability", "arguments": {} });
    let response = fixtures.modern("tools/call", params, json!({}));
    assert_eq!(response.status, 400);
    let error = &json_body(&response)["error"];
    assert_eq!(error["code"], -32021);
    assert_eq!(
        error["data"]["requiredCapabilities"],
        json!({ "sampling": {} })
    );
}

#[test]
fn listen_opens_with_an_acknowledgement_tagged_with_its_id() {
    let fixtures = Fixtures::new();
    let filter = json!({ "notifications": {
        "resourceSubscriptions": ["test://watched-resource", "test://unknown"],
        "toolsListChanged": true,
    }});
    let response = fixtures.modern("subscriptions/listen", filter, json!({}));
    assert_eq!(response.header("content-type"), Some("text/event-stream"));
    let mut rest = response.stream.unwrap().take().unwrap();
    let first = pollster::block_on(rest.next()).unwrap();
    let ack = &events(&first)[0];
    assert_eq!(ack["method"], "notifications/subscriptions/acknowledged");
    assert_eq!(
        ack["params"]["notifications"],
        json!({ "resourceSubscriptions": ["test://watched-resource"] }),
        "only what the server can honour"
    );
    assert_eq!(
        ack["params"]["_meta"]["io.modelcontextprotocol/subscriptionId"],
        7
    );
    let beat = pollster::block_on(rest.next()).unwrap();
    assert!(String::from_utf8(beat).unwrap().starts_with(": keep-alive"));
}

#[test]
fn binary_resources_are_base64_blobs() {
    let fixtures = Fixtures::new();
    let response = fixtures.legacy(
        "resources/read",
        json!({ "uri": "test://static-binary" }),
        vec![],
    );
    let contents = &json_body(&response)["result"]["contents"][0];
    assert_eq!(contents["mimeType"], "image/png");
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(contents["blob"].as_str().unwrap())
        .unwrap();
    assert_eq!(&bytes[1..4], b"PNG");
}
