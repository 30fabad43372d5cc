// Raw-HTTP behaviour of POST/GET/DELETE /mcp with plain fetch: transport
// refusals (status + JSON-RPC error body), JSON-RPC errors in both eras,
// header checks of the 2026-07-28 era, batches, notifications, version
// negotiation at `initialize` and the `server/discover` result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startWorker } from './harness.mjs';

const MODERN = '2026-07-28';
const META = {
  'io.modelcontextprotocol/protocolVersion': MODERN,
  'io.modelcontextprotocol/clientCapabilities': {},
};
const ACCEPT_BOTH = 'application/json, text/event-stream';

let worker;
before(async () => { worker = await startWorker(); });
after(async () => { await worker?.stop(); });

/** POST (or other method) to /mcp; body objects are JSON-encoded, strings sent as is. */
async function send({ method = 'POST', body, headers = {} } = {}) {
  const res = await fetch(worker.url, {
    method,
    headers: { 'content-type': 'application/json', accept: ACCEPT_BOTH, ...headers },
    body: body === undefined || typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  let json;
  try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
  return { status: res.status, headers: res.headers, text, json };
}

/** POST with node:http, which (unlike fetch) can send no Accept header at all. */
function postWithoutAccept(body) {
  return new Promise((resolve, reject) => {
    const req = http.request(worker.url, { method: 'POST', headers: { 'content-type': 'application/json' },
      timeout: 10_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode, json: JSON.parse(text) }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const rpc = (id, method, params) => ({ jsonrpc: '2.0', id, method, ...(params && { params }) });
const modernHeaders = (method, extra = {}) =>
  ({ 'mcp-protocol-version': MODERN, 'mcp-method': method, ...extra });

/** Asserts a JSON-RPC error body. `id`: the echoed id, `null` = omitted, `'either'` = omitted or `echo`. */
function assertError(res, status, code, { id = null, echo } = {}) {
  assert.equal(res.status, status, `HTTP status (body: ${res.text})`);
  assert.ok(res.json, `JSON body: ${res.text}`);
  assert.equal(res.json.jsonrpc, '2.0');
  assert.equal(res.json.error?.code, code, `error code (body: ${res.text})`);
  assert.equal(typeof res.json.error.message, 'string');
  assert.equal(res.json.result, undefined);
  if (id === 'either') assert.ok(!('id' in res.json) || res.json.id === echo, `id: ${res.json.id}`);
  else if (id === null) assert.ok(!('id' in res.json), `id omitted (body: ${res.text})`);
  else assert.equal(res.json.id, id);
}

// --- malformed messages ---------------------------------------------------

test('body that is not JSON → 400, -32700, no id', async () => {
  assertError(await send({ body: '{"jsonrpc":"2.0","id":1,' }), 400, -32700);
});

test('JSON that is not a JSON-RPC message → 400, -32600', async () => {
  assertError(await send({ body: { foo: 1 } }), 400, -32600);
  assertError(await send({ body: { jsonrpc: '1.0', id: 7, method: 'ping' } }), 400, -32600, { id: 7 });
});

// --- unknown methods ------------------------------------------------------

test('unknown method, legacy era → 200, -32601, id echoed', async () => {
  assertError(await send({ body: rpc(8, 'no/such-method') }), 200, -32601, { id: 8 });
});

test('unknown method, modern era → 404, -32601, id echoed', async () => {
  const res = await send({ body: rpc(9, 'no/such-method', { _meta: META }), headers: modernHeaders('no/such-method') });
  assertError(res, 404, -32601, { id: 9 });
});

// --- modern-era header checks ---------------------------------------------

test('modern: Mcp-Method absent or different from the body → 400, -32020', async () => {
  const body = rpc(10, 'tools/list', { _meta: META });
  assertError(await send({ body, headers: { 'mcp-protocol-version': MODERN } }), 400, -32020, { id: 10 });
  assertError(await send({ body, headers: modernHeaders('prompts/list') }), 400, -32020, { id: 10 });
});

test('modern tools/call: Mcp-Name absent or different from params.name → 400, -32020', async () => {
  const body = rpc(11, 'tools/call', { name: 'get_server_info', arguments: {}, _meta: META });
  assertError(await send({ body, headers: modernHeaders('tools/call') }), 400, -32020, { id: 11 });
  const other = modernHeaders('tools/call', { 'mcp-name': 'other_tool' });
  assertError(await send({ body, headers: other }), 400, -32020, { id: 11 });
  // The same request with the right header succeeds.
  const ok = await send({ body, headers: modernHeaders('tools/call', { 'mcp-name': 'get_server_info' }) });
  assert.equal(ok.status, 200);
  assert.equal(ok.json.result?.isError, false);
});

test('modern: MCP-Protocol-Version header differs from _meta version → 400, -32020 (spec §1.8)', async () => {
  const res = await send({
    body: rpc(12, 'tools/list', { _meta: META }),
    headers: { 'mcp-protocol-version': '2025-11-25', 'mcp-method': 'tools/list' },
  });
  assertError(res, 400, -32020, { id: 12 });
});

test('modern: _meta without clientCapabilities → 400, -32602 (spec §1.8)', async () => {
  const meta = { 'io.modelcontextprotocol/protocolVersion': MODERN };
  const res = await send({ body: rpc(13, 'tools/list', { _meta: meta }), headers: modernHeaders('tools/list') });
  assertError(res, 400, -32602, { id: 13 });
});

test('modern: unsupported _meta protocol version → 400, -32022 with data.supported/requested', async () => {
  const meta = { ...META, 'io.modelcontextprotocol/protocolVersion': '2099-01-01' };
  const res = await send({
    body: rpc(14, 'tools/list', { _meta: meta }),
    headers: { 'mcp-protocol-version': '2099-01-01', 'mcp-method': 'tools/list' },
  });
  assertError(res, 400, -32022, { id: 14 });
  assert.ok(Array.isArray(res.json.error.data?.supported));
  assert.ok(res.json.error.data.supported.includes(MODERN));
  assert.ok(res.json.error.data.supported.includes('2025-11-25'));
  assert.equal(res.json.error.data.requested, '2099-01-01');
});

test('legacy: unsupported MCP-Protocol-Version header → 400, -32600', async () => {
  const res = await send({ body: rpc(15, 'tools/list'), headers: { 'mcp-protocol-version': '1999-01-01' } });
  assertError(res, 400, -32600, { id: 15 });
});

// --- transport refusals ---------------------------------------------------

test('Accept: text/plain → 406, -32600; only application/json, */*, empty or no Accept → 200', async () => {
  const body = rpc(16, 'tools/list');
  assertError(await send({ body, headers: { accept: 'text/plain' } }), 406, -32600, { id: 'either', echo: 16 });
  for (const accept of ['application/json', '*/*', '']) {
    const res = await send({ body, headers: { accept } });
    assert.equal(res.status, 200, `Accept "${accept}": ${res.text}`);
    assert.equal(res.json.id, 16);
    assert.ok(Array.isArray(res.json.result?.tools));
  }
  const none = await postWithoutAccept(body);
  assert.equal(none.status, 200, `no Accept: ${JSON.stringify(none.json)}`);
  assert.ok(Array.isArray(none.json.result?.tools));
});

test('foreign Origin → 403, -32600; loopback origins with our port are allowed', async () => {
  const body = rpc(17, 'tools/list');
  assertError(await send({ body, headers: { origin: 'http://evil.example.com' } }), 403, -32600,
    { id: 'either', echo: 17 });
  for (const origin of [`http://127.0.0.1:${worker.port}`, `http://localhost:${worker.port}`]) {
    const res = await send({ body, headers: { origin } });
    assert.equal(res.status, 200, `Origin ${origin}: ${res.text}`);
    assert.ok(Array.isArray(res.json.result?.tools));
  }
});

test('a foreign Origin is refused before anything else: GET, DELETE, bad JSON → 403 (spec §1.9)', async () => {
  const origin = 'http://evil.example.com';
  assertError(await send({ method: 'GET', headers: { origin, accept: 'text/event-stream' } }), 403, -32600);
  assertError(await send({ method: 'DELETE', headers: { origin } }), 403, -32600);
  assertError(await send({ body: '{not json', headers: { origin } }), 403, -32600);
});

test('body over 1 MiB → 413, -32600', async () => {
  const body = rpc(18, 'ping', { pad: 'x'.repeat(1024 * 1024 + 16) });
  assertError(await send({ body }), 413, -32600, { id: 'either', echo: 18 });
});

test('Content-Type: text/plain → 415, -32600', async () => {
  const res = await send({ body: rpc(19, 'tools/list'), headers: { 'content-type': 'text/plain' } });
  assertError(res, 415, -32600, { id: 'either', echo: 19 });
});

test('GET /mcp → 405 with Allow and a JSON-RPC error body; DELETE /mcp → 405', async () => {
  const get = await send({ method: 'GET', headers: { accept: 'text/event-stream' } });
  assert.equal(get.status, 405);
  assert.match(get.headers.get('allow') ?? '', /\bPOST\b/);
  assert.equal(get.json?.jsonrpc, '2.0');
  assert.equal(typeof get.json?.error?.code, 'number');
  const del = await send({ method: 'DELETE' });
  assert.equal(del.status, 405);
  assert.match(del.headers.get('allow') ?? '', /\bPOST\b/);
});

// --- notifications, responses and batches ---------------------------------

test('notification → 202 with an empty body', async () => {
  const res = await send({ body: { jsonrpc: '2.0', method: 'notifications/initialized' } });
  assert.equal(res.status, 202);
  assert.equal(res.text, '');
});

test('a JSON-RPC response sent by the client → 202 with an empty body (spec §1.9)', async () => {
  const res = await send({ body: { jsonrpc: '2.0', id: 'srv-1', result: {} } });
  assert.equal(res.status, 202);
  assert.equal(res.text, '');
});

test('batch under 2025-06-18 → 400, -32600', async () => {
  const res = await send({ body: [rpc(20, 'ping')], headers: { 'mcp-protocol-version': '2025-06-18' } });
  assertError(res, 400, -32600);
});

test('batch under 2025-03-26 (header, or no header: spec default) → 200, one response per request', async () => {
  for (const headers of [{ 'mcp-protocol-version': '2025-03-26' }, {}]) {
    const res = await send({ body: [rpc(21, 'ping'), rpc('b-22', 'tools/list')], headers });
    assert.equal(res.status, 200, res.text);
    assert.ok(Array.isArray(res.json), `array body: ${res.text}`);
    assert.equal(res.json.length, 2);
    const byId = new Map(res.json.map((r) => [r.id, r]));
    assert.deepEqual(byId.get(21)?.result, {});
    assert.ok(Array.isArray(byId.get('b-22')?.result?.tools));
  }
});

// --- tools/call errors ----------------------------------------------------

test('tools/call of an unknown tool → -32602', async () => {
  const res = await send({ body: rpc(23, 'tools/call', { name: 'no_such_tool', arguments: {} }) });
  assertError(res, 200, -32602, { id: 23 });
});

test('tools/call with non-object arguments → -32602', async () => {
  const res = await send({ body: rpc(24, 'tools/call', { name: 'get_server_info', arguments: 5 }) });
  assertError(res, 200, -32602, { id: 24 });
});

test('tools/call with an argument the tool does not take → result with isError: true', async () => {
  const res = await send({ body: rpc(25, 'tools/call', { name: 'get_server_info', arguments: { bogus: 1 } }) });
  assert.equal(res.status, 200);
  assert.equal(res.json.id, 25);
  assert.equal(res.json.error, undefined, res.text);
  assert.equal(res.json.result?.isError, true);
  assert.match(res.json.result.content?.[0]?.text ?? '', /bogus/);
});

// --- version negotiation and discovery ------------------------------------

test('legacy initialize negotiates the protocol version', async () => {
  const cases = { '2025-06-18': '2025-06-18', '2024-11-05': '2024-11-05', '2030-01-01': '2025-11-25',
    [MODERN]: '2025-11-25' /* initialize is the legacy handshake: no modern era there */ };
  for (const [offered, expected] of Object.entries(cases)) {
    const res = await send({ body: rpc(26, 'initialize', {
      protocolVersion: offered, capabilities: {}, clientInfo: { name: 'e2e', version: '0' } }) });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.result?.protocolVersion, expected, `offered ${offered}`);
    assert.equal(res.json.result.serverInfo?.name, 'kaltura-mcp');
  }
});

test('modern server/discover result', async () => {
  const res = await send({ body: rpc(27, 'server/discover', { _meta: META }), headers: modernHeaders('server/discover') });
  assert.equal(res.status, 200, res.text);
  const r = res.json.result;
  assert.ok(r, res.text);
  assert.ok(r.supportedVersions.includes(MODERN));
  assert.ok(r.supportedVersions.includes('2025-11-25'));
  assert.equal(typeof r.capabilities, 'object');
  assert.equal(r.resultType, 'complete');
  assert.ok(Number.isInteger(r.ttlMs) && r.ttlMs >= 0, `ttlMs: ${r.ttlMs}`);
  assert.ok(['public', 'private'].includes(r.cacheScope), `cacheScope: ${r.cacheScope}`);
  assert.equal(r._meta?.['io.modelcontextprotocol/serverInfo']?.name, 'kaltura-mcp');
});

test('modern tools/list carries resultType and cache hints (spec §1.8)', async () => {
  const res = await send({ body: rpc(28, 'tools/list', { _meta: META }), headers: modernHeaders('tools/list') });
  assert.equal(res.status, 200, res.text);
  const r = res.json.result;
  assert.equal(r.resultType, 'complete');
  assert.ok(Number.isInteger(r.ttlMs) && r.ttlMs >= 0, `ttlMs: ${r.ttlMs}`);
  assert.ok(['public', 'private'].includes(r.cacheScope));
  assert.ok(r.tools.some((t) => t.name === 'get_server_info'));
});
