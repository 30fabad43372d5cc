// Assertions shared by the SDK client tests: the demo tool `get_server_info`
// as listed by tools/list and as returned by tools/call.
import assert from 'node:assert/strict';

export const DEMO_TOOL = 'get_server_info';

export function assertDemoToolListed(tools) {
  assert.ok(Array.isArray(tools), 'tools/list result has a tools array');
  const tool = tools.find((t) => t.name === DEMO_TOOL);
  assert.ok(tool, `${DEMO_TOOL} is listed (got: ${tools.map((t) => t.name).join(', ')})`);
  assert.equal(typeof tool.inputSchema, 'object');
  assert.equal(tool.inputSchema.type, 'object');
  assert.equal(tool.annotations?.readOnlyHint, true);
  return tool;
}

export function assertDemoToolResult(result) {
  assert.notEqual(result.isError, true, `tool call failed: ${JSON.stringify(result)}`);
  const sc = result.structuredContent;
  assert.equal(typeof sc, 'object', 'structuredContent is present');
  assert.equal(typeof sc.version, 'string');
  assert.ok(sc.version.length > 0);
  assert.ok(Array.isArray(sc.supportedProtocolVersions));
  assert.ok(sc.supportedProtocolVersions.includes('2025-11-25'), JSON.stringify(sc));
  assert.ok(sc.supportedProtocolVersions.includes('2026-07-28'), JSON.stringify(sc));
  const text = result.content?.find((c) => c.type === 'text');
  assert.ok(text, 'a text content block is present');
  assert.equal(typeof text.text, 'string');
  assert.ok(text.text.length > 0);
}
