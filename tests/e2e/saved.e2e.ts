import { describe, expect, it } from 'vitest';
import type { SavedQuote } from '../../src/protocol/views';
import { DB_NAME } from '../../src/store/schema';
import type { Quote } from '../../src/schema/index-schema';
import { bundledIndex } from './harness/bundled-index';
import type { Tab } from './harness/browsers';
import { BROWSERS, maybeScreenshot, useExtension, type Harness } from './harness/fixture';
import { openPopup, setLanguage, typeQuery } from './harness/popup';

/**
 * Saving quotes in the popup, on the real corpus: a save pressed in search
 * shows in the person's card, the source view and the Saved tab, survives
 * closing the popup, and a quote a newer index no longer has still shows,
 * from the copy kept when it was saved.
 */

const INDEX = bundledIndex();
const PUTIN_PEACE = INDEX.quotes.find((q) => q.id === '000_c0135cefbde2a288:8aerh0')!;
const ZELENSKY_PEACE = INDEX.quotes.find((q) => q.text === 'hòa bình công bằng')!;
/** A corpus quote under an id the index lacks: what a saved quote looks like after a newer index dropped it. */
const DROPPED = INDEX.quotes.find((q) => q.speaker === 'trump' && q.date !== null)!;

const SAVED_TAB = '[role="tab"]:nth-child(4)';
const SEARCH_TAB = '[role="tab"]:nth-child(1)';
const quoted = (text: string) => `“${text}”`;

function sourceLine(q: Quote): string {
  const doc = INDEX.documents.find((d) => d.id === q.document)!;
  return `Nguồn: ${doc.title} · ${doc.outlet ?? 'không rõ báo'}`;
}

function personName(id: string | null): string {
  return INDEX.people.find((p) => p.id === id)!.name;
}

interface ShownSaved {
  note: string | null;
  text: string | null;
  speaker: string | null;
  date: string | null;
  source: string | null;
  buttons: string[];
}

function shownSaved(popup: Tab): Promise<ShownSaved[]> {
  return popup.evaluate(() =>
    [...document.querySelectorAll('.saved-list > li')].map((li) => ({
      note: li.querySelector('.gone-note')?.textContent ?? null,
      text: li.querySelector('blockquote')?.textContent ?? null,
      speaker: li.querySelector('.speaker')?.textContent ?? null,
      date: li.querySelector('.quote .date')?.textContent ?? null,
      source: li.querySelector('.source')?.textContent ?? null,
      buttons: [...li.querySelectorAll('button')].map((b) => b.textContent ?? ''),
    })),
  );
}

/** `aria-pressed` of each search result's save toggle, in result order. */
function resultToggles(popup: Tab): Promise<(string | null)[]> {
  return popup.evaluate(() => [...document.querySelectorAll('#results > li')].map((li) => li.querySelector('button.save')?.getAttribute('aria-pressed') ?? null));
}

function textOf(popup: Tab, selector: string): Promise<string | null> {
  return popup.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
}

/**
 * Writes a saved quote straight into the extension's main database, as a
 * saved quote is left after a newer index dropped it; newest, so it lists first.
 */
function putDroppedQuote(popup: Tab): Promise<void> {
  const record: Omit<SavedQuote, 'savedAt'> = {
    quoteId: `dropped:${DROPPED.id}`,
    snapshot: { text: DROPPED.text, speaker: personName(DROPPED.speaker), date: DROPPED.date, source: INDEX.documents.find((d) => d.id === DROPPED.document)!.title },
  };
  return popup.evaluate(
    ([name, r]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('saved', 'readwrite');
          tx.objectStore('saved').put({ ...r, savedAt: Date.now() });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [DB_NAME, record] as [string, typeof record],
  );
}

async function removeAllSaved(popup: Tab): Promise<void> {
  while ((await popup.evaluate(() => document.querySelectorAll('.saved-list button.remove').length)) > 0) {
    const left = await popup.evaluate(() => document.querySelectorAll('.saved-list > li').length);
    await popup.click('.saved-list > li:first-child button.remove');
    await popup.waitFor((n) => document.querySelectorAll('.saved-list > li').length < n, left);
  }
  await popup.waitFor(() => document.querySelector('.saved-empty') !== null);
}

for (const name of BROWSERS) {
  describe(`saved quotes in ${name}`, () => {
    const h = useExtension(name);

    it('a quote saved from search is saved in its card, its source and the Saved tab, outlives the popup, and is removed from there', async () => {
      const popup = await openPopup(h);
      // Nothing saved yet.
      expect(await textOf(popup, SAVED_TAB)).toBe('Đã lưu');
      await popup.click(SAVED_TAB);
      await popup.waitFor(() => document.querySelector('.saved-empty') !== null);
      expect(await textOf(popup, '.saved-empty')).toBe('Chưa lưu phát ngôn nào. Bấm “Lưu” ở một phát ngôn để giữ nó tại đây.');

      // Every result has its own toggle, none pressed.
      await popup.click(SEARCH_TAB);
      await typeQuery(popup, 'hoa binh');
      const texts = await popup.evaluate(() => [...document.querySelectorAll('#results > li blockquote')].map((b) => b.textContent));
      expect(texts[0]).toBe(quoted(PUTIN_PEACE.text));
      expect(await resultToggles(popup)).toEqual(texts.map(() => 'false'));
      expect(await textOf(popup, '#results > li button.save')).toBe('Lưu');

      // Saved with the mouse; the click saves and does not open the source.
      await popup.click('#results > li:first-child button.save');
      await popup.waitFor(() => document.querySelector('#results > li button.save')?.getAttribute('aria-pressed') === 'true');
      expect(await popup.evaluate(() => document.querySelector('.source-view'))).toBeNull();

      // Saved with the keyboard: Tab goes from one result's toggle to its "view source" button, then to the next toggle; the space bar presses it.
      const zelensky = texts.indexOf(quoted(ZELENSKY_PEACE.text));
      expect(zelensky).toBeGreaterThan(0);
      await popup.evaluate(() => document.querySelector<HTMLElement>('#results > li button.save')!.focus());
      for (let i = 1; i <= zelensky; i++) {
        await popup.press('Tab');
        expect(await popup.evaluate(() => [...document.querySelectorAll('#results .actions button')].indexOf(document.activeElement!))).toBe(i - 1);
        await popup.press('Tab');
        expect(await popup.evaluate(() => [...document.querySelectorAll('#results button.save')].indexOf(document.activeElement!))).toBe(i);
      }
      await popup.press(' ');
      await popup.waitFor((i) => document.querySelectorAll('#results button.save')[i]?.getAttribute('aria-pressed') === 'true', zelensky);
      expect(await resultToggles(popup)).toEqual(texts.map((_, i) => (i === 0 || i === zelensky ? 'true' : 'false')));
      expect(await textOf(popup, SAVED_TAB)).toBe('Đã lưu2');
      await maybeScreenshot(popup, `${name}-popup-search-saving-vi-light`);

      // The person card shows the same quote saved.
      await typeQuery(popup, 'Putin');
      await popup.click('.entities .chip');
      await popup.waitFor(() => document.querySelector('.card-view h2')?.textContent === 'Vladimir Putin');
      const inCard = await popup.evaluate(() =>
        [...document.querySelectorAll('.card-view .quote')].map((q) => [q.querySelector('blockquote')!.textContent, q.querySelector('button.save')!.getAttribute('aria-pressed')]),
      );
      expect(inCard.filter(([, p]) => p === 'true')).toEqual([[quoted(PUTIN_PEACE.text), 'true']]);

      // The Saved tab, newest first, each quote with its speaker, date and source.
      await popup.click(SAVED_TAB);
      await popup.waitFor(() => document.querySelectorAll('.saved-list > li').length === 2);
      // The toolbar popup is 400 px wide, less a scrollbar when it scrolls: the four tabs, count included, stay on one line.
      // This test opens the popup as a tab, which takes the phone layout (`page-view`) under 600 px; the toolbar's box never does.
      await popup.evaluate(() => document.documentElement.classList.remove('page-view'));
      await popup.setViewport(385, 720);
      const tabLines = await popup.evaluate(() => {
        const list = document.querySelector('[role="tablist"]')!;
        const tabs = [...list.querySelectorAll('[role="tab"]')];
        const line = parseFloat(getComputedStyle(tabs[0]!).lineHeight);
        // Every tab is a line of text plus 16 px of padding and its 2 px underline.
        return { lines: tabs.map((tab) => Math.round((tab.getBoundingClientRect().height - 18) / line)), overflow: list.scrollWidth > list.clientWidth };
      });
      expect(tabLines).toEqual({ lines: [1, 1, 1, 1], overflow: false });
      await popup.setViewport(440, 720);
      const actions = ['Xem trong bài', 'Sao chép kèm trích dẫn', 'Bỏ lưu'];
      expect(await shownSaved(popup)).toEqual([
        { note: null, text: quoted(ZELENSKY_PEACE.text), speaker: 'Volodymyr Zelensky', date: 'bài không nêu ngày', source: sourceLine(ZELENSKY_PEACE), buttons: actions },
        { note: null, text: quoted(PUTIN_PEACE.text), speaker: 'Vladimir Putin', date: '15/8/2025', source: sourceLine(PUTIN_PEACE), buttons: actions },
      ]);
      await popup.click('.saved-list > li:first-child button.remove');
      await popup.waitFor(() => document.querySelectorAll('.saved-list > li').length === 1);
      expect(await textOf(popup, SAVED_TAB)).toBe('Đã lưu1');

      // A newer index dropped a saved quote: it still shows, from its snapshot, with a note. Saves outlive the popup.
      await putDroppedQuote(popup);
      await popup.close();
      const again = await openPopup(h, '#view=saved');
      await again.waitFor(() => document.querySelectorAll('.saved-list > li').length === 2);
      expect(await shownSaved(again)).toEqual([
        {
          note: 'Không còn trong kho dữ liệu — đây là bản đã lưu.',
          text: quoted(DROPPED.text),
          speaker: personName(DROPPED.speaker),
          date: `${Number(DROPPED.date!.slice(8))}/${Number(DROPPED.date!.slice(5, 7))}/${DROPPED.date!.slice(0, 4)}`,
          source: `Nguồn: ${INDEX.documents.find((d) => d.id === DROPPED.document)!.title}`,
          buttons: ['Bỏ lưu'],
        },
        { note: null, text: quoted(PUTIN_PEACE.text), speaker: 'Vladimir Putin', date: '15/8/2025', source: sourceLine(PUTIN_PEACE), buttons: actions },
      ]);
      await maybeScreenshot(again, `${name}-popup-saved-vi-light`);

      // "View in article" opens the source, where the quote shows saved too.
      await again.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('.saved-list button')].find((b) => b.textContent === 'Xem trong bài')!.click());
      await again.waitFor(() => document.querySelector('.source-view mark') !== null);
      expect(await textOf(again, '.source-view .article mark')).toBe(PUTIN_PEACE.text);
      expect(await again.evaluate(() => document.querySelector('.source-view button.save')?.getAttribute('aria-pressed'))).toBe('true');

      // Removing both leaves the empty state, and search shows nothing saved.
      await again.click(SAVED_TAB);
      await again.waitFor(() => document.querySelectorAll('.saved-list > li').length === 2);
      await removeAllSaved(again);
      expect(await textOf(again, '.saved-empty')).toBe('Chưa lưu phát ngôn nào. Bấm “Lưu” ở một phát ngôn để giữ nó tại đây.');
      expect(await textOf(again, SAVED_TAB)).toBe('Đã lưu');
      await maybeScreenshot(again, `${name}-popup-saved-empty-vi-light`);
      await again.click(SEARCH_TAB);
      await typeQuery(again, 'hoa binh');
      expect(await resultToggles(again)).toEqual(texts.map(() => 'false'));
      await again.close();
    });
  });
}

async function savedScreens(h: Harness, name: string, lang: 'vi' | 'en'): Promise<void> {
  await setLanguage(h, lang);
  const search = await openPopup(h);
  await typeQuery(search, 'hoa binh');
  await search.click('#results > li:first-child button.save');
  await search.waitFor(() => document.querySelector('#results > li button.save')?.getAttribute('aria-pressed') === 'true');
  await maybeScreenshot(search, `${name}-popup-search-saving-${lang}-dark`);
  await putDroppedQuote(search);
  await search.close();
  const saved = await openPopup(h, '#view=saved');
  await saved.waitFor(() => document.querySelectorAll('.saved-list > li').length === 2);
  await maybeScreenshot(saved, `${name}-popup-saved-${lang}-dark`);
  await removeAllSaved(saved);
  await maybeScreenshot(saved, `${name}-popup-saved-empty-${lang}-dark`);
  await saved.close();
}

/** Dark theme and English: only with SCREENSHOTS=1, for a person to look at. */
for (const name of BROWSERS) {
  describe.skipIf(!process.env.SCREENSHOTS)(`saved quotes screenshots in ${name}, dark`, () => {
    const h = useExtension(name, { colorScheme: 'dark' });

    it('search with saves, the Saved tab and its empty state, in Vietnamese and English', async () => {
      for (const lang of ['vi', 'en'] as const) await savedScreens(h, name, lang);
    });
  });
}
