//! `make bench`: native cost of the protocol engine, printed not asserted.
//!
//! Each figure is the mean over many iterations of a full
//! `HttpRequest -> HttpResponse` round through `mcp::http::serve` with the
//! product server, so it includes JSON parsing, dispatch and serialization.

use kaltura_mcp::config::Config;
use kaltura_mcp::context::Context;
use kaltura_mcp::mcp::http::{serve, HttpRequest};
use std::hint::black_box;
use std::rc::Rc;
use std::time::Instant;

fn request(body: &str, version: Option<&str>) -> HttpRequest {
    let mut headers = vec![
        ("content-type".to_owned(), "application/json".to_owned()),
        (
            "accept".to_owned(),
            "application/json, text/event-stream".to_owned(),
        ),
    ];
    if let Some(version) = version {
        headers.push(("mcp-protocol-version".to_owned(), version.to_owned()));
    }
    HttpRequest {
        method: "POST".into(),
        headers,
        body: body.as_bytes().to_vec(),
    }
}

fn measure(label: &str, iterations: u32, request: &HttpRequest) {
    let server = Rc::new(kaltura_mcp::app::server());
    let config = Rc::new(Config::default());
    let policy = config.http.clone();
    let started = Instant::now();
    for _ in 0..iterations {
        let ctx = Context::new(config.clone());
        let shared = ctx.shared_state();
        let response = pollster::block_on(serve(&server, &policy, shared, ctx, black_box(request)));
        assert_eq!(response.status, 200, "{label} failed");
        black_box(response);
    }
    let per_call = started.elapsed().as_secs_f64() * 1e6 / f64::from(iterations);
    println!("{label:<40} {per_call:>8.2} µs/request  ({iterations} iterations)");
}

fn main() {
    let iterations = 20_000;
    measure(
        "initialize (2025-11-25)",
        iterations,
        &request(
            r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}"#,
            None,
        ),
    );
    measure(
        "tools/list (2025-11-25)",
        iterations,
        &request(
            r#"{"jsonrpc":"2.0","id":2,"method":"tools/list"}"#,
            Some("2025-11-25"),
        ),
    );
    let modern_list = r#"{"jsonrpc":"2.0","id":3,"method":"tools/list","params":{"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}}}"#;
    let mut modern = request(modern_list, Some("2026-07-28"));
    modern
        .headers
        .push(("mcp-method".into(), "tools/list".into()));
    measure("tools/list (2026-07-28)", iterations, &modern);
    measure(
        "tools/call get_server_info (2025-11-25)",
        iterations,
        &request(
            r#"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"get_server_info","arguments":{}}}"#,
            Some("2025-11-25"),
        ),
    );
}
