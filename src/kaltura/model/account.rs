//! Who the session is: `session.get` and `partner.getInfo` answers.

use super::lenient;
use serde::Deserialize;

/// `KalturaSessionInfo` (`session.get`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct SessionInfo {
    #[serde(deserialize_with = "lenient::int")]
    pub session_type: Option<i64>,
    #[serde(deserialize_with = "lenient::int")]
    pub partner_id: Option<i64>,
    pub user_id: Option<String>,
    /// Absolute unix seconds.
    #[serde(deserialize_with = "lenient::int")]
    pub expiry: Option<i64>,
    pub privileges: Option<String>,
    pub object_type: Option<String>,
}

/// `KalturaPartner` as `partner.getInfo` returns it (the fields we use).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct PartnerInfo {
    #[serde(deserialize_with = "lenient::int")]
    pub id: Option<i64>,
    pub name: Option<String>,
    pub website: Option<String>,
    pub admin_name: Option<String>,
    pub admin_email: Option<String>,
    pub description: Option<String>,
    #[serde(deserialize_with = "lenient::int")]
    pub created_at: Option<i64>,
    #[serde(deserialize_with = "lenient::int")]
    pub status: Option<i64>,
    pub object_type: Option<String>,
}
