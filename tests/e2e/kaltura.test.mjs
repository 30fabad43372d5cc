// The worker's Kaltura client through wrangler dev against the simulator:
// the Fetch port, local KS generation, multirequest, and what a model sees
// when Kaltura refuses the session, is unreachable or keeps failing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startWorker, startSimulator, freePort } from './harness.mjs';

const TOOL = 'get_connection_status';
const WRONG_SECRET = 'ffffffffffffffffffffffffffffffff';

let sim;
const workers = [];
before(async () => { sim = await startSimulator(); });
after(async () => {
  for (const worker of workers) await worker.stop();
  await sim?.stop();
});

async function worker(vars) {
  const started = await startWorker({ vars });
  workers.push(started);
  return started;
}

async function callTool(url) {
  const client = new Client({ name: 'e2e-kaltura', version: '0.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)), { timeout: 10_000 });
  try {
    return await client.callTool({ name: TOOL, arguments: {} }, undefined, { timeout: 30_000 });
  } finally {
    await client.close();
  }
}

const text = (result) => result.content.filter((c) => c.type === 'text').map((c) => c.text).join('\n');

test('the configured account is reached in one multirequest with a locally generated KS', { timeout: 60_000 }, async () => {
  const { url } = await worker(sim.vars);
  await sim.reset();
  const result = await callTool(url);
  assert.notEqual(result.isError, true, text(result));
  const status = result.structuredContent;
  assert.equal(status.partnerId, sim.partnerId);
  assert.equal(typeof status.partnerName, 'string');
  assert.ok(status.partnerName.length > 0);
  assert.equal(status.serviceUrl, sim.url);
  assert.equal(status.sessionType, 'admin');
  assert.equal(status.credentials, 'admin_secret');
  assert.match(status.privileges, /disableentitlement/);
  const expires = Date.parse(status.ksExpiresAt);
  const hours = (expires - Date.now()) / 3_600_000;
  assert.ok(hours > 23 && hours <= 24.1, `KS expires in ${hours} h`);
  assert.ok(!text(result).includes(sim.adminSecret), 'the secret never appears');
  const stats = await sim.stats();
  assert.equal(stats.total, 1, `one round trip to Kaltura: ${JSON.stringify(stats)}`);
});

test('a wrong secret is reported as a refused session, without the secret', { timeout: 60_000 }, async () => {
  const { url } = await worker({ ...sim.vars, KALTURA_ADMIN_SECRET: WRONG_SECRET });
  const result = await callTool(url);
  assert.equal(result.isError, true);
  assert.match(text(result), /INVALID_KS/);
  assert.match(text(result), /check the partner id and admin secret/);
  assert.ok(!text(result).includes(WRONG_SECRET));
});

test('an unreachable service is an explained tool error, not a server error', { timeout: 60_000 }, async () => {
  const closed = await freePort();
  const { url } = await worker({ ...sim.vars, KALTURA_SERVICE_URL: `http://127.0.0.1:${closed}` });
  const result = await callTool(url);
  assert.equal(result.isError, true);
  assert.match(text(result), new RegExp(`127\\.0\\.0\\.1.*unreachable`));
});

test('5xx answers are retried three times, then explained', { timeout: 60_000 }, async () => {
  const { url } = await worker(sim.vars);
  await sim.reset();
  await sim.faults({ errorRate: 1 });
  try {
    const result = await callTool(url);
    assert.equal(result.isError, true);
    assert.match(text(result), /HTTP 5\d\d/);
    assert.match(text(result), /try again/);
    const stats = await sim.stats();
    assert.equal(stats.total, 3, `three attempts: ${JSON.stringify(stats)}`);
  } finally {
    await sim.reset();
  }
});
