import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/corpus/pipeline';
import { bytes, realGazetteer, realIndex } from './corpus-fixture';

describe('quote offsets', () => {
  it('every quote is exactly its slice of the stored document text, without marks', () => {
    const index = realIndex();
    const text = new Map(index.documents.map((d) => [d.id, d.text]));
    expect(index.quotes.length).toBeGreaterThan(0);
    for (const q of index.quotes) {
      expect(text.get(q.document)!.slice(q.start, q.end)).toBe(q.text);
      expect(q.text).not.toMatch(/^[“‘"']|[”’"']$/u);
    }
  });

  it('only speech quotes carry a speaker, and every speaker is a known person', () => {
    const ids = new Set(realIndex().people.map((p) => p.id));
    for (const q of realIndex().quotes) {
      if (q.kind !== 'speech') expect(q.speaker).toBeNull();
      if (q.speaker) expect(ids.has(q.speaker)).toBe(true);
    }
  });

  it('ids are stable when unrelated text changes', () => {
    const article = 'Ông Putin nói: “Lần tới ở Moskva”.\n\nTổng thống Trump nói ông “rất vui”.';
    const a = buildIndex([{ file: 'x/a.txt', bytes: bytes(article) }], realGazetteer());
    const b = buildIndex([{ file: 'x/a.txt', bytes: bytes(`Một đoạn mở đầu mới được thêm vào.\n\n${article}`) }], realGazetteer());
    expect(b.quotes.map((q) => q.id)).toEqual(a.quotes.map((q) => q.id));
    expect(a.documents[0]!.id).toBe('a');
  });
});

describe('speaker resolution on unseen text', () => {
  const quotesOf = (text: string) => buildIndex([{ file: 't.txt', bytes: bytes(text) }], realGazetteer()).quotes;

  it('does not guess a speaker the gazetteer does not know', () => {
    const [q] = quotesOf('Tổng thống Putin đến Alaska hôm 15/8 gặp Tổng thống Trump.\n\nThượng nghị sĩ Lindsey Graham cho biết “cuộc gặp rất hữu ích”.');
    expect(q!.kind).toBe('speech');
    expect(q!.speaker).toBeNull();
  });

  it('names a spokesman once the gazetteer knows him', () => {
    const [q] = quotesOf('Tổng thống Putin đến Alaska hôm 15/8 gặp Tổng thống Trump.\n\nNgười phát ngôn Dmitry Peskov cho biết “cuộc gặp rất hữu ích”.');
    expect(q!.speaker).toBe('peskov');
  });

  it('keeps distractors from becoming speakers', () => {
    const [q] = quotesOf('Bà Melania Trump nói “tôi rất vui” khi tới Alaska.');
    expect(q!.speaker).toBeNull();
  });

  it('resolves a title through the summit and a quote before its attribution', () => {
    const qs = quotesOf('Tổng thống Joe Biden gặp Tổng thống Vladimir Putin tại Geneva hôm 16/6.\n\n“Chúng tôi sẽ tiếp tục đối thoại”, Tổng thống Nga nói.');
    expect(qs[0]!.speaker).toBe('putin');
    expect(qs[0]!.summit).toBe('geneva-2021');
    // The lead dates the meeting, not these words: nothing places them at the summit, so no date is better than a guess.
    expect(qs[0]!.date).toBeNull();
  });
});

describe('Russian inflected names', () => {
  it('the name matcher finds a person in any case', async () => {
    const { NameMatcher } = await import('../../../src/corpus/names');
    const text = 'По словам Лаврова, встреча с Путиным прошла у Юрия Ушакова; Трампу и Зеленскому отправили письмо.';
    const found = new NameMatcher(realGazetteer()).find(text).filter((m) => m.kind === 'name').map((m) => [text.slice(m.start, m.end), m.person]);
    expect(found).toEqual([
      ['Лаврова', 'lavrov'],
      ['Путиным', 'putin'],
      ['Юрия Ушакова', 'ushakov'],
      ['Трампу', 'trump'],
      ['Зеленскому', 'zelensky'],
    ]);
  });
});
