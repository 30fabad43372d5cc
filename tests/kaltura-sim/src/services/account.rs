//! `session.start/get/end`, `partner.getInfo`, `system.ping`.

use kaltura_mcp::kaltura::ks::{self, KsSpec, SessionType};
use kaltura_mcp::kaltura::{AdminSecret, PartnerId};
use serde_json::{json, Value};

use super::{required, ActionResult, Ctx};
use crate::error::ApiError;
use crate::fixtures::text;
use crate::params::Params;

/// Issues a KS v2, like Kaltura: the admin secret works for both session
/// types, the user secret only for user sessions.
pub fn session_start(ctx: &Ctx, params: &Params) -> ActionResult {
    let secret = required(params, "secret")?;
    let partner = params.text("partnerId").unwrap_or_default();
    let session_type = match params.int("type").unwrap_or(0) {
        0 => SessionType::User,
        2 => SessionType::Admin,
        other => {
            return Err(ApiError::invalid_enum(
                &other.to_string(),
                "type",
                "KalturaSessionType",
            ))
        }
    };
    let catalog = ctx.catalog;
    let secret_fits = secret == catalog.admin_secret()
        || (session_type == SessionType::User && secret == catalog.user_secret());
    let partner_id = partner
        .parse::<u64>()
        .ok()
        .filter(|id| *id == catalog.partner_id());
    let (Some(partner_id), true) = (partner_id, secret_fits) else {
        return Err(ApiError::start_session(&partner));
    };
    let expiry = params
        .int("expiry")
        .filter(|seconds| *seconds > 0)
        .unwrap_or(86_400);
    let spec = KsSpec {
        partner_id: PartnerId::new(partner_id).map_err(|_| ApiError::start_session(&partner))?,
        session_type,
        user_id: params.text("userId").unwrap_or_default(),
        privileges: params.text("privileges").unwrap_or_default(),
        expires_at: ctx.now + expiry as u64,
    };
    let made = ks::generate(&spec, &AdminSecret::new(secret))
        .map_err(|_| ApiError::start_session(&partner))?;
    Ok(Value::String(made.expose().to_owned()).into())
}

/// Describes the request's KS, or the one in `session`.
pub fn session_get(ctx: &Ctx, params: &Params) -> ActionResult {
    let info = match params.nonempty("session") {
        Some(other) => {
            let secrets = [
                AdminSecret::new(ctx.catalog.admin_secret()),
                AdminSecret::new(ctx.catalog.user_secret()),
            ];
            let parsed = ks::parse(&other, &secrets).map_err(|_| ApiError::invalid_ks(&other))?;
            (
                parsed.partner_id.get(),
                parsed.session_type,
                parsed.user_id,
                parsed.expires_at,
                parsed.privileges,
            )
        }
        None => {
            let session = ctx.session.expect("the dispatcher requires a KS here");
            (
                session.partner_id,
                session.session_type,
                session.user_id.clone(),
                session.expires_at,
                session.privileges.clone(),
            )
        }
    };
    let (partner_id, session_type, user_id, expiry, privileges) = info;
    if partner_id != ctx.partner_id() {
        return Err(ApiError::partner_forbidden(
            &ctx.partner_id().to_string(),
            &partner_id.to_string(),
        ));
    }
    Ok(json!({
        "sessionType": session_type.wire_value(),
        "partnerId": partner_id,
        "userId": user_id,
        "expiry": expiry,
        "privileges": ks::privileges_string(&privileges),
        "objectType": "KalturaSessionInfo",
    })
    .into())
}

/// Kaltura returns `null`; revocation is not modelled (KSs are stateless here).
pub fn session_end(_ctx: &Ctx, _params: &Params) -> ActionResult {
    Ok(Value::Null.into())
}

pub fn partner_info(ctx: &Ctx, _params: &Params) -> ActionResult {
    let partner = &ctx.catalog.partner;
    Ok(json!({
        "id": ctx.partner_id(),
        "name": text(partner, "name"),
        "website": "https://demo.example",
        "adminName": "Demo Admin",
        "adminEmail": text(partner, "adminUserId"),
        "description": "Kaltura simulator demo partner",
        "createdAt": partner.get("createdAt").cloned().unwrap_or(Value::Null),
        "status": 1,
        "partnerPackage": 100,
        "objectType": "KalturaPartner",
    })
    .into())
}

pub fn ping(_ctx: &Ctx, _params: &Params) -> ActionResult {
    Ok(Value::Bool(true).into())
}
