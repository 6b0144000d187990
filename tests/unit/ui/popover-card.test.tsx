// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { PopoverCard } from '../../../src/ui/PopoverCard';
import { citation, highlighted } from '../../../src/ui/QuoteItem';
import type { PersonCard, QuoteView } from '../../../src/protocol/views';

const quote = (id: string, text: string, date: string | null): QuoteView => ({
  id,
  text,
  kind: 'speech',
  speaker: { id: 'putin', name: 'Vladimir Putin', role: 'Tổng thống Nga', roleEn: 'President of Russia' },
  speakerName: null,
  speakerRole: null,
  speakerBasis: 'named',
  date,
  dateBasis: date === null ? 'unknown' : 'summit',
  summit: null,
  source: { document: 'd', title: 'Tổng thống Putin nói gì sau thượng đỉnh Mỹ - Nga?', outlet: 'Thời Đại', published: null, origin: 'corpus', url: null },
});

const GENEVA_PLACE = { vi: 'Geneva, Thụy Sĩ', en: 'Geneva, Switzerland', ru: 'Женева, Швейцария' };
const summit = (id: string, year: number) => ({ id, title: { vi: `Thượng đỉnh ${year}`, en: `Summit ${year}` }, date: `${year}-06-16`, endDate: null, place: GENEVA_PLACE.vi, placeNames: GENEVA_PLACE });

const card: PersonCard = {
  kind: 'person',
  person: { id: 'putin', name: 'Vladimir Putin', role: 'Tổng thống Nga', roleEn: 'President of Russia', country: 'RU', aliases: [] },
  summits: [summit('a', 2025), summit('b', 2021), summit('c', 2018), summit('d', 2017)],
  quotes: [quote('q1', '<img src=x onerror=alert(1)>Lần tới ở Moskva', '2025-08-15'), quote('q2', 'hiệu quả', '2021-06-16'), quote('q3', 'x', null), quote('q4', 'y', null)],
  quoteCount: 9,
};

function mount(lang: 'vi' | 'en') {
  const root = document.createElement('div');
  const onOpenFull = vi.fn();
  render(<PopoverCard lang={lang} state={{ status: 'ready', card }} onOpenFull={onOpenFull} onClose={() => undefined} />, root);
  return { root, onOpenFull };
}

describe('PopoverCard', () => {
  it('shows who, three summits with dates, three quotes with sources, and the full-list button', () => {
    const { root, onOpenFull } = mount('vi');
    expect(root.querySelector('h2')!.textContent).toBe('Vladimir Putin');
    expect([...root.querySelectorAll('.summits li')].map((li) => li.textContent)).toEqual([
      'Thượng đỉnh 2025 16/6/2025',
      'Thượng đỉnh 2021 16/6/2021',
      'Thượng đỉnh 2018 16/6/2018',
      '+1',
    ]);
    expect(root.querySelectorAll('.quote')).toHaveLength(3);
    expect(root.querySelector('.quote .source')!.textContent).toBe('Nguồn: Tổng thống Putin nói gì sau thượng đỉnh Mỹ - Nga? · Thời Đại');
    const open = root.querySelector<HTMLButtonElement>('button.open')!;
    expect(open.textContent).toBe('Xem tất cả 9 phát ngôn →');
    open.click();
    expect(onOpenFull).toHaveBeenCalledOnce();
  });

  it('renders quote text as text, never as HTML', () => {
    const { root } = mount('en');
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('blockquote')!.textContent).toBe('“<img src=x onerror=alert(1)>Lần tới ở Moskva”');
    expect(root.querySelector('.subtitle')!.textContent).toBe('President of Russia');
  });
});

describe('quote helpers', () => {
  it('never shows a slogan or scare quote as somebody\'s words', () => {
    const root = document.createElement('div');
    const slogan: QuoteView = { ...quote('s', 'Theo đuổi hòa bình', null), kind: 'slogan', speaker: null, speakerBasis: 'none' };
    render(<PopoverCard lang="en" state={{ status: 'ready', card: { ...card, quotes: [slogan] } }} onOpenFull={() => undefined} onClose={() => undefined} />, root);
    expect(root.querySelector('.speaker')!.textContent).toBe('A slogan, not a quote');
    expect(citation('vi', slogan)).toBe('“Theo đuổi hòa bình” — Khẩu hiệu, không phải phát ngôn, bài không nêu ngày (Tổng thống Putin nói gì sau thượng đỉnh Mỹ - Nga?, Thời Đại)');
  });

  it('splits highlights into marks and ignores overlapping or out-of-range spans', () => {
    const root = document.createElement('p');
    render(<>{highlighted('hòa bình ở Ukraine', [[0, 3], [2, 5], [4, 8], [15, 99]])}</>, root);
    expect(root.innerHTML).toBe('<mark>hòa</mark> <mark>bình</mark> ở Ukraine');
  });

  it('says how an inferred speaker and date were found, in the card and the citation', () => {
    const rubio = { id: 'rubio', name: 'Marco Rubio', role: 'Ngoại trưởng Mỹ', roleEn: 'US Secretary of State' };
    const inferred: QuoteView = { ...quote('r', 'Chúng tôi sẽ tiếp tục', '2025-08-17'), speaker: rubio, speakerRole: 'Ngoại trưởng Mỹ', speakerBasis: 'role', dateBasis: 'relative' };
    const root = document.createElement('div');
    render(<PopoverCard lang="en" state={{ status: 'ready', card: { ...card, quotes: [inferred] } }} onOpenFull={() => undefined} onClose={() => undefined} />, root);
    expect(root.querySelector('.quote .speaker')!.textContent).toBe('Marco Rubio');
    expect(root.querySelector('.quote .basis')!.textContent).toBe('speaker inferred from the role “Ngoại trưởng Mỹ” · day counted from the article’s publication date');
    expect(citation('vi', inferred)).toBe(
      '“Chúng tôi sẽ tiếp tục” — Marco Rubio, 17/8/2025 [người nói suy ra từ chức danh “Ngoại trưởng Mỹ”; ngày tính từ ngày đăng bài] (Tổng thống Putin nói gì sau thượng đỉnh Mỹ - Nga?, Thời Đại)',
    );
  });

  it('shows a speaker the gazetteer does not know by name, and "date not stated" instead of a date', () => {
    const graham: QuoteView = { ...quote('g', 'Đây là bước đầu', null), speaker: null, speakerName: 'Lindsey Graham', speakerBasis: 'named' };
    const root = document.createElement('div');
    render(<PopoverCard lang="vi" state={{ status: 'ready', card: { ...card, quotes: [graham] } }} onOpenFull={() => undefined} onClose={() => undefined} />, root);
    expect(root.querySelector('.quote .speaker')!.textContent).toBe('Lindsey Graham');
    expect(root.querySelector('.quote figcaption .date')!.textContent).toBe('bài không nêu ngày');
    expect(root.querySelector('.quote time')).toBeNull();
    expect(root.querySelector('.quote .basis')).toBeNull();
    expect(citation('en', graham)).toBe('“Đây là bước đầu” — Lindsey Graham, date not stated (Tổng thống Putin nói gì sau thượng đỉnh Mỹ - Nga?, Thời Đại)');
  });

  it('formats a citation with speaker, date and outlet', () => {
    expect(citation('vi', quote('q', 'hiệu quả', '2021-06-16'))).toBe(
      '“hiệu quả” — Vladimir Putin, 16/6/2021 (Tổng thống Putin nói gì sau thượng đỉnh Mỹ - Nga?, Thời Đại)',
    );
  });
});

describe('PopoverCard on a page about a summit', () => {
  const geneva = { id: 'geneva-2021', title: { vi: 'Thượng đỉnh Nga - Mỹ tại Geneva 2021', en: '2021 Russia–United States summit in Geneva' }, date: '2021-06-16', endDate: null, place: 'Biệt thự La Grange, Geneva, Thụy Sĩ', placeNames: { vi: 'Biệt thự La Grange, Geneva, Thụy Sĩ', en: 'Villa La Grange, Geneva, Switzerland', ru: 'Вилла Ла Гранж, Женева, Швейцария' } };
  const alaskaPlace = { vi: 'Anchorage, Alaska, Mỹ', en: 'Anchorage, Alaska, United States', ru: 'Анкоридж, Аляска, США' };
  const alaska = { id: 'alaska-2025', title: { vi: 'Thượng đỉnh Alaska 2025', en: 'Alaska 2025' }, date: '2025-08-15', endDate: null, place: alaskaPlace.vi, placeNames: alaskaPlace };
  const biden = { id: 'biden', name: 'Joe Biden', role: 'Tổng thống Mỹ thứ 46', roleEn: '46th President of the United States' };
  const putinRef = { id: 'putin', name: 'Vladimir Putin', role: 'Tổng thống Nga', roleEn: 'President of Russia' };
  const withPage: PersonCard = {
    ...card,
    summits: [alaska, geneva],
    quotes: [quote('q1', 'Lần tới ở Moskva', '2025-08-15')],
    at: [
      {
        summit: geneva,
        outcome: { vi: 'Ra tuyên bố chung về ổn định chiến lược.', en: 'Joint statement on strategic stability.' },
        participants: [biden, putinRef],
        participant: true,
        offices: [{ id: 'ru-president', title: { vi: 'Tổng thống Nga', en: 'President of Russia' }, leader: true }],
        counterparts: [biden],
      },
    ],
    met: [{ person: biden, summits: ['geneva-2021'] }],
  };
  const context = {
    summits: [{ id: 'geneva-2021', score: 15, evidence: [] }],
    people: [{ id: 'biden', score: 11 }, { id: 'putin', score: 9 }, { id: 'trump', score: 1 }],
    published: '2021-06-17',
    lang: 'en',
  };

  function show(lang: 'vi' | 'en') {
    const root = document.createElement('div');
    const onOpenSummit = vi.fn();
    render(<PopoverCard lang={lang} state={{ status: 'ready', card: withPage }} context={context} onOpenFull={() => undefined} onOpenSummit={onOpenSummit} onClose={() => undefined} />, root);
    const lines = [...root.querySelectorAll('[data-section="page-summit"] .line')].map((p) => p.textContent);
    return { root, onOpenSummit, lines };
  }

  it('sections in order; role, counterpart, the article’s day, then who took part and what came of it (no quote from Geneva)', () => {
    const { root, lines } = show('en');
    expect([...root.querySelectorAll('section')].map((s) => s.getAttribute('data-section'))).toEqual(['page-summit', 'met', 'summits', 'quotes']);
    expect(lines).toEqual([
      'Role there: President of Russia',
      'Counterpart: Joe Biden',
      'This article: 17 Jun 2021, the day after the summit',
      'No quotes from this summit in the corpus yet.',
      'Participants: Joe Biden, Vladimir Putin',
      'Outcome: Joint statement on strategic stability.',
    ]);
  });

  it('gives the summit’s place in the reader’s language', () => {
    expect(show('en').root.querySelector('[data-section="page-summit"] .facts')!.textContent).toBe('2021 Russia–United States summit in Geneva · 16 Jun 2021 · Villa La Grange, Geneva, Switzerland');
    expect(show('vi').root.querySelector('[data-section="page-summit"] .facts')!.textContent).toBe('Thượng đỉnh Nga - Mỹ tại Geneva 2021 · 16/6/2021 · Biệt thự La Grange, Geneva, Thụy Sĩ');
  });

  it('in Vietnamese, and “met once” with the date as a button to the summit’s card', () => {
    const { root, lines, onOpenSummit } = show('vi');
    expect(lines.slice(0, 3)).toEqual(['Vai trò: Tổng thống Nga', 'Người đồng cấp: Joe Biden', 'Bài viết này: 17/6/2021, một ngày sau thượng đỉnh']);
    const met = root.querySelector('[data-section="met"]')!;
    expect(met.querySelector('.line')!.textContent).toBe('Đã gặp Joe Biden 1 lần:');
    const date = met.querySelector<HTMLButtonElement>('button.met-date')!;
    expect(date.textContent).toBe('16/6/2021');
    expect(date.getAttribute('aria-label')).toBe('16/6/2021, Thượng đỉnh Nga - Mỹ tại Geneva 2021 — mở thẻ cuộc gặp');
    date.click();
    expect(onOpenSummit).toHaveBeenCalledWith('geneva-2021');
  });

  it('someone the gazetteer does not list there: role not stated, with the office of the day; no counterpart line', () => {
    const root = document.createElement('div');
    const lavrov: PersonCard = {
      ...withPage,
      person: { ...withPage.person, id: 'lavrov', name: 'Sergei Lavrov' },
      at: [{ ...withPage.at![0]!, participant: false, offices: [{ id: 'ru-foreign-minister', title: { vi: 'Ngoại trưởng Nga', en: 'Foreign Minister of Russia' }, leader: false }], counterparts: [] }],
      met: [],
    };
    render(<PopoverCard lang="en" state={{ status: 'ready', card: lavrov }} context={{ ...context, published: null }} onOpenFull={() => undefined} onClose={() => undefined} />, root);
    expect([...root.querySelectorAll('[data-section="page-summit"] .line')].map((p) => p.textContent).slice(0, 2)).toEqual([
      'Role there: not stated (at the time: Foreign Minister of Russia)',
      'No quotes from this summit in the corpus yet.',
    ]);
    expect(root.querySelector('[data-section="met"]')).toBeNull();
  });
});
