// The v2 TypeScript client (@modelcontextprotocol/client) pinned to the
// modern 2026-07-28 era (stateless, `server/discover`, per-request `_meta`):
// connect, list tools, call the demo tool, and check on the captured wire
// traffic that it really spoke the modern era (no `initialize`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { startWorker } from './harness.mjs';
import { DEMO_TOOL, assertDemoToolListed, assertDemoToolResult } from './common.mjs';

const MODERN = '2026-07-28';
const META_VERSION = 'io.modelcontextprotocol/protocolVersion';

let worker;
before(async () => { worker = await startWorker(); });
after(async () => { await worker?.stop(); });

test('sdk v2: modern era via server/discover, tools/list, tools/call', { timeout: 30_000 }, async () => {
  const sent = []; // { method, headers, body } of every POST
  const recordingFetch = async (url, init = {}) => {
    if ((init.method ?? 'GET') === 'POST' && typeof init.body === 'string') {
      sent.push({ headers: new Headers(init.headers), body: JSON.parse(init.body) });
    }
    return fetch(url, init);
  };
  const transport = new StreamableHTTPClientTransport(new URL(worker.url), { fetch: recordingFetch });
  const client = new Client(
    { name: 'e2e-sdk-v2', version: '0.0.0' },
    { versionNegotiation: { mode: { pin: MODERN } } },
  );
  try {
    await client.connect(transport, { timeout: 10_000 });
    assert.equal(client.getProtocolEra(), 'modern');
    assert.equal(client.getNegotiatedProtocolVersion(), MODERN);
    assert.equal(client.getServerVersion()?.name, 'kaltura-mcp');

    const { tools } = await client.listTools(undefined, { timeout: 10_000 });
    assertDemoToolListed(tools);

    const result = await client.callTool({ name: DEMO_TOOL, arguments: {} }, { timeout: 10_000 });
    assertDemoToolResult(result);
  } finally {
    await client.close();
  }

  const methods = sent.map((m) => m.body.method);
  assert.ok(!methods.includes('initialize'), `no legacy handshake (sent: ${methods})`);
  for (const method of ['server/discover', 'tools/list', 'tools/call']) {
    const msg = sent.find((m) => m.body.method === method);
    assert.ok(msg, `${method} was sent (sent: ${methods})`);
    assert.equal(msg.body.params?._meta?.[META_VERSION], MODERN, `${method} _meta version`);
    assert.equal(msg.headers.get('mcp-protocol-version'), MODERN, `${method} version header`);
    assert.equal(msg.headers.get('mcp-method'), method, `${method} Mcp-Method header`);
  }
  assert.equal(sent.find((m) => m.body.method === 'tools/call').headers.get('mcp-name'), DEMO_TOOL);
});
