//! The simulator: routes a request to the control endpoints, api_v3
//! (single calls and multirequests, KS checks in Kaltura's order, JSON or
//! XML output) or the delivery paths, with faults injected on the way.

use std::io;
use std::net::{SocketAddr, TcpListener};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use kaltura_mcp::kaltura::ks;
use kaltura_mcp::kaltura::AdminSecret;
use serde_json::{json, Value};

use crate::delivery;
use crate::error::ApiError;
use crate::faults::{Fault, FaultSettings, Rng, Stats};
use crate::fixtures::Catalog;
use crate::http::{self, Delivery, Request, Response};
use crate::multirequest;
use crate::params::Params;
use crate::render::{self, Outcome};
use crate::services::{self, Access, Ctx, Reply, Session};

pub struct Simulator {
    catalog: Catalog,
    initial_faults: FaultSettings,
    seed: u64,
    state: Mutex<State>,
}

struct State {
    faults: FaultSettings,
    stats: Stats,
    rng: Rng,
}

/// The response format a request asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Xml,
}

impl Simulator {
    pub fn new(catalog: Catalog, faults: FaultSettings, seed: u64) -> Self {
        Simulator {
            catalog,
            initial_faults: faults,
            seed,
            state: Mutex::new(State {
                faults,
                stats: Stats::default(),
                rng: Rng::new(seed),
            }),
        }
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The line `make dev` and the test harnesses read.
    pub fn listening_line(&self, address: SocketAddr) -> String {
        format!(
            "kaltura-sim listening on http://{address} partner_id={} admin_secret={}",
            self.catalog.partner_id(),
            self.catalog.admin_secret()
        )
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // A panic elsewhere must not take the simulator down with it.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn stats(&self) -> Stats {
        self.state().stats.clone()
    }

    pub fn handle(&self, request: Request) -> (Response, Delivery) {
        if request.method == "OPTIONS" {
            return (cors(Response::new(200, "text/plain", "")), Delivery::Whole);
        }
        let whole = |response| (response, Delivery::Whole);
        match request.path.as_str() {
            "/__sim/faults" => whole(self.control_faults(&request)),
            "/__sim/stats" => whole(json_response(
                200,
                serde_json::to_value(self.stats()).unwrap_or_default(),
            )),
            "/__sim/reset" => whole(self.reset()),
            path if path.starts_with("/api_v3") => self.api_with_faults(&request),
            path if path.starts_with("/p/") => {
                self.state().stats.delivery += 1;
                whole(delivery::respond(
                    &self.catalog,
                    &request,
                    &base_url(&request),
                ))
            }
            _ => whole(Response::new(404, "text/plain", "not found\n")),
        }
    }

    fn control_faults(&self, request: &Request) -> Response {
        let mut state = self.state();
        if request.method == "POST" {
            let patch: Value = serde_json::from_slice(&request.body).unwrap_or(Value::Null);
            if let Err(problem) = state.faults.update(&patch) {
                return json_response(400, json!({ "error": problem }));
            }
        }
        json_response(200, serde_json::to_value(state.faults).unwrap_or_default())
    }

    fn reset(&self) -> Response {
        let mut state = self.state();
        *state = State {
            faults: self.initial_faults,
            stats: Stats::default(),
            rng: Rng::new(self.seed),
        };
        json_response(200, json!({ "reset": true }))
    }

    fn api_with_faults(&self, request: &Request) -> (Response, Delivery) {
        let (fault, latency) = {
            let mut state = self.state();
            state.stats.total += 1;
            let settings = state.faults;
            let fault = state.rng.pick(&settings);
            state.stats.count_fault(fault);
            (fault, Duration::from_millis(settings.latency_ms))
        };
        if !latency.is_zero() {
            thread::sleep(latency);
        }
        match fault {
            Fault::ServerError => (server_error_page(), Delivery::Whole),
            Fault::Timeout(silence) => (
                Response::new(200, "text/plain", ""),
                Delivery::Silence(silence),
            ),
            Fault::Truncate => (self.api(request), Delivery::Truncated),
            Fault::None => (self.api(request), Delivery::Whole),
        }
    }

    fn api(&self, request: &Request) -> Response {
        let started = Instant::now();
        let params = Params::from_request(request);
        let base = base_url(request);
        let format = match params.text("format").as_deref() {
            Some("1") => Format::Json,
            None | Some("2") => Format::Xml,
            Some(other) => {
                let error = ApiError::unknown_format(other);
                return respond(Format::Xml, &Err(error), started);
            }
        };
        let Some(service) = params.nonempty("service") else {
            let error = ApiError::new(
                "SERVICE_NOT_SPECIFIED",
                "Service name was not specified, please specify one",
                &[],
            );
            return respond(format, &Err(error), started);
        };
        if service.eq_ignore_ascii_case("multirequest") {
            let outcomes = multirequest::run(&params, |sub| self.execute(sub, &base));
            let outcomes: Vec<Outcome> = outcomes
                .into_iter()
                .map(|result| {
                    result.map(|reply| match reply {
                        Reply::Value(value) => value,
                        Reply::File(_) => Value::Null,
                    })
                })
                .collect();
            let body = match format {
                Format::Json => render::json_multi(&outcomes),
                Format::Xml => render::xml_multi(&outcomes, started.elapsed().as_secs_f64()),
            };
            return finish(format, body);
        }
        let serving = params
            .text("action")
            .is_some_and(|a| a.eq_ignore_ascii_case("serve"));
        match self.execute(&params, &base) {
            Ok(Reply::File(file)) => cors(
                Response::new(200, &file.content_type, file.bytes).with_header(
                    "Content-Disposition",
                    format!("attachment; filename=\"{}\"", file.name),
                ),
            ),
            // File actions report errors in headers over an empty body.
            Err(error) if serving => cors(
                Response::new(200, "text/plain", "")
                    .with_header("X-Kaltura", format!("error-{}", error.code))
                    .with_header(
                        "X-Kaltura-App",
                        format!("exiting on error {} - {}", error.code, error.message),
                    ),
            ),
            Ok(Reply::Value(value)) => respond(format, &Ok(value), started),
            Err(error) => respond(format, &Err(error), started),
        }
    }

    /// One call, in Kaltura's order: service, action, KS crack, KS
    /// validity, permission, then the action itself.
    fn execute(&self, params: &Params, base_url: &str) -> Result<Reply, ApiError> {
        let service = params.nonempty("service").unwrap_or_default();
        let Some(action) = params.nonempty("action") else {
            return Err(ApiError::new(
                "ACTION_NOT_SPECIFIED",
                "Action name was not specified, please specify one",
                &[],
            ));
        };
        self.state().stats.count_action(&service, &action);
        let (access, handler) = services::lookup(&service, &action)?;
        let now = unix_now();
        let session = match params.nonempty("ks") {
            Some(ks) => Some(self.verify(&ks)?),
            None => None,
        };
        if let Some(session) = &session {
            if session.expires_at < now {
                return Err(ApiError::invalid_ks("EXPIRED"));
            }
        }
        let permitted = match (access, &session) {
            (Access::Anyone, _) => true,
            (Access::Session, Some(_)) => true,
            (Access::Admin, Some(session)) => session.is_admin(),
            (_, None) => false,
        };
        if !permitted {
            return Err(ApiError::service_forbidden(
                &service.to_lowercase(),
                &action,
            ));
        }
        let ctx = Ctx {
            catalog: &self.catalog,
            session: session.as_ref(),
            base_url,
            now,
        };
        handler(&ctx, params)
    }

    /// Cracks a KS against the partner's secrets: wrong partner, bad
    /// encoding and bad signature all read `INVALID_KS` with the KS itself.
    fn verify(&self, ks_text: &str) -> Result<Session, ApiError> {
        let invalid = || ApiError::invalid_ks(ks_text);
        let claimed = ks::claimed_partner(ks_text).map_err(|_| invalid())?;
        if claimed.get() != self.catalog.partner_id() {
            return Err(invalid());
        }
        let secrets = [
            AdminSecret::new(self.catalog.admin_secret()),
            AdminSecret::new(self.catalog.user_secret()),
        ];
        let info = ks::parse(ks_text, &secrets).map_err(|_| invalid())?;
        Ok(Session {
            ks: ks_text.to_owned(),
            partner_id: info.partner_id.get(),
            session_type: info.session_type,
            user_id: info.user_id,
            expires_at: info.expires_at,
            privileges: info.privileges,
        })
    }
}

/// Binds `127.0.0.1:port` (0 for any free port) and serves on a thread.
pub fn spawn(simulator: Arc<Simulator>, port: u16) -> io::Result<SocketAddr> {
    let listener = TcpListener::bind(("127.0.0.1", port))?;
    let address = listener.local_addr()?;
    let handler: http::Handler = Arc::new(move |request| simulator.handle(request));
    thread::spawn(move || http::serve(listener, handler));
    Ok(address)
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Where the client reached us, so the URLs we hand out lead back here.
fn base_url(request: &Request) -> String {
    format!("http://{}", request.header("host").unwrap_or("127.0.0.1"))
}

fn respond(format: Format, outcome: &Outcome, started: Instant) -> Response {
    let body = match format {
        Format::Json => render::json(outcome),
        Format::Xml => render::xml(outcome, started.elapsed().as_secs_f64()),
    };
    finish(format, body)
}

fn finish(format: Format, body: String) -> Response {
    let content_type = match format {
        Format::Json => "application/json",
        Format::Xml => "text/xml",
    };
    cors(Response::new(200, content_type, body))
        .with_header(
            "Cache-Control",
            "no-store, no-cache, must-revalidate, post-check=0, pre-check=0",
        )
        .with_header("X-Me", "kaltura-sim")
}

fn cors(response: Response) -> Response {
    response
        .with_header("Access-Control-Allow-Origin", "*")
        .with_header(
            "Access-Control-Allow-Headers",
            "Origin, X-Requested-With, Content-Type, Accept, Range, Cache-Control",
        )
        .with_header("Access-Control-Allow-Methods", "POST, GET, HEAD, OPTIONS")
        .with_header(
            "Access-Control-Expose-Headers",
            "Server, Content-Length, Content-Range, Date, X-Kaltura, X-Kaltura-Session, X-Me",
        )
}

fn json_response(status: u16, value: Value) -> Response {
    Response::new(status, "application/json", value.to_string())
}

/// What a proxy in front of Kaltura answers when the origin fails.
fn server_error_page() -> Response {
    Response::new(
        503,
        "text/html",
        "<html><head><title>503 Service Temporarily Unavailable</title></head>\
         <body><center><h1>503 Service Temporarily Unavailable</h1></center><hr><center>nginx</center></body></html>\n",
    )
}
