// The v1 TypeScript SDK (@modelcontextprotocol/sdk, legacy `initialize`
// handshake era) against the worker: connect, list tools, call the demo tool.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startWorker } from './harness.mjs';
import { DEMO_TOOL, assertDemoToolListed, assertDemoToolResult } from './common.mjs';

let worker;
before(async () => { worker = await startWorker(); });
after(async () => { await worker?.stop(); });

test('sdk v1: legacy handshake, tools/list, tools/call', { timeout: 30_000 }, async () => {
  const transport = new StreamableHTTPClientTransport(new URL(worker.url));
  const client = new Client({ name: 'e2e-sdk-v1', version: '0.0.0' });
  try {
    await client.connect(transport, { timeout: 10_000 });
    assert.equal(client.getServerVersion()?.name, 'kaltura-mcp');
    assert.equal(transport.protocolVersion, '2025-11-25');

    const { tools } = await client.listTools(undefined, { timeout: 10_000 });
    assertDemoToolListed(tools);

    const result = await client.callTool({ name: DEMO_TOOL, arguments: {} }, undefined, { timeout: 10_000 });
    assertDemoToolResult(result);
  } finally {
    await client.close();
  }
});
