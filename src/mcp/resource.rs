//! Resources: fixed URIs (`Resource`) and URI templates (`ResourceTemplate`),
//! and the registry behind `resources/list`, `resources/templates/list` and
//! `resources/read`.

use super::cache_hint::CacheHint;
use super::completion::Completer;
use serde_json::{json, Value};
use std::future::Future;
use std::pin::Pin;

/// Why a read failed. The server maps `NotFound` to the era's error code.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ResourceError {
    #[error("Resource not found: {0}")]
    NotFound(String),
    /// The URI matches a template but a parameter is out of range.
    #[error("{0}")]
    InvalidParams(String),
    #[error("{0}")]
    Failed(String),
}

/// What a read returns: one text document.
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceText {
    pub text: String,
    pub cache: CacheHint,
}

/// What a binary read returns: bytes, sent base64-encoded as a `blob`.
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceBlob {
    pub bytes: Vec<u8>,
    pub cache: CacheHint,
}

/// A binary resource at a fixed URI.
#[allow(async_fn_in_trait)]
pub trait BlobResource<C>: 'static {
    const URI: &'static str;
    const NAME: &'static str;
    const DESCRIPTION: &'static str;
    const MIME_TYPE: &'static str;

    async fn read(ctx: C) -> Result<ResourceBlob, ResourceError>;
}

/// One read's contents, text or binary.
enum Body {
    Text(String),
    Blob(Vec<u8>),
}

impl From<ResourceText> for (Body, CacheHint) {
    fn from(read: ResourceText) -> Self {
        (Body::Text(read.text), read.cache)
    }
}

impl From<ResourceBlob> for (Body, CacheHint) {
    fn from(read: ResourceBlob) -> Self {
        (Body::Blob(read.bytes), read.cache)
    }
}

/// A resource at a fixed URI.
#[allow(async_fn_in_trait)] // not Send on purpose: wasm32 is single-threaded
pub trait Resource<C>: 'static {
    const URI: &'static str;
    const NAME: &'static str;
    const TITLE: &'static str;
    const DESCRIPTION: &'static str;
    const MIME_TYPE: &'static str;

    async fn read(ctx: C) -> Result<ResourceText, ResourceError>;
}

/// A family of resources under an RFC 6570 template, e.g.
/// `kaltura://media/recent/{count}`.
#[allow(async_fn_in_trait)]
pub trait ResourceTemplate<C>: 'static {
    const URI_TEMPLATE: &'static str;
    const NAME: &'static str;
    const TITLE: &'static str;
    const DESCRIPTION: &'static str;
    const MIME_TYPE: &'static str;

    /// Whether `uri` belongs to this template.
    fn matches(uri: &str) -> bool;

    async fn read(ctx: C, uri: String) -> Result<ResourceText, ResourceError>;

    /// Suggestions for a template variable as typed so far.
    async fn complete(_ctx: C, _variable: String, _typed: String) -> Vec<String> {
        Vec::new()
    }
}

type BoxFuture = Pin<Box<dyn Future<Output = Result<(Body, CacheHint), ResourceError>>>>;
type Reader<C> = Box<dyn Fn(C, String) -> BoxFuture>;

struct Entry<C> {
    mime_type: &'static str,
    matches: Box<dyn Fn(&str) -> bool>,
    reader: Reader<C>,
}

/// Registered resources and templates, each in registration order. The
/// listed objects sit apart from the readers, index for index, so a list
/// call borrows them instead of cloning every entry.
pub struct ResourceRegistry<C> {
    resources: Vec<Entry<C>>,
    resource_definitions: Vec<Value>,
    templates: Vec<Entry<C>>,
    template_definitions: Vec<Value>,
    completers: Vec<(&'static str, Completer<C>)>,
}

impl<C> Default for ResourceRegistry<C> {
    fn default() -> Self {
        ResourceRegistry {
            resources: Vec::new(),
            resource_definitions: Vec::new(),
            templates: Vec::new(),
            template_definitions: Vec::new(),
            completers: Vec::new(),
        }
    }
}

impl<C: 'static> ResourceRegistry<C> {
    pub fn register<R: Resource<C>>(&mut self) -> &mut Self {
        let definition = json!({
            "uri": R::URI,
            "name": R::NAME,
            "title": R::TITLE,
            "description": R::DESCRIPTION,
            "mimeType": R::MIME_TYPE,
        });
        let reader: Reader<C> =
            Box::new(|ctx, _uri| Box::pin(async { R::read(ctx).await.map(Into::into) }));
        self.add_fixed(definition, R::URI, R::MIME_TYPE, reader)
    }

    pub fn register_blob<R: BlobResource<C>>(&mut self) -> &mut Self {
        let definition = json!({
            "uri": R::URI,
            "name": R::NAME,
            "description": R::DESCRIPTION,
            "mimeType": R::MIME_TYPE,
        });
        let reader: Reader<C> =
            Box::new(|ctx, _uri| Box::pin(async { R::read(ctx).await.map(Into::into) }));
        self.add_fixed(definition, R::URI, R::MIME_TYPE, reader)
    }

    fn add_fixed(
        &mut self,
        definition: Value,
        uri: &'static str,
        mime_type: &'static str,
        reader: Reader<C>,
    ) -> &mut Self {
        self.resource_definitions.push(definition);
        self.resources.push(Entry {
            mime_type,
            matches: Box::new(move |candidate| candidate == uri),
            reader,
        });
        self
    }

    pub fn register_template<T: ResourceTemplate<C>>(&mut self) -> &mut Self {
        self.template_definitions.push(json!({
            "uriTemplate": T::URI_TEMPLATE,
            "name": T::NAME,
            "title": T::TITLE,
            "description": T::DESCRIPTION,
            "mimeType": T::MIME_TYPE,
        }));
        self.templates.push(Entry {
            mime_type: T::MIME_TYPE,
            matches: Box::new(T::matches),
            reader: Box::new(|ctx, uri| {
                Box::pin(async { T::read(ctx, uri).await.map(Into::into) })
            }),
        });
        self.completers.push((
            T::URI_TEMPLATE,
            Box::new(|ctx, variable, typed| Box::pin(T::complete(ctx, variable, typed))),
        ));
        self
    }

    /// Suggestions for a variable of the template `uri_template`; `None`
    /// for an unknown template.
    pub async fn complete(
        &self,
        ctx: C,
        uri_template: &str,
        variable: String,
        typed: String,
    ) -> Option<Vec<String>> {
        let (_, completer) = self
            .completers
            .iter()
            .find(|(known, _)| *known == uri_template)?;
        Some(completer(ctx, variable, typed).await)
    }

    pub fn resources(&self) -> &[Value] {
        &self.resource_definitions
    }

    pub fn templates(&self) -> &[Value] {
        &self.template_definitions
    }

    /// Reads `uri`: fixed resources first, then templates.
    pub async fn read(&self, ctx: C, uri: &str) -> Result<(Value, CacheHint), ResourceError> {
        let entry = self
            .resources
            .iter()
            .chain(&self.templates)
            .find(|entry| (entry.matches)(uri))
            .ok_or_else(|| ResourceError::NotFound(uri.to_owned()))?;
        let (body, cache) = (entry.reader)(ctx, uri.to_owned()).await?;
        let mut content = json!({ "uri": uri, "mimeType": entry.mime_type });
        match body {
            Body::Text(text) => content["text"] = text.into(),
            Body::Blob(bytes) => {
                use base64::Engine as _;
                let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
                content["blob"] = encoded.into();
            }
        }
        Ok((json!({ "contents": [content] }), cache))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Motd;
    impl Resource<u32> for Motd {
        const URI: &'static str = "test://motd";
        const NAME: &'static str = "motd";
        const TITLE: &'static str = "Message of the day";
        const DESCRIPTION: &'static str = "A greeting.";
        const MIME_TYPE: &'static str = "text/plain";
        async fn read(ctx: u32) -> Result<ResourceText, ResourceError> {
            Ok(ResourceText {
                text: format!("hello #{ctx}"),
                cache: CacheHint::public(1000),
            })
        }
    }

    struct Item;
    impl ResourceTemplate<u32> for Item {
        const URI_TEMPLATE: &'static str = "test://items/{id}";
        const NAME: &'static str = "item";
        const TITLE: &'static str = "Item";
        const DESCRIPTION: &'static str = "An item by id.";
        const MIME_TYPE: &'static str = "application/json";
        fn matches(uri: &str) -> bool {
            uri.starts_with("test://items/")
        }
        async fn read(_ctx: u32, uri: String) -> Result<ResourceText, ResourceError> {
            match uri.trim_start_matches("test://items/") {
                "1" => Ok(ResourceText {
                    text: "{\"id\":1}".into(),
                    cache: CacheHint::private(0),
                }),
                _ => Err(ResourceError::NotFound(uri)),
            }
        }
    }

    fn registry() -> ResourceRegistry<u32> {
        let mut registry = ResourceRegistry::default();
        registry.register::<Motd>().register_template::<Item>();
        registry
    }

    #[test]
    fn lists_resources_and_templates_separately() {
        let registry = registry();
        assert_eq!(registry.resources()[0]["uri"], "test://motd");
        assert_eq!(registry.templates()[0]["uriTemplate"], "test://items/{id}");
    }

    #[test]
    fn reads_fixed_and_templated_uris() {
        let registry = registry();
        let (motd, hint) = pollster::block_on(registry.read(7, "test://motd")).unwrap();
        assert_eq!(motd["contents"][0]["text"], "hello #7");
        assert_eq!(hint, CacheHint::public(1000));
        let (item, _) = pollster::block_on(registry.read(7, "test://items/1")).unwrap();
        assert_eq!(item["contents"][0]["mimeType"], "application/json");
    }

    #[test]
    fn unknown_uris_are_not_found() {
        let registry = registry();
        for uri in ["test://nothing", "test://items/2"] {
            let error = pollster::block_on(registry.read(7, uri)).unwrap_err();
            assert_eq!(error, ResourceError::NotFound(uri.into()));
        }
    }
}
