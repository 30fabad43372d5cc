// `make bench`: figures through wrangler dev (workerd + local KV) and the
// simulator at zero added latency, printed, never asserted.
//
// - tools/list and tools/call search_entries at concurrency 1, 8 and 32:
//   requests/s, p50 and p99, on a fresh worker (cold: first requests of
//   the isolate, KS not yet made) and then warm;
// - get_media_entry cold (every entry a cache miss) and warm (all hits);
// - Kaltura round trips per tool call, counted by the simulator.
//
// Bounded: each run is at most REQUESTS requests or RUN_MS milliseconds.
import { startWorker, startSimulator } from './harness.mjs';
import { rpc, pool, describe } from './load.mjs';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const RUN_MS = Number(process.env.BENCH_RUN_MS ?? 15_000);
const CONCURRENCY = [1, 8, 32];
const VARS = { RATE_LIMIT_PER_MINUTE: '1000000' };

const sim = await startSimulator();
const entries = (await import('../kaltura-sim/fixtures/entries.json', { with: { type: 'json' } })).default.map((e) => e.id);

async function run(worker, label, total, concurrency, call) {
  let failed = 0;
  const stats = await pool({
    total, concurrency, maxMs: RUN_MS,
    send: async (i) => {
      const [method, params] = call(i);
      const answer = await rpc(worker.url, i, method, params);
      if (answer.status !== 200 || !answer.message?.result || answer.message.result.isError) failed += 1;
    },
  });
  console.log(describe(label, stats) + (failed ? `  (${failed} failed)` : ''));
}

const list = () => ['tools/list', {}];
const search = (i) => ['tools/call', { name: 'search_entries', arguments: { query: ['kubernetes', 'quarterly', 'webinar', '*'][i % 4] } }];
const entry = (i) => ['tools/call', { name: 'get_media_entry', arguments: { entry_id: entries[i % entries.length] } }];

try {
  for (const concurrency of CONCURRENCY) {
    // A fresh worker per concurrency level: its first requests are cold.
    const worker = await startWorker({ vars: { ...sim.vars, ...VARS } });
    try {
      await run(worker, `tools/list c=${concurrency} cold (first ${concurrency * 4})`, concurrency * 4, concurrency, list);
      await run(worker, `tools/list c=${concurrency} warm`, REQUESTS, concurrency, list);
      await run(worker, `search_entries c=${concurrency} warm`, REQUESTS, concurrency, search);
      await run(worker, `get_media_entry c=${concurrency} cache cold (${entries.length} misses)`, entries.length, concurrency, entry);
      await run(worker, `get_media_entry c=${concurrency} cache warm (hits)`, REQUESTS, concurrency, entry);
    } finally {
      await worker.stop();
    }
  }

  const worker = await startWorker({ vars: { ...sim.vars, ...VARS } });
  try {
    console.log('\nKaltura round trips per tool call (simulator count; the KS is made locally):');
    const calls = [
      ['search_entries', { query: 'kubernetes' }],
      ['get_media_entry', { entry_id: entries[0] }],
      ['get_media_entry (cached)', { entry_id: entries[0] }],
      ['list_categories', {}],
      ['get_connection_status', {}],
      ['list_caption_assets', { entry_id: '0_ha41rn7b' }],
      ['get_download_url', { entry_id: '0_ha41rn7b' }],
    ];
    for (const [label, args] of calls) {
      const before = (await sim.stats()).total;
      const answer = await rpc(worker.url, 1, 'tools/call', { name: label.split(' ')[0], arguments: args });
      const after = (await sim.stats()).total;
      const ok = answer.message?.result && !answer.message.result.isError;
      console.log(`  ${label.padEnd(28)} ${after - before} round trip(s)${ok ? '' : '  (failed)'}`);
    }
  } finally {
    await worker.stop();
  }
} finally {
  await sim.stop();
}
