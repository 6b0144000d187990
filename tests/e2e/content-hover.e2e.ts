/**
 * Hovering, the card, the keyboard path and live settings, in real Chromium
 * and Firefox. The card lives in a CLOSED shadow root: Chromium reads it
 * through the DevTools protocol; Firefox (no CDP) is checked from outside —
 * top layer, size, position, colours from a screenshot — and says so below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tab } from './harness/browsers';
import { BROWSERS, maybeScreenshot, useExtension, type Harness } from './harness/fixture';
import { poll } from './harness/poll';
import {
  cardMarkupViaCdp,
  expectCardInViewport,
  grab,
  isOpen,
  openControl,
  popover,
  rectOfTextInPage,
  resetSettings,
  sendToTab,
  setSettings,
  sleep,
  waitForActive,
  waitForCounts,
  waitForHighlights,
} from './content-support';

/** A spot on hover.html with no text under it. */
const NEUTRAL = { x: 20, y: 780 };

async function rectOf(tab: Tab, text: string, nth = 0) {
  const rect = await tab.evaluate(rectOfTextInPage, { text, nth });
  if (rect === null) throw new Error(`"${text}" is not on the page`);
  return rect;
}

/** Rests the pointer on the middle of `text` (coming from a blank spot). */
async function hover(tab: Tab, text: string, nth = 0) {
  const rect = await rectOf(tab, text, nth);
  await tab.mouseMove(NEUTRAL.x, NEUTRAL.y);
  await tab.mouseMove(rect.x, rect.y, 3);
  return rect;
}

async function closeCard(tab: Tab) {
  await tab.mouseMove(NEUTRAL.x, NEUTRAL.y);
  await tab.press('Escape');
  await tab.waitFor(() => document.querySelector('summit-lens-popover')?.matches(':popover-open') !== true);
}

async function openHoverPage(h: Harness, control: Tab): Promise<Tab> {
  const tab = await h.session.newTab(h.url('hover.html'));
  await waitForActive(tab);
  await waitForCounts(control, { lavrov: 2, putin: 2, rubio: 1, trump: 1, ushakov: 1, witkoff: 1, zelensky: 1 });
  await tab.bringToFront();
  return tab;
}

/**
 * The card's background, sampled just inside its left border (padding, no
 * text) and just inside its right border — where a scrolling card's scrollbar
 * track is (Firefox draws a classic one): both must be the card's colour.
 */
async function cardBackground(tab: Tab): Promise<[number, number, number][]> {
  const state = await popover(tab);
  const shot = await grab(tab);
  const r = state.rect!;
  // Right: near the bottom, below the scrollbar's thumb (the card opens scrolled to the top).
  return [shot.pixel(r.left + 5, r.top + r.height / 2), shot.pixel(r.right - 4, r.bottom - 12)];
}

for (const name of BROWSERS) {
  describe(`hover and card in ${name}`, () => {
    const h = useExtension(name);
    let control: Tab;
    let tab: Tab;

    beforeAll(async () => {
      control = await openControl(h);
      await resetSettings(control);
      tab = await openHoverPage(h, control);
    });
    afterAll(async () => {
      await tab?.close();
    });

    it('opens only after the dwell, in the top layer, in a closed shadow root the page cannot read', async () => {
      const name_ = await hover(tab, 'Vladimir Putin');
      await sleep(100);
      expect(await popover(tab)).toMatchObject({ present: false, open: false });
      await tab.waitFor(() => document.querySelector('summit-lens-popover')?.matches(':popover-open') === true, undefined, 3000);
      const state = await popover(tab);
      expectCardInViewport(state);
      expect(state.rect!.top).toBeGreaterThanOrEqual(name_.bottom);
      // The page's main world gets nothing: no shadow root, no light-DOM children.
      expect(state.shadowRoot).toBeNull();
      expect(state.lightChildren).toBe(0);
      // Light card on a light page (Firefox cannot read the closed root: this pixel is its check of the card's rendering).
      const light = await poll(async () => {
        const pixels = await cardBackground(tab);
        return pixels.every(([r, g, b]) => Math.min(r, g, b) > 235) && pixels;
      }, 'the card painted light', 5000).catch(() => cardBackground(tab));
      for (const [r, g, b] of light) expect(Math.min(r, g, b)).toBeGreaterThan(235);
      if (name === 'chromium') {
        let html = '';
        for (let i = 0; i < 50 && !html.includes('class="quote"'); i++) {
          html = await cardMarkupViaCdp(tab);
          if (!html.includes('class="quote"')) await sleep(100);
        }
        expect(html).toContain('<h2 id="sl-title">Vladimir Putin</h2>');
        expect(html).toMatch(/<ul class="summits"><li><span>[^<]*Alaska[^<]*<\/span> <time datetime="2025-08-15">15\/8\/2025<\/time><\/li>/);
        expect(html).toMatch(/<figure class="quote"><blockquote>“[^<]+”<\/blockquote><figcaption><span class="speaker">Vladimir Putin<\/span>.*?<span class="source">Nguồn: [^<]+<\/span>/);
      }
      await maybeScreenshot(tab, `${name}-popover-light`);
    });

    it('closes after the grace period once the pointer moves away', async () => {
      expect(await isOpen(tab)).toBe(true);
      const rect = await rectOf(tab, 'Vladimir Putin');
      // Up and away from the card (which is below the name), onto blank page.
      await tab.mouseMove(rect.x, rect.top - 25, 2);
      await sleep(100);
      expect(await isOpen(tab)).toBe(true);
      await tab.waitFor(() => document.querySelector('summit-lens-popover') === null, undefined, 3000);
      expect(await popover(tab)).toMatchObject({ present: false, open: false });
    });

    it('closes on Esc', async () => {
      await hover(tab, 'Vladimir Putin');
      await tab.waitFor(() => document.querySelector('summit-lens-popover')?.matches(':popover-open') === true, undefined, 3000);
      await tab.press('Escape');
      await tab.waitFor(() => document.querySelector('summit-lens-popover') === null, undefined, 3000);
      expect(await popover(tab)).toMatchObject({ present: false, open: false });
      await tab.mouseMove(NEUTRAL.x, NEUTRAL.y);
    });

    it('shows nothing when the pointer races across several names', async () => {
      const first = await rectOf(tab, 'Lavrov');
      const last = await rectOf(tab, 'Ushakov');
      await tab.mouseMove(first.left - 20, first.y);
      const started = Date.now();
      await tab.mouseMove(last.right + 150, last.y, 25);
      const sweepMs = Date.now() - started;
      for (let t = 0; t < 800; t += 100) {
        expect(await isOpen(tab)).toBe(false);
        await sleep(100);
      }
      expect(await popover(tab)).toMatchObject({ present: false });
      // The sweep crossed five names; it only proves something if it was faster than the dwell per name.
      expect(sweepMs).toBeLessThan(5 * 350);
    });

    it('stays inside the viewport for a name at the right edge and one at the bottom', async () => {
      const right = await hover(tab, 'Donald Trump');
      expect(right.right).toBeGreaterThan(1200);
      await tab.waitFor(() => document.querySelector('summit-lens-popover')?.matches(':popover-open') === true, undefined, 3000);
      await sleep(300);
      let state = await popover(tab);
      expectCardInViewport(state);
      expect(state.rect!.right).toBeLessThanOrEqual(state.viewport.width - 8);
      expect(state.rect!.top).toBeGreaterThanOrEqual(right.bottom);
      await closeCard(tab);

      const low = await hover(tab, 'Sergei Lavrov');
      expect(low.bottom).toBeGreaterThan(770);
      await tab.waitFor(() => document.querySelector('summit-lens-popover')?.matches(':popover-open') === true, undefined, 3000);
      await sleep(300);
      state = await popover(tab);
      expectCardInViewport(state);
      // No room below: the card sits above the name, not over it.
      expect(state.rect!.bottom).toBeLessThanOrEqual(low.top);
      await closeCard(tab);
    });

    it('is not covered by a position:fixed header with z-index 2147483647 (the host is in the top layer)', async () => {
      const low = await hover(tab, 'Putin', 1);
      expect(low.top).toBeGreaterThan(480);
      await tab.waitFor(() => document.querySelector('summit-lens-popover')?.matches(':popover-open') === true, undefined, 3000);
      // Wait for the full card (it grows from "loading"), which then reaches up under the header.
      await tab.waitFor(() => (document.querySelector('summit-lens-popover')?.getBoundingClientRect().top ?? 1e9) < 100, undefined, 3000);
      const state = await popover(tab);
      expectCardInViewport(state);
      const onTop = await tab.evaluate((at) => {
        const header = document.querySelector('header')!;
        const hit = document.elementFromPoint(at.x, at.y);
        return {
          headerZ: getComputedStyle(header).zIndex,
          headerCovers: header.getBoundingClientRect().bottom > at.y,
          hit: hit?.tagName.toLowerCase(),
        };
      }, { x: state.rect!.left + 20, y: state.rect!.top + 10 });
      expect(onTop).toEqual({ headerZ: '2147483647', headerCovers: true, hit: 'summit-lens-popover' });
      await closeCard(tab);
    });

    it('openNext (the keyboard command) opens the next mention with focus in the card; Esc closes it', async () => {
      await sendToTab(control, { type: 'openNext' });
      await tab.bringToFront();
      await tab.waitFor(() => document.querySelector('summit-lens-popover')?.matches(':popover-open') === true, undefined, 3000);
      const first = await rectOf(tab, 'Vladimir Putin');
      let state = await popover(tab);
      expect(state.activeIsHost).toBe(true);
      expect(state.rect!.top).toBeGreaterThanOrEqual(first.bottom);
      expect(state.rect!.top).toBeLessThan(first.bottom + 20);

      // Again: the next mention in document order (Lavrov, on the line below).
      await sendToTab(control, { type: 'openNext' });
      await tab.bringToFront();
      const second = await rectOf(tab, 'Lavrov');
      await tab.waitFor((bottom) => {
        const host = document.querySelector('summit-lens-popover');
        return host?.matches(':popover-open') === true && host.getBoundingClientRect().top >= bottom;
      }, second.bottom, 3000);
      state = await popover(tab);
      expect(state.activeIsHost).toBe(true);

      await tab.press('Escape');
      await tab.waitFor(() => document.querySelector('summit-lens-popover') === null, undefined, 3000);
      expect(await popover(tab)).toMatchObject({ present: false, open: false });
    });
  });

  describe(`live settings in ${name}`, () => {
    const h = useExtension(name);
    let control: Tab;

    beforeAll(async () => {
      control = await openControl(h);
    });

    it('mark style, detect kinds and per-site off apply to the open tab without a reload', async () => {
      const tab = await h.session.newTab(h.url('en-alaska-article.html'));
      try {
        await waitForActive(tab);
        const all = { 'alaska-2025': 5, lavrov: 2, putin: 7, trump: 5, zelensky: 3 };
        const underline = { 'summit-lens-underline-person': 17, 'summit-lens-underline-summit': 5 };
        await waitForCounts(control, all);
        await waitForHighlights(tab, underline);
        await tab.evaluate(() => {
          (window as unknown as { marker: number }).marker = 42;
        });

        await setSettings(control, { markStyle: 'background' });
        await waitForHighlights(tab, { 'summit-lens-background-person': 17, 'summit-lens-background-summit': 5 });

        await setSettings(control, { markStyle: 'background', detect: { person: true, summit: false } });
        await waitForHighlights(tab, { 'summit-lens-background-person': 17, 'summit-lens-background-summit': 0 });
        await waitForCounts(control, { lavrov: 2, putin: 7, trump: 5, zelensky: 3 });

        await setSettings(control, { disabledSites: ['127.0.0.1'] });
        await waitForHighlights(tab, {});
        await waitForCounts(control, {});
        // The card stops too: resting on a name shows nothing.
        await tab.bringToFront();
        const putin = await tab.evaluate(rectOfTextInPage, { text: 'Vladimir Putin' });
        await tab.mouseMove(5, 5);
        await tab.mouseMove(putin!.x, putin!.y, 3);
        await sleep(800);
        expect(await popover(tab)).toMatchObject({ present: false });

        await resetSettings(control);
        await waitForCounts(control, all);
        await waitForHighlights(tab, underline);
        // And the card works again, on the same page: no reload happened.
        await tab.bringToFront();
        await tab.mouseMove(5, 5);
        await tab.mouseMove(putin!.x, putin!.y, 3);
        await tab.waitFor(() => document.querySelector('summit-lens-popover')?.matches(':popover-open') === true, undefined, 3000);
        expect(await tab.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(42);
      } finally {
        await resetSettings(control);
        await tab.close();
      }
    });
  });

  describe(`dark card in ${name}`, () => {
    const h = useExtension(name, { colorScheme: 'dark' });

    it('follows the dark colour scheme', async () => {
      const control = await openControl(h);
      const tab = await openHoverPage(h, control);
      try {
        await hover(tab, 'Vladimir Putin');
        await tab.waitFor(() => document.querySelector('summit-lens-popover')?.matches(':popover-open') === true, undefined, 3000);
        expect(await tab.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
        const dark = ([left, right]: [number, number, number][]) => Math.max(...left!) < 60 && Math.max(...right!) < 80;
        const [left, right] = await poll(async () => {
          const pixels = await cardBackground(tab);
          return dark(pixels) && pixels;
        }, 'the card painted dark', 5000).catch(() => cardBackground(tab));
        expect(Math.max(...left!)).toBeLessThan(60);
        expect(Math.max(...right!)).toBeLessThan(80);
        await maybeScreenshot(tab, `${name}-popover-dark`);
      } finally {
        await tab.close();
        await control.close();
      }
    });
  });
}
