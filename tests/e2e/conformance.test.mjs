// The official MCP conformance suite (@modelcontextprotocol/conformance)
// against the worker under `wrangler dev` with CONFORMANCE_FIXTURES=true:
// `conformance server --requirements <revision>` for both requirement sets,
// every required server scenario passing, with no expected-failures file.
// Results land in results/conformance-<revision>/; the figure printed is the
// one README quotes ("N/N required scenarios").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { startWorker, childEnv, ROOT } from './harness.mjs';

const CLI = path.join(ROOT, 'node_modules/.bin/conformance');
const REVISIONS = ['2025-11-25', '2026-07-28'];
const failed = (check) => check.status === 'FAILURE' || check.status === 'WARNING';

function runCli(args) {
  return new Promise((resolve) => {
    execFile(CLI, args, { cwd: ROOT, env: childEnv(), timeout: 600_000, maxBuffer: 64 << 20 },
      (err, stdout, stderr) => resolve({ code: err ? (err.code ?? err.signal) : 0, out: stdout + stderr }));
  });
}

/** The server scenarios a requirement set scores, from `conformance list`. */
async function requiredScenarios(revision) {
  const { code, out } = await runCli(['list', '--requirements', revision]);
  assert.equal(code, 0, out);
  const section = out.split('Server scenarios')[1]?.split(/\n\s*\n/)[0] ?? '';
  return [...section.matchAll(/^\s+- (\S+)$/gm)].map((m) => m[1]);
}

/** checks.json of each scenario run under `dir`, by scenario name. */
function resultsBy(dir) {
  const byScenario = new Map();
  for (const run of readdirSync(dir)) {
    if (!statSync(path.join(dir, run)).isDirectory()) continue;
    const scenario = run.replace(/^server-/, '').replace(/-\d{4}-\d{2}-\d{2}T.*$/, '');
    byScenario.set(scenario, JSON.parse(readFileSync(path.join(dir, run, 'checks.json'), 'utf8')));
  }
  return byScenario;
}

let worker;
before(async () => {
  // The suites send a few hundred requests a minute from one address.
  worker = await startWorker({ vars: { CONFORMANCE_FIXTURES: 'true', RATE_LIMIT_PER_MINUTE: '100000' } });
});
after(async () => { await worker?.stop(); });

for (const revision of REVISIONS) {
  test(`conformance --requirements ${revision}`, { timeout: 900_000 }, async (t) => {
    const required = await requiredScenarios(revision);
    assert.ok(required.length >= 30, `the ${revision} set lists its server scenarios (${required.length})`);
    const outDir = path.join(ROOT, 'results', `conformance-${revision}`);
    rmSync(outDir, { recursive: true, force: true });
    const { code, out } = await runCli(['server', '--url', worker.url, '--requirements', revision, '-o', outDir]);
    const results = resultsBy(outDir);

    const failures = [];
    let passing = 0;
    for (const scenario of required) {
      const checks = results.get(scenario);
      if (!checks || checks.length === 0) {
        failures.push(`${scenario}: no checks ran`);
        continue;
      }
      const bad = checks.filter(failed);
      if (bad.length === 0) passing += 1;
      for (const check of bad) failures.push(`${scenario}: ${check.id} ${check.status}: ${check.errorMessage}`);
    }
    const checks = required.flatMap((s) => results.get(s) ?? []);
    t.diagnostic(`conformance ${revision} (fixtures on): ${passing}/${required.length} required scenarios, ` +
      `${checks.filter((c) => c.status === 'SUCCESS').length} checks passed, ` +
      `${checks.filter(failed).length} failed or warned`);
    assert.deepEqual(failures, [], `required scenarios failing\n${out.slice(-4000)}`);
    assert.equal(code, 0, `conformance CLI exit code\n${out.slice(-4000)}`);
  });
}

test('fixtures are absent unless CONFORMANCE_FIXTURES is set', async () => {
  const product = await startWorker();
  try {
    const list = async (url) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
      });
      return (await response.json()).result.tools.map((tool) => tool.name);
    };
    const [withFixtures, without] = [await list(worker.url), await list(product.url)];
    assert.ok(withFixtures.includes('test_simple_text'));
    assert.ok(withFixtures.includes('search_entries'), 'the product tools stay beside the fixtures');
    assert.ok(!without.some((name) => name.startsWith('test_')), without.join(', '));
  } finally {
    await product.stop();
  }
});
