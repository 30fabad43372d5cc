//! `ServiceUrl`: the Kaltura API base a client may talk to, validated so
//! the server cannot be pointed at arbitrary hosts (SSRF): https only, and
//! the host must be on the allow-list. The one exception is the URL the
//! operator configured (`KALTURA_SERVICE_URL`), which is trusted as given,
//! so `make dev` can use the simulator on http://127.0.0.1.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ServiceUrlError {
    #[error("service URL must look like https://host[:port], got {0:?}")]
    Malformed(String),
    #[error("service URL must use https, got {0:?}")]
    NotHttps(String),
    #[error("service URL host {0:?} is not allowed on this server (allowed: {1})")]
    HostNotAllowed(String, String),
}

/// `scheme://authority` of an absolute URL (scheme lower-cased): what may
/// appear in a message about it, never its path or query, which may hold
/// a KS.
pub fn url_origin(url: &str) -> String {
    let scheme = url.split_once("://").map_or("", |(scheme, _)| scheme);
    format!("{}://{}", scheme.to_ascii_lowercase(), url_authority(url))
}

/// `host[:port]` of an absolute URL.
pub fn url_authority(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split(['/', '?', '#']).next().unwrap_or_default()
}

/// A validated API base: scheme, host and optional port, no trailing slash.
#[derive(Clone, PartialEq, Eq)]
pub struct ServiceUrl {
    base: String,
    host: String,
}

/// Which hosts user-supplied service URLs may name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostPolicy {
    /// Exact hosts (`api.eu.kaltura.com`) or suffix patterns (`*.kaltura.com`).
    patterns: Vec<String>,
    /// The operator's own service URL, allowed whatever its scheme or host.
    trusted: Option<ServiceUrl>,
}

/// Kaltura's SaaS hosts.
pub const DEFAULT_ALLOWED_HOSTS: &[&str] = &["kaltura.com", "*.kaltura.com"];

impl Default for HostPolicy {
    fn default() -> Self {
        HostPolicy::new(
            DEFAULT_ALLOWED_HOSTS.iter().map(|host| host.to_string()),
            None,
        )
    }
}

impl HostPolicy {
    pub fn new(patterns: impl IntoIterator<Item = String>, trusted: Option<ServiceUrl>) -> Self {
        HostPolicy {
            patterns: patterns
                .into_iter()
                .map(|pattern| pattern.trim().to_ascii_lowercase())
                .filter(|pattern| !pattern.is_empty())
                .collect(),
            trusted,
        }
    }

    fn allows(&self, host: &str) -> bool {
        self.patterns
            .iter()
            .any(|pattern| match pattern.strip_prefix("*.") {
                Some(suffix) => host
                    .strip_suffix(suffix)
                    .is_some_and(|head| head.ends_with('.') && head.len() > 1),
                None => host == pattern,
            })
    }
}

impl ServiceUrl {
    /// Parses a URL the operator configured: any http(s) host is accepted.
    pub fn trusted(text: &str) -> Result<Self, ServiceUrlError> {
        let (scheme, url) = Self::split(text)?;
        if scheme != "https" && scheme != "http" {
            return Err(ServiceUrlError::Malformed(text.to_owned()));
        }
        Ok(url)
    }

    /// Parses a URL a user supplied, against `policy`.
    pub fn parse(text: &str, policy: &HostPolicy) -> Result<Self, ServiceUrlError> {
        let (scheme, url) = Self::split(text)?;
        if policy.trusted.as_ref() == Some(&url) {
            return Ok(url);
        }
        if scheme != "https" {
            return Err(ServiceUrlError::NotHttps(text.to_owned()));
        }
        if !policy.allows(&url.host) {
            return Err(ServiceUrlError::HostNotAllowed(
                url.host,
                policy.patterns.join(", "),
            ));
        }
        Ok(url)
    }

    fn split(text: &str) -> Result<(String, ServiceUrl), ServiceUrlError> {
        let malformed = || ServiceUrlError::Malformed(text.to_owned());
        let trimmed = text.trim().trim_end_matches('/');
        let (scheme, rest) = trimmed.split_once("://").ok_or_else(malformed)?;
        let scheme = scheme.to_ascii_lowercase();
        // A path, query, fragment or userinfo would let a URL smuggle in a
        // different target; the API base is only ever scheme://host[:port].
        if rest.is_empty() || rest.contains(['/', '?', '#', '@', '\\', ' ']) {
            return Err(malformed());
        }
        // `[v6]:port` keeps its brackets; otherwise the last `:` starts a port.
        let (host, port) = match rest.strip_prefix('[') {
            Some(v6) => {
                let (address, after) = v6.split_once(']').ok_or_else(malformed)?;
                let port = match after {
                    "" => None,
                    _ => Some(after.strip_prefix(':').ok_or_else(malformed)?),
                };
                (format!("[{address}]"), port)
            }
            None => match rest.split_once(':') {
                Some((host, port)) => (host.to_owned(), Some(port)),
                None => (rest.to_owned(), None),
            },
        };
        if port.is_some_and(|port| port.is_empty() || !port.bytes().all(|b| b.is_ascii_digit())) {
            return Err(malformed());
        }
        let host = host.to_ascii_lowercase();
        let valid_host = !host.is_empty()
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-.[]:".contains(&b));
        if !valid_host {
            return Err(malformed());
        }
        let base = match port {
            Some(port) => format!("{scheme}://{host}:{port}"),
            None => format!("{scheme}://{host}"),
        };
        Ok((scheme, ServiceUrl { base, host }))
    }

    pub fn host(&self) -> &str {
        &self.host
    }

    pub fn as_str(&self) -> &str {
        &self.base
    }

    /// Checks a URL Kaltura handed out (a `getUrl` answer) before the
    /// server fetches it: same origin as this service, or an https URL on
    /// an allowed host. Anything else could turn the server against other
    /// hosts.
    pub fn check_download(&self, url: &str, policy: &HostPolicy) -> Result<(), ServiceUrlError> {
        if !url.contains("://") {
            return Err(ServiceUrlError::Malformed(url.to_owned()));
        }
        let origin = url_origin(url);
        if origin == self.base {
            return Ok(());
        }
        ServiceUrl::parse(&origin, policy).map(|_| ())
    }

    /// `{base}/api_v3/service/{service}/action/{action}`.
    pub fn action_url(&self, service: &str, action: &str) -> String {
        format!("{}/api_v3/service/{service}/action/{action}", self.base)
    }

    /// `{base}/api_v3/service/multirequest`.
    pub fn multirequest_url(&self) -> String {
        format!("{}/api_v3/service/multirequest", self.base)
    }
}

impl fmt::Debug for ServiceUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ServiceUrl({})", self.base)
    }
}

impl fmt::Display for ServiceUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.base)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kaltura_hosts_over_https_are_allowed() {
        let policy = HostPolicy::default();
        for ok in [
            "https://www.kaltura.com",
            "https://api.eu.kaltura.com/",
            "HTTPS://CDNAPISEC.KALTURA.COM",
            "https://www.kaltura.com:443",
        ] {
            let url = ServiceUrl::parse(ok, &policy).unwrap();
            assert!(url.as_str().starts_with("https://"), "{url}");
        }
        let url = ServiceUrl::parse("https://www.kaltura.com/", &policy).unwrap();
        assert_eq!(
            url.action_url("media", "list"),
            "https://www.kaltura.com/api_v3/service/media/action/list"
        );
    }

    #[test]
    fn other_hosts_schemes_and_smuggling_are_refused() {
        let policy = HostPolicy::default();
        let refused = [
            ("http://www.kaltura.com", "https"),
            ("https://evil.example", "not allowed"),
            ("https://kaltura.com.evil.example", "not allowed"),
            ("https://evilkaltura.com", "not allowed"),
            ("https://www.kaltura.com@evil.example", "look like"),
            ("https://evil.example/www.kaltura.com", "look like"),
            ("https://www.kaltura.com?x=1", "look like"),
            ("ftp://www.kaltura.com", "https"),
            ("www.kaltura.com", "look like"),
            ("https://", "look like"),
            ("https://127.0.0.1:8080", "not allowed"),
        ];
        for (text, reason) in refused {
            let error = ServiceUrl::parse(text, &policy).unwrap_err().to_string();
            assert!(error.contains(reason), "{text}: {error}");
        }
    }

    #[test]
    fn the_operators_url_is_trusted_even_on_loopback_http() {
        let trusted = ServiceUrl::trusted("http://127.0.0.1:8791").unwrap();
        let policy = HostPolicy::new(["media.example.edu".to_string()], Some(trusted.clone()));
        assert_eq!(
            ServiceUrl::parse("http://127.0.0.1:8791/", &policy).unwrap(),
            trusted
        );
        assert!(ServiceUrl::parse("http://127.0.0.1:9999", &policy).is_err());
        assert!(ServiceUrl::parse("https://media.example.edu", &policy).is_ok());
        assert!(ServiceUrl::trusted("file:///etc/passwd").is_err());
    }
}
