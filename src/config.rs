//! Typed configuration, read once from the deployment's variables (wrangler
//! `[vars]`, secrets, or the process environment in tests). Absent
//! variables take production-safe defaults; malformed ones are errors that
//! name the variable.

use crate::kaltura::ks::SessionType;
use crate::kaltura::session::DEFAULT_SESSION_EXPIRY_SECS;
use crate::kaltura::{AdminSecret, Credentials, HostPolicy, PartnerId, ServerSecret, ServiceUrl};
use crate::mcp::http::HttpPolicy;

/// Requests larger than this are refused with 413 (1 MiB).
pub const DEFAULT_MAX_BODY_BYTES: usize = 1024 * 1024;

/// Kaltura's SaaS API base, used when `KALTURA_SERVICE_URL` is not set.
pub const DEFAULT_SERVICE_URL: &str = "https://www.kaltura.com";

/// Privileges of locally generated KSs unless `KALTURA_PRIVILEGES` says
/// otherwise: see every entry, whatever the entitlement settings.
pub const DEFAULT_PRIVILEGES: &str = "disableentitlement";

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub http: HttpPolicy,
    pub kaltura: KalturaConfig,
    pub auth: AuthConfig,
    /// `CONFORMANCE_FIXTURES=true`: the MCP conformance suite's fixture
    /// tools, resources and prompts are offered beside the product's.
    pub conformance_fixtures: bool,
    pub monitor: MonitorConfig,
}

/// Who may read `/metrics`, and when to raise alerts.
#[derive(Debug, Clone, PartialEq)]
pub struct MonitorConfig {
    /// `METRICS_TOKEN`: when set, `/metrics` needs `Authorization: Bearer <it>`.
    pub metrics_token: Option<ServerSecret>,
    /// `ALERT_ERROR_RATE`: share of failed `/mcp` requests over five
    /// minutes above which an error alert is logged (and health degrades).
    pub alert_error_rate: f64,
    /// `ALERT_SLOW_TOOL_MS`: a tool call slower than this logs a warning.
    pub alert_slow_tool_ms: u64,
    /// `ALERT_KALTURA_FAILURES`: this many failed Kaltura round trips in a
    /// row log an error (0 turns the alert off).
    pub alert_kaltura_failures: u32,
}

impl Default for MonitorConfig {
    fn default() -> Self {
        MonitorConfig {
            metrics_token: None,
            alert_error_rate: 0.2,
            alert_slow_tool_ms: 5_000,
            alert_kaltura_failures: 5,
        }
    }
}

impl MonitorConfig {
    fn from_vars(set: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let mut config = MonitorConfig {
            metrics_token: set("METRICS_TOKEN").map(|token| ServerSecret::new(token.trim())),
            ..MonitorConfig::default()
        };
        if let Some(value) = set("ALERT_ERROR_RATE") {
            config.alert_error_rate = value
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|rate| (0.0..=1.0).contains(rate))
                .ok_or(ConfigError::Invalid {
                    name: "ALERT_ERROR_RATE",
                    expected: "a number between 0 and 1",
                    value,
                })?;
        }
        if let Some(value) = set("ALERT_SLOW_TOOL_MS") {
            config.alert_slow_tool_ms = value.trim().parse().map_err(|_| ConfigError::Invalid {
                name: "ALERT_SLOW_TOOL_MS",
                expected: "a number of milliseconds",
                value,
            })?;
        }
        if let Some(value) = set("ALERT_KALTURA_FAILURES") {
            config.alert_kaltura_failures =
                value.trim().parse().map_err(|_| ConfigError::Invalid {
                    name: "ALERT_KALTURA_FAILURES",
                    expected: "a whole number",
                    value,
                })?;
        }
        Ok(config)
    }
}

/// Who may use `/mcp`, and how much.
#[derive(Debug, Clone, PartialEq)]
pub struct AuthConfig {
    /// `TOKEN_SECRET`: keys of stored tokens are derived from it. Without
    /// it no token can be minted or opened.
    pub token_secret: Option<ServerSecret>,
    /// `ALLOW_HEADER_CREDENTIALS=true`: Kaltura credentials may come in
    /// `X-Kaltura-*` request headers.
    pub allow_header_credentials: bool,
    /// `RATE_LIMIT_PER_MINUTE`: requests per token (or per credentials)
    /// per minute, per isolate.
    pub rate_limit_per_minute: u32,
    /// `ALLOW_ANONYMOUS=true`: a request without credentials acts as the
    /// configured account. Off by default, so a deployed worker with an
    /// account is not an open door to it; `make dev` turns it on.
    pub allow_anonymous: bool,
    /// `PUBLIC_URL` (`https://host`): this deployment's public origin, used
    /// in OAuth metadata, redirects and `mcpUrl` instead of the request's
    /// `Host` header, which a client chooses.
    pub public_url: Option<String>,
}

/// Requests per minute per token unless `RATE_LIMIT_PER_MINUTE` says otherwise.
pub const DEFAULT_RATE_LIMIT_PER_MINUTE: u32 = 300;

impl Default for AuthConfig {
    fn default() -> Self {
        AuthConfig {
            token_secret: None,
            allow_header_credentials: false,
            rate_limit_per_minute: DEFAULT_RATE_LIMIT_PER_MINUTE,
            allow_anonymous: false,
            public_url: None,
        }
    }
}

/// Where Kaltura is and, for a single-tenant deployment, whose account.
#[derive(Debug, Clone, PartialEq)]
pub struct KalturaConfig {
    /// The operator's API base (trusted as configured).
    pub service_url: ServiceUrl,
    /// Which hosts user-supplied service URLs may name.
    pub hosts: HostPolicy,
    /// The server's own account (`KALTURA_PARTNER_ID` + `KALTURA_ADMIN_SECRET`).
    pub account: Option<Credentials>,
}

impl Default for KalturaConfig {
    fn default() -> Self {
        let service_url =
            ServiceUrl::trusted(DEFAULT_SERVICE_URL).expect("the default service URL is valid");
        KalturaConfig {
            hosts: HostPolicy::new(default_hosts(), Some(service_url.clone())),
            service_url,
            account: None,
        }
    }
}

fn default_hosts() -> Vec<String> {
    crate::kaltura::service_url::DEFAULT_ALLOWED_HOSTS
        .iter()
        .map(|host| host.to_string())
        .collect()
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ConfigError {
    #[error("{name} must be {expected}, got {value:?}")]
    Invalid {
        name: &'static str,
        expected: &'static str,
        value: String,
    },
    #[error("{name} must be set when {because}")]
    Missing {
        name: &'static str,
        because: &'static str,
    },
}

impl Default for Config {
    fn default() -> Self {
        Config {
            http: HttpPolicy {
                allowed_origins: Vec::new(),
                max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            },
            kaltura: KalturaConfig::default(),
            auth: AuthConfig::default(),
            conformance_fixtures: false,
            monitor: MonitorConfig::default(),
        }
    }
}

impl Config {
    /// Reads the configuration through `lookup` (variable name → value).
    ///
    /// - `ALLOWED_ORIGINS`: comma-separated browser origins allowed to call
    ///   `/mcp` besides loopback ones and the server's own https origin.
    /// - `MAX_BODY_BYTES`: request body cap, a positive integer;
    /// - `KALTURA_*`: see [`KalturaConfig::from_vars`].
    pub fn from_vars(lookup: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let mut config = Config::default();
        if let Some(origins) = lookup("ALLOWED_ORIGINS") {
            config.http.allowed_origins = origins
                .split(',')
                .map(|origin| origin.trim().trim_end_matches('/').to_owned())
                .filter(|origin| !origin.is_empty())
                .collect();
            if let Some(bad) =
                config.http.allowed_origins.iter().find(|origin| {
                    !(origin.starts_with("https://") || origin.starts_with("http://"))
                })
            {
                return Err(ConfigError::Invalid {
                    name: "ALLOWED_ORIGINS",
                    expected: "a comma-separated list of http(s) origins",
                    value: bad.clone(),
                });
            }
        }
        if let Some(value) = lookup("MAX_BODY_BYTES") {
            config.http.max_body_bytes = value
                .trim()
                .parse::<usize>()
                .ok()
                .filter(|bytes| *bytes > 0)
                .ok_or(ConfigError::Invalid {
                    name: "MAX_BODY_BYTES",
                    expected: "a positive integer",
                    value,
                })?;
        }
        config.kaltura = KalturaConfig::from_vars(&lookup)?;
        let set = |name: &str| lookup(name).filter(|value| !value.trim().is_empty());
        config.auth.token_secret =
            set("TOKEN_SECRET").map(|secret| ServerSecret::new(secret.trim()));
        let flag = |name: &'static str| match set(name) {
            None => Ok(false),
            Some(value) => match value.trim().to_ascii_lowercase().as_str() {
                "true" | "1" | "yes" => Ok(true),
                "false" | "0" | "no" => Ok(false),
                _ => Err(ConfigError::Invalid {
                    name,
                    expected: "true or false",
                    value,
                }),
            },
        };
        config.auth.allow_header_credentials = flag("ALLOW_HEADER_CREDENTIALS")?;
        config.conformance_fixtures = flag("CONFORMANCE_FIXTURES")?;
        config.auth.allow_anonymous = flag("ALLOW_ANONYMOUS")?;
        if let Some(value) = set("PUBLIC_URL") {
            config.auth.public_url = Some(public_origin(&value).ok_or(ConfigError::Invalid {
                name: "PUBLIC_URL",
                expected: "an origin such as https://mcp.example.com (https, no path)",
                value,
            })?);
        }
        if let Some(value) = set("RATE_LIMIT_PER_MINUTE") {
            config.auth.rate_limit_per_minute = value
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|limit| *limit > 0)
                .ok_or(ConfigError::Invalid {
                    name: "RATE_LIMIT_PER_MINUTE",
                    expected: "a positive integer",
                    value,
                })?;
        }
        config.monitor = MonitorConfig::from_vars(set)?;
        Ok(config)
    }
}

/// `https://host[:port]` with nothing after it (a trailing `/` is dropped);
/// `http://` only for loopback, as under `wrangler dev`.
fn public_origin(value: &str) -> Option<String> {
    let value = value.trim().trim_end_matches('/');
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))?;
    let host = rest.rsplit_once(':').map_or(rest, |(host, _)| host);
    let loopback = matches!(host, "127.0.0.1" | "localhost" | "[::1]");
    let plain = !rest.is_empty()
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b));
    (plain && (value.starts_with("https://") || loopback)).then(|| value.to_owned())
}

impl KalturaConfig {
    /// - `KALTURA_SERVICE_URL`: API base (default `https://www.kaltura.com`);
    /// - `KALTURA_ALLOWED_HOSTS`: comma-separated hosts or `*.suffix`
    ///   patterns user-supplied service URLs may name, besides Kaltura's;
    /// - `KALTURA_PARTNER_ID` + `KALTURA_ADMIN_SECRET`: the server's own
    ///   account (single-tenant); with `KALTURA_USER_ID`,
    ///   `KALTURA_SESSION_EXPIRY` (seconds, default 86400) and
    ///   `KALTURA_PRIVILEGES` (default `disableentitlement`).
    pub fn from_vars(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let set = |name: &str| lookup(name).filter(|value| !value.trim().is_empty());
        let service_url = match set("KALTURA_SERVICE_URL") {
            Some(url) => ServiceUrl::trusted(&url).map_err(|_| ConfigError::Invalid {
                name: "KALTURA_SERVICE_URL",
                expected: "an http(s) URL of the form https://host[:port]",
                value: url,
            })?,
            None => KalturaConfig::default().service_url,
        };
        let mut hosts = default_hosts();
        // ALLOWED_SERVICE_HOSTS is the same list under its other name.
        for name in ["KALTURA_ALLOWED_HOSTS", "ALLOWED_SERVICE_HOSTS"] {
            if let Some(extra) = set(name) {
                hosts.extend(extra.split(',').map(str::to_owned));
            }
        }
        let account = match (set("KALTURA_PARTNER_ID"), set("KALTURA_ADMIN_SECRET")) {
            (None, None) => None,
            (Some(partner_id), Some(secret)) => {
                let partner_id =
                    partner_id
                        .parse::<PartnerId>()
                        .map_err(|_| ConfigError::Invalid {
                            name: "KALTURA_PARTNER_ID",
                            expected: "a positive integer",
                            value: partner_id,
                        })?;
                let expiry_secs = match set("KALTURA_SESSION_EXPIRY") {
                    None => DEFAULT_SESSION_EXPIRY_SECS,
                    Some(value) => value
                        .trim()
                        .parse::<u64>()
                        .ok()
                        .filter(|secs| (60..=31_536_000).contains(secs))
                        .ok_or(ConfigError::Invalid {
                            name: "KALTURA_SESSION_EXPIRY",
                            expected: "a number of seconds between 60 and 31536000",
                            value,
                        })?,
                };
                Some(Credentials::Secret {
                    partner_id,
                    secret: AdminSecret::new(secret.trim()),
                    user_id: set("KALTURA_USER_ID").unwrap_or_default(),
                    session_type: SessionType::Admin,
                    privileges: lookup("KALTURA_PRIVILEGES")
                        .unwrap_or_else(|| DEFAULT_PRIVILEGES.to_owned()),
                    expiry_secs,
                })
            }
            // Never echo the secret: name what is missing instead.
            (Some(_), None) => {
                return Err(ConfigError::Missing {
                    name: "KALTURA_ADMIN_SECRET",
                    because: "KALTURA_PARTNER_ID is set",
                })
            }
            (None, Some(_)) => {
                return Err(ConfigError::Missing {
                    name: "KALTURA_PARTNER_ID",
                    because: "KALTURA_ADMIN_SECRET is set",
                })
            }
        };
        Ok(KalturaConfig {
            hosts: HostPolicy::new(hosts, Some(service_url.clone())),
            service_url,
            account,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.to_string())
        }
    }

    #[test]
    fn defaults_when_nothing_is_set() {
        assert_eq!(Config::from_vars(vars(&[])).unwrap(), Config::default());
    }

    #[test]
    fn anonymous_use_is_opt_in_and_the_public_url_is_an_origin() {
        assert!(!Config::default().auth.allow_anonymous);
        let config = Config::from_vars(vars(&[
            ("ALLOW_ANONYMOUS", "true"),
            ("PUBLIC_URL", "https://mcp.example.com/"),
        ]))
        .unwrap();
        assert!(config.auth.allow_anonymous);
        assert_eq!(
            config.auth.public_url.as_deref(),
            Some("https://mcp.example.com")
        );
        for bad in [
            "mcp.example.com",
            "http://mcp.example.com",
            "https://mcp.example.com/path",
            "https://user@mcp.example.com",
            "https://",
        ] {
            assert!(
                Config::from_vars(vars(&[("PUBLIC_URL", bad)])).is_err(),
                "{bad}"
            );
        }
        assert!(Config::from_vars(vars(&[("PUBLIC_URL", "http://127.0.0.1:8787")])).is_ok());
    }

    #[test]
    fn reads_origins_and_body_cap() {
        let config = Config::from_vars(vars(&[
            (
                "ALLOWED_ORIGINS",
                "https://a.example/, http://b.example:8080",
            ),
            ("MAX_BODY_BYTES", "2048"),
        ]))
        .unwrap();
        assert_eq!(
            config.http.allowed_origins,
            vec!["https://a.example", "http://b.example:8080"]
        );
        assert_eq!(config.http.max_body_bytes, 2048);
    }

    #[test]
    fn kaltura_account_from_vars() {
        let config = Config::from_vars(vars(&[
            ("KALTURA_SERVICE_URL", "http://127.0.0.1:8791/"),
            ("KALTURA_PARTNER_ID", "4815162"),
            ("KALTURA_ADMIN_SECRET", "0123456789abcdef0123456789abcdef"),
            ("KALTURA_USER_ID", "demo-admin@example.com"),
            ("KALTURA_SESSION_EXPIRY", "3600"),
            ("KALTURA_ALLOWED_HOSTS", "media.example.edu"),
        ]))
        .unwrap();
        let kaltura = config.kaltura;
        assert_eq!(kaltura.service_url.as_str(), "http://127.0.0.1:8791");
        match kaltura.account.unwrap() {
            Credentials::Secret {
                partner_id,
                user_id,
                privileges,
                expiry_secs,
                ..
            } => {
                assert_eq!(partner_id.get(), 4815162);
                assert_eq!(user_id, "demo-admin@example.com");
                assert_eq!(privileges, DEFAULT_PRIVILEGES);
                assert_eq!(expiry_secs, 3600);
            }
            other => panic!("unexpected credentials {other:?}"),
        }
        assert!(ServiceUrl::parse("https://media.example.edu", &kaltura.hosts).is_ok());
        assert!(ServiceUrl::parse("https://api.eu.kaltura.com", &kaltura.hosts).is_ok());
        assert!(ServiceUrl::parse("https://evil.example", &kaltura.hosts).is_err());
    }

    #[test]
    fn a_half_configured_account_is_an_error_that_never_shows_the_secret() {
        let error =
            Config::from_vars(vars(&[("KALTURA_ADMIN_SECRET", "s3cr3t-value")])).unwrap_err();
        assert_eq!(
            error.to_string(),
            "KALTURA_PARTNER_ID must be set when KALTURA_ADMIN_SECRET is set"
        );
        let error = Config::from_vars(vars(&[
            ("KALTURA_PARTNER_ID", "abc"),
            ("KALTURA_ADMIN_SECRET", "s3cr3t-value"),
        ]))
        .unwrap_err();
        assert!(error.to_string().contains("KALTURA_PARTNER_ID"));
        assert!(!format!("{error} {error:?}").contains("s3cr3t"));
        let debug = format!(
            "{:?}",
            Config::from_vars(vars(&[
                ("KALTURA_PARTNER_ID", "1"),
                ("KALTURA_ADMIN_SECRET", "s3cr3t-value"),
            ]))
            .unwrap()
        );
        assert!(!debug.contains("s3cr3t"), "{debug}");
    }

    #[test]
    fn malformed_values_name_the_variable() {
        let error = Config::from_vars(vars(&[("MAX_BODY_BYTES", "lots")])).unwrap_err();
        assert!(error
            .to_string()
            .starts_with("MAX_BODY_BYTES must be a positive integer"));
        let error = Config::from_vars(vars(&[("ALLOWED_ORIGINS", "evil.example")])).unwrap_err();
        assert!(error.to_string().contains("ALLOWED_ORIGINS"));
        let error = Config::from_vars(vars(&[("ALERT_ERROR_RATE", "2")])).unwrap_err();
        assert!(error.to_string().starts_with("ALERT_ERROR_RATE must be"));
    }

    #[test]
    fn monitoring_settings_and_a_metrics_token_that_never_prints() {
        let config = Config::from_vars(vars(&[
            ("METRICS_TOKEN", " m3trics-t0ken "),
            ("ALERT_ERROR_RATE", "0.05"),
            ("ALERT_SLOW_TOOL_MS", "750"),
            ("ALERT_KALTURA_FAILURES", "0"),
        ]))
        .unwrap();
        let monitor = &config.monitor;
        assert_eq!(
            monitor.metrics_token.as_ref().unwrap().expose(),
            "m3trics-t0ken"
        );
        assert_eq!(
            (
                monitor.alert_error_rate,
                monitor.alert_slow_tool_ms,
                monitor.alert_kaltura_failures
            ),
            (0.05, 750, 0)
        );
        assert!(!format!("{config:?}").contains("m3trics"));
    }
}
