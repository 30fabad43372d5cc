// The page's wasm (www/, built by `make build` into www/static/pkg) loaded
// in Node with `initSync`, exercised through what it exports to the page:
// the tool list, KS minting in the page (checked by the simulator), the
// credential check and a tool run against the simulator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startSimulator, ROOT } from './harness.mjs';

const PKG = path.join(ROOT, 'www/static/pkg');
let web;
let sim;

before(async () => {
  if (!existsSync(path.join(PKG, 'kaltura_mcp_web_bg.wasm'))) throw new Error(`${PKG} is missing: run \`make build\` first`);
  // gloo-net picks the global scope's fetch by asking whether it runs in a
  // window or a worker; Node's global scope offers the same fetch.
  globalThis.WorkerGlobalScope ??= class WorkerGlobalScope {};
  web = await import(pathToFileURL(path.join(PKG, 'kaltura_mcp_web.js')).href);
  web.initSync({ module: readFileSync(path.join(PKG, 'kaltura_mcp_web_bg.wasm')) });
  sim = await startSimulator();
});

after(async () => {
  await sim?.stop();
});

/** What Kaltura says about a KS (`session.get`). */
async function sessionOf(ks) {
  const response = await fetch(`${sim.url}/api_v3/service/session/action/get?format=1`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ks, format: 1 }),
  });
  return response.json();
}

const rejection = async (promise) => {
  try {
    await promise;
  } catch (refused) {
    return refused;
  }
  assert.fail('expected a rejection');
};

test('the tool list is the server\'s, with input schemas', () => {
  const tools = web.toolList();
  assert.ok(tools.length >= 17, `${tools.length} tools`);
  const search = tools.find((tool) => tool.name === 'search_entries');
  assert.equal(search.inputSchema.type, 'object');
  assert.deepEqual(search.inputSchema.required, ['query']);
  assert.ok(tools.every((tool) => tool.annotations.readOnlyHint === true));
});

test('a KS minted in the page is accepted by Kaltura, with its user and lifetime', async () => {
  const before = Math.floor(Date.now() / 1000);
  const ks = web.mintKs(sim.partnerId, sim.adminSecret, 'page-user', 3600);
  assert.match(ks, /^[A-Za-z0-9_-]+={0,2}$/);
  const session = await sessionOf(ks);
  assert.equal(session.objectType, 'KalturaSessionInfo', JSON.stringify(session));
  assert.equal(session.partnerId, sim.partnerId);
  assert.equal(session.userId, 'page-user');
  assert.ok(session.expiry >= before + 3600 && session.expiry <= before + 3700, `${session.expiry - before}s`);
  // A KS from the wrong secret is refused by Kaltura.
  const forged = await sessionOf(web.mintKs(sim.partnerId, 'f'.repeat(32), '', 3600));
  assert.equal(forged.objectType, 'KalturaAPIException');
});

test('KS minting refuses bad input with the field to fix', () => {
  const field = (run) => {
    try {
      run();
    } catch (refused) {
      return refused.field;
    }
    return 'no error';
  };
  assert.equal(field(() => web.mintKs(0, sim.adminSecret, '', 3600)), 'partnerId');
  assert.equal(field(() => web.mintKs(1.5, sim.adminSecret, '', 3600)), 'partnerId');
  assert.equal(field(() => web.mintKs(sim.partnerId, ' ', '', 3600)), 'adminSecret');
  assert.equal(field(() => web.mintKs(sim.partnerId, sim.adminSecret, '', 10)), 'expiresIn');
  assert.equal(field(() => web.mintKs(sim.partnerId, sim.adminSecret, '', 31 * 86400)), 'expiresIn');
});

test('connect checks credentials with Kaltura and names the field it refuses', async () => {
  const good = { serviceUrl: sim.url, partnerId: String(sim.partnerId), adminSecret: sim.adminSecret, userId: 'checker', expiresIn: 3600 };
  const connection = await web.connect(good);
  assert.equal(connection.info.partnerId, sim.partnerId);
  assert.equal(connection.info.userId, 'checker');
  assert.equal(connection.info.credentials, 'admin_secret');
  assert.ok(!JSON.stringify(connection.info).includes(sim.adminSecret), 'no secret in the description');
  // The KS this connection makes is itself accepted as a credential.
  const viaKs = await web.connect({ serviceUrl: sim.url, partnerId: sim.partnerId, ks: connection.mintKs(600) });
  assert.equal(viaKs.info.credentials, 'ks');
  assert.equal(viaKs.info.userId, '');

  const cases = [
    [{ adminSecret: 'f'.repeat(32) }, 'adminSecret', /refused/],
    [{ partnerId: undefined }, 'partnerId', /required/],
    [{ partnerId: 'abc' }, 'partnerId', /positive integer/],
    [{ serviceUrl: 'ftp://example.com' }, 'serviceUrl', /service URL/],
    [{ expiresIn: 5 }, 'expiresIn', /60/],
    [{ adminSecret: undefined }, 'adminSecret', /required/],
    [{ serviceUrl: 'http://127.0.0.1:9' }, 'serviceUrl', /could not be reached/],
  ];
  for (const [change, field, message] of cases) {
    const refused = await rejection(web.connect({ ...good, ...change }));
    assert.equal(refused.field, field, JSON.stringify(change));
    assert.match(refused.message, message, JSON.stringify(change));
    assert.ok(!refused.message.includes(sim.adminSecret));
  }
});

test('tools run in the page against Kaltura through the same core', async () => {
  const connection = await web.connect({ serviceUrl: sim.url, partnerId: sim.partnerId, adminSecret: sim.adminSecret, expiresIn: 3600 });
  const found = await connection.runTool('search_entries', { query: '*', max_results: 5 });
  assert.notEqual(found.isError, true, JSON.stringify(found.content));
  assert.ok(found.structuredContent.entries.length > 0 && found.structuredContent.entries.length <= 5);
  assert.match(found.content[0].text, /\S/);
  const status = await connection.runTool('get_connection_status', {});
  assert.equal(status.structuredContent.partnerId, sim.partnerId);
  // A tool's own refusal is a result; an unknown tool is a rejection.
  const bounded = await connection.runTool('search_entries', { query: '*', max_results: 1000 });
  assert.equal(bounded.isError, true);
  const unknown = await rejection(connection.runTool('no_such_tool', {}));
  assert.match(unknown.message, /no_such_tool/);
});
