//! Redirect URIs: which a client may register, whether a request's URI is
//! one it registered, and the redirect that carries a code or an error.

use super::super::form;

/// Redirect URIs we accept: https, loopback http, or an app's own scheme
/// (`cursor://…`); never a fragment.
pub(super) fn acceptable_redirect(uri: &str) -> bool {
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
pub(super) fn redirect_matches(registered: &[String], requested: &str) -> bool {
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

pub(super) fn redirect_with(
    uri: &str,
    issuer: &str,
    params: &[(&str, &str)],
    state: Option<&str>,
) -> String {
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
}
