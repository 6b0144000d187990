// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { PersonCard, QuoteView } from '../../../src/protocol/views';
import type { AddThisPageAnswer } from '../../../src/reading/article';
import { PopoverCard } from '../../../src/ui/PopoverCard';
import { basisNotes, citation } from '../../../src/ui/QuoteItem';

const card: PersonCard = {
  kind: 'person',
  person: { id: 'lavrov', name: 'Sergei Lavrov', role: 'Ngoại trưởng Nga', roleEn: 'Foreign Minister of Russia', country: 'RU', aliases: [] },
  summits: [],
  quotes: [],
  quoteCount: 0,
};

const added: AddThisPageAnswer = {
  ok: true,
  document: { id: 'reading-1', title: 'Ông Putin: Cuộc gặp ở Anchorage mở đường cho đối thoại', url: 'https://bencang.example/a.html', published: '2025-08-16' },
  quotes: 2,
  replaced: false,
  truncated: false,
};

/** Resolves once Preact has drawn what the card's state now says. */
async function until(root: Element, check: (root: Element) => boolean): Promise<void> {
  while (!check(root)) await new Promise((r) => setTimeout(r, 0));
}

function mount(lang: 'vi' | 'en', onAddArticle?: () => Promise<AddThisPageAnswer>) {
  const root = document.createElement('div');
  render(<PopoverCard lang={lang} state={{ status: 'ready', card }} onOpenFull={() => undefined} onClose={() => undefined} onAddArticle={onAddArticle} />, root);
  return root;
}

describe('"add this article" in the card', () => {
  it('adds the page and says so in the card', async () => {
    let release!: (a: AddThisPageAnswer) => void;
    const root = mount('vi', () => new Promise((r) => (release = r)));
    const button = root.querySelector<HTMLButtonElement>('footer button.add')!;
    expect(button.textContent).toBe('+ Thêm bài này vào bài của bạn');
    button.click();
    await until(root, (r) => r.querySelector<HTMLButtonElement>('button.add')!.disabled);
    expect(root.querySelector('button.add')!.textContent).toBe('Đang đọc trang…');
    release(added);
    await until(root, (r) => r.querySelector('.added') !== null);
    expect([root.querySelector('.added')!.textContent, root.querySelector('.added')!.getAttribute('role')]).toEqual(['Đã thêm “Ông Putin: Cuộc gặp ở Anchorage mở đường cho đối thoại”: 2 trích dẫn.', 'status']);
  });

  it('shows a refusal as an alert, and a thrown error too', async () => {
    const refused = mount('en', async () => ({ ok: false, code: 'no-article', error: 'no article found on this page (too little running text)' }));
    refused.querySelector<HTMLButtonElement>('button.add')!.click();
    await until(refused, (r) => r.querySelector('.added') !== null);
    expect([refused.querySelector('.added')!.textContent, refused.querySelector('.added')!.getAttribute('role')]).toEqual(['Not added: no article found on this page (too little running text)', 'alert']);

    const broken = mount('en', () => Promise.reject(new Error('the extension was updated; reload the page')));
    broken.querySelector<HTMLButtonElement>('button.add')!.click();
    await until(broken, (r) => r.querySelector('.added') !== null);
    expect(broken.querySelector('.added')!.textContent).toBe('Not added: the extension was updated; reload the page');
  });

  it('is not offered where the page cannot be added', () => {
    expect(mount('vi').querySelector('button.add')).toBeNull();
  });
});

describe('a corrected quote', () => {
  const quote: QuoteView = {
    id: 'reading-1:q2',
    text: 'Chúng tôi chưa đạt được thỏa thuận cuối cùng',
    kind: 'speech',
    speaker: { id: 'lavrov', name: 'Sergei Lavrov', role: 'Ngoại trưởng Nga', roleEn: 'Foreign Minister of Russia' },
    speakerName: null,
    speakerRole: null,
    speakerBasis: 'named',
    date: '2025-08-14',
    dateBasis: 'stated',
    summit: null,
    source: { document: 'reading-1', title: 'Ông Putin', outlet: 'Báo Bến Cảng', published: '2025-08-16', origin: 'reading', url: 'https://bencang.example/a.html' },
    corrected: { speaker: true, date: true },
  };

  it('says which fields the user corrected, in the card and in the citation', () => {
    expect(basisNotes('vi', quote)).toEqual(['người nói do bạn sửa', 'ngày do bạn sửa']);
    expect(basisNotes('en', { ...quote, corrected: { speaker: false, date: true }, speakerBasis: 'role', speakerRole: 'Ngoại trưởng Nga' })).toEqual(['speaker inferred from the role “Ngoại trưởng Nga”', 'date corrected by you']);
    expect(citation('en', quote)).toBe('“Chúng tôi chưa đạt được thỏa thuận cuối cùng” — Sergei Lavrov, 14 Aug 2025 [speaker corrected by you; date corrected by you] (Ông Putin, Báo Bến Cảng, https://bencang.example/a.html)');
  });
});
