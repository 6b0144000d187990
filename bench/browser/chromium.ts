/**
 * What the browser benches share: a Chromium without the extension launched
 * exactly like the harness's one with it (so the two differ only by the
 * extension), the main-world probes installed before any page script runs,
 * and small statistics helpers.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { BROWSER_BINARIES, launchWithExtension, type ExtensionSession, type Tab } from '../../tests/e2e/harness/browsers';

export { median, percentile, round } from '../stats';

export interface ChromiumSide {
  /** A fresh tab with the probes installed, not navigated yet. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Chromium tabs from the harness are Playwright pages; the benches need Playwright's extras (init scripts, CDP). */
export function playwrightPage(tab: Tab): Page {
  const page = tab.raw as Page;
  if (typeof (page as Partial<Page>).addInitScript !== 'function') throw new Error('expected a Playwright page (Chromium)');
  return page;
}

export async function withExtension(extensionDir: string): Promise<ChromiumSide & { session: ExtensionSession }> {
  const session = await launchWithExtension('chromium', extensionDir);
  return {
    session,
    async newPage() {
      const page = playwrightPage(await session.newTab());
      await page.addInitScript(PROBES);
      return page;
    },
    close: () => session.close(),
  };
}

/** Same flags, viewport and locale as the harness's `launchChromium`, minus the extension. */
export async function withoutExtension(): Promise<ChromiumSide> {
  const profile = await mkdtemp(join(tmpdir(), 'summit-lens-bench-plain-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: BROWSER_BINARIES.chromium,
    headless: true,
    colorScheme: 'light',
    locale: 'vi-VN',
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    async newPage() {
      const page = await context.newPage();
      await page.addInitScript(PROBES);
      return page;
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface LongTask {
  start: number;
  duration: number;
}

export interface LoafScript {
  sourceURL: string;
  sourceFunctionName: string;
  invoker: string;
  duration: number;
}

export interface Loaf {
  start: number;
  duration: number;
  blockingDuration: number;
  scripts: LoafScript[];
}

/** What the probes hold, read back with `page.evaluate(readProbes)`. */
export interface ProbeState {
  longtasks: LongTask[];
  loafs: Loaf[];
  /** First time the page's highlight registry was seen non-empty (the content script's `ActivePage` exists). */
  registeredAt: number | null;
  firstMarkAt: number | null;
  /** Last time the number of highlighted ranges was seen to change. */
  lastChangeAt: number | null;
  marks: number;
  domContentLoaded: number;
  load: number;
}

/**
 * Runs in the page's main world before its scripts. The highlight registry
 * belongs to the document, so ranges the content script adds from its
 * isolated world show up here; reading sizes every 4 ms costs microseconds.
 * That poll runs as ordinary tasks, so the times it records are late by up to
 * one poll period plus whatever task is running (at most one 8 ms slice).
 */
function installProbes(): void {
  type W = typeof globalThis & { __bench?: unknown };
  const w = globalThis as W;
  if (w.__bench) return;
  const state = {
    longtasks: [] as { start: number; duration: number }[],
    loafs: [] as unknown[],
    registeredAt: null as number | null,
    firstMarkAt: null as number | null,
    lastChangeAt: null as number | null,
    marks: 0,
  };
  w.__bench = state;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: the longest-task figures stay empty.
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { blockingDuration: number; scripts: Record<string, unknown>[] })[]) {
        state.loafs.push({
          start: e.startTime,
          duration: e.duration,
          blockingDuration: e.blockingDuration,
          scripts: (e.scripts ?? []).map((s) => ({
            sourceURL: String(s.sourceURL ?? ''),
            sourceFunctionName: String(s.sourceFunctionName ?? ''),
            invoker: String(s.invoker ?? ''),
            duration: Number(s.duration ?? 0),
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // No LoAF API: no script attribution.
  }
  const registry = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<unknown>> } }).CSS?.highlights;
  if (!registry) return;
  const tick = () => {
    const now = performance.now();
    if (registry.size > 0 && state.registeredAt === null) state.registeredAt = now;
    let n = 0;
    for (const h of registry.values()) n += h.size;
    if (n !== state.marks) {
      if (state.firstMarkAt === null) state.firstMarkAt = now;
      state.marks = n;
      state.lastChangeAt = now;
    }
  };
  // The scanner yields with scheduler.yield(), whose continuations run ahead
  // of ordinary timers: a timer poll alone would see nothing until the scan
  // ends. User-blocking tasks and animation frames still get in between slices.
  const scheduler = (globalThis as unknown as { scheduler?: { postTask(cb: () => void, o: { priority: string; delay: number }): Promise<void> } }).scheduler;
  const blockingPoll = () => {
    tick();
    void scheduler!.postTask(blockingPoll, { priority: 'user-blocking', delay: 4 });
  };
  if (scheduler?.postTask) blockingPoll();
  const framePoll = () => {
    tick();
    requestAnimationFrame(framePoll);
  };
  requestAnimationFrame(framePoll);
  setInterval(tick, 4);
}

/** tsx (esbuild, keepNames) wraps functions in `__name(...)`; functions sent to the page need the helper there too. */
const PROBES = `globalThis.__name ??= (f) => f; (${installProbes.toString()})();`;

export function readProbes(): ProbeState {
  const state = (globalThis as unknown as { __bench: Omit<ProbeState, 'domContentLoaded' | 'load'> }).__bench;
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return {
    ...state,
    longtasks: [...state.longtasks],
    loafs: [...state.loafs],
    domContentLoaded: nav?.domContentLoadedEventEnd ?? 0,
    load: nav?.loadEventEnd ?? 0,
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Rejects when `promise` takes longer than `ms`, so one stuck piece cannot hang the whole run. */
export function bounded<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
