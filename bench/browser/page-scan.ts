/**
 * The content script's real job in a real Chromium: mark every mention on a
 * large page. Compared, on the same bytes, with the floor (a TreeWalker that
 * only reads every text node, no matching, no marking) and with the usual
 * peer (mark.js marking the same names). Also the tab's heap with and without
 * the extension, and, when a long task shows up, a CPU profile of it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { bundledIndex } from '../../tests/e2e/harness/bundled-index';
import { startPageServer } from '../../tests/e2e/harness/server';
import { bigPage, type BigPage } from './big-page';
import { bounded, median, percentile, readProbes, round, sleep, withExtension, withoutExtension, type ChromiumSide, type Loaf, type LongTask, type ProbeState } from './chromium';
import { floorWalk } from './floor';
import { hotFunctions, type HotFunction } from './profile';
import { waitForEnd } from './viewport-first';
import { longestTasks, startTrace, stopTrace, type TaskBreakdown } from './trace';

export interface ScanLoad {
  /** From navigation start until the last highlight was added. */
  timeToAllMarkedMs: number;
  /** From the content script's first highlight registration to the last highlight. */
  scanMs: number;
  domContentLoadedMs: number;
  loadMs: number;
  marks: number;
  longestTaskMs: number;
  totalBlockingMs: number;
  longTasks: LongTask[];
}

export interface HeapFigures {
  usedMB: number;
  embedderMB: number | null;
  jsHeapUsedMB: number;
  domNodes: number;
}

export interface ScanBench {
  page: Omit<BigPage, 'html'> & { walkedTextNodes: number; walkedChars: number };
  extension: {
    loads: ScanLoad[];
    timeToAllMarkedMs: { median: number; p95: number };
    scanMs: { median: number; p95: number };
    longestTaskMs: { median: number; p95: number };
    totalBlockingMs: { median: number; p95: number };
    marks: number;
    loafScripts: (LoafScript & { frameMs: number })[];
  };
  pageOnly: { longestTaskAfterDclMs: number; longTasksAfterDcl: LongTask[] };
  floor: { samplesMs: number[]; median: number; p95: number };
  markjs: { runs: { ms: number; longestTaskMs: number; marks: number }[]; median: number; p95: number; longestTaskMs: number; forms: number; marks: number };
  memory: {
    withExtension: HeapFigures;
    withoutExtension: HeapFigures;
    deltaMB: number;
    /** Heap growth when the probe allocates in the content script's isolated world vs in the main world. */
    isolatedWorldCheck: { isolatedDeltaMB: number; mainDeltaMB: number; included: boolean } | { error: string };
  };
  /** Present when the longest scan task is over 50 ms. */
  attribution?: { tracedTasks: TaskBreakdown[]; profile?: ProfileResult } | { error: string };
}

type ProfileResult = { longTasks: number; longTaskMs: number; top: HotFunction[]; note: string } | { error: string };

type LoafScript = Loaf['scripts'][number];

const STABLE_MS = 1500;

/** Person full/short forms and summit aliases from the real index: the names a peer tool would be given. */
export function peerForms(root: string): string[] {
  const index = bundledIndex(root);
  const forms = new Set<string>();
  for (const p of index.people) for (const n of p.names) if (n.kind === 'full' || n.kind === 'short') forms.add(n.form);
  for (const s of index.summits) for (const a of s.aliases) forms.add(a);
  return [...forms];
}

async function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** Waits until highlights have stopped changing for `STABLE_MS` (page clock), then returns the probes. */
async function waitMarked(page: Page, timeoutMs = 90_000): Promise<ProbeState> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [probes, now] = await Promise.all([page.evaluate(readProbes), pageNow(page)]);
    if (probes.marks > 0 && probes.lastChangeAt !== null && now - probes.lastChangeAt > STABLE_MS) return probes;
    await sleep(200);
  }
  throw new Error('the extension never finished marking the page');
}

function blocking(tasks: LongTask[]): { longest: number; total: number } {
  return {
    longest: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
    total: tasks.reduce((s, t) => s + Math.max(0, t.duration - 50), 0),
  };
}

/**
 * Long tasks that belong to the scan: from the task that registered the
 * highlights (it ends just before the poll sees them) to the last change.
 * The page's own load work before that is left out; it is reported apart
 * (`pageOnly`) from a load without the extension.
 */
function scanTasks(p: ProbeState): LongTask[] {
  const start = (p.registeredAt ?? p.firstMarkAt ?? 0) - 10;
  const end = p.lastChangeAt ?? Number.POSITIVE_INFINITY;
  return p.longtasks.filter((t) => t.start + t.duration >= start && t.start <= end);
}

async function cdp(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}

async function heap(page: Page): Promise<HeapFigures> {
  const session = await cdp(page);
  await session.send('HeapProfiler.enable');
  await session.send('HeapProfiler.collectGarbage');
  const usage = (await session.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
  await session.send('Performance.enable');
  const { metrics } = await session.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  await session.detach();
  return {
    usedMB: round(usage.usedSize / 1e6, 2),
    embedderMB: usage.embedderHeapUsedSize === undefined ? null : round(usage.embedderHeapUsedSize / 1e6, 2),
    jsHeapUsedMB: round(metric('JSHeapUsedSize') / 1e6, 2),
    domNodes: metric('Nodes'),
  };
}

/**
 * Does the tab's heap figure include the content script? Allocate the same
 * ~30 MB of objects in its isolated world and then in the main world, and
 * compare how much the figure grows each time.
 */
async function isolatedWorldCheck(page: Page): Promise<ScanBench['memory']['isolatedWorldCheck']> {
  const session = await cdp(page);
  const contexts: { id: number; origin: string; name: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
  session.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as (typeof contexts)[number]));
  await session.send('Runtime.enable');
  await sleep(200);
  const isolated = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://'));
  const main = contexts.find((c) => c.auxData?.isDefault === true);
  if (!isolated || !main) {
    await session.detach();
    return { error: `no ${isolated ? 'main' : 'extension isolated'} world among ${contexts.map((c) => c.auxData?.type ?? '?').join(', ')}` };
  }
  const used = async () => {
    await session.send('HeapProfiler.collectGarbage');
    return ((await session.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  };
  const ALLOC = "globalThis.__benchProbe = Array.from({ length: 600000 }, (_, i) => ({ i, s: 'probe-' + i })); 0";
  const FREE = 'delete globalThis.__benchProbe; 0';
  await session.send('HeapProfiler.enable');
  const base = await used();
  await session.send('Runtime.evaluate', { expression: ALLOC, contextId: isolated.id });
  const afterIsolated = await used();
  await session.send('Runtime.evaluate', { expression: FREE, contextId: isolated.id });
  const base2 = await used();
  await session.send('Runtime.evaluate', { expression: ALLOC, contextId: main.id });
  const afterMain = await used();
  await session.send('Runtime.evaluate', { expression: FREE, contextId: main.id });
  await session.detach();
  const isolatedDeltaMB = round((afterIsolated - base) / 1e6, 2);
  const mainDeltaMB = round((afterMain - base2) / 1e6, 2);
  return { isolatedDeltaMB, mainDeltaMB, included: isolatedDeltaMB > mainDeltaMB * 0.8 };
}

async function extensionLoad(side: ChromiumSide, url: string): Promise<{ load: ScanLoad; probes: ProbeState; page: Page }> {
  const page = await side.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  const probes = await waitMarked(page);
  const tasks = scanTasks(probes);
  const { longest, total } = blocking(tasks);
  const load: ScanLoad = {
    timeToAllMarkedMs: round(probes.lastChangeAt!),
    scanMs: round(probes.lastChangeAt! - (probes.registeredAt ?? probes.firstMarkAt!)),
    domContentLoadedMs: round(probes.domContentLoaded),
    loadMs: round(probes.load),
    marks: probes.marks,
    longestTaskMs: round(longest),
    totalBlockingMs: round(total),
    longTasks: tasks.map((t) => ({ start: round(t.start), duration: round(t.duration) })),
  };
  return { load, probes, page };
}

/** Marks the same names with mark.js in a page without the extension; `done` ends the clock. */
async function markjsRun(side: ChromiumSide, url: string, script: string, forms: string[]): Promise<{ ms: number; longestTaskMs: number; marks: number }> {
  const page = await side.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await sleep(500);
  await page.addScriptTag({ content: script });
  const result = await page.evaluate(
    (forms) =>
      new Promise<{ start: number; ms: number; marks: number }>((resolve) => {
        const Mark = (globalThis as unknown as { Mark: new (ctx: Element) => { mark(k: string[], o: object): void } }).Mark;
        const start = performance.now();
        new Mark(document.body).mark(forms, {
          accuracy: 'exactly',
          separateWordSearch: false,
          done: (marks: number) => resolve({ start, ms: performance.now() - start, marks }),
        });
      }),
    forms,
  );
  await sleep(300);
  const probes = await page.evaluate(readProbes);
  const longest = probes.longtasks.filter((t) => t.start + t.duration >= result.start).reduce((m, t) => Math.max(m, t.duration), 0);
  await page.close();
  return { ms: round(result.ms), longestTaskMs: round(longest), marks: result.marks };
}

/**
 * One more load with a trace, to name what fills the longest scan task; when
 * that is the content script's own JavaScript, one more with the sampling
 * profiler names the function.
 */
async function attributeLongestTask(side: ChromiumSide, url: string, extensionDir: string): Promise<NonNullable<ScanBench['attribution']>> {
  const page = await side.newPage();
  const tracing = await startTrace(page);
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  const probes = await waitMarked(page);
  const events = await stopTrace(tracing);
  await page.close();
  const tasks = longestTasks(events, new URL(url).pathname, (probes.registeredAt ?? 0) - 10, 3);
  if ('error' in tasks) return tasks;
  const result: NonNullable<ScanBench['attribution']> = { tracedTasks: tasks };
  // Script resumed by scheduler.yield() runs as microtasks, which the trace does not break down by function.
  result.profile = await profileLongestTask(side, url, extensionDir).catch((e: unknown) => ({ error: String(e) }));
  return result;
}

/** A load with the sampling profiler on, to name the JavaScript behind the longest task. */
async function profileLongestTask(side: ChromiumSide, url: string, extensionDir: string): Promise<ProfileResult> {
  const page = await side.newPage();
  const session = await cdp(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Profiler.start');
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  const probes = await waitMarked(page);
  // A named busy function at a known page time aligns the profile's clock with the page's.
  const markerAt = await page.evaluate(() => {
    const at = performance.now();
    const fn = function summitBenchClockMarker() {
      const until = performance.now() + 3;
      let x = 0;
      while (performance.now() < until) x++;
      return x;
    };
    fn();
    return at;
  });
  const { profile } = await session.send('Profiler.stop');
  await session.detach();
  await page.close();
  const tasks = scanTasks(probes).filter((t) => t.duration > 50);
  if (tasks.length === 0) return { error: 'no long task in the profiled load' };
  const source = (script: string) => {
    const path = /^chrome-extension:\/\/[a-p]{32}\/(.+)$/.exec(script)?.[1];
    try {
      return path ? readFileSync(join(extensionDir, path), 'utf8') : null;
    } catch {
      return null;
    }
  };
  const windows = tasks.map((t): [number, number] => [t.start, t.start + t.duration]);
  const top = hotFunctions(profile, { marker: 'summitBenchClockMarker', markerAt, windows, source });
  if ('error' in top) return top;
  return {
    longTasks: tasks.length,
    longTaskMs: round(tasks.reduce((s, t) => s + t.duration, 0)),
    top: top.functions,
    note: 'self and inclusive time summed over all long scan tasks of a profiled load (100 µs sampling); names are from the minified build, located by url:line:column',
  };
}

export async function benchPageScan(opts: { root: string; extensionDir: string; loads?: number; markjsLoads?: number; log?: (s: string) => void }): Promise<ScanBench> {
  const loads = opts.loads ?? 3;
  const log = opts.log ?? (() => undefined);
  const page = bigPage(opts.root);
  const server = await startPageServer(join(opts.root, 'tests/e2e/pages'));
  server.route('/bench/big.html', page.html);
  const url = `${server.origin}/bench/big.html`;
  const forms = peerForms(opts.root);
  const markScript = readFileSync(join(opts.root, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');
  log(`page: ${(page.htmlBytes / 1e6).toFixed(2)} MB HTML, ${(page.textChars / 1e6).toFixed(2)} M chars of text, ~${page.textNodes} text nodes`);

  const ext = await withExtension(opts.extensionDir);
  const plain = await withoutExtension();
  try {
    // First contact seeds the index into IndexedDB: not part of a page scan.
    const warm = await ext.newPage();
    await warm.goto(`${server.origin}/vi-article.html`, { waitUntil: 'load' });
    await bounded(waitMarked(warm, 60_000), 70_000, 'warm-up');
    await warm.close();

    const extLoads: ScanLoad[] = [];
    const loafScripts: ScanBench['extension']['loafScripts'] = [];
    let memoryWith: HeapFigures | null = null;
    let isoCheck: ScanBench['memory']['isolatedWorldCheck'] = { error: 'not run' };
    for (let i = 0; i < loads; i++) {
      const run = await bounded(extensionLoad(ext, url), 120_000, 'extension page load');
      extLoads.push(run.load);
      for (const loaf of run.probes.loafs) {
        if (loaf.start + loaf.duration < run.probes.domContentLoaded) continue;
        for (const s of loaf.scripts) if (s.duration >= 5) loafScripts.push({ ...s, duration: round(s.duration), frameMs: round(loaf.duration) });
      }
      log(`  extension load ${i + 1}: ${run.load.marks} marks, all marked at ${run.load.timeToAllMarkedMs} ms, scan ${run.load.scanMs} ms, longest task ${run.load.longestTaskMs} ms`);
      if (i === loads - 1) {
        // Highlights stop changing long before the background walk ends (only blocks near the viewport are drawn).
        await waitForEnd(run.page);
        memoryWith = await heap(run.page);
        isoCheck = await isolatedWorldCheck(run.page).catch((e: unknown) => ({ error: String(e) }));
      }
      await run.page.close();
    }

    const floorSamples: number[] = [];
    let walked = { chars: 0, nodes: 0 };
    const pageOnlyTasks: LongTask[] = [];
    let memoryWithout: HeapFigures | null = null;
    for (let i = 0; i < loads; i++) {
      const p = await plain.newPage();
      await p.goto(url, { waitUntil: 'load', timeout: 60_000 });
      await sleep(STABLE_MS);
      const probes = await p.evaluate(readProbes);
      if (i === 0) pageOnlyTasks.push(...probes.longtasks.filter((t) => t.start + t.duration > probes.domContentLoaded));
      if (i === loads - 1) memoryWithout = await heap(p);
      const walk = await p.evaluate(floorWalk);
      floorSamples.push(...walk.samples);
      walked = walk;
      await p.close();
    }
    log(`  floor walk: ${walked.nodes} text nodes, median ${round(median(floorSamples), 2)} ms`);

    const markRuns = [];
    for (let i = 0; i < (opts.markjsLoads ?? 1); i++) {
      const run = await bounded(markjsRun(plain, url, markScript, forms), 180_000, 'mark.js run');
      markRuns.push(run);
      log(`  mark.js run ${i + 1}: ${run.marks} marks in ${run.ms} ms, longest task ${run.longestTaskMs} ms`);
    }

    const ms = (xs: number[]) => ({ median: round(median(xs)), p95: round(percentile(xs, 95)) });
    const bench: ScanBench = {
      page: { htmlBytes: page.htmlBytes, textChars: page.textChars, textNodes: page.textNodes, walkedTextNodes: walked.nodes, walkedChars: walked.chars },
      extension: {
        loads: extLoads,
        timeToAllMarkedMs: ms(extLoads.map((l) => l.timeToAllMarkedMs)),
        scanMs: ms(extLoads.map((l) => l.scanMs)),
        longestTaskMs: ms(extLoads.map((l) => l.longestTaskMs)),
        totalBlockingMs: ms(extLoads.map((l) => l.totalBlockingMs)),
        marks: extLoads[extLoads.length - 1]!.marks,
        loafScripts,
      },
      pageOnly: { longestTaskAfterDclMs: round(blocking(pageOnlyTasks).longest), longTasksAfterDcl: pageOnlyTasks.map((t) => ({ start: round(t.start), duration: round(t.duration) })) },
      floor: { samplesMs: floorSamples.map((x) => round(x, 2)), median: round(median(floorSamples), 2), p95: round(percentile(floorSamples, 95), 2) },
      markjs: {
        runs: markRuns,
        ...ms(markRuns.map((r) => r.ms)),
        longestTaskMs: round(Math.max(...markRuns.map((r) => r.longestTaskMs))),
        forms: forms.length,
        marks: markRuns[0]?.marks ?? 0,
      },
      memory: {
        withExtension: memoryWith!,
        withoutExtension: memoryWithout!,
        deltaMB: round(memoryWith!.usedMB - memoryWithout!.usedMB, 2),
        isolatedWorldCheck: isoCheck,
      },
    };
    if (bench.extension.longestTaskMs.p95 > 50) {
      log('  longest scan task over 50 ms: tracing one more load to attribute it');
      bench.attribution = await bounded(attributeLongestTask(ext, url, opts.extensionDir), 180_000, 'traced load').catch((e: unknown) => ({ error: String(e) }));
    }
    return bench;
  } finally {
    await ext.close().catch(() => undefined);
    await plain.close().catch(() => undefined);
    await server.close();
  }
}
