/**
 * Database and search bench (issue 4). Runs under Node with fake-indexeddb, an
 * in-memory IndexedDB written in JS: absolute times differ from a browser's
 * (no disk, but engine work that a browser does off-thread runs on this thread),
 * so read ratios and slice lengths, not milliseconds, as the portable figures.
 *
 *   npx tsx bench/store-search.ts
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SearchQuery } from '../src/protocol/views';
import type { SummitIndex } from '../src/schema/index-schema';
import { fold } from '../src/search/normalize';
import { PostingsBuilder } from '../src/search/postings';
import { decodeBundle, encodeBundle } from '../src/schema/index-bundle';
import { bundleFromText, ensureSeeded, getCard, openSummitDb, search } from '../src/store';
import { makeIndex } from '../tests/unit/store/fixture';
import { syntheticIndex } from './synthetic-index';

const REAL = fileURLToPath(new URL('../public/summit-index.jsonl', import.meta.url));
const FACTOR = 1000;

type Row = Record<string, number | string>;

export async function benchStoreSearch(): Promise<Row> {
  const real = existsSync(REAL);
  const base: SummitIndex = real ? decodeBundle(readFileSync(REAL, 'utf8')) : makeIndex();
  const out: Row = {
    'store.runtime': 'node + fake-indexeddb (in-memory, JS engine); a browser run may differ in absolute times',
    'store.source': real ? 'public/summit-index.jsonl' : 'FIXTURE tests/unit/store/fixture.ts (public/summit-index.jsonl missing)',
  };
  Object.assign(out, await measure('x1', base));
  Object.assign(out, await measure(`x${FACTOR}`, syntheticIndex(base, FACTOR)));
  return out;
}

async function measure(label: string, index: SummitIndex): Promise<Row> {
  const row: Row = {};
  const p = `store.${label}.`;
  row[`${p}quotes`] = index.quotes.length;
  row[`${p}documents`] = index.documents.length;
  row[`${p}people`] = index.people.length;
  const json = JSON.stringify(index);
  row[`${p}bundleMB`] = round(json.length / 1e6);
  // The bundle is parsed in one piece: the one slice seeding cannot cut.
  let t = performance.now();
  const parsed = JSON.parse(json) as SummitIndex;
  row[`${p}bundleParseMs`] = round(performance.now() - t);

  const factory = new IDBFactory();
  const db = await openSummitDb({ factory, name: `bench-${label}` });
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  let lastTick = performance.now();
  let maxGap = 0;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    const now = performance.now();
    maxGap = Math.max(maxGap, now - lastTick);
    lastTick = now;
  }, 2);
  t = performance.now();
  const report = await ensureSeeded(db, bundleFromText(encodeBundle(parsed, () => label)));
  const seedMs = performance.now() - t;
  clearInterval(sampler);
  if (report.outcome !== 'seeded') throw new Error(`seed failed: ${report.error}`);
  row[`${p}seedMs`] = round(seedMs);
  row[`${p}seedPeakRssDeltaMB`] = round((rssPeak - rssBefore) / 1e6);
  row[`${p}seedLongestSliceMs`] = round(report.stats.longestSliceMs);
  row[`${p}seedEventLoopMaxGapMs`] = round(maxGap);
  row[`${p}seedSlices`] = report.stats.slices;
  row[`${p}seedProgressCalls`] = report.stats.progressCalls;
  row[`${p}seedRecords`] = report.stats.records;

  const queries = queriesFor(index);
  row[`${p}queries`] = queries.length;
  const runs = index.quotes.length > 5000 ? 5 : 20;
  for (const q of queries) await search(db, q);
  const idb = await time(runs, queries, async (q) => {
    const r = await search(db, q);
    if (!r.ok) throw new Error(r.error.message);
  });
  const quotes = index.quotes;
  const scanOnce = (q: SearchQuery) => scan(quotes, q);
  const baseline = await time(runs, queries, async (q) => void scanOnce(q));
  row[`${p}searchMedianMs`] = round(idb.median);
  row[`${p}searchP95Ms`] = round(idb.p95);
  row[`${p}scanMedianMs`] = round(baseline.median);
  row[`${p}scanP95Ms`] = round(baseline.p95);
  row[`${p}searchToScanMedianRatio`] = round(idb.median / baseline.median);
  row[`${p}searchToScanP95Ratio`] = round(idb.p95 / baseline.p95);

  const cards = [...index.people.slice(0, 10).map((x) => ({ kind: 'person' as const, id: x.id })), ...index.summits.slice(0, 5).map((x) => ({ kind: 'summit' as const, id: x.id }))];
  const card = await time(runs, cards, async (c) => {
    const r = await getCard(db, c);
    if (!r.ok) throw new Error(r.error.message);
  });
  row[`${p}cardMedianMs`] = round(card.median);
  row[`${p}cardP95Ms`] = round(card.p95);

  // What an in-memory search library would pay on every service-worker wake:
  // read all quotes back, then build its index (our builder as a lower bound).
  db.close();
  const cold = await openSummitDb({ factory, name: `bench-${label}` });
  t = performance.now();
  const first = await search(cold, queries[0]!);
  row[`${p}coldFirstSearchMs`] = round(performance.now() - t);
  if (!first.ok) throw new Error(first.error.message);
  t = performance.now();
  const all = await cold.getAll('quotes');
  row[`${p}wakeReadAllQuotesMs`] = round(performance.now() - t);
  t = performance.now();
  const builder = new PostingsBuilder();
  for (const q of all) builder.add(q.n, q.text);
  row[`${p}wakeBuildMemoryIndexMs`] = round(performance.now() - t);
  cold.close();
  await deleteDb(factory, `bench-${label}`);
  return row;
}

function personId(index: SummitIndex, name: string): string | undefined {
  return index.people.find((x) => x.name.includes(name))?.id ?? index.people[0]?.id;
}

/** About twenty queries: names in three scripts, with and without diacritics, prefixes, filters, a miss. */
function queriesFor(index: SummitIndex): SearchQuery[] {
  const putin = personId(index, 'Putin');
  const summit = index.summits[0]?.id;
  const texts = ['Putin', 'putin', 'Путин', 'Пу', 'Trump', 'Трамп', 'hòa bình', 'hoa binh', 'hoà bình', 'đàm phán', 'dam phan', 'dam ph', 'Ukraine', 'thượng đỉnh Alaska', 'thuong dinh', 'lệnh ngừng bắn', 'Tru', 'không có gì xyz'];
  const queries: SearchQuery[] = texts.map((text) => ({ text }));
  if (putin) queries.push({ text: '', person: putin });
  queries.push({ text: 'hoa binh', from: '2025-01-01', to: '2025-12-31' });
  if (summit) queries.push({ text: 'Ukraine', summit });
  return queries;
}

/** The baseline: fold every quote on each query and look for the folded query in it. */
function scan(quotes: SummitIndex['quotes'], q: SearchQuery): number {
  const needle = fold(q.text.trim());
  let found = 0;
  for (const quote of quotes) {
    if (q.person && quote.speaker !== q.person && !quote.mentions.includes(q.person)) continue;
    if (q.summit && quote.summit !== q.summit) continue;
    if ((q.from || q.to) && (!quote.date || quote.date < (q.from ?? '') || quote.date > (q.to ?? '9999'))) continue;
    if (fold(quote.text).includes(needle)) found++;
  }
  return found;
}

async function time<T>(runs: number, inputs: T[], fn: (input: T) => Promise<void>): Promise<{ median: number; p95: number }> {
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    for (const input of inputs) {
      const t = performance.now();
      await fn(input);
      samples.push(performance.now() - t);
    }
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)]!, p95: samples[Math.floor(samples.length * 0.95)]! };
}

function deleteDb(factory: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve) => {
    const req = factory.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => resolve();
  });
}

const round = (x: number) => Math.round(x * 100) / 100;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  const result = await benchStoreSearch();
  result['store.benchTotalMs'] = round(performance.now() - started);
  console.log(JSON.stringify(result, null, 2));
}
