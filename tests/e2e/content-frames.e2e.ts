/**
 * A tab is more than its top document: names in a same-origin frame, a srcdoc
 * frame, a frame from another site and a custom element's open shadow root
 * (one upgraded late among them) all reach the toolbar badge and the popup's
 * "On this page", in real Chromium and Firefox. A closed shadow root stays
 * unread; a frame that navigates away takes its names with it; switching the
 * top page's site off quiets every frame of the tab.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Tab } from './harness/browsers';
import { BROWSERS, ROOT, maybeScreenshot, useExtension } from './harness/fixture';
import { openPopup } from './harness/popup';
import { startPageServer, type PageServer } from './harness/server';
import { answerOf, counts, frameEvaluate, framesOf, grab, highlightSizesInPage, openControl, popoverInPage, resetSettings, setSettings, sleep, waitForActive, type AnyFrame } from './content-support';
import type { MentionsAnswer } from '../../src/protocol/messages';

const PERSON = 'summit-lens-underline-person';
const SUMMIT = 'summit-lens-underline-summit';

/** Everything the tab names once the late element is defined: top, shadow roots and three frames. */
const WHOLE_TAB = { 'alaska-2025': 1, lavrov: 1, putin: 1, rubio: 1, trump: 1, ushakov: 1, witkoff: 1, zelensky: 1 };

/** Polls the top frame's answer until `accept` holds; the last answer otherwise (the assertion then says what differed). */
async function waitForAnswer(control: Tab, accept: (answer: MentionsAnswer) => boolean, timeoutMs = 15_000): Promise<MentionsAnswer> {
  const deadline = Date.now() + timeoutMs;
  let answer: MentionsAnswer = { mentions: [] };
  for (;;) {
    try {
      answer = await answerOf(control);
      if (accept(answer)) return answer;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) return answer;
    await sleep(100);
  }
}

const countsAre = (expected: Record<string, number>) => (answer: MentionsAnswer) => JSON.stringify(counts(answer.mentions)) === JSON.stringify(expected);

/** Runs in the extension page: the web tab's id (the one tab whose top frame answers) and its badge text. */
function badgeOfWebTab(): Promise<{ tabId: number; text: string } | null> {
  const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
  return api.tabs.query({}).then(async (tabs) => {
    for (const tab of tabs) {
      if (tab.id === undefined || tab.url?.startsWith(location.origin)) continue;
      try {
        const answer = await api.tabs.sendMessage(tab.id, { type: 'mentions' }, { frameId: 0 });
        if (answer === undefined) continue;
      } catch {
        continue;
      }
      return { tabId: tab.id, text: await api.action.getBadgeText({ tabId: tab.id }) };
    }
    return null;
  });
}

async function waitForBadge(control: Tab, text: string): Promise<{ tabId: number; text: string }> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const badge = await control.evaluate(badgeOfWebTab);
    if ((badge !== null && badge.text === text) || Date.now() > deadline) {
      expect(badge?.text).toBe(text);
      return badge!;
    }
    await sleep(100);
  }
}

/** Runs in the page: the box of `text` in the light DOM, or in the open shadow root of `host`. */
function boxOf(arg: { host: string | null; text: string }): { left: number; top: number; right: number; bottom: number } | null {
  const root = arg.host === null ? document.body : document.querySelector(arg.host)?.shadowRoot;
  if (!root) return null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    const at = (n as Text).data.indexOf(arg.text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(n, at);
    range.setEnd(n, at + arg.text.length);
    const r = range.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  }
  return null;
}

/** Runs in the page: the texts the page's person highlight covers, shadow trees included. */
function personTexts(name: string): string[] {
  const set = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get(name);
  return [...(set ?? [])]
    .map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    })
    .sort();
}

for (const name of BROWSERS) {
  describe(`frames and shadow roots in ${name}`, () => {
    let other: PageServer;
    let control: Tab;
    // Registered before the browser's own hooks, so it runs after the browser closed its connections to this server.
    afterAll(async () => {
      await other?.close();
    });
    const h = useExtension(name);

    beforeAll(async () => {
      other = await startPageServer(join(ROOT, 'tests', 'e2e', 'pages'));
      control = await openControl(h);
    });

    /** The frame page on another site: `localhost` against the top page's `127.0.0.1`. */
    const otherSite = () => other.origin.replace('127.0.0.1', 'localhost');

    async function onFramesPage(test: (tab: Tab) => Promise<void>, style = 'underline'): Promise<void> {
      const tab = await h.session.newTab(h.url(`frames-top.html?other=${encodeURIComponent(otherSite())}`));
      try {
        await tab.bringToFront();
        await waitForActive(tab, style);
        await test(tab);
      } finally {
        await tab.close();
        await resetSettings(control);
      }
    }

    const frameAt = (tab: Tab, url: string): AnyFrame => {
      const frame = framesOf(tab).find((f) => f.url() === url);
      if (!frame) throw new Error(`no frame at ${url}`);
      return frame;
    };

    it('counts every frame and open shadow root in the badge and "On this page", and opens a card from a shadow root', async () => {
      await onFramesPage(async (tab) => {
        const { witkoff: _late, ...beforeLate } = WHOLE_TAB;
        const early = await waitForAnswer(control, countsAre(beforeLate));
        expect(counts(early.mentions)).toEqual(beforeLate);
        // Top, same-origin, srcdoc and cross-site frame; the closed shadow root's Biden is not read.
        expect(early.frames).toBe(4);
        await waitForBadge(control, String(Object.keys(beforeLate).length));

        // The element's definition arrives after the scan: its shadow root is read when it renders.
        await tab.evaluate(() => (window as unknown as { defineLate(): void }).defineLate());
        const whole = await waitForAnswer(control, countsAre(WHOLE_TAB));
        expect(counts(whole.mentions)).toEqual(WHOLE_TAB);
        expect(whole.mentions.find((m) => m.id === 'witkoff')?.forms).toEqual(['Steve Witkoff']);
        const { tabId } = await waitForBadge(control, String(Object.keys(WHOLE_TAB).length));

        // The top document's registry holds its marks, shadow trees' included; each frame holds its own.
        await tab.waitFor((n) => (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get(n)?.size === 3, PERSON);
        expect(await tab.evaluate(personTexts, PERSON)).toEqual(['Marco Rubio', 'Sergei Lavrov', 'Steve Witkoff']);
        const cross = frameAt(tab, `${otherSite()}/frame-cross.html`);
        expect(await frameEvaluate(cross, highlightSizesInPage)).toEqual({ [PERSON]: 1, [SUMMIT]: 0 });
        await maybeScreenshot(tab, `frames-${name}`);

        const popup = await openPopup(h, `?tab=${tabId}#view=page`);
        try {
          await popup.waitFor((n) => document.querySelectorAll('.mentions li').length === n, Object.keys(WHOLE_TAB).length);
          const names = await popup.evaluate(() => [...document.querySelectorAll('.mentions .mention .name')].map((e) => e.textContent).sort());
          expect(names).toEqual([
            'Donald Trump',
            'Marco Rubio',
            'Sergei Lavrov',
            'Steve Witkoff',
            'Thượng đỉnh Nga - Mỹ tại Alaska 2025 · 2025',
            'Vladimir Putin',
            'Volodymyr Zelensky',
            'Yury Ushakov',
          ]);
        } finally {
          await popup.close();
        }

        // Hovering a name inside the shadow root opens its card on the top page.
        await tab.bringToFront();
        const box = (await tab.evaluate(boxOf, { host: 'news-quote', text: 'Marco Rubio' }))!;
        const at = { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2, bottom: box.bottom };
        await tab.mouseMove(5, 5);
        await tab.mouseMove(at.x, at.y, 3);
        await tab.waitFor(() => document.querySelector('summit-lens-popover')?.matches(':popover-open') === true);
        const state = await tab.evaluate(popoverInPage);
        expect(state.rect!.top).toBeGreaterThanOrEqual(at.bottom);
      });
    });

    it('paints the marks inside an open shadow root as in the page', async () => {
      await setSettings(control, { markStyle: 'background' });
      await onFramesPage(async (tab) => {
        await tab.waitFor((n) => (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get(n)?.size === 2, 'summit-lens-background-person');
        const shot = await grab(tab);
        /** Pixels of the person mark's blue background (rgba(59,130,246,0.25) over white) in a text's box. */
        const blue = async (host: string | null, text: string) => {
          const box = (await tab.evaluate(boxOf, { host, text }))!;
          let n = 0;
          for (let x = Math.ceil(box.left); x < box.right; x += 2) {
            for (let y = Math.ceil(box.top); y < box.bottom; y += 2) {
              const [r, g, b] = shot.pixel(x, y);
              if (b > 230 && b - r > 30 && g > r) n++;
            }
          }
          return n;
        };
        expect(await blue(null, 'Sergei Lavrov')).toBeGreaterThan(50);
        expect(await blue('news-quote', 'Marco Rubio')).toBeGreaterThan(50);
      }, 'background');
    });

    it('drops a frame\'s names when it navigates away, and quiets every frame when the top page\'s site is switched off', async () => {
      await onFramesPage(async (tab) => {
        const { witkoff: _late, ...beforeLate } = WHOLE_TAB;
        await waitForAnswer(control, countsAre(beforeLate));
        await waitForBadge(control, String(Object.keys(beforeLate).length));

        await tab.evaluate((url) => {
          (document.getElementById('cross') as HTMLIFrameElement).src = url;
        }, `${otherSite()}/cooking.html`);
        const { ushakov: _gone, ...rest } = beforeLate;
        const after = await waitForAnswer(control, countsAre(rest));
        expect(counts(after.mentions)).toEqual(rest);
        expect(after.frames).toBe(3);
        await waitForBadge(control, String(Object.keys(rest).length));

        // The top page's site (127.0.0.1) is off: its frames, from any site, go quiet with it.
        await setSettings(control, { disabledSites: ['127.0.0.1'] });
        await waitForBadge(control, '');
        const same = frameAt(tab, `${h.server.origin}/frame-inner.html`);
        for (let i = 0; i < 100 && (await frameEvaluate(same, highlightSizesInPage))[PERSON] !== undefined; i++) await sleep(100);
        expect(await frameEvaluate(same, highlightSizesInPage)).toEqual({});
        expect((await answerOf(control)).mentions).toEqual([]);
      });
    });
  });
}
