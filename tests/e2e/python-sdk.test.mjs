// The official Python SDK (mcp==2.3.0, tests/e2e/python/) against the worker,
// in both eras: mode "legacy" (initialize handshake → 2025-11-25) and mode
// "auto" (server/discover probe → 2026-07-28). Creates tests/e2e/.venv first
// if it is missing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { startWorker, ROOT } from './harness.mjs';
import { assertDemoToolListed, assertDemoToolResult } from './common.mjs';

const run = promisify(execFile);
const E2E = path.join(ROOT, 'tests/e2e');
const VENV_PY = path.join(E2E, '.venv/bin/python');

async function ensureVenv() {
  if (existsSync(VENV_PY)) return;
  await run('python3', ['-m', 'venv', path.join(E2E, '.venv')], { timeout: 120_000 });
  await run(VENV_PY, ['-m', 'pip', 'install', '-q', '-r', path.join(E2E, 'python/requirements.txt')],
    { timeout: 600_000, maxBuffer: 16 << 20 });
}

let worker;
before(async () => {
  await ensureVenv();
  worker = await startWorker();
}, { timeout: 700_000 });
after(async () => { await worker?.stop(); });

test('python sdk: both eras list tools and call the demo tool', { timeout: 90_000 }, async () => {
  let stdout;
  try {
    ({ stdout } = await run(VENV_PY, [path.join(E2E, 'python/client_smoke.py'), worker.url],
      { timeout: 80_000, maxBuffer: 16 << 20 }));
  } catch (e) {
    assert.fail(`client_smoke.py failed (${e.code ?? e.signal}):\n${e.stdout}\n${e.stderr}`);
  }
  const out = JSON.parse(stdout);
  const expected = { legacy: '2025-11-25', auto: '2026-07-28' };
  for (const [mode, version] of Object.entries(expected)) {
    const r = out[mode];
    assert.ok(r, `result for mode ${mode}`);
    assert.equal(r.protocol_version, version, `${mode}: negotiated version`);
    assert.equal(r.server_name, 'kaltura-mcp', `${mode}: server name`);
    assertDemoToolListed(r.tools);
    assertDemoToolResult(r.call);
  }
});
