//! The per-era envelope rules a request must meet before dispatch: which
//! era it belongs to, the legacy `MCP-Protocol-Version` header, and the
//! 2026-07-28 `_meta` fields and `Mcp-*` headers that must mirror the body.

use super::http::HttpRequest;
use super::jsonrpc::{ErrorCode, Request, RpcError};
use super::server::{meta, Era};
use super::version::ProtocolVersion;
use serde_json::{json, Value};

/// Decides the era of a request and enforces that era's envelope rules.
pub fn era_of(request: &Request, http: &HttpRequest) -> Result<Era, RpcError> {
    let header = http.header("mcp-protocol-version");
    let meta_version = request
        .meta()
        .and_then(|meta| meta.get(meta::PROTOCOL_VERSION));
    let modern = meta_version.is_some()
        || header == Some(ProtocolVersion::V2026_07_28.as_str())
        || request.method == "server/discover";
    if !modern {
        return match header {
            None => Ok(Era::Legacy(ProtocolVersion::ASSUMED_WITHOUT_HEADER)),
            Some(header) => ProtocolVersion::parse(header)
                .filter(|version| !version.is_modern())
                .map(Era::Legacy)
                .ok_or_else(|| {
                    RpcError::invalid_request(format!("Unsupported MCP-Protocol-Version: {header}"))
                        .with_data(json!({ "supported": ProtocolVersion::all_strings(), "requested": header }))
                }),
        };
    }
    check_modern_envelope(request, http)?;
    Ok(Era::Modern)
}

fn check_modern_envelope(request: &Request, http: &HttpRequest) -> Result<(), RpcError> {
    let missing = |what: &str| {
        RpcError::invalid_params(format!("2026-07-28 requests need params._meta[\"{what}\"]"))
    };
    let meta = request
        .meta()
        .ok_or_else(|| missing(meta::PROTOCOL_VERSION))?;
    let version = meta
        .get(meta::PROTOCOL_VERSION)
        .and_then(Value::as_str)
        .ok_or_else(|| missing(meta::PROTOCOL_VERSION))?;
    if !meta
        .get(meta::CLIENT_CAPABILITIES)
        .is_some_and(Value::is_object)
    {
        return Err(missing(meta::CLIENT_CAPABILITIES));
    }
    expect_header(http, "MCP-Protocol-Version", version)?;
    if ProtocolVersion::parse(version) != Some(ProtocolVersion::V2026_07_28) {
        return Err(RpcError::new(
            ErrorCode::UnsupportedProtocolVersion,
            format!("Unsupported protocol version: {version}"),
        )
        .with_data(json!({ "supported": ProtocolVersion::all_strings(), "requested": version })));
    }
    expect_header(http, "Mcp-Method", &request.method)?;
    let name_param = match request.method.as_str() {
        "tools/call" | "prompts/get" => Some("name"),
        "resources/read" => Some("uri"),
        _ => None,
    };
    if let Some(param) = name_param {
        let expected = request
            .params
            .get(param)
            .and_then(Value::as_str)
            .unwrap_or_default();
        expect_header(http, "Mcp-Name", expected)?;
    }
    Ok(())
}

/// The header must be present and equal `expected` (after decoding the
/// `=?base64?…?=` form used for non-ASCII values).
fn expect_header(http: &HttpRequest, name: &str, expected: &str) -> Result<(), RpcError> {
    let actual = http.header(name).map(decode_header_value);
    if actual.as_deref() == Some(expected) {
        return Ok(());
    }
    let problem = match actual {
        None => format!("the {name} header is missing"),
        Some(actual) => {
            format!("the {name} header ({actual:?}) does not match the body ({expected:?})")
        }
    };
    Err(RpcError::new(
        ErrorCode::HeaderMismatch,
        format!("Header mismatch: {problem}"),
    ))
}

fn decode_header_value(raw: &str) -> String {
    use base64::Engine as _;
    raw.strip_prefix("=?base64?")
        .and_then(|rest| rest.strip_suffix("?="))
        .and_then(|encoded| {
            base64::engine::general_purpose::STANDARD
                .decode(encoded)
                .ok()
        })
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_else(|| raw.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_header_values_are_decoded() {
        assert_eq!(decode_header_value("=?base64?w6lsYW4=?="), "élan");
        assert_eq!(decode_header_value("tools/call"), "tools/call");
    }
}
