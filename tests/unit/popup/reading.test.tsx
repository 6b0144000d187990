// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ask } from '../../../src/protocol/client';
import type { Request } from '../../../src/protocol/messages';
import type { QuoteView } from '../../../src/protocol/views';
import type { AddThisPageAnswer, ReadingArticleSummary } from '../../../src/reading/article';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';
import { ReadingView } from '../../../src/ui/popup/ReadingView';
import type { PopupEnv } from '../../../src/ui/popup/env';
import { until } from '../support/until';

const ARTICLE: ReadingArticleSummary = { id: 'reading-a', title: 'Ông Putin nói về Alaska', url: 'https://tin.example/a', site: null, published: null, addedAt: 5, quotes: 1, truncated: true };
const QUOTE: QuoteView = {
  id: 'reading-a:1',
  text: 'Chúng tôi đã nói chuyện thẳng thắn',
  kind: 'speech',
  speaker: null,
  speakerName: null,
  speakerRole: null,
  speakerBasis: 'none',
  date: null,
  dateBasis: 'unknown',
  summit: null,
  source: { document: 'reading-a', title: 'Ông Putin nói về Alaska', outlet: null, published: null, origin: 'reading', url: 'https://tin.example/a' },
};

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

function mount(options: { list: ReadingArticleSummary[]; add?: AddThisPageAnswer; tab?: boolean; failImport?: string }) {
  let list = options.list;
  const asked: Request[] = [];
  const downloads: [string, string][] = [];
  const ask = (async (request: Request) => {
    asked.push(request);
    switch (request.type) {
      case 'readingList':
        return list;
      case 'readingQuotes':
        return [QUOTE];
      case 'removeArticle':
        list = list.filter((a) => a.id !== request.id);
        return null;
      case 'exportUserData':
        return 'FILE';
      case 'reextractArticle':
        return { document: { id: request.id, title: 'Lavrov ở Anchorage', url: 'https://tin.example/b', published: null }, quotes: 4, replaced: true, truncated: false };
      case 'importUserData':
        if (options.failImport) throw new Error(options.failImport);
        return { documents: 1, quotes: 1, saved: 0, settings: false };
      default:
        throw new Error(`unexpected ${request.type}`);
    }
  }) as Ask;
  const env: PopupEnv = {
    ask,
    settings: { ...DEFAULT_SETTINGS, language: 'en' },
    saveSettings: async () => undefined,
    activeTab: options.tab === false ? null : { id: 7, url: null },
    pageMentions: async () => null,
    copy: async () => undefined,
    hasHostAccess: async () => true,
    requestHostAccess: async () => true,
    openOptions: () => undefined,
    shortcut: null,
    addThisPage: async () => {
      if (options.add?.ok) list = [{ ...ARTICLE, id: options.add.document.id, title: options.add.document.title }, ...list];
      return options.add ?? { ok: false, error: 'unused' };
    },
    download: (name, text) => void downloads.push([name, text]),
  };
  root = document.createElement('div');
  document.body.append(root);
  render(<ReadingView env={env} go={() => undefined} />, root);
  return { el: root, asked, downloads };
}

const note = (el: HTMLElement) => el.querySelector('.reading-note-line')?.textContent ?? null;

describe('Your articles', () => {
  it('lists each article with "not stated" where the page gave no site or date, the cap it hit, and its quotes with their origin', async () => {
    const { el } = mount({ list: [ARTICLE] });
    await until(() => el.querySelector('.reading-list > li'), 'the list');
    expect(el.querySelector('h3')!.textContent).toBe('Ông Putin nói về Alaska');
    expect(el.querySelector('.reading-meta')!.textContent).toBe('outlet unknown · date not stated · 1 quote');
    expect(el.querySelector('.reading-note')!.textContent).toBe('page too long: only the first 100,000 characters were read');
    expect(el.querySelector('a.original')!.getAttribute('href')).toBe('https://tin.example/a');
    expect(el.querySelector('a.original')!.getAttribute('rel')).toBe('noopener noreferrer');
    el.querySelector<HTMLButtonElement>('button.quotes-toggle')!.click();
    await until(() => el.querySelector('.reading-quotes blockquote'), 'the quotes');
    expect(el.querySelector('.reading-quotes .source')!.textContent).toBe('Source: From your reading: Ông Putin nói về Alaska · outlet unknown');
    expect(el.querySelector('.reading-quotes .date')!.textContent).toBe('date not stated');
  });

  it('says why a page was not added, and that there is no page when the popup has no tab', async () => {
    const refused = mount({ list: [], add: { ok: false, code: 'no-article', error: 'no article found on this page (too little running text)' } });
    await until(() => refused.el.querySelector('.reading-empty'), 'the empty state');
    refused.el.querySelector<HTMLButtonElement>('button.add-page')!.click();
    await until(() => note(refused.el)?.startsWith('Not added'), 'the refusal');
    expect(note(refused.el)).toBe('Not added: no article found on this page (too little running text)');
    render(null, root!);
    root!.remove();

    const none = mount({ list: [], tab: false });
    await until(() => none.el.querySelector('.reading-empty'), 'the empty state');
    none.el.querySelector<HTMLButtonElement>('button.add-page')!.click();
    await until(() => note(none.el), 'the note');
    expect(note(none.el)).toBe('Open a web page to add it.');
  });

  it('adds, updates, removes, exports and reports a failed import', async () => {
    const added = mount({ list: [], add: { ok: true, document: { id: 'reading-b', title: 'Lavrov ở Anchorage', url: 'https://tin.example/b', published: null }, quotes: 3, replaced: false, truncated: false }, failImport: 'summit-lens-my-corpus.jsonl:2: not valid JSON' });
    await until(() => added.el.querySelector('.reading-empty'), 'the empty state');
    added.el.querySelector<HTMLButtonElement>('button.add-page')!.click();
    await until(() => added.el.querySelectorAll('.reading-list > li').length === 1, 'the added article');
    expect(note(added.el)).toBe('Added “Lavrov ở Anchorage”: 3 quotes.');

    added.el.querySelector<HTMLButtonElement>('button.reextract')!.click();
    await until(() => note(added.el)?.startsWith('Extracted'), 'the extraction');
    expect(note(added.el)).toBe('Extracted again “Lavrov ở Anchorage”: 4 quotes.');

    added.el.querySelector<HTMLButtonElement>('button.export')!.click();
    await until(() => added.downloads.length === 1, 'the download');
    expect(added.downloads).toEqual([['summit-lens-my-corpus.jsonl', 'FILE']]);

    const input = added.el.querySelector<HTMLInputElement>('input[type=file]')!;
    Object.defineProperty(input, 'files', { value: [new File(['bad'], 'x.jsonl')], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => note(added.el)?.startsWith('Nothing'), 'the import error');
    expect(note(added.el)).toBe('Nothing was imported: summit-lens-my-corpus.jsonl:2: not valid JSON');
    expect(added.el.querySelectorAll('.reading-list > li')).toHaveLength(1);

    added.el.querySelector<HTMLButtonElement>('button.remove')!.click();
    await until(() => added.el.querySelector('.reading-empty'), 'the empty state again');
    expect(added.asked.filter((r) => r.type === 'removeArticle')).toEqual([{ type: 'removeArticle', id: 'reading-b' }]);
  });
});
