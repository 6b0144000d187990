import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { Tab } from './harness/browsers';
import { BROWSERS, maybeScreenshot, useExtension, type Harness } from './harness/fixture';
import { openPopup, typeQuery } from './harness/popup';
import { poll } from './harness/poll';
import { cardMarkup, clickAt, hoverText, pointInCard, waitForActive } from './content-support';

/**
 * The user's own corpus, end to end in the built extension: a news page we
 * wrote (with a cookie banner, share bar, caption, related list and comments)
 * is added from "Your articles", its quotes are found in search with their
 * provenance, a page with no article is refused, adding twice updates, and
 * the corpus is exported, removed and imported back. The file Chromium
 * exports is the one Firefox imports.
 */

const ARTICLE = 'reading-vi-putin-anchorage.html';
const TITLE = 'Ông Putin: Cuộc gặp ở Anchorage mở đường cho đối thoại';
const PUTIN_WORDS = 'Chúng tôi đã có cuộc trao đổi thẳng thắn và có ích, hai bên hiểu nhau hơn sau hôm nay';
const TRUMP_WORDS = 'Chúng tôi chưa đạt được thỏa thuận cuối cùng, nhưng đã tiến rất gần';
const READING_TAB = 'button.reading-link';
const SEARCH_TAB = '[role="tab"]:nth-child(1)';
const quoted = (text: string) => `“${text}”`;

/** What the first browser exported, imported by the next. */
const exported: { from: string; text: string }[] = [];

/** The id of the tab showing the article: Chromium hides web URLs from this extension, so ask each tab's content script. */
function articleTabId(popup: Tab): Promise<number> {
  return popup.evaluate(async () => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    for (;;) {
      for (const tab of await api.tabs.query({})) {
        if (tab.id === undefined) continue;
        const answer = (await api.tabs.sendMessage(tab.id, { type: 'mentions' }).catch(() => null)) as { mentions: { id: string }[] } | null;
        if (answer?.mentions.some((m) => m.id === 'putin')) return tab.id;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  });
}

/** Asks every tab's content script to add its page, as the keyboard command or another extension page would: the contract answer of each. */
function addEveryTab(popup: Tab): Promise<unknown[]> {
  return popup.evaluate(async () => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    const answers: unknown[] = [];
    for (const tab of await api.tabs.query({})) {
      if (tab.id === undefined) continue;
      const answer = await api.tabs.sendMessage(tab.id, { type: 'addThisPage' }).catch(() => undefined);
      if (answer !== undefined) answers.push(answer);
    }
    return answers;
  });
}

function ask<T>(popup: Tab, message: object): Promise<T> {
  return popup.evaluate(async (m) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    const reply = (await api.runtime.sendMessage(m)) as { ok: boolean; value: T; error: string };
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  }, message);
}

interface ShownArticle {
  title: string;
  meta: string;
  buttons: string[];
  link: string | null;
}

function shownArticles(popup: Tab): Promise<ShownArticle[]> {
  return popup.evaluate(() =>
    [...document.querySelectorAll('.reading-list > li')].map((li) => ({
      title: li.querySelector('h3')!.textContent!,
      meta: li.querySelector('.reading-meta')!.textContent!,
      buttons: [...li.querySelectorAll('.actions button, .actions a')].map((b) => b.textContent!),
      link: li.querySelector('a.original')?.getAttribute('href') ?? null,
    })),
  );
}

const noteText = (popup: Tab) => popup.evaluate(() => document.querySelector('.reading-note-line')?.textContent ?? null);

async function chooseFile(h: Harness, popup: Tab, text: string): Promise<void> {
  const path = join(mkdtempSync(join(tmpdir(), 'summit-import-')), 'summit-lens-my-corpus.jsonl');
  writeFileSync(path, text);
  if (h.session.name === 'chromium') {
    await (popup.raw as PwPage).setInputFiles('.reading-controls input[type=file]', path);
  } else {
    const input = await (popup.raw as PpPage).$('.reading-controls input[type=file]');
    await input!.uploadFile(path);
  }
}

for (const name of BROWSERS) {
  describe(`the user's own corpus in ${name}`, () => {
    const h = useExtension(name);

    it('adds the page being read, finds its quotes with their provenance, refuses a page with no article, and survives export, removal and import', async () => {
      const page = await h.session.newTab(h.url(ARTICLE));
      const url = h.url(ARTICLE);
      const first = await openPopup(h);
      const tabId = await articleTabId(first);
      await first.close();

      const popup = await openPopup(h, `?tab=${tabId}#view=reading`);
      await popup.waitFor(() => document.querySelector('.reading-empty') !== null);
      expect(await popup.evaluate(() => document.querySelector('.reading-empty')!.textContent)).toBe('Chưa có bài nào. Mở một bài báo và bấm “Thêm trang này”.');

      // Added with the popup's button.
      await popup.click('button.add-page');
      await popup.waitFor(() => document.querySelectorAll('.reading-list > li').length === 1);
      expect(await noteText(popup)).toBe(`Đã thêm “${TITLE}”: 2 trích dẫn.`);
      expect(await shownArticles(popup)).toEqual([{ title: TITLE, meta: 'Báo Bến Cảng · 16/8/2025 · 2 trích dẫn', buttons: ['2 trích dẫn ▾', 'Mở bài gốc', 'Trích xuất lại', 'Xóa'], link: url }]);

      // A sign-in page is refused; the article asked again updates its entry (the message contract).
      const signIn = await h.session.newTab(h.url('reading-sign-in.html'));
      const answers = await addEveryTab(popup);
      expect(answers).toHaveLength(2);
      const id = (answers.find((a) => (a as { ok: boolean }).ok) as { document: { id: string } }).document.id;
      expect(answers).toContainEqual({ ok: true, document: { id, title: TITLE, url, published: '2025-08-16' }, quotes: 2, replaced: true, truncated: false });
      expect(answers).toContainEqual({ ok: false, code: 'no-article', error: 'no article found on this page (too little running text)' });
      await signIn.close();

      // Its quotes, from "Your articles", with speaker, date and where they come from.
      await popup.click(SEARCH_TAB);
      await popup.click(READING_TAB);
      await popup.waitFor(() => document.querySelectorAll('.reading-list > li').length === 1);
      expect((await shownArticles(popup)).length).toBe(1);
      await popup.click('.reading-list button.quotes-toggle');
      await popup.waitFor(() => document.querySelectorAll('.reading-quotes blockquote').length === 2);
      const source = `Nguồn: Từ bài bạn đọc: ${TITLE} · Báo Bến Cảng`;
      expect(
        await popup.evaluate(() => [...document.querySelectorAll('.reading-quotes .quote')].map((q) => [q.querySelector('blockquote')!.textContent, q.querySelector('.speaker')!.textContent, q.querySelector('.date')!.textContent, q.querySelector('.source')!.textContent])),
      ).toEqual([
        [quoted(PUTIN_WORDS), 'Vladimir Putin', '15/8/2025', source],
        // Words reported from the summit's press day by one of its participants: the pipeline dates them to the summit.
        [quoted(TRUMP_WORDS), 'Donald Trump', '15/8/2025', source],
      ]);
      await maybeScreenshot(popup, `${name}-popup-reading-vi-light`);

      // The reader corrects the second quote's speaker and date by hand: shown as theirs, and kept when the article is extracted again.
      const trumpItem = '.reading-quotes > li:nth-child(2)';
      await popup.click(`${trumpItem} button.correct`);
      await popup.waitFor(() => document.querySelector('.correct-form') !== null);
      await popup.click(`${trumpItem} input[name=speaker]`);
      await popup.type('sergei lavrov');
      // A date field takes typing differently in each browser; set it as the picker would.
      await popup.evaluate(() => {
        const input = document.querySelector('.correct-form input[name=date]') as HTMLInputElement;
        input.value = '2025-08-14';
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await popup.click(`${trumpItem} button.correct-save`);
      const trumpShown = () => popup.evaluate((sel) => {
        const q = document.querySelector(`${sel} .quote`)!;
        return [q.querySelector('.speaker')!.textContent, q.querySelector('.date')!.textContent, q.querySelector('.basis')?.textContent ?? null];
      }, trumpItem);
      const correctedShown = ['Sergei Lavrov', '14/8/2025', 'người nói do bạn sửa · ngày do bạn sửa'];
      await popup.waitFor(() => document.querySelector('.correct-form') === null);
      expect(await trumpShown()).toEqual(correctedShown);
      await maybeScreenshot(popup, `${name}-popup-reading-corrected-vi-light`);
      await popup.click('.reading-list button.reextract');
      await popup.waitFor(() => document.querySelector('.reading-note-line')?.textContent?.startsWith('Đã trích xuất lại') === true);
      const reextracted = await ask<{ speaker: { name: string } | null; date: string | null; corrected?: unknown }[]>(popup, { type: 'readingQuotes', id });
      expect(reextracted.map((q) => [q.speaker?.name, q.date, q.corrected ?? null])).toEqual([
        ['Vladimir Putin', '2025-08-15', null],
        ['Sergei Lavrov', '2025-08-14', { speaker: true, date: true }],
      ]);
      await popup.waitFor(() => document.querySelectorAll('.reading-quotes blockquote').length === 2);
      expect(await trumpShown()).toEqual(correctedShown);
      const byLavrov = await ask<{ hits: { quote: { text: string; speaker: { id: string } | null; date: string | null; corrected?: unknown } }[] }>(popup, { type: 'search', query: { text: '', person: 'lavrov', from: '2025-08-14', to: '2025-08-14' } });
      expect(byLavrov.hits.filter((hit) => hit.quote.corrected).map((hit) => [hit.quote.text, hit.quote.speaker?.id, hit.quote.date, hit.quote.corrected])).toEqual([[TRUMP_WORDS, 'lavrov', '2025-08-14', { speaker: true, date: true }]]);

      // Search reads the bundled index and the user's corpus together.
      await popup.click(SEARCH_TAB);
      await typeQuery(popup, 'thang than');
      // The whole phrase ranks first; the corpus's "tinh thần" and "thành thật" match the words alone.
      const results = () => popup.evaluate(() => [...document.querySelectorAll('#results > li')].map((li) => [li.querySelector('blockquote')!.textContent, li.querySelector('.source')!.textContent]));
      expect((await results())[0]).toEqual([quoted(PUTIN_WORDS), source]);
      expect((await results()).filter(([, s]) => s === source)).toHaveLength(1);
      const hits = await ask<{ hits: { quote: { source: { origin: string; url: string | null } } }[] }>(popup, { type: 'search', query: { text: 'thẳng thắn' } });
      expect(hits.hits[0]!.quote.source).toEqual({ document: id, title: TITLE, outlet: 'Báo Bến Cảng', published: '2025-08-16', origin: 'reading', url });
      expect(hits.hits.slice(1).map((hit) => [hit.quote.source.origin, hit.quote.source.url])).toEqual(hits.hits.slice(1).map(() => ['corpus', null]));

      // Putin's card holds the added quote beside the corpus's, with its provenance.
      await typeQuery(popup, 'Putin');
      await popup.click('.entities .chip');
      await popup.waitFor(() => document.querySelector('.card-view h2')?.textContent === 'Vladimir Putin');
      const inCard = await popup.evaluate(() => [...document.querySelectorAll('.card-view .quote')].map((q) => [q.querySelector('blockquote')!.textContent, q.querySelector('.source')!.textContent]));
      expect(inCard.filter(([, s]) => s === source)).toEqual([[quoted(PUTIN_WORDS), source]]);
      expect(inCard.length).toBeGreaterThan(1);

      // Export, then remove: the article and its quotes are gone.
      const file = await ask<string>(popup, { type: 'exportUserData' });
      expect(file.split('\n')[0]).toContain('"counts":{"documents":1,"quotes":2,"corrections":1,"saved":0,"settings":1}');
      exported.push({ from: name, text: file });
      await popup.click(READING_TAB);
      await popup.waitFor(() => document.querySelectorAll('.reading-list > li').length === 1);
      await popup.click('.reading-list button.remove');
      await popup.waitFor(() => document.querySelector('.reading-empty') !== null);
      await popup.click(SEARCH_TAB);
      await typeQuery(popup, 'thang than');
      expect((await results()).filter(([, s]) => s === source)).toEqual([]);

      // A damaged file is refused, naming its line, and changes nothing.
      await popup.click(READING_TAB);
      await popup.waitFor(() => document.querySelector('.reading-empty') !== null);
      await chooseFile(h, popup, file.replace('"format":"summit-lens/user-lines"', '"format":"something-else"'));
      await popup.waitFor(() => document.querySelector('.reading-note-line.error') !== null);
      expect(await noteText(popup)).toBe('Không nhập gì: summit-lens-my-corpus.jsonl:1: not a Summit Lens export (the first line must have "format": "summit-lens/user-lines")');
      expect(await popup.evaluate(() => document.querySelector('.reading-empty') !== null)).toBe(true);

      // Imported back, from the file the first browser exported: identical.
      const source0 = exported[0]!;
      await chooseFile(h, popup, source0.text);
      await popup.waitFor(() => document.querySelectorAll('.reading-list > li').length === 1);
      expect(await noteText(popup)).toBe('Đã nhập 1 bài viết, 2 trích dẫn, 0 trích dẫn đã lưu.');
      expect(await shownArticles(popup)).toEqual([{ title: TITLE, meta: 'Báo Bến Cảng · 16/8/2025 · 2 trích dẫn', buttons: ['2 trích dẫn ▾', 'Mở bài gốc', 'Trích xuất lại', 'Xóa'], link: source0.from === name ? url : expect.stringMatching(/reading-vi-putin-anchorage\.html$/) }]);
      const again = await ask<string>(popup, { type: 'exportUserData' });
      const body = (text: string) => text.split('\n').slice(1, -2).join('\n');
      expect(body(again)).toBe(body(source0.text));
      await maybeScreenshot(popup, `${name}-popup-reading-imported-vi-light`);
      // The correction came with the file.
      const importedId = (await ask<{ id: string }[]>(popup, { type: 'readingList' }))[0]!.id;
      const importedQuotes = await ask<{ speaker: { id: string } | null; corrected?: unknown }[]>(popup, { type: 'readingQuotes', id: importedId });
      expect(importedQuotes.map((q) => [q.speaker?.id, q.corrected ?? null])).toEqual([
        ['putin', null],
        ['lavrov', { speaker: true, date: true }],
      ]);
      await popup.close();
      await page.close();
    });

    it('adds an article from its own card; a hover on another page then shows its quote, with where it came from, until it is removed', async () => {
      const control = await openPopup(h);
      for (const { id } of await ask<{ id: string }[]>(control, { type: 'readingList' })) await ask(control, { type: 'removeArticle', id });
      const lavrovPage = 'reading-lavrov-anchorage.html';
      const lavrovTitle = 'Lavrov says Anchorage talks ran long, no deal on Ukraine yet';
      const lavrovWords = 'We came to Anchorage to talk, and we talked for nearly three hours without a single raised voice';
      const fromReading = `Từ bài bạn đọc: ${lavrovTitle} · Harbor Ledger`;

      const page = await h.session.newTab(h.url(lavrovPage));
      let other: Tab | null = null;
      try {
        await waitForActive(page);
        await hoverText(page, 'Lavrov', 'h1');
        await page.waitFor(() => document.querySelector('summit-lens-popover')?.matches(':popover-open') === true);
        const button = await poll(() => pointInCard(page, name, 'button.add'), "the card's add button");
        // From the name to the button in steps, as a hand would: the card stays open on the way.
        await page.mouseMove(button.x, button.y, 8);
        await clickAt(page, button.x, button.y);
        const added = `Đã thêm “${lavrovTitle}”: 3 trích dẫn.`;
        await poll(async () => (await cardMarkup(page, name)).includes(added), `"${added}" in the card`);
        const list = await ask<{ title: string; url: string; quotes: number }[]>(control, { type: 'readingList' });
        expect(list.map((a) => [a.title, a.url, a.quotes])).toEqual([[lavrovTitle, h.url(lavrovPage), 3]]);

        // Another page naming Lavrov: his card now carries the added words and says where they come from.
        const second = await h.session.newTab(h.url('en-alaska-article.html'));
        other = second;
        await waitForActive(second);
        await second.evaluate(() => document.querySelector('#p4')!.scrollIntoView({ block: 'center' }));
        await hoverText(second, 'Lavrov', '#p4');
        const withQuote = await poll(async () => {
          const markup = await cardMarkup(second, name);
          return markup.includes(lavrovWords) ? markup : null;
        }, "the added quote in Lavrov's card");
        expect(withQuote).toContain(fromReading);

        // Removed: a fresh look at the page no longer shows them.
        await ask(control, { type: 'removeArticle', id: (await ask<{ id: string }[]>(control, { type: 'readingList' }))[0]!.id });
        await second.goto(h.url('en-alaska-article.html'));
        await waitForActive(second);
        await second.evaluate(() => document.querySelector('#p4')!.scrollIntoView({ block: 'center' }));
        await hoverText(second, 'Lavrov', '#p4');
        const after = await poll(async () => {
          const markup = await cardMarkup(second, name);
          return markup.includes('data-section="quotes"') ? markup : null;
        }, "Lavrov's card with its quotes section");
        expect(after).not.toContain(lavrovWords);
        expect(after).not.toContain(fromReading);
      } finally {
        await other?.close();
        await page.close();
        await control.close();
      }
    });

    it('says on the page what the keyboard command did, in a closed shadow root', async () => {
      const page = await h.session.newTab(h.url(ARTICLE));
      await waitForActive(page);
      const popup = await openPopup(h);
      const tabId = await articleTabId(popup);
      // Alt+Shift+A sends `addThisPage` with `confirm`.
      const answer = await popup.evaluate((id) => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        return api.tabs.sendMessage(id, { type: 'addThisPage', confirm: true }, { frameId: 0 });
      }, tabId);
      expect(answer).toMatchObject({ ok: true, quotes: 2 });
      await page.waitFor(() => document.querySelector('summit-lens-toast') !== null);
      expect(await page.evaluate(() => document.querySelector('summit-lens-toast')!.shadowRoot)).toBeNull();
      await page.bringToFront();
      await maybeScreenshot(page, `${name}-page-toast-vi-light`);
      await popup.close();
      await page.close();
    });
  });
}

for (const name of BROWSERS) {
  describe(`adding as the user reads, in ${name}`, () => {
    const h = useExtension(name);

    it('with the option on, a page about a summit joins Your articles once it is read; a page about no summit does not', async () => {
      const popup = await openPopup(h);
      await popup.evaluate(async () => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        const { settings } = (await api.storage.local.get('settings')) as { settings?: Record<string, unknown> };
        await api.storage.local.set({ settings: { ...settings, autoAdd: true } });
      });
      expect(await ask<unknown[]>(popup, { type: 'readingList' })).toEqual([]);

      // Scanned first, so its own decision is taken before the summit page opens.
      const other = await h.session.newTab(h.url('context-no-summit.html'));
      await popup.evaluate(async () => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        for (;;) {
          for (const tab of await api.tabs.query({})) {
            if (tab.id === undefined) continue;
            const answer = (await api.tabs.sendMessage(tab.id, { type: 'mentions' }).catch(() => null)) as { context?: { summits: unknown[] } } | null;
            if (answer?.context && answer.context.summits.length === 0) return;
          }
          await new Promise((r) => setTimeout(r, 100));
        }
      });

      const page = await h.session.newTab(h.url(ARTICLE));
      await waitForActive(page);
      await popup.evaluate(async () => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        for (;;) {
          const reply = (await api.runtime.sendMessage({ type: 'readingList' })) as { ok: boolean; value: unknown[] };
          if (reply.ok && reply.value.length > 0) return;
          await new Promise((r) => setTimeout(r, 100));
        }
      });
      const list = await ask<{ title: string; url: string; quotes: number }[]>(popup, { type: 'readingList' });
      expect(list.map((a) => [a.title, a.url, a.quotes])).toEqual([[TITLE, h.url(ARTICLE), 2]]);
      await other.close();
      await page.close();
      await popup.close();
    });
  });
}

/** Run by the page itself: it rewrites the DOM and JSON built-ins our code would use, and keeps changing while it is read. */
const TAMPERING = `<script>
Object.defineProperty(Element.prototype, 'outerHTML', { get() { return '<p>pwned</p>'; } });
Document.prototype.getElementsByTagName = () => ({ length: 0 });
Object.prototype.ok = false;
JSON.stringify = () => '"pwned"';
JSON.parse = () => null;
window.DOMParser = function () { throw new Error('pwned'); };
setInterval(() => {
  const p = document.createElement('p');
  p.textContent = 'Cập nhật lúc ' + Date.now();
  document.querySelector('footer').append(p);
}, 1);
</script>`;

for (const name of BROWSERS) {
  describe(`hostile pages asked to be added, in ${name}`, () => {
    const h = useExtension(name);

    it('refuses a page of 100,005 elements with the cap stated, and adds the article of a page that tampers with its built-ins and keeps changing', async () => {
      h.server.route('/reading-huge.html', `<!doctype html><html lang="vi"><head><title>Rất lớn</title></head><body><article>${'<p><b>một</b> hai</p>'.repeat(50_000)}</article></body></html>`);
      const article = readFileSync(join(import.meta.dirname, 'pages', ARTICLE), 'utf8');
      h.server.route('/reading-hostile.html', article.replace('</body>', `${TAMPERING}</body>`));
      const huge = await h.session.newTab(h.url('reading-huge.html'));
      const hostile = await h.session.newTab(h.url('reading-hostile.html'));
      // Added only once its footer has outgrown the article, which Readability alone would then take for the article.
      await hostile.waitFor(() => document.querySelectorAll('footer p').length > 300);
      const popup = await openPopup(h);
      const answers = await poll(async () => {
        const all = await addEveryTab(popup);
        return all.length === 2 ? all : null;
      }, 'both pages answer addThisPage');
      // html, head, title, body and article count too.
      expect(answers).toContainEqual({ ok: false, code: 'too-large', error: 'the page has 100005 elements; pages over 100000 are not read' });
      expect(answers).toContainEqual({
        ok: true,
        document: { id: expect.stringMatching(/^reading-/), title: TITLE, url: h.url('reading-hostile.html'), published: '2025-08-16' },
        quotes: 2,
        replaced: false,
        truncated: false,
      });
      expect((await ask<{ quotes: number }[]>(popup, { type: 'readingList' })).map((a) => a.quotes)).toEqual([2]);
      await popup.close();
      await hostile.close();
      await huge.close();
    });
  });
}
