import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import { BROWSERS, maybeScreenshot, useExtension, type Harness } from './harness/fixture';
import type { Tab } from './harness/browsers';

/**
 * The options page changes what already open tabs and the popup show, without
 * a reload: every change is saved at once and heard through storage.onChanged.
 */

/** Runs in the page's main world: the document's highlight registry is shared with the content script's world. */
function highlightState(): { total: number; names: string[] } {
  const registry = (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights;
  return { total: [...registry.values()].reduce((n, h) => n + h.size, 0), names: [...registry.keys()].sort() };
}

async function openOptions(h: Harness): Promise<Tab> {
  const options = await h.session.newTab();
  await options.setViewport(720, 900);
  await options.goto(`${h.session.extensionOrigin}/options.html`);
  await options.waitFor(() => document.querySelector('main.options') !== null);
  return options;
}

function storedSettings(tab: Tab): Promise<unknown> {
  return tab.evaluate(async () => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    return (await api.storage.local.get('settings')).settings;
  });
}

for (const name of BROWSERS) {
  describe(`options in ${name}`, () => {
    const h = useExtension(name);

    it('language, disabled sites, marking style and reset reach the open article and the popup without a reload', async () => {
      const article = await h.session.newTab(h.url('vi-article.html'));
      // Every person and summit occurrence the content script reports (foundation.e2e: 7 + 4 + 3 + 6 × 1); drawing goes
      // viewport first, so the page may show some of them before the rest.
      await article.waitFor(() => [...(CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.values()].reduce((n, s) => n + s.size, 0) === 20, undefined, 15_000);
      const before = await article.evaluate(highlightState);
      expect(before.names).toEqual(['summit-lens-underline-person', 'summit-lens-underline-summit']);
      expect(before.total).toBe(20);
      await article.evaluate(() => ((window as unknown as { marker: number }).marker = 42));

      const options = await openOptions(h);
      await maybeScreenshot(options, `${name}-options-vi-light`);

      // Language → English: the options page itself and a newly opened popup.
      await options.evaluate(() => {
        const select = document.querySelector('#lang') as HTMLSelectElement;
        select.value = 'en';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await options.waitFor(() => document.querySelector('h1')?.textContent === 'Summit Lens options' && document.documentElement.lang === 'en');
      expect(await storedSettings(options)).toMatchObject({ language: 'en' });
      await maybeScreenshot(options, `${name}-options-en-light`);
      const popup = await h.session.newTab();
      await popup.setViewport(440, 720);
      await popup.goto(`${h.session.extensionOrigin}/popup.html`);
      await popup.waitFor(() => (document.querySelector('.filters select')?.children.length ?? 0) > 1, undefined, 20_000);
      expect(await popup.evaluate(() => [...document.querySelectorAll('[role=tab]')].map((t) => t.textContent))).toEqual(['Search', 'On this page', 'Timeline', 'Saved']);
      await popup.click('input.query');
      await popup.type('hoa binh');
      // Results for "hoa" may show first: wait for the whole query's, whose top hit is dated.
      await popup.waitFor(() => document.querySelector('#results > li .quote .date')?.textContent === '15 Aug 2025', undefined, 10_000);
      const first = await popup.evaluate(() => ({
        date: document.querySelector('#results > li .quote .date')?.textContent,
        count: document.querySelector('.count')?.textContent,
        speaker: document.querySelector('#results > li .speaker')?.textContent,
      }));
      expect(first.date).toBe('15 Aug 2025');
      expect(first.speaker).toBe('Vladimir Putin');
      expect(first.count).toMatch(/^\d+ results$/);
      await maybeScreenshot(popup, `${name}-popup-search-en-light`);
      await popup.close();

      // A disabled site: the marks leave the open tab, then come back, with no reload.
      await options.click('form.row input[type=text]');
      await options.type('127.0.0.1');
      await options.press('Enter');
      await options.waitFor(() => document.querySelector('.sites li span')?.textContent === '127.0.0.1');
      expect(await storedSettings(options)).toMatchObject({ disabledSites: ['127.0.0.1'] });
      await article.waitFor(() => [...(CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.values()].reduce((n, s) => n + s.size, 0) === 0);
      expect(await article.evaluate(highlightState)).toEqual({ total: 0, names: [] });
      await options.click('.sites li button');
      await options.waitFor(() => document.querySelector('.sites') === null);
      await article.waitFor(() => [...(CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.values()].reduce((n, s) => n + s.size, 0) === 20);
      expect((await article.evaluate(highlightState)).names).toEqual(['summit-lens-underline-person', 'summit-lens-underline-summit']);

      // Marking style: the same ranges move to the background highlights.
      await options.click('input[name=mark][value=background]');
      await article.waitFor(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('summit-lens-background-person'));
      expect(await article.evaluate(highlightState)).toEqual({ total: 20, names: ['summit-lens-background-person', 'summit-lens-background-summit'] });
      await options.click('input[name=mark][value=none]');
      await article.waitFor(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size === 0);

      // Reset: defaults again, except the interface language the user reads (kept on purpose).
      await options.evaluate(() => {
        const range = document.querySelector('#dwell') as HTMLInputElement;
        range.value = '800';
        range.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await options.waitFor(() => document.querySelector('output')?.textContent?.includes('800') === true);
      const reset = await options.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Reset to defaults' || b.textContent === 'Khôi phục mặc định')?.textContent ?? null);
      expect(reset).not.toBeNull();
      await options.evaluate((label) => [...document.querySelectorAll('button')].find((b) => b.textContent === label)!.click(), reset!);
      await article.waitFor(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('summit-lens-underline-person'));
      expect(await storedSettings(options)).toEqual({ ...DEFAULT_SETTINGS, language: 'en' });
      expect(await options.evaluate(() => (document.querySelector('input[name=mark]:checked') as HTMLInputElement).value)).toBe('underline');
      expect(await article.evaluate(highlightState)).toEqual({ total: 20, names: ['summit-lens-underline-person', 'summit-lens-underline-summit'] });
      // Still the same document: nothing reloaded it.
      expect(await article.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(42);
      await options.close();
      await article.close();
    });

    it('an invalid site is refused with a message and not saved', async () => {
      const options = await openOptions(h);
      await options.click('form.row input[type=text]');
      await options.type('not a site');
      await options.press('Enter');
      await options.waitFor(() => document.querySelector('[role=alert]') !== null);
      const settings = (await storedSettings(options)) as { disabledSites?: string[] } | undefined;
      expect(settings?.disabledSites ?? []).toEqual([]);
      await options.close();
    });
  });
}
