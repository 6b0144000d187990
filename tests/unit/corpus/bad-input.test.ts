import { describe, expect, it } from 'vitest';
import { CorpusError } from '../../../src/corpus/errors';
import { buildIndex } from '../../../src/corpus/pipeline';
import { bytes, realGazetteer } from './corpus-fixture';

const build = (text: string) => buildIndex([{ file: 'in.txt', bytes: bytes(text) }], realGazetteer());

describe('bad input is processed without an exception', () => {
  it('an article in another language keeps its quotes with no speaker, summit or date it does not support', () => {
    const idx = build('Der russische Präsident sagte am Freitag, die Gespräche seien „konstruktiv“ gewesen.\n\n普京表示：“我们会看到。”');
    expect(idx.documents).toHaveLength(1);
    expect(idx.quotes.map((q) => [q.text, q.speaker, q.summit, q.date])).toEqual([
      ['konstruktiv', null, null, null],
      ['我们会看到。', null, null, null],
    ]);
  });

  it('an article without quotes gives a document and no quotes', () => {
    const idx = build('Tổng thống Putin tới Alaska hôm 15/8.\n\nHai bên hội đàm gần ba giờ.');
    expect(idx.documents).toHaveLength(1);
    expect(idx.quotes).toEqual([]);
  });

  it('unbalanced and stray marks of every kind', () => {
    const idx = build('Ông Putin nói “rất tốt và " ông Trump “đồng ý” » « „ ”\n\n"""""\n\n«««\n\n»»» ”” ‘’ ’');
    expect(idx.quotes.map((q) => q.text)).toEqual(['đồng ý']);
    for (const q of idx.quotes) expect(idx.documents[0]!.text.slice(q.start, q.end)).toBe(q.text);
  });

  it('control characters are dropped from the text', () => {
    const idx = build('Ông Putin nói\u0001 “rất\u0007 tốt”\u0008\u000b\u000c.\n\nTrump said "fine\u0002." \u009b');
    expect(idx.quotes.map((q) => q.text)).toEqual(['rất tốt', 'fine.']);
    expect(idx.documents[0]!.text).not.toMatch(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u);
  });

  it('1 MB in one paragraph, in linear time (the bench measures it; here: every quote found)', () => {
    const sentence = 'Ông Putin nói: “Chúng tôi sẵn sàng đối thoại”, và ông Trump cho biết cuộc gặp “rất hiệu quả”. ';
    const n = Math.ceil(1_000_000 / sentence.length);
    const idx = build(sentence.repeat(n));
    expect(idx.quotes).toHaveLength(2 * n);
    expect(idx.quotes[2 * n - 1]!.speaker).toBe('trump');
  });

  it('where nothing can be extracted, a clear reason', () => {
    const reason = (text: string) => {
      try {
        build(text);
      } catch (e) {
        if (e instanceof CorpusError) return e.message;
        throw e;
      }
      return null;
    };
    expect(reason('Tin liên quan\nMột tiêu đề\nHai tiêu đề')).toBe('in.txt:1: no article text left after removing page furniture');
    expect(reason('   \n\n ')).toMatch(/^in\.txt:1: empty/);
  });
});
