//! `elasticsearch_esearch.searchEntry`. TODO: being written.

use super::{ActionResult, Ctx};
use crate::error::ApiError;
use crate::params::Params;

pub fn search_entry(_ctx: &Ctx, _params: &Params) -> ActionResult {
    Err(ApiError::esearch(
        "EMPTY SEARCH OPERATOR IS NOT ALLOWED",
        "empty search operator is not allowed",
    ))
}
