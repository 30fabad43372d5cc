//! Every typed model decodes the documented api_v3 shapes
//! (tests/data/kaltura-examples, written from ../shared/reference), through
//! the real client path: bytes -> exception check -> lenient typed decode.

use kaltura_mcp::kaltura::api::{self, Pager};
use kaltura_mcp::kaltura::model::{
    CaptionAsset, Category, ESearchEntryResponse, FlavorAsset, ListResponse, MediaEntry,
    ReportGraph, ReportTable,
};
use kaltura_mcp::kaltura::{Call, Client, Credentials, Ks, MultiRequest, PartnerId, ServiceUrl};
use kaltura_mcp::platform::{Http, ManualClock, OutboundRequest, OutboundResponse, TransportError};
use serde::de::DeserializeOwned;

/// Answers every request with one example file.
struct Canned(&'static str);

impl Http for Canned {
    async fn send(&self, _: OutboundRequest) -> Result<OutboundResponse, TransportError> {
        let path = format!(
            "{}/tests/data/kaltura-examples/{}",
            env!("CARGO_MANIFEST_DIR"),
            self.0
        );
        Ok(OutboundResponse {
            status: 200,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: std::fs::read(&path).expect("example file"),
        })
    }
}

fn client(example: &'static str) -> Client<Canned, ManualClock> {
    Client::new(
        Canned(example),
        ManualClock::at_secs(1_750_000_000),
        ServiceUrl::trusted("https://www.kaltura.com").unwrap(),
        Credentials::Session {
            partner_id: PartnerId::new(2345678).unwrap(),
            ks: Ks::new("djJ8example"),
        },
    )
}

fn decode<T: DeserializeOwned>(example: &'static str, call: Call<T>) -> T {
    pollster::block_on(client(example).call(call)).unwrap()
}

fn entry_id() -> kaltura_mcp::kaltura::EntryId {
    "1_q7mz2k4p".parse().unwrap()
}

#[test]
fn media_entries_decode_with_string_typed_numbers() {
    let entry = decode("media-get.json", api::media::get(&entry_id()));
    assert!(entry.id.is_some() && entry.name.is_some());
    assert_eq!(entry.source_type.as_deref(), Some("1"));
    assert!(entry.is_ready());
    let list = decode(
        "media-list.json",
        api::media::list(&Default::default(), Pager::first(30)),
    );
    assert!(!list.objects.is_empty());
    assert!(list.total_count.unwrap() >= list.objects.len() as i64);
    let first = &list.objects[0];
    assert_eq!(first.id.as_deref(), Some("1_q7mz2k4p"));
    assert_eq!(first.duration, Some(2745));
    assert_eq!(first.plays, Some(412));
    assert_eq!(first.object_type.as_deref(), Some("KalturaMediaEntry"));
}

#[test]
fn categories_decode() {
    let list: ListResponse<Category> = decode(
        "category-list.json",
        api::category::list(&Default::default(), Pager::first(30)),
    );
    let root = &list.objects[0];
    assert_eq!(root.full_name.as_deref(), Some("Training"));
    assert_eq!(root.depth, Some(0));
    assert!(list
        .objects
        .iter()
        .any(|category| category.depth.unwrap_or(0) > 0
            && category
                .full_name
                .as_deref()
                .is_some_and(|name| name.contains('>'))));
}

#[test]
fn assets_decode() {
    let id = entry_id();
    let captions: ListResponse<CaptionAsset> = decode(
        "caption-asset-list.json",
        api::assets::list_captions(&[&id], Pager::first(30)),
    );
    let english = &captions.objects[0];
    assert_eq!(english.language_code.as_deref(), Some("en"));
    assert_eq!(english.format.as_deref(), Some("1"));
    assert_eq!(english.is_default, Some(true));
    assert!(english.asset.is_ready());
    let flavors: ListResponse<FlavorAsset> = decode(
        "flavor-asset-list.json",
        api::assets::list_flavors(&[&id], Pager::first(30)),
    );
    let source = &flavors.objects[0];
    assert_eq!(source.flavor_params_id, Some(0));
    assert_eq!(source.is_original, Some(true));
    assert_eq!(source.asset.version.as_deref(), Some("1"));
    assert_eq!(source.frame_rate, Some(29.97));
}

#[test]
fn esearch_results_carry_highlights_and_caption_hits() {
    let response: ESearchEntryResponse = decode(
        "esearch-search-entry.json",
        Call::new("elasticsearch_esearch", "searchEntry"),
    );
    assert!(!response.objects.is_empty());
    let hit = &response.objects[0];
    assert!(hit.object.id.is_some());
    let highlighted = response
        .objects
        .iter()
        .flat_map(|hit| &hit.highlight)
        .flat_map(|highlight| &highlight.hits)
        .any(|hit| hit.value.contains("<em>"));
    assert!(highlighted, "some highlight wraps the match in <em>");
    let caption_line = response
        .objects
        .iter()
        .flat_map(|hit| &hit.items_data)
        .flat_map(|data| &data.items)
        .find(|item| item.line.is_some())
        .expect("a caption hit");
    assert!(caption_line.starts_at.is_some() && caption_line.caption_asset_id.is_some());
}

#[test]
fn reports_decode_into_rows_and_points() {
    let table: ReportTable = decode("report-get-table.json", Call::new("report", "getTable"));
    let columns = table.columns(',');
    assert_eq!(columns[0], "object_id");
    let rows = table.rows(',');
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|row| row.len() == columns.len()));
    let graphs: Vec<ReportGraph> =
        decode("report-get-graphs.json", Call::new("report", "getGraphs"));
    assert_eq!(graphs[0].id.as_deref(), Some("count_plays"));
    assert_eq!(graphs[0].points(',')[0], ("20250601", "45"));
}

#[test]
fn api_exceptions_decode_into_errors() {
    let error =
        pollster::block_on(client("error-entry-not-found.json").call(api::media::get(&entry_id())))
            .unwrap_err();
    assert_eq!(error.api_code(), Some("ENTRY_ID_NOT_FOUND"));
}

#[test]
fn multirequest_elements_decode_or_fail_independently() {
    let mut batch = MultiRequest::new();
    let session = batch.add(Call::<String>::new("session", "start"));
    let entry = batch.add(Call::<MediaEntry>::new("media", "get"));
    let captions = batch.add(Call::<ListResponse<CaptionAsset>>::new(
        "caption_captionasset",
        "list",
    ));
    let expired = batch.add(Call::<MediaEntry>::new("media", "get"));
    let answers = pollster::block_on(client("multirequest.json").multirequest(batch)).unwrap();
    assert!(answers.take(session).unwrap().starts_with("djJ8"));
    assert_eq!(
        answers.take(entry).unwrap().id.as_deref(),
        Some("1_k8s0net5")
    );
    assert!(!answers.take(captions).unwrap().objects.is_empty());
    let error = answers.take(expired).unwrap_err();
    assert_eq!(error.api_code(), Some("INVALID_KS"));
    assert!(error.to_string().contains("EXPIRED"));
}
