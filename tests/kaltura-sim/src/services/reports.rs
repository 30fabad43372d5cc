//! `report.getTable/getTotal/getGraphs/getBaseTotal`. TODO: being written.

use super::{ActionResult, Ctx};
use crate::error::ApiError;
use crate::params::Params;

pub fn get_table(_ctx: &Ctx, params: &Params) -> ActionResult {
    Err(ApiError::report_not_found(
        &params.text("reportType").unwrap_or_default(),
    ))
}

pub fn get_total(_ctx: &Ctx, params: &Params) -> ActionResult {
    Err(ApiError::report_not_found(
        &params.text("reportType").unwrap_or_default(),
    ))
}

pub fn get_graphs(_ctx: &Ctx, params: &Params) -> ActionResult {
    Err(ApiError::report_not_found(
        &params.text("reportType").unwrap_or_default(),
    ))
}

pub fn get_base_total(_ctx: &Ctx, params: &Params) -> ActionResult {
    Err(ApiError::report_not_found(
        &params.text("reportType").unwrap_or_default(),
    ))
}
