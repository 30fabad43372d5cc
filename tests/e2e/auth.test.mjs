// Multi-tenant auth through wrangler dev (workerd + local KV) and the
// simulator: tokens minted, used, described, tampered, expired and revoked;
// the raw KV value holds nothing in clear; SSRF attempts refused; header
// credentials; tenant isolation; and the OAuth flow driven by the official
// TypeScript SDK's client (its browser redirect answered by this test).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { auth } from '@modelcontextprotocol/sdk/client/auth.js';
import { startWorker, startSimulator, childEnv, ROOT } from './harness.mjs';

let sim;
let worker;

before(async () => {
  sim = await startSimulator();
  // Multi-tenant: no account configured, so /mcp needs a token.
  worker = await startWorker({ vars: { KALTURA_SERVICE_URL: sim.url, ALLOW_HEADER_CREDENTIALS: 'true' }, multiTenant: true });
});

after(async () => {
  await worker?.stop();
  await sim?.stop();
});

const json = (body) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function mint(body) {
  const response = await fetch(`${worker.base}/api/tokens`, json({ partnerId: sim.partnerId, ...body }));
  return { status: response.status, body: await response.json() };
}

async function connect(headers) {
  const client = new Client({ name: 'e2e-auth', version: '0.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(worker.url), { requestInit: { headers } }), { timeout: 10_000 });
  return client;
}

async function status(headers) {
  const client = await connect(headers);
  try {
    const result = await client.callTool({ name: 'get_connection_status', arguments: {} });
    assert.notEqual(result.isError, true, JSON.stringify(result.content));
    return result.structuredContent;
  } finally {
    await client.close();
  }
}

const rpc = (token) => fetch(worker.url, {
  method: 'POST',
  headers: {
    'content-type': 'application/json', accept: 'application/json, text/event-stream',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  },
  body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }),
});

test('without a token /mcp is 401 pointing at the resource metadata', async () => {
  const response = await rpc();
  assert.equal(response.status, 401);
  const challenge = response.headers.get('www-authenticate');
  assert.match(challenge, /^Bearer resource_metadata="http:\/\/127\.0\.0\.1:\d+\/\.well-known\/oauth-protected-resource\/mcp"/);
  const metadata = await (await fetch(`${worker.base}/.well-known/oauth-protected-resource/mcp`)).json();
  assert.equal(metadata.resource, `${worker.base}/mcp`);
  assert.deepEqual(metadata.authorization_servers, [worker.base]);
});

test('mint → use → describe → revoke → 401', { timeout: 60_000 }, async () => {
  const minted = await mint({ adminSecret: sim.adminSecret, userId: 'analyst', expiresIn: 3600 });
  assert.equal(minted.status, 201, JSON.stringify(minted.body));
  const { token, mcpUrl } = minted.body;
  assert.match(token, /^kmcp_[A-Za-z0-9_-]{80,}$/);
  assert.equal(mcpUrl, worker.url);
  const connected = await status({ authorization: `Bearer ${token}` });
  assert.equal(connected.partnerId, sim.partnerId);
  assert.equal(connected.userId, 'analyst');

  const described = await (await fetch(`${worker.base}/api/tokens/current`, { headers: { authorization: `Bearer ${token}` } })).json();
  assert.equal(described.partnerId, sim.partnerId);
  assert.equal(described.credentials, 'admin_secret');
  assert.ok(!JSON.stringify(described).includes(sim.adminSecret), 'no secret in the description');

  const revoked = await fetch(`${worker.base}/api/tokens/current`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
  assert.equal(revoked.status, 204);
  assert.equal((await rpc(token)).status, 401);
});

test('a tampered token gets the same 401 as an unknown one', { timeout: 60_000 }, async () => {
  const { body } = await mint({ adminSecret: sim.adminSecret });
  assert.equal((await rpc(body.token)).status, 200);
  const last = body.token.at(-1) === 'A' ? 'B' : 'A';
  const tampered = body.token.slice(0, -1) + last;
  const refused = await rpc(tampered);
  const unknown = await rpc(`kmcp_${'x'.repeat(120)}`);
  assert.equal(refused.status, 401);
  assert.deepEqual(await refused.json(), await unknown.json());
});

test('an expired token is refused', { timeout: 60_000 }, async () => {
  // A KS that lives 2 seconds bounds the token made from it.
  const start = await fetch(`${sim.url}/api_v3/service/session/action/start?format=1`, json({
    secret: sim.adminSecret, partnerId: sim.partnerId, type: 2, expiry: 2,
  }));
  const ks = await start.json();
  const minted = await mint({ ks });
  assert.equal(minted.status, 201, JSON.stringify(minted.body));
  assert.equal((await rpc(minted.body.token)).status, 200);
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  assert.equal((await rpc(minted.body.token)).status, 401);
});

test('a wrong secret mints nothing and names the field', async () => {
  const refused = await mint({ adminSecret: 'ffffffffffffffffffffffffffffffff' });
  assert.equal(refused.status, 400);
  assert.equal(refused.body.field, 'adminSecret');
  assert.equal(refused.body.token, undefined);
  const noPartner = await fetch(`${worker.base}/api/tokens`, json({ adminSecret: sim.adminSecret }));
  assert.equal((await noPartner.json()).field, 'partnerId');
});

test('service URLs that would turn the worker against other hosts are refused', async () => {
  for (const serviceUrl of ['http://169.254.169.254', 'file:///etc/passwd', 'https://evil.example', 'https://www.kaltura.com.evil.example', 'http://localhost:8080']) {
    const refused = await mint({ adminSecret: sim.adminSecret, serviceUrl });
    assert.equal(refused.status, 400, serviceUrl);
    assert.equal(refused.body.field, 'serviceUrl', serviceUrl);
    assert.match(refused.body.message, /service URL/i, serviceUrl);
  }
});

test('the raw KV value holds neither the secret nor the partner id in clear', { timeout: 120_000 }, async () => {
  const { body } = await mint({ adminSecret: sim.adminSecret });
  const wrangler = path.join(ROOT, 'node_modules/.bin/wrangler');
  const kv = (...args) => execFileSync(wrangler, ['kv', 'key', ...args, '--binding', 'KALTURA_MCP_KV', '--local', '--persist-to', worker.persist], { cwd: ROOT, env: childEnv() });
  const keys = JSON.parse(kv('list').toString()).map((k) => k.name).filter((name) => name.startsWith('token:'));
  assert.ok(keys.length > 0, 'tokens are stored');
  for (const key of keys) {
    assert.ok(!key.includes(body.token.slice(5)), 'the key is a digest, not the token');
    const raw = kv('get', key);
    for (const clear of [sim.adminSecret, String(sim.partnerId), 'admin_secret', sim.url]) {
      assert.ok(!raw.includes(Buffer.from(clear)), `"${clear}" appears in clear in ${key}`);
    }
  }
});

test('header credentials work when allowed, and a bearer token wins over them', { timeout: 60_000 }, async () => {
  const byHeaders = await status({ 'x-kaltura-partner-id': String(sim.partnerId), 'x-kaltura-admin-secret': sim.adminSecret, 'x-kaltura-user-id': 'scripted' });
  assert.equal(byHeaders.userId, 'scripted');
  const wrong = await rpc(`kmcp_${'y'.repeat(120)}`);
  assert.equal(wrong.status, 401);
});

test('tenants are isolated, cached answers included', { timeout: 60_000 }, async () => {
  // Tenant A: an admin. Tenant B: a user session of the same partner, which
  // may list only its own entries. B must not get A's (cached) answers.
  const admin = await mint({ adminSecret: sim.adminSecret });
  const start = await fetch(`${sim.url}/api_v3/service/session/action/start?format=1`, json({
    secret: sim.adminSecret, partnerId: sim.partnerId, type: 0, userId: 'nobody@demo.example', expiry: 3600,
  }));
  const user = await mint({ ks: await start.json() });
  assert.equal(user.status, 201, JSON.stringify(user.body));
  const read = async (token) => {
    const client = await connect({ authorization: `Bearer ${token}` });
    try {
      const { contents } = await client.readResource({ uri: 'kaltura://media/recent/10' });
      return JSON.parse(contents[0].text);
    } finally {
      await client.close();
    }
  };
  const adminView = await read(admin.body.token);
  assert.equal(adminView.entries.length, 10);
  const userView = await read(user.body.token);
  assert.equal(userView.entries.length, 0, 'the user session sees none of the admin\'s entries');
});

test('OAuth with the SDK client: register, consent, PKCE code, token, refresh, wrong verifier refused', { timeout: 120_000 }, async () => {
  const redirectUrl = 'http://127.0.0.1:9/callback';
  let authorizationUrl;
  const store = {};
  const provider = {
    get redirectUrl() { return redirectUrl; },
    get clientMetadata() { return { client_name: 'e2e OAuth client', redirect_uris: [redirectUrl], grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'none' }; },
    clientInformation: () => store.client,
    saveClientInformation: (info) => { store.client = info; },
    tokens: () => store.tokens,
    saveTokens: (tokens) => { store.tokens = tokens; },
    redirectToAuthorization: (url) => { authorizationUrl = url; },
    saveCodeVerifier: (verifier) => { store.verifier = verifier; },
    codeVerifier: () => store.verifier,
  };
  assert.equal(await auth(provider, { serverUrl: worker.url }), 'REDIRECT');
  assert.ok(store.client.client_id.startsWith('kc_'));
  assert.equal(authorizationUrl.searchParams.get('code_challenge_method'), 'S256');

  // The person's part: the consent page, filled in and submitted.
  const page = await fetch(authorizationUrl);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.doesNotMatch(html, /<script/);
  const unescape = (text) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const form = new URLSearchParams();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([a-z_]+)" value="([^"]*)">/g)) form.set(name, unescape(value));
  form.set('serviceUrl', sim.url);
  form.set('partnerId', String(sim.partnerId));

  form.set('adminSecret', 'ffffffffffffffffffffffffffffffff');
  const wrongSecret = await fetch(`${worker.base}/authorize`, { method: 'POST', body: form, redirect: 'manual' });
  assert.equal(wrongSecret.status, 400);
  assert.match(await wrongSecret.text(), /data-field="adminSecret"/);

  form.set('adminSecret', sim.adminSecret);
  const consented = await fetch(`${worker.base}/authorize`, { method: 'POST', body: form, redirect: 'manual' });
  assert.equal(consented.status, 302);
  const callback = new URL(consented.headers.get('location'));
  assert.equal(`${callback.origin}${callback.pathname}`, redirectUrl);
  assert.equal(callback.searchParams.get('iss'), worker.base);
  const code = callback.searchParams.get('code');

  assert.equal(await auth(provider, { serverUrl: worker.url, authorizationCode: code }), 'AUTHORIZED');
  assert.ok(store.tokens.access_token && store.tokens.refresh_token);

  const client = new Client({ name: 'e2e-oauth', version: '0.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(worker.url), { authProvider: provider }), { timeout: 10_000 });
  const result = await client.callTool({ name: 'get_connection_status', arguments: {} });
  assert.equal(result.structuredContent.partnerId, sim.partnerId);
  await client.close();

  // A code is used once.
  const token = (body) => fetch(`${worker.base}/token`, { method: 'POST', body: new URLSearchParams(body) });
  const replay = await token({ grant_type: 'authorization_code', code, code_verifier: store.verifier, client_id: store.client.client_id, redirect_uri: redirectUrl });
  assert.equal(replay.status, 400);
  assert.equal((await replay.json()).error, 'invalid_grant');

  // Refresh rotates: the old refresh token is dead after one use.
  const oldRefresh = store.tokens.refresh_token;
  const refreshed = await token({ grant_type: 'refresh_token', refresh_token: oldRefresh, client_id: store.client.client_id });
  assert.equal(refreshed.status, 200);
  assert.equal(refreshed.headers.get('cache-control'), 'no-store');
  const fresh = await refreshed.json();
  assert.notEqual(fresh.refresh_token, oldRefresh);
  assert.equal((await rpc(fresh.access_token)).status, 200);
  const reused = await token({ grant_type: 'refresh_token', refresh_token: oldRefresh, client_id: store.client.client_id });
  assert.equal(reused.status, 400);

  // A fresh code with the wrong verifier is refused.
  store.verifier = undefined;
  store.tokens = undefined;
  assert.equal(await auth(provider, { serverUrl: worker.url }), 'REDIRECT');
  const again = await fetch(`${worker.base}/authorize`, {
    method: 'POST', redirect: 'manual',
    body: new URLSearchParams({ ...Object.fromEntries(form), code_challenge: authorizationUrl.searchParams.get('code_challenge') }),
  });
  const secondCode = new URL(again.headers.get('location')).searchParams.get('code');
  const wrongVerifier = await token({ grant_type: 'authorization_code', code: secondCode, code_verifier: 'x'.repeat(43), client_id: store.client.client_id, redirect_uri: redirectUrl });
  assert.equal(wrongVerifier.status, 400);
  assert.equal((await wrongVerifier.json()).error, 'invalid_grant');
});

test('each identity is rate limited with 429 and Retry-After', { timeout: 60_000 }, async () => {
  const limited = await startWorker({ vars: { KALTURA_SERVICE_URL: sim.url, RATE_LIMIT_PER_MINUTE: '3' }, multiTenant: true });
  try {
    const minted = await fetch(`${limited.base}/api/tokens`, json({ partnerId: sim.partnerId, adminSecret: sim.adminSecret }));
    const { token } = await minted.json();
    const call = () => fetch(limited.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${token}` },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
    });
    // Three pass, the fourth is refused (a minute turning over in between
    // restarts the count, hence up to eight tries).
    const statuses = [];
    let refused;
    for (let i = 0; i < 8 && !refused; i++) {
      const response = await call();
      statuses.push(response.status);
      if (response.status === 429) refused = response;
    }
    assert.ok(refused, `no 429 in ${statuses}`);
    assert.deepEqual(statuses.slice(-4), [200, 200, 200, 429]);
    const retry = Number(refused.headers.get('retry-after'));
    assert.ok(retry >= 1 && retry <= 60, `Retry-After ${retry}`);
    assert.match((await refused.json()).error.message, /Rate limit/);
  } finally {
    await limited.stop();
  }
});
