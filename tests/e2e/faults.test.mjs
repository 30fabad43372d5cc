// Upstream faults through wrangler dev and the simulator: with 20% HTTP
// 5xx, truncated bodies and silent connections (short hangs, so the test
// stays bounded), and then 2 s latency spikes, every tool call answers
// either a correct result (after retries) or an isError result explaining
// the outage; never an HTTP 5xx. /health and /metrics show the trouble.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWorker, startSimulator } from './harness.mjs';
import { rpc, pool } from './load.mjs';

let sim;
let worker;

before(async () => {
  sim = await startSimulator({ args: ['--seed', '9'] });
  worker = await startWorker({ vars: { ...sim.vars, RATE_LIMIT_PER_MINUTE: '1000000' } });
});

after(async () => {
  await worker?.stop();
  await sim?.stop();
});

const CALLS = [
  ['search_entries', { query: 'kubernetes' }, (sc) => assert.ok(sc.totalCount > 0 && sc.entries.length > 0, JSON.stringify(sc))],
  ['get_media_entry', { entry_id: '0_ha41rn7b' }, (sc) => assert.ok(JSON.stringify(sc).includes('0_ha41rn7b'))],
  ['list_categories', {}, (sc) => assert.ok(sc)],
  ['get_connection_status', {}, (sc) => assert.equal(sc.partnerId, sim.partnerId)],
];

const OUTAGE = /Kaltura|unavailable|try again|timed out|time out|connection|answer/i;

/** Runs `total` tool calls at `concurrency`; returns how they ended. */
async function storm(total, concurrency, offset = 0, calls = CALLS) {
  const outcomes = { ok: 0, explained: 0 };
  const failures = [];
  await pool({
    total,
    concurrency,
    maxMs: 120_000,
    send: async (i) => {
      const [name, args, check] = calls[i % calls.length];
      const id = offset + i;
      try {
        const answer = await rpc(worker.url, id, 'tools/call', { name, arguments: args });
        assert.ok(answer.status < 500, `HTTP ${answer.status}: ${answer.text.slice(0, 200)}`);
        assert.equal(answer.status, 200, answer.text.slice(0, 200));
        assert.equal(answer.message?.id, id);
        const result = answer.message.result;
        assert.ok(result, `a result, not a protocol error: ${JSON.stringify(answer.message.error)}`);
        if (result.isError) {
          const text = result.content.map((c) => c.text ?? '').join(' ');
          assert.match(text, OUTAGE, `${name}: the error explains the outage`);
          outcomes.explained += 1;
        } else {
          check(result.structuredContent);
          outcomes.ok += 1;
        }
      } catch (error) {
        failures.push(`${id} ${name}: ${error.message}`);
      }
    },
  });
  assert.deepEqual(failures.slice(0, 10), [], `${failures.length} failures`);
  return outcomes;
}

test('20% 5xx, truncated bodies and hangs: correct results or explained errors, never a 500', { timeout: 180_000 }, async () => {
  await sim.faults({ errorRate: 0.2, truncateRate: 0.1, timeoutRate: 0.05, hangMs: 1500 });
  const outcomes = await storm(80, 8);
  console.log(`faults: ${outcomes.ok} correct results, ${outcomes.explained} explained errors of 80 calls`);
  assert.ok(outcomes.ok > outcomes.explained, 'retries turn most faults into results');
  const stats = await sim.stats();
  assert.ok((stats.faults.serverError ?? 0) > 0 && (stats.faults.truncate ?? 0) > 0, JSON.stringify(stats.faults));
});

test('2 s latency spikes: calls wait them out and answer', { timeout: 120_000 }, async () => {
  await sim.faults({ errorRate: 0, truncateRate: 0, timeoutRate: 0, latencyMs: 2000 });
  const outcomes = await storm(8, 8, 1000);
  assert.equal(outcomes.ok, 8, JSON.stringify(outcomes));
  await sim.faults({ latencyMs: 0 });
});

test('a Kaltura outage: explained errors, a degraded /health, alerts and metrics', { timeout: 120_000 }, async () => {
  await sim.faults({ errorRate: 1 });
  // Not get_media_entry: the cache rightly answers it during the outage.
  const uncached = CALLS.filter(([name]) => name !== 'get_media_entry');
  const outcomes = await storm(8, 4, 2000, uncached);
  assert.equal(outcomes.explained, 8, JSON.stringify(outcomes));
  const health = await fetch(`${worker.base}/health`);
  const body = await health.json();
  assert.ok([200, 503].includes(health.status));
  assert.notEqual(body.status, 'healthy', JSON.stringify(body));
  assert.equal(body.checks.kv.result.ok, true);
  await sim.faults({ errorRate: 0 });

  const metrics = await (await fetch(`${worker.base}/metrics`)).text();
  assert.match(metrics, /^kaltura_mcp_kaltura_round_trips_total\{outcome="http_error",isolate="\w+"\} [1-9]\d*$/m);
  assert.match(metrics, /^kaltura_mcp_tool_errors_total\{tool="\w+",isolate="\w+"\} [1-9]\d*$/m);
  assert.match(worker.log(), /"msg":"alert".*"alert":"kaltura_failures"|"alert":"kaltura_failures".*"msg":"alert"/);
  assert.ok(!worker.log().includes(sim.adminSecret), 'no secret in the logs');
});
