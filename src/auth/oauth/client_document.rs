//! Client ID metadata documents: a `client_id` that is the https URL of
//! a JSON document naming the client and its redirect URIs.

use super::redirect::acceptable_redirect;
use super::register::Client;
use crate::context::Context;
use serde_json::Value;
use std::time::Duration;

/// Client ID metadata documents larger than this are refused.
const MAX_CLIENT_DOCUMENT_BYTES: usize = 5 * 1024;

/// A client whose `client_id` is the https URL of its metadata document
/// (CIMD): the document is fetched and must name itself and its redirect
/// URIs. Only public https hosts by name are fetched: no IP literals, no
/// localhost, no userinfo, no fragment.
pub(super) async fn client_from_document(ctx: &Context, url: &str) -> Result<Client, String> {
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

#[cfg(test)]
mod tests {
    use super::*;
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
