//! OAuth 2.1 for MCP clients, per the MCP authorization spec: this worker
//! is both the protected resource (`/mcp`) and its authorization server.
//!
//! - metadata: RFC 9728 protected resource, RFC 8414 authorization server;
//! - `/register`: dynamic client registration (public clients, no secret),
//!   and client ID metadata documents (a `client_id` that is an https URL);
//! - `/authorize`: exact redirect URI match, PKCE S256 required, the
//!   `resource` checked; the consent step is a form where the person enters
//!   Kaltura credentials, checked with Kaltura before a code is issued;
//! - `/token`: `authorization_code` (single-use code, verifier checked) and
//!   `refresh_token` (rotated on every use);
//! - `/revoke`.
//!
//! Codes and tokens are sealed records in KV ([`super::store`]); clients
//! are plain KV records (nothing secret in them).

use super::form::{self, html_escape};
use super::grant::Grant;
use super::store::{Kind, StoreError, TokenStore};
use super::tokens::CredentialInput;
use crate::context::Context;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::time::Duration;

pub const SCOPE: &str = "kaltura";
/// Access tokens from OAuth live an hour; clients refresh them.
pub const ACCESS_TOKEN_SECS: u64 = 3600;
/// Refresh tokens (and so an OAuth connection) live 30 days.
pub const REFRESH_TOKEN_SECS: u64 = 30 * 86_400;
/// Authorization codes live five minutes and are used once.
pub const CODE_SECS: u64 = 300;
const CLIENT_TTL: Duration = Duration::from_secs(365 * 86_400);

/// A response the gateway turns into HTTP.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Json(u16, Value),
    Html(u16, String),
    Redirect(String),
    Empty(u16),
}

fn oauth_error(status: u16, error: &str, description: &str) -> Reply {
    Reply::Json(
        status,
        json!({"error": error, "error_description": description}),
    )
}

/// `https://host` of this deployment: the issuer, and the base of `/mcp`.
pub fn protected_resource_metadata(base: &str) -> Value {
    json!({
        "resource": format!("{base}/mcp"),
        "authorization_servers": [base],
        "scopes_supported": [SCOPE],
        "bearer_methods_supported": ["header"],
        "resource_name": "Kaltura MCP",
    })
}

pub fn authorization_server_metadata(base: &str) -> Value {
    json!({
        "issuer": base,
        "authorization_endpoint": format!("{base}/authorize"),
        "token_endpoint": format!("{base}/token"),
        "registration_endpoint": format!("{base}/register"),
        "revocation_endpoint": format!("{base}/revoke"),
        "response_types_supported": ["code"],
        "grant_types_supported": ["authorization_code", "refresh_token"],
        "code_challenge_methods_supported": ["S256"],
        "token_endpoint_auth_methods_supported": ["none"],
        "revocation_endpoint_auth_methods_supported": ["none"],
        "scopes_supported": [SCOPE],
        "authorization_response_iss_parameter_supported": true,
        "client_id_metadata_document_supported": true,
    })
}

/// A registered client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Client {
    pub client_id: String,
    pub client_name: String,
    pub redirect_uris: Vec<String>,
    pub issued_at: u64,
}

fn client_key(client_id: &str) -> String {
    format!("client:{client_id}")
}

/// Redirect URIs we accept: https, loopback http, or an app's own scheme
/// (`cursor://…`); never a fragment.
fn acceptable_redirect(uri: &str) -> bool {
    let Some((scheme, rest)) = uri.split_once(':') else {
        return false;
    };
    if uri.contains('#') || rest.is_empty() {
        return false;
    }
    match scheme.to_ascii_lowercase().as_str() {
        "https" => rest.starts_with("//") && rest.len() > 2,
        "http" => {
            let host = rest
                .trim_start_matches("//")
                .split(['/', '?'])
                .next()
                .unwrap_or_default();
            let host = host.rsplit_once(':').map_or(host, |(h, _)| h);
            matches!(host, "localhost" | "127.0.0.1" | "[::1]")
        }
        "javascript" | "data" | "file" | "vbscript" => false,
        other => other
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c)),
    }
}

/// The registered URI `requested` matches: exactly, or a loopback one whose
/// port differs (RFC 8252 §7.3).
fn redirect_matches(registered: &[String], requested: &str) -> bool {
    let without_port = |uri: &str| -> Option<String> {
        let rest = uri.strip_prefix("http://")?;
        let (authority, path) = rest.split_at(rest.find(['/', '?']).unwrap_or(rest.len()));
        let host = authority.rsplit_once(':').map_or(authority, |(h, _)| h);
        matches!(host, "localhost" | "127.0.0.1" | "[::1]").then(|| format!("http://{host}{path}"))
    };
    registered.iter().any(|uri| {
        uri == requested
            || (without_port(uri).is_some() && without_port(uri) == without_port(requested))
    })
}

/// `POST /register` (RFC 7591), public clients only.
pub async fn register(store: &TokenStore, body: &[u8]) -> Reply {
    let Ok(request) = serde_json::from_slice::<Value>(body) else {
        return oauth_error(
            400,
            "invalid_client_metadata",
            "the body must be a JSON object",
        );
    };
    let uris: Vec<String> = request["redirect_uris"]
        .as_array()
        .map(|uris| {
            uris.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    if uris.is_empty() {
        return oauth_error(
            400,
            "invalid_redirect_uri",
            "redirect_uris must list at least one URI",
        );
    }
    if let Some(bad) = uris.iter().find(|uri| !acceptable_redirect(uri)) {
        return oauth_error(
            400,
            "invalid_redirect_uri",
            &format!("redirect URI not allowed: {bad}"),
        );
    }
    let mut id = [0u8; 16];
    if getrandom::fill(&mut id).is_err() {
        return oauth_error(500, "server_error", "no randomness available");
    }
    let client = Client {
        client_id: format!("kc_{}", URL_SAFE_NO_PAD.encode(id)),
        client_name: request["client_name"]
            .as_str()
            .unwrap_or("MCP client")
            .chars()
            .take(100)
            .collect(),
        redirect_uris: uris,
        issued_at: store.now(),
    };
    if let Err(error) = store
        .put_plain(&client_key(&client.client_id), &client, CLIENT_TTL)
        .await
    {
        return storage_failed(error);
    }
    Reply::Json(
        201,
        json!({
            "client_id": client.client_id,
            "client_id_issued_at": client.issued_at,
            "client_name": client.client_name,
            "redirect_uris": client.redirect_uris,
            "token_endpoint_auth_method": "none",
            "grant_types": ["authorization_code", "refresh_token"],
            "response_types": ["code"],
        }),
    )
}

fn storage_failed(error: StoreError) -> Reply {
    match error {
        StoreError::NoSecret => oauth_error(503, "temporarily_unavailable", &error.to_string()),
        _ => oauth_error(
            503,
            "temporarily_unavailable",
            "token storage is unavailable; try again",
        ),
    }
}

/// The parameters of an authorization request, validated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuthorizationRequest {
    pub client_id: String,
    pub client_name: String,
    pub redirect_uri: String,
    pub state: Option<String>,
    pub code_challenge: String,
    pub scope: String,
    pub resource: Option<String>,
}

/// Client ID metadata documents larger than this are refused.
const MAX_CLIENT_DOCUMENT_BYTES: usize = 5 * 1024;

/// A client whose `client_id` is the https URL of its metadata document
/// (CIMD): the document is fetched and must name itself and its redirect
/// URIs. Only public https hosts by name are fetched: no IP literals, no
/// localhost, no userinfo, no fragment.
async fn client_from_document(ctx: &Context, url: &str) -> Result<Client, String> {
    let rest = url
        .strip_prefix("https://")
        .ok_or("a client_id URL must use https")?;
    let (authority, path) =
        rest.split_at(rest.find('/').ok_or("a client_id URL must have a path")?);
    let host = authority
        .rsplit_once(':')
        .map_or(authority, |(h, _)| h)
        .to_ascii_lowercase();
    let ip_literal = host.starts_with('[') || host.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    if url.contains('#')
        || authority.contains('@')
        || path.len() < 2
        || ip_literal
        || host == "localhost"
        || host.ends_with(".localhost")
        || host.ends_with(".local")
        || host.ends_with(".internal")
        || !host.contains('.')
    {
        return Err("the client_id URL is not a public https URL with a path".into());
    }
    let request = crate::platform::OutboundRequest {
        method: crate::platform::Method::Get,
        url: url.to_owned(),
        headers: vec![("Accept".into(), "application/json".into())],
        body: Vec::new(),
        timeout: Duration::from_secs(5),
    };
    let response = crate::platform::Http::send(ctx.ports.http.as_ref(), request)
        .await
        .map_err(|e| format!("the client metadata document could not be fetched: {e}"))?;
    if response.status != 200 || response.body.len() > MAX_CLIENT_DOCUMENT_BYTES {
        return Err(format!(
            "the client metadata document answered HTTP {} ({} bytes)",
            response.status,
            response.body.len()
        ));
    }
    let document: Value = serde_json::from_slice(&response.body)
        .map_err(|_| "the client metadata document is not JSON")?;
    if document["client_id"].as_str() != Some(url) {
        return Err("the client metadata document does not name itself as client_id".into());
    }
    let uris: Vec<String> = document["redirect_uris"]
        .as_array()
        .map(|uris| {
            uris.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    if uris.is_empty() || uris.iter().any(|uri| !acceptable_redirect(uri)) {
        return Err("the client metadata document lists no acceptable redirect_uris".into());
    }
    Ok(Client {
        client_id: url.to_owned(),
        client_name: document["client_name"]
            .as_str()
            .unwrap_or(&host)
            .chars()
            .take(100)
            .collect(),
        redirect_uris: uris,
        issued_at: 0,
    })
}

/// What an `/authorize` request comes to before consent.
pub enum Checked {
    Ok(AuthorizationRequest),
    /// Not safe to redirect (unknown client, unregistered URI): shown here.
    Page(Reply),
}

/// Checks `/authorize` parameters (query on GET, form on POST).
pub async fn check_authorization(
    ctx: &Context,
    store: &TokenStore,
    base: &str,
    params: &[(String, String)],
) -> Checked {
    let get = |name: &str| {
        form::get(params, name)
            .map(str::trim)
            .filter(|v| !v.is_empty())
    };
    let Some(client_id) = get("client_id") else {
        return Checked::Page(error_page("The request names no client (client_id)."));
    };
    let client: Option<Client> = if client_id.starts_with("https://") {
        match client_from_document(ctx, client_id).await {
            Ok(client) => Some(client),
            Err(message) => return Checked::Page(error_page(&message)),
        }
    } else {
        match store.get_plain(&client_key(client_id)).await {
            Ok(client) => client,
            Err(error) => return Checked::Page(storage_failed(error)),
        }
    };
    let Some(client) = client else {
        return Checked::Page(error_page(
            "This client is not registered here. Add the server again in your MCP client.",
        ));
    };
    let Some(redirect_uri) =
        get("redirect_uri")
            .map(str::to_owned)
            .or_else(|| match client.redirect_uris.as_slice() {
                [only] => Some(only.clone()),
                _ => None,
            })
    else {
        return Checked::Page(error_page("The request names no redirect_uri."));
    };
    if !redirect_matches(&client.redirect_uris, &redirect_uri) {
        return Checked::Page(error_page(
            "The redirect_uri is not one this client registered.",
        ));
    }
    let state = get("state").map(str::to_owned);
    let back = |error: &str, description: &str| {
        Checked::Page(Reply::Redirect(redirect_with(
            &redirect_uri,
            base,
            &[("error", error), ("error_description", description)],
            state.as_deref(),
        )))
    };
    if get("response_type") != Some("code") {
        return back("unsupported_response_type", "response_type must be code");
    }
    let Some(challenge) = get("code_challenge") else {
        return back(
            "invalid_request",
            "PKCE is required: send code_challenge with code_challenge_method=S256",
        );
    };
    if get("code_challenge_method") != Some("S256") {
        return back("invalid_request", "code_challenge_method must be S256");
    }
    let resource = get("resource").map(str::to_owned);
    if let Some(resource) = &resource {
        if !resource_matches(base, resource) {
            return back("invalid_target", "resource must be this server's /mcp URL");
        }
    }
    Checked::Ok(AuthorizationRequest {
        client_id: client.client_id,
        client_name: client.client_name,
        redirect_uri,
        state,
        code_challenge: challenge.to_owned(),
        scope: get("scope").unwrap_or(SCOPE).to_owned(),
        resource,
    })
}

/// The resource is this server's `/mcp` (or its origin), without a fragment.
fn resource_matches(base: &str, resource: &str) -> bool {
    let resource = resource.trim_end_matches('/');
    resource == format!("{base}/mcp") || resource == base
}

fn redirect_with(uri: &str, issuer: &str, params: &[(&str, &str)], state: Option<&str>) -> String {
    let mut query: Vec<String> = params
        .iter()
        .map(|(k, v)| format!("{k}={}", form::encode(v)))
        .collect();
    if let Some(state) = state {
        query.push(format!("state={}", form::encode(state)));
    }
    query.push(format!("iss={}", form::encode(issuer)));
    let separator = if uri.contains('?') { '&' } else { '?' };
    format!("{uri}{separator}{}", query.join("&"))
}

fn error_page(message: &str) -> Reply {
    Reply::Html(
        400,
        page(
            "Cannot connect",
            &format!("<p class=\"error\">{}</p>", html_escape(message)),
        ),
    )
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>{title}</title>\
<style>body{{font:16px system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#222}}label{{display:block;margin:.8rem 0 .2rem;font-weight:600}}input{{width:100%;padding:.5rem;font:inherit;box-sizing:border-box}}button{{margin-top:1.2rem;padding:.6rem 1.2rem;font:inherit}}.error{{color:#b00020}}.hint{{color:#555;font-size:.9rem}}</style></head><body><h1>{title}</h1>{body}</body></html>"
    )
}

/// The consent form: which client asks, where it will return, and the
/// Kaltura credentials to connect. `error` is shown above the fields.
pub fn consent_page(
    request: &AuthorizationRequest,
    default_service_url: &str,
    error: Option<(&str, &str)>,
) -> Reply {
    let hidden = [
        ("client_id", Some(request.client_id.as_str())),
        ("redirect_uri", Some(request.redirect_uri.as_str())),
        ("state", request.state.as_deref()),
        ("code_challenge", Some(request.code_challenge.as_str())),
        ("code_challenge_method", Some("S256")),
        ("response_type", Some("code")),
        ("scope", Some(request.scope.as_str())),
        ("resource", request.resource.as_deref()),
    ];
    // The same request, for the browser page (which checks credentials in
    // the page and can keep the admin secret there) to finish.
    let page_query: Vec<String> = hidden
        .iter()
        .filter_map(|(name, value)| value.map(|v| format!("{name}={}", form::encode(v))))
        .collect();
    let hidden: String = hidden
        .iter()
        .filter_map(|(name, value)| {
            value.map(|v| {
                format!(
                    "<input type=\"hidden\" name=\"{name}\" value=\"{}\">",
                    html_escape(v)
                )
            })
        })
        .collect();
    let redirect_host = request
        .redirect_uri
        .split("://")
        .nth(1)
        .unwrap_or(&request.redirect_uri)
        .split(['/', '?'])
        .next()
        .unwrap_or_default();
    let error_html = match error {
        Some((field, message)) => format!(
            "<p class=\"error\" role=\"alert\" data-field=\"{}\">{}</p>",
            html_escape(field),
            html_escape(message)
        ),
        None => String::new(),
    };
    let body = format!(
        "<p><strong>{}</strong> asks to read your Kaltura account (search, metadata, captions, analytics; never changes anything). After you connect, you return to <strong>{}</strong>.</p>{error_html}\
<form method=\"post\" action=\"/authorize\">{hidden}\
<label for=\"serviceUrl\">Service URL</label><input id=\"serviceUrl\" name=\"serviceUrl\" value=\"{}\">\
<label for=\"partnerId\">Partner ID</label><input id=\"partnerId\" name=\"partnerId\" inputmode=\"numeric\" required>\
<label for=\"adminSecret\">Admin secret</label><input id=\"adminSecret\" name=\"adminSecret\" type=\"password\" autocomplete=\"off\">\
<p class=\"hint\">Or a ready KS instead of the secret:</p><label for=\"ks\">KS</label><input id=\"ks\" name=\"ks\" autocomplete=\"off\">\
<label for=\"userId\">User ID (optional)</label><input id=\"userId\" name=\"userId\">\
<button type=\"submit\">Connect</button></form>\
<p class=\"hint\"><a href=\"/?{}\">Connect on the full page</a> instead: it checks the credentials in your browser and can keep your admin secret there.</p>",
        html_escape(&request.client_name),
        html_escape(redirect_host),
        html_escape(default_service_url),
        html_escape(&page_query.join("&")),
    );
    Reply::Html(
        if error.is_some() { 400 } else { 200 },
        page("Connect Kaltura", &body),
    )
}

/// What a code stands for until it is redeemed.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct CodeRecord {
    grant: Grant,
    request: AuthorizationRequest,
}

/// `POST /authorize`: the consent form came back. Checks the credentials
/// with Kaltura; on success redirects with a fresh code.
pub async fn consent(
    ctx: &Context,
    store: &TokenStore,
    base: &str,
    params: &[(String, String)],
) -> Reply {
    let request = match check_authorization(ctx, store, base, params).await {
        Checked::Ok(request) => request,
        Checked::Page(reply) => return reply,
    };
    let get = |name: &str| form::get(params, name).map(str::to_owned);
    let input = CredentialInput {
        service_url: get("serviceUrl"),
        partner_id: get("partnerId").map(|id| Value::String(id.trim().to_owned())),
        admin_secret: get("adminSecret"),
        ks: get("ks"),
        user_id: get("userId"),
        expires_in: Some(REFRESH_TOKEN_SECS),
        privileges: None,
    };
    let grant = match input.into_grant(ctx).await {
        Ok(grant) => grant,
        Err(error) => {
            let default = ctx.config.kaltura.service_url.as_str().to_owned();
            return consent_page(
                &request,
                &default,
                Some((error.field.unwrap_or(""), &error.message)),
            );
        }
    };
    let record = CodeRecord {
        grant,
        request: request.clone(),
    };
    let code = match store
        .mint(Kind::Code, &record, store.now() + CODE_SECS)
        .await
    {
        Ok(code) => code,
        Err(error) => return storage_failed(error),
    };
    Reply::Redirect(redirect_with(
        &request.redirect_uri,
        base,
        &[("code", &code)],
        request.state.as_deref(),
    ))
}

/// What a refresh token stands for.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct RefreshRecord {
    grant: Grant,
    client_id: String,
    scope: String,
}

fn pkce_matches(verifier: &str, challenge: &str) -> bool {
    let valid = (43..=128).contains(&verifier.len())
        && verifier
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b));
    valid && URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes())) == challenge
}

/// `POST /token`.
pub async fn token(store: &TokenStore, base: &str, params: &[(String, String)]) -> Reply {
    let get = |name: &str| {
        form::get(params, name)
            .map(str::trim)
            .filter(|v| !v.is_empty())
    };
    match get("grant_type") {
        Some("authorization_code") => {
            let (Some(code), Some(verifier)) = (get("code"), get("code_verifier")) else {
                return oauth_error(
                    400,
                    "invalid_request",
                    "code and code_verifier are required",
                );
            };
            // Single use, whatever happens next.
            let record: CodeRecord = match store.consume(Kind::Code, code).await {
                Ok(record) => record,
                Err(StoreError::NotFound) => {
                    return oauth_error(
                        400,
                        "invalid_grant",
                        "the code is unknown, expired or already used",
                    )
                }
                Err(error) => return storage_failed(error),
            };
            let request = &record.request;
            if get("client_id").is_some_and(|id| id != request.client_id) {
                return oauth_error(
                    400,
                    "invalid_grant",
                    "the code was issued to another client",
                );
            }
            if get("redirect_uri").is_some_and(|uri| uri != request.redirect_uri) {
                return oauth_error(
                    400,
                    "invalid_grant",
                    "redirect_uri differs from the authorization request",
                );
            }
            if !pkce_matches(verifier, &request.code_challenge) {
                return oauth_error(
                    400,
                    "invalid_grant",
                    "code_verifier does not match the code_challenge",
                );
            }
            if let Some(resource) = get("resource") {
                if !resource_matches(base, resource) {
                    return oauth_error(
                        400,
                        "invalid_target",
                        "resource must be this server's /mcp URL",
                    );
                }
            }
            issue(store, record.grant, &request.client_id, &request.scope).await
        }
        Some("refresh_token") => {
            let Some(refresh) = get("refresh_token") else {
                return oauth_error(400, "invalid_request", "refresh_token is required");
            };
            let record: RefreshRecord = match store.open(Kind::Refresh, refresh).await {
                Ok(record) => record,
                Err(StoreError::NoSecret) => return storage_failed(StoreError::NoSecret),
                Err(_) => {
                    return oauth_error(
                        400,
                        "invalid_grant",
                        "the refresh token is unknown, expired or already used",
                    )
                }
            };
            if get("client_id").is_some_and(|id| id != record.client_id) {
                return oauth_error(
                    400,
                    "invalid_grant",
                    "the refresh token was issued to another client",
                );
            }
            // Rotation: the old refresh token dies with this use.
            let _ = store.revoke(Kind::Refresh, refresh).await;
            issue(store, record.grant, &record.client_id, &record.scope).await
        }
        Some(other) => oauth_error(
            400,
            "unsupported_grant_type",
            &format!("grant_type {other} is not supported"),
        ),
        None => oauth_error(400, "invalid_request", "grant_type is required"),
    }
}

/// A new access token (an hour) and refresh token (to the grant's end).
async fn issue(store: &TokenStore, grant: Grant, client_id: &str, scope: &str) -> Reply {
    let now = store.now();
    if grant.is_expired(now) {
        return oauth_error(
            400,
            "invalid_grant",
            "the authorization has expired; connect again",
        );
    }
    let access_expires = (now + ACCESS_TOKEN_SECS).min(grant.expires_at);
    let mut access_grant = grant.clone();
    access_grant.expires_at = access_expires;
    let access = match store
        .mint(Kind::Access, &access_grant, access_expires)
        .await
    {
        Ok(token) => token,
        Err(error) => return storage_failed(error),
    };
    let refresh_record = RefreshRecord {
        grant: grant.clone(),
        client_id: client_id.to_owned(),
        scope: scope.to_owned(),
    };
    let refresh = match store
        .mint(Kind::Refresh, &refresh_record, grant.expires_at)
        .await
    {
        Ok(token) => token,
        Err(error) => return storage_failed(error),
    };
    Reply::Json(
        200,
        json!({
            "access_token": access,
            "token_type": "Bearer",
            "expires_in": access_expires - now,
            "refresh_token": refresh,
            "scope": scope,
        }),
    )
}

/// `POST /revoke` (RFC 7009): always 200, whatever the token was.
pub async fn revoke(store: &TokenStore, params: &[(String, String)]) -> Reply {
    if let Some(token) = form::get(params, "token").map(str::trim) {
        let _ = store.revoke(Kind::Access, token).await;
        let _ = store.revoke(Kind::Refresh, token).await;
    }
    Reply::Empty(200)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirect_uris_are_safe_and_exactly_matched() {
        for good in [
            "https://claude.ai/api/mcp/auth_callback",
            "http://127.0.0.1:5555/cb",
            "http://localhost/callback",
            "cursor://anysphere.cursor-mcp/oauth/callback",
        ] {
            assert!(acceptable_redirect(good), "{good}");
        }
        for bad in [
            "http://evil.example/cb",
            "javascript:alert(1)",
            "https://a.example/cb#frag",
            "data:text/html,x",
            "nonsense",
        ] {
            assert!(!acceptable_redirect(bad), "{bad}");
        }
        let registered = vec![
            "https://a.example/cb".to_owned(),
            "http://127.0.0.1:3000/cb".to_owned(),
        ];
        assert!(redirect_matches(&registered, "https://a.example/cb"));
        assert!(!redirect_matches(&registered, "https://a.example/cb2"));
        assert!(!redirect_matches(&registered, "https://a.example/cb?x=1"));
        assert!(
            redirect_matches(&registered, "http://127.0.0.1:4111/cb"),
            "loopback ports may vary"
        );
        assert!(!redirect_matches(
            &registered,
            "http://127.0.0.1:4111/other"
        ));
    }

    #[test]
    fn pkce_is_s256_of_the_verifier() {
        // RFC 7636 appendix B.
        let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        assert!(pkce_matches(
            verifier,
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        ));
        assert!(!pkce_matches(
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXx",
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        ));
        assert!(!pkce_matches("short", "x"));
    }

    #[test]
    fn redirects_carry_state_and_issuer() {
        let uri = redirect_with(
            "https://a.example/cb?x=1",
            "https://mcp.example",
            &[("code", "c d")],
            Some("s&t"),
        );
        assert_eq!(
            uri,
            "https://a.example/cb?x=1&code=c%20d&state=s%26t&iss=https%3A%2F%2Fmcp.example"
        );
    }

    /// Answers every GET with one document.
    struct Document(&'static str);

    impl crate::platform::Http for Document {
        async fn send(
            &self,
            _: crate::platform::OutboundRequest,
        ) -> Result<crate::platform::OutboundResponse, crate::platform::TransportError> {
            Ok(crate::platform::OutboundResponse {
                status: 200,
                headers: Vec::new(),
                body: self.0.as_bytes().to_vec(),
            })
        }
    }

    fn context(document: &'static str) -> Context {
        let ports = crate::platform::Ports::new(
            Document(document),
            crate::platform::ManualClock::default(),
            crate::platform::MemoryKv::default(),
        );
        Context::with_ports(std::rc::Rc::default(), ports, std::rc::Rc::default())
    }

    #[test]
    fn client_metadata_documents_must_be_public_and_name_themselves() {
        let url = "https://app.example/oauth/client.json";
        let good = r#"{"client_id":"https://app.example/oauth/client.json","client_name":"App","redirect_uris":["https://app.example/cb"]}"#;
        let client = pollster::block_on(client_from_document(&context(good), url)).unwrap();
        assert_eq!(client.redirect_uris, ["https://app.example/cb"]);
        assert_eq!(client.client_name, "App");
        let other = r#"{"client_id":"https://else.example/c.json","redirect_uris":["https://app.example/cb"]}"#;
        assert!(pollster::block_on(client_from_document(&context(other), url)).is_err());
        for bad in [
            "http://app.example/c.json",
            "https://169.254.169.254/latest",
            "https://localhost/c.json",
            "https://user@app.example/c.json",
            "https://app.example",
            "https://app.example/c.json#x",
        ] {
            assert!(
                pollster::block_on(client_from_document(&context(good), bad)).is_err(),
                "{bad}"
            );
        }
    }
}
