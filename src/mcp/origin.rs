//! Browser-facing policy of the endpoint: which `Origin`s may call (the
//! DNS-rebinding defence) and the CORS headers they get.

use super::http::{HttpPolicy, HttpResponse};

/// The answer to a CORS preflight (`OPTIONS`) from an allowed origin.
pub fn preflight() -> HttpResponse {
    HttpResponse {
        status: 204,
        headers: vec![
            ("Access-Control-Allow-Methods".into(), "POST, GET, DELETE, OPTIONS".into()),
            (
                "Access-Control-Allow-Headers".into(),
                "Content-Type, Accept, Authorization, MCP-Protocol-Version, Mcp-Session-Id, Mcp-Method, Mcp-Name, Last-Event-ID".into(),
            ),
            ("Access-Control-Max-Age".into(), "86400".into()),
        ],
        body: Vec::new(),
        stream: None,
    }
}

/// Lets an allowed browser origin read the answer and its MCP headers.
pub fn with_cors(response: HttpResponse, origin: &str) -> HttpResponse {
    response
        .with_header("Access-Control-Allow-Origin", origin)
        .with_header(
            "Access-Control-Expose-Headers",
            "Mcp-Session-Id, MCP-Protocol-Version, WWW-Authenticate",
        )
        .with_header("Vary", "Origin")
}

/// Origins allowed to call: loopback ones (local development and desktop
/// bridges), configured ones, and the server's own origin over TLS. A DNS
/// rebinding page has a foreign, non-TLS-verified-for-us origin and is refused.
pub fn origin_allowed(origin: &str, host: Option<&str>, policy: &HttpPolicy) -> bool {
    policy
        .allowed_origins
        .iter()
        .any(|allowed| allowed == origin)
        || is_loopback_origin(origin)
        || host.is_some_and(|host| origin == format!("https://{host}"))
}

fn is_loopback_origin(origin: &str) -> bool {
    let Some(authority) = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"))
    else {
        return false;
    };
    let host = if authority.starts_with('[') {
        authority.split_inclusive(']').next().unwrap_or_default()
    } else {
        authority.split(':').next().unwrap_or_default()
    };
    let port_ok = authority[host.len()..]
        .strip_prefix(':')
        .map_or(authority.len() == host.len(), |port| {
            !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit())
        });
    matches!(host, "localhost" | "127.0.0.1" | "[::1]") && port_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_origins_are_recognised_strictly() {
        for origin in [
            "http://localhost",
            "http://127.0.0.1:8787",
            "https://localhost:3000",
            "http://[::1]:9",
        ] {
            assert!(is_loopback_origin(origin), "{origin}");
        }
        for origin in [
            "http://localhost.evil.com",
            "http://127.0.0.1.nip.io",
            "http://evil.example.com",
            "null",
            "http://localhost:",
            "http://[::1]x",
        ] {
            assert!(!is_loopback_origin(origin), "{origin}");
        }
    }

    #[test]
    fn own_origin_is_allowed_only_over_tls() {
        let policy = HttpPolicy {
            allowed_origins: vec!["https://app.example".into()],
            max_body_bytes: 10,
        };
        assert!(origin_allowed(
            "https://mcp.example",
            Some("mcp.example"),
            &policy
        ));
        assert!(!origin_allowed(
            "http://evil.example.com",
            Some("evil.example.com"),
            &policy
        ));
        assert!(origin_allowed(
            "https://app.example",
            Some("mcp.example"),
            &policy
        ));
    }
}
