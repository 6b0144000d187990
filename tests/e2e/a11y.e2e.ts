/**
 * Accessibility audit: axe-core over every popup view, the options page and
 * the hover card, in light and dark, in real Chromium and Firefox, on the
 * built extension. Zero violations is the bar: each test prints the ones it
 * finds (rule, impact, element, what fails).
 */
import { describe, expect, it } from 'vitest';
import type { Tab } from './harness/browsers';
import { axeViolations, lendClosedShadowRoot } from './harness/axe';
import { BROWSERS, maybeScreenshot, useExtension } from './harness/fixture';
import { openPopup, typeQuery } from './harness/popup';
import { HOST, hoverText, isOpen, waitForActive } from './content-support';

const SCHEMES = ['light', 'dark'] as const;

/** The id of the web tab whose content script reports mentions (Chromium hides its URL from the extension). */
function webTabId(popup: Tab): Promise<number> {
  return popup.evaluate(async () => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    for (;;) {
      for (const tab of await api.tabs.query({})) {
        if (tab.id === undefined) continue;
        const answer = (await api.tabs.sendMessage(tab.id, { type: 'mentions' }).catch(() => null)) as { mentions: unknown[] } | null;
        if (answer && answer.mentions.length > 0) return tab.id;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  });
}

for (const name of BROWSERS) {
  for (const scheme of SCHEMES) {
    describe(`accessibility in ${name}, ${scheme}`, () => {
      const h = useExtension(name, { colorScheme: scheme });

      it('every popup view: search with results and a saved quote, card, source, on this page, timeline, saved, your articles', async () => {
        const article = await h.session.newTab(h.url('vi-article.html'));
        await waitForActive(article);
        const search = await openPopup(h);
        const tabId = await webTabId(search);
        await typeQuery(search, 'hoa binh');
        await search.click('#results > li:first-child button.save');
        await search.waitFor(() => document.querySelector('#results > li button.save')?.getAttribute('aria-pressed') === 'true');
        expect(await axeViolations(search), 'search').toEqual([]);
        const quote = await search.evaluate(() => document.querySelector('#results > li button.save')!.getAttribute('aria-describedby')!.replace(/^words-/, ''));
        await search.close();

        const views: [string, string, () => boolean][] = [
          ['card', '#card=person:putin', () => document.querySelectorAll('.card-view .quote').length > 0],
          ['source', `#quote=${encodeURIComponent(quote)}`, () => document.querySelector('.source-view')?.textContent !== ''],
          ['on this page', `?tab=${tabId}#view=page`, () => document.querySelectorAll('.mentions li').length > 0],
          ['timeline', '#view=timeline', () => document.querySelectorAll('.timeline [data-summit]').length > 0],
          ['saved', '#view=saved', () => document.querySelectorAll('.saved-list .quote').length > 0],
          ['your articles', '#view=reading', () => document.querySelector('.reading-empty, .reading-list') !== null],
        ];
        for (const [view, suffix, ready] of views) {
          const popup = await openPopup(h, suffix);
          await popup.waitFor(ready);
          expect(await axeViolations(popup), view).toEqual([]);
          await popup.close();
        }
        await article.close();
      });

      it('options', async () => {
        const options = await h.session.newTab();
        await options.setViewport(720, 900);
        await options.goto(`${h.session.extensionOrigin}/options.html`);
        await options.waitFor(() => document.querySelector('main.options') !== null);
        expect(await axeViolations(options)).toEqual([]);
        await options.close();
      });

      it('the hover card, audited in place inside its closed shadow root', async () => {
        const tab = await h.session.newTab(h.url('hover.html'));
        await waitForActive(tab);
        await hoverText(tab, 'Vladimir Putin');
        await tab.waitFor(() => document.querySelector('summit-lens-popover')?.matches(':popover-open') === true);
        expect(await isOpen(tab)).toBe(true);
        await lendClosedShadowRoot(tab, HOST, name);
        await tab.waitFor(() => document.querySelector('summit-lens-popover')!.shadowRoot!.querySelector('.quote') !== null);
        expect(await axeViolations(tab, HOST)).toEqual([]);
        // The host's styles live in its shadow root now: the page's important rules, inline ones included, still cannot hide or move it.
        const before = await tab.evaluate(() => document.querySelector('summit-lens-popover')!.getBoundingClientRect().toJSON() as DOMRect);
        const after = await tab.evaluate(() => {
          const host = document.querySelector('summit-lens-popover') as HTMLElement;
          const style = document.createElement('style');
          style.textContent = 'summit-lens-popover { display: none !important; opacity: 0 !important; left: 0 !important; top: 0 !important; --sl-left: 0px !important }';
          document.head.append(style);
          host.style.setProperty('visibility', 'hidden', 'important');
          const css = getComputedStyle(host);
          return { rect: host.getBoundingClientRect().toJSON() as DOMRect, display: css.display, opacity: css.opacity, visibility: css.visibility };
        });
        expect(after).toEqual({ rect: before, display: 'block', opacity: '1', visibility: 'visible' });
        await tab.close();
      });

      it('the hover card on a page about a summit: its summit section and the "met" dates as buttons', async () => {
        const tab = await h.session.newTab(h.url('context-geneva-2021.html'));
        await waitForActive(tab);
        await hoverText(tab, 'Vladimir Putin');
        await tab.waitFor(() => document.querySelector('summit-lens-popover')?.matches(':popover-open') === true);
        await lendClosedShadowRoot(tab, HOST, name);
        await tab.waitFor(() => document.querySelector('summit-lens-popover')!.shadowRoot!.querySelector('[data-section="met"] button') !== null);
        expect(await axeViolations(tab, HOST)).toEqual([]);
        await maybeScreenshot(tab, `${name}-${scheme}-card-context-geneva`);
        await tab.close();
      });
    });
  }
}
