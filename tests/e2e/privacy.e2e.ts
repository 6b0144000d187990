import { describe, expect, it } from 'vitest';
import type { Page as PwPage, Request as PwRequest } from 'playwright-core';
import type { HTTPRequest, Page as PpPage } from 'puppeteer-core';
import { BROWSERS, useExtension } from './harness/fixture';
import type { Tab } from './harness/browsers';
import { hoverText } from './content-support';

/**
 * Every request the browser makes while a reader browses test pages, hovers a
 * mark and uses the popup goes either to the page's own server (127.0.0.1) or
 * to the extension's own package. Chromium: the context's `request` event,
 * which includes the background service worker (its bundle fetch is forced
 * here by deleting the database). Firefox: Puppeteer sees each page's requests,
 * extension pages included, but not the background page's (see the report);
 * the test server's own log covers what reached 127.0.0.1.
 */
for (const name of BROWSERS) {
  describe(`privacy in ${name}`, () => {
    const h = useExtension(name);

    it('no request leaves for anywhere but the test server and the extension package', async () => {
      const seen: string[] = [];
      const watched = new Set<unknown>();
      const watch = (tab: Tab) => {
        if (name === 'chromium') {
          const context = (tab.raw as PwPage).context();
          if (watched.has(context)) return;
          watched.add(context);
          context.on('request', (r: PwRequest) => void seen.push(r.url()));
          for (const worker of context.serviceWorkers()) watched.add(worker);
        } else {
          (tab.raw as PpPage).on('request', (r: HTTPRequest) => void seen.push(r.url()));
        }
      };
      const newTab = async (url: string) => {
        const tab = await h.session.newTab();
        watch(tab);
        await tab.goto(url);
        return tab;
      };
      const before = h.server.requests.length;

      const article = await newTab(h.url('vi-article.html'));
      await article.waitFor(() => [...(CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.values()].reduce((n, s) => n + s.size, 0) > 0, undefined, 15_000);
      // Hover a name: the popover asks the background for a card.
      await hoverText(article, 'Trump', '#p2');
      await new Promise((r) => setTimeout(r, 500));

      const popup = await newTab(`${h.session.extensionOrigin}/popup.html`);
      await popup.waitFor(() => (document.querySelector('.filters select')?.children.length ?? 0) > 1, undefined, 20_000);
      // Force the background to read its bundle again (a network-shaped fetch of a package file).
      await popup.evaluate(() => new Promise((resolve) => (indexedDB.deleteDatabase('summit-lens').onsuccess = resolve)));
      await popup.click('input.query');
      await popup.type('hoa binh');
      await popup.waitFor(() => document.querySelectorAll('#results > li').length > 0, undefined, 20_000);
      await new Promise((r) => setTimeout(r, 300));
      await popup.press('Enter');
      await popup.waitFor(() => document.querySelector('.source-view mark') !== null).catch(async (e: unknown) => {
        throw new Error(`${String(e)}; popup shows: ${await popup.evaluate(() => document.querySelector('.popup')?.textContent?.slice(0, 300))}`);
      });
      await popup.click('[role=tab]:nth-child(3)');
      await popup.waitFor(() => document.querySelector('.timeline a[data-summit]') !== null);
      await popup.click('.timeline a[data-summit="geneva-2021"] .point');
      await popup.waitFor(() => document.querySelector('.card-view h2') !== null);
      const options = await newTab(`${h.session.extensionOrigin}/options.html`);
      await options.waitFor(() => document.querySelector('main.options') !== null);

      // Puppeteer's Firefox (BiDi) reports no requests of moz-extension pages: each page's
      // Resource Timing entries (its document and every subresource) fill that gap, in both browsers.
      for (const tab of [article, popup, options]) {
        seen.push(...(await tab.evaluate(() => [location.href, ...performance.getEntriesByType('resource').map((e) => e.name)])));
      }
      if (process.env.DEBUG_PRIVACY) console.log(name, seen);
      const outside = seen.filter((url) => !url.startsWith(`${h.server.origin}/`) && !url.startsWith(`${h.session.extensionOrigin}/`));
      expect(outside).toEqual([]);
      // The recorder saw traffic of both kinds (so an empty `outside` means something).
      expect(seen.some((url) => url === h.url('vi-article.html'))).toBe(true);
      expect(seen.some((url) => url.startsWith(`${h.session.extensionOrigin}/`))).toBe(true);
      if (name === 'chromium') expect(seen).toContain(`${h.session.extensionOrigin}/summit-index.jsonl`);
      // The test server saw the page (and at most the browser's own favicon probe), nothing from the extension.
      expect(new Set(h.server.requests.slice(before))).toEqual(new Set(['/vi-article.html', ...(h.server.requests.slice(before).includes('/favicon.ico') ? ['/favicon.ico'] : [])]));
      for (const tab of [article, popup, options]) await tab.close();
    });
  });
}
