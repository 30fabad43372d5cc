//! The api_v3 services the simulator implements, one module per service
//! family, each action a function `(ctx, params) -> Result<Reply, ApiError>`.
//! `lookup` is the dispatch table: it also says whether an action needs a
//! KS, which decides `SERVICE_FORBIDDEN`.

pub mod account;
pub mod assets;
pub mod categories;
pub mod entries;
pub mod esearch;
pub mod reports;
pub mod text_match;

use serde_json::{json, Value};

use crate::error::ApiError;
use crate::fixtures::{Catalog, Object};
use crate::params::Params;
use kaltura_mcp::kaltura::ks::SessionType;

/// The verified KS of a request.
#[derive(Debug, Clone)]
pub struct Session {
    pub ks: String,
    pub partner_id: u64,
    pub session_type: SessionType,
    pub user_id: String,
    pub expires_at: u64,
    pub privileges: Vec<(String, String)>,
}

impl Session {
    pub fn has_privilege(&self, name: &str) -> bool {
        self.privileges
            .iter()
            .any(|(known, _)| known == name || known == "all")
    }

    pub fn is_admin(&self) -> bool {
        self.session_type == SessionType::Admin
    }
}

/// What every action sees.
pub struct Ctx<'a> {
    pub catalog: &'a Catalog,
    pub session: Option<&'a Session>,
    /// `http://host:port` as the client addressed us; URLs we hand out
    /// point back here.
    pub base_url: &'a str,
    /// Unix seconds.
    pub now: u64,
}

impl Ctx<'_> {
    pub fn partner_id(&self) -> u64 {
        self.catalog.partner_id()
    }

    /// `{base}/p/{pid}/sp/{pid}00`, the prefix of delivery URLs.
    pub fn partner_path(&self) -> String {
        let pid = self.partner_id();
        format!("{}/p/{pid}/sp/{pid}00", self.base_url)
    }
}

/// A file action's bytes (`serve`), sent raw instead of serialized.
#[derive(Debug, Clone)]
pub struct File {
    pub content_type: String,
    pub name: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone)]
pub enum Reply {
    Value(Value),
    File(File),
}

impl From<Value> for Reply {
    fn from(value: Value) -> Self {
        Reply::Value(value)
    }
}

pub type ActionResult = Result<Reply, ApiError>;
type Action = fn(&Ctx, &Params) -> ActionResult;

/// Whether an action needs a KS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Anyone,
    Session,
    /// Reports: an admin KS (analytics permission).
    Admin,
}

/// `(service, action)` → handler. Services are lower-case (Kaltura's
/// dispatcher lower-cases them); actions compare case-insensitively.
const TABLE: &[(&str, &str, Access, Action)] = &[
    ("session", "start", Access::Anyone, account::session_start),
    ("session", "get", Access::Session, account::session_get),
    ("session", "end", Access::Session, account::session_end),
    ("partner", "getInfo", Access::Session, account::partner_info),
    ("system", "ping", Access::Anyone, account::ping),
    ("media", "get", Access::Session, entries::media_get),
    ("media", "list", Access::Session, entries::media_list),
    ("baseentry", "get", Access::Session, entries::base_entry_get),
    (
        "baseentry",
        "list",
        Access::Session,
        entries::base_entry_list,
    ),
    ("category", "get", Access::Session, categories::get),
    ("category", "list", Access::Session, categories::list),
    (
        "elasticsearch_esearch",
        "searchEntry",
        Access::Session,
        esearch::search_entry,
    ),
    (
        "caption_captionasset",
        "list",
        Access::Session,
        assets::caption_list,
    ),
    (
        "caption_captionasset",
        "get",
        Access::Session,
        assets::caption_get,
    ),
    (
        "caption_captionasset",
        "getUrl",
        Access::Session,
        assets::caption_url,
    ),
    (
        "caption_captionasset",
        "serve",
        Access::Anyone,
        assets::caption_serve,
    ),
    (
        "attachment_attachmentasset",
        "list",
        Access::Session,
        assets::attachment_list,
    ),
    (
        "attachment_attachmentasset",
        "get",
        Access::Session,
        assets::attachment_get,
    ),
    (
        "attachment_attachmentasset",
        "getUrl",
        Access::Session,
        assets::attachment_url,
    ),
    (
        "attachment_attachmentasset",
        "serve",
        Access::Anyone,
        assets::attachment_serve,
    ),
    ("flavorasset", "list", Access::Session, assets::flavor_list),
    ("flavorasset", "get", Access::Session, assets::flavor_get),
    ("flavorasset", "getUrl", Access::Session, assets::flavor_url),
    (
        "cuepoint_cuepoint",
        "list",
        Access::Session,
        assets::cue_point_list,
    ),
    (
        "metadata_metadata",
        "list",
        Access::Session,
        assets::metadata_list,
    ),
    ("report", "getTable", Access::Admin, reports::get_table),
    ("report", "getTotal", Access::Admin, reports::get_total),
    ("report", "getGraphs", Access::Admin, reports::get_graphs),
    (
        "report",
        "getBaseTotal",
        Access::Admin,
        reports::get_base_total,
    ),
];

/// Resolves a service and action the way the dispatcher does, with its
/// errors for unknown ones.
pub fn lookup(service: &str, action: &str) -> Result<(Access, Action), ApiError> {
    let service = service.to_lowercase();
    if !TABLE.iter().any(|(known, ..)| *known == service) {
        return Err(ApiError::service_missing(&service));
    }
    TABLE
        .iter()
        .find(|(known, name, ..)| *known == service && name.eq_ignore_ascii_case(action))
        .map(|(_, _, access, handler)| (*access, *handler))
        .ok_or_else(|| ApiError::action_missing(&service, action))
}

/// A mandatory parameter, or Kaltura's error for its absence.
pub fn required(params: &Params, name: &str) -> Result<String, ApiError> {
    params
        .nonempty(name)
        .ok_or_else(|| ApiError::missing_parameter(name))
}

/// `KalturaFilterPager` semantics: size 30 by default, clamped to 0..=500
/// silently; index from 1.
#[derive(Debug, Clone, Copy)]
pub struct Pager {
    pub size: usize,
    pub index: usize,
}

impl Pager {
    pub fn read(params: &Params, default_size: usize) -> Pager {
        let pager = params.object("pager").unwrap_or_default();
        let size = pager
            .int("pageSize")
            .unwrap_or(default_size as i64)
            .clamp(0, 500) as usize;
        let index = pager.int("pageIndex").unwrap_or(1).max(1) as usize;
        Pager { size, index }
    }

    pub fn offset(&self) -> usize {
        (self.index - 1).saturating_mul(self.size)
    }

    pub fn page<T: Clone>(&self, items: &[T]) -> Vec<T> {
        items
            .iter()
            .skip(self.offset())
            .take(self.size)
            .cloned()
            .collect()
    }
}

/// `{"objects": [...], "totalCount": N, "objectType": ...}`.
pub fn list_response(object_type: &str, objects: Vec<Value>, total: usize) -> Value {
    json!({"objects": objects, "totalCount": total, "objectType": object_type})
}

/// Kaltura's `time` params: |v| ≤ 10 years counts from now.
pub fn absolute_time(value: i64, now: u64) -> i64 {
    if value.abs() <= 315_360_000 {
        now as i64 + value
    } else {
        value
    }
}

/// Sorts fixture objects by a Kaltura `orderBy` such as `-createdAt` or
/// `+name`: text fields without case, the rest as numbers, ties by id.
pub fn sort_by_order(objects: &mut [&Object], order_by: &str) {
    let (descending, field) = match order_by.strip_prefix('-') {
        Some(field) => (true, field),
        None => (false, order_by.strip_prefix('+').unwrap_or(order_by)),
    };
    objects.sort_by(|a, b| {
        let ordering = match (a.get(field), b.get(field)) {
            (Some(Value::String(x)), Some(Value::String(y))) => {
                x.to_lowercase().cmp(&y.to_lowercase())
            }
            (x, y) => {
                let number = |value: Option<&Value>| value.and_then(Value::as_f64).unwrap_or(0.0);
                number(x).total_cmp(&number(y))
            }
        };
        let ordering = if descending {
            ordering.reverse()
        } else {
            ordering
        };
        ordering.then_with(|| {
            a.get("id")
                .map(Value::to_string)
                .cmp(&b.get("id").map(Value::to_string))
        })
    });
}
