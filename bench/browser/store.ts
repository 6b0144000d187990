/**
 * The database and search in real browsers (issue 4). The built extension's own
 * background seeds the real index, and a synthetic one 1,000× larger, into the
 * browser's IndexedDB, then answers searches and cards through real messages
^ * from an extension page (the options page, which asks the background nothing itself). Baselines run in the same browser on the same data:
 * a plain in-memory scan of the quotes for search, one unsliced transaction
 * writing the records as they are for seeding, and a message round trip for
 * cards.
 *
 * Chromium is driven by puppeteer-core, which can attach to the extension's
 * service worker: a heartbeat timer inside the worker measures how long the
 * seed ever kept it from running other work, and CDP samples its heap. Firefox
 * runs its background as an event page that WebDriver BiDi cannot reach, so
 * its seeding figures are the ones the background measures itself.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import puppeteer, { type Browser, type CDPSession, type Page, type Target, type WebWorker } from 'puppeteer-core';
import type { SearchQuery, SeedStats } from '../../src/protocol/views';
import { BUNDLE_FILE, encodeBundle, parseHeader } from '../../src/schema/index-bundle';
import { encodeRecords, RECORDS_FILE } from '../../src/store/packed';
import type { SummitIndex } from '../../src/schema/index-schema';
import { bundledIndex } from '../../tests/e2e/harness/bundled-index';
import { BROWSER_BINARIES, launchWithExtension, type BrowserName, type Tab } from '../../tests/e2e/harness/browsers';
import { deleteAllDatabases } from '../../tests/e2e/harness/databases';
import { syntheticIndex } from '../synthetic-index';
import { bounded, median, percentile, round, sleep } from './chromium';

export const FACTOR = 1000;

export interface Stat {
  median: number;
  p95: number;
}

export interface SizeFigures {
  factor: number;
  quotes: number;
  bundleMB: number;
  /** From the trigger (database deleted, background asked) until status says ready, seen from the page. */
  seedWallMs: number;
  /** What the background measured itself: the seed of median time among `seedRuns`. */
  seed: SeedStats;
  /** Every seed from the packaged records in this run (several at 1,000×: a single one varies by ±30 % with the machine's load). */
  seedRuns: { ms: number[]; wallMs: number[]; readMs: number[]; writeMs: number[] };
  /** Baseline, same run: the same seed with the packaged records hidden, so the background derives them from the bundle. */
  derived: { wallMs: number; seed: SeedStats };
  /** The packaged records file (`src/store/packed.ts`). */
  recordsMB: number;
  /** Chromium: longest gap between 5 ms heartbeats inside the worker while it seeded. */
  heartbeatMaxGapMs: number | null;
  /** The longest a status message waited for its answer while the background seeded (asked every 50 ms), and the p95. */
  answerMaxMs: number;
  answerP95Ms: number;
  answers: number;
  /** Chromium: worker heap before the seed and at its peak, from CDP. */
  heapBeforeMB: number | null;
  heapPeakMB: number | null;
  /** Distinct progress values the page saw while polling status every 50 ms. */
  progressSeen: number;
  /** Baseline: one readwrite transaction putting every bundle record as it is, no derivation, no slicing. */
  floorWriteMs: number;
  queries: number;
  search: Stat;
  scan: Stat;
  card: Stat;
  roundTrip: Stat;
  lexicon: Stat;
  /** What an in-memory library pays before its first answer on each worker wake: read every quote, build an index. */
  memoryIndexMs: number;
}

export interface StoreBench {
  chromium: SizeFigures[];
  firefox: SizeFigures[];
}

/** An extension page both drivers can evaluate in. */
interface ExtPage {
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
}

interface WorkerProbe {
  startHeartbeat(): Promise<void>;
  stopHeartbeat(): Promise<number>;
  heapMB(): Promise<number>;
  collectGarbage(): Promise<void>;
}

interface Driver {
  page: ExtPage;
  bundleUrl: string;
  worker: WorkerProbe | null;
  close(): Promise<void>;
}

const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const RUNS = { small: 20, large: 5 };
/** Seeds from the packaged records at 1,000×, one after the other, for the spread. */
const SEED_RUNS = 5;

/** tsx (esbuild, keepNames) wraps functions in `__name(...)`; code sent to a page needs the helper there. */
const NAME_HELPER = 'globalThis.__name ??= (f) => f; undefined';
const installNameHelper = () => {
  (globalThis as unknown as { __name?: unknown }).__name ??= (f: unknown) => f;
};

function tabPage(tab: Tab): ExtPage {
  return { evaluate: (fn, arg) => tab.evaluate(fn, arg) };
}

export async function chromiumDriver(extensionDir: string): Promise<Driver> {
  const profile = mkdtempSync(join(tmpdir(), 'summit-lens-bench-store-'));
  const browser: Browser = await puppeteer.launch({
    executablePath: BROWSER_BINARIES.chromium,
    headless: true,
    pipe: true,
    enableExtensions: [extensionDir],
    userDataDir: profile,
    args: CHROMIUM_FLAGS,
  });
  const isBackground = (t: Target) => t.type() === 'service_worker' && t.url().endsWith('/background.js');
  const target = await browser.waitForTarget(isBackground, { timeout: 30_000 });
  const origin = /^chrome-extension:\/\/[a-p]{32}/.exec(target.url())![0];
  const cdp: CDPSession = await target.createCDPSession();
  const worker: WebWorker = (await target.worker())!;
  await worker.evaluate(NAME_HELPER);
  const page: Page = await browser.newPage();
  await page.goto(`${origin}/options.html`);
  await page.evaluate(NAME_HELPER);
  return {
    page: { evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never },
    bundleUrl: `${origin}/${BUNDLE_FILE}`,
    worker: {
      startHeartbeat: () =>
        worker.evaluate(() => {
          const hb = { max: 0, last: performance.now(), timer: 0 as unknown as ReturnType<typeof setInterval> };
          hb.timer = setInterval(() => {
            const now = performance.now();
            hb.max = Math.max(hb.max, now - hb.last);
            hb.last = now;
          }, 5);
          (globalThis as unknown as { __hb: typeof hb }).__hb = hb;
        }),
      stopHeartbeat: () =>
        worker.evaluate(() => {
          const hb = (globalThis as unknown as { __hb: { max: number; timer: ReturnType<typeof setInterval> } }).__hb;
          clearInterval(hb.timer);
          return hb.max;
        }),
      heapMB: async () => (await cdp.send('Runtime.getHeapUsage')).usedSize / 1e6,
      collectGarbage: async () => {
        await cdp.send('HeapProfiler.collectGarbage');
      },
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function firefoxDriver(extensionDir: string): Promise<Driver> {
  const session = await launchWithExtension('firefox', extensionDir);
  const tab = await session.newTab(`${session.extensionOrigin}/options.html`);
  await tab.evaluate(installNameHelper);
  return { page: tabPage(tab), bundleUrl: `${session.extensionOrigin}/${BUNDLE_FILE}`, worker: null, close: () => session.close() };
}

/** A copy of the built extension whose packaged index is `index`. */
export async function extensionWith(builtDir: string, index: SummitIndex | null): Promise<{ dir: string; bundleMB: number; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'summit-lens-bench-ext-'));
  cpSync(builtDir, dir, { recursive: true });
  if (index) {
    const bundle = encodeBundle(index, (t) => createHash('sha256').update(t).digest('hex'));
    writeFileSync(join(dir, BUNDLE_FILE), bundle);
    // A copy: deriving the records takes the index's objects over, and the bench still reads them.
    writeFileSync(join(dir, RECORDS_FILE), await encodeRecords(structuredClone(index), parseHeader(BUNDLE_FILE, bundle.slice(0, bundle.indexOf('\n'))).hash, (bytes) => createHash('sha256').update(bytes).digest('hex'), (bytes) => deflateRawSync(bytes, { level: 9 })));
  }
  return { dir, bundleMB: statSync(join(dir, BUNDLE_FILE)).size / 1e6, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

// ---- Functions below run inside the extension page. -------------------------------------------

type Api = { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> } };

interface PageStatus {
  state: string;
  available: boolean;
  progress: number;
  lastSeed: SeedStats | null;
  error: string | null;
}

export function askStatus(): Promise<PageStatus & { answerMs: number }> {
  const runtime = ((globalThis as unknown as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome).runtime;
  const asked = performance.now();
  return runtime.sendMessage({ type: 'status' }).then((r) => ({ ...(r.value as PageStatus), answerMs: performance.now() - asked }));
}

/** Times each message `runs` times (after one warm-up); fails on an error reply. */
export async function timeMessages(arg: { messages: unknown[]; runs: number }): Promise<number[]> {
  const runtime = ((globalThis as unknown as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome).runtime;
  for (const m of arg.messages) {
    const reply = await runtime.sendMessage(m);
    if (!reply.ok) throw new Error(`${JSON.stringify(m)}: ${reply.error}`);
  }
  const samples: number[] = [];
  for (let r = 0; r < arg.runs; r++) {
    for (const m of arg.messages) {
      const t = performance.now();
      await runtime.sendMessage(m);
      samples.push(performance.now() - t);
    }
  }
  return samples;
}

/**
 * The baselines, on the bundle the extension packaged: an in-memory scan per
 * query (fold every quote, look for the folded query, same filters), building
 * an in-memory inverted index, and one unsliced transaction of puts.
 */
async function baselines(arg: { url: string; queries: SearchQuery[]; runs: number }): Promise<{ scan: number[]; memoryIndexMs: number; floorWriteMs: number }> {
  const text = await (await fetch(arg.url)).text();
  const records = text
    .split('\n')
    .slice(1)
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as [string, Record<string, unknown>]);
  type Q = { text: string; speaker: string | null; mentions: string[]; summit: string | null; date: string | null };
  const quotes = records.filter((r) => r[0] === 'quote').map((r) => r[1] as unknown as Q);
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();
  const scanOnce = (q: SearchQuery) => {
    const needle = fold(q.text.trim());
    let found = 0;
    for (const quote of quotes) {
      if (q.person && quote.speaker !== q.person && !quote.mentions.includes(q.person)) continue;
      if (q.summit && quote.summit !== q.summit) continue;
      if ((q.from || q.to) && (!quote.date || quote.date < (q.from ?? '') || quote.date > (q.to ?? '9999'))) continue;
      if (fold(quote.text).includes(needle)) found++;
    }
    return found;
  };
  for (const q of arg.queries) scanOnce(q);
  const scan: number[] = [];
  for (let r = 0; r < arg.runs; r++) {
    for (const q of arg.queries) {
      const t = performance.now();
      scanOnce(q);
      scan.push(performance.now() - t);
    }
  }

  let t = performance.now();
  const postings = new Map<string, number[]>();
  quotes.forEach((quote, n) => {
    for (const word of quote.text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? []) {
      const key = fold(word);
      const list = postings.get(key);
      if (list) list.push(n);
      else postings.set(key, [n]);
    }
  });
  const memoryIndexMs = performance.now() - t;

  const name = 'summit-lens-bench-floor';
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('records');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  t = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('records', 'readwrite');
    const store = tx.objectStore('records');
    records.forEach((record, i) => store.put(record[1], i));
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const floorWriteMs = performance.now() - t;
  db.close();
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = resolve;
    request.onerror = resolve;
  });
  return { scan, memoryIndexMs, floorWriteMs };
}

// ---- Driving it. ------------------------------------------------------------------------------

function personId(index: SummitIndex, name: string): string {
  return index.people.find((x) => x.name.includes(name))?.id ?? index.people[0]!.id;
}

/** About twenty queries: names in three scripts, with and without diacritics, prefixes, filters, a miss. */
export function queriesFor(index: SummitIndex): SearchQuery[] {
  const texts = ['Putin', 'putin', 'Путин', 'Пу', 'Trump', 'Трамп', 'hòa bình', 'hoa binh', 'hoà bình', 'đàm phán', 'dam phan', 'dam ph', 'Ukraine', 'thượng đỉnh Alaska', 'thuong dinh', 'lệnh ngừng bắn', 'Tru', 'không có gì xyz'];
  return [
    ...texts.map((text) => ({ text })),
    { text: '', person: personId(index, 'Putin') },
    { text: 'hoa binh', from: '2025-01-01', to: '2025-12-31' },
    { text: 'Ukraine', summit: index.summits[0]!.id },
  ];
}

const stat = (samples: number[]): Stat => ({ median: round(median(samples), 2), p95: round(percentile(samples, 95), 2) });

interface SeedRun {
  /** From the trigger (database deleted, background asked) until status says ready, seen from the page. */
  wallMs: number;
  /** What the background measured itself. */
  seed: SeedStats;
  heartbeatMaxGapMs: number | null;
  answerMaxMs: number;
  answerP95Ms: number;
  answers: number;
  heapBeforeMB: number | null;
  heapPeakMB: number | null;
  progressSeen: number;
}

/** One seed as on a fresh install: every database deleted, then the background asked for its status until it is ready. */
async function measureSeed(driver: Driver, label: string, log: (s: string) => void): Promise<SeedRun> {
  const { page, worker } = driver;
  await worker?.collectGarbage();
  const heapBeforeMB = worker ? await worker.heapMB() : null;
  let heapPeakMB = heapBeforeMB;
  await worker?.startHeartbeat();
  let sampling = worker !== null;
  const sampler = (async () => {
    while (sampling) {
      heapPeakMB = Math.max(heapPeakMB!, await worker!.heapMB());
      await sleep(20);
    }
  })();
  const progress = new Set<number>();
  const answers: number[] = [];
  const started = performance.now();
  // The background's connections close themselves on `versionchange`; the next status request starts the seed.
  await page.evaluate(deleteAllDatabases);
  let status: PageStatus = await page.evaluate(askStatus);
  while (!(status.available && status.state === 'ready')) {
    if (status.state === 'failed') throw new Error(`${label} seed failed: ${status.error}`);
    if (status.state === 'seeding') progress.add(status.progress);
    await sleep(50);
    const answered = await page.evaluate(askStatus);
    answers.push(answered.answerMs);
    status = answered;
  }
  const wallMs = performance.now() - started;
  sampling = false;
  await sampler;
  const heartbeatMaxGapMs = worker ? await worker.stopHeartbeat() : null;
  const seed = status.lastSeed!;
  log(`store: ${label} seeded in ${Math.round(wallMs)} ms (read ${round(seed.readMs)}, derive ${round(seed.deriveMs)}, write ${round(seed.writeMs)}), longest slice ${round(seed.longestSliceMs)} ms, longest answer ${round(Math.max(0, ...answers))} ms${heartbeatMaxGapMs === null ? '' : `, heartbeat gap ${round(heartbeatMaxGapMs)} ms`}`);
  return {
    wallMs: round(wallMs),
    seed: { ...seed, ms: round(seed.ms), longestSliceMs: round(seed.longestSliceMs, 2) },
    heartbeatMaxGapMs: heartbeatMaxGapMs === null ? null : round(heartbeatMaxGapMs, 1),
    answerMaxMs: round(Math.max(0, ...answers), 1),
    answerP95Ms: answers.length > 0 ? round(percentile(answers, 95), 1) : 0,
    answers: answers.length,
    heapBeforeMB: heapBeforeMB === null ? null : round(heapBeforeMB, 1),
    heapPeakMB: heapPeakMB === null ? null : round(heapPeakMB, 1),
    progressSeen: progress.size,
  };
}

async function measure(driver: Driver, extensionDir: string, index: SummitIndex, factor: number, bundleMB: number, log: (s: string) => void): Promise<SizeFigures> {
  const { page } = driver;
  const label = `×${factor}`;
  // The install seed first (its figures are not kept): the worker must be up and the data in place.
  for (let status = await page.evaluate(askStatus); !(status.available && status.state === 'ready'); status = await page.evaluate(askStatus)) {
    if (status.state === 'failed') throw new Error(`install seed failed: ${status.error}`);
    await sleep(100);
  }

  // The baseline first, in the same browser: the packaged records hidden, so the background derives them itself.
  const records = join(extensionDir, RECORDS_FILE);
  renameSync(records, `${records}.hidden`);
  let derived: SeedRun;
  try {
    derived = await measureSeed(driver, `${label} deriving on the machine`, log);
  } finally {
    renameSync(`${records}.hidden`, records);
  }
  if (derived.seed.deriveMs === 0) throw new Error(`${label}: the baseline seed did not derive; the records file was still read`);
  const seeds: SeedRun[] = [];
  for (let i = 0; i < (factor > 1 ? SEED_RUNS : 1); i++) {
    const seeded = await measureSeed(driver, `${label} from packaged records (${i + 1})`, log);
    if (seeded.seed.deriveMs !== 0) throw new Error(`${label}: the seed derived its records; the packaged ones were not used`);
    seeds.push(seeded);
  }
  const run = [...seeds].sort((a, b) => a.seed.ms - b.seed.ms)[Math.floor(seeds.length / 2)]!;

  const queries = queriesFor(index);
  const runs = factor > 1 ? RUNS.large : RUNS.small;
  const search = await page.evaluate(timeMessages, { messages: queries.map((query) => ({ type: 'search', query })), runs });
  // Samples are run by run, each run every query in order: the slowest queries, to know where the tail comes from.
  const perQuery = queries.map((query, i) => ({ query, ms: median(search.filter((_, k) => k % queries.length === i)) }));
  const slowest = perQuery.sort((a, b) => b.ms - a.ms).slice(0, 4);
  log(`store: ${label} slowest queries (median): ${slowest.map((q) => `${JSON.stringify(q.query)} ${round(q.ms, 1)} ms`).join(', ')}`);
  const cards = [...index.people.slice(0, 10).map((p) => ({ type: 'card', kind: 'person', id: p.id })), ...index.summits.slice(0, 5).map((s) => ({ type: 'card', kind: 'summit', id: s.id }))];
  const card = await page.evaluate(timeMessages, { messages: cards, runs });
  const roundTrip = await page.evaluate(timeMessages, { messages: [{ type: 'status' }], runs: 50 });
  const lexicon = await page.evaluate(timeMessages, { messages: [{ type: 'lexicon' }], runs: factor > 1 ? 3 : 20 });
  const base = await page.evaluate(baselines, { url: driver.bundleUrl, queries, runs });
  return {
    factor,
    quotes: index.quotes.length,
    bundleMB: round(bundleMB, 2),
    recordsMB: round(statSync(records).size / 1e6, 2),
    seedWallMs: run.wallMs,
    seed: run.seed,
    seedRuns: { ms: seeds.map((r) => r.seed.ms), wallMs: seeds.map((r) => r.wallMs), readMs: seeds.map((r) => round(r.seed.readMs)), writeMs: seeds.map((r) => round(r.seed.writeMs)) },
    derived: { wallMs: derived.wallMs, seed: derived.seed },
    heartbeatMaxGapMs: run.heartbeatMaxGapMs,
    heapBeforeMB: run.heapBeforeMB,
    heapPeakMB: run.heapPeakMB,
    progressSeen: run.progressSeen,
    answerMaxMs: run.answerMaxMs,
    answerP95Ms: run.answerP95Ms,
    answers: run.answers,
    floorWriteMs: round(base.floorWriteMs),
    queries: queries.length,
    search: stat(search),
    scan: stat(base.scan),
    card: stat(card),
    roundTrip: stat(roundTrip),
    lexicon: stat(lexicon),
    memoryIndexMs: round(base.memoryIndexMs),
  };
}

export async function benchStore(opts: { root: string; log: (s: string) => void; browsers?: BrowserName[]; factors?: number[] }): Promise<StoreBench> {
  const real = bundledIndex(opts.root);
  const factors = opts.factors ?? [1, FACTOR];
  const sizes: [number, SummitIndex | null][] = [];
  if (factors.includes(1)) sizes.push([1, null]);
  if (factors.includes(FACTOR)) {
    opts.log(`store: building the ×${FACTOR} synthetic index`);
    sizes.push([FACTOR, syntheticIndex(real, FACTOR)]);
  }
  const result: StoreBench = { chromium: [], firefox: [] };
  for (const name of opts.browsers ?? (['chromium', 'firefox'] as const)) {
    const built = join(opts.root, '.output', name === 'chromium' ? 'chrome-mv3' : 'firefox-mv3');
    for (const [factor, synthetic] of sizes) {
      const extension = await extensionWith(built, synthetic);
      const index = synthetic ?? real;
      const driver = await (name === 'chromium' ? chromiumDriver(extension.dir) : firefoxDriver(extension.dir));
      try {
        opts.log(`store: ${name} ×${factor}`);
        result[name].push(await bounded(measure(driver, extension.dir, index, factor, extension.bundleMB, opts.log), 600_000, `store ${name} ×${factor}`));
      } finally {
        await driver.close().catch(() => undefined);
        extension.remove();
      }
    }
  }
  return result;
}
