import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/corpus/pipeline';
import { canonicalQuotes, findQuoteSpans } from '../../../src/corpus/quote-marks';
import { splitSentences } from '../../../src/corpus/sentences';
import { bytes, realGazetteer } from './corpus-fixture';

const index = (text: string) => buildIndex([{ file: 't.txt', bytes: bytes(text) }], realGazetteer());

describe("each quote's own summit", () => {
  it('an Alaska preview recalling Helsinki: the recalled words belong to Helsinki, the rest to Alaska', () => {
    const idx = index(
      'date 2025-08-13 Trước thềm Alaska, bóng ma Helsinki trở lại\n\n' +
        'Tổng thống Donald Trump sẽ gặp Tổng thống Vladimir Putin tại Anchorage hôm 15/8.\n\n' +
        'Tại Dinh Tổng thống Phần Lan hôm 16/7/2018, ông Trump nói: “Tôi tin cả hai phía”. Ông nói thêm: “Đó là một cuộc đối thoại tốt”.\n\n' +
        'Hôm qua, ông Trump nói với báo giới: “Lần này tôi sẽ lắng nghe”.',
    );
    expect(idx.documents[0]!.summit).toBe('alaska-2025');
    expect(idx.quotes.map((q) => [q.text, q.summit, q.date])).toEqual([
      ['Tôi tin cả hai phía', 'helsinki-2018', '2018-07-16'],
      ['Đó là một cuộc đối thoại tốt', 'helsinki-2018', '2018-07-16'],
      ['Lần này tôi sẽ lắng nghe', 'alaska-2025', '2025-08-12'],
    ]);
  });

  it('words about the present after a recalled summit are the document summit’s, and the recalled setting does not date them', () => {
    const idx = index(
      'date 2025-08-17 Kremlin on Alaska\n\nPresident Donald Trump met President Vladimir Putin in Anchorage on Friday.\n\n' +
        'At his news conference in Geneva in 2021, Putin called Joe Biden "a careful partner," Peskov said, adding that the present U.S. leader was "far more direct."',
    );
    expect(idx.quotes.map((q) => [q.text, q.summit, q.date])).toEqual([
      ['a careful partner,', 'geneva-2021', '2021-06-16'],
      ['far more direct.', 'alaska-2025', null],
    ]);
  });

  it("'khi đó' goes back to the summit last named; 'trong khi đó' (meanwhile) does not", () => {
    const idx = index(
      'date 2025-08-13 Trước thềm Alaska\n\nTổng thống Donald Trump sẽ gặp Tổng thống Vladimir Putin tại Anchorage hôm 15/8.\n\n' +
        'Tại Helsinki năm 2018, ông Trump nói: “Tôi tin cả hai phía”.\n\n' +
        'Nhà lãnh đạo Nga khi đó khẳng định Moskva “không can dự”.\n\n' +
        'Trong khi đó, ông Trump nói với báo giới: “Lần này sẽ khác”.',
    );
    expect(idx.quotes.map((q) => [q.text, q.summit, q.date, q.dateBasis])).toEqual([
      ['Tôi tin cả hai phía', 'helsinki-2018', '2018-07-16', 'summit'],
      ['không can dự', 'helsinki-2018', '2018-07-16', 'summit'],
      ['Lần này sẽ khác', 'alaska-2025', null, 'unknown'],
    ]);
  });

  it('a place named in Russian in any case ties the article to its summit', () => {
    const idx = index('date 2025-08-16 Итоги\n\nПутин и Трамп провели переговоры в Анкоридже. «Разговор был полезным», — сказал Путин.');
    expect(idx.documents[0]!.summit).toBe('alaska-2025');
    expect(idx.quotes.map((q) => q.summit)).toEqual(['alaska-2025']);
  });

  it('an article about no summit has no summit on any quote, even where a summit city is named', () => {
    const idx = index('date 2025-10-20 Sinh viên Việt Nam đoạt giải tại Geneva\n\nÔng Putin từng nói: “Geneva là thành phố đẹp”. Ban tổ chức gọi dự án là “sáng tạo”.');
    expect(idx.documents[0]!.summit).toBeNull();
    expect(idx.quotes.map((q) => q.summit)).toEqual([null, null]);
  });

  it('a next meeting in Moscow does not make a quote about a Moscow summit', () => {
    const idx = index('date 2025-08-16 Alaska\n\nÔng Trump và ông Putin gặp nhau ở Alaska hôm 15/8. “Lần tới ở Moskva”, ông Putin nói tại họp báo.');
    expect(idx.quotes.map((q) => [q.summit, q.date])).toEqual([['alaska-2025', '2025-08-15']]);
  });
});

describe('quotation marks of English and Russian pages', () => {
  const spans = (text: string) => {
    const c = canonicalQuotes(text);
    return { text: c, quotes: findQuoteSpans(c).filter((s) => !s.nested).map((s) => c.slice(s.start, s.end)) };
  };

  it('«…» with nested „…“: one quote, the nested marks kept as written', () => {
    expect(spans('«Когда президент сказал „ждем вас в Москве“, это было всерьез», — добавил он.')).toEqual({
      text: '“Когда президент сказал „ждем вас в Москве“, это было всерьез”, — добавил он.',
      quotes: ['Когда президент сказал „ждем вас в Москве“, это было всерьез'],
    });
  });

  it('straight and curly marks mixed in one quote, and single quotes', () => {
    expect(spans('Murphy said it was "a photo op he dreamed of.” Then the \'three-on-three\' talks began.').quotes).toEqual(['a photo op he dreamed of.', 'three-on-three']);
  });

  it('a quote cut off by the end of the text runs to its end; a stray mark earlier does not', () => {
    expect(spans('He said "fine" and left.\n\nThen: "The next meeting should be in').quotes).toEqual(['fine', 'The next meeting should be in']);
    expect(spans('Она сказала: «Мы не уйдём').quotes).toEqual(['Мы не уйдём']);
    expect(spans('A stray " mark.\n\nThen the end.').quotes).toEqual([]);
  });
});

describe('link lists of English and Russian pages', () => {
  it('quotes in a Related / Read next / Читайте также list are not article quotes', () => {
    for (const heading of ['Related:', 'Read next', 'MORE ON THE SUMMIT', 'Читайте также', 'По теме']) {
      const idx = index(`date 2025-08-16 Alaska\n\n“We got closer,” Trump said in Anchorage.\n\n${heading}\n“No deal is better than a bad deal”: what Congress wants\n«Событие мирового масштаба»: в Кремле оценили интерес`);
      expect(idx.quotes.map((q) => q.text)).toEqual(['We got closer,']);
    }
  });
});

describe('sentences of English and Russian text', () => {
  const split = (t: string) => splitSentences(t, { start: 0, end: t.length }, []).map((r) => t.slice(r.start, r.end));
  it('abbreviations do not end a sentence', () => {
    expect(split('Sen. Chris Murphy, D-Conn., said it. U.S. officials agreed. On Aug. 15 they met.')).toEqual([
      'Sen. Chris Murphy, D-Conn., said it.',
      'U.S. officials agreed.',
      'On Aug. 15 they met.',
    ]);
    expect(split('В 2018 г. Путин встретился с Трампом, т.е. в Хельсинки. Потом уехал.')).toEqual(['В 2018 г. Путин встретился с Трампом, т.е. в Хельсинки.', 'Потом уехал.']);
  });
});

describe('speech verbs of English and Russian', () => {
  it('finds the speech of "…," X said and «…», — заявил X', () => {
    const en = index('date 2025-08-16 Alaska\n\nTrump met Putin in Anchorage on Friday. “We got closer,” Trump said.');
    expect(en.quotes.map((q) => [q.kind, q.speaker])).toEqual([['speech', 'trump']]);
    const ru = index('date 2025-08-16 Аляска\n\nПутин и Трамп встретились на Аляске. По словам Путина, «разговор был полезным».');
    expect(ru.quotes.map((q) => q.kind)).toEqual(['speech']);
  });
});
