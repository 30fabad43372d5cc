//! Cloudflare Worker adapter for kaltura-mcp. It translates and nothing
//! more: a workers-rs `Request` becomes the core's `gateway::Request`, the
//! core's `HttpResponse` becomes a workers-rs `Response`, and wrangler vars
//! and secrets become the core's `Config`. Routes:
//!
//! - `/mcp`, `/api/tokens`, the OAuth endpoints and metadata: the core's
//!   [`gateway`](kaltura_mcp::gateway);
//! - everything else: the static page in `www/static` (the `ASSETS` binding).
//!
//! The core's ports (outbound HTTP, clock, KV) are implemented in [`ports`].
//! After each request it prints the log lines the core's monitor made, and
//! writes tool calls to Analytics Engine when `ANALYTICS` is bound.

mod ports;

use futures_util::StreamExt;
use kaltura_mcp::config::Config;
use kaltura_mcp::context::Context;
use kaltura_mcp::gateway::{self, Isolate};
use kaltura_mcp::mcp::http::{self, HttpResponse};
use kaltura_mcp::mcp::server::Server;
use kaltura_mcp::monitor::log::Level;
use kaltura_mcp::monitor::Monitor;
use kaltura_mcp::platform::Ports;
use std::cell::OnceCell;
use std::rc::Rc;
use worker::{
    console_error, console_log, console_warn, event, AnalyticsEngineDataPointBuilder, Env, Headers,
    Request, Response, Result,
};

thread_local! {
    /// Built once per isolate: registries and their JSON Schemas are fixed.
    static SERVER: OnceCell<Rc<Server<Context>>> = const { OnceCell::new() };
    /// KSs of the configured account, the rate limiter and the monitor, per isolate.
    static ISOLATE: Rc<Isolate> = Rc::default();
}

/// The server for this isolate's configuration (whose variables are fixed
/// for the isolate's life): the product, plus the conformance fixtures
/// when `CONFORMANCE_FIXTURES=true`.
fn server(config: &Config) -> Rc<Server<Context>> {
    SERVER.with(|cell| {
        cell.get_or_init(|| Rc::new(kaltura_mcp::app::server_for(config)))
            .clone()
    })
}

#[event(fetch)]
async fn fetch(mut request: Request, env: Env, _ctx: worker::Context) -> Result<Response> {
    // Vars and secrets alike: `env.var` reads plain vars, `env.secret` secrets.
    let lookup = |name: &str| {
        env.var(name)
            .ok()
            .map(|var| var.to_string())
            .or_else(|| env.secret(name).ok().map(|secret| secret.to_string()))
    };
    let config = match Config::from_vars(lookup) {
        Ok(config) => Rc::new(config),
        Err(error) => return misconfigured(&error.to_string()),
    };
    let headers: Vec<(String, String)> = request.headers().entries().collect();
    let declared_length = request
        .headers()
        .get("content-length")?
        .and_then(|length| length.parse::<usize>().ok());
    // The core refuses an oversized body from Content-Length alone, so such
    // a body is never read into memory.
    let body = match declared_length {
        Some(length) if length > config.http.max_body_bytes => Vec::new(),
        _ => request.bytes().await.unwrap_or_default(),
    };
    let core_request = gateway::Request {
        method: request.method().to_string(),
        url: request.url()?.to_string(),
        headers,
        body,
    };
    let ports = Ports::new(
        ports::FetchHttp,
        ports::WorkerClock,
        ports::WorkersKv(env.kv("KALTURA_MCP_KV")?),
    );
    let isolate = ISOLATE.with(Rc::clone);
    let server = server(&config);
    let handled = gateway::handle(&server, config, ports, &isolate, core_request).await;
    report(&isolate.monitor, &env);
    match handled {
        Some(response) => into_worker_response(response),
        None => env.assets("ASSETS")?.fetch_request(request).await,
    }
}

/// Prints the monitor's log lines; writes its tool-call events to the
/// `ANALYTICS` dataset when one is bound (and drops them otherwise).
fn report(monitor: &Monitor, env: &Env) {
    for line in monitor.take_logs() {
        match line.level {
            Level::Info => console_log!("{}", line.text),
            Level::Warn => console_warn!("{}", line.text),
            Level::Error => console_error!("{}", line.text),
        }
    }
    let events = monitor.take_events();
    let Ok(dataset) = env.analytics_engine("ANALYTICS") else {
        return;
    };
    for event in events {
        let partner = event
            .partner_id
            .map(|id| id.to_string())
            .unwrap_or_default();
        let written = AnalyticsEngineDataPointBuilder::new()
            .indexes([partner.as_str()])
            .blobs([event.tool.clone(), event.outcome()])
            .doubles([
                event.duration_ms as f64,
                f64::from(event.kaltura_calls),
                f64::from(event.cache_hits),
            ])
            .write_to(&dataset);
        if let Err(error) = written {
            console_warn!("analytics engine write failed: {error}");
        }
    }
}

fn into_worker_response(response: HttpResponse) -> Result<Response> {
    let headers: Headers = response.headers.iter().collect();
    let body = match response.stream.as_ref().and_then(|stream| stream.take()) {
        // An answer still being written: its beginning, then the rest as
        // the core produces it.
        Some(rest) => {
            let head = futures_util::stream::once(async move { response.body });
            let chunks = head.chain(rest).map(Ok::<Vec<u8>, worker::Error>);
            Response::from_stream(chunks)?
        }
        None => Response::from_bytes(response.body)?,
    };
    Ok(body.with_status(response.status).with_headers(headers))
}

/// A configuration error names the variable, never a secret's value.
fn misconfigured(message: &str) -> Result<Response> {
    into_worker_response(http::server_error(&format!(
        "Server misconfigured: {message}"
    )))
}
