// The onboarding page in Debian's Chromium (driven by playwright-core),
// served by `wrangler dev` (multi-tenant) beside the Kaltura simulator:
// connect with the demo partner, read the generated configurations and use
// their token with the official SDK client; a wrong secret is refused next
// to its field and mints nothing; the playground runs tools in the page and
// through /mcp and draws charts; the OAuth step finished from the page.
// Screenshots go to results/browser/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startWorker, startSimulator, childEnv, freePort, ROOT } from './harness.mjs';

const SHOTS = path.join(ROOT, 'results/browser');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

let sim;
let worker;
let browser;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  sim = await startSimulator();
  // Multi-tenant: the page's token is the only way into /mcp. The
  // simulator is the operator's service URL, so the server accepts it.
  worker = await startWorker({ vars: { KALTURA_SERVICE_URL: sim.url }, multiTenant: true });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
});

after(async () => {
  await browser?.close();
  await worker?.stop();
  await sim?.stop();
});

/** A fresh page on the worker, its requests recorded, the wasm loaded. */
async function openPage(query = '', viewport = { width: 1100, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (request) => requests.push(request));
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  await page.goto(`${worker.base}/${query}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
  return { page, requests, problems, close: () => context.close() };
}

async function fillAccount(page, { adminSecret = sim.adminSecret, keepSecret = true, userId = 'browser-e2e' } = {}) {
  await page.fill('#serviceUrl', sim.url);
  await page.fill('#partnerId', String(sim.partnerId));
  await page.fill('#adminSecret', adminSecret);
  await page.fill('#userId', userId);
  await page.selectOption('#expiresIn', '86400');
  await page.setChecked('#keepSecret', keepSecret);
}

const tokenKeys = () => {
  const wrangler = path.join(ROOT, 'node_modules/.bin/wrangler');
  const listed = execFileSync(wrangler, ['kv', 'key', 'list', '--binding', 'KALTURA_MCP_KV', '--local', '--persist-to', worker.persist], { cwd: ROOT, env: childEnv() });
  return JSON.parse(listed.toString()).map((key) => key.name).filter((name) => name.startsWith('token:'));
};

async function describeToken(token) {
  const response = await fetch(`${worker.base}/api/tokens/current`, { headers: { authorization: `Bearer ${token}` } });
  return response.json();
}

test('connect with the demo partner; the Claude Desktop config\'s token works with the SDK client', { timeout: 120_000 }, async () => {
  const { page, requests, problems, close } = await openPage();
  try {
    await fillAccount(page);
    await page.screenshot({ path: path.join(SHOTS, '1-form.png'), fullPage: true });
    await page.click('#connect-button');
    await page.waitForSelector('#configs:not([hidden])', { timeout: 30_000 });
    await page.screenshot({ path: path.join(SHOTS, '2-configs.png'), fullPage: true });

    // The check ran in the page, straight with Kaltura, before the server saw anything.
    const kalturaCalls = requests.filter((r) => r.url().startsWith(`${sim.url}/api_v3/`));
    assert.ok(kalturaCalls.some((r) => r.url().includes('/service/session/action/get')), 'session.get from the page');
    const minted = requests.filter((r) => r.url() === `${worker.base}/api/tokens`);
    assert.equal(minted.length, 1);
    const sent = JSON.parse(minted[0].postData());
    assert.equal(sent.adminSecret, undefined, 'the secret stays in the browser');
    assert.ok(!minted[0].postData().includes(sim.adminSecret));
    assert.match(sent.ks, /\S{40,}/);

    const desktop = JSON.parse(await page.textContent('#config-claude-desktop'));
    const server = desktop.mcpServers.kaltura;
    assert.equal(server.command, 'npx');
    assert.deepEqual(server.args.slice(0, 2), ['mcp-remote', worker.url]);
    assert.equal(server.args[3], 'Authorization:${AUTH_HEADER}');
    const token = server.env.AUTH_HEADER.replace(/^Bearer /, '');
    assert.match(token, /^kmcp_/);
    for (const id of ['cursor', 'vscode']) {
      const text = await page.textContent(`#config-${id}`);
      const config = JSON.parse(text);
      const entry = (config.mcpServers ?? config.servers).kaltura;
      assert.equal(entry.url, worker.url, id);
      assert.equal(entry.headers.Authorization, `Bearer ${token}`, id);
    }
    assert.equal(await page.textContent('#config-connector'), worker.url);
    assert.ok((await page.textContent('#config-curl')).includes(`Authorization: Bearer ${token}`));

    const described = await describeToken(token);
    assert.equal(described.credentials, 'ks', 'the server holds a KS, not the secret');
    assert.equal(described.userId, 'browser-e2e');

    const client = new Client({ name: 'e2e-browser', version: '0.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(server.args[1]), { requestInit: { headers: { authorization: server.env.AUTH_HEADER } } }), { timeout: 10_000 });
    try {
      const status = await client.callTool({ name: 'get_connection_status', arguments: {} });
      assert.notEqual(status.isError, true, JSON.stringify(status.content));
      assert.equal(status.structuredContent.partnerId, sim.partnerId);
      const found = await client.callTool({ name: 'search_entries', arguments: { query: '*', max_results: 3 } });
      assert.ok(found.structuredContent.entries.length > 0);
    } finally {
      await client.close();
    }

    // Copy buttons are buttons, reachable and labelled.
    const copy = page.locator('#configs button.copy').first();
    assert.match(await copy.getAttribute('aria-label'), /Claude Desktop/);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('a wrong secret is refused next to its field and mints nothing; keyboard only', { timeout: 120_000 }, async () => {
  const { page, requests, close } = await openPage();
  try {
    const before = tokenKeys().length;
    await fillAccount(page, { adminSecret: 'f'.repeat(32) });
    await page.focus('#userId');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#adminSecret-error:not([hidden])', { timeout: 30_000 });
    assert.match(await page.textContent('#adminSecret-error'), /refused/i);
    assert.equal(await page.getAttribute('#adminSecret', 'aria-invalid'), 'true');
    assert.match(await page.getAttribute('#adminSecret', 'aria-describedby'), /adminSecret-error/);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'adminSecret', 'focus moves to the field');
    assert.equal(await page.isHidden('#configs'), true);
    await page.screenshot({ path: path.join(SHOTS, '3-wrong-secret.png'), fullPage: true });
    assert.equal(requests.filter((r) => r.url().startsWith(`${worker.base}/api/`)).length, 0, 'the server was not asked');
    assert.equal(tokenKeys().length, before, 'no token stored');

    // A partner id that is no number is refused before any network call.
    const calls = requests.length;
    await page.fill('#partnerId', 'abc');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#partnerId-error:not([hidden])');
    assert.match(await page.textContent('#partnerId-error'), /positive integer/);
    assert.equal(requests.length, calls);

    // Corrected, without keeping the secret in the browser: the server holds it.
    await page.fill('#partnerId', String(sim.partnerId));
    await page.fill('#adminSecret', sim.adminSecret);
    await page.setChecked('#keepSecret', false);
    await page.focus('#adminSecret');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#configs:not([hidden])', { timeout: 30_000 });
    assert.equal(await page.isHidden('#adminSecret-error'), true);
    const desktop = JSON.parse(await page.textContent('#config-claude-desktop'));
    const described = await describeToken(desktop.mcpServers.kaltura.env.AUTH_HEADER.replace(/^Bearer /, ''));
    assert.equal(described.credentials, 'admin_secret');
    assert.equal(tokenKeys().length, before + 1);
  } finally {
    await close();
  }
});

/** Picks `tool`, fills `args` (field name → text) and runs it by `route`. */
async function run(page, tool, args, route = 'page') {
  await page.selectOption('#tool', tool);
  for (const [name, value] of Object.entries(args)) {
    const field = page.locator(`#arg-${name}`);
    if (await field.evaluate((node) => node.tagName === 'SELECT')) await field.selectOption(value);
    else await field.fill(value);
  }
  await page.check(`#route-${route}`);
  await page.evaluate(() => { document.getElementById('result').hidden = true; });
  await page.click('#run-button');
  await page.waitForSelector('#result:not([hidden])', { timeout: 30_000 });
  return JSON.parse(await page.textContent('#result-json'));
}

/** The milliseconds the page reported for its last run. */
const reportedMillis = async (page) => Number((await page.textContent('#run-status')).match(/(\d+) ms/)[1]);

test('the playground runs search_entries in the page and through /mcp, and draws charts', { timeout: 180_000 }, async (t) => {
  const loadStarted = Date.now();
  const { page, requests, problems, close } = await openPage();
  t.diagnostic(`page load to wasm ready: ${Date.now() - loadStarted} ms`);
  try {
    await fillAccount(page);
    await page.click('#connect-button');
    await page.waitForSelector('#playground:not([hidden])', { timeout: 30_000 });
    const toolCount = await page.locator('#tool option').count();
    assert.ok(toolCount >= 17, `${toolCount} tools listed`);

    // The form comes from the input schema: an enum is a select, a bounded number a number field.
    await page.selectOption('#tool', 'search_entries');
    assert.equal(await page.locator('#arg-search_type').evaluate((node) => node.tagName), 'SELECT');
    assert.equal(await page.getAttribute('#arg-max_results', 'type'), 'number');
    assert.equal(await page.getAttribute('#arg-max_results', 'max'), '100');
    // A required argument left empty is marked, and nothing runs.
    await page.click('#run-button');
    await page.waitForSelector('#arg-query-error:not([hidden])');

    const mcpBefore = requests.filter((r) => r.url() === worker.url).length;
    const inPage = await run(page, 'search_entries', { query: 'kubernetes', max_results: '5' });
    assert.ok(inPage.entries.length > 0, JSON.stringify(inPage));
    assert.match(await page.textContent('#run-status'), /in this page/);
    assert.equal(requests.filter((r) => r.url() === worker.url).length, mcpBefore, 'no /mcp call for an in-page run');
    assert.ok(requests.some((r) => r.url().startsWith(`${sim.url}/api_v3/service/elasticsearch_esearch`)), 'eSearch straight from the page');
    const inPageMillis = await reportedMillis(page);
    await page.screenshot({ path: path.join(SHOTS, '4-search-in-page.png'), fullPage: true });

    const viaServer = await run(page, 'search_entries', { query: 'kubernetes', max_results: '5' }, 'server');
    assert.match(await page.textContent('#run-status'), /through the server/);
    assert.equal(requests.filter((r) => r.url() === worker.url).length, mcpBefore + 1);
    assert.deepEqual(viaServer.entries.map((e) => e.id), inPage.entries.map((e) => e.id), 'both routes answer alike');
    t.diagnostic(`search_entries (5 results): ${inPageMillis} ms in the page, ${await reportedMillis(page)} ms through /mcp`);

    const series = await run(page, 'get_analytics_timeseries', { from_date: '2026-10-01', to_date: '2026-10-31' });
    assert.ok(series.series.length > 0 && series.series[0].points.length > 1, JSON.stringify(series).slice(0, 300));
    const points = await page.locator('#chart svg').first().locator('circle').count();
    assert.equal(points, series.series[0].points.length, 'one dot per point');
    await page.screenshot({ path: path.join(SHOTS, '5-timeseries-chart.png'), fullPage: true });

    const retention = await run(page, 'get_video_retention', { entry_id: inPage.entries[0].id, from_date: '2026-10-01', to_date: '2026-10-31' });
    if (retention.curve?.length) {
      assert.equal(await page.locator('#chart svg polyline').count(), 1);
      await page.screenshot({ path: path.join(SHOTS, '6-retention-chart.png'), fullPage: true });
    } else {
      assert.equal(await page.isHidden('#chart'), true, 'no chart without a curve');
    }
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('readable at phone width: nothing wider than the screen; CSP headers served', { timeout: 60_000 }, async () => {
  const served = await fetch(`${worker.base}/`);
  const policy = served.headers.get('content-security-policy') ?? '';
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(policy, /frame-ancestors 'none'/);
  assert.equal((await fetch(`${worker.base}/_headers`)).status, 404, 'the header rules are not served');
  const { page, close } = await openPage('', { width: 375, height: 812 });
  try {
    await fillAccount(page);
    await page.click('#connect-button');
    await page.waitForSelector('#configs:not([hidden])', { timeout: 30_000 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `page is ${width}px wide`);
    await page.screenshot({ path: path.join(SHOTS, '7-phone.png'), fullPage: true });
  } finally {
    await close();
  }
});

test('an MCP client\'s OAuth step finished from the page, with the secret kept in the browser', { timeout: 120_000 }, async () => {
  const port = await freePort();
  const redirectUri = `http://127.0.0.1:${port}/callback`;
  const callback = http.createServer((_, response) => response.end('ok'));
  await new Promise((resolve) => callback.listen(port, '127.0.0.1', resolve));
  const { page, requests, close } = await openPage();
  try {
    const registered = await (await fetch(`${worker.base}/register`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_name: 'e2e page client', redirect_uris: [redirectUri], token_endpoint_auth_method: 'none' }),
    })).json();
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const params = new URLSearchParams({
      response_type: 'code', client_id: registered.client_id, redirect_uri: redirectUri, state: 'st-1',
      code_challenge: challenge, code_challenge_method: 'S256', resource: worker.url,
    });
    // The server's consent page links to this page with the same request.
    const consent = await (await fetch(`${worker.base}/authorize?${params}`)).text();
    const link = consent.match(/<a href="(\/\?[^"]+)">/)[1].replace(/&amp;/g, '&');
    await page.goto(`${worker.base}${link}`);
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(await page.isVisible('#oauth-banner'), true);
    assert.equal(await page.textContent('#oauth-return'), `127.0.0.1:${port}`);
    await fillAccount(page);
    const returned = page.waitForRequest((request) => request.url().startsWith(redirectUri), { timeout: 30_000 });
    await page.click('#connect-button');
    const back = new URL((await returned).url());
    assert.equal(back.searchParams.get('state'), 'st-1');
    const posted = requests.find((r) => r.url() === `${worker.base}/authorize` && r.method() === 'POST');
    assert.ok(!posted.postData().includes(sim.adminSecret), 'only a KS went to the server');
    const tokens = await (await fetch(`${worker.base}/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'authorization_code', code: back.searchParams.get('code'), code_verifier: verifier, client_id: registered.client_id, redirect_uri: redirectUri }),
    })).json();
    assert.match(tokens.access_token ?? '', /^kmcp_/, JSON.stringify(tokens));
    const described = await describeToken(tokens.access_token);
    assert.equal(described.credentials, 'ks');
    assert.equal(described.partnerId, sim.partnerId);
  } finally {
    await close();
    callback.close();
  }
});

test('the server\'s own consent form (no script) also returns to the MCP client in Chromium', { timeout: 120_000 }, async () => {
  const port = await freePort();
  const redirectUri = `http://127.0.0.1:${port}/callback`;
  const callback = http.createServer((_, response) => response.end('ok'));
  await new Promise((resolve) => callback.listen(port, '127.0.0.1', resolve));
  const { page, close } = await openPage();
  try {
    const registered = await (await fetch(`${worker.base}/register`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_name: 'e2e form client', redirect_uris: [redirectUri], token_endpoint_auth_method: 'none' }),
    })).json();
    const challenge = createHash('sha256').update(randomBytes(32).toString('base64url')).digest('base64url');
    const params = new URLSearchParams({ response_type: 'code', client_id: registered.client_id, redirect_uri: redirectUri, state: 'st-2', code_challenge: challenge, code_challenge_method: 'S256' });
    await page.goto(`${worker.base}/authorize?${params}`);
    await page.fill('#serviceUrl', sim.url);
    await page.fill('#partnerId', String(sim.partnerId));
    await page.fill('#adminSecret', sim.adminSecret);
    // Browsers apply a CSP form-action to the redirect after the post as well.
    const returned = page.waitForRequest((request) => request.url().startsWith(redirectUri), { timeout: 30_000 });
    await page.click('button[type="submit"]');
    const back = new URL((await returned).url());
    assert.equal(back.searchParams.get('state'), 'st-2');
    assert.match(back.searchParams.get('code') ?? '', /\S/);
  } finally {
    await close();
    callback.close();
  }
});
