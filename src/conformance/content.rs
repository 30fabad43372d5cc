//! Tools answering fixed content: text, image, audio, an embedded
//! resource, all of them at once, a tool error, and a schema using JSON
//! Schema 2020-12 keywords (which must reach clients untouched).

use super::RED_PIXEL_PNG;
use crate::context::Context;
use crate::mcp::exchange::Exchange;
use crate::mcp::jsonrpc::RpcError;
use crate::mcp::tool::{RawTool, ToolRegistry};
use base64::Engine as _;
use serde_json::{json, Value};

pub fn register(tools: &mut ToolRegistry<Context>) {
    tools
        .register_raw::<SimpleText>()
        .register_raw::<ImageContent>()
        .register_raw::<AudioContent>()
        .register_raw::<EmbeddedResource>()
        .register_raw::<MultipleContentTypes>()
        .register_raw::<ErrorHandling>()
        .register_raw::<JsonSchema2020>();
}

fn content(blocks: Value) -> Result<Value, RpcError> {
    Ok(json!({ "content": blocks }))
}

struct SimpleText;
impl RawTool<Context> for SimpleText {
    const NAME: &'static str = "test_simple_text";
    const DESCRIPTION: &'static str = "Returns a fixed text block.";
    async fn call(_: Context, _: Value, _: Exchange) -> Result<Value, RpcError> {
        content(json!([{ "type": "text", "text": "This is a simple text response for testing." }]))
    }
}

struct ImageContent;
impl RawTool<Context> for ImageContent {
    const NAME: &'static str = "test_image_content";
    const DESCRIPTION: &'static str = "Returns a 1x1 PNG image block.";
    async fn call(_: Context, _: Value, _: Exchange) -> Result<Value, RpcError> {
        content(json!([{ "type": "image", "data": RED_PIXEL_PNG, "mimeType": "image/png" }]))
    }
}

struct AudioContent;
impl RawTool<Context> for AudioContent {
    const NAME: &'static str = "test_audio_content";
    const DESCRIPTION: &'static str = "Returns a short silent WAV audio block.";
    async fn call(_: Context, _: Value, _: Exchange) -> Result<Value, RpcError> {
        let data = base64::engine::general_purpose::STANDARD.encode(silent_wav());
        content(json!([{ "type": "audio", "data": data, "mimeType": "audio/wav" }]))
    }
}

/// A valid WAV file: 8 kHz, mono, 8-bit PCM, 80 samples of silence.
fn silent_wav() -> Vec<u8> {
    const SAMPLES: u32 = 80;
    let mut wav = Vec::with_capacity(44 + SAMPLES as usize);
    wav.extend_from_slice(b"RIFF");
    wav.extend_from_slice(&(36 + SAMPLES).to_le_bytes());
    wav.extend_from_slice(b"WAVEfmt ");
    wav.extend_from_slice(&16u32.to_le_bytes()); // fmt chunk size
    wav.extend_from_slice(&1u16.to_le_bytes()); // PCM
    wav.extend_from_slice(&1u16.to_le_bytes()); // mono
    wav.extend_from_slice(&8000u32.to_le_bytes()); // sample rate
    wav.extend_from_slice(&8000u32.to_le_bytes()); // byte rate
    wav.extend_from_slice(&1u16.to_le_bytes()); // block align
    wav.extend_from_slice(&8u16.to_le_bytes()); // bits per sample
    wav.extend_from_slice(b"data");
    wav.extend_from_slice(&SAMPLES.to_le_bytes());
    wav.resize(44 + SAMPLES as usize, 0x80);
    wav
}

struct EmbeddedResource;
impl RawTool<Context> for EmbeddedResource {
    const NAME: &'static str = "test_embedded_resource";
    const DESCRIPTION: &'static str = "Returns an embedded text resource.";
    async fn call(_: Context, _: Value, _: Exchange) -> Result<Value, RpcError> {
        content(json!([{ "type": "resource", "resource": {
            "uri": "test://embedded-resource",
            "mimeType": "text/plain",
            "text": "This is an embedded resource content.",
        }}]))
    }
}

struct MultipleContentTypes;
impl RawTool<Context> for MultipleContentTypes {
    const NAME: &'static str = "test_multiple_content_types";
    const DESCRIPTION: &'static str = "Returns text, an image and an embedded resource.";
    async fn call(_: Context, _: Value, _: Exchange) -> Result<Value, RpcError> {
        content(json!([
            { "type": "text", "text": "Multiple content types test:" },
            { "type": "image", "data": RED_PIXEL_PNG, "mimeType": "image/png" },
            { "type": "resource", "resource": {
                "uri": "test://mixed-content-resource",
                "mimeType": "application/json",
                "text": "{\"test\":\"data\",\"value\":123}",
            }},
        ]))
    }
}

struct ErrorHandling;
impl RawTool<Context> for ErrorHandling {
    const NAME: &'static str = "test_error_handling";
    const DESCRIPTION: &'static str = "Always fails, as a tool error.";
    async fn call(_: Context, _: Value, _: Exchange) -> Result<Value, RpcError> {
        Ok(json!({
            "isError": true,
            "content": [{ "type": "text", "text": "This tool intentionally returns an error for testing" }],
        }))
    }
}

struct JsonSchema2020;
impl RawTool<Context> for JsonSchema2020 {
    const NAME: &'static str = "json_schema_2020_12_tool";
    const DESCRIPTION: &'static str = "Tool with JSON Schema 2020-12 features";
    fn input_schema() -> Value {
        json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "$defs": { "address": {
                "$anchor": "addressDef",
                "type": "object",
                "properties": { "street": { "type": "string" }, "city": { "type": "string" } },
            }},
            "properties": {
                "name": { "type": "string" },
                "address": { "$ref": "#/$defs/address" },
                "contactMethod": { "type": "string", "enum": ["phone", "email"] },
                "phone": { "type": "string" },
                "email": { "type": "string" },
            },
            "allOf": [{ "anyOf": [{ "required": ["phone"] }, { "required": ["email"] }] }],
            "if": { "properties": { "contactMethod": { "const": "phone" } }, "required": ["contactMethod"] },
            "then": { "required": ["phone"] },
            "else": { "required": ["email"] },
            "additionalProperties": false,
        })
    }
    async fn call(_: Context, arguments: Value, _: Exchange) -> Result<Value, RpcError> {
        content(json!([{ "type": "text", "text": format!("Received: {arguments}") }]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wav_header_describes_its_data() {
        let wav = silent_wav();
        assert_eq!(&wav[..4], b"RIFF");
        let riff_size = u32::from_le_bytes(wav[4..8].try_into().unwrap()) as usize;
        assert_eq!(riff_size + 8, wav.len());
        let data_size = u32::from_le_bytes(wav[40..44].try_into().unwrap()) as usize;
        assert_eq!(44 + data_size, wav.len());
    }
}
