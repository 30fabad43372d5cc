//! The harness the tool, prompt and resource tests share: a simulator
//! on a free port, and the product server with one in-memory KV, as one
//! worker isolate would have.

#![allow(dead_code)] // each test file uses part of it

use std::rc::Rc;
use std::sync::Arc;

use kaltura_mcp::config::Config;
use kaltura_mcp::context::Context;
use kaltura_mcp::kaltura::SessionCache;
use kaltura_mcp::mcp::exchange::Exchange;
use kaltura_mcp::mcp::resource::ResourceError;
use kaltura_mcp::mcp::server::{Era, Server};
use kaltura_mcp::native_http::NativeHttp;
use kaltura_mcp::platform::{Http, MemoryKv, Method, OutboundRequest, Ports, SystemClock};
use kaltura_sim::{fixtures, Catalog, FaultSettings, Simulator};
use serde_json::{json, Value};

pub struct Sim {
    pub simulator: Arc<Simulator>,
    pub url: String,
}

pub fn start() -> Sim {
    let catalog = Catalog::load(&fixtures::default_dir()).expect("fixtures load");
    let simulator = Arc::new(Simulator::new(catalog, FaultSettings::default(), 7));
    let address = kaltura_sim::spawn(Arc::clone(&simulator), 0).expect("bind");
    Sim {
        simulator,
        url: format!("http://{address}"),
    }
}

/// One server and one KV, as one worker isolate would have.
pub struct Harness {
    pub sim: Sim,
    pub server: Rc<Server<Context>>,
    pub kv: Rc<MemoryKv>,
    pub secret: String,
}

impl Harness {
    pub fn new() -> Self {
        let sim = start();
        let secret = sim.simulator.catalog().admin_secret().to_owned();
        Harness {
            sim,
            server: Rc::new(kaltura_mcp::app::server()),
            kv: Rc::new(MemoryKv::default()),
            secret,
        }
    }

    pub fn context_with_secret(&self, secret: &str) -> Context {
        let partner = self.sim.simulator.catalog().partner_id().to_string();
        let vars = [
            ("KALTURA_SERVICE_URL", self.sim.url.clone()),
            ("KALTURA_PARTNER_ID", partner),
            ("KALTURA_ADMIN_SECRET", secret.to_owned()),
        ];
        let config = Config::from_vars(|name| {
            vars.iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.clone())
        })
        .expect("config");
        let ports = Ports {
            http: Rc::new(NativeHttp),
            clock: Rc::new(SystemClock),
            kv: self.kv.clone(),
        };
        Context::with_ports(Rc::new(config), ports, Rc::new(SessionCache::default()))
    }

    pub fn context(&self) -> Context {
        self.context_with_secret(&self.secret)
    }

    pub fn call_with(&self, ctx: Context, tool: &str, arguments: Value) -> Value {
        let params = json!({"name": tool, "arguments": arguments});
        let params = params.as_object().unwrap();
        let exchange = detached(&ctx, params);
        pollster::block_on(self.server.tools.call(ctx, params, &exchange))
            .expect("a tool result, not a protocol error")
    }

    /// Calls a tool and expects success: its structured content.
    pub fn ok(&self, tool: &str, arguments: Value) -> Value {
        let result = self.call_with(self.context(), tool, arguments.clone());
        assert_eq!(result["isError"], false, "{tool} {arguments}: {result}");
        assert!(result["content"][0]["text"]
            .as_str()
            .is_some_and(|t| !t.is_empty()));
        result["structuredContent"].clone()
    }

    /// Calls a tool and expects an `isError` result: its message.
    pub fn error(&self, tool: &str, arguments: Value) -> String {
        self.error_with(self.context(), tool, arguments)
    }

    pub fn error_with(&self, ctx: Context, tool: &str, arguments: Value) -> String {
        let result = self.call_with(ctx, tool, arguments.clone());
        assert_eq!(result["isError"], true, "{tool} {arguments}: {result}");
        assert!(result.get("structuredContent").is_none());
        result["content"][0]["text"].as_str().unwrap().to_owned()
    }

    pub fn requests(&self) -> u64 {
        self.sim.simulator.stats().total
    }

    pub fn action_count(&self, action: &str) -> u64 {
        self.sim
            .simulator
            .stats()
            .actions
            .get(action)
            .copied()
            .unwrap_or(0)
    }

    pub fn prompt(&self, name: &str, arguments: Value) -> Result<Value, (i64, String)> {
        let params = json!({"name": name, "arguments": arguments});
        let params = params.as_object().unwrap();
        let ctx = self.context();
        let exchange = detached(&ctx, params);
        pollster::block_on(self.server.prompts.get(ctx, params, &exchange))
            .map_err(|error| (error.code.code(), error.message))
    }

    pub fn read(&self, uri: &str) -> Result<Value, ResourceError> {
        pollster::block_on(self.server.resources.read(self.context(), uri)).map(|(contents, _)| {
            serde_json::from_str(contents["contents"][0]["text"].as_str().unwrap()).unwrap()
        })
    }

    pub fn get(&self, url: &str) -> (u16, Option<String>, Vec<u8>) {
        let request = OutboundRequest {
            method: Method::Get,
            url: url.to_owned(),
            headers: Vec::new(),
            body: Vec::new(),
            timeout: std::time::Duration::from_secs(5),
        };
        let response = pollster::block_on(NativeHttp.send(request)).expect("GET");
        let content_type = response.header("Content-Type").map(str::to_owned);
        (response.status, content_type, response.body)
    }

    /// One JSON-RPC request through the streamable-HTTP layer (legacy era,
    /// 2025-11-25): its `result`, or its `error`.
    pub fn rpc(&self, method: &str, params: Value) -> Result<Value, Value> {
        let messages = self.rpc_messages(method, params);
        let answer = messages.last().expect("an answer");
        match answer.get("error") {
            Some(error) => Err(error.clone()),
            None => Ok(answer["result"].clone()),
        }
    }

    /// Every message of the answer to one request: notifications sent on
    /// its event stream (if it became one), then the response.
    pub fn rpc_messages(&self, method: &str, params: Value) -> Vec<Value> {
        let body = json!({"jsonrpc": "2.0", "id": 1, "method": method, "params": params});
        let request = kaltura_mcp::mcp::http::HttpRequest {
            method: "POST".into(),
            headers: vec![
                ("Content-Type".into(), "application/json".into()),
                (
                    "Accept".into(),
                    "application/json, text/event-stream".into(),
                ),
                ("MCP-Protocol-Version".into(), "2025-11-25".into()),
            ],
            body: serde_json::to_vec(&body).unwrap(),
        };
        let ctx = self.context();
        let policy = ctx.config.http.clone();
        let shared = ctx.shared_state();
        let response = pollster::block_on(kaltura_mcp::mcp::http::serve(
            &self.server,
            &policy,
            shared,
            ctx,
            &request,
        ));
        if response.header("content-type") == Some("text/event-stream") {
            return String::from_utf8_lossy(&response.body)
                .lines()
                .filter_map(|line| line.strip_prefix("data: "))
                .map(|data| serde_json::from_str(data).expect("a JSON event"))
                .collect();
        }
        vec![serde_json::from_slice(&response.body).expect("a JSON answer")]
    }
}

/// An exchange for a direct (non-HTTP) call in the legacy era.
pub fn detached(ctx: &Context, params: &serde_json::Map<String, Value>) -> Exchange {
    let era = Era::Legacy(kaltura_mcp::mcp::version::ProtocolVersion::ASSUMED_WITHOUT_HEADER);
    Exchange::detached(era, params.clone(), ctx.shared_state())
}
