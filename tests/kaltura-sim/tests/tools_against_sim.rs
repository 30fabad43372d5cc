//! The product's tools, prompts and resources against the simulator over
//! real loopback HTTP, through the same registries `/mcp` dispatches to:
//! happy paths, not found, invalid ids, empty results and Kaltura errors
//! for each, the reference implementation's faults (each with a test),
//! and the cache (a hit makes no Kaltura call).

mod common;

use common::Harness;
use kaltura_mcp::mcp::resource::ResourceError;
use kaltura_mcp::native_http::NativeHttp;
use kaltura_mcp::platform::{Http, Method, OutboundRequest};
use serde_json::{json, Value};

const WRONG_SECRET: &str = "ffffffffffffffffffffffffffffffff";

// ---- search_entries -------------------------------------------------------

#[test]
fn search_finds_words_in_titles_and_reports_totals() {
    let h = Harness::new();
    let found = h.ok("search_entries", json!({"query": "kubernetes"}));
    let names: Vec<&str> = found["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"Intro to Kubernetes Networking"),
        "{names:?}"
    );
    assert!(found["totalCount"].as_i64().unwrap() >= names.len() as i64);
    let first = &found["entries"][0];
    assert!(first["thumbnailUrl"].as_str().is_some());
    assert!(first["createdAt"].as_str().unwrap().ends_with('Z'));
}

#[test]
fn caption_searches_reach_kaltura_and_say_where_the_words_are_spoken() {
    let h = Harness::new();
    let before = h.action_count("elasticsearch_esearch.searchEntry");
    let found = h.ok(
        "search_entries",
        json!({"query": "container orchestration", "search_type": "caption"}),
    );
    assert_eq!(
        h.action_count("elasticsearch_esearch.searchEntry"),
        before + 1
    );
    let entries = found["entries"].as_array().unwrap();
    assert!(
        !entries.is_empty(),
        "the phrase is only in captions: {found}"
    );
    let caption = &entries[0]["matches"][0];
    assert_eq!(caption["kind"], "caption");
    assert!(caption["text"]
        .as_str()
        .unwrap()
        .to_lowercase()
        .contains("container"));
    assert!(caption["at"].as_str().unwrap().contains(':'));
    assert!(caption["captionAssetId"].as_str().is_some());
}

#[test]
fn cue_point_searches_reach_kaltura() {
    let h = Harness::new();
    let before = h.action_count("elasticsearch_esearch.searchEntry");
    let found = h.ok(
        "search_entries",
        json!({"query": "introduction", "search_type": "cuepoint"}),
    );
    assert_eq!(
        h.action_count("elasticsearch_esearch.searchEntry"),
        before + 1
    );
    assert!(found["totalCount"].as_i64().is_some());
}

#[test]
fn star_lists_every_ready_entry_newest_first() {
    let h = Harness::new();
    let found = h.ok("search_entries", json!({"query": "*", "max_results": 100}));
    let entries = found["entries"].as_array().unwrap();
    // Every READY entry, not those with an `e` in them.
    let ready = h
        .sim
        .simulator
        .catalog()
        .entries
        .iter()
        .filter(|e| e.get("status").and_then(Value::as_i64) == Some(2))
        .count();
    assert_eq!(found["totalCount"], ready as i64);
    assert!(entries
        .iter()
        .any(|e| !e["name"].as_str().unwrap().to_lowercase().contains('e')));
    let dates: Vec<&str> = entries
        .iter()
        .map(|e| e["createdAt"].as_str().unwrap())
        .collect();
    assert!(
        dates.windows(2).all(|pair| pair[0] >= pair[1]),
        "newest first"
    );
}

#[test]
fn a_date_bound_alone_narrows_the_search() {
    let h = Harness::new();
    let all = h.ok("search_entries", json!({"query": "*", "max_results": 100}));
    let after = h.ok(
        "search_entries",
        json!({"query": "*", "max_results": 100, "date_range": {"after": "2026-06-01"}}),
    );
    let count = after["totalCount"].as_i64().unwrap();
    assert!(
        count > 0 && count < all["totalCount"].as_i64().unwrap(),
        "{count}"
    );
    for entry in after["entries"].as_array().unwrap() {
        assert!(entry["createdAt"].as_str().unwrap() >= "2026-06-01");
    }
}

#[test]
fn search_without_matches_is_empty_not_an_error() {
    let h = Harness::new();
    let found = h.ok("search_entries", json!({"query": "xylophone quasar"}));
    assert_eq!(found["totalCount"], 0);
    assert_eq!(found["entries"], json!([]));
}

#[test]
fn bad_search_arguments_are_tool_errors_before_any_call() {
    let h = Harness::new();
    let before = h.requests();
    assert!(h
        .error("search_entries", json!({"query": "x", "max_results": 0}))
        .contains("max_results"));
    assert!(h
        .error(
            "search_entries",
            json!({"query": "x", "search_type": "everything"})
        )
        .contains("search_type"));
    assert!(h.error("search_entries", json!({})).contains("query"));
    assert_eq!(h.requests(), before);
}

// ---- get_media_entry ------------------------------------------------------

#[test]
fn media_entry_has_flavors_and_asset_counts_from_one_round_trip() {
    let h = Harness::new();
    let before = h.requests();
    let entry = h.ok("get_media_entry", json!({"entry_id": "0_ha41rn7b"}));
    assert_eq!(h.requests(), before + 1, "one multirequest");
    assert_eq!(entry["name"], "Intro to Kubernetes Networking");
    assert_eq!(entry["mediaType"], "video");
    assert_eq!(entry["status"], "ready");
    assert_eq!(entry["flavors"].as_array().unwrap().len(), 5);
    assert!(entry["flavors"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["isSource"] == true));
    assert_eq!(entry["captions"]["count"], 2);
    assert_eq!(
        entry["captions"]["languages"],
        json!(["English", "Spanish"])
    );
    assert_eq!(entry["attachmentCount"], 1);
}

#[test]
fn media_entry_is_cached_per_tenant_and_a_hit_makes_no_kaltura_call() {
    let h = Harness::new();
    h.ok("get_media_entry", json!({"entry_id": "0_xw4bffsb"}));
    let after_first = h.requests();
    let again = h.ok("get_media_entry", json!({"entry_id": "0_xw4bffsb"}));
    assert_eq!(
        h.requests(),
        after_first,
        "the second answer came from the cache"
    );
    assert_eq!(again["name"], "Quarterly All-Hands - Q3 2026");
    assert!(
        h.kv.keys()
            .iter()
            .all(|key| key.starts_with("cache:4815162:")),
        "{:?}",
        h.kv.keys()
    );
    // Errors are not cached: a missing entry asks Kaltura each time.
    h.error("get_media_entry", json!({"entry_id": "0_zzzzzzzz"}));
    let after_miss = h.requests();
    h.error("get_media_entry", json!({"entry_id": "0_zzzzzzzz"}));
    assert_eq!(h.requests(), after_miss + 1);
}

#[test]
fn media_entry_not_found_and_invalid_ids_are_explained() {
    let h = Harness::new();
    let missing = h.error("get_media_entry", json!({"entry_id": "0_zzzzzzzz"}));
    assert!(
        missing.contains("0_zzzzzzzz was not found") && missing.contains("search_entries"),
        "{missing}"
    );
    let before = h.requests();
    let invalid = h.error("get_media_entry", json!({"entry_id": "../etc/passwd"}));
    assert!(
        invalid.contains("entry_id") && invalid.contains("1_abcd1234"),
        "{invalid}"
    );
    assert_eq!(h.requests(), before, "invalid ids never reach Kaltura");
}

#[test]
fn every_tool_reports_a_refused_session_as_an_error_result() {
    let h = Harness::new();
    let calls = [
        ("search_entries", json!({"query": "kubernetes"})),
        ("get_media_entry", json!({"entry_id": "0_ha41rn7b"})),
        ("list_categories", json!({})),
        ("get_download_url", json!({"entry_id": "0_ha41rn7b"})),
        ("get_thumbnail_url", json!({"entry_id": "0_ha41rn7b"})),
        ("list_caption_assets", json!({"entry_id": "0_ha41rn7b"})),
        (
            "get_caption_content",
            json!({"caption_asset_id": "0_2z2xt0k6"}),
        ),
        ("list_attachment_assets", json!({"entry_id": "0_ha41rn7b"})),
        (
            "get_attachment_content",
            json!({"attachment_asset_id": "0_qw48yrkj"}),
        ),
        ("get_connection_status", json!({})),
    ];
    for (tool, arguments) in calls {
        let message = h.error_with(h.context_with_secret(WRONG_SECRET), tool, arguments);
        assert!(message.contains("INVALID_KS"), "{tool}: {message}");
        assert!(
            message.contains("check the partner id and admin secret"),
            "{tool}: {message}"
        );
        assert!(!message.contains(WRONG_SECRET), "{tool} leaks the secret");
    }
}

// ---- list_categories ------------------------------------------------------

#[test]
fn categories_come_with_paths_depth_and_counts() {
    let h = Harness::new();
    let all = h.ok("list_categories", json!({"limit": 100}));
    assert_eq!(all["totalCount"], 28);
    let kubernetes = all["categories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["fullName"] == "Training>Engineering>Kubernetes")
        .expect("the Kubernetes category");
    assert_eq!(kubernetes["depth"], 2);
    assert_eq!(kubernetes["entriesCount"], 8);
    let some = h.ok("list_categories", json!({"search_text": "kubernetes"}));
    assert!(some["totalCount"].as_i64().unwrap() >= 1);
    let none = h.ok("list_categories", json!({"search_text": "xylophone"}));
    assert_eq!(none["categories"], json!([]));
    assert!(h
        .error("list_categories", json!({"limit": 0}))
        .contains("limit"));
}

// ---- get_download_url / get_thumbnail_url --------------------------------

#[test]
fn download_urls_pick_the_source_and_work() {
    let h = Harness::new();
    let link = h.ok("get_download_url", json!({"entry_id": "0_ha41rn7b"}));
    assert_eq!(link["flavor"]["id"], "0_2bx8fo8h");
    assert_eq!(link["flavor"]["isSource"], true);
    let (status, _, body) = h.get(link["downloadUrl"].as_str().unwrap());
    assert_eq!(status, 200);
    assert!(!body.is_empty());
    let chosen = h.ok(
        "get_download_url",
        json!({"entry_id": "0_ha41rn7b", "flavor_id": "0_7bj82z71"}),
    );
    assert_eq!(chosen["flavor"]["bitrateKbps"], 452);
}

#[test]
fn download_url_failures_name_the_way_out() {
    let h = Harness::new();
    let foreign = h.error(
        "get_download_url",
        json!({"entry_id": "0_ha41rn7b", "flavor_id": "0_ddwo6mxd"}),
    );
    assert!(
        foreign.contains("does not belong") && foreign.contains("0_2bx8fo8h"),
        "{foreign}"
    );
    let converting = h.error(
        "get_download_url",
        json!({"entry_id": "0_k57g05yc", "flavor_id": "0_agt3jv6n"}),
    );
    assert!(converting.contains("not ready"), "{converting}");
    let image = h.error("get_download_url", json!({"entry_id": "0_ap2eqmft"}));
    assert!(image.contains("no media files"), "{image}");
    assert!(h
        .error("get_download_url", json!({"entry_id": "0_zzzzzzzz"}))
        .contains("not found"));
    assert!(h
        .error("get_download_url", json!({"entry_id": "bad"}))
        .contains("entry_id"));
}

#[test]
fn thumbnails_use_the_path_form_with_the_second_applied() {
    let h = Harness::new();
    let link = h.ok(
        "get_thumbnail_url",
        json!({"entry_id": "0_ha41rn7b", "width": 320, "height": 180, "second": 12}),
    );
    let url = link["thumbnailUrl"].as_str().unwrap();
    assert!(
        url.ends_with(
            "/p/4815162/sp/481516200/thumbnail/entry_id/0_ha41rn7b/width/320/height/180/vid_sec/12"
        ),
        "{url}"
    );
    assert_eq!(link["second"], 12.0);
    let (status, content_type, _) = h.get(url);
    assert_eq!((status, content_type.as_deref()), (200, Some("image/png")));
    let image = h.ok(
        "get_thumbnail_url",
        json!({"entry_id": "0_ap2eqmft", "second": 3}),
    );
    assert!(!image["thumbnailUrl"].as_str().unwrap().contains("vid_sec"));
    assert!(image["note"].as_str().unwrap().contains("videos only"));
    assert!(h
        .error(
            "get_thumbnail_url",
            json!({"entry_id": "0_ha41rn7b", "width": 5000})
        )
        .contains("width"));
    assert!(h
        .error("get_thumbnail_url", json!({"entry_id": "0_zzzzzzzz"}))
        .contains("not found"));
}

// ---- captions -------------------------------------------------------------

#[test]
fn caption_tracks_are_listed_with_language_and_format() {
    let h = Harness::new();
    let tracks = h.ok("list_caption_assets", json!({"entry_id": "0_ha41rn7b"}));
    assert_eq!(tracks["totalCount"], 2);
    let formats: Vec<&str> = tracks["captions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["format"].as_str().unwrap())
        .collect();
    assert_eq!(formats, ["srt", "webvtt"]);
    let none = h.ok("list_caption_assets", json!({"entry_id": "0_v2mvgdu0"}));
    assert_eq!(none["captions"], json!([]));
    assert!(h
        .error("list_caption_assets", json!({"entry_id": "0_zzzzzzzz"}))
        .contains("not found"));
}

#[test]
fn caption_content_is_parsed_cues_for_every_format() {
    let h = Harness::new();
    let tracks = h.ok("list_caption_assets", json!({"entry_id": "0_xw4bffsb"}));
    let mut formats = Vec::new();
    for track in tracks["captions"].as_array().unwrap() {
        let content = h.ok(
            "get_caption_content",
            json!({"caption_asset_id": track["id"]}),
        );
        let cues = content["cues"].as_array().unwrap();
        assert!(!cues.is_empty(), "{}", track["format"]);
        assert!(
            cues.iter()
                .all(|c| !c["text"].as_str().unwrap().contains('<')),
            "markup stripped"
        );
        assert!(cues
            .windows(2)
            .all(|pair| pair[0]["startMs"].as_u64() <= pair[1]["startMs"].as_u64()));
        assert_eq!(content["truncated"], false);
        let (status, _, _) = h.get(content["downloadUrl"].as_str().unwrap());
        assert_eq!(status, 200);
        formats.push(content["format"].as_str().unwrap().to_owned());
    }
    formats.sort();
    assert_eq!(formats, ["dfxp", "srt", "webvtt"]);
    let later = h.ok(
        "get_caption_content",
        json!({"caption_asset_id": "0_2z2xt0k6", "start_seconds": 30}),
    );
    assert!(later["cues"][0]["endMs"].as_u64().unwrap() > 30_000);
}

#[test]
fn caption_content_failures_are_explained() {
    let h = Harness::new();
    assert!(h
        .error(
            "get_caption_content",
            json!({"caption_asset_id": "0_zzzzzzzz"})
        )
        .contains("list_caption_assets"));
    assert!(h
        .error(
            "get_caption_content",
            json!({"caption_asset_id": "0_8o1jj2jg"})
        )
        .contains("not ready"));
    assert!(h
        .error("get_caption_content", json!({"caption_asset_id": "nope"}))
        .contains("caption_asset_id"));
}

// ---- attachments ----------------------------------------------------------

#[test]
fn attachments_are_text_inline_or_base64_and_refused_above_the_cap() {
    let h = Harness::new();
    let list = h.ok("list_attachment_assets", json!({"entry_id": "0_xw4bffsb"}));
    assert_eq!(list["totalCount"], 2);
    let text = h.ok(
        "get_attachment_content",
        json!({"attachment_asset_id": "0_ps83oc9m"}),
    );
    assert_eq!(text["encoding"], "text");
    assert!(!text["content"].as_str().unwrap().is_empty());
    let pdf = h.ok(
        "get_attachment_content",
        json!({"attachment_asset_id": "0_f4lbcls6"}),
    );
    assert_eq!(pdf["encoding"], "base64");
    use base64::Engine;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(pdf["content"].as_str().unwrap())
        .expect("valid base64");
    assert!(bytes.starts_with(b"%PDF"));
    let big = h.error(
        "get_attachment_content",
        json!({"attachment_asset_id": "0_lbx0joh5"}),
    );
    assert!(
        big.contains("over the") && big.contains("download it from"),
        "{big}"
    );
    assert!(h
        .error(
            "get_attachment_content",
            json!({"attachment_asset_id": "0_zzzzzzzz"})
        )
        .contains("not found"));
    let none = h.ok("list_attachment_assets", json!({"entry_id": "0_v2mvgdu0"}));
    assert_eq!(none["attachments"], json!([]));
    assert!(h
        .error("list_attachment_assets", json!({"entry_id": "0_zzzzzzzz"}))
        .contains("not found"));
}

// ---- prompts --------------------------------------------------------------

#[test]
fn accessibility_audit_measures_caption_coverage_by_language() {
    let h = Harness::new();
    let all = h
        .prompt("accessibility_audit", json!({"audit_scope": "all"}))
        .unwrap();
    let text = all["messages"][0]["content"]["text"].as_str().unwrap();
    assert!(text.contains("| English |"), "{text}");
    assert!(text.contains("Entries without captions"), "{text}");
    let one = h
        .prompt("accessibility_audit", json!({"audit_scope": "0_ha41rn7b"}))
        .unwrap();
    let text = one["messages"][0]["content"]["text"].as_str().unwrap();
    assert!(
        text.contains("1 of 1 (100%)") && text.contains("| Spanish | 1 | 100% |"),
        "{text}"
    );
    let category = h
        .prompt(
            "accessibility_audit",
            json!({"audit_scope": "category:Training>Engineering>Kubernetes"}),
        )
        .unwrap();
    assert!(category["messages"][0]["content"]["text"]
        .as_str()
        .unwrap()
        .contains("category Training>Engineering>Kubernetes"));
    let (code, message) = h
        .prompt(
            "accessibility_audit",
            json!({"audit_scope": "category:Nowhere"}),
        )
        .unwrap_err();
    assert_eq!(code, -32602, "{message}");
    let (code, _) = h
        .prompt("accessibility_audit", json!({"audit_scope": "0_zzzzzzzz"}))
        .unwrap_err();
    assert_eq!(code, -32602);
    let (code, _) = h
        .prompt("accessibility_audit", json!({"audit_scope": "sometimes"}))
        .unwrap_err();
    assert_eq!(code, -32602);
}

#[test]
fn prompts_report_kaltura_failures_without_secrets() {
    let h = Harness::new();
    let params = json!({"name": "accessibility_audit", "arguments": {"audit_scope": "recent"}});
    let params = params.as_object().unwrap();
    let ctx = h.context_with_secret(WRONG_SECRET);
    let exchange = common::detached(&ctx, params);
    let error = pollster::block_on(h.server.prompts.get(ctx, params, &exchange)).unwrap_err();
    assert!(error.message.contains("INVALID_KS"), "{}", error.message);
    assert!(!error.message.contains(WRONG_SECRET));
}

// ---- resources ------------------------------------------------------------

#[test]
fn category_tree_nests_and_is_cached() {
    let h = Harness::new();
    let tree = h.read("kaltura://categories/tree").unwrap();
    assert_eq!(tree["totalCategories"], 28);
    let training = tree["tree"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Training")
        .unwrap();
    let engineering = training["children"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Engineering")
        .unwrap();
    assert!(engineering["children"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["fullName"] == "Training>Engineering>Kubernetes" && c["entriesCount"] == 8));
    let before = h.requests();
    h.read("kaltura://categories/tree").unwrap();
    assert_eq!(h.requests(), before, "cached");
}

#[test]
fn recent_media_takes_a_bounded_count_and_is_cached() {
    let h = Harness::new();
    let recent = h.read("kaltura://media/recent/5").unwrap();
    assert_eq!(recent["count"], 5);
    let dates: Vec<&str> = recent["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["createdAt"].as_str().unwrap())
        .collect();
    assert!(dates.windows(2).all(|pair| pair[0] >= pair[1]));
    let before = h.requests();
    h.read("kaltura://media/recent/5").unwrap();
    assert_eq!(h.requests(), before, "cached");
    for bad in [
        "kaltura://media/recent/0",
        "kaltura://media/recent/101",
        "kaltura://media/recent/many",
    ] {
        assert!(
            matches!(h.read(bad), Err(ResourceError::InvalidParams(_))),
            "{bad}"
        );
    }
}

#[test]
fn capabilities_list_every_report_type() {
    let h = Harness::new();
    let capabilities = h.read("kaltura://analytics/capabilities").unwrap();
    assert!(capabilities["reportTypeCount"].as_u64().unwrap() >= 60);
    let quality = capabilities["categories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["category"] == "quality")
        .unwrap();
    assert!(quality["reports"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["name"] == "qoe_overview"));
}

#[test]
fn content_discovery_fits_the_intent_and_refuses_an_empty_one() {
    let h = Harness::new();
    let spoken = h
        .prompt(
            "content_discovery",
            json!({"search_intent": "recent talks that mention phishing", "include_details": "yes"}),
        )
        .unwrap();
    let text = spoken["messages"][0]["content"]["text"].as_str().unwrap();
    assert!(text.contains("search_type=\"caption\""), "{text}");
    assert!(text.contains("sort_field=\"created_at\""), "{text}");
    assert!(text.contains("get_media_entry"), "{text}");
    let plain = h
        .prompt("content_discovery", json!({"search_intent": "kubernetes"}))
        .unwrap();
    let text = plain["messages"][0]["content"]["text"].as_str().unwrap();
    assert!(!text.contains("search_type=\"caption\"") && !text.contains("get_media_entry"));
    let (code, _) = h
        .prompt("content_discovery", json!({"search_intent": "  "}))
        .unwrap_err();
    assert_eq!(code, -32602);
    let (code, _) = h.prompt("content_discovery", json!({})).unwrap_err();
    assert_eq!(code, -32602);
}

#[test]
fn resources_report_kaltura_failures_without_secrets() {
    let h = Harness::new();
    for uri in ["kaltura://categories/tree", "kaltura://media/recent/3"] {
        let error = pollster::block_on(
            h.server
                .resources
                .read(h.context_with_secret(WRONG_SECRET), uri),
        )
        .unwrap_err();
        let ResourceError::Failed(message) = error else {
            panic!("{uri}: {error:?}");
        };
        assert!(message.contains("INVALID_KS"), "{message}");
        assert!(!message.contains(WRONG_SECRET));
    }
}

#[test]
fn a_kaltura_outage_is_an_error_result_after_retries() {
    let h = Harness::new();
    let control = |body: &str| {
        let request = OutboundRequest {
            method: Method::Post,
            url: format!("{}/__sim/faults", h.sim.url),
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: body.as_bytes().to_vec(),
            timeout: std::time::Duration::from_secs(5),
        };
        pollster::block_on(NativeHttp.send(request)).expect("control");
    };
    control(r#"{"errorRate": 1}"#);
    let before = h.requests();
    let message = h.error("search_entries", json!({"query": "kubernetes"}));
    control(r#"{"errorRate": 0}"#);
    assert!(
        message.contains("HTTP 5") && message.contains("try again"),
        "{message}"
    );
    assert_eq!(h.requests(), before + 3, "three attempts");
    // Nothing was cached from the outage: the next call succeeds.
    h.ok("search_entries", json!({"query": "kubernetes"}));
}

#[test]
fn completion_suggests_scopes_categories_entries_and_counts() {
    let h = Harness::new();
    let complete = |reference: Value, name: &str, value: &str| {
        h.rpc(
            "completion/complete",
            json!({"ref": reference, "argument": {"name": name, "value": value}}),
        )
    };
    let values = |result: Result<Value, Value>| -> Vec<String> {
        let result = result.expect("a completion");
        serde_json::from_value(result["completion"]["values"].clone()).unwrap()
    };
    let audit = json!({"type": "ref/prompt", "name": "accessibility_audit"});
    assert_eq!(
        values(complete(audit.clone(), "audit_scope", "re")),
        ["recent"]
    );
    let categories = values(complete(audit, "audit_scope", "category:Training>Eng"));
    assert!(
        categories.contains(&"category:Training>Engineering>Kubernetes".to_owned()),
        "{categories:?}"
    );
    assert!(
        categories
            .iter()
            .all(|c| c.starts_with("category:Training>Engineering")),
        "{categories:?}"
    );
    let retention = json!({"type": "ref/prompt", "name": "retention_analysis"});
    let entries = values(complete(retention.clone(), "entry_id", "kubernetes"));
    assert!(entries.contains(&"0_ha41rn7b".to_owned()), "{entries:?}");
    assert_eq!(
        values(complete(retention, "output_format", "m")),
        ["markdown"]
    );
    let recent = json!({"type": "ref/resource", "uri": "kaltura://media/recent/{count}"});
    assert_eq!(values(complete(recent, "count", "1")), ["10", "100"]);
    let unknown = complete(json!({"type": "ref/prompt", "name": "nope"}), "x", "").unwrap_err();
    assert_eq!(unknown["code"], -32602);
    let capabilities = h.rpc("initialize", json!({"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}})).unwrap();
    assert!(capabilities["capabilities"]["completions"].is_object());
}
