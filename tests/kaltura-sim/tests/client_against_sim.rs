//! Our Kaltura client against the simulator over real loopback HTTP:
//! KS round trips (generated locally, expired, tampered, missing), every
//! typed model decoded from simulator output, multirequest references,
//! and retries/timeouts under injected faults.

use std::sync::Arc;
use std::time::Duration;

use kaltura_mcp::kaltura::api::{assets, category, esearch, media, report, Pager};
use kaltura_mcp::kaltura::ks::{self, KsSpec, SessionType};
use kaltura_mcp::kaltura::{
    AdminSecret, Call, Client, ClientOptions, Credentials, EntryId, KalturaError, Ks, MultiRequest,
    PartnerId, ServiceUrl,
};
use kaltura_mcp::native_http::NativeHttp;
use kaltura_mcp::platform::{Http, Method, OutboundRequest, SystemClock};
use kaltura_sim::{fixtures, Catalog, FaultSettings, Simulator};
use serde_json::Value;

struct Sim {
    simulator: Arc<Simulator>,
    url: String,
}

fn start(faults: FaultSettings) -> Sim {
    let catalog = Catalog::load(&fixtures::default_dir()).expect("fixtures load");
    let simulator = Arc::new(Simulator::new(catalog, faults, 7));
    let address = kaltura_sim::spawn(Arc::clone(&simulator), 0).expect("bind");
    Sim {
        simulator,
        url: format!("http://{address}"),
    }
}

impl Sim {
    fn partner(&self) -> PartnerId {
        PartnerId::new(self.simulator.catalog().partner_id()).unwrap()
    }

    fn secret(&self) -> AdminSecret {
        AdminSecret::new(self.simulator.catalog().admin_secret())
    }

    fn client_with(&self, credentials: Credentials) -> Client<NativeHttp, SystemClock> {
        let options = ClientOptions {
            timeout: Duration::from_secs(5),
            backoff: Duration::from_millis(10),
            max_backoff: Duration::from_millis(20),
            ..ClientOptions::default()
        };
        Client::new(
            NativeHttp,
            SystemClock,
            ServiceUrl::trusted(&self.url).unwrap(),
            credentials,
        )
        .with_options(options)
    }

    fn client(&self) -> Client<NativeHttp, SystemClock> {
        self.client_with(Credentials::admin(self.partner(), self.secret()))
    }

    fn ks(&self, expires_at: u64, secret: &AdminSecret) -> Ks {
        let spec = KsSpec {
            partner_id: self.partner(),
            session_type: SessionType::Admin,
            user_id: "tester".into(),
            privileges: "disableentitlement".into(),
            expires_at,
        };
        ks::generate(&spec, secret).unwrap()
    }

    /// A raw POST, for what the typed client never sends.
    fn post(&self, path: &str, content_type: &str, body: &str) -> (u16, String) {
        let request = OutboundRequest {
            method: Method::Post,
            url: format!("{}{path}", self.url),
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.as_bytes().to_vec(),
            timeout: Duration::from_secs(5),
        };
        let response = pollster::block_on(NativeHttp.send(request)).expect("sim answers");
        (
            response.status,
            String::from_utf8_lossy(&response.body).into_owned(),
        )
    }
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

fn api_code(error: &KalturaError) -> Option<&str> {
    error.api_code()
}

fn run<T>(future: impl std::future::Future<Output = T>) -> T {
    pollster::block_on(future)
}

#[test]
fn a_locally_generated_ks_is_accepted() {
    let sim = start(FaultSettings::default());
    let mut batch = MultiRequest::new();
    let session = batch.add(kaltura_mcp::kaltura::api::account::session_info());
    let partner = batch.add(kaltura_mcp::kaltura::api::account::partner_info());
    let answer = run(sim.client().multirequest(batch)).unwrap();
    let session = answer.take(session).unwrap();
    assert_eq!(session.partner_id, Some(sim.partner().get() as i64));
    assert_eq!(session.session_type, Some(2));
    assert!(session.expiry.unwrap() > now() as i64);
    assert_eq!(
        answer.take(partner).unwrap().id,
        Some(sim.partner().get() as i64)
    );
    assert_eq!(
        sim.simulator.stats().total,
        1,
        "one round trip for the multirequest"
    );
}

#[test]
fn bad_sessions_get_kalturas_own_errors_without_secrets() {
    let sim = start(FaultSettings::default());
    let wrong = AdminSecret::new("ffffffffffffffffffffffffffffffff");
    let error = run(sim
        .client_with(Credentials::admin(sim.partner(), wrong))
        .call(media::list(&Default::default(), Pager::first(1))))
    .unwrap_err();
    assert_eq!(api_code(&error), Some("INVALID_KS"));
    assert!(error.to_string().contains("INVALID_STR"), "{error}");
    assert!(
        !format!("{error} {error:?}").contains("ffffffff"),
        "secret leaked: {error:?}"
    );

    let expired = Credentials::from_ks(sim.ks(now() - 10, &sim.secret())).unwrap();
    let error = run(sim
        .client_with(expired)
        .call(media::list(&Default::default(), Pager::first(1))))
    .unwrap_err();
    assert_eq!(api_code(&error), Some("INVALID_KS"));
    assert!(
        error.to_string().contains("Invalid KS \"EXPIRED\""),
        "{error}"
    );

    let good = sim.ks(now() + 600, &sim.secret());
    let mut tampered = good.expose().to_owned();
    let middle = tampered.len() / 2;
    let flipped = if &tampered[middle..=middle] == "A" {
        "B"
    } else {
        "A"
    };
    tampered.replace_range(middle..=middle, flipped);
    let error = run(sim
        .client_with(Credentials::from_ks(Ks::new(tampered)).unwrap())
        .call(media::list(&Default::default(), Pager::first(1))))
    .unwrap_err();
    assert_eq!(api_code(&error), Some("INVALID_KS"));

    let (status, body) = sim.post(
        "/api_v3/service/media/action/list",
        "application/json",
        r#"{"format":1}"#,
    );
    assert_eq!(status, 200);
    let body: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(body["code"], "SERVICE_FORBIDDEN");
    assert_eq!(
        body["message"],
        "The access to service [media->list] is forbidden"
    );
}

#[test]
fn entries_decode_and_page() {
    let sim = start(FaultSettings::default());
    let client = sim.client();
    let first = run(client.call(media::list(
        &Default::default(),
        Pager {
            page_size: 25,
            page_index: 1,
        },
    )))
    .unwrap();
    let total = first.total_count.unwrap() as usize;
    assert!(total >= 40, "READY media clips: {total}");
    let mut seen = first.objects.len();
    let mut page = 2;
    while seen < total {
        let next = run(client.call(media::list(
            &Default::default(),
            Pager {
                page_size: 25,
                page_index: page,
            },
        )))
        .unwrap();
        assert!(!next.objects.is_empty());
        seen += next.objects.len();
        page += 1;
    }
    assert_eq!(seen, total);
    for entry in &first.objects {
        assert!(entry.id.as_deref().unwrap().parse::<EntryId>().is_ok());
        assert_eq!(entry.status.as_deref(), Some("2"));
        assert!(entry
            .thumbnail_url
            .as_deref()
            .unwrap()
            .starts_with(&sim.url));
    }
    let id = first.objects[0]
        .id
        .as_deref()
        .unwrap()
        .parse::<EntryId>()
        .unwrap();
    let one = run(client.call(media::get(&id))).unwrap();
    assert_eq!(one.id, first.objects[0].id);
    let missing =
        run(client.call(media::get(&"0_zzzzzzzz".parse::<EntryId>().unwrap()))).unwrap_err();
    assert_eq!(api_code(&missing), Some("ENTRY_ID_NOT_FOUND"));
}

#[test]
fn categories_and_assets_decode() {
    let sim = start(FaultSettings::default());
    let client = sim.client();
    let categories =
        run(client.call(category::list(&Default::default(), Pager::first(500)))).unwrap();
    let depths: Vec<i64> = categories.objects.iter().filter_map(|c| c.depth).collect();
    assert!(depths.contains(&2), "three levels: {depths:?}");

    let captioned = sim
        .simulator
        .catalog()
        .captions
        .first()
        .expect("captions")
        .clone();
    let entry = captioned["entryId"]
        .as_str()
        .unwrap()
        .parse::<EntryId>()
        .unwrap();
    let captions = run(client.call(assets::list_captions(&[&entry], Pager::first(50)))).unwrap();
    assert!(!captions.objects.is_empty());
    let caption_id = captions.objects[0].asset.id.clone().unwrap();
    let url = run(client.call(assets::caption_url(&caption_id))).unwrap();
    let fetched = pollster::block_on(NativeHttp.send(OutboundRequest {
        method: Method::Get,
        url,
        headers: vec![],
        body: vec![],
        timeout: Duration::from_secs(5),
    }))
    .unwrap();
    assert_eq!(fetched.status, 200);
    assert_eq!(
        fetched.body.len() as i64,
        captions.objects[0].asset.size_in_bytes.unwrap()
    );

    let attached = sim
        .simulator
        .catalog()
        .attachments
        .first()
        .expect("attachments")
        .clone();
    let attached_entry = attached["entryId"]
        .as_str()
        .unwrap()
        .parse::<EntryId>()
        .unwrap();
    let attachments = run(client.call(assets::list_attachments(
        &[&attached_entry],
        Pager::first(50),
    )))
    .unwrap();
    assert!(attachments
        .objects
        .iter()
        .all(|a| a.filename.is_some() && a.format.is_some()));

    let flavors = run(client.call(assets::list_flavors(&[&entry], Pager::first(50)))).unwrap();
    assert!(flavors
        .objects
        .iter()
        .any(|f| f.flavor_params_id == Some(0)));
    let no_filter =
        run(client.call(Call::<Value>::new("caption_captionasset", "list"))).unwrap_err();
    assert_eq!(
        api_code(&no_filter),
        Some("PROPERTY_VALIDATION_CANNOT_BE_NULL")
    );
}

#[test]
fn esearch_finds_caption_lines_with_times() {
    let sim = start(FaultSettings::default());
    let catalog = sim.simulator.catalog();
    // A word from a caption line, searched through captions only.
    let (asset_id, cues) = catalog
        .caption_cues
        .iter()
        .find(|(_, cues)| !cues.is_empty())
        .expect("cues");
    let word = cues[0]
        .text
        .split_whitespace()
        .max_by_key(|w| w.len())
        .unwrap()
        .trim_matches(|c: char| !c.is_alphanumeric());
    let query = esearch::Query {
        operator: esearch::Operator::And,
        items: vec![esearch::Node::Item(esearch::Item {
            target: esearch::Target::Caption("content".into()),
            item_type: esearch::ItemType::Partial,
            search_term: Some(word.to_owned()),
            range: None,
            add_highlight: true,
        })],
    };
    let found = run(sim
        .client()
        .call(esearch::search_entries(&query, &[], 30, 1)))
    .unwrap();
    let hit = found
        .objects
        .iter()
        .flat_map(|result| &result.items_data)
        .flat_map(|data| &data.items)
        .find(|item| item.caption_asset_id.as_deref() == Some(asset_id.as_str()))
        .unwrap_or_else(|| panic!("no caption hit for {word:?} in {asset_id}"));
    assert!(hit
        .line
        .as_deref()
        .unwrap()
        .to_lowercase()
        .contains(&word.to_lowercase()));
    assert!(hit.ends_at.unwrap() > hit.starts_at.unwrap());
}

#[test]
fn multirequest_references_chain_results() {
    let sim = start(FaultSettings::default());
    let mut batch = MultiRequest::new();
    let list = batch.add(media::list(&Default::default(), Pager::first(1)));
    let flavors = batch.add(
        Call::<kaltura_mcp::kaltura::model::ListResponse<Value>>::new("flavorasset", "list").param(
            "filter",
            serde_json::json!({"objectType": "KalturaFlavorAssetFilter", "entryIdEqual": list.reference(&["objects", "0", "id"])}),
        ),
    );
    let answer = run(sim.client().multirequest(batch)).unwrap();
    let entry_id = answer.take(list).unwrap().objects[0].id.clone().unwrap();
    let flavors = answer.take(flavors).unwrap();
    assert!(flavors
        .objects
        .iter()
        .all(|f| f["entryId"] == entry_id.as_str()));
}

#[test]
fn reports_decode() {
    let sim = start(FaultSettings::default());
    let filter = report::ReportInputFilter {
        from_date: Some(-30 * 86_400),
        to_date: Some(0),
        ..Default::default()
    };
    let table = run(sim.client().call(report::table(
        "1",
        &filter,
        Pager::first(10),
        Some("-count_plays"),
        None,
    )))
    .unwrap();
    let header = table.header.clone().unwrap();
    assert!(
        header.starts_with("object_id,entry_name,count_plays"),
        "{header}"
    );
    assert!(table.data.as_deref().unwrap().ends_with(';'));
    let total = run(sim.client().call(report::total("1", &filter, None))).unwrap();
    assert!(total.data.is_some());
    let graphs = run(sim.client().call(report::graphs("1", &filter, None, None))).unwrap();
    let plays = graphs
        .iter()
        .find(|g| g.id.as_deref() == Some("count_plays"))
        .expect("count_plays graph");
    // Zero-filled, one `YYYYMMDD,value;` point per day of the range.
    let points = plays
        .data
        .as_deref()
        .unwrap()
        .split(';')
        .filter(|p| !p.is_empty())
        .count();
    assert!((30..=32).contains(&points), "{points} points");
    let base = run(sim.client().call(report::base_total("1", &filter, None))).unwrap();
    assert!(!base.is_empty());
}

#[test]
fn server_errors_are_retried_then_explained() {
    let sim = start(FaultSettings {
        error_rate: 1.0,
        ..Default::default()
    });
    let error = run(sim
        .client()
        .call(media::list(&Default::default(), Pager::first(1))))
    .unwrap_err();
    assert!(
        matches!(error, KalturaError::Status { status: 503, .. }),
        "{error:?}"
    );
    assert_eq!(sim.simulator.stats().total, 3);
}

#[test]
fn truncated_bodies_and_silence_are_transport_errors() {
    let sim = start(FaultSettings {
        truncate_rate: 1.0,
        ..Default::default()
    });
    let error = run(sim
        .client()
        .call(media::list(&Default::default(), Pager::first(1))))
    .unwrap_err();
    assert!(error.is_retryable(), "{error:?}");
    assert_eq!(sim.simulator.stats().total, 3);

    let sim = start(FaultSettings {
        timeout_rate: 1.0,
        hang_ms: 3_000,
        ..Default::default()
    });
    let client = sim.client().with_options(ClientOptions {
        timeout: Duration::from_millis(200),
        max_attempts: 2,
        backoff: Duration::from_millis(10),
        max_backoff: Duration::from_millis(10),
        ..ClientOptions::default()
    });
    let error = run(client.call(media::list(&Default::default(), Pager::first(1)))).unwrap_err();
    assert!(
        matches!(error, KalturaError::Unreachable { .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("no response within"), "{error}");
}

#[test]
fn xml_and_form_requests_are_understood() {
    let sim = start(FaultSettings::default());
    let ks = sim.ks(now() + 600, &sim.secret());
    let body = format!(
        "ks={}&filter%5BobjectType%5D=KalturaMediaEntryFilter&pager:pageSize=2",
        ks.expose()
    );
    let (_, xml) = sim.post(
        "/api_v3/service/media/action/list",
        "application/x-www-form-urlencoded",
        &body,
    );
    assert!(xml.starts_with("<?xml"), "{xml}");
    assert!(
        xml.contains("<objectType>KalturaMediaListResponse</objectType>"),
        "{xml}"
    );
    assert_eq!(
        xml.matches("<objectType>KalturaMediaEntry</objectType>")
            .count(),
        2,
        "{xml}"
    );
    let (_, error) = sim.post(
        "/api_v3/service/media/action/get",
        "application/x-www-form-urlencoded",
        &format!("ks={}&entryId=0_zzzzzzzz", ks.expose()),
    );
    assert!(
        error.contains(
            "<error><objectType>KalturaAPIException</objectType><code>ENTRY_ID_NOT_FOUND</code>"
        ),
        "{error}"
    );
}
