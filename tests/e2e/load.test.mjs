// Load through wrangler dev (workerd + local KV) and the simulator: 2,000
// mixed MCP requests at concurrency 32 from two tenants (tokens of two
// users), with zero 5xx and every answer matching its request id and its
// tenant. Then /metrics and the log lines account for them. Throughput is
// printed, never asserted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWorker, startSimulator } from './harness.mjs';
import { rpc, pool, describe } from './load.mjs';

let sim;
let worker;
const tenants = [{ user: 'tenant-a' }, { user: 'tenant-b' }];

before(async () => {
  sim = await startSimulator();
  worker = await startWorker({
    multiTenant: true,
    vars: { KALTURA_SERVICE_URL: sim.url, RATE_LIMIT_PER_MINUTE: '1000000', METRICS_TOKEN: 'e2e-metrics-token' },
  });
  for (const tenant of tenants) {
    const response = await fetch(`${worker.base}/api/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ partnerId: sim.partnerId, adminSecret: sim.adminSecret, userId: tenant.user, expiresIn: 3600 }),
    });
    const body = await response.json();
    assert.equal(response.status, 201, JSON.stringify(body));
    tenant.token = body.token;
  }
});

after(async () => {
  await worker?.stop();
  await sim?.stop();
});

const QUERIES = ['kubernetes', 'quarterly', 'onboarding', 'security', 'webinar', '*'];
const ENTRIES = ['0_v2mvgdu0', '0_ha41rn7b', '0_xw4bffsb'];

/** Request `i` of the mix, and how to check its answer. */
function mixed(i) {
  const tenant = tenants[i % 2];
  switch (i % 5) {
    case 0: return { tenant, method: 'tools/list', params: {}, check: (r) => assert.ok(r.tools.some((t) => t.name === 'search_entries')) };
    case 1: return {
      tenant, method: 'tools/call', params: { name: 'search_entries', arguments: { query: QUERIES[i % QUERIES.length] } },
      check: (r) => { assert.notEqual(r.isError, true, JSON.stringify(r.content)); assert.ok(r.structuredContent); },
    };
    case 2: return {
      tenant, method: 'tools/call', params: { name: 'get_connection_status', arguments: {} },
      check: (r) => {
        assert.notEqual(r.isError, true, JSON.stringify(r.content));
        assert.equal(r.structuredContent.userId, tenant.user, 'the answer is for the tenant that asked');
        assert.equal(r.structuredContent.partnerId, sim.partnerId);
      },
    };
    case 3: {
      const entry = ENTRIES[i % ENTRIES.length];
      return {
        tenant, method: 'tools/call', params: { name: 'get_media_entry', arguments: { entry_id: entry } },
        check: (r) => {
          assert.notEqual(r.isError, true, JSON.stringify(r.content));
          assert.ok(JSON.stringify(r.structuredContent).includes(entry), `the answer is about ${entry}`);
        },
      };
    }
    default: return { tenant, method: 'ping', params: {}, check: (r) => assert.deepEqual(r, {}) };
  }
}

test('2,000 mixed requests at concurrency 32: no 5xx, none lost or mixed up', { timeout: 240_000 }, async () => {
  const failures = [];
  const statuses = new Map();
  const stats = await pool({
    total: 2000,
    concurrency: 32,
    maxMs: 200_000,
    send: async (i) => {
      const { tenant, method, params, check } = mixed(i);
      const id = `req-${i}-${tenant.user}`;
      try {
        const answer = await rpc(worker.url, id, method, params, { token: tenant.token });
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        assert.equal(answer.status, 200, answer.text.slice(0, 300));
        assert.ok(answer.message, `an answer for ${id}: ${answer.text.slice(0, 300)}`);
        assert.equal(answer.message.id, id, 'the answer carries its request id');
        assert.equal(answer.message.error, undefined, JSON.stringify(answer.message.error));
        check(answer.message.result);
      } catch (error) {
        failures.push(`${id} ${method} ${params.name ?? ''}: ${error.message}`);
      }
    },
  });
  console.log(describe('load: 2,000 mixed requests, concurrency 32', stats));
  assert.equal(stats.count, 2000, 'all requests ran within the time bound');
  assert.deepEqual([...statuses.keys()].filter((status) => status >= 500), [], `statuses ${JSON.stringify([...statuses])}`);
  assert.deepEqual(failures.slice(0, 10), [], `${failures.length} failures`);
});

test('/metrics accounts for the load, behind its token; each request logged once', { timeout: 30_000 }, async () => {
  const refused = await fetch(`${worker.base}/metrics`);
  assert.equal(refused.status, 401);
  const response = await fetch(`${worker.base}/metrics`, { headers: { authorization: 'Bearer e2e-metrics-token' } });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^text\/plain; version=0\.0\.4/);
  const text = await response.text();
  // Local workerd may run more than one isolate: sum the series across them.
  const sum = (pattern) => [...text.matchAll(pattern)].reduce((total, match) => total + Number(match[1]), 0);
  assert.equal(sum(/^kaltura_mcp_requests_total\{route="\/mcp",status="200",isolate="\w+"\} (\d+)$/gm), 2000, text);
  assert.equal(sum(/^kaltura_mcp_mcp_calls_total\{method="tools\/call",tool="get_connection_status",isolate="\w+"\} (\d+)$/gm), 400);
  assert.ok(sum(/^kaltura_mcp_kaltura_calls_total\{service="session",action="get",outcome="ok",isolate="\w+"\} (\d+)$/gm) >= 400);
  assert.ok(sum(/^kaltura_mcp_cache_lookups_total\{outcome="hit",isolate="\w+"\} (\d+)$/gm) > 0, 'get_media_entry hits the cache');
  assert.match(text, /^kaltura_mcp_tool_duration_seconds_bucket\{tool="search_entries",isolate="\w+",le="\+Inf"\} \d+$/m);

  const lines = worker.log().split('\n').filter((line) => line.includes('"msg":"request"'));
  const loadLines = lines.filter((line) => line.includes('"rpcId":"\\"req-'));
  assert.equal(loadLines.length, 2000, `one log line per request (${lines.length} request lines)`);
  const line = loadLines.find((candidate) => candidate.includes('get_connection_status'));
  const sample = JSON.parse(line.slice(line.indexOf('{')));
  assert.equal(sample.route, '/mcp');
  assert.equal(sample.partnerId, sim.partnerId);
  assert.ok(sample.kalturaCalls >= 1);
  for (const secret of [sim.adminSecret, tenants[0].token, tenants[1].token, 'e2e-metrics-token']) {
    assert.ok(!worker.log().includes(secret), 'no secret or token in the logs');
  }
});
