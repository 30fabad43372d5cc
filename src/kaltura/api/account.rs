//! `session.get` and `partner.getInfo`: who the credentials are.

use crate::kaltura::model::{PartnerInfo, SessionInfo};
use crate::kaltura::request::Call;

/// Describes the KS the call is made with.
pub fn session_info() -> Call<SessionInfo> {
    Call::new("session", "get")
}

pub fn partner_info() -> Call<PartnerInfo> {
    Call::new("partner", "getInfo")
}
