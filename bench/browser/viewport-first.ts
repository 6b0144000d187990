/**
 * Viewport first, in a real Chromium on the 1 MB bench page: how soon after
 * the content script starts its scan the reader sees the first mark, against
 * how long marking the whole page takes in the same load, and how many ranges
 * the browser is handed (only blocks near the viewport) against all mentions.
 * Times come from the scanner's own User Timing marks (same clock as the
 * page), so no poll period is added to them.
 *
 * Every load is traced (task events and V8's sampler, `own-work.ts`) and
 * paired with a load of the same page in a Chromium without the extension,
 * traced the same way and looked at over the same page-clock window: the
 * control for the long tasks the page makes on its own. The control load
 * also walks the page's text nodes, the floor the scan's CPU is held to.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startPageServer } from '../../tests/e2e/harness/server';
import { SCAN_MARKS } from '../../src/page/scanner';
import { spread, type Spread } from '../stats';
import { bigPage } from './big-page';
import { bounded, median, percentile, readProbes, round, sleep, withExtension, withoutExtension, type ChromiumSide } from './chromium';
import { floorWalk } from './floor';
import { KNOWN_WORK_FUNCTION, knownWorkCheck, type KnownWorkCheck } from './known-work';
import { readTracedLoad, summarizeOwnWork, type OwnWorkSummary, type TracedLoad } from './own-work';
import { SAMPLED_CATEGORIES, startTrace, stopTrace } from './trace';

export interface ViewportLoad {
  /** Scan start → first mark handed to the browser (viewport-first pass). */
  firstVisibleMs: number;
  /** Scan start → whole page scanned (every mention known). */
  wholePageMs: number;
  /** Longest main-thread task from scan start to the first visible mark. */
  firstTaskMs: number;
  /** Longest main-thread task during the whole scan. */
  longestTaskMs: number;
  /** Ranges in the page's highlight registry once the scan has ended. */
  drawnRanges: number;
}

export interface ViewportBench {
  /** Characters of text on the page (1.1 M for the "1 MB" page). */
  textChars: number;
  loads: ViewportLoad[];
  firstVisibleMs: { median: number; p95: number; min: number; max: number };
  wholePageMs: { median: number; p95: number; min: number; max: number };
  ratio: { median: number; p95: number };
  longestTaskMs: { median: number; p95: number; min: number; max: number };
  drawnRanges: number;
  /** Traced loads with the extension and their controls without it. */
  ownWork: OwnWorkSummary;
  traced: { withExtension: TracedLoad; control: TracedLoad }[];
  /** The floor: a TreeWalker reading every text node, in the control loads (median of each load's seven walks). */
  floorMs: Spread;
  /** The sampler read against a busy loop of known length, in the last load with the extension. */
  knownWork: KnownWorkCheck | { error: string };
}

/** Long tasks are looked at until this long after the scan's end mark: the last highlights' rendering comes after it. */
export const SETTLE_MS = 500;

/** Waits until the page's own clock has passed `pageMs`, so a control is looked at over the same window. */
async function untilPageTime(page: Page, pageMs: number): Promise<void> {
  for (;;) {
    const now = await page.evaluate(() => performance.now());
    if (now >= pageMs) return;
    await sleep(Math.min(100, pageMs - now));
  }
}

const PAGE_PATH = '/bench/big.html';
const isExtension = (url: string) => url.startsWith('chrome-extension://');

/** A traced load of the page without the extension, over the same window as its pair; then the floor walk. */
async function controlLoad(plain: ChromiumSide, url: string, windowEndMs: number): Promise<{ load: TracedLoad; floorMs: number }> {
  const tab = await plain.newPage();
  const tracing = await startTrace(tab, SAMPLED_CATEGORIES);
  await tab.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await untilPageTime(tab, windowEndMs);
  const events = await stopTrace(tracing);
  const { domContentLoaded } = await tab.evaluate(readProbes);
  const load = readTracedLoad(events, { pagePath: PAGE_PATH, window: { fromMs: domContentLoaded, toMs: windowEndMs }, isExtension });
  if ('error' in load) throw new Error(`control load: ${load.error}`);
  const walk = await tab.evaluate(floorWalk);
  await tab.close();
  return { load, floorMs: median(walk.samples) };
}

interface MarkTimes {
  start: number | null;
  firstVisible: number | null;
  end: number | null;
}

function scanMarks(names: typeof SCAN_MARKS): MarkTimes {
  const at = (name: string) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? null;
  return { start: at(names.start), firstVisible: at(names.firstVisible), end: at(names.end) };
}

/** Waits for the content script's scan-end mark: the whole page scanned, every mention known. */
export async function waitForEnd(page: Page, timeoutMs = 90_000): Promise<MarkTimes> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const marks = await page.evaluate(scanMarks, SCAN_MARKS);
    if (marks.end !== null) return marks;
    await sleep(100);
  }
  throw new Error('the scan never ended (no summit-lens:scan-end mark)');
}

const stats = (xs: number[]) => ({ median: round(median(xs)), p95: round(percentile(xs, 95)), min: round(Math.min(...xs)), max: round(Math.max(...xs)) });

export async function benchViewportFirst(opts: { root: string; extensionDir: string; loads?: number; textChars?: number; log?: (s: string) => void }): Promise<ViewportBench> {
  const loads = opts.loads ?? 10;
  const log = opts.log ?? (() => undefined);
  const page = bigPage(opts.root, opts.textChars);
  const server = await startPageServer(join(opts.root, 'tests/e2e/pages'));
  server.route('/bench/big.html', page.html);
  const url = `${server.origin}/bench/big.html`;
  const ext = await withExtension(opts.extensionDir);
  const plain = await withoutExtension();
  try {
    // First contact seeds the index: not part of a page scan.
    const warm = await ext.newPage();
    await warm.goto(`${server.origin}/vi-article.html`, { waitUntil: 'load' });
    await bounded(waitForEnd(warm, 60_000), 70_000, 'warm-up');
    await warm.close();

    const results: ViewportLoad[] = [];
    const traced: ViewportBench['traced'] = [];
    const floors: number[] = [];
    let knownWork: ViewportBench['knownWork'] = { error: 'not run' };
    for (let i = 0; i < loads; i++) {
      const tab = await ext.newPage();
      const tracing = await startTrace(tab, SAMPLED_CATEGORIES);
      await tab.goto(url, { waitUntil: 'load', timeout: 60_000 });
      const marks = await bounded(waitForEnd(tab), 100_000, 'viewport-first load');
      if (marks.start === null || marks.firstVisible === null || marks.end === null) throw new Error('a scan mark is missing');
      const windowEndMs = marks.end + SETTLE_MS;
      await untilPageTime(tab, windowEndMs);
      const probes = await tab.evaluate(readProbes);
      if (i === loads - 1) knownWork = await knownWorkCheck(tab).catch((e: unknown) => ({ error: String(e) }));
      const events = await stopTrace(tracing);
      const withExt = readTracedLoad(events, {
        pagePath: PAGE_PATH,
        window: { fromMs: probes.domContentLoaded, toMs: windowEndMs },
        isExtension,
        scanMarks: { start: SCAN_MARKS.start, end: SCAN_MARKS.end },
        knownWorkFunction: KNOWN_WORK_FUNCTION,
      });
      if ('error' in withExt) throw new Error(`traced load: ${withExt.error}`);
      if (i === loads - 1 && !('error' in knownWork)) knownWork = { ...knownWork, sampledMs: withExt.knownWorkMs };
      const during = (from: number, to: number) =>
        probes.longtasks.filter((t) => t.start + t.duration >= from && t.start <= to).reduce((m, t) => Math.max(m, t.duration), 0);
      const load: ViewportLoad = {
        firstVisibleMs: round(marks.firstVisible - marks.start, 2),
        wholePageMs: round(marks.end - marks.start),
        firstTaskMs: round(during(marks.start, marks.firstVisible)),
        longestTaskMs: round(during(marks.start, marks.end)),
        drawnRanges: probes.marks,
      };
      results.push(load);
      await tab.close();
      const control = await bounded(controlLoad(plain, url, windowEndMs), 120_000, 'control load');
      traced.push({ withExtension: withExt, control: control.load });
      floors.push(control.floorMs);
      log(
        `  viewport-first load ${i + 1}: first visible mark ${load.firstVisibleMs} ms, whole page ${load.wholePageMs} ms, ${load.drawnRanges} ranges drawn, longest task ${load.longestTaskMs} ms; ` +
          `traced: longest task after DCL ${withExt.longestTaskMs} ms (control ${control.load.longestTaskMs} ms), script in the scan ${withExt.scan?.extensionMs} ms, floor ${round(control.floorMs, 2)} ms`,
      );
    }
    const ratios = results.map((r) => r.firstVisibleMs / r.wholePageMs);
    return {
      textChars: page.textChars,
      loads: results,
      firstVisibleMs: stats(results.map((r) => r.firstVisibleMs)),
      wholePageMs: stats(results.map((r) => r.wholePageMs)),
      ratio: { median: round(median(ratios), 4), p95: round(percentile(ratios, 95), 4) },
      longestTaskMs: stats(results.map((r) => r.longestTaskMs)),
      drawnRanges: Math.max(...results.map((r) => r.drawnRanges)),
      ownWork: summarizeOwnWork(traced),
      traced,
      floorMs: spread(floors, 2),
      knownWork,
    };
  } finally {
    await ext.close().catch(() => undefined);
    await plain.close().catch(() => undefined);
    await server.close();
  }
}
