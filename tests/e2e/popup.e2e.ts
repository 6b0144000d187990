import { describe, expect, it } from 'vitest';
import { bundledIndex } from './harness/bundled-index';
import { BROWSERS, maybeScreenshot, useExtension } from './harness/fixture';
import { openPopup, setLanguage, sleep, typeQuery } from './harness/popup';
import type { Tab } from './harness/browsers';

/**
 * The toolbar popup driven as a reader would: typing, arrow keys, Enter,
 * clicks. It is opened as a page (`popup.html`); `?tab=<id>` names the web
 * page it reports on, since the active tab of a popup opened as a page is the
 * popup itself.
 */

const INDEX = bundledIndex();
const quoteById = (id: string) => INDEX.quotes.find((q) => q.id === id)!;
const documentById = (id: string) => INDEX.documents.find((d) => d.id === id)!;
/** The four quotes with the exact words "hòa bình", as the corpus has them. */
const HOA_BINH = INDEX.quotes.filter((q) => q.text.includes('hòa bình'));
const PUTIN_PEACE = quoteById('000_c0135cefbde2a288:8aerh0');

interface ShownHit {
  text: string;
  speaker: string;
  date: string;
  marks: string[];
  selected: boolean;
}

function shownHits(popup: Tab): Promise<ShownHit[]> {
  return popup.evaluate(() =>
    [...document.querySelectorAll('#results > li')].map((li) => ({
      text: li.querySelector('blockquote')!.textContent!,
      speaker: li.querySelector('.speaker')!.textContent!,
      date: li.querySelector('.quote .date')!.textContent!,
      marks: [...li.querySelectorAll('blockquote mark')].map((m) => m.textContent!),
      selected: li.getAttribute('aria-current') === 'true',
    })),
  );
}

/** Chooses an option the way a <select> reports it: value, then a bubbling change event. */
function choose(popup: Tab, selector: string, value: string): Promise<void> {
  return popup.evaluate(
    ([sel, v]) => {
      const el = document.querySelector(sel) as HTMLSelectElement | HTMLInputElement;
      el.value = v;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    },
    [selector, value] as [string, string],
  );
}

async function waitForCount(popup: Tab, text: string): Promise<void> {
  await popup.waitFor((t) => document.querySelector('.count')?.textContent === t, text);
  await sleep(200);
}

/** The id of the tab showing `path`: Chromium hides web URLs from this extension, so ask each tab's content script. */
function tabIdOf(popup: Tab, path: string): Promise<number> {
  return popup.evaluate(async (p) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    for (let attempt = 0; attempt < 50; attempt++) {
      const tabs = await api.tabs.query({});
      for (const tab of tabs) {
        if (tab.id === undefined || (tab.url && !tab.url.includes(p))) continue;
        try {
          const answer = (await api.tabs.sendMessage(tab.id, { type: 'mentions' })) as { mentions: unknown[] };
          if (answer.mentions.length > 0) return tab.id;
        } catch {
          // No content script in this tab.
        }
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`no tab with mentions at ${p}`);
  }, path);
}

const quoted = (text: string) => `“${text}”`;

for (const name of BROWSERS) {
  describe(`popup in ${name}`, () => {
    const h = useExtension(name);

    it('typing "hoa binh" without diacritics finds the "hòa bình" quotes, words marked; arrows move, Enter opens the source', async () => {
      const popup = await openPopup(h);
      // The empty state suggests searches.
      const chips = await popup.evaluate(() => [...document.querySelectorAll('.empty .chip')].map((c) => c.textContent));
      expect(chips).toEqual(['hoa binh', 'Putin', 'Zelensky', 'thỏa thuận', 'Geneva', 'Moskva']);
      await maybeScreenshot(popup, `${name}-popup-empty-vi-light`);

      await typeQuery(popup, 'hoa binh');
      const hits = await shownHits(popup);
      // Exact-phrase quotes rank first; every one has both words marked.
      expect(hits.slice(0, 4).map((hit) => hit.text).sort()).toEqual(HOA_BINH.map((q) => quoted(q.text)).sort());
      for (const hit of hits.slice(0, 4)) expect(hit.marks).toEqual(['hòa', 'bình']);
      expect(hits[0]).toEqual({ text: quoted(PUTIN_PEACE.text), speaker: 'Vladimir Putin', date: '15/8/2025', marks: ['hòa', 'bình'], selected: true });
      const zelensky = hits.find((hit) => hit.text === quoted('hòa bình công bằng'))!;
      expect(zelensky).toMatchObject({ speaker: 'Volodymyr Zelensky', date: 'bài không nêu ngày' });
      expect(await popup.evaluate(() => document.querySelector('.count')?.textContent)).toBe(`${hits.length} kết quả`);
      await maybeScreenshot(popup, `${name}-popup-search-vi-light`);

      // Arrow keys move the active result (and wrap); focus stays in the box.
      await popup.press('ArrowDown');
      await popup.press('ArrowDown');
      expect((await shownHits(popup)).map((hit) => hit.selected).indexOf(true)).toBe(2);
      expect(await popup.evaluate(() => document.querySelector('input.query')?.getAttribute('aria-activedescendant'))).toBe('hit-2');
      await popup.press('ArrowUp');
      await popup.press('ArrowUp');
      await popup.press('ArrowUp');
      expect((await shownHits(popup)).map((hit) => hit.selected).indexOf(true)).toBe(hits.length - 1);
      await popup.press('ArrowDown');
      const active = (await shownHits(popup)).find((hit) => hit.selected)!;
      expect(active.text).toBe(hits[0]!.text);

      // Enter opens the source with the quote marked in the article text.
      await popup.press('Enter');
      await popup.waitFor(() => document.querySelector('.source-view mark') !== null);
      const source = await popup.evaluate(() => ({
        title: document.querySelector('.source-view h2')?.textContent,
        mark: document.querySelector('.source-view .article mark')?.textContent,
        article: document.querySelector('.source-view .article')?.textContent,
      }));
      const doc = documentById(PUTIN_PEACE.document);
      expect(source.title).toBe(doc.title);
      expect(source.mark).toBe(PUTIN_PEACE.text);
      expect(source.article).toBe(doc.text);
      expect(doc.text.slice(PUTIN_PEACE.start, PUTIN_PEACE.end)).toBe(PUTIN_PEACE.text);
      await maybeScreenshot(popup, `${name}-popup-source-vi-light`);
      await popup.close();
    });

    it('person, summit and date filters narrow the results exactly', async () => {
      const popup = await openPopup(h);
      await typeQuery(popup, 'hoa binh');
      const all = await shownHits(popup);
      expect(all.length).toBeGreaterThan(5);

      await choose(popup, '.filters label:nth-child(1) select', 'zelensky');
      await waitForCount(popup, '1 kết quả');
      expect(await shownHits(popup)).toEqual([{ text: quoted('hòa bình công bằng'), speaker: 'Volodymyr Zelensky', date: 'bài không nêu ngày', marks: ['hòa', 'bình'], selected: true }]);

      await choose(popup, '.filters label:nth-child(1) select', '');
      await choose(popup, '.filters label:nth-child(2) select', 'alaska-2025');
      const alaska = INDEX.quotes.filter((q) => q.summit === 'alaska-2025');
      await popup.waitFor((n) => document.querySelectorAll('#results > li').length < n, all.length);
      await sleep(200);
      const inAlaska = await shownHits(popup);
      expect(inAlaska.length).toBe(all.length - 1);
      for (const hit of inAlaska) expect(alaska.map((q) => quoted(q.text))).toContain(hit.text);

      // Dates: only Putin's 2021 (Geneva) quotes remain.
      await choose(popup, '.filters label:nth-child(2) select', '');
      await typeQuery(popup, 'Putin');
      await choose(popup, '.filters label:nth-child(3) input', '2021-01-01');
      await choose(popup, '.filters label:nth-child(4) input', '2021-12-31');
      const geneva = INDEX.quotes.filter((q) => q.speaker === 'putin' && q.date?.startsWith('2021'));
      await waitForCount(popup, `${geneva.length} kết quả`);
      const dated = await shownHits(popup);
      expect(dated.map((hit) => hit.text).sort()).toEqual(geneva.map((q) => quoted(q.text)).sort());
      expect(new Set(dated.map((hit) => hit.date))).toEqual(new Set(['16/6/2021']));
      // A range with no quotes says so.
      await choose(popup, '.filters label:nth-child(3) input', '2018-01-01');
      await choose(popup, '.filters label:nth-child(4) input', '2018-12-31');
      await waitForCount(popup, 'Không tìm thấy kết quả cho “Putin”.');
      expect(await shownHits(popup)).toEqual([]);
      await popup.close();
    });

    it('"Putin" and "Путин" both find Putin and his quotes', async () => {
      const popup = await openPopup(h);
      const putinQuotes = INDEX.quotes.filter((q) => q.speaker === 'putin');
      for (const query of ['Putin', 'Путин']) {
        await typeQuery(popup, query);
        const chips = await popup.evaluate(() => [...document.querySelectorAll('.entities .chip')].map((c) => c.textContent));
        expect(chips[0]).toBe('Vladimir Putin');
        const hits = await shownHits(popup);
        // His own words first, every one of them.
        const his = hits.slice(0, putinQuotes.length);
        expect(his.map((hit) => hit.speaker)).toEqual(putinQuotes.map(() => 'Vladimir Putin'));
        expect(his.map((hit) => hit.text).sort()).toEqual(putinQuotes.map((q) => quoted(q.text)).sort());
      }
      // The person chip opens his card: every quote, newest first, each with its source.
      await popup.click('.entities .chip');
      await popup.waitFor(() => document.querySelector('.card-view h2') !== null);
      const card = await popup.evaluate(() => ({
        name: document.querySelector('.card-view h2')?.textContent,
        heading: [...document.querySelectorAll('.card-view h3')].map((e) => e.textContent),
        dates: [...document.querySelectorAll('.card-view .quote .date')].map((e) => e.getAttribute('datetime') ?? ''),
        sources: [...document.querySelectorAll('.card-view .quote .source')].map((e) => e.textContent),
        summits: [...document.querySelectorAll('.card-view .summit-list button')].map((e) => e.textContent),
      }));
      expect(card.name).toBe('Vladimir Putin');
      const related = INDEX.quotes.filter((q) => q.speaker === 'putin' || q.mentions.includes('putin'));
      expect(card.dates.length).toBe(card.sources.length);
      expect(card.heading).toContain(`Tất cả phát ngôn (${card.dates.length})`);
      expect(card.dates.length).toBeGreaterThanOrEqual(putinQuotes.length);
      expect(card.dates.length).toBeLessThanOrEqual(related.length + putinQuotes.length);
      const known = card.dates.filter((d) => d !== '');
      expect(known).toEqual([...known].sort().reverse());
      expect(card.dates.slice(known.length).every((d) => d === '')).toBe(true);
      for (const s of card.sources) expect(s).toMatch(/^Nguồn: .+ · .+$/);
      expect(card.summits[0]).toBe('Thượng đỉnh Nga - Mỹ tại Alaska 2025');
      await maybeScreenshot(popup, `${name}-popup-card-vi-light`);
      await popup.close();
    });

    it('"On this page" lists the article\'s people and summits, most mentioned first, and opens their cards', async () => {
      const article = await h.session.newTab(h.url('vi-article.html'));
      const probe = await openPopup(h);
      const tabId = await tabIdOf(probe, 'vi-article.html');
      await probe.close();
      const popup = await openPopup(h, `?tab=${tabId}#view=page`);
      await popup.waitFor(() => document.querySelectorAll('.mentions li').length > 0);
      const mentions = await popup.evaluate(() =>
        [...document.querySelectorAll('.mentions .mention')].map((m) => `${m.querySelector('.name')!.textContent} · ${m.querySelector('.count')!.textContent}`),
      );
      expect(mentions).toEqual([
        'Vladimir Putin · 7 lần',
        'Donald Trump · 4 lần',
        'Thượng đỉnh Nga - Mỹ tại Alaska 2025 · 2025 · 3 lần',
        'Joe Biden · 1 lần',
        'Thượng đỉnh Nga - Mỹ tại Geneva 2021 · 2021 · 1 lần',
        'Thượng đỉnh Nga - Mỹ tại Helsinki 2018 · 2018 · 1 lần',
        'Sergei Lavrov · 1 lần',
        'Marco Rubio · 1 lần',
        'Volodymyr Zelensky · 1 lần',
      ]);
      // What the page is about comes first: its summit, when and where, and why, from the page context.
      const about = await popup.evaluate(() => {
        const section = document.querySelector('.page-about');
        return {
          first: section !== null && section.compareDocumentPosition(document.querySelector('.mentions')!) === Node.DOCUMENT_POSITION_FOLLOWING,
          heading: section?.querySelector('h2')?.textContent,
          name: section?.querySelector('.name')?.textContent,
          when: section?.querySelector('.when')?.textContent,
          evidence: section?.querySelector('.evidence')?.textContent,
        };
      });
      expect(about).toMatchObject({
        first: true,
        heading: 'Trang này nói về',
        name: 'Thượng đỉnh Nga - Mỹ tại Alaska 2025',
        evidence: 'trong tiêu đề trang · trong tít bài · “Thượng đỉnh Alaska” · “Anchorage”, “Alaska” · có nêu Donald Trump, Vladimir Putin · năm 2025 · đăng 16/8/2025 · nhắc 3 lần',
      });
      expect(about.when).toBe('15/8/2025 · Căn cứ Elmendorf-Richardson, Anchorage, Alaska, Mỹ');
      // The page is a web page the popup can name: the per-site switch shows in Firefox;
      // Chromium hides the URL from an extension without `tabs` (see report).
      const site = await popup.evaluate(() => document.querySelector('.site span')?.textContent ?? null);
      if (name === 'firefox') expect(site).toBe('Đang bật trên 127.0.0.1');
      await maybeScreenshot(popup, `${name}-popup-page-vi-light`);
      await popup.click('.mentions li:nth-child(3) .mention');
      await popup.waitFor(() => document.querySelector('.card-view h2') !== null);
      const card = await popup.evaluate(() => ({
        title: document.querySelector('.card-view h2')?.textContent,
        facts: [...document.querySelectorAll('.card-view .facts dd')].map((e) => e.textContent),
      }));
      expect(card).toEqual({
        title: 'Thượng đỉnh Nga - Mỹ tại Alaska 2025',
        facts: ['15/8/2025', 'Căn cứ Elmendorf-Richardson, Anchorage, Alaska, Mỹ', 'Donald Trump, Vladimir Putin'],
      });
      await popup.close();

      // In English: the place as English writes it, the evidence line in English, the page's forms as the page wrote them.
      await setLanguage(h, 'en');
      try {
        const english = await openPopup(h, `?tab=${tabId}#view=page`);
        await english.waitFor(() => document.querySelector('.page-about .evidence') !== null);
        const aboutEn = await english.evaluate(() => ({
          heading: document.querySelector('.page-about h2')?.textContent,
          name: document.querySelector('.page-about .name')?.textContent,
          when: document.querySelector('.page-about .when')?.textContent,
          evidence: document.querySelector('.page-about .evidence')?.textContent,
        }));
        expect(aboutEn).toEqual({
          heading: 'This page is about',
          name: '2025 Russia–United States summit in Alaska',
          when: '15 Aug 2025 · Joint Base Elmendorf-Richardson, Anchorage, Alaska, United States',
          evidence: 'in the page title · in the headline · “Thượng đỉnh Alaska” · “Anchorage”, “Alaska” · Donald Trump, Vladimir Putin named · the year 2025 · published 16 Aug 2025 · named 3×',
        });
        await maybeScreenshot(english, `${name}-popup-page-en-light`);
        await english.click('.page-about .about');
        await english.waitFor(() => document.querySelector('.card-view h2') !== null);
        const facts = await english.evaluate(() => [...document.querySelectorAll('.card-view .facts dd')].map((e) => e.textContent));
        expect(facts).toEqual(['15 Aug 2025', 'Joint Base Elmendorf-Richardson, Anchorage, Alaska, United States', 'Donald Trump, Vladimir Putin']);
        await english.close();
      } finally {
        await setLanguage(h, 'vi');
      }
      await article.close();
    });

    it('the timeline is a list whose points open summit cards; copy puts the exact citation on the clipboard', async () => {
      const popup = await openPopup(h, '#view=timeline');
      await popup.waitFor(() => document.querySelectorAll('.timeline a[data-summit]').length > 0);
      const points = await popup.evaluate(() => [...document.querySelectorAll('.timeline a[data-summit]')].map((a) => a.getAttribute('data-summit')));
      const newestFirst = [...INDEX.summits].sort((a, b) => b.date.localeCompare(a.date)).map((s) => s.id);
      expect(points).toEqual(newestFirst);
      await maybeScreenshot(popup, `${name}-popup-timeline-vi-light`);
      await popup.click('.timeline a[data-summit="helsinki-2018"] .point');
      await popup.waitFor(() => document.querySelector('.card-view h2') !== null);
      const card = await popup.evaluate(() => ({
        title: document.querySelector('.card-view h2')?.textContent,
        facts: [...document.querySelectorAll('.card-view .facts dd')].map((e) => e.textContent),
      }));
      expect(card).toEqual({ title: 'Thượng đỉnh Nga - Mỹ tại Helsinki 2018', facts: ['16/7/2018', 'Phủ Tổng thống, Helsinki, Phần Lan', 'Donald Trump, Vladimir Putin'] });

      // A participant opens the person card; "copy" there copies that quote with its citation.
      await popup.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('.facts button')].find((b) => b.textContent === 'Vladimir Putin')!.click());
      await popup.waitFor(() => document.querySelector('.card-view h2')?.textContent === 'Vladimir Putin');
      // The quote stands after the sentence naming Putin, so the pipeline marks its speaker as carried from there.
      const expected = `“${PUTIN_PEACE.text}” — Vladimir Putin, 15/8/2025 [người nói suy ra từ câu trước] (${documentById(PUTIN_PEACE.document).title}, không rõ báo)`;
      const copied = await copyCitation(popup, PUTIN_PEACE.text);
      expect(copied).toBe(expected);
      await popup.close();
    });

    it('the Firefox host-permission banner shows only when access is missing', async () => {
      const popup = await openPopup(h);
      const granted = await popup.evaluate(() => ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).permissions.contains({ origins: ['<all_urls>'] }));
      // Both test profiles hold the access (Chromium grants it at install; Firefox grants a temporarily installed add-on its content-script hosts).
      expect(granted).toBe(true);
      await sleep(300);
      expect(await popup.evaluate(() => document.querySelector('.notice.permission'))).toBeNull();
      await popup.close();
    });
  });
}


/**
 * Clicks the copy button of the quote with `text` and returns what the popup
 * handed to `navigator.clipboard.writeText`. Recorded, not read back: Chromium
 * refuses to grant clipboard-read to an extension origin ("opaque origin")
 * and Puppeteer cannot read Firefox's clipboard.
 */
async function copyCitation(popup: Tab, text: string): Promise<string> {
  await popup.evaluate(() => {
    const w = window as unknown as { copiedText: string[] };
    w.copiedText = [];
    navigator.clipboard.writeText = async (value: string) => void w.copiedText.push(value);
  });
  await popup.evaluate((t) => {
    const quote = [...document.querySelectorAll('.card-view .quote')].find((q) => q.querySelector('blockquote')?.textContent === `“${t}”`)!;
    const button = [...quote.querySelectorAll<HTMLButtonElement>('.actions button')].find((b) => b.textContent === 'Sao chép kèm trích dẫn')!;
    button.setAttribute('data-test-copy', '');
  }, text);
  await popup.click('[data-test-copy]');
  await popup.waitFor(() => document.querySelector('[data-test-copy]')?.textContent === 'Đã sao chép');
  const calls = await popup.evaluate(() => (window as unknown as { copiedText: string[] }).copiedText);
  expect(calls).toHaveLength(1);
  return calls[0]!;
}

/** Dark theme and English screenshots: only with SCREENSHOTS=1 (they assert nothing new and cost a browser launch each). */
for (const name of BROWSERS) {
  describe.skipIf(!process.env.SCREENSHOTS)(`popup screenshots in ${name}, dark`, () => {
    const h = useExtension(name, { colorScheme: 'dark' });

    it('every screen in Vietnamese and English', async () => {
      const article = await h.session.newTab(h.url('vi-article.html'));
      for (const lang of ['vi', 'en'] as const) {
        await setLanguage(h, lang);
        const search = await openPopup(h);
        await typeQuery(search, 'hoa binh');
        await maybeScreenshot(search, `${name}-popup-search-${lang}-dark`);
        await search.press('Enter');
        await search.waitFor(() => document.querySelector('.source-view mark') !== null);
        await maybeScreenshot(search, `${name}-popup-source-${lang}-dark`);
        await search.close();
        const tabId = await tabIdOf(await openPopup(h), 'vi-article.html');
        const page = await openPopup(h, `?tab=${tabId}#view=page`);
        await page.waitFor(() => document.querySelectorAll('.mentions li').length > 0);
        await maybeScreenshot(page, `${name}-popup-page-${lang}-dark`);
        await page.click('.mentions li:nth-child(1) .mention');
        await page.waitFor(() => document.querySelector('.card-view h2') !== null);
        await maybeScreenshot(page, `${name}-popup-card-${lang}-dark`);
        await page.close();
        const timeline = await openPopup(h, '#view=timeline');
        await timeline.waitFor(() => document.querySelectorAll('.timeline a[data-summit]').length > 0);
        await maybeScreenshot(timeline, `${name}-popup-timeline-${lang}-dark`);
        await timeline.click('.timeline a[data-summit="alaska-2025"] .point');
        await timeline.waitFor(() => document.querySelector('.card-view h2') !== null);
        await maybeScreenshot(timeline, `${name}-popup-summit-${lang}-dark`);
        await timeline.goto(`${h.session.extensionOrigin}/options.html`);
        await timeline.setViewport(720, 900);
        await timeline.waitFor(() => document.querySelector('main.options') !== null);
        await maybeScreenshot(timeline, `${name}-options-${lang}-dark`);
        await timeline.close();
      }
      await article.close();
    });
  });
}
