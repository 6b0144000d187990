import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMatcher, insideUrl, type Hit } from '../../../src/matcher/automaton';
import { fold, foldForm } from '../../../src/matcher/normalize';
import type { Lexicon } from '../../../src/schema/lexicon';
import { entryIndex, lexicon } from './fixture';

const matcher = compileMatcher(lexicon);

/** [surface text, entry form or distractor] per hit, to read failures easily. */
function described(text: string, hits: Hit[]): [string, string][] {
  return hits.map((h) => [
    text.slice(h.start, h.end),
    h.entryIndex >= 0 ? lexicon.entries[h.entryIndex]!.form : `distractor:${lexicon.distractors[-1 - h.entryIndex]}`,
  ]);
}

describe('scan on corpus sentences', () => {
  it('finds the epithet at the start of a sentence', () => {
    const text = 'Ông chủ Điện Kremlin cho rằng cuộc gặp thượng đỉnh giữa lãnh đạo Nga và Mỹ đáng lẽ "phải diễn ra từ lâu".';
    expect(matcher.scan(text)).toEqual([{ start: 0, end: 20, entryIndex: entryIndex('ông chủ Điện Kremlin') }]);
  });

  it('prefers the full name to the surname inside it', () => {
    const text = 'việc sẽ nhanh chóng gặp Tổng thống Ukraine Volodymyr Zelenskiy để đàm phán chấm';
    expect(matcher.scan(text)).toEqual([{ start: 43, end: 62, entryIndex: entryIndex('Volodymyr Zelenskiy') }]);
  });

  it('finds both leaders in a G20 sentence', () => {
    const text = 'Trong cuộc gặp mặt trực tiếp đầu tiên giữa Tổng thống Mỹ Donald Trump và người đồng cấp Nga Vladimir Putin ngày 7/7';
    expect(matcher.scan(text)).toEqual([
      { start: 57, end: 69, entryIndex: entryIndex('Donald Trump') },
      { start: 92, end: 106, entryIndex: entryIndex('Vladimir Putin') },
    ]);
  });

  it('finds a name split over a line break, as the corpus wraps lines', () => {
    const text = 'Trump phát biểu với báo chí, ông\nTrump nói; Donald\nTrump';
    expect(described(text, matcher.scan(text))).toEqual([
      ['Trump', 'Trump'],
      ['Trump', 'Trump'],
      ['Donald\nTrump', 'Donald Trump'],
    ]);
  });

  it('reads Cyrillic forms, longest first', () => {
    const text = 'Президент России Владимир Путин встретился с Трампом; Трамп и ПУТИН.';
    expect(described(text, matcher.scan(text))).toEqual([
      ['Владимир Путин', 'Владимир Путин'],
      ['Трамп', 'Трамп'],
      ['ПУТИН', 'Путин'],
    ]);
  });
});

describe('normalised input', () => {
  it('reports hits on NFD text at the exact decomposed characters', () => {
    const nfc = 'Trước các phóng viên, ông chủ Nhà Trắng thứ 45 bày tỏ: “Tổng thống Putin và tôi đã bàn bạc”.';
    const nfd = nfc.normalize('NFD');
    const hits = matcher.scan(nfd);
    expect(hits.map((h) => h.entryIndex)).toEqual([entryIndex('ông chủ Nhà Trắng thứ 45'), entryIndex('Putin')]);
    expect(nfd.slice(hits[0]!.start, hits[0]!.end)).toBe('ông chủ Nhà Trắng thứ 45'.normalize('NFD'));
    expect(nfd.slice(hits[1]!.start, hits[1]!.end)).toBe('Putin');
    expect(hits[0]!.start).toBe(nfd.indexOf('ông chủ'.normalize('NFD')));
  });

  it('matches old tone placement in the text against new placement in the lexicon, and back', () => {
    const lex: Lexicon = {
      entries: [
        { form: 'Lê Thanh Hòa', kind: 'person', id: 'hoa', strength: 'full' },
        { form: 'Nguyễn Thị Thuỷ', kind: 'person', id: 'thuy', strength: 'full' },
      ],
      distractors: [],
      participants: {},
    };
    const m = compileMatcher(lex);
    const text = 'Ông Lê Thanh Hoà gặp bà Nguyễn Thị Thủy; LÊ THANH HÒA.';
    expect(described(text, m.scan(text)).map(([s]) => s)).toEqual(['Lê Thanh Hoà', 'Nguyễn Thị Thủy', 'LÊ THANH HÒA']);
    expect(m.scan('Ông Lê Thanh Hoa gặp bà Nguyễn Thị Thuy')).toEqual([]);
  });

  it('does not let Nga match ngà', () => {
    const lex: Lexicon = { entries: [{ form: 'Nga', kind: 'person', id: 'nga', strength: 'full' }], distractors: [], participants: {} };
    const m = compileMatcher(lex);
    expect(m.scan('Tượng ngà voi, ngã ba, và Nga.')).toEqual([{ start: 26, end: 29, entryIndex: 0 }]);
  });
});

describe('word boundaries', () => {
  it('takes the name out of a possessive, straight or curly', () => {
    const text = "Putin's envoy met Trump’s team; Putinʼs aide";
    expect(described(text, matcher.scan(text))).toEqual([
      ['Putin', 'Putin'],
      ['Trump', 'Trump'],
      ['Putin', 'Putin'],
    ]);
  });

  it('splits dash compounds into two hits', () => {
    const text = 'the Trump–Putin summit, a Trump-Putin meeting, the Putin-Trump talks, Trump — Putin';
    const hits = matcher.scan(text);
    expect(described(text, hits).map(([, f]) => f)).toEqual(['Trump', 'Putin', 'Trump', 'Putin', 'Putin', 'Trump', 'Trump', 'Putin']);
    expect(hits.slice(0, 2)).toEqual([
      { start: 4, end: 9, entryIndex: entryIndex('Trump') },
      { start: 10, end: 15, entryIndex: entryIndex('Putin') },
    ]);
  });

  it('finds no name inside a longer word', () => {
    expect(matcher.scan('A Trumpet solo, Putinism, Trumpworld and antiTrump posters.')).toEqual([]);
  });

  it('finds no name inside a URL or e-mail address shown as text', () => {
    const text =
      'Nguồn: https://example.com/putin-trump và www.trump.com, liên hệ putin@kremlin.ru hoặc xem trump.com/news. Ông Putin.';
    expect(described(text, matcher.scan(text))).toEqual([['Putin', 'Putin']]);
  });

  it('keeps a name glued to the next sentence by a missing space', () => {
    const text = 'ông Putin.Tổng thống Trump';
    expect(described(text, matcher.scan(text)).map(([s]) => s)).toEqual(['Putin', 'Trump']);
  });
});

describe('leftmost-longest', () => {
  it('lets a distractor swallow the surname inside it', () => {
    const text = 'Melania Trump and Hunter Biden attended; Donald Trump Jr. spoke, then Trump.';
    expect(described(text, matcher.scan(text))).toEqual([
      ['Melania Trump', 'distractor:Melania Trump'],
      ['Hunter Biden', 'distractor:Hunter Biden'],
      ['Donald Trump Jr', 'distractor:Donald Trump Jr.'],
      ['Trump', 'Trump'],
    ]);
  });

  it('prefers the longest form at the leftmost start', () => {
    const text = 'Hội nghị thượng đỉnh Alaska và thượng đỉnh Alaska';
    expect(described(text, matcher.scan(text))).toEqual([
      ['Hội nghị thượng đỉnh Alaska', 'hội nghị thượng đỉnh Alaska'],
      ['thượng đỉnh Alaska', 'thượng đỉnh Alaska'],
    ]);
  });

  it('groups entries with the same folded form', () => {
    const geneva = lexicon.entries.flatMap((e, i) => (e.form === 'Geneva' ? [i] : []));
    expect(geneva).toHaveLength(2);
    expect(matcher.alternatives(geneva[0]!)).toEqual(geneva);
    expect(matcher.scan('in Geneva')[0]!.entryIndex).toBe(geneva[0]);
  });
});

describe('build', () => {
  it('reports auxiliary forms separately without blocking entity hits', () => {
    const m = compileMatcher(lexicon, ['summit', '2021', 'thượng đỉnh']);
    const text = 'Geneva summit in 2021, thượng đỉnh Alaska';
    const hits: Hit[] = [];
    const aux: number[] = [];
    m.scanInto(text, hits, aux);
    expect(described(text, hits).map(([s]) => s)).toEqual(['Geneva summit', 'thượng đỉnh Alaska']);
    expect(aux).toEqual([0, 7, 13, 1, 17, 21, 2, 23, 34]);
  });

  // Build time is measured by `npm run bench` (bench/matcher.ts), not asserted here.
  it('compiles ~300 extra forms and finds one of them', () => {
    const forms = Array.from({ length: 300 }, (_, i) => ({ form: `Nhân vật ${i} Ivanovich${i % 17}`, kind: 'person' as const, id: `p${i}`, strength: 'full' as const }));
    const lex: Lexicon = { entries: [...lexicon.entries, ...forms], distractors: lexicon.distractors, participants: {} };
    expect(compileMatcher(lex).scan('ông Nhân vật 42 Ivanovich8 nói').map((h) => lex.entries[h.entryIndex]!.id)).toEqual(['p42']);
  });
});

describe('agreement with a regex alternation', () => {
  it('finds the same hits as a boundary-guarded alternation over the folded corpus', () => {
    const dir = 'data/corpus';
    const text = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    const forms = [...new Set([...lexicon.entries.map((e) => e.form), ...lexicon.distractors].map(foldForm))];
    forms.sort((a, b) => b.length - a.length);
    const escaped = forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const re = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}\\p{M}])`, 'giu');
    const folded = fold(text);
    const units = Uint16Array.from({ length: folded.text.length }, (_, i) => folded.text.charCodeAt(i));
    const expected: [number, number][] = [];
    for (const m of folded.text.matchAll(re)) {
      const end = m.index + m[0].length;
      if (insideUrl(units, units.length, m.index, end)) continue;
      expected.push([folded.map[m.index]!, folded.map[end]!]);
    }
    const actual = matcher.scan(text).map((h) => [h.start, h.end]);
    expect(expected.length).toBeGreaterThan(100);
    expect(actual).toEqual(expected);
  });
});
