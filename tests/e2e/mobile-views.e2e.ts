/**
 * Popup and options as full-page views, as Firefox for Android shows them:
 * opened as tabs at a phone's width. Chromium runs in phone emulation
 * (Playwright `isMobile` + `hasTouch`, 360×740, every tap a real touch through
 * `Input.dispatchTouchEvent`); Firefox in a 360×740 viewport with touch taps
 * over WebDriver BiDi. Each view is checked for horizontal overflow (also at
 * 412×915), for 44 px tap targets and 16 px field text, and "On this page"
 * must find the page tab beside the popup, since the popup is the active tab.
 */
import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CDPSession, type Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { launchWithExtension, type BrowserName, type ExtensionSession } from './harness/browsers';
import { extensionDir, ROOT, SCREENSHOT_DIR } from './harness/fixture';
import { startPageServer, type PageServer } from './harness/server';
import { poll } from './harness/poll';
import { launchChromiumPhone } from './harness/phone';

const PHONE = { width: 360, height: 740 };
const LARGE_PHONE = { width: 412, height: 915 };
const ARTICLE = 'reading-vi-putin-anchorage.html';

interface PhoneTab {
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  tap(x: number, y: number): Promise<void>;
  type(text: string): Promise<void>;
  setSize(size: { width: number; height: number }): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

interface Phone {
  origin: string;
  open(url: string): Promise<PhoneTab>;
  close(): Promise<void>;
}

/** Runs in an extension page: the background has a complete index. */
async function indexReady(): Promise<boolean> {
  const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
  const reply = (await api.runtime.sendMessage({ type: 'status' })) as { value?: { available?: boolean; state?: string } };
  return reply.value?.available === true && reply.value.state === 'ready';
}

async function chromiumPhone(): Promise<Phone> {
  const { context, origin, profile } = await launchChromiumPhone('summit-lens-views-', PHONE);
  return {
    origin,
    async open(url) {
      const page: PwPage = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      const cdp: CDPSession = await context.newCDPSession(page);
      return {
        evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
        async tap(x, y) {
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
        },
        type: (text) => page.keyboard.type(text),
        setSize: (size) => page.setViewportSize(size),
        screenshot: async (path) => void (await page.screenshot({ path })),
        close: () => page.close(),
      };
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

async function firefoxPhone(): Promise<Phone> {
  const session: ExtensionSession = await launchWithExtension('firefox', extensionDir('firefox'), { locale: 'en-US' });
  return {
    origin: session.extensionOrigin,
    async open(url) {
      const tab = await session.newTab();
      const page = tab.raw as PpPage;
      await page.setViewport({ ...PHONE, hasTouch: true, isMobile: true });
      await tab.goto(url);
      return {
        evaluate: (fn, arg) => tab.evaluate(fn as never, arg) as never,
        tap: (x, y) => page.touchscreen.tap(x, y),
        type: (text) => page.keyboard.type(text),
        setSize: (size) => page.setViewport({ ...size, hasTouch: true, isMobile: true }),
        screenshot: (path) => tab.screenshot(path),
        close: () => tab.close(),
      };
    },
    close: () => session.close(),
  };
}

/** Taps the middle of the first visible element matching `selector`, scrolled into sight first. */
async function tapOn(tab: PhoneTab, selector: string): Promise<void> {
  const at = await poll(
    () =>
      tab.evaluate((s) => {
        const el = [...document.querySelectorAll<HTMLElement>(s)].find((e) => e.getClientRects().length > 0);
        if (!el) return null;
        el.scrollIntoView({ block: 'center' });
        const r = el.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }, selector),
    `${selector} to tap`,
  );
  await tab.tap(at.x, at.y);
}

const waitFor = <A = undefined>(tab: PhoneTab, what: string, check: (arg: A) => boolean, arg?: A, timeoutMs?: number) => poll(() => tab.evaluate(check, arg), what, timeoutMs);

/** Page width against the viewport's: any horizontal overflow makes the first larger. */
const widths = (tab: PhoneTab) => tab.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));

/**
 * Every visible control a finger may aim at, with its box: buttons, links,
 * fields, labels that act as controls, the search results' rows. A field's text
 * size is reported too (under 16 px a mobile browser zooms the page on focus).
 */
function targets(): { what: string; width: number; height: number; fontPx: number | null }[] {
  const selector = 'button, a[href]:not(svg a), input:not([type="checkbox"]):not([type="radio"]), select, label.link, label.row, .results > li';
  return [...document.querySelectorAll<HTMLElement>(selector)]
    .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
    .map((el) => {
      const r = el.getBoundingClientRect();
      const field = el.matches('input:not([type="file"]):not([type="range"]), select');
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 24);
      return { what: `${el.tagName.toLowerCase()}.${el.className} “${name}”`, width: Math.round(r.width), height: Math.round(r.height), fontPx: field ? parseFloat(getComputedStyle(el).fontSize) : null };
    });
}

/** The targets that fall short of 44×44 px, or fields under 16 px: empty when the view is fit for a finger. */
async function tooSmall(tab: PhoneTab): Promise<string[]> {
  const found = await tab.evaluate(targets);
  expect(found.length).toBeGreaterThan(3);
  return found.filter((t) => t.width < 44 || t.height < 44 || (t.fontPx !== null && t.fontPx < 16)).map((t) => `${t.what} ${t.width}×${t.height}${t.fontPx === null ? '' : ` ${t.fontPx}px`}`);
}

/** No overflow at the phone's width and at a large phone's; back to the phone's after. */
async function fitsBothPhones(tab: PhoneTab): Promise<void> {
  for (const size of [LARGE_PHONE, PHONE]) {
    await tab.setSize(size);
    // The viewport's width, less a classic scrollbar where the browser draws one (Firefox on a desktop).
    await waitFor(tab, `a ${size.width} px layout`, (w) => innerWidth === w, size.width);
    const w = await widths(tab);
    expect(w.client).toBeGreaterThan(size.width - 20);
    expect(w.scroll).toBeLessThanOrEqual(w.client);
  }
}

async function shoot(tab: PhoneTab, name: string, browser: BrowserName): Promise<void> {
  if (!process.env.SCREENSHOTS) return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await tab.screenshot(join(SCREENSHOT_DIR, `mobile-${name}-${browser}.png`));
}

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`popup and options as full-page views on a phone in ${name}`, () => {
    let server: PageServer;
    let phone: Phone;
    let popup: PhoneTab;

    beforeAll(async () => {
      server = await startPageServer(join(ROOT, 'tests', 'e2e', 'pages'));
      phone = name === 'chromium' ? await chromiumPhone() : await firefoxPhone();
      const options = await phone.open(`${phone.origin}/options.html`);
      await poll(() => options.evaluate(indexReady), 'the index', 60_000);
      await options.close();
      // Two web pages in the window, the article last: the popup, opened as a tab over it, must report on the article.
      const geneva = await phone.open(`${server.origin}/context-geneva-2021.html`);
      await waitFor(geneva, 'the Geneva page to be marked', () => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0, undefined, 30_000);
      const article = await phone.open(`${server.origin}/${ARTICLE}`);
      await waitFor(article, 'the article to be marked', () => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0, undefined, 30_000);
      popup = await phone.open(`${phone.origin}/popup.html`);
      await waitFor(popup, 'the catalog', () => (document.querySelector('.filters select')?.children.length ?? 0) > 1, undefined, 30_000);
    });

    afterAll(async () => {
      await phone?.close();
      await server?.close();
    });

    it('the popup opened as a tab is a full-page view: no desktop width, nothing overflows, every control is a 44 px target', async () => {
      expect(await popup.evaluate(() => document.documentElement.classList.contains('page-view'))).toBe(true);
      expect(await popup.evaluate(() => document.querySelector('meta[name="viewport"]')?.getAttribute('content'))).toBe('width=device-width, initial-scale=1, viewport-fit=cover');
      await fitsBothPhones(popup);
      const body = await popup.evaluate(() => ({ width: document.body.getBoundingClientRect().width, height: document.body.getBoundingClientRect().height }));
      expect(body.width).toBe(PHONE.width);
      expect(body.height).toBeGreaterThanOrEqual(PHONE.height);
      expect(await tooSmall(popup)).toEqual([]);
      // The four view tabs share one row.
      const tabs = await popup.evaluate(() => [...document.querySelectorAll('[role="tab"]')].map((t) => Math.round(t.getBoundingClientRect().top)));
      expect(tabs).toHaveLength(4);
      expect(new Set(tabs).size).toBe(1);
      await shoot(popup, 'popup-empty', name);
    });

    it('a tap on the search field and typing finds the quotes the index has for the words', async () => {
      await tapOn(popup, 'input.query');
      await waitFor(popup, 'the search field to take focus', () => document.activeElement?.matches('input.query') === true);
      await popup.type('hoa binh');
      await waitFor(popup, 'the results', () => (document.querySelector('.count')?.textContent ?? '') !== '' && document.querySelectorAll('.results > li').length > 0);
      const expected = await popup.evaluate(async () => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        const reply = (await api.runtime.sendMessage({ type: 'search', query: { text: 'hoa binh', limit: 50 } })) as { value: { total: number; hits: { quote: { text: string } }[] } };
        return reply.value;
      });
      expect(expected.total).toBeGreaterThan(0);
      // Typed letter by letter: the results of "hoa" may show first, so wait for those of the whole query.
      const want = expected.hits.map((h) => `“${h.quote.text}”`);
      await waitFor(popup, 'the results of the whole query', (w) => JSON.stringify([...document.querySelectorAll('.results blockquote')].map((b) => b.textContent)) === w, JSON.stringify(want));
      // Diacritics are optional: every shown quote has "hòa" or "bình" highlighted.
      const marks = await popup.evaluate(() => [...document.querySelectorAll('.results li')].map((li) => [...li.querySelectorAll('blockquote mark')].map((m) => m.textContent!.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase())));
      for (const m of marks) expect(m.some((w) => w === 'hoa' || w === 'binh' || w.includes('hoa binh'))).toBe(true);
      await fitsBothPhones(popup);
      expect(await tooSmall(popup)).toEqual([]);
      await shoot(popup, 'popup-search', name);
      // Saved by a tap on its toggle, for the Saved view's test.
      await tapOn(popup, '.results > li:first-child .save');
      await waitFor(popup, 'the quote saved', () => document.querySelector('.results > li:first-child .save')?.getAttribute('aria-pressed') === 'true');
      // A tap on a result's row opens its source.
      await tapOn(popup, '.results > li:first-child blockquote');
      await waitFor(popup, 'the source view', () => document.querySelector('.article') !== null);
      await fitsBothPhones(popup);
      expect(await tooSmall(popup)).toEqual([]);
    });

    it('"On this page" reports on the article tab beside the popup, not on the popup itself', async () => {
      await tapOn(popup, '[role="tab"]:nth-child(2)');
      await waitFor(popup, 'the mentions', () => document.querySelectorAll('.mentions li').length > 0 || document.querySelector('main .notice:not([aria-busy])') !== null);
      const shown = await popup.evaluate(() => [...document.querySelectorAll('.mention')].map((m) => [m.querySelector('.name')!.textContent, m.querySelector('.forms')!.textContent]));
      // The article's own names, most mentioned first; the Geneva page opened before it names Biden and Geneva.
      expect(shown).toEqual([
        ['Thượng đỉnh Nga - Mỹ tại Alaska 2025 · 2025', 'Anchorage, Alaska, Elmendorf-Richardson'],
        ['Vladimir Putin', 'Putin, Vladimir Putin'],
        ['Donald Trump', 'Donald Trump, Trump'],
      ]);
      await fitsBothPhones(popup);
      expect(await tooSmall(popup)).toEqual([]);
      await shoot(popup, 'popup-page', name);
    });

    it('Saved lists the quote saved from the results, and fits the phone', async () => {
      await tapOn(popup, '[role="tab"]:nth-child(4)');
      await waitFor(popup, 'the saved quote', () => document.querySelectorAll('.saved-list > li').length === 1);
      await fitsBothPhones(popup);
      expect(await tooSmall(popup)).toEqual([]);
      await shoot(popup, 'popup-saved', name);
    });

    it('the timeline keeps readable text and 44 px rows on a phone, and a tap on a summit opens its card', async () => {
      await tapOn(popup, '[role="tab"]:nth-child(3)');
      await waitFor(popup, 'the timeline', () => document.querySelectorAll('.timeline a[data-summit]').length > 0);
      await fitsBothPhones(popup);
      expect(await tooSmall(popup)).toEqual([]);
      const smallest = await popup.evaluate(() => Math.min(...[...document.querySelectorAll('.timeline .title, .timeline .meta, .timeline .year')].map((e) => parseFloat(getComputedStyle(e).fontSize))));
      expect(smallest).toBeGreaterThanOrEqual(13);
      await shoot(popup, 'popup-timeline', name);
      await tapOn(popup, '.timeline a[data-summit="geneva-2021"]');
      await waitFor(popup, 'the Geneva card', () => document.querySelector('.card-view h2')?.textContent === 'Thượng đỉnh Nga - Mỹ tại Geneva 2021');
    });

    it('"Your articles" adds the article beside it, and its actions and correction form are 44 px targets', async () => {
      await tapOn(popup, 'button.reading-link');
      await waitFor(popup, 'the reading list', () => document.querySelector('.reading-empty, .reading-list') !== null);
      await tapOn(popup, 'button.add-page');
      await waitFor(popup, 'the added article', () => document.querySelectorAll('.reading-list > li').length === 1, undefined, 30_000);
      expect(await popup.evaluate(() => document.querySelector('.reading-name')?.textContent)).toBe('Ông Putin: Cuộc gặp ở Anchorage mở đường cho đối thoại');
      await tapOn(popup, 'button.quotes-toggle');
      await waitFor(popup, 'its quotes', () => document.querySelectorAll('.reading-quotes blockquote').length === 2);
      await tapOn(popup, '.reading-quotes li:first-child button.correct');
      await waitFor(popup, 'the correction form', () => document.querySelector('.correct-form') !== null);
      await fitsBothPhones(popup);
      expect(await tooSmall(popup)).toEqual([]);
      await shoot(popup, 'popup-reading', name);
    });

    it('the options page fits a phone, with 44 px targets and 16 px fields', async () => {
      const options = await phone.open(`${phone.origin}/options.html`);
      await waitFor(options, 'the options', () => document.querySelector('.options h1') !== null);
      // A site in the list, so its remove button is measured too.
      await tapOn(options, '.options form input[type="text"]');
      await options.type('vnexpress.net');
      await tapOn(options, '.options form button[type="submit"]');
      await waitFor(options, 'the site in the list', () => document.querySelector('.sites li') !== null);
      await fitsBothPhones(options);
      expect(await tooSmall(options)).toEqual([]);
      await shoot(options, 'options', name);
      await tapOn(options, '.sites li button');
      await waitFor(options, 'the list emptied', () => document.querySelector('.sites li') === null);
      await options.close();
    });
  });
}
