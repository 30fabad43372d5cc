//! Property-based fuzzing (proptest, bounded case counts so `cargo test`
//! stays quick) of what strangers control: the HTTP/JSON-RPC entry point
//! (any method, path, headers, body) and the Kaltura answers the decoders
//! read (any status and body, for single calls and multirequests). The
//! property: no panic, no 500, and a tool call always ends in a JSON-RPC
//! answer — a result (maybe `isError`) or an error.

use kaltura_mcp::config::Config;
use kaltura_mcp::gateway::{self, Isolate, Request};
use kaltura_mcp::kaltura::api::{self, Pager};
use kaltura_mcp::kaltura::{Client, Credentials, Ks, MultiRequest, PartnerId, ServiceUrl};
use kaltura_mcp::platform::{
    Http, ManualClock, MemoryKv, OutboundRequest, OutboundResponse, Ports, TransportError,
};
use proptest::prelude::*;
use std::rc::Rc;

/// Kaltura answering whatever the case says.
#[derive(Debug, Clone)]
struct Scripted {
    status: u16,
    body: Vec<u8>,
}

impl Http for Scripted {
    async fn send(&self, _: OutboundRequest) -> Result<OutboundResponse, TransportError> {
        Ok(OutboundResponse {
            status: self.status,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: self.body.clone(),
        })
    }
}

fn deployment(kaltura: Scripted) -> (Rc<Config>, Ports) {
    let config = Config::from_vars(|name| match name {
        "KALTURA_PARTNER_ID" => Some("4815162".into()),
        "KALTURA_ADMIN_SECRET" => Some("0123456789abcdef0123456789abcdef".into()),
        "TOKEN_SECRET" => Some("fuzz-secret-0123456789".into()),
        _ => None,
    })
    .unwrap();
    let ports = Ports::new(
        kaltura,
        ManualClock::at_secs(1_800_000_000),
        MemoryKv::default(),
    );
    (Rc::new(config), ports)
}

fn send(
    config: &Rc<Config>,
    ports: &Ports,
    isolate: &Isolate,
    request: Request,
) -> Option<kaltura_mcp::mcp::http::HttpResponse> {
    let server = std::rc::Rc::new(kaltura_mcp::app::server());
    pollster::block_on(gateway::handle(
        &server,
        config.clone(),
        ports.clone(),
        isolate,
        request,
    ))
}

/// JSON-ish text: mostly valid-looking JSON-RPC, sometimes garbage.
fn body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        any::<Vec<u8>>(),
        (
            prop_oneof![
                Just("tools/call".to_owned()),
                Just("tools/list".to_owned()),
                Just("initialize".to_owned()),
                Just("resources/read".to_owned()),
                Just("prompts/get".to_owned()),
                "[a-z/]{0,20}"
            ],
            "[ -~]{0,40}",
            prop_oneof![
                Just("search_entries".to_owned()),
                Just("get_media_entry".to_owned()),
                Just("list_categories".to_owned()),
                "[a-z_]{0,20}"
            ],
        )
            .prop_map(|(method, argument, name)| {
                serde_json::json!({
                    "jsonrpc": "2.0", "id": 1, "method": method,
                    "params": {"name": name, "uri": argument, "arguments": {"query": argument, "entry_id": argument}},
                })
                .to_string()
                .into_bytes()
            }),
    ]
}

/// A Kaltura answer: an example object, an exception, or noise.
fn kaltura_answer() -> impl Strategy<Value = Scripted> {
    let bodies = prop_oneof![
        any::<Vec<u8>>(),
        Just(
            br#"{"objectType":"KalturaAPIException","code":"INTERNAL","message":"x","args":[]}"#
                .to_vec()
        ),
        Just(br#"{"objects":[{"id":1}],"totalCount":"many"}"#.to_vec()),
        Just(br#"[{"objects":[]},{"objectType":"KalturaAPIException"}]"#.to_vec()),
        "[ -~]{0,200}".prop_map(String::into_bytes),
    ];
    (prop_oneof![Just(200u16), 100u16..600], bodies)
        .prop_map(|(status, body)| Scripted { status, body })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

    #[test]
    fn the_entry_point_never_panics_or_answers_500(
        method in prop_oneof![Just("POST".to_owned()), Just("GET".to_owned()), Just("OPTIONS".to_owned()), "[A-Z]{1,8}"],
        path in prop_oneof![Just("/mcp".to_owned()), Just("/health".to_owned()), Just("/metrics".to_owned()), Just("/api/tokens".to_owned()), Just("/token".to_owned()), "/[ -~]{0,30}"],
        headers in proptest::collection::vec(("[a-zA-Z-]{1,20}", "[ -~]{0,40}"), 0..6),
        body in body(),
        kaltura in kaltura_answer(),
    ) {
        let (config, ports) = deployment(kaltura);
        let isolate = Isolate::default();
        let mut headers = headers;
        headers.push(("content-type".into(), "application/json".into()));
        headers.push(("accept".into(), "application/json, text/event-stream".into()));
        let request = Request { method: method.clone(), url: format!("https://mcp.example{path}"), headers, body };
        if let Some(response) = send(&config, &ports, &isolate, request) {
            prop_assert!(response.status != 500, "500 for {method} {path}: {}", String::from_utf8_lossy(&response.body));
        }
    }

    #[test]
    fn a_tool_call_against_any_kaltura_answer_ends_in_a_json_rpc_answer(
        body in body(),
        kaltura in kaltura_answer(),
    ) {
        let (config, ports) = deployment(kaltura);
        let isolate = Isolate::default();
        let request = Request {
            method: "POST".into(),
            url: "https://mcp.example/mcp".into(),
            headers: vec![
                ("content-type".into(), "application/json".into()),
                ("accept".into(), "application/json, text/event-stream".into()),
                ("mcp-protocol-version".into(), "2025-11-25".into()),
            ],
            body,
        };
        let response = send(&config, &ports, &isolate, request).expect("/mcp is ours");
        prop_assert!(response.status < 500, "{}", response.status);
        if response.status == 200 {
            let text = String::from_utf8_lossy(&response.body);
            prop_assert!(text.contains("\"result\"") || text.contains("\"error\""), "{text}");
        }
    }

    #[test]
    fn the_decoders_turn_any_answer_into_a_value_or_an_error(kaltura in kaltura_answer()) {
        let client = Client::new(
            kaltura,
            ManualClock::at_secs(1_800_000_000),
            ServiceUrl::trusted("https://www.kaltura.com").unwrap(),
            Credentials::Session { partner_id: PartnerId::new(4815162).unwrap(), ks: Ks::new("djJ8fuzz") },
        );
        let filter = api::media::MediaEntryFilter::default();
        let _ = pollster::block_on(client.call(api::media::list(&filter, Pager::first(5))));
        let mut batch = MultiRequest::new();
        let first = batch.add(api::media::list(&filter, Pager::first(5)));
        let second = batch.add(api::account::session_info());
        if let Ok(answers) = pollster::block_on(client.multirequest(batch)) {
            let _ = answers.take(first);
            let _ = answers.take(second);
        }
    }
}
