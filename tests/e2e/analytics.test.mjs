// The analytics tools and prompts through wrangler dev against the
// simulator, driven by the official TypeScript SDK client (which validates
// every structuredContent against the tool's outputSchema). Expected
// figures are summed here from the fixture CSV, independently of the
// simulator's report engine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startStack, resultText, ROOT } from './harness.mjs';

let stack;
let sim;
let client;

before(async () => {
  stack = await startStack('e2e-analytics');
  ({ sim, client } = stack);
});

after(async () => { await stack?.stop(); });

const text = resultText;

async function ok(name, args) {
  const result = await client.callTool({ name, arguments: args }, undefined, { timeout: 30_000 });
  assert.notEqual(result.isError, true, `${name}: ${text(result)}`);
  return result.structuredContent;
}

/** Σ plays in plays.csv over the last `days` days (days_ago 0 is today). */
function fixturePlays(days, keep = () => true) {
  const lines = readFileSync(path.join(ROOT, 'tests/kaltura-sim/fixtures/analytics/plays.csv'), 'utf8').trim().split('\n');
  const header = lines[0].split(',');
  return lines.slice(1)
    .map((line) => Object.fromEntries(line.split(',').map((v, i) => [header[i], v])))
    .filter((row) => Number(row.days_ago) < days && keep(row))
    .reduce((sum, row) => sum + Number(row.plays), 0);
}

test('every analytics tool answers with schema-valid structured content', { timeout: 120_000 }, async () => {
  const calls = [
    ['get_analytics', { report_type: 'top_content', from_date: 'last_7_days' }],
    ['get_analytics_timeseries', { from_date: 'last_7_days', interval: 'days' }],
    ['get_video_retention', { entry_id: '0_ha41rn7b' }],
    ['get_realtime_metrics', {}],
    ['get_quality_metrics', { metric: 'experience', dimension: 'device' }],
    ['get_geographic_breakdown', { granularity: 'city' }],
    ['list_analytics_capabilities', { category: 'quality' }],
  ];
  for (const [name, args] of calls) await ok(name, args);
});

test('totals and series match the fixture data exactly', async () => {
  const table = await ok('get_analytics', { report_type: 'content', from_date: 'last_7_days', limit: 500 });
  assert.equal(table.totals.count_plays, fixturePlays(7));
  const playsColumn = table.columns.findIndex((c) => c.name === 'count_plays');
  assert.equal(table.rows.reduce((sum, row) => sum + row[playsColumn], 0), fixturePlays(7));

  const series = await ok('get_analytics_timeseries', { from_date: 'last_7_days', metrics: ['count_plays'] });
  const points = series.series[0].points;
  assert.equal(points.length, 7);
  assert.equal(points.reduce((sum, p) => sum + p.value, 0), fixturePlays(7));
  assert.match(points[0].date, /^\d{4}-\d\d-\d\d$/);
  assert.equal(series.range.timeZone, 'UTC');

  const user = 'camille.cohen@demo.example';
  const byUser = await ok('get_analytics', { user_id: user, from_date: 'last_30_days' });
  assert.equal(byUser.totals.count_plays, fixturePlays(30, (row) => row.user_id === user));
});

test('retention is a 101-point curve with drop-offs', async () => {
  const retention = await ok('get_video_retention', { entry_id: '0_ha41rn7b' });
  assert.equal(retention.curve.length, 101);
  assert.equal(retention.curve[0].retention, 100);
  assert.ok(retention.dropOffs.length > 0);
});

test('analytics errors are explained results', async () => {
  const unknown = await client.callTool({ name: 'get_analytics', arguments: { report_type: 'top_contnet' } });
  assert.equal(unknown.isError, true);
  assert.match(text(unknown), /top_content/);
  const dates = await client.callTool({ name: 'get_analytics', arguments: { from_date: 'sometime' } });
  assert.equal(dates.isError, true);
  assert.match(text(dates), /from_date/);
});

test('analytics prompts render: the wizard and a self-contained retention report', { timeout: 60_000 }, async () => {
  const { prompts } = await client.listPrompts();
  for (const name of ['analytics_wizard', 'retention_analysis']) assert.ok(prompts.some((p) => p.name === name), name);
  const wizard = await client.getPrompt({ name: 'analytics_wizard', arguments: { analysis_goal: 'video performance', time_period: 'last_30_days' } });
  assert.match(wizard.messages[0].content.text, /get_analytics\(report_type="top_content"/);
  const report = await client.getPrompt({ name: 'retention_analysis', arguments: { entry_id: '0_ha41rn7b' } });
  const page = report.messages[0].content.text;
  assert.match(page, /<svg[^>]*>.*<polyline/s);
  assert.doesNotMatch(page, /<script|https?:\/\//);
});
