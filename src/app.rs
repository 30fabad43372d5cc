//! The product: which tools, prompts and resources this MCP server offers,
//! and how it introduces itself.

use crate::context::Context;
use crate::mcp::server::{Server, ServerInfo};
use crate::{prompts, resources, tools};

pub const SERVER_INFO: ServerInfo = ServerInfo {
    name: "kaltura-mcp",
    title: "Kaltura MCP",
    version: env!("CARGO_PKG_VERSION"),
    instructions: Some(
        "Read-only access to a Kaltura video account: search media (titles, captions, metadata), read entry details, captions and attachments, and get download and thumbnail links. Start with search_entries; get_connection_status shows which account is connected.",
    ),
};

/// The server with every product registry filled in.
pub fn server() -> Server<Context> {
    let mut server = Server::new(SERVER_INFO);
    server.attach = Context::with_exchange;
    tools::register(&mut server.tools);
    prompts::register(&mut server.prompts);
    resources::register(&mut server.resources);
    server
}

/// The product server, plus the conformance suite's fixtures when
/// `conformance_fixtures` is set (`CONFORMANCE_FIXTURES=true`).
pub fn server_for(config: &crate::config::Config) -> Server<Context> {
    let mut server = server();
    if config.conformance_fixtures {
        crate::conformance::register(&mut server);
    }
    server
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::mcp::prompt::Prompt;
    use crate::prompts::analytics::AnalyticsWizard;
    use crate::prompts::content::{AccessibilityAudit, ContentDiscovery};
    use serde_json::{json, Value};
    use std::rc::Rc;

    /// Tools a model may call: the name and the argument names of each.
    fn tool_arguments(server: &Server<Context>) -> Vec<(String, Vec<String>)> {
        server
            .tools
            .definitions()
            .iter()
            .map(|tool| {
                let arguments = tool["inputSchema"]["properties"]
                    .as_object()
                    .map(|properties| properties.keys().cloned().collect())
                    .unwrap_or_default();
                (tool["name"].as_str().unwrap().to_owned(), arguments)
            })
            .collect()
    }

    /// Every `name(argument=…, …)` written in `text`.
    fn calls_in(text: &str) -> Vec<(String, Vec<String>)> {
        let mut calls = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find('(') {
            let head = &rest[..open];
            let name: String = head
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect::<String>()
                .chars()
                .rev()
                .collect();
            let close = rest[open..].find(')').map_or(rest.len(), |i| open + i);
            if name.contains('_') {
                let arguments = rest[open + 1..close]
                    .split(',')
                    .filter_map(|part| part.split_once('='))
                    .map(|(argument, _)| argument.trim().to_owned())
                    .collect();
                calls.push((name, arguments));
            }
            rest = &rest[(open + 1).min(rest.len())..];
        }
        calls
    }

    /// A context at a fixed time whose network always fails.
    fn offline_context() -> Context {
        struct Offline;
        impl crate::platform::Http for Offline {
            async fn send(
                &self,
                _: crate::platform::OutboundRequest,
            ) -> Result<crate::platform::OutboundResponse, crate::platform::TransportError>
            {
                Err(crate::platform::TransportError::Connect("offline".into()))
            }
        }
        let ports = crate::platform::Ports::new(
            Offline,
            crate::platform::ManualClock::at_secs(1_795_411_604),
            crate::platform::MemoryKv::default(),
        );
        Context::with_ports(Rc::new(Config::default()), ports, Rc::default())
    }

    fn prompt_texts() -> Vec<String> {
        let ctx = offline_context();
        let mut texts = Vec::new();
        for intent in [
            "recent talks that mention zero trust in the captions",
            "kubernetes training",
        ] {
            let args =
                serde_json::from_value(json!({"search_intent": intent, "include_details": "yes"}))
                    .unwrap();
            let messages = pollster::block_on(ContentDiscovery::get(ctx.clone(), args)).unwrap();
            texts.extend(messages.into_iter().map(|m| m.text));
        }
        for goal in [
            "video performance and engagement by country and device",
            "playback quality and buffering of live streams right now",
            "something else entirely",
        ] {
            let args = serde_json::from_value(
                json!({"analysis_goal": goal, "time_period": "last_7_days"}),
            )
            .unwrap();
            let messages = pollster::block_on(AnalyticsWizard::get(ctx.clone(), args)).unwrap();
            texts.extend(messages.into_iter().map(|m| m.text));
        }
        // The audit's text without Kaltura: its description and the fixed steps.
        texts.push(AccessibilityAudit::DESCRIPTION.to_owned());
        texts.push(crate::prompts::content::audit_next_steps().to_owned());
        texts
    }

    #[test]
    fn prompts_name_only_tools_and_arguments_that_exist() {
        let server = server();
        let tools = tool_arguments(&server);
        let mut checked = 0;
        for text in prompt_texts() {
            for (name, arguments) in calls_in(&text) {
                let (_, known) = tools
                    .iter()
                    .find(|(tool, _)| *tool == name)
                    .unwrap_or_else(|| panic!("a prompt names the unknown tool {name}: {text}"));
                for argument in arguments {
                    assert!(
                        known.contains(&argument),
                        "{name} has no argument {argument}"
                    );
                }
                checked += 1;
            }
        }
        assert!(
            checked >= 8,
            "only {checked} tool calls found in the prompts"
        );
        // The checker itself catches a wrong name or argument.
        assert_eq!(
            calls_in("use search_entries_intelligent(media_type=\"video\")"),
            [(
                "search_entries_intelligent".to_owned(),
                vec!["media_type".to_owned()]
            )]
        );
    }

    #[test]
    fn tool_definitions_stay_small_read_only_and_well_named() {
        let server = server();
        let list = serde_json::to_vec(&json!({ "tools": server.tools.definitions() })).unwrap();
        assert!(list.len() < 32 * 1024, "tools/list is {} bytes", list.len());
        for tool in server.tools.definitions() {
            let name = tool["name"].as_str().unwrap();
            assert!(
                name.len() <= 64 && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{name}"
            );
            assert_eq!(tool["annotations"]["readOnlyHint"], true, "{name}");
            assert_eq!(tool["inputSchema"]["type"], "object", "{name}");
            assert_eq!(tool["outputSchema"]["type"], "object", "{name}");
            let description = tool["description"].as_str().unwrap();
            assert!(
                description.len() <= 400,
                "{name}: {} characters",
                description.len()
            );
        }
        let names: Vec<&str> = server
            .tools
            .definitions()
            .iter()
            .map(|t| t["name"].as_str().unwrap())
            .collect();
        for expected in [
            "search_entries",
            "get_media_entry",
            "list_categories",
            "get_download_url",
            "get_thumbnail_url",
            "list_caption_assets",
            "get_caption_content",
            "list_attachment_assets",
            "get_attachment_content",
            "get_connection_status",
            "get_analytics",
            "get_analytics_timeseries",
            "get_video_retention",
            "get_realtime_metrics",
            "get_quality_metrics",
            "get_geographic_breakdown",
            "list_analytics_capabilities",
        ] {
            assert!(names.contains(&expected), "{expected} missing");
        }
        let _: &Value = &server.tools.definitions()[0];
    }
}
