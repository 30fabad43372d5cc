//! `/authorize`: the request checked (client, exact redirect URI, PKCE,
//! resource), the consent form, and the code issued once Kaltura accepts
//! the credentials entered.

use super::client_document::client_from_document;
use super::redirect::{redirect_matches, redirect_with};
use super::register::{client_key, Client};
use super::{storage_failed, Reply, CODE_SECS, REFRESH_TOKEN_SECS, SCOPE};
use crate::auth::form::{self, html_escape};
use crate::auth::grant::Grant;
use crate::auth::store::{Kind, TokenStore};
use crate::auth::tokens::CredentialInput;
use crate::context::Context;
use serde::{Deserialize, Serialize};
use serde_json::Value;

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
pub(super) fn resource_matches(base: &str, resource: &str) -> bool {
    let resource = resource.trim_end_matches('/');
    resource == format!("{base}/mcp") || resource == base
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
pub(super) struct CodeRecord {
    pub(super) grant: Grant,
    pub(super) request: AuthorizationRequest,
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
