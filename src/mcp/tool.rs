//! Tools: the `Tool` trait each tool implements, and the registry behind
//! `tools/list` and `tools/call`.
//!
//! A tool is an argument struct (Deserialize + JsonSchema), an output struct
//! (Serialize + JsonSchema) and an async `call`. The registry derives the
//! schemas, parses arguments, and turns every failure the model can fix
//! (a bad argument, an upstream error) into a result with `isError: true`.

use super::exchange::Exchange;
use super::jsonrpc::RpcError;
use super::registry::{Handler, Registry};
use super::schema::{output_schema_for, schema_for};
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::rc::Rc;

/// Why a tool call failed, phrased for the model that made it.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ToolError {
    /// The arguments did not match the input schema.
    #[error("Invalid arguments: {0}")]
    InvalidArguments(String),
    /// The tool ran and failed; the message says what to do next.
    #[error("{0}")]
    Failed(String),
}

/// Behaviour hints shown to clients. Every tool of this server is read-only
/// and reaches an external system (Kaltura).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Annotations {
    pub read_only: bool,
    pub open_world: bool,
}

impl Annotations {
    pub const READ_ONLY: Annotations = Annotations {
        read_only: true,
        open_world: true,
    };
}

/// One tool. `C` is the per-request context the application hands to tools.
// The futures are deliberately not `Send`: wasm32 is single-threaded, and
// the worker's fetch futures are not `Send` either.
#[allow(async_fn_in_trait)]
pub trait Tool<C>: 'static {
    const NAME: &'static str;
    const TITLE: &'static str;
    const DESCRIPTION: &'static str;
    const ANNOTATIONS: Annotations = Annotations::READ_ONLY;
    type Args: DeserializeOwned + JsonSchema;
    type Output: Serialize + JsonSchema;

    async fn call(ctx: C, args: Self::Args) -> Result<Self::Output, ToolError>;

    /// A concise text rendering of the output, for clients that ignore
    /// `structuredContent`.
    fn render(output: &Self::Output) -> String;
}

/// A tool that writes its own `CallToolResult` (content blocks of any
/// kind, or an `input_required` result) and may use the exchange: the
/// conformance fixtures are such tools. Protocol errors are its to return.
#[allow(async_fn_in_trait)]
pub trait RawTool<C>: 'static {
    const NAME: &'static str;
    const DESCRIPTION: &'static str;

    fn input_schema() -> Value {
        json!({ "type": "object", "properties": {} })
    }

    async fn call(ctx: C, arguments: Value, exchange: Exchange) -> Result<Value, RpcError>;
}

/// The tools a server offers, in registration order (which is the stable
/// order `tools/list` reports).
pub struct ToolRegistry<C> {
    table: Registry<C, Result<Value, RpcError>>,
}

impl<C> Default for ToolRegistry<C> {
    fn default() -> Self {
        ToolRegistry {
            table: Registry::new("tool"),
        }
    }
}

impl<C: 'static> ToolRegistry<C> {
    pub fn register<T: Tool<C>>(&mut self) -> &mut Self {
        let definition = definition::<C, T>();
        let bounds = Rc::new(Bounds::of(&definition["inputSchema"]));
        let handler: Handler<C, Result<Value, RpcError>> = Box::new(move |ctx, arguments, _| {
            let bounds = bounds.clone();
            Box::pin(async move { Ok(run::<C, T>(ctx, arguments, bounds).await) })
        });
        self.table.insert(T::NAME, definition, handler);
        self
    }

    pub fn register_raw<T: RawTool<C>>(&mut self) -> &mut Self {
        let definition = json!({
            "name": T::NAME,
            "description": T::DESCRIPTION,
            "inputSchema": T::input_schema(),
        });
        let handler: Handler<C, Result<Value, RpcError>> =
            Box::new(|ctx, arguments, exchange| Box::pin(T::call(ctx, arguments, exchange)));
        self.table.insert(T::NAME, definition, handler);
        self
    }

    /// The `Tool` objects of `tools/list`.
    pub fn definitions(&self) -> &[Value] {
        self.table.definitions()
    }

    /// Runs `tools/call`. Unknown tools and non-object arguments are protocol
    /// errors; everything after that is a `CallToolResult`.
    pub async fn call(
        &self,
        ctx: C,
        params: &Map<String, Value>,
        exchange: &Exchange,
    ) -> Result<Value, RpcError> {
        self.table.invoke(ctx, params, exchange).await?
    }
}

/// The `Tool` object. The title is given once, at the top level (the
/// annotation's `title` is its legacy twin); `destructiveHint` and
/// `idempotentHint` are only meaningful, and only sent, for tools that
/// write.
fn definition<C, T: Tool<C>>() -> Value {
    let mut annotations = json!({
        "readOnlyHint": T::ANNOTATIONS.read_only,
        "openWorldHint": T::ANNOTATIONS.open_world,
    });
    if !T::ANNOTATIONS.read_only {
        annotations["destructiveHint"] = true.into();
        annotations["idempotentHint"] = false.into();
    }
    json!({
        "name": T::NAME,
        "title": T::TITLE,
        "description": T::DESCRIPTION,
        "inputSchema": schema_for::<T::Args>(),
        "outputSchema": output_schema_for::<T::Output>(),
        "annotations": annotations,
    })
}

/// The `minimum`/`maximum` of top-level numeric properties: serde checks
/// types, enums and patterns, but not the ranges the schema promises.
struct Bounds(Vec<(String, Option<f64>, Option<f64>)>);

impl Bounds {
    fn of(schema: &Value) -> Self {
        let properties = schema["properties"].as_object().into_iter().flatten();
        Bounds(
            properties
                .filter_map(|(name, property)| {
                    let low = property["minimum"].as_f64();
                    let high = property["maximum"].as_f64();
                    (low.is_some() || high.is_some()).then(|| (name.clone(), low, high))
                })
                .collect(),
        )
    }

    fn check(&self, arguments: &Value) -> Result<(), ToolError> {
        for (name, low, high) in &self.0 {
            let Some(value) = arguments.get(name).and_then(Value::as_f64) else {
                continue;
            };
            let below = low.is_some_and(|low| value < low);
            let above = high.is_some_and(|high| value > high);
            if below || above {
                let range = match (low, high) {
                    (Some(low), Some(high)) => format!("from {low} to {high}"),
                    (Some(low), None) => format!("at least {low}"),
                    (None, Some(high)) => format!("at most {high}"),
                    (None, None) => unreachable!("a bound exists"),
                };
                return Err(ToolError::InvalidArguments(format!(
                    "field `{name}`: must be {range}, got {value}"
                )));
            }
        }
        Ok(())
    }
}

async fn run<C, T: Tool<C>>(ctx: C, arguments: Value, bounds: Rc<Bounds>) -> Value {
    if let Err(error) = bounds.check(&arguments) {
        return error_result(&error);
    }
    let args = match parse_arguments::<T::Args>(arguments) {
        Ok(args) => args,
        Err(error) => return error_result(&error),
    };
    match T::call(ctx, args).await {
        Ok(output) => match serde_json::to_value(&output) {
            Ok(mut structured) => {
                drop_null_fields(&mut structured);
                json!({
                    "content": [{ "type": "text", "text": T::render(&output) }],
                    "structuredContent": structured,
                    "isError": false,
                })
            }
            Err(error) => error_result(&ToolError::Failed(format!(
                "The tool produced an unserializable result: {error}"
            ))),
        },
        Err(error) => error_result(&error),
    }
}

/// Removes object fields whose value is `null`, at every depth (array
/// elements stay): an absent field means null, as in Kaltura's own
/// answers, and output schemas list optional fields without `null` as an
/// alternative type (see `schema::slim`).
fn drop_null_fields(value: &mut Value) {
    match value {
        Value::Object(object) => {
            object.retain(|_, field| !field.is_null());
            object.values_mut().for_each(drop_null_fields);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_null_fields),
        _ => {}
    }
}

/// Parses tool arguments, naming the offending field on failure so the
/// model can correct just that one.
pub fn parse_arguments<A: DeserializeOwned>(arguments: Value) -> Result<A, ToolError> {
    serde_path_to_error::deserialize(arguments).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        if path == "." {
            ToolError::InvalidArguments(inner.to_string())
        } else {
            ToolError::InvalidArguments(format!("field `{path}`: {inner}"))
        }
    })
}

fn error_result(error: &ToolError) -> Value {
    json!({
        "content": [{ "type": "text", "text": error.to_string() }],
        "isError": true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    struct EchoArgs {
        /// Text to echo back.
        text: String,
        #[serde(default)]
        #[schemars(range(min = 1, max = 5))]
        times: Option<u8>,
    }

    #[derive(Serialize, JsonSchema)]
    struct EchoOutput {
        echoed: String,
        /// Never set: serialized as null, and dropped.
        note: Option<String>,
    }

    struct Echo;

    impl Tool<&'static str> for Echo {
        const NAME: &'static str = "echo";
        const TITLE: &'static str = "Echo";
        const DESCRIPTION: &'static str = "Echoes text.";
        type Args = EchoArgs;
        type Output = EchoOutput;

        async fn call(prefix: &'static str, args: EchoArgs) -> Result<EchoOutput, ToolError> {
            if args.text == "fail" {
                return Err(ToolError::Failed("asked to fail; try other text".into()));
            }
            let times = usize::from(args.times.unwrap_or(1));
            Ok(EchoOutput {
                echoed: format!("{prefix}{}", args.text.repeat(times)),
                note: None,
            })
        }

        fn render(output: &EchoOutput) -> String {
            output.echoed.clone()
        }
    }

    fn registry() -> ToolRegistry<&'static str> {
        let mut registry = ToolRegistry::default();
        registry.register::<Echo>();
        registry
    }

    fn call(arguments: Value) -> Result<Value, RpcError> {
        let params = json!({"name": "echo", "arguments": arguments});
        pollster::block_on(registry().call(
            ">",
            params.as_object().unwrap(),
            &crate::mcp::exchange::testing::exchange(),
        ))
    }

    #[test]
    fn definition_carries_schemas_and_read_only_annotations() {
        let registry = registry();
        let definitions = registry.definitions();
        assert_eq!(definitions.len(), 1);
        let echo = &definitions[0];
        assert_eq!(echo["name"], "echo");
        assert_eq!(echo["inputSchema"]["required"], json!(["text"]));
        assert_eq!(
            echo["outputSchema"]["properties"]["echoed"]["type"],
            "string"
        );
        assert_eq!(echo["annotations"]["readOnlyHint"], true);
        assert!(echo["annotations"].get("destructiveHint").is_none());
    }

    #[test]
    fn successful_call_has_text_and_structured_content() {
        let result = call(json!({"text": "ab", "times": 2})).unwrap();
        assert_eq!(result["isError"], false);
        assert_eq!(result["structuredContent"]["echoed"], ">abab");
        assert!(
            result["structuredContent"].get("note").is_none(),
            "{result}"
        );
        assert_eq!(result["content"][0]["text"], ">abab");
    }

    #[test]
    fn bad_arguments_are_tool_errors_naming_the_field() {
        let result = call(json!({"text": "a", "times": "many"})).unwrap();
        assert_eq!(result["isError"], true);
        let message = result["content"][0]["text"].as_str().unwrap();
        assert!(message.contains("field `times`"), "{message}");

        let missing = call(json!({})).unwrap();
        assert!(missing["content"][0]["text"]
            .as_str()
            .unwrap()
            .contains("missing field `text`"));

        let too_many = call(json!({"text": "a", "times": 9})).unwrap();
        assert_eq!(
            too_many["content"][0]["text"],
            "Invalid arguments: field `times`: must be from 1 to 5, got 9"
        );

        let unknown = call(json!({"text": "a", "colour": "red"})).unwrap();
        assert!(unknown["content"][0]["text"]
            .as_str()
            .unwrap()
            .contains("colour"));
    }

    #[test]
    fn tool_failures_are_results_and_protocol_faults_are_errors() {
        let failed = call(json!({"text": "fail"})).unwrap();
        assert_eq!(failed["isError"], true);
        assert_eq!(
            failed["content"][0]["text"],
            "asked to fail; try other text"
        );

        let not_object = call(json!(5)).unwrap_err();
        assert_eq!(not_object.code.code(), -32602);

        let unknown = json!({"name": "nope"});
        let error = pollster::block_on(registry().call(
            ">",
            unknown.as_object().unwrap(),
            &crate::mcp::exchange::testing::exchange(),
        ))
        .unwrap_err();
        assert_eq!(error.message, "Unknown tool: nope");
    }
}
