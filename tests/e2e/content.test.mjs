// The content tools, prompts and resources through wrangler dev (workerd
// + local KV) against the simulator, driven by the official TypeScript SDK
// client, which also validates every structuredContent against the tool's
// outputSchema. Cache hits are proven by counting simulator requests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startStack, resultText } from './harness.mjs';

let stack;
let sim;
let client;

before(async () => {
  stack = await startStack('e2e-content');
  ({ sim, client } = stack);
});

after(async () => { await stack?.stop(); });

const text = resultText;
const call = (name, args) => client.callTool({ name, arguments: args }, undefined, { timeout: 30_000 });

async function ok(name, args) {
  const result = await call(name, args);
  assert.notEqual(result.isError, true, `${name}: ${text(result)}`);
  assert.ok(result.structuredContent, `${name} has structuredContent`);
  assert.ok(text(result).length > 0, `${name} has a text rendering`);
  return result.structuredContent;
}

const REPRESENTATIVE = [
  ['search_entries', { query: 'kubernetes' }],
  ['get_media_entry', { entry_id: '0_ha41rn7b' }],
  ['list_categories', {}],
  ['get_download_url', { entry_id: '0_ha41rn7b' }],
  ['get_thumbnail_url', { entry_id: '0_ha41rn7b', second: 5 }],
  ['list_caption_assets', { entry_id: '0_ha41rn7b' }],
  ['get_caption_content', { caption_asset_id: '0_2z2xt0k6' }],
  ['list_attachment_assets', { entry_id: '0_xw4bffsb' }],
  ['get_attachment_content', { attachment_asset_id: '0_ps83oc9m' }],
  ['get_connection_status', {}],
];

test('tools/list has every content tool, read-only, with schemas, under 32 KB', async () => {
  const { tools } = await client.listTools();
  for (const [name] of REPRESENTATIVE) {
    const tool = tools.find((t) => t.name === name);
    assert.ok(tool, `${name} is listed`);
    assert.equal(tool.annotations.readOnlyHint, true);
    assert.equal(tool.outputSchema.type, 'object');
  }
  const bytes = Buffer.byteLength(JSON.stringify({ tools }));
  assert.ok(bytes < 32 * 1024, `tools/list is ${bytes} bytes`);
});

test('every tool answers a representative call with valid structured content', { timeout: 120_000 }, async () => {
  const sizes = {};
  for (const [name, args] of REPRESENTATIVE) {
    const result = await call(name, args);
    assert.notEqual(result.isError, true, `${name}: ${text(result)}`);
    sizes[name] = Buffer.byteLength(JSON.stringify(result));
  }
  const twenty = await call('search_entries', { query: '*', max_results: 20 });
  assert.equal(twenty.structuredContent.entries.length, 20);
  sizes['search_entries (20 results)'] = Buffer.byteLength(JSON.stringify(twenty));
  console.log(`# tool result sizes (bytes): ${JSON.stringify(sizes)}`);
});

test('caption search reaches Kaltura and says when the words are spoken', async () => {
  const found = await ok('search_entries', { query: 'quarterly revenue', search_type: 'caption' });
  assert.ok(found.entries.length > 0);
  const match = found.entries[0].matches[0];
  assert.equal(match.kind, 'caption');
  assert.match(match.at, /^\d+:\d\d/);
});

test('a cached entry is answered from KV without a Kaltura call', async () => {
  await ok('get_media_entry', { entry_id: '0_xw4bffsb' });
  const afterFirst = (await sim.stats()).total;
  const again = await ok('get_media_entry', { entry_id: '0_xw4bffsb' });
  assert.equal(again.name, 'Quarterly All-Hands - Q3 2026');
  assert.equal((await sim.stats()).total, afterFirst, 'no second round trip');
});

test('errors are isError results that say what to do', async () => {
  const missing = await call('get_media_entry', { entry_id: '0_zzzzzzzz' });
  assert.equal(missing.isError, true);
  assert.match(text(missing), /not found.*search_entries/);
  const invalid = await call('get_media_entry', { entry_id: '1 OR 1=1' });
  assert.equal(invalid.isError, true);
  assert.match(text(invalid), /entry_id/);
  const range = await call('search_entries', { query: 'x', max_results: 500 });
  assert.equal(range.isError, true);
  assert.match(text(range), /max_results/);
});

test('prompts list and render, with live caption coverage', { timeout: 60_000 }, async () => {
  const { prompts } = await client.listPrompts();
  const names = prompts.map((p) => p.name);
  assert.ok(names.includes('content_discovery') && names.includes('accessibility_audit'), names.join(','));
  const discovery = await client.getPrompt({ name: 'content_discovery', arguments: { search_intent: 'talks that mention phishing', include_details: 'yes' } });
  assert.match(discovery.messages[0].content.text, /search_type="caption"/);
  const audit = await client.getPrompt({ name: 'accessibility_audit', arguments: { audit_scope: 'all' } });
  assert.match(audit.messages[0].content.text, /\| English \| \d+ \| \d+% \|/);
  await assert.rejects(
    client.getPrompt({ name: 'accessibility_audit', arguments: { audit_scope: 'category:Nowhere' } }),
    /No category is named/,
  );
});

test('resources list, read, and refuse out-of-range counts', { timeout: 60_000 }, async () => {
  const { resources } = await client.listResources();
  const uris = resources.map((r) => r.uri);
  for (const uri of ['kaltura://analytics/capabilities', 'kaltura://categories/tree']) assert.ok(uris.includes(uri), uri);
  const { resourceTemplates } = await client.listResourceTemplates();
  assert.ok(resourceTemplates.some((t) => t.uriTemplate === 'kaltura://media/recent/{count}'));

  const read = async (uri) => JSON.parse((await client.readResource({ uri })).contents[0].text);
  const tree = await read('kaltura://categories/tree');
  assert.equal(tree.totalCategories, 28);
  const afterTree = (await sim.stats()).total;
  await read('kaltura://categories/tree');
  assert.equal((await sim.stats()).total, afterTree, 'the tree is cached');
  const recent = await read('kaltura://media/recent/3');
  assert.equal(recent.entries.length, 3);
  const capabilities = await read('kaltura://analytics/capabilities');
  assert.ok(capabilities.reportTypeCount >= 60);
  await assert.rejects(client.readResource({ uri: 'kaltura://media/recent/0' }), /from 1 to 100/);
});
