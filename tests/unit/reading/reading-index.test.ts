import { describe, expect, it } from 'vitest';
import type { CorrectedQuote } from '../../../src/reading/corrections';
import { postingsOf } from '../../../src/reading/postings';
import { positionsIn, ReadingIndex } from '../../../src/reading/reading-index';
import { rankReading } from '../../../src/reading/search';
import { parseQuery, toned } from '../../../src/search/normalize';
import type { Person } from '../../../src/schema/index-schema';

const URL = 'https://bencang.example/the-gioi/dam-phan.html';

function quote(id: string, text: string, fields: Partial<CorrectedQuote> = {}): CorrectedQuote {
  return {
    id: `reading-x:${id}`,
    document: 'reading-x',
    text,
    speaker: null,
    summit: null,
    date: null,
    start: 0,
    end: text.length,
    mentions: [],
    kind: 'speech',
    speakerName: null,
    speakerRole: null,
    speakerBasis: 'none',
    dateBasis: 'unknown',
    source: { document: 'reading-x', title: 'Đàm phán ở Anchorage', outlet: 'Báo Bến Cảng', published: '2025-08-16', origin: 'reading', url: URL },
    ...fields,
  };
}

const QUOTES = [
  quote('a', 'Chúng tôi muốn hòa bình lâu dài cho khu vực', { speaker: 'putin', date: '2025-08-15', summit: 'alaska-2025' }),
  quote('b', 'Hoà bình chỉ đến khi hai bên ngồi vào bàn đàm phán', { speaker: 'trump', date: '2025-08-16', mentions: ['putin'] }),
  quote('c', 'Cuộc đàm phán đã kéo dài quá lâu', { speaker: 'trump', date: '2018-07-16', summit: 'helsinki-2018' }),
  quote('d', 'Không có gì để bình luận thêm về hoa hồng', { date: null }),
];

const ids = (index: ReadingIndex, ranked: { top: { n: number }[] }) => ranked.top.map(({ n }) => index.keys[n]!.id.slice('reading-x:'.length));

describe('ReadingIndex', () => {
  // The quotes in two word indexes, read in no particular order, as the store hands them back.
  const index = new ReadingIndex([postingsOf('reading-x', QUOTES.slice(2)), postingsOf('reading-x', QUOTES.slice(0, 2))], new Map(), []);

  it('keeps the quotes newest first and finds a word, a prefix and a person', () => {
    expect(index.keys.map((q) => q.id.slice(-1))).toEqual(['b', 'a', 'c', 'd']);
    expect(index.termsFor('binh', false).map((t) => [t.term, [...t.occurrences.quotes]])).toEqual([['binh', [0, 1, 3]]]);
    // `Hoà` (old tone placement) and `hòa` share their accents; `hoa` in `hoa hồng` has none.
    const hoa = index.termsFor('hoa', true);
    expect(hoa.map((t) => [t.term, [...t.occurrences.quotes]])).toEqual([['hoa', [0, 1, 3]]]);
    const { form, forms, positions } = hoa[0]!.occurrences;
    expect(Array.from(form, (f) => forms[f] === toned('hòa'))).toEqual([true, true, false]);
    expect([...positions]).toEqual([0, 3, 8]);
    expect(index.termsFor('ho', true).map((t) => t.term)).toEqual(['hoa', 'hong']);
    expect(index.termsFor('dam phan', false)).toEqual([]);
    expect(positionsIn(index.termsFor('ho', true), 3)).toEqual([8, 9]);
    expect(index.involving('putin')).toEqual([0, 1]);
    expect(index.involving('trump')).toEqual([0, 2]);
    expect(index.involving('lavrov')).toEqual([]);
  });

  it('ranks as the index does: phrase first, then the accents typed, newest first on a tie', () => {
    // `Hoà bình` (b) is the phrase with the typed accents in the old tone placement, so it ties with a and is newer;
    // d has both words apart and one of them without its accents.
    const query = { text: 'hòa bình' };
    expect(ids(index, rankReading(index, parseQuery(query.text), [[], []], query, 10))).toEqual(['b', 'a', 'd']);
    const scores = rankReading(index, parseQuery(query.text), [[], []], query, 10).top.map((r) => r.score);
    expect(scores).toEqual([10_204, 10_204, 203]);
    // Unaccented, every phrase ties and the newest comes first.
    expect(ids(index, rankReading(index, parseQuery('hoa binh'), [[], []], { text: 'hoa binh' }, 10))).toEqual(['b', 'a', 'd']);
    // A prefix still being typed.
    expect(ids(index, rankReading(index, parseQuery('đàm ph'), [[], []], { text: 'đàm ph' }, 10))).toEqual(['b', 'c']);
  });

  it('matches a word through the person it names, and applies the filters to every hit', () => {
    const putin = parseQuery('Putin hòa bình');
    const all = rankReading(index, putin, [['putin'], [], []], { text: 'Putin hòa bình' }, 10);
    expect(ids(index, all)).toEqual(['a', 'b', 'd']);
    expect(all.total).toBe(3);
    const dated = { text: 'đàm phán', from: '2025-01-01' };
    expect(ids(index, rankReading(index, parseQuery(dated.text), [[], []], dated, 10))).toEqual(['b']);
    const filtersOnly = { text: '', person: 'trump' };
    expect(ids(index, rankReading(index, [], [], filtersOnly, 10))).toEqual(['b', 'c']);
    const summitOnly = { text: '', summit: 'helsinki-2018' };
    expect(ids(index, rankReading(index, [], [], summitOnly, 10))).toEqual(['c']);
    // The summit's own quotes are the pool; the dates still apply to them.
    expect(ids(index, rankReading(index, [], [], { text: '', summit: 'alaska-2025', to: '2025-08-15' }, 10))).toEqual(['a']);
    expect(rankReading(index, [], [], { text: '', summit: 'alaska-2025', from: '2025-08-16' }, 10).total).toBe(0);
  });

  it('merges a word over articles by recency, a quote\'s occurrences in word order, and reads corrections into the keys', () => {
    const other = [quote('e', 'Hòa bình, rồi hoà bình nữa', { id: 'reading-y:e', document: 'reading-y', date: '2025-08-15', speaker: 'putin' })];
    const lavrov = { id: 'lavrov', name: 'Sergei Lavrov', aliases: [], names: [] } as unknown as Person;
    const corrections = new Map([['reading-y:e', { quoteId: 'reading-y:e', document: 'reading-y', speaker: 'sergei lavrov', date: '2025-08-17', correctedAt: 1 }]]);
    const merged = new ReadingIndex([postingsOf('reading-x', QUOTES), postingsOf('reading-y', other)], corrections, [lavrov]);
    expect(merged.keys.map((k) => k.id.slice(-1))).toEqual(['e', 'b', 'a', 'c', 'd']);
    const hoa = merged.termsFor('hoa', false)[0]!.occurrences;
    expect([[...hoa.quotes], [...hoa.positions]]).toEqual([[0, 0, 1, 2, 4], [0, 3, 0, 3, 8]]);
    expect(merged.involving('lavrov')).toEqual([0]);
    expect(merged.involving('putin')).toEqual([1, 2]);
  });

  it('makes its term map in slices of articles, the same as at once, and a search meanwhile finishes it', () => {
    // Three word indexes of one article's quotes, as the store may hand them back.
    const articles = [postingsOf('reading-x', QUOTES.slice(0, 1)), postingsOf('reading-x', QUOTES.slice(1, 2)), postingsOf('reading-x', QUOTES.slice(2))];
    const atOnce = new ReadingIndex(articles, new Map(), []);
    const sliced = new ReadingIndex(articles, new Map(), []);
    // Two slices of two articles map all three, a third sorts the terms.
    expect([sliced.prepare(2), sliced.prepare(2), sliced.prepare(2), sliced.prepare(2)]).toEqual([false, false, true, true]);
    const terms = (index: ReadingIndex) => ['binh', 'ho', 'dam', 'k'].map((fold) => index.termsFor(fold, true).map((t) => [t.term, [...t.occurrences.quotes], [...t.occurrences.positions]]));
    expect(terms(sliced)).toEqual(terms(atOnce));
    expect(terms(sliced)[0]).toEqual([['binh', [0, 1, 3], [1, 4, 4]]]);

    const interrupted = new ReadingIndex(articles, new Map(), []);
    expect(interrupted.prepare(1)).toBe(false);
    expect(terms(interrupted)).toEqual(terms(atOnce));
    expect(interrupted.prepare(1)).toBe(true);
  });
});
