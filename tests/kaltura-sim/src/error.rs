//! `KalturaAPIException`s with Kaltura's exact codes and message templates
//! (../shared/reference/kaltura-api.md §4). Args are strings; an error
//! without args serializes `args` as `[]`, as PHP does.

use serde_json::{json, Map, Value};

#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    pub code: String,
    pub message: String,
    pub args: Vec<(String, String)>,
}

impl ApiError {
    pub fn new(code: &str, message: impl Into<String>, args: &[(&str, &str)]) -> Self {
        ApiError {
            code: code.to_owned(),
            message: message.into(),
            args: args
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    pub fn to_value(&self) -> Value {
        let args = if self.args.is_empty() {
            json!([])
        } else {
            let map: Map<String, Value> = self
                .args
                .iter()
                .map(|(key, value)| (key.clone(), Value::String(value.clone())))
                .collect();
            Value::Object(map)
        };
        json!({
            "code": self.code,
            "message": self.message,
            "objectType": "KalturaAPIException",
            "args": args,
        })
    }

    pub fn invalid_ks(ksid: &str) -> Self {
        Self::new(
            "INVALID_KS",
            format!("Invalid KS \"{ksid}\", Error \"-1,INVALID_STR\""),
            &[
                ("KSID", ksid),
                ("ERR_CODE", "-1"),
                ("ERR_DESC", "INVALID_STR"),
            ],
        )
    }

    pub fn service_forbidden(service: &str, action: &str) -> Self {
        let both = format!("{service}->{action}");
        Self::new(
            "SERVICE_FORBIDDEN",
            format!("The access to service [{both}] is forbidden"),
            &[("SERVICE", &both)],
        )
    }

    pub fn start_session(partner: &str) -> Self {
        Self::new(
            "START_SESSION_ERROR",
            format!("Error while starting session for partner [{partner}]"),
            &[("PID", partner)],
        )
    }

    pub fn service_missing(service: &str) -> Self {
        Self::new(
            "SERVICE_DOES_NOT_EXISTS",
            format!("Service \"{service}\" does not exists"),
            &[("SRV_NAME", service)],
        )
    }

    pub fn action_missing(service: &str, action: &str) -> Self {
        Self::new(
            "ACTION_DOES_NOT_EXISTS",
            format!("Action \"{action}\" does not exists for service \"{service}\""),
            &[("ACTION_NAME", action), ("SERVICE_NAME", service)],
        )
    }

    pub fn missing_parameter(name: &str) -> Self {
        Self::new(
            "MISSING_MANDATORY_PARAMETER",
            format!("Missing parameter \"{name}\""),
            &[("PARAM_NAME", name)],
        )
    }

    pub fn invalid_enum(value: &str, param: &str, enum_type: &str) -> Self {
        Self::new(
            "INVALID_ENUM_VALUE",
            format!("Invalid enumeration value \"{value}\" for parameter \"{param}\", expecting enumeration type \"{enum_type}\""),
            &[("ENUM_VAL", value), ("PARAM_NAME", param), ("ENUM_TYPE", enum_type)],
        )
    }

    pub fn cannot_be_null(property: &str) -> Self {
        Self::new(
            "PROPERTY_VALIDATION_CANNOT_BE_NULL",
            format!("The property \"{property}\" cannot be null"),
            &[("PROP_NAME", property)],
        )
    }

    pub fn invalid_object_type(object_type: &str) -> Self {
        Self::new(
            "INVALID_OBJECT_TYPE",
            format!("Invalid object type \"{object_type}\""),
            &[("INVALID_OBJ_TYPE", object_type)],
        )
    }

    pub fn abstract_type(object_type: &str) -> Self {
        Self::new(
            "OBJECT_TYPE_ABSTRACT",
            format!("The object type \"{object_type}\" is abstract, use one of the object implementations"),
            &[("OBJ_TYPE", object_type)],
        )
    }

    pub fn entry_not_found(id: &str) -> Self {
        Self::new(
            "ENTRY_ID_NOT_FOUND",
            format!("Entry id \"{id}\" not found"),
            &[("ENTRY_ID", id)],
        )
    }

    pub fn invalid_object_id(id: &str) -> Self {
        Self::new(
            "INVALID_OBJECT_ID",
            format!("Invalid object id [{id}]"),
            &[("ID", id)],
        )
    }

    pub fn category_not_found(id: &str) -> Self {
        Self::new(
            "CATEGORY_NOT_FOUND",
            format!("Category id \"{id}\" not found"),
            &[("ID", id)],
        )
    }

    /// `kind` is `Caption` or `Attachment`.
    pub fn asset_not_found(kind: &str, id: &str) -> Self {
        let code = format!("{}_ASSET_ID_NOT_FOUND", kind.to_uppercase());
        Self::new(
            &code,
            format!("{kind} asset id \"{id}\" not found"),
            &[("ASSET_ID", id)],
        )
    }

    pub fn asset_not_ready(kind: &str, id: &str) -> Self {
        let code = format!("{}_ASSET_IS_NOT_READY", kind.to_uppercase());
        Self::new(
            &code,
            format!("{kind} asset \"{id}\" is not ready"),
            &[("ASSET_ID", id)],
        )
    }

    pub fn flavor_not_found(id: &str) -> Self {
        Self::new(
            "FLAVOR_ASSET_ID_NOT_FOUND",
            format!("Flavor asset id \"{id}\" not found"),
            &[("ID", id)],
        )
    }

    pub fn flavor_not_ready() -> Self {
        Self::new(
            "FLAVOR_ASSET_IS_NOT_READY",
            "The flavor asset is not ready",
            &[],
        )
    }

    pub fn max_matches() -> Self {
        Self::new(
            "QUERY_EXCEEDED_MAX_MATCHES_ALLOWED",
            "Unable to generate list. max matches value was reached",
            &[],
        )
    }

    /// eSearch errors: codes with spaces, messages as Kaltura words them.
    pub fn esearch(code: &str, message: &str) -> Self {
        Self::new(code, message, &[])
    }

    pub fn report_not_found(id: &str) -> Self {
        Self::new(
            "REPORT_NOT_FOUND",
            format!("Report id \"{id}\" not found"),
            &[("ID", id)],
        )
    }

    pub fn report_parameter_missing(param: &str) -> Self {
        Self::new(
            "REPORT_PARAMETER_MISSING",
            format!("Parameter \"{param}\" is missing"),
            &[("PARAM", param)],
        )
    }

    pub fn partner_forbidden(accessing: &str, accessed: &str) -> Self {
        Self::new(
            "PARTNER_ACCESS_FORBIDDEN",
            format!("Partner [{accessing}] cannot access partner [{accessed}]"),
            &[("ACCESSING_PID", accessing), ("ACCESSED_PID", accessed)],
        )
    }

    pub fn unknown_format(format: &str) -> Self {
        Self::new(
            "UNKNOWN_RESPONSE_FORMAT",
            format!("Response format provided [{format}] is not recognized by server"),
            &[("FORMAT", format)],
        )
    }
}
