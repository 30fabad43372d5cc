//! Tools that report progress and log while they work, with short pauses
//! between steps so clients see the notifications arrive one by one.

use super::text;
use crate::context::Context;
use crate::mcp::exchange::{Exchange, LogLevel};
use crate::mcp::jsonrpc::RpcError;
use crate::mcp::tool::{RawTool, ToolRegistry};
use crate::platform::Clock;
use serde_json::{json, Value};
use std::time::Duration;

const STEP: Duration = Duration::from_millis(50);

pub fn register(tools: &mut ToolRegistry<Context>) {
    tools
        .register_raw::<WithLogging>()
        .register_raw::<LoggingTool>()
        .register_raw::<WithProgress>();
}

async fn log_three_steps(ctx: &Context, exchange: &Exchange) {
    let steps = [
        "Tool execution started",
        "Tool processing data",
        "Tool execution completed",
    ];
    for (index, step) in steps.into_iter().enumerate() {
        if index > 0 {
            ctx.ports.clock.sleep(STEP).await;
        }
        exchange
            .log(LogLevel::Info, "conformance", json!(step))
            .await;
    }
}

struct WithLogging;
impl RawTool<Context> for WithLogging {
    const NAME: &'static str = "test_tool_with_logging";
    const DESCRIPTION: &'static str = "Logs three info messages while it runs.";
    async fn call(ctx: Context, _: Value, exchange: Exchange) -> Result<Value, RpcError> {
        log_three_steps(&ctx, &exchange).await;
        Ok(text("Tool with logging executed successfully"))
    }
}

/// The stateless suite's name for the same behaviour: it checks that
/// nothing is logged unless the request names a `logLevel`.
struct LoggingTool;
impl RawTool<Context> for LoggingTool {
    const NAME: &'static str = "test_logging_tool";
    const DESCRIPTION: &'static str = "Logs three info messages, if the request asks for logs.";
    async fn call(ctx: Context, _: Value, exchange: Exchange) -> Result<Value, RpcError> {
        log_three_steps(&ctx, &exchange).await;
        Ok(text("Logging tool executed successfully"))
    }
}

struct WithProgress;
impl RawTool<Context> for WithProgress {
    const NAME: &'static str = "test_tool_with_progress";
    const DESCRIPTION: &'static str = "Reports progress 0, 50 and 100 of 100.";
    async fn call(ctx: Context, _: Value, exchange: Exchange) -> Result<Value, RpcError> {
        for (index, done) in [0.0, 50.0, 100.0].into_iter().enumerate() {
            if index > 0 {
                ctx.ports.clock.sleep(STEP).await;
            }
            exchange.progress(done, Some(100.0), None);
        }
        Ok(text("Tool with progress executed successfully"))
    }
}
