// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Request } from '../../../src/protocol/messages';
import type { Ask } from '../../../src/protocol/client';
import type { PersonCard, QuoteView, SavedQuoteView } from '../../../src/protocol/views';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';
import { PopupApp } from '../../../src/ui/popup/PopupApp';
import { parseRoute, type PopupEnv, type Route } from '../../../src/ui/popup/env';
import { until } from '../support/until';

const putin = { id: 'putin', name: 'Vladimir Putin', role: 'Tổng thống Nga', roleEn: 'President of Russia' };
const source = { document: 'd1', title: 'Thượng đỉnh Nga - Mỹ tại Alaska', outlet: null, published: '2025-08-16', origin: 'corpus' as const, url: null };
const quote = (id: string, text: string, date: string): QuoteView => ({ id, text, kind: 'speech', speaker: putin, speakerName: null, speakerRole: null, speakerBasis: 'named', date, dateBasis: 'stated', summit: null, source });
const QUOTES = [quote('q1', 'Chúng tôi muốn hòa bình lâu dài', '2025-08-15'), quote('q2', 'hòa bình ở Ukraine', '2021-06-16')];

/**
 * The background as the popup sees it, over a list of saved quotes: `save`
 * and `unsave` change the list, and `saved` answers with the quotes the
 * "index" (QUOTES) still has.
 */
function fakeBackground(initial: SavedQuoteView[] = [], failSave = false) {
  let saved = initial.map(({ quote: _, ...s }) => s);
  let clock = 1000;
  const asked: Request[] = [];
  const card: PersonCard = { kind: 'person', person: { ...putin, country: 'RU', aliases: [] }, summits: [], quotes: QUOTES, quoteCount: 2 };
  const answer = async (request: Request): Promise<unknown> => {
    switch (request.type) {
      case 'status':
        return { state: 'ready', progress: 1, error: null, hash: 'h', schemaVersion: 4, counts: { documents: 1, people: 1, summits: 0, quotes: 2 }, available: true };
      case 'catalog':
        return { people: [putin], summits: [] };
      case 'search':
        return { hits: QUOTES.map((q) => ({ quote: q, score: 1, highlights: [] })), people: [putin], summits: [], total: 2 };
      case 'card':
        return card;
      case 'save': {
        if (failSave) throw new Error('no quote "q1" in the index');
        const q = QUOTES.find((x) => x.id === request.id)!;
        const record = { quoteId: q.id, savedAt: ++clock, snapshot: { text: q.text, speaker: putin.name, date: q.date, source: source.title } };
        saved = [record, ...saved.filter((s) => s.quoteId !== q.id)];
        return record;
      }
      case 'unsave':
        saved = saved.filter((s) => s.quoteId !== request.id);
        return null;
      case 'saved':
        return saved.map((s) => ({ ...s, quote: QUOTES.find((q) => q.id === s.quoteId) ?? null }));
      default:
        throw new Error(`unexpected ${request.type}`);
    }
  };
  const ask = ((request: Request) => {
    asked.push(request);
    return answer(request);
  }) as Ask;
  return { ask, asked };
}

let root: HTMLElement | null = null;

function mount(ask: Ask, initial: Route, language: 'vi' | 'en' = 'vi'): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  const env: PopupEnv = {
    ask,
    settings: { ...DEFAULT_SETTINGS, language },
    saveSettings: async () => undefined,
    activeTab: null,
    pageMentions: async () => null,
    copy: async () => undefined,
    hasHostAccess: async () => true,
    requestHostAccess: async () => true,
    openOptions: () => undefined,
    shortcut: null,
    addThisPage: async () => ({ ok: false, error: 'no page' }),
    download: () => undefined,
  };
  render(<PopupApp env={env} initial={initial} />, root);
  return root;
}

afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

const $ = <E extends Element = HTMLElement>(el: ParentNode, selector: string) => el.querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(el: ParentNode, selector: string) => [...el.querySelectorAll<E>(selector)];
const tab = (el: HTMLElement, label: string) => $$<HTMLButtonElement>(el, '[role="tab"]').find((b) => b.textContent!.startsWith(label))!;
const pressed = (el: ParentNode) => $$(el, 'button.save').map((b) => b.getAttribute('aria-pressed'));

function shownSaved(el: HTMLElement) {
  return $$(el, '.saved-list > li').map((li) => ({
    note: $(li, '.gone-note')?.textContent ?? null,
    text: $(li, 'blockquote')?.textContent ?? null,
    speaker: $(li, '.speaker')?.textContent ?? null,
    date: $(li, '.date')?.textContent ?? null,
    source: $(li, '.source')?.textContent ?? null,
    buttons: $$(li, 'button').map((b) => b.textContent),
  }));
}

describe('saving quotes in the popup', () => {
  it('a quote saved in search shows as saved in its card and in the Saved tab; removing it there empties the list', async () => {
    const { ask, asked } = fakeBackground();
    const el = mount(ask, { view: 'search', query: 'hoa binh' });
    await until(() => $$(el, '#results li').length === 2, 'results');
    const first = $<HTMLButtonElement>(el, '#results li button.save')!;
    expect(first.tagName).toBe('BUTTON');
    expect(first.textContent).toBe('Lưu');
    expect(first.title).toBe('Lưu phát ngôn này vào mục Đã lưu');
    expect(pressed(el)).toEqual(['false', 'false']);
    // It comes before the words in reading order, so it points at them.
    expect(el.querySelector(`[id="${first.getAttribute('aria-describedby')}"]`)?.textContent).toBe('“Chúng tôi muốn hòa bình lâu dài”');
    expect(tab(el, 'Đã lưu').textContent).toBe('Đã lưu');

    first.click();
    await until(() => pressed(el)[0] === 'true', 'the first quote saved');
    expect(pressed(el)).toEqual(['true', 'false']);
    // The click saved the quote and did not open its source.
    expect(asked.filter((r) => r.type === 'save')).toEqual([{ type: 'save', id: 'q1' }]);
    expect($(el, '.source-view')).toBeNull();
    expect(first.title).toBe('Đã lưu. Bấm để bỏ khỏi mục Đã lưu');
    expect(first.textContent).toBe('Lưu');
    expect(tab(el, 'Đã lưu').textContent).toBe('Đã lưu1');

    $<HTMLButtonElement>(el, '.entities .chip')!.click();
    await until(() => $(el, '.card-view h2'), 'the card');
    expect($$(el, '.card-view .quote').map((q) => [$(q, 'blockquote')!.textContent, $(q, 'button.save')!.getAttribute('aria-pressed')])).toEqual([
      ['“Chúng tôi muốn hòa bình lâu dài”', 'true'],
      ['“hòa bình ở Ukraine”', 'false'],
    ]);

    tab(el, 'Đã lưu').click();
    await until(() => $(el, '.saved-list li'), 'the Saved tab');
    expect(shownSaved(el)).toEqual([
      {
        note: null,
        text: '“Chúng tôi muốn hòa bình lâu dài”',
        speaker: 'Vladimir Putin',
        date: '15/8/2025',
        source: 'Nguồn: Thượng đỉnh Nga - Mỹ tại Alaska · không rõ báo',
        buttons: ['Xem trong bài', 'Sao chép kèm trích dẫn', 'Bỏ lưu'],
      },
    ]);

    const remove = $<HTMLButtonElement>(el, '.saved-list button.remove')!;
    remove.focus();
    remove.click();
    await until(() => $(el, '.saved-empty') && document.activeElement === $(el, '.saved h2'), 'the empty state, focus on its heading');
    expect($(el, '.saved-empty')!.textContent).toBe('Chưa lưu phát ngôn nào. Bấm “Lưu” ở một phát ngôn để giữ nó tại đây.');
    expect(asked.filter((r) => r.type === 'unsave')).toEqual([{ type: 'unsave', id: 'q1' }]);
    expect(tab(el, 'Đã lưu').textContent).toBe('Đã lưu');
    // Focus does not fall to the page when the focused button goes with its item.
    expect(document.activeElement).toBe($(el, '.saved h2'));
  });

  it('a save pressed twice before the answer saves once, and a second press after it removes the quote', async () => {
    const { ask, asked } = fakeBackground();
    const el = mount(ask, { view: 'search', query: 'hoa binh' });
    await until(() => $$(el, '#results li').length === 2, 'results');
    const second = $$<HTMLButtonElement>(el, '#results button.save')[1]!;
    second.click();
    second.click();
    await until(() => pressed(el)[1] === 'true', 'saved');
    expect(asked.filter((r) => r.type === 'save' || r.type === 'unsave')).toEqual([{ type: 'save', id: 'q2' }]);
    second.click();
    await until(() => pressed(el)[1] === 'false', 'removed');
    expect(asked.filter((r) => r.type === 'save' || r.type === 'unsave')).toEqual([
      { type: 'save', id: 'q2' },
      { type: 'unsave', id: 'q2' },
    ]);
  });

  it('shows a quote the index dropped from what was saved, with a note, as text and never as HTML', async () => {
    const gone: SavedQuoteView = {
      quoteId: 'old',
      savedAt: 3,
      snapshot: { text: '<img src=x onerror=alert(1)>Lần tới ở Moskva', speaker: null, date: null, source: 'Bài cũ' },
      quote: null,
    };
    const wordless: SavedQuoteView = { quoteId: 'v1', savedAt: 2, snapshot: null, quote: null };
    const live: SavedQuoteView = { quoteId: 'q2', savedAt: 1, snapshot: { text: 'older words', speaker: putin.name, date: '2021-06-16', source: source.title }, quote: null };
    const el = mount(fakeBackground([gone, wordless, live]).ask, { view: 'saved' }, 'en');
    await until(() => $$(el, '.saved-list li').length === 3, 'the Saved tab');
    expect($(el, '.saved h2')!.textContent).toBe('Saved quotes');
    expect(shownSaved(el)).toEqual([
      {
        note: 'No longer in the index — shown as you saved it.',
        text: '“<img src=x onerror=alert(1)>Lần tới ở Moskva”',
        speaker: 'speaker unknown',
        date: 'date not stated',
        source: 'Source: Bài cũ',
        buttons: ['Remove'],
      },
      { note: 'This quote is no longer in the index, and its words were not kept.', text: null, speaker: null, date: null, source: null, buttons: ['Remove'] },
      // Still in the index: shown as the index has it now, not as it was saved.
      {
        note: null,
        text: '“hòa bình ở Ukraine”',
        speaker: 'Vladimir Putin',
        date: '16 Jun 2021',
        source: 'Source: Thượng đỉnh Nga - Mỹ tại Alaska · outlet unknown',
        buttons: ['View in article', 'Copy with citation', 'Remove'],
      },
    ]);
    expect($(el, 'img')).toBeNull();
    expect($$(el, '.quote.gone')).toHaveLength(2);

    // Removing the first moves focus to the next remove button.
    const removes = () => $$<HTMLButtonElement>(el, '.saved-list button.remove');
    removes()[0]!.focus();
    removes()[0]!.click();
    await until(() => removes().length === 2 && document.activeElement === removes()[0], 'one removed, focus on the next remove button');
    expect(document.activeElement).toBe(removes()[0]);
  });

  it('"View in article" on a saved quote opens its source', async () => {
    const live: SavedQuoteView = { quoteId: 'q1', savedAt: 1, snapshot: null, quote: null };
    const { ask, asked } = fakeBackground([live]);
    const el = mount(ask, { view: 'saved' });
    await until(() => $(el, '.saved-list li'), 'the Saved tab');
    $$<HTMLButtonElement>(el, '.saved-list button').find((b) => b.textContent === 'Xem trong bài')!.click();
    await until(() => asked.some((r) => r.type === 'quoteContext'), 'the source');
    expect(asked.find((r) => r.type === 'quoteContext')).toEqual({ type: 'quoteContext', id: 'q1' });
  });

  it('says so when a save fails, and the quote stays unsaved', async () => {
    const el = mount(fakeBackground([], true).ask, { view: 'search', query: 'hoa binh' });
    await until(() => $$(el, '#results li').length === 2, 'results');
    $<HTMLButtonElement>(el, '#results button.save')!.click();
    await until(() => $(el, '.notice.error'), 'the error');
    expect($(el, '.notice.error')!.textContent).toBe('Không cập nhật được mục Đã lưu: no quote "q1" in the index');
    expect($(el, '.notice.error')!.getAttribute('role')).toBe('alert');
    expect(pressed(el)).toEqual(['false', 'false']);
  });

  it('opens on the Saved tab from #view=saved, with an empty state', async () => {
    expect(parseRoute('#view=saved')).toEqual({ view: 'saved' });
    const el = mount(fakeBackground().ask, parseRoute('#view=saved')!);
    await until(() => $(el, '.saved-empty'), 'the empty state');
    expect(tab(el, 'Đã lưu').getAttribute('aria-selected')).toBe('true');
  });
});
