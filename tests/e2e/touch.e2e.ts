/**
 * Phones: a finger on a marked name, in Chromium's phone emulation
 * (Playwright `isMobile` + `hasTouch`, 390×844, touch input through the
 * DevTools protocol) and in Firefox (Puppeteer over WebDriver BiDi, touch
 * pointer actions, 390×844 viewport). Every wait is for a state.
 *
 * Firefox has no CDP, so the card's closed shadow root cannot be read there:
 * its content and the size of its buttons are checked in Chromium only;
 * Firefox is checked from outside (the sheet's box, open/closed, navigation).
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
import { HOST, popoverInPage, rectOfTextInPage } from './content-support';
import { poll } from './harness/poll';
import { launchChromiumPhone } from './harness/phone';

const PHONE = { width: 390, height: 844 };

/** What a test does with a finger, on either driver. */
interface Finger {
  tap(x: number, y: number): Promise<void>;
  /** Drags from (x, y) by (dx, dy) and lifts. */
  swipe(x: number, y: number, dx: number, dy: number): Promise<void>;
  /** Touches (x, y) and holds until `until` resolves, then lifts. */
  press(x: number, y: number, until: () => Promise<unknown>): Promise<void>;
}

interface PhoneTab {
  evaluate<R, A = undefined>(fn: (arg: A) => R, arg?: A): Promise<R>;
  goto(url: string): Promise<void>;
  url(): string;
  finger: Finger;
  screenshot(path: string): Promise<void>;
  /** Chromium only: Firefox takes its colour scheme from prefs at launch, which WebDriver BiDi cannot change afterwards. */
  setDark?(dark: boolean): Promise<void>;
  /** Chromium only: the closed shadow root, through CDP. */
  cdp?: CDPSession;
}

interface Phone {
  open(url: string): Promise<PhoneTab>;
  close(): Promise<void>;
}

/** Chromium touch through the DevTools protocol: the same input pipeline a phone's touchscreen feeds. */
function cdpFinger(cdp: CDPSession): Finger {
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: { x: number; y: number }[]) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
  return {
    async tap(x, y) {
      await touch('touchStart', [{ x, y }]);
      await touch('touchEnd', []);
    },
    async swipe(x, y, dx, dy) {
      // In steps, as a finger moves: the browser's gesture detector turns them into a scroll.
      await touch('touchStart', [{ x, y }]);
      for (let i = 1; i <= 10; i++) await touch('touchMove', [{ x: x + (dx * i) / 10, y: y + (dy * i) / 10 }]);
      await touch('touchEnd', []);
    },
    async press(x, y, until) {
      await touch('touchStart', [{ x, y }]);
      try {
        await until();
      } finally {
        await touch('touchEnd', []);
      }
    },
  };
}

async function chromiumPhone(server: PageServer): Promise<Phone> {
  const { context, origin, profile } = await launchChromiumPhone('summit-lens-phone-', PHONE);
  const options = await context.newPage();
  await options.goto(`${origin}/options.html`);
  await poll(() => options.evaluate(async () => {
    const reply = (await chrome.runtime.sendMessage({ type: 'status' })) as { value?: { available?: boolean; state?: string } };
    return reply.value?.available === true && reply.value.state === 'ready';
  }), 'the index', 60_000);
  await options.close();
  return {
    async open(url) {
      const page: PwPage = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      const cdp = await context.newCDPSession(page);
      return {
        evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
        goto: async (u) => void (await page.goto(u, { waitUntil: 'load' })),
        url: () => page.url(),
        finger: cdpFinger(cdp),
        screenshot: async (path) => void (await page.screenshot({ path })),
        setDark: (dark) => page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' }),
        cdp,
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
  const options = await session.newTab(`${session.extensionOrigin}/options.html`);
  await options.waitFor(async () => {
    const api = (globalThis as unknown as { browser: typeof chrome }).browser;
    const reply = (await api.runtime.sendMessage({ type: 'status' })) as { value?: { available?: boolean; state?: string } };
    return reply.value?.available === true && reply.value.state === 'ready';
  }, undefined, 60_000);
  await options.close();
  return {
    async open(url) {
      const tab = await session.newTab();
      const page = tab.raw as PpPage;
      await page.setViewport({ ...PHONE, hasTouch: true, isMobile: true });
      await tab.goto(url);
      return {
        evaluate: (fn, arg) => tab.evaluate(fn as never, arg) as never,
        goto: (u) => tab.goto(u),
        url: () => page.url(),
        finger: {
          tap: (x, y) => page.touchscreen.tap(x, y),
          async swipe(x, y, dx, dy) {
            const touch = await page.touchscreen.touchStart(x, y);
            for (let i = 1; i <= 8; i++) await touch.move(x + (dx * i) / 8, y + (dy * i) / 8);
            await touch.end();
          },
          async press(x, y, until) {
            const touch = await page.touchscreen.touchStart(x, y);
            try {
              await until();
            } finally {
              await touch.end();
            }
          },
        },
        screenshot: (path) => tab.screenshot(path),
      };
    },
    close: () => session.close(),
  };
}

const sheet = (tab: PhoneTab) => tab.evaluate(popoverInPage);
const isOpen = (tab: PhoneTab) => tab.evaluate(() => document.querySelector('summit-lens-popover')?.matches(':popover-open') === true);
const waitOpen = (tab: PhoneTab) => poll(() => isOpen(tab), 'the card to open');
const waitClosed = (tab: PhoneTab) => poll(async () => !(await isOpen(tab)), 'the card to close');

/** The middle of `text`, scrolled into sight first if it is not. */
async function pointOf(tab: PhoneTab, text: string): Promise<{ x: number; y: number }> {
  const intoSight = () =>
    tab.evaluate((wanted) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
        if (!(n as Text).data.includes(wanted)) continue;
        const r = n.parentElement!.getBoundingClientRect();
        if (r.top < 0 || r.bottom > innerHeight) n.parentElement!.scrollIntoView({ block: 'center' });
        return;
      }
    }, text);
  // Where the text settles in sight: a scroll still running from an earlier gesture (Firefox), or marks drawn as
  // its block comes near, may move it after it was scrolled into view, so it is brought back until it stays.
  let last: { x: number; y: number } | null = null;
  return poll(async () => {
    await intoSight();
    const rect = await tab.evaluate(rectOfTextInPage, { text });
    if (rect === null) throw new Error(`"${text}" is not on the page`);
    const inSight = rect.top >= 0 && rect.bottom <= PHONE.height;
    const settled = inSight && last !== null && rect.x === last.x && rect.y === last.y;
    last = inSight ? rect : null;
    return settled ? rect : null;
  }, `"${text}" to settle in sight`);
}

/** The mark of `text` is in the page's highlights (tapping before that would hit nothing). */
async function waitMarked(tab: PhoneTab, text: string): Promise<void> {
  await poll(
    () =>
      tab.evaluate((wanted) => {
        const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
        for (const set of registry.values()) {
          for (const r of set) if ((r.startContainer as Text).data?.slice(r.startOffset, r.endOffset) === wanted) return true;
        }
        return false;
      }, text),
    `"${text}" to be marked`,
  );
}

/** Chromium: the text and boxes inside the closed shadow root. */
async function shadow(cdp: CDPSession): Promise<{ text: string; close: { width: number; height: number }; open: { width: number; height: number } | null }> {
  type DomNode = { nodeId: number; localName?: string; children?: DomNode[]; shadowRoots?: DomNode[] };
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const find = (node: DomNode): DomNode | null => {
    if (node.localName === HOST) return node;
    for (const child of node.children ?? []) {
      const found = find(child);
      if (found) return found;
    }
    return null;
  };
  const shadowRoot = find(root)?.shadowRoots?.[0];
  if (!shadowRoot) throw new Error('no card');
  const box = async (selector: string) => {
    const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: shadowRoot.nodeId, selector })) as { nodeId: number };
    if (nodeId === 0) return null;
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId })) as { model: { width: number; height: number } };
    return { width: model.width, height: model.height };
  };
  const { outerHTML } = (await cdp.send('DOM.getOuterHTML', { nodeId: shadowRoot.nodeId })) as { outerHTML: string };
  const text = outerHTML.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  return { text, close: (await box('.close'))!, open: await box('.open') };
}

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`touch on a phone-sized page in ${name}`, () => {
    let server: PageServer;
    let phone: Phone;
    let tab: PhoneTab;

    beforeAll(async () => {
      server = await startPageServer(join(ROOT, 'tests', 'e2e', 'pages'));
      phone = name === 'chromium' ? await chromiumPhone(server) : await firefoxPhone();
      tab = await phone.open(`${server.origin}/phone.html`);
      await poll(() => tab.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('summit-lens-underline-person')), 'the content script');
      await waitMarked(tab, 'Vladimir Putin');
    });

    afterAll(async () => {
      await phone?.close();
      await server?.close();
    });

    /** A spot of page text with no name under it, above any sheet: the page's header. */
    const blank = () =>
      tab.evaluate(() => {
        const r = document.querySelector('header')!.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      });

    async function closed() {
      if (!(await isOpen(tab))) return;
      if ((await blank()).y < 0) await tab.evaluate(() => window.scrollTo(0, 0));
      if (!(await isOpen(tab))) return;
      const at = await blank();
      await tab.finger.tap(at.x, at.y);
      await waitClosed(tab);
    }

    /**
     * Loaded and settled: the card with its quotes is taller than its "loading" line, and its
     * box is where it was on the previous look (sections that arrive late grow the sheet upwards,
     * moving its header from under a finger aimed at it).
     */
    const waitLoaded = () => {
      let previous = '';
      return poll(async () => {
        const r = (await sheet(tab)).rect;
        const now = r === null ? '' : `${r.top},${r.height}`;
        const settled = r !== null && r.height > 300 && now === previous;
        previous = now;
        return settled ? r : null;
      }, 'the loaded card to settle');
    };

    async function tapOpen(text: string) {
      await closed();
      const at = await pointOf(tab, text);
      await tab.finger.tap(at.x, at.y);
      await waitOpen(tab);
      return at;
    }

    it('a tap on a name opens its card at once, as a bottom sheet that leaves the name in sight', async () => {
      const at = await tapOpen('Vladimir Putin');
      // The sheet opens at once with a loading line, then grows to the card; its size is asserted once the card is in.
      const state = await poll(async () => {
        const s = await sheet(tab);
        return s.rect !== null && s.rect.height > 120 ? s : null;
      }, 'the sheet to hold the card');
      const layout = await tab.evaluate(() => ({ width: document.documentElement.clientWidth, height: document.documentElement.clientHeight }));
      expect(state.rect!.left).toBe(0);
      expect(state.rect!.width).toBe(layout.width);
      expect(Math.round(state.rect!.bottom)).toBe(layout.height);
      expect(state.rect!.height).toBeGreaterThan(120);
      expect(state.rect!.height).toBeLessThanOrEqual(Math.floor(PHONE.height * 0.7) + 1);
      expect(state.rect!.top).toBeGreaterThan(at.y);
      if (tab.cdp) {
        const inside = await poll(async () => {
          const s = await shadow(tab.cdp!);
          return s.text.includes('Vladimir Putin') && s.open !== null ? s : null;
        }, 'the card content');
        // Touch targets of at least 44 CSS px.
        expect(inside.close.width).toBeGreaterThanOrEqual(44);
        expect(inside.close.height).toBeGreaterThanOrEqual(44);
        expect(inside.open!.height).toBeGreaterThanOrEqual(44);
      }
    });

    it('a tap on the page outside the sheet closes it', async () => {
      await tapOpen('Vladimir Putin');
      const at = await blank();
      await tab.finger.tap(at.x, at.y);
      await waitClosed(tab);
    });

    it('a tap inside the sheet keeps it open', async () => {
      await tapOpen('Vladimir Putin');
      const r = (await sheet(tab)).rect!;
      await tab.evaluate(() => {
        const w = window as unknown as { taps: number };
        w.taps = 0;
        document.addEventListener('click', () => w.taps++, { once: true });
      });
      // On the card's header text, clear of its buttons.
      await tab.finger.tap(r.left + 30, r.top + 40);
      // The whole tap has been handled once its click reached the page.
      await poll(() => tab.evaluate(() => (window as unknown as { taps: number }).taps === 1), 'the tap on the card');
      expect(await isOpen(tab)).toBe(true);
    });

    it('dragging the sheet down by its handle closes it', async () => {
      await tapOpen('Vladimir Putin');
      const r = await waitLoaded();
      // On the header's text (the handle above it is a narrow strip), well clear of the close button.
      await tab.finger.swipe(r.left + 120, r.top + 44, 0, 200);
      await waitClosed(tab);
    });

    it('a swipe that starts on a name scrolls the page and opens nothing', async () => {
      await closed();
      await tab.evaluate(() => document.getElementById('late')!.scrollIntoView({ block: 'center' }));
      const before = await tab.evaluate(() => scrollY);
      const at = await pointOf(tab, 'Donald Trump');
      expect(before).toBeGreaterThan(0);
      // Finger down the screen: the page scrolls back up.
      await tab.finger.swipe(at.x, at.y, 0, Math.min(250, PHONE.height - 20 - at.y));
      // Firefox headless does not turn WebDriver BiDi touch moves into a scroll: there only "opens nothing" is checked.
      if (name === 'chromium') await poll(async () => (await tab.evaluate(() => scrollY)) < before, 'the page to scroll');
      expect(await isOpen(tab)).toBe(false);
      // A scroll the swipe set going may still be running (Firefox): scroll back until the page stays at the top.
      await poll(() => tab.evaluate(() => (window.scrollTo(0, 0), scrollY === 0)), 'the page back at the top');
    });

    it('a long press on a name inside a link opens its card and does not follow the link', async () => {
      await closed();
      await waitMarked(tab, 'Marco Rubio');
      const at = await pointOf(tab, 'Marco Rubio');
      await tab.finger.press(at.x, at.y, () => waitOpen(tab));
      if (tab.cdp) await poll(async () => (await shadow(tab.cdp!)).text.includes('Rubio'), 'the Rubio card');
      await closed();
      // Still the same document: the long press neither followed the link nor reloaded.
      expect(tab.url()).toBe(`${server.origin}/phone.html`);
      expect(await tab.evaluate(() => document.getElementById('link') !== null)).toBe(true);
    });

    it('a tap on a name inside a link follows the link and opens no card', async () => {
      await closed();
      const at = await pointOf(tab, 'Marco Rubio');
      await tab.finger.tap(at.x, at.y);
      await poll(async () => tab.url() === `${server.origin}/plain.html`, 'the link to be followed');
      expect(await isOpen(tab)).toBe(false);
      await tab.goto(`${server.origin}/phone.html`);
      await waitMarked(tab, 'Vladimir Putin');
    });

    it('screenshots: the bottom sheet in light and dark (SCREENSHOTS=1)', async () => {
      if (!process.env.SCREENSHOTS) return;
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      for (const dark of tab.setDark ? [false, true] : [false]) {
        await tab.setDark?.(dark);
        await tapOpen('Vladimir Putin');
        await waitLoaded();
        // The sheet's slide-in has ended (where the page's animation list includes the card's).
        await poll(() => tab.evaluate(() => document.getAnimations().length === 0), 'the slide-in to end');
        await tab.screenshot(join(SCREENSHOT_DIR, `touch-sheet-${name}-${dark ? 'dark' : 'light'}.png`));
        await closed();
      }
      await tab.setDark?.(false);
    });
  });
}
