/**
 * Hover to card in a real Chromium with the built extension. The dwell is a
 * deliberate delay (the card must not flash while the pointer crosses text),
 * so what is measured is the time beyond it: from the pointer arriving on a
 * mention plus `dwellMs` until the card's host is open and has a size
 * (`open`), and until the host stopped resizing, i.e. the card's data is
 * drawn (`filled`).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import { startPageServer } from '../../tests/e2e/harness/server';
import { median, percentile, round, sleep, withExtension } from './chromium';

export interface HoverBench {
  page: string;
  dwellMs: number;
  samples: number;
  /** Beyond the dwell, until the host is `:popover-open` with a non-zero box. */
  openMs: { median: number; p95: number; samples: number[] };
  /** Beyond the dwell, until the last resize of the open host (the card with its data). */
  filledMs: { median: number; p95: number; samples: number[] };
  targets: string[];
  misses: number;
}

export interface Target {
  id: string;
  text: string;
}

/** Mentions of different entities, so the first hover of each also pays the card's trip to the background. */
const TARGETS: Target[] = [
  { id: 'p2', text: 'Trump' },
  { id: 'p2', text: 'Volodymyr Zelensky' },
  { id: 'p3', text: 'Sergei Lavrov' },
  { id: 'sapo', text: 'Vladimir Putin' },
  { id: 'p3', text: 'Marco Rubio' },
];

/** Main-world recorders: the last pointer move, and the host's open and resize times. */
function installHoverProbes(): void {
  type Probe = { lastMove: number; opens: { move: number; open: number; ok: boolean }[]; resizes: { t: number; w: number; h: number }[] };
  const w = globalThis as unknown as { __hover?: Probe };
  if (w.__hover) return;
  const probe: Probe = { lastMove: 0, opens: [], resizes: [] };
  w.__hover = probe;
  document.addEventListener('pointermove', (e) => (probe.lastMove = e.timeStamp), { capture: true, passive: true });
  let observer: ResizeObserver | null = null;
  // `beforetoggle` does not bubble but is seen while capturing; it fires inside showPopover(),
  // before the card is rendered, so the check waits for the content script's task to finish.
  document.addEventListener(
    'beforetoggle',
    (e) => {
      const host = e.target as HTMLElement;
      if ((e as ToggleEvent).newState !== 'open' || host.tagName.toLowerCase() !== 'summit-lens-popover') return;
      const move = probe.lastMove;
      const check = () => {
        const r = host.getBoundingClientRect();
        if (host.matches(':popover-open') && r.width > 0 && r.height > 0) probe.opens.push({ move, open: performance.now(), ok: true });
        else requestAnimationFrame(check);
      };
      queueMicrotask(check);
      if (observer === null) {
        observer = new ResizeObserver((entries) => {
          for (const entry of entries) probe.resizes.push({ t: performance.now(), w: entry.contentRect.width, h: entry.contentRect.height });
        });
        observer.observe(host);
      }
    },
    true,
  );
}

async function targetPoint(page: Page, target: Target): Promise<{ x: number; y: number }> {
  return page.evaluate(({ id, text }) => {
    const el = document.getElementById(id)!;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf(text);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + text.length);
      const r = range.getClientRects()[0]!;
      return { x: r.left + Math.min(12, r.width / 2), y: r.top + r.height / 2 };
    }
    throw new Error(`"${text}" not found in #${id}`);
  }, target);
}

const isOpen = () => document.querySelector('summit-lens-popover')?.matches(':popover-open') === true;

/**
 * A report about one summit (Geneva 2021): every card there starts with the
 * page's summit and orders its quotes for the page, from the page context.
 */
export const CONTEXT_PAGE = { page: 'context-geneva-2021.html', targets: [
  { id: 'standfirst', text: 'Vladimir Putin' },
  { id: 'standfirst', text: 'Joe Biden' },
  { id: 'recall', text: 'Donald Trump' },
  { id: 'headline', text: 'Geneva summit' },
] };

export async function benchHover(opts: { root: string; extensionDir: string; repeats?: number; page?: string; targets?: Target[]; log?: (s: string) => void }): Promise<HoverBench> {
  const targets = opts.targets ?? TARGETS;
  const pagePath = opts.page ?? 'vi-article.html';
  const repeats = opts.repeats ?? 15;
  const dwellMs = DEFAULT_SETTINGS.dwellMs;
  const server = await startPageServer(join(opts.root, 'tests/e2e/pages'));
  const side = await withExtension(opts.extensionDir);
  try {
    const page = await side.newPage();
    await page.addInitScript(`(${installHoverProbes.toString()})();`);
    await page.goto(`${server.origin}/${pagePath}`, { waitUntil: 'load' });
    await page.waitForFunction(() => (globalThis as unknown as { __bench: { marks: number } }).__bench.marks > 0, undefined, { timeout: 60_000, polling: 100 });
    await sleep(500);
    const points = [];
    for (const t of targets) points.push(await targetPoint(page, t));
    // Away: the bottom-left corner, outside the article column and never under a card.
    const away = { x: 8, y: 790 };
    await page.mouse.move(away.x, away.y);
    const open: number[] = [];
    const filled: number[] = [];
    let misses = 0;
    for (let i = 0; i < repeats; i++) {
      const point = points[i % points.length]!;
      await page.mouse.move(away.x, away.y);
      // A second step away from the card: the first point out of a mention is the apex of
      // the "heading to the card" triangle, which keeps the card open until the pointer moves on.
      await page.mouse.move(away.x + 4, away.y + 4);
      const closed = () => document.querySelector('summit-lens-popover')?.matches(':popover-open') !== true;
      try {
        await page.waitForFunction(closed, undefined, { timeout: 3_000, polling: 20 });
      } catch {
        await page.keyboard.press('Escape');
        await page.waitForFunction(closed, undefined, { timeout: 3_000, polling: 20 });
      }
      // A still pointer for a while, so the move onto the mention is not read as a fast crossing.
      await sleep(250);
      const before = await page.evaluate(() => (globalThis as unknown as { __hover: { opens: unknown[] } }).__hover.opens.length);
      await page.mouse.move(point.x, point.y);
      try {
        await page.waitForFunction((n) => (globalThis as unknown as { __hover: { opens: unknown[] } }).__hover.opens.length > n, before, { timeout: 5_000, polling: 20 });
      } catch {
        misses++;
        continue;
      }
      // Card data comes from the background over messaging; give it time to arrive and draw.
      await sleep(400);
      const probe = await page.evaluate(() => (globalThis as unknown as { __hover: { opens: { move: number; open: number }[]; resizes: { t: number; w: number; h: number }[] } }).__hover);
      const o = probe.opens[probe.opens.length - 1]!;
      const dwellEnd = o.move + dwellMs;
      open.push(o.open - dwellEnd);
      const last = probe.resizes.filter((r) => r.t >= o.open - 1 && r.w > 0 && r.h > 0).pop();
      filled.push((last ? Math.max(last.t, o.open) : o.open) - dwellEnd);
      if (!(await page.evaluate(isOpen))) misses++;
    }
    opts.log?.(`  hover: ${open.length} opens, ${misses} misses, beyond dwell median ${round(median(open))} ms`);
    const stat = (xs: number[]) => ({ median: round(median(xs)), p95: round(percentile(xs, 95)), samples: xs.map((x) => round(x)) });
    return {
      page: `tests/e2e/pages/${pagePath}`,
      dwellMs,
      samples: open.length,
      openMs: stat(open),
      filledMs: stat(filled),
      targets: targets.map((t) => t.text),
      misses,
    };
  } finally {
    await side.close().catch(() => undefined);
    await server.close();
  }
}
