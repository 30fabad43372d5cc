//! Prompts: the `Prompt` trait and the registry behind `prompts/list` and
//! `prompts/get`. A prompt's argument list is read off the JSON Schema of
//! its argument struct, so names, descriptions and `required` stay in step
//! with the parser.

use super::completion::Completer;
use super::exchange::Exchange;
use super::jsonrpc::RpcError;
use super::registry::{Handler, Registry};
use super::schema::schema_for;
use super::tool::parse_arguments;
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde_json::{json, Map, Value};

/// Who speaks a prompt message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    User,
    Assistant,
}

/// One text message of a prompt.
#[derive(Debug, Clone, PartialEq)]
pub struct PromptMessage {
    pub role: Role,
    pub text: String,
}

/// Why a prompt could not be rendered.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum PromptError {
    /// An argument the caller can fix (reported as invalid params).
    #[error("{0}")]
    InvalidArguments(String),
    /// Anything else (reported as an internal error).
    #[error("{0}")]
    Failed(String),
}

/// One prompt. Arguments arrive as strings, so `Args` fields are strings.
#[allow(async_fn_in_trait)] // not Send on purpose: wasm32 is single-threaded
pub trait Prompt<C>: 'static {
    const NAME: &'static str;
    const TITLE: &'static str;
    const DESCRIPTION: &'static str;
    type Args: DeserializeOwned + JsonSchema;

    async fn get(ctx: C, args: Self::Args) -> Result<Vec<PromptMessage>, PromptError>;

    /// Suggestions for `argument` as typed so far (`completion/complete`).
    async fn complete(_ctx: C, _argument: String, _typed: String) -> Vec<String> {
        Vec::new()
    }
}

/// A prompt that writes its own `GetPromptResult` and may use the
/// exchange (the conformance fixtures).
#[allow(async_fn_in_trait)]
pub trait RawPrompt<C>: 'static {
    const NAME: &'static str;
    const DESCRIPTION: &'static str;

    /// The `PromptArgument` objects of `prompts/list`.
    fn arguments() -> Vec<Value> {
        Vec::new()
    }

    async fn get(ctx: C, arguments: Value, exchange: Exchange) -> Result<Value, RpcError>;

    async fn complete(_ctx: C, _argument: String, _typed: String) -> Vec<String> {
        Vec::new()
    }
}

/// Registered prompts in registration order.
pub struct PromptRegistry<C> {
    table: Registry<C, Result<Value, RpcError>>,
    completers: Vec<(&'static str, Completer<C>)>,
}

impl<C> Default for PromptRegistry<C> {
    fn default() -> Self {
        PromptRegistry {
            table: Registry::new("prompt"),
            completers: Vec::new(),
        }
    }
}

impl<C: 'static> PromptRegistry<C> {
    pub fn register<P: Prompt<C>>(&mut self) -> &mut Self {
        let definition = json!({
            "name": P::NAME,
            "title": P::TITLE,
            "description": P::DESCRIPTION,
            "arguments": arguments_of(&schema_for::<P::Args>()),
        });
        let handler: Handler<C, Result<Value, RpcError>> =
            Box::new(|ctx, arguments, _| Box::pin(run::<C, P>(ctx, arguments)));
        let completer: Completer<C> =
            Box::new(|ctx, argument, typed| Box::pin(P::complete(ctx, argument, typed)));
        self.add(P::NAME, definition, handler, completer)
    }

    fn add(
        &mut self,
        name: &'static str,
        definition: Value,
        handler: Handler<C, Result<Value, RpcError>>,
        completer: Completer<C>,
    ) -> &mut Self {
        self.table.insert(name, definition, handler);
        self.completers.push((name, completer));
        self
    }

    /// Suggestions for an argument of the prompt `name`; `None` for an
    /// unknown prompt.
    pub async fn complete(
        &self,
        ctx: C,
        name: &str,
        argument: String,
        typed: String,
    ) -> Option<Vec<String>> {
        let (_, completer) = self.completers.iter().find(|(known, _)| *known == name)?;
        Some(completer(ctx, argument, typed).await)
    }

    pub fn definitions(&self) -> &[Value] {
        self.table.definitions()
    }

    /// Registers a prompt that writes its own `GetPromptResult` (content
    /// of any kind, or `input_required`); `arguments` are its `PromptArgument`s.
    pub fn register_raw<P: RawPrompt<C>>(&mut self) -> &mut Self {
        let definition = json!({
            "name": P::NAME,
            "description": P::DESCRIPTION,
            "arguments": P::arguments(),
        });
        let handler: Handler<C, Result<Value, RpcError>> =
            Box::new(|ctx, arguments, exchange| Box::pin(P::get(ctx, arguments, exchange)));
        let completer: Completer<C> =
            Box::new(|ctx, argument, typed| Box::pin(P::complete(ctx, argument, typed)));
        self.add(P::NAME, definition, handler, completer)
    }

    /// Runs `prompts/get`; unknown prompts and bad arguments are -32602.
    pub async fn get(
        &self,
        ctx: C,
        params: &Map<String, Value>,
        exchange: &Exchange,
    ) -> Result<Value, RpcError> {
        self.table.invoke(ctx, params, exchange).await?
    }
}

async fn run<C, P: Prompt<C>>(ctx: C, arguments: Value) -> Result<Value, RpcError> {
    let args = parse_arguments::<P::Args>(arguments)
        .map_err(|error| RpcError::invalid_params(error.to_string()))?;
    let messages = P::get(ctx, args).await.map_err(|error| match error {
        PromptError::InvalidArguments(message) => RpcError::invalid_params(message),
        PromptError::Failed(message) => {
            RpcError::new(super::jsonrpc::ErrorCode::InternalError, message)
        }
    })?;
    let messages: Vec<Value> = messages
        .into_iter()
        .map(|message| {
            let role = match message.role {
                Role::User => "user",
                Role::Assistant => "assistant",
            };
            json!({ "role": role, "content": { "type": "text", "text": message.text } })
        })
        .collect();
    Ok(json!({ "description": P::DESCRIPTION, "messages": messages }))
}

/// `PromptArgument`s from an object schema's properties.
fn arguments_of(schema: &Value) -> Vec<Value> {
    let required: Vec<&str> = schema["required"]
        .as_array()
        .map(|names| names.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let Some(properties) = schema["properties"].as_object() else {
        return Vec::new();
    };
    properties
        .iter()
        .map(|(name, property)| {
            let mut argument =
                json!({ "name": name, "required": required.contains(&name.as_str()) });
            if let Some(description) = property.get("description") {
                argument["description"] = description.clone();
            }
            argument
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    struct AuditArgs {
        /// The category to audit.
        category: String,
        /// Optional focus.
        focus: Option<String>,
    }

    struct Audit;
    impl Prompt<()> for Audit {
        const NAME: &'static str = "audit";
        const TITLE: &'static str = "Audit";
        const DESCRIPTION: &'static str = "Audit a category.";
        type Args = AuditArgs;
        async fn get(_ctx: (), args: AuditArgs) -> Result<Vec<PromptMessage>, PromptError> {
            Ok(vec![PromptMessage {
                role: Role::User,
                text: format!(
                    "Audit {} ({})",
                    args.category,
                    args.focus.unwrap_or_default()
                ),
            }])
        }
    }

    fn registry() -> PromptRegistry<()> {
        let mut registry = PromptRegistry::default();
        registry.register::<Audit>();
        registry
    }

    #[test]
    fn arguments_come_from_the_schema() {
        let registry = registry();
        let definition = &registry.definitions()[0];
        let arguments = definition["arguments"].as_array().unwrap();
        let category = arguments.iter().find(|a| a["name"] == "category").unwrap();
        assert_eq!(category["required"], true);
        assert_eq!(category["description"], "The category to audit.");
        let focus = arguments.iter().find(|a| a["name"] == "focus").unwrap();
        assert_eq!(focus["required"], false);
    }

    #[test]
    fn get_renders_messages_and_rejects_missing_arguments() {
        let registry = registry();
        let params = json!({"name": "audit", "arguments": {"category": "news"}});
        let result = pollster::block_on(registry.get(
            (),
            params.as_object().unwrap(),
            &crate::mcp::exchange::testing::exchange(),
        ))
        .unwrap();
        assert_eq!(result["messages"][0]["role"], "user");
        assert_eq!(result["messages"][0]["content"]["text"], "Audit news ()");

        let missing = json!({"name": "audit", "arguments": {}});
        let error = pollster::block_on(registry.get(
            (),
            missing.as_object().unwrap(),
            &crate::mcp::exchange::testing::exchange(),
        ))
        .unwrap_err();
        assert_eq!(error.code.code(), -32602);
        assert!(error.message.contains("category"));
    }
}
