//! The fixture prompts: plain text, with arguments, with an embedded
//! resource, and with an image.

use super::{required, RED_PIXEL_PNG};
use crate::context::Context;
use crate::mcp::exchange::Exchange;
use crate::mcp::jsonrpc::RpcError;
use crate::mcp::prompt::{PromptRegistry, RawPrompt};
use serde_json::{json, Value};

pub fn register(prompts: &mut PromptRegistry<Context>) {
    prompts
        .register_raw::<SimplePrompt>()
        .register_raw::<WithArguments>()
        .register_raw::<WithEmbeddedResource>()
        .register_raw::<WithImage>();
}

fn argument(name: &str, description: &str) -> Value {
    json!({ "name": name, "description": description, "required": true })
}

fn user_text(text: &str) -> Value {
    json!({ "role": "user", "content": { "type": "text", "text": text } })
}

struct SimplePrompt;
impl RawPrompt<Context> for SimplePrompt {
    const NAME: &'static str = "test_simple_prompt";
    const DESCRIPTION: &'static str = "A fixed prompt without arguments.";
    async fn get(_: Context, _: Value, _: Exchange) -> Result<Value, RpcError> {
        Ok(json!({ "messages": [user_text("This is a simple prompt for testing.")] }))
    }
}

struct WithArguments;
impl RawPrompt<Context> for WithArguments {
    const NAME: &'static str = "test_prompt_with_arguments";
    const DESCRIPTION: &'static str = "A prompt quoting its two arguments.";
    fn arguments() -> Vec<Value> {
        vec![
            argument("arg1", "First test argument"),
            argument("arg2", "Second test argument"),
        ]
    }
    async fn get(_: Context, arguments: Value, _: Exchange) -> Result<Value, RpcError> {
        let (first, second) = (required(&arguments, "arg1")?, required(&arguments, "arg2")?);
        let text = format!("Prompt with arguments: arg1='{first}', arg2='{second}'");
        Ok(json!({ "messages": [user_text(&text)] }))
    }
    async fn complete(_: Context, argument: String, typed: String) -> Vec<String> {
        let options: &[&str] = match argument.as_str() {
            "arg1" => &["paris", "park", "party"],
            "arg2" => &["hello", "help", "world"],
            _ => &[],
        };
        crate::mcp::completion::matching(options, &typed)
    }
}

struct WithEmbeddedResource;
impl RawPrompt<Context> for WithEmbeddedResource {
    const NAME: &'static str = "test_prompt_with_embedded_resource";
    const DESCRIPTION: &'static str = "A prompt embedding the resource it is given.";
    fn arguments() -> Vec<Value> {
        vec![argument("resourceUri", "URI of the resource to embed")]
    }
    async fn get(_: Context, arguments: Value, _: Exchange) -> Result<Value, RpcError> {
        let uri = required(&arguments, "resourceUri")?;
        Ok(json!({ "messages": [
            { "role": "user", "content": { "type": "resource", "resource": {
                "uri": uri,
                "mimeType": "text/plain",
                "text": "Embedded resource content for testing.",
            }}},
            user_text("Please process the embedded resource above."),
        ]}))
    }
}

struct WithImage;
impl RawPrompt<Context> for WithImage {
    const NAME: &'static str = "test_prompt_with_image";
    const DESCRIPTION: &'static str = "A prompt showing an image.";
    async fn get(_: Context, _: Value, _: Exchange) -> Result<Value, RpcError> {
        Ok(json!({ "messages": [
            { "role": "user", "content": { "type": "image", "data": RED_PIXEL_PNG, "mimeType": "image/png" } },
            user_text("Please analyze the image above."),
        ]}))
    }
}
