//! A small blocking HTTP/1.1 client over `std::net`, implementing the
//! [`Http`] port natively: for tests and tools that talk to the local
//! Kaltura simulator. Plain `http://` only; one connection per request.

use crate::platform::{Http, Method, OutboundRequest, OutboundResponse, TransportError};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::Instant;

#[derive(Debug, Clone, Copy, Default)]
pub struct NativeHttp;

impl Http for NativeHttp {
    async fn send(&self, request: OutboundRequest) -> Result<OutboundResponse, TransportError> {
        exchange(&request)
    }
}

fn exchange(request: &OutboundRequest) -> Result<OutboundResponse, TransportError> {
    let deadline = Instant::now() + request.timeout;
    let (authority, path) = split_url(&request.url)?;
    let address = authority
        .to_socket_addrs()
        .map_err(|error| TransportError::Connect(error.to_string()))?
        .next()
        .ok_or_else(|| TransportError::Connect(format!("{authority} has no address")))?;
    let stream = TcpStream::connect_timeout(&address, request.timeout)
        .map_err(|error| TransportError::Connect(error.to_string()))?;
    let io = |error: std::io::Error| match error.kind() {
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut => {
            TransportError::Timeout(request.timeout)
        }
        _ => TransportError::Io(error.to_string()),
    };
    let remaining = || {
        deadline
            .saturating_duration_since(Instant::now())
            .max(std::time::Duration::from_millis(1))
    };
    stream.set_read_timeout(Some(remaining())).map_err(io)?;
    stream.set_write_timeout(Some(remaining())).map_err(io)?;

    let mut head = format!(
        "{} {path} HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\nContent-Length: {}\r\n",
        request.method.as_str(),
        request.body.len()
    );
    for (name, value) in &request.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let mut writer = &stream;
    writer.write_all(head.as_bytes()).map_err(io)?;
    if request.method == Method::Post {
        writer.write_all(&request.body).map_err(io)?;
    }

    let mut reader = BufReader::new(&stream);
    let mut status_line = String::new();
    reader.read_line(&mut status_line).map_err(io)?;
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse::<u16>().ok())
        .ok_or_else(|| TransportError::Io(format!("not an HTTP response: {status_line:?}")))?;
    let mut headers = Vec::new();
    loop {
        stream.set_read_timeout(Some(remaining())).map_err(io)?;
        let mut line = String::new();
        if reader.read_line(&mut line).map_err(io)? == 0 {
            return Err(TransportError::Io(
                "connection closed in the headers".into(),
            ));
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_owned(), value.trim().to_owned()));
        }
    }
    let declared = headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, value)| value.parse::<usize>().ok());
    let mut body = Vec::new();
    loop {
        stream.set_read_timeout(Some(remaining())).map_err(io)?;
        let mut chunk = [0u8; 16 * 1024];
        let read = reader.read(&mut chunk).map_err(io)?;
        if read == 0 {
            break;
        }
        body.extend_from_slice(&chunk[..read]);
        if declared.is_some_and(|length| body.len() >= length) {
            break;
        }
    }
    if let Some(length) = declared {
        if body.len() < length {
            return Err(TransportError::Io(format!(
                "the body ended after {} of {length} bytes",
                body.len()
            )));
        }
        body.truncate(length);
    }
    Ok(OutboundResponse {
        status,
        headers,
        body,
    })
}

/// `http://host:port/path?query` to (`host:port`, `/path?query`).
fn split_url(url: &str) -> Result<(String, String), TransportError> {
    let rest = url.strip_prefix("http://").ok_or_else(|| {
        TransportError::Connect("only http:// URLs are supported natively".into())
    })?;
    let (authority, path) = match rest.find('/') {
        Some(slash) => (&rest[..slash], &rest[slash..]),
        None => (rest, "/"),
    };
    let authority = if authority.contains(':') {
        authority.to_owned()
    } else {
        format!("{authority}:80")
    };
    Ok((authority, path.to_owned()))
}
