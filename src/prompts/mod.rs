//! The product's prompts: text that walks a model through the tools, with
//! live figures where a prompt measures something.
//!
//! - [`content`]: `content_discovery`, `accessibility_audit`;
//! - [`analytics`]: `analytics_wizard`, `retention_analysis`.
//!
//! Tool calls are written `tool_name(argument="value")`; a test checks that
//! every tool and argument so named exists.

pub mod analytics;
pub mod content;

use crate::context::Context;
use crate::mcp::prompt::{PromptMessage, PromptRegistry, Role};

pub fn register(registry: &mut PromptRegistry<Context>) {
    registry
        .register::<content::ContentDiscovery>()
        .register::<content::AccessibilityAudit>()
        .register::<analytics::AnalyticsWizard>()
        .register::<analytics::RetentionAnalysis>();
}

fn user(text: String) -> PromptMessage {
    PromptMessage {
        role: Role::User,
        text,
    }
}
