// The conformance suite's authorization-server scenarios
// (`authorization-server-metadata-endpoint`, `authorization-code-grant`)
// against wrangler dev. The suite prints an authorization URL for a person
// to open; this test plays that person: it opens the consent page, submits
// the simulator's credentials, and follows the redirect to the suite's
// callback. Results land in results/conformance-authorization/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { startWorker, startSimulator, childEnv, freePort, ROOT } from './harness.mjs';

const CLI = path.join(ROOT, 'node_modules/.bin/conformance');
let sim;
let worker;

before(async () => {
  sim = await startSimulator();
  worker = await startWorker({ vars: { KALTURA_SERVICE_URL: sim.url }, multiTenant: true });
});

after(async () => {
  await worker?.stop();
  await sim?.stop();
});

/** Every checks.json under `dir`. */
function allChecks(dir) {
  const found = [];
  const walk = (at) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'checks.json') found.push(...JSON.parse(readFileSync(full, 'utf8')));
    }
  };
  if (existsSync(dir)) walk(dir);
  return found;
}

test('authorization-server-metadata-endpoint and authorization-code-grant pass', { timeout: 300_000 }, async () => {
  const port = await freePort();
  const redirectUri = `http://127.0.0.1:${port}/callback`;
  const registered = await fetch(`${worker.base}/register`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_name: 'conformance', redirect_uris: [redirectUri] }),
  });
  assert.equal(registered.status, 201);
  const { client_id: clientId } = await registered.json();

  const outDir = path.join(ROOT, 'results', 'conformance-authorization');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const child = spawn(CLI, [
    'authorization', '--url', worker.base, '--client-id', clientId, '--resource', `${worker.base}/mcp`,
    '--port', String(port), '--output-dir', outDir,
  ], { cwd: ROOT, env: childEnv() });
  let output = '';
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const authorizationUrl = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no authorization URL printed:\n${output}`)), 120_000);
    const read = (chunk) => {
      output += chunk;
      const match = output.match(/(http:\/\/127\.0\.0\.1:\d+\/authorize\?\S+)/);
      if (match) { clearTimeout(timer); resolve(match[1]); }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    exited.then(() => { clearTimeout(timer); reject(new Error(`the suite exited early:\n${output}`)); });
  });

  // The person's part: consent with the simulator's partner.
  const html = await (await fetch(authorizationUrl)).text();
  const form = new URLSearchParams();
  const unescape = (t) => t.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([a-z_]+)" value="([^"]*)">/g)) form.set(name, unescape(value));
  form.set('serviceUrl', sim.url);
  form.set('partnerId', String(sim.partnerId));
  form.set('adminSecret', sim.adminSecret);
  const consented = await fetch(`${worker.base}/authorize`, { method: 'POST', body: form, redirect: 'manual' });
  assert.equal(consented.status, 302, await consented.text());
  await fetch(consented.headers.get('location'));

  const code = await exited;
  const checks = allChecks(outDir);
  const failed = checks.filter((c) => c.status === 'FAILURE' || c.status === 'WARNING');
  assert.deepEqual(failed.map((c) => `${c.id}: ${c.errorMessage ?? ''}`), [], output);
  // The scenarios' own check ids.
  for (const id of ['authorization-server-metadata', 'authorization-code-grant']) {
    assert.ok(checks.some((c) => c.id === id && c.status === 'SUCCESS'), `${id} passed:\n${output}`);
  }
  assert.match(output, /authorization-server-metadata-endpoint: \d+ passed, 0 failed/);
  assert.match(output, /authorization-code-grant: \d+ passed, 0 failed/);
  assert.equal(code, 0, output);
});
