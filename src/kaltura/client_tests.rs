//! Client behaviour against a scripted transport: what is sent, what is
//! retried and how long it waits, what each failure reads like.

use super::api::{self, Pager};
use super::client::{Client, ClientOptions};
use super::error::KalturaError;
use super::ids::{EntryId, PartnerId};
use super::model::{ListResponse, MediaEntry};
use super::request::{Call, MultiRequest};
use super::secret::Ks;
use super::service_url::ServiceUrl;
use super::session::Credentials;
use crate::platform::{Http, ManualClock, OutboundRequest, OutboundResponse, TransportError};
use serde_json::{json, Value};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::time::Duration;

/// Answers from a script, in order, and remembers every request.
#[derive(Default)]
struct ScriptedHttp {
    script: RefCell<VecDeque<Result<OutboundResponse, TransportError>>>,
    sent: RefCell<Vec<OutboundRequest>>,
}

impl ScriptedHttp {
    fn answering(script: Vec<Result<OutboundResponse, TransportError>>) -> Self {
        ScriptedHttp {
            script: RefCell::new(script.into()),
            sent: RefCell::default(),
        }
    }
}

impl Http for ScriptedHttp {
    async fn send(&self, request: OutboundRequest) -> Result<OutboundResponse, TransportError> {
        self.sent.borrow_mut().push(request);
        self.script
            .borrow_mut()
            .pop_front()
            .unwrap_or(Err(TransportError::Connect("script exhausted".into())))
    }
}

fn ok(body: &str) -> Result<OutboundResponse, TransportError> {
    status(200, body)
}

fn status(code: u16, body: &str) -> Result<OutboundResponse, TransportError> {
    Ok(OutboundResponse {
        status: code,
        headers: vec![("Content-Type".into(), "application/json".into())],
        body: body.as_bytes().to_vec(),
    })
}

const KS: &str = "djJ8NDgxNTE2Mnxready-made-ks";

fn client<'a>(
    http: &'a ScriptedHttp,
    clock: &'a ManualClock,
) -> Client<&'a ScriptedHttp, &'a ManualClock> {
    let credentials = Credentials::Session {
        partner_id: PartnerId::new(4815162).unwrap(),
        ks: Ks::new(KS),
    };
    Client::new(
        http,
        clock,
        ServiceUrl::trusted("https://www.kaltura.com").unwrap(),
        credentials,
    )
}

fn entry_id() -> EntryId {
    "1_abcd1234".parse().unwrap()
}

#[test]
fn a_call_posts_json_with_ks_and_format_under_the_exact_content_type() {
    let http = ScriptedHttp::answering(vec![ok(
        r#"{"id":"1_abcd1234","plays":"12","objectType":"KalturaMediaEntry"}"#,
    )]);
    let clock = ManualClock::at_secs(1_800_000_000);
    let entry =
        pollster::block_on(client(&http, &clock).call(api::media::get(&entry_id()))).unwrap();
    assert_eq!(entry.plays, Some(12));
    let sent = http.sent.borrow();
    let request = &sent[0];
    assert_eq!(
        request.url,
        "https://www.kaltura.com/api_v3/service/media/action/get?format=1"
    );
    assert!(request
        .headers
        .contains(&("Content-Type".into(), "application/json".into())));
    let body: Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(body["ks"], KS);
    assert_eq!(body["format"], 1);
    assert_eq!(body["entryId"], "1_abcd1234");
    assert!(body["clientTag"]
        .as_str()
        .unwrap()
        .starts_with("kaltura-mcp"));
    assert_eq!(request.timeout, Duration::from_secs(30));
}

#[test]
fn server_errors_and_cut_bodies_are_retried_with_growing_backoff() {
    let http = ScriptedHttp::answering(vec![
        status(503, "<html>busy</html>"),
        ok(r#"{"objects":[{"id":"1_a"#),
        ok(r#"{"objects":[],"totalCount":0,"objectType":"KalturaMediaListResponse"}"#),
    ]);
    let clock = ManualClock::at_secs(1_800_000_000);
    let call = api::media::list(&Default::default(), Pager::first(10));
    let list = pollster::block_on(client(&http, &clock).call(call)).unwrap();
    assert_eq!(list.total_count, Some(0));
    assert_eq!(http.sent.borrow().len(), 3);
    let sleeps = clock.sleeps.borrow();
    assert_eq!(sleeps.len(), 2);
    assert!(sleeps[0] >= Duration::from_millis(250) && sleeps[0] <= Duration::from_millis(313));
    assert!(sleeps[1] >= Duration::from_millis(500) && sleeps[1] <= Duration::from_millis(625));
}

#[test]
fn retries_are_bounded_and_the_last_failure_is_reported() {
    let http = ScriptedHttp::answering(vec![
        Err(TransportError::Timeout(Duration::from_secs(30))),
        Err(TransportError::Timeout(Duration::from_secs(30))),
        Err(TransportError::Timeout(Duration::from_secs(30))),
        ok("{}"),
    ]);
    let clock = ManualClock::at_secs(1_800_000_000);
    let error =
        pollster::block_on(client(&http, &clock).call(api::media::get(&entry_id()))).unwrap_err();
    assert_eq!(http.sent.borrow().len(), 3);
    assert!(matches!(error, KalturaError::Unreachable { .. }));
    let message = error.to_string();
    assert!(
        message.contains("www.kaltura.com") && message.contains("30s"),
        "{message}"
    );
    assert!(!message.contains(KS));
}

#[test]
fn api_exceptions_and_client_errors_are_not_retried() {
    let exception = r#"{"code":"INVALID_KS","message":"Invalid KS \"EXPIRED\", Error \"-1,INVALID_STR\"","objectType":"KalturaAPIException","args":{"KSID":"EXPIRED","ERR_CODE":"-1","ERR_DESC":"INVALID_STR"}}"#;
    for answer in [ok(exception), status(404, "not here")] {
        let http = ScriptedHttp::answering(vec![answer, ok("{}")]);
        let clock = ManualClock::at_secs(1_800_000_000);
        let outcome = pollster::block_on(client(&http, &clock).call(api::media::get(&entry_id())));
        assert!(outcome.is_err());
        assert_eq!(http.sent.borrow().len(), 1);
        assert!(clock.sleeps.borrow().is_empty());
    }
}

#[test]
fn single_attempt_options_never_retry() {
    let http = ScriptedHttp::answering(vec![status(500, ""), ok("{}")]);
    let clock = ManualClock::at_secs(1_800_000_000);
    let options = ClientOptions {
        max_attempts: 1,
        ..ClientOptions::default()
    };
    let outcome = pollster::block_on(
        client(&http, &clock)
            .with_options(options)
            .call(api::media::get(&entry_id())),
    );
    assert!(matches!(
        outcome,
        Err(KalturaError::Status { status: 500, .. })
    ));
    assert_eq!(http.sent.borrow().len(), 1);
}

#[test]
fn a_multirequest_is_one_round_trip_whose_calls_fail_independently() {
    let http = ScriptedHttp::answering(vec![ok(
        r#"[{"id":"1_abcd1234","name":"Town hall","objectType":"KalturaMediaEntry"},
            {"code":"ENTRY_ID_NOT_FOUND","message":"Entry id \"1_zzzz0000\" not found","objectType":"KalturaAPIException","args":{"ENTRY_ID":"1_zzzz0000"}},
            {"objects":[],"totalCount":0,"objectType":"KalturaCaptionAssetListResponse"}]"#,
    )]);
    let clock = ManualClock::at_secs(1_800_000_000);
    let mut batch = MultiRequest::new();
    let first = batch.add(api::media::get(&entry_id()));
    let missing = batch.add(api::media::get(&"1_zzzz0000".parse().unwrap()));
    let captions = batch.add(Call::<ListResponse<Value>>::new("caption_captionasset", "list").param(
        "filter",
        json!({"objectType": "KalturaCaptionAssetFilter", "entryIdEqual": first.reference(&["id"])}),
    ));
    let answers = pollster::block_on(client(&http, &clock).multirequest(batch)).unwrap();
    let entry: MediaEntry = answers.take(first).unwrap();
    assert_eq!(entry.name.as_deref(), Some("Town hall"));
    assert_eq!(
        answers.take(missing).unwrap_err().api_code(),
        Some("ENTRY_ID_NOT_FOUND")
    );
    assert_eq!(answers.take(captions).unwrap().total_count, Some(0));
    let sent = http.sent.borrow();
    assert_eq!(sent.len(), 1);
    assert_eq!(
        sent[0].url,
        "https://www.kaltura.com/api_v3/service/multirequest?format=1"
    );
    let body: Value = serde_json::from_slice(&sent[0].body).unwrap();
    assert_eq!(body["1"]["service"], "media");
    assert_eq!(body["3"]["filter"]["entryIdEqual"], "{1:result:id}");
    assert_eq!(body["ks"], KS);
}

#[test]
fn a_batch_refused_as_a_whole_is_an_error() {
    let http = ScriptedHttp::answering(vec![ok(
        r#"{"code":"INVALID_KS","message":"Invalid KS","objectType":"KalturaAPIException","args":[]}"#,
    )]);
    let clock = ManualClock::at_secs(1_800_000_000);
    let mut batch = MultiRequest::new();
    batch.add(api::media::get(&entry_id()));
    let error = pollster::block_on(client(&http, &clock).multirequest(batch)).unwrap_err();
    assert_eq!(error.api_code(), Some("INVALID_KS"));
}
