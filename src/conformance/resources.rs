//! The fixture resources: a static text, a static PNG, a template, and a
//! resource clients may subscribe to (it never changes).

use super::RED_PIXEL_PNG;
use crate::context::Context;
use crate::mcp::cache_hint::CacheHint;
use crate::mcp::resource::{
    BlobResource, Resource, ResourceBlob, ResourceError, ResourceRegistry, ResourceTemplate,
    ResourceText,
};
use base64::Engine as _;
use serde_json::json;

pub const WATCHED: &str = "test://watched-resource";
const CACHE: CacheHint = CacheHint::public(60_000);

pub fn register(resources: &mut ResourceRegistry<Context>) {
    resources
        .register::<StaticText>()
        .register_blob::<StaticBinary>()
        .register::<Watched>()
        .register_template::<TemplateData>();
}

struct StaticText;
impl Resource<Context> for StaticText {
    const URI: &'static str = "test://static-text";
    const NAME: &'static str = "static-text";
    const TITLE: &'static str = "Static text";
    const DESCRIPTION: &'static str = "A fixed text resource.";
    const MIME_TYPE: &'static str = "text/plain";
    async fn read(_: Context) -> Result<ResourceText, ResourceError> {
        Ok(ResourceText {
            text: "This is the content of the static text resource.".into(),
            cache: CACHE,
        })
    }
}

struct StaticBinary;
impl BlobResource<Context> for StaticBinary {
    const URI: &'static str = "test://static-binary";
    const NAME: &'static str = "static-binary";
    const DESCRIPTION: &'static str = "A fixed 1x1 PNG image.";
    const MIME_TYPE: &'static str = "image/png";
    async fn read(_: Context) -> Result<ResourceBlob, ResourceError> {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(RED_PIXEL_PNG)
            .map_err(|error| ResourceError::Failed(error.to_string()))?;
        Ok(ResourceBlob {
            bytes,
            cache: CACHE,
        })
    }
}

struct Watched;
impl Resource<Context> for Watched {
    const URI: &'static str = WATCHED;
    const NAME: &'static str = "watched-resource";
    const TITLE: &'static str = "Watched resource";
    const DESCRIPTION: &'static str = "A resource clients may subscribe to.";
    const MIME_TYPE: &'static str = "text/plain";
    async fn read(_: Context) -> Result<ResourceText, ResourceError> {
        Ok(ResourceText {
            text: "Watched resource content".into(),
            cache: CACHE,
        })
    }
}

struct TemplateData;
impl ResourceTemplate<Context> for TemplateData {
    const URI_TEMPLATE: &'static str = "test://template/{id}/data";
    const NAME: &'static str = "template-data";
    const TITLE: &'static str = "Template data";
    const DESCRIPTION: &'static str = "Data for an id, substituted into the URI.";
    const MIME_TYPE: &'static str = "application/json";
    fn matches(uri: &str) -> bool {
        id_of(uri).is_some()
    }
    async fn read(_: Context, uri: String) -> Result<ResourceText, ResourceError> {
        let id = id_of(&uri).ok_or_else(|| ResourceError::NotFound(uri.clone()))?;
        let data = json!({ "id": id, "templateTest": true, "data": format!("Data for ID: {id}") });
        Ok(ResourceText {
            text: data.to_string(),
            cache: CACHE,
        })
    }
    async fn complete(_: Context, variable: String, typed: String) -> Vec<String> {
        if variable != "id" {
            return Vec::new();
        }
        crate::mcp::completion::matching(&["1", "2", "3", "123"], &typed)
    }
}

fn id_of(uri: &str) -> Option<&str> {
    let id = uri
        .strip_prefix("test://template/")?
        .strip_suffix("/data")?;
    (!id.is_empty() && !id.contains('/')).then_some(id)
}
