//! Typed configuration, read once from the deployment's variables (wrangler
//! `[vars]`, secrets, or the process environment in tests). Absent
//! variables take production-safe defaults; malformed ones are errors that
//! name the variable.

use crate::mcp::http::HttpPolicy;

/// Requests larger than this are refused with 413 (1 MiB).
pub const DEFAULT_MAX_BODY_BYTES: usize = 1024 * 1024;

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub http: HttpPolicy,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ConfigError {
    #[error("{name} must be {expected}, got {value:?}")]
    Invalid {
        name: &'static str,
        expected: &'static str,
        value: String,
    },
}

impl Default for Config {
    fn default() -> Self {
        Config {
            http: HttpPolicy {
                allowed_origins: Vec::new(),
                max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            },
        }
    }
}

impl Config {
    /// Reads the configuration through `lookup` (variable name → value).
    ///
    /// - `ALLOWED_ORIGINS`: comma-separated browser origins allowed to call
    ///   `/mcp` besides loopback ones and the server's own https origin.
    /// - `MAX_BODY_BYTES`: request body cap, a positive integer.
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
        Ok(config)
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
    fn malformed_values_name_the_variable() {
        let error = Config::from_vars(vars(&[("MAX_BODY_BYTES", "lots")])).unwrap_err();
        assert!(error
            .to_string()
            .starts_with("MAX_BODY_BYTES must be a positive integer"));
        let error = Config::from_vars(vars(&[("ALLOWED_ORIGINS", "evil.example")])).unwrap_err();
        assert!(error.to_string().contains("ALLOWED_ORIGINS"));
    }
}
