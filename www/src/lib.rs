//! kaltura-mcp-web: the browser adapter. It gives the onboarding page the
//! same Rust core the worker runs, through wasm-bindgen:
//!
//! - [`tool_list`]: every tool's definition (name, description, schemas);
//! - [`connect`]: checks credentials from the page with one Kaltura call
//!   (the core's `CredentialInput::into_grant`, as `/api/tokens` does) and
//!   answers a [`Connection`];
//! - [`Connection::run_tool`]: runs a tool in the page against Kaltura
//!   directly, through `app::server()` and a `Context` for the account;
//! - [`mint_ks`] / [`Connection::mint_ks`]: a limited-lifetime KS made in
//!   the page, so a worker can be given a KS and never the admin secret.
//!
//! Values cross to JS as plain objects (JSON-compatible). The ports are in
//! [`ports`]; nothing here decides anything the core decides.

mod ports;

use kaltura_mcp::app;
use kaltura_mcp::auth::tokens::{CredentialError, CredentialInput, Described};
use kaltura_mcp::config::{Config, DEFAULT_PRIVILEGES};
use kaltura_mcp::context::{Account, Context};
use kaltura_mcp::kaltura::ks::{self, KsSpec, SessionType};
use kaltura_mcp::kaltura::service_url::DEFAULT_ALLOWED_HOSTS;
use kaltura_mcp::kaltura::{AdminSecret, Credentials, HostPolicy, PartnerId, ServiceUrl};
use kaltura_mcp::mcp::exchange::Exchange;
use kaltura_mcp::mcp::server::{Era, Server};
use kaltura_mcp::platform::{Clock, MemoryKv, Ports};
use serde_json::{json, Map, Value};
use std::cell::OnceCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

thread_local! {
    /// Built once per page: registries and their JSON Schemas are fixed.
    static SERVER: OnceCell<Rc<Server<Context>>> = const { OnceCell::new() };
}

fn server() -> Rc<Server<Context>> {
    SERVER.with(|cell| cell.get_or_init(|| Rc::new(app::server())).clone())
}

/// A JSON value as a plain JS value (objects, not `Map`s).
fn to_js(value: &Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap_or(JsValue::NULL)
}

/// A JS value as JSON (`undefined` and functions become `null`).
fn from_js(value: &JsValue) -> Value {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|text| text.as_string())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or(Value::Null)
}

/// What a refusal looks like to the page: the field to mark and why.
fn refusal(field: Option<&str>, message: &str) -> JsValue {
    to_js(&json!({ "field": field, "message": message }))
}

/// The `Tool` objects of `tools/list`, in the server's order.
#[wasm_bindgen(js_name = toolList)]
pub fn tool_list() -> JsValue {
    to_js(&Value::Array(server().tools.definitions().to_vec()))
}

/// The page's configuration for one service URL. The browser may talk to
/// whatever service the person names (the allow-list guards the *server*
/// against being pointed at internal hosts; a page can only reach what its
/// own browser can), so that URL is trusted here as an operator's is.
fn browser_config(service_url: Option<&str>) -> Result<Config, CredentialError> {
    let mut config = Config::default();
    if let Some(text) = service_url.map(str::trim).filter(|text| !text.is_empty()) {
        let url = ServiceUrl::trusted(text).map_err(|error| CredentialError {
            field: Some("serviceUrl"),
            message: error.to_string(),
            upstream: false,
        })?;
        let patterns = DEFAULT_ALLOWED_HOSTS.iter().map(|host| host.to_string());
        config.kaltura.hosts = HostPolicy::new(patterns, Some(url.clone()));
        config.kaltura.service_url = url;
    }
    Ok(config)
}

/// Checks credentials with Kaltura from the page. `input` has the fields of
/// `POST /api/tokens` (`serviceUrl`, `partnerId`, `adminSecret` or `ks`,
/// `userId`, `expiresIn`). Resolves to a [`Connection`]; rejects with
/// `{field, message}`.
#[wasm_bindgen]
pub fn connect(input: JsValue) -> js_sys::Promise {
    future_to_promise(async move {
        let input: CredentialInput = serde_json::from_value(from_js(&input))
            .map_err(|error| refusal(None, &format!("unexpected input: {error}")))?;
        let fail = |error: CredentialError| refusal(error.field, &error.message);
        let config = Rc::new(browser_config(input.service_url.as_deref()).map_err(fail)?);
        let ports = Ports::new(ports::FetchHttp, ports::BrowserClock, MemoryKv::default());
        let ctx = Context::with_ports(config.clone(), ports, Rc::default());
        let grant = input.into_grant(&ctx).await.map_err(fail)?;
        let (service_url, credentials) = grant
            .account(&config.kaltura.hosts)
            .map_err(|message| refusal(Some("serviceUrl"), &message))?;
        let described = serde_json::to_value(Described::of(&grant)).unwrap_or(Value::Null);
        let ctx = ctx.for_account(Account {
            service_url,
            credentials,
        });
        Ok(Connection { ctx, described }.into())
    })
}

/// An account whose credentials Kaltura accepted, as the page holds it.
#[wasm_bindgen]
pub struct Connection {
    ctx: Context,
    described: Value,
}

#[wasm_bindgen]
impl Connection {
    /// `{partnerId, userId, serviceUrl, credentials, issuedAt, expiresAt}`:
    /// what `GET /api/tokens/current` would say; never a secret.
    #[wasm_bindgen(getter)]
    pub fn info(&self) -> JsValue {
        to_js(&self.described)
    }

    /// Runs `name` with `args` in the page, through the core's tool
    /// registry; resolves to the `CallToolResult` (tool failures included,
    /// with `isError`), rejects with `{message}` for an unknown tool or
    /// arguments that are not an object.
    #[wasm_bindgen(js_name = runTool)]
    pub fn run_tool(&self, name: String, args: JsValue) -> js_sys::Promise {
        let ctx = self.ctx.clone();
        let arguments = match from_js(&args) {
            Value::Null => Value::Object(Map::new()),
            other => other,
        };
        future_to_promise(async move {
            let mut params = Map::new();
            params.insert("name".into(), Value::String(name));
            params.insert("arguments".into(), arguments);
            // In the page nobody listens for progress or can be asked for
            // input: the exchange is detached.
            let exchange = Exchange::detached(Era::Modern, params.clone(), ctx.shared_state());
            match server().tools.call(ctx, &params, &exchange).await {
                Ok(result) => Ok(to_js(&result)),
                Err(error) => Err(refusal(None, &error.message)),
            }
        })
    }

    /// A fresh admin KS of this account living `lifetime_secs`; only for a
    /// connection made with an admin secret.
    #[wasm_bindgen(js_name = mintKs)]
    pub fn mint_ks(&self, lifetime_secs: f64) -> Result<String, JsValue> {
        match self.ctx.credentials() {
            Some(Credentials::Secret {
                partner_id,
                secret,
                user_id,
                privileges,
                ..
            }) => new_ks(*partner_id, secret, user_id, privileges, lifetime_secs),
            _ => Err(refusal(
                Some("adminSecret"),
                "a KS can only be made from an admin secret",
            )),
        }
    }
}

/// A fresh admin KS v2 for `partner_id`, made here without any network
/// call, living `lifetime_secs` (60 s to 30 days). `privileges` defaults to
/// the server's (`disableentitlement`).
#[wasm_bindgen(js_name = mintKs)]
pub fn mint_ks(
    partner_id: f64,
    admin_secret: String,
    user_id: Option<String>,
    lifetime_secs: f64,
    privileges: Option<String>,
) -> Result<String, JsValue> {
    let partner_id = (partner_id.fract() == 0.0 && partner_id > 0.0)
        .then_some(partner_id as u64)
        .and_then(|id| PartnerId::new(id).ok())
        .ok_or_else(|| refusal(Some("partnerId"), "partner id must be a positive integer"))?;
    let secret = admin_secret.trim();
    if secret.is_empty() {
        return Err(refusal(Some("adminSecret"), "an admin secret is required"));
    }
    new_ks(
        partner_id,
        &AdminSecret::new(secret),
        user_id.as_deref().unwrap_or_default().trim(),
        privileges.as_deref().unwrap_or(DEFAULT_PRIVILEGES),
        lifetime_secs,
    )
}

fn new_ks(
    partner_id: PartnerId,
    secret: &AdminSecret,
    user_id: &str,
    privileges: &str,
    lifetime_secs: f64,
) -> Result<String, JsValue> {
    let max = kaltura_mcp::auth::tokens::MAX_LIFETIME_SECS as f64;
    if !(60.0..=max).contains(&lifetime_secs) {
        return Err(refusal(
            Some("expiresIn"),
            "a KS lives 60 seconds to 30 days",
        ));
    }
    let spec = KsSpec {
        partner_id,
        session_type: SessionType::Admin,
        user_id: user_id.to_owned(),
        privileges: privileges.to_owned(),
        expires_at: ports::BrowserClock.now_secs() + lifetime_secs as u64,
    };
    ks::generate(&spec, secret)
        .map(|ks| ks.expose().to_owned())
        .map_err(|error| refusal(None, &error.to_string()))
}
