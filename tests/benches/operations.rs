//! `make bench`: native cost of a whole tool call and of the per-request
//! extras, printed not asserted — `tools/call search_entries` through the
//! gateway with a canned eSearch answer (auth, parse, Kaltura request
//! build + decode, render, monitor), a token open, and the monitor's own
//! bookkeeping and `/metrics` rendering.

use kaltura_mcp::auth::grant::{Grant, GrantCredential};
use kaltura_mcp::auth::store::{Kind, TokenStore};
use kaltura_mcp::auth::tokens;
use kaltura_mcp::config::Config;
use kaltura_mcp::gateway::{self, Isolate, Request};
use kaltura_mcp::platform::{ManualClock, MemoryKv, Ports};
use std::hint::black_box;
use std::rc::Rc;
use std::time::Instant;

mod canned;

use canned::{report, Canned};

fn search_entries_through_the_gateway(iterations: u32) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/kaltura-examples/esearch-search-entry.json"
    );
    let body = std::fs::read(path).expect("example file");
    let config = Config::from_vars(|name| match name {
        "KALTURA_PARTNER_ID" => Some("4815162".into()),
        "KALTURA_ADMIN_SECRET" => Some("0123456789abcdef0123456789abcdef".into()),
        _ => None,
    })
    .unwrap();
    let config = Rc::new(config);
    let server = std::rc::Rc::new(kaltura_mcp::app::server());
    let isolate = Isolate::default();
    let ports = Ports::new(
        Canned(body),
        ManualClock::at_secs(1_800_000_000),
        MemoryKv::default(),
    );
    let request = Request {
        method: "POST".into(),
        url: "https://mcp.example/mcp".into(),
        headers: vec![
            ("content-type".into(), "application/json".into()),
            ("accept".into(), "application/json, text/event-stream".into()),
            ("mcp-protocol-version".into(), "2025-11-25".into()),
        ],
        body: br#"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"search_entries","arguments":{"query":"kubernetes"}}}"#.to_vec(),
    };
    let run = || {
        pollster::block_on(gateway::handle(
            &server,
            config.clone(),
            ports.clone(),
            &isolate,
            request.clone(),
        ))
        .expect("a gateway route")
    };
    let first = run();
    let text = String::from_utf8_lossy(&first.body);
    assert!(
        first.status == 200 && !text.contains(r#""isError":true"#),
        "search_entries failed: {text}"
    );
    let started = Instant::now();
    for _ in 0..iterations {
        black_box(run());
        isolate.monitor.take_logs();
    }
    report("tools/call search_entries (canned)", iterations, started);

    let started = Instant::now();
    for _ in 0..iterations {
        black_box(isolate.monitor.render_metrics(1_800_000_000_000));
    }
    report("/metrics rendering", iterations, started);
}

fn token_open(iterations: u32) {
    let kv = Rc::new(MemoryKv::default());
    let clock = Rc::new(ManualClock::at_secs(1_800_000_000));
    let store = TokenStore::new(kv, clock, Some("bench-secret-0123456789abcdef"));
    let grant = Grant {
        service_url: "https://www.kaltura.com".into(),
        partner_id: 4815162,
        user_id: "analyst".into(),
        credential: GrantCredential::Secret {
            admin_secret: "0123456789abcdef0123456789abcdef".into(),
            privileges: "disableentitlement".into(),
            ks_expiry_secs: 86_400,
        },
        issued_at: 1_800_000_000,
        expires_at: 1_800_086_400,
    };
    let token = pollster::block_on(tokens::mint(&store, &grant)).unwrap();
    let started = Instant::now();
    for _ in 0..iterations {
        let opened = pollster::block_on(store.open::<Grant>(Kind::Access, black_box(&token)));
        black_box(opened.unwrap());
    }
    report("token open (KV read + unseal)", iterations, started);
}

fn main() {
    search_entries_through_the_gateway(5_000);
    token_open(5_000);
}
