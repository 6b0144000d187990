/**
 * Viewport first, in a real Chromium on the 1 MB bench page: how soon after
 * the content script starts its scan the reader sees the first mark, against
 * how long marking the whole page takes in the same load, and how many ranges
 * the browser is handed (only blocks near the viewport) against all mentions.
 * Times come from the scanner's own User Timing marks (same clock as the
 * page), so no poll period is added to them.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startPageServer } from '../../tests/e2e/harness/server';
import { SCAN_MARKS } from '../../src/page/scanner';
import { bigPage } from './big-page';
import { bounded, median, percentile, readProbes, round, sleep, withExtension } from './chromium';

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
  try {
    // First contact seeds the index: not part of a page scan.
    const warm = await ext.newPage();
    await warm.goto(`${server.origin}/vi-article.html`, { waitUntil: 'load' });
    await bounded(waitForEnd(warm, 60_000), 70_000, 'warm-up');
    await warm.close();

    const results: ViewportLoad[] = [];
    for (let i = 0; i < loads; i++) {
      const tab = await ext.newPage();
      await tab.goto(url, { waitUntil: 'load', timeout: 60_000 });
      const marks = await bounded(waitForEnd(tab), 100_000, 'viewport-first load');
      if (marks.start === null || marks.firstVisible === null || marks.end === null) throw new Error('a scan mark is missing');
      const probes = await tab.evaluate(readProbes);
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
      log(`  viewport-first load ${i + 1}: first visible mark ${load.firstVisibleMs} ms, whole page ${load.wholePageMs} ms, ${load.drawnRanges} ranges drawn, longest task ${load.longestTaskMs} ms`);
      await tab.close();
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
    };
  } finally {
    await ext.close().catch(() => undefined);
    await server.close();
  }
}
