//! What the native benches share: a Kaltura that answers one canned body
//! without a network, and the line each figure prints.

use kaltura_mcp::platform::{Http, OutboundRequest, OutboundResponse, TransportError};
use std::time::Instant;

pub struct Canned(pub Vec<u8>);

impl Http for Canned {
    async fn send(&self, _: OutboundRequest) -> Result<OutboundResponse, TransportError> {
        Ok(OutboundResponse {
            status: 200,
            headers: Vec::new(),
            body: self.0.clone(),
        })
    }
}

pub fn report(label: &str, iterations: u32, started: Instant) {
    let per_call = started.elapsed().as_secs_f64() * 1e6 / f64::from(iterations);
    println!("{label:<40} {per_call:>8.2} µs/call     ({iterations} iterations)");
}
