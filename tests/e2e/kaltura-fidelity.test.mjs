// Fidelity of the Kaltura simulator, judged by Kaltura's own clients: the
// npm `kaltura-client` (JSON) and the PyPI `KalturaApiClient` (XML only,
// tests/e2e/python/kaltura_fidelity.py) list media, search with eSearch,
// list captions, fetch a report table and run a multirequest; every object
// they get back must be one their typed model knows, field by field. KSs
// cross both ways: the simulator's session.start (our Rust KS v2 code) is
// used by the clients, and the Python client's generateSessionV2 KS is
// accepted by the simulator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { startSimulator, ROOT } from './harness.mjs';

const kaltura = createRequire(import.meta.url)('kaltura-client');
const run = promisify(execFile);
const VENV_PY = path.join(ROOT, 'tests/e2e/.venv/bin/python');
const FIXTURES = path.join(ROOT, 'tests/kaltura-sim/fixtures');
const captions = JSON.parse(readFileSync(path.join(FIXTURES, 'captions.json'), 'utf8'));
const captionedEntry = captions.find((c) => c.status === 2).entryId;

let sim;
before(async () => { sim = await startSimulator(); });
after(async () => { await sim?.stop(); });

/** Every object's objectType names a model class, and every field it
 *  carries is a property that class declares (it has a getter). */
function assertTyped(value, where = 'result') {
  if (Array.isArray(value)) { value.forEach((v, i) => assertTyped(v, `${where}[${i}]`)); return; }
  if (value === null || typeof value !== 'object') return;
  const type = value.objectType;
  assert.ok(type, `${where} has no objectType: ${JSON.stringify(value).slice(0, 200)}`);
  const Model = kaltura.objects[type.replace(/^Kaltura/, '')];
  assert.ok(Model, `${where}: kaltura-client has no model ${type}`);
  const instance = new Model(value);
  for (const [key, field] of Object.entries(value)) {
    if (key === 'objectType') continue;
    const getter = `get${key[0].toUpperCase()}${key.slice(1)}`;
    assert.equal(typeof instance[getter], 'function', `${where}: ${type} declares no field ${key}`);
    assertTyped(field, `${where}.${key}`);
  }
}

function client(ks) {
  const config = new kaltura.Configuration();
  config.serviceUrl = sim.url;
  // The client logs every request, secrets included; keep only errors.
  config.setLogger({ log() {}, debug() {}, error: (msg) => console.error(msg) });
  const c = new kaltura.Client(config);
  if (ks) c.setKs(ks);
  return c;
}

async function adminKs() {
  return kaltura.services.session
    .start(sim.adminSecret, 'fidelity@test', kaltura.enums.SessionType.ADMIN, sim.partnerId, 3600, 'disableentitlement')
    .execute(client());
}

test('node kaltura-client: session.start gives a KS v2 the simulator accepts', async () => {
  const ks = await adminKs();
  assert.match(ks, /^djJ8/);
  const info = await kaltura.services.session.get().execute(client(ks));
  assertTyped(info);
  assert.equal(info.partnerId, sim.partnerId);
  assert.equal(info.userId, 'fidelity@test');
});

test('node kaltura-client: media.list, eSearch, captions, report table, multirequest decode', async () => {
  const c = client(await adminKs());
  const filter = new kaltura.objects.MediaEntryFilter({ orderBy: '-createdAt' });
  const pager = new kaltura.objects.FilterPager({ pageSize: 50 });
  const list = await kaltura.services.media.listAction(filter, pager).execute(c);
  assertTyped(list);
  assert.equal(list.objectType, 'KalturaMediaListResponse');
  assert.ok(list.objects.length > 20 && list.totalCount >= list.objects.length);

  const item = new kaltura.objects.ESearchUnifiedItem({ searchTerm: list.objects[0].name.split(' ')[0], itemType: 2, addHighlight: true });
  const operator = new kaltura.objects.ESearchEntryOperator({ operator: 1, searchItems: [item] });
  const params = new kaltura.objects.ESearchEntryParams({ searchOperator: operator });
  const found = await kaltura.services.eSearch.searchEntry(params).execute(c);
  assertTyped(found);
  assert.ok(found.totalCount >= 1 && found.objects[0].object.objectType);

  const captionFilter = new kaltura.objects.CaptionAssetFilter({ entryIdEqual: captionedEntry });
  const captionList = await kaltura.services.captionAsset.listAction(captionFilter).execute(c);
  assertTyped(captionList);
  assert.ok(captionList.objects.length >= 1);

  const reportFilter = new kaltura.objects.ReportInputFilter({ fromDate: -30 * 86400, toDate: 0 });
  const table = await kaltura.services.report.getTable('1', reportFilter, new kaltura.objects.FilterPager({ pageSize: 5 })).execute(c);
  assertTyped(table);
  assert.match(table.header, /^object_id,entry_name,count_plays/);

  const multi = await kaltura.services.media.listAction(filter, new kaltura.objects.FilterPager({ pageSize: 1 }))
    .add(kaltura.services.flavorAsset.listAction(new kaltura.objects.FlavorAssetFilter({ entryIdEqual: '{1:result:objects:0:id}' })))
    .execute(c);
  assertTyped(multi);
  assert.equal(multi.length, 2);
  assert.ok(multi[1].objects.every((f) => f.entryId === multi[0].objects[0].id));
});

test('node kaltura-client: API errors arrive as KalturaAPIException', async () => {
  const missing = await kaltura.services.media.get('0_zzzzzzzz').execute(client(await adminKs())).then(
    () => assert.fail('expected an error'), (error) => error);
  assert.equal(missing.code, 'ENTRY_ID_NOT_FOUND');
  assert.equal(missing.objectType, 'KalturaAPIException');
  const forbidden = await kaltura.services.media.listAction().execute(client()).then(
    () => assert.fail('expected an error'), (error) => error);
  assert.equal(forbidden.code, 'SERVICE_FORBIDDEN');
});

test('python KalturaApiClient (XML): typed objects throughout, its own KS v2 accepted', { timeout: 120_000 }, async () => {
  let stdout;
  try {
    ({ stdout } = await run(VENV_PY, [path.join(ROOT, 'tests/e2e/python/kaltura_fidelity.py'),
      sim.url, String(sim.partnerId), sim.adminSecret, captionedEntry], { timeout: 110_000, maxBuffer: 16 << 20 }));
  } catch (e) {
    assert.fail(`kaltura_fidelity.py failed (${e.code ?? e.signal}):\n${e.stdout}\n${e.stderr}`);
  }
  const out = JSON.parse(stdout);
  assert.ok(out.entries > 20, JSON.stringify(out));
  assert.ok(out.searchHits >= 1, JSON.stringify(out));
  assert.ok(out.captions >= 1, JSON.stringify(out));
  assert.match(out.reportHeader, /^object_id,entry_name,count_plays/);
  assert.equal(out.localKsPartner, sim.partnerId);
  assert.equal(out.expiredError, 'INVALID_KS');
});
