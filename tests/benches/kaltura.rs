//! `make bench`: native cost of the Kaltura client's own work, printed not
//! asserted — KS generation, and a call's build + decode round through the
//! client with a canned api_v3 answer (no network).

use kaltura_mcp::kaltura::api::{self, Pager};
use kaltura_mcp::kaltura::ks::{self, KsSpec, SessionType};
use kaltura_mcp::kaltura::{AdminSecret, Client, Credentials, Ks, PartnerId, ServiceUrl};
use kaltura_mcp::platform::ManualClock;
use std::hint::black_box;
use std::time::Instant;

mod canned;

use canned::{report, Canned};

fn main() {
    let iterations = 20_000;
    let secret = AdminSecret::new("0123456789abcdef0123456789abcdef");
    let spec = KsSpec {
        partner_id: PartnerId::new(4815162).unwrap(),
        session_type: SessionType::Admin,
        user_id: "demo-admin@example.com".into(),
        privileges: "disableentitlement".into(),
        expires_at: 1_893_456_000,
    };
    let started = Instant::now();
    for _ in 0..iterations {
        black_box(ks::generate(black_box(&spec), &secret).unwrap());
    }
    report("KS v2 generation", iterations, started);

    let made = ks::generate(&spec, &secret).unwrap();
    let started = Instant::now();
    for _ in 0..iterations {
        black_box(ks::parse(black_box(made.expose()), std::slice::from_ref(&secret)).unwrap());
    }
    report("KS v2 parse + verify", iterations, started);

    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/kaltura-examples/media-list.json"
    );
    let body = std::fs::read(path).expect("example file");
    let client = Client::new(
        Canned(body),
        ManualClock::at_secs(1_750_000_000),
        ServiceUrl::trusted("https://www.kaltura.com").unwrap(),
        Credentials::Session {
            partner_id: PartnerId::new(2345678).unwrap(),
            ks: Ks::new("djJ8example"),
        },
    );
    let filter = api::media::MediaEntryFilter {
        order_by: Some("-createdAt".into()),
        ..Default::default()
    };
    let started = Instant::now();
    for _ in 0..iterations {
        let call = api::media::list(&filter, Pager::first(30));
        black_box(pollster::block_on(client.call(call)).unwrap());
    }
    report("media.list build + decode (canned)", iterations, started);
}
