// The official conformance suite (@modelcontextprotocol/conformance) against
// the worker in product mode (no fixture tools). Each product-agnostic
// scenario runs on its own, at the wire era of its requirement set
// (`--scenario X --spec-version <rev> --force`, which is what `--requirements`
// does per scenario), with tests/e2e/conformance-baseline.yml as the
// expected-failures baseline. Results land in results/conformance-<rev>/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startWorker, childEnv, ROOT } from './harness.mjs';

const CLI = path.join(ROOT, 'node_modules/.bin/conformance');
const BASELINE = path.join(ROOT, 'tests/e2e/conformance-baseline.yml');
const SETS = {
  '2025-11-25': ['server-initialize', 'ping', 'tools-list', 'resources-list', 'prompts-list',
    'dns-rebinding-protection', 'server-sse-multiple-streams', 'server-session-lifecycle'],
  '2026-07-28': ['server-stateless', 'tools-list', 'resources-list', 'prompts-list',
    'dns-rebinding-protection', 'caching'],
};
const isFailed = (c) => c.status === 'FAILURE' || c.status === 'WARNING';

// `server:` entries of our own baseline file, as `scenario:check-id` strings.
const baseline = readFileSync(BASELINE, 'utf8').split('\n')
  .map((l) => l.match(/^\s*-\s*([^\s#]+)/)?.[1]).filter(Boolean);

function runCli(args) {
  return new Promise((resolve) => {
    execFile(CLI, args, { cwd: ROOT, env: childEnv(), timeout: 120_000, maxBuffer: 32 << 20 },
      (err, stdout, stderr) => resolve({ code: err ? (err.code ?? err.signal) : 0, out: stdout + stderr }));
  });
}

function readChecks(dir) {
  const runs = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory());
  assert.equal(runs.length, 1, `one result dir in ${dir}`);
  return JSON.parse(readFileSync(path.join(dir, runs[0].name, 'checks.json'), 'utf8'));
}

let worker;
before(async () => { worker = await startWorker(); });
after(async () => { await worker?.stop(); });

test('baseline entries name scenarios that are run', () => {
  assert.ok(baseline.length > 0);
  const run = new Set(Object.values(SETS).flat());
  for (const entry of baseline) assert.ok(run.has(entry.split(':')[0]), `baseline entry ${entry}`);
});

for (const [revision, scenarios] of Object.entries(SETS)) {
  test(`conformance --spec-version ${revision}`, { timeout: 600_000 }, async (t) => {
    const outRoot = path.join(ROOT, 'results', `conformance-${revision}`);
    rmSync(outRoot, { recursive: true, force: true });
    const results = [];

    for (const scenario of scenarios) {
      await t.test(scenario, async () => {
        const outDir = path.join(outRoot, scenario);
        mkdirSync(outDir, { recursive: true });
        const { code, out } = await runCli(['server', '--url', worker.url, '--scenario', scenario,
          '--spec-version', revision, '--force', '--expected-failures', BASELINE, '-o', outDir]);
        const checks = readChecks(outDir);
        results.push({ scenario, checks });
        assert.ok(checks.length > 0, `${scenario} ran at least one check`);
        const unexpected = checks.filter((c) => isFailed(c) && !baseline.includes(`${scenario}:${c.id}`));
        assert.deepEqual(unexpected.map((c) => `${c.id}: ${c.errorMessage}`), [], 'unexpected failures');
        for (const entry of baseline.filter((e) => e.startsWith(`${scenario}:`))) {
          const check = checks.find((c) => `${scenario}:${c.id}` === entry);
          assert.ok(check && isFailed(check), `stale baseline entry ${entry} (status: ${check?.status ?? 'absent'})`);
          assert.match(check.errorMessage ?? '', /^Not testable/, `${entry} fails only for lack of fixtures`);
        }
        assert.equal(code, 0, `conformance CLI exit code\n${out}`);
      });
    }

    const all = results.flatMap((r) => r.checks);
    const count = (s) => all.filter((c) => c.status === s).length;
    const verdicts = all.filter((c) => c.status === 'SUCCESS' || isFailed(c)).length;
    const clean = results.filter((r) => !r.checks.some(isFailed)).length;
    const expected = all.filter(isFailed).length;
    t.diagnostic(`conformance ${revision} (product mode, no fixtures): ` +
      `scenarios ${clean}/${scenarios.length} passed` +
      (clean < scenarios.length ? ` (${scenarios.length - clean} with baselined not-testable checks)` : '') +
      `; checks ${count('SUCCESS')}/${verdicts} passed, ${expected} expected failures, ` +
      `${count('SKIPPED')} skipped, ${count('INFO')} info`);
    assert.equal(results.length, scenarios.length, 'every scenario produced results');
  });
}
