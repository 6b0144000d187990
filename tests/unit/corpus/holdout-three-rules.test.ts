import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/corpus/pipeline';
import { QuoteClock } from '../../../src/corpus/quote-dates';
import { bytes, realGazetteer } from './corpus-fixture';

const index = (text: string) => buildIndex([{ file: 't.txt', bytes: bytes(text) }], realGazetteer());
const speakers = (text: string) => index(text).quotes.map((q) => [q.text, q.speaker ?? q.speakerName, q.speakerBasis]);

describe('a speaker named after the words is never replaced by an earlier one', () => {
  it('takes the name at the end of a long Russian title after the dash, not the official named before', () => {
    expect(
      speakers(
        'date 2025-09-20 Договор\n\nЗамминистра иностранных дел Сергей Рябков назвал идею «шагом вперёд».\n\n' +
          '«Это осторожный шаг, и его стоит поддержать», — отмечает научный руководитель Центра международной безопасности Ирина Веденеева.',
      ),
    ).toEqual([
      ['шагом вперёд', 'ryabkov', 'named'],
      ['Это осторожный шаг, и его стоит поддержать', 'Ирина Веденеева', 'named'],
    ]);
  });

  it('reads a day and a place between the verb and a known speaker', () => {
    expect(
      speakers(
        'date 2021-06-10 Брифинг\n\nВстреча Владимира Путина и Джо Байдена пройдёт в Женеве. «Мы готовы к разговору», — заявила в четверг на брифинге официальный представитель МИД РФ Мария Захарова.',
      ),
    ).toEqual([['Мы готовы к разговору', 'zakharova', 'named']]);
  });

  it('lets a title word before a new name introduce that person, so a later "он" is theirs', () => {
    expect(
      speakers(
        'date 2025-09-20 Договор\n\nЗамминистра иностранных дел Сергей Рябков назвал идею «шагом вперёд».\n\n' +
          'Политолог Фонда Карнеги Семён Лыков настроен скептически. «Слишком мало времени», — сказал он газете.',
      ),
    ).toEqual([
      ['шагом вперёд', 'ryabkov', 'named'],
      ['Слишком мало времени', 'Семён Лыков', 'back-reference'],
    ]);
  });
});

describe('a question is the asker’s', () => {
  it('gives a labelled question to nobody and the answer to the official asked', () => {
    expect(
      speakers(
        'date 2017-07-08 Briefing\n\nSecretary of State Rex Tillerson spoke to reporters after the meeting.\n\n' +
          'Q: "Did the two leaders agree on Syria?"\n\nTILLERSON: "They agreed on a ceasefire," he said.',
      ).slice(0, 1),
    ).toEqual([['Did the two leaders agree on Syria?', null, 'none']]);
  });

  it('keeps words quoted inside a question as their speaker’s', () => {
    expect(
      speakers('date 2025-08-20 Phỏng vấn\n\nHỏi: Ông Ushakov gọi cuộc gặp là "rất có ích". Ông có đồng ý không?').map((q) => q[0]),
    ).toEqual(['rất có ích']);
  });
});

const dated = (text: string) => index(text).quotes.map((q) => [q.text, q.date, q.dateBasis]);

describe('a day dates only the words its own clause gives', () => {
  it('does not date words a later clause gives to someone else (en)', () => {
    expect(
      dated(
        'date 2025-08-13 Preview\n\nPresident Donald Trump meets Vladimir Putin on Friday in Anchorage. On Monday Trump said the talks would be "a feeling-out meeting," and the White House has called them "a first look."',
      ),
    ).toEqual([
      ['a feeling-out meeting,', '2025-08-11', 'relative'],
      ['a first look.', null, 'unknown'],
    ]);
  });

  it('does not date words a later clause gives to someone else (ru)', () => {
    expect(
      dated('date 2025-08-20 Итоги\n\nВчера Дмитрий Песков заявил, что работа «продолжается», а в МИД назвали встречу «полезной».'),
    ).toEqual([
      ['продолжается', '2025-08-19', 'relative'],
      ['полезной', null, 'unknown'],
    ]);
  });

  it('does not date words a later clause gives to someone else (vi)', () => {
    expect(
      dated('date 2025-08-20 Điểm tin\n\nHôm qua, ông Dmitry Peskov cho biết đối thoại "vẫn tiếp tục", còn một quan chức châu Âu gọi đó là "tín hiệu mơ hồ".'),
    ).toEqual([
      ['vẫn tiếp tục', '2025-08-19', 'relative'],
      ['tín hiệu mơ hồ', null, 'unknown'],
    ]);
  });

  it('still dates a participial opener’s sentence by its day (vi)', () => {
    expect(
      dated('date 2017-07-08 Bản tin\n\nSáng nay, trả lời hãng thông tấn TASS, người phát ngôn Điện Kremlin cho biết hai bên "chưa bàn lịch cụ thể".'),
    ).toEqual([['chưa bàn lịch cụ thể', '2017-07-08', 'publication']]);
  });

  it('gives the speakers of one news conference its day', () => {
    expect(
      dated(
        'date 2025-08-17 Anchorage\n\nAt the news conference in Anchorage on Friday, Putin said the talks were "useful," while Trump called them "very good."',
      ),
    ).toEqual([
      ['useful,', '2025-08-15', 'relative'],
      ['very good.', '2025-08-15', 'relative'],
    ]);
  });

  it('lets no day of an interviewer’s question date the answer', () => {
    expect(
      dated(
        'date 2025-08-20 Интервью\n\n— Во вторник Владимир Зеленский был в Вашингтоне. Что это меняет?\n\n' +
          '— Зеленский после встречи сказал, что разговор был «честным». Посмотрим.\n\n— А Москва?\n\n— Там ждут.',
      ),
    ).toEqual([['честным', null, 'unknown']]);
  });
});

describe('words are said by the time they are printed', () => {
  it('gives no summit day to a briefing held before the summit', () => {
    expect(
      dated(
        'date 2021-06-10 Брифинг\n\nВстреча Владимира Путина и Джо Байдена пройдёт 16 июня в Женеве. Журналист спросил, будет ли у лидеров совместная пресс-конференция. «Каждая сторона проведёт свою», — ответила официальный представитель МИД РФ Мария Захарова.',
      ),
    ).toEqual([['Каждая сторона проведёт свою', null, 'unknown']]);
  });
});

describe('the clock never dates words after the page', () => {
  it('puts no words of a page printed before the summit at its news conference', () => {
    const geneva = realGazetteer().summits.find((x) => x.id === 'geneva-2021')!;
    const clock = new QuoteClock('2021-06-10', geneva);
    clock.section(false);
    clock.paragraph('At the news conference, Zakharova said "…"');
    clock.sentence('At the news conference, Zakharova said "…"', 0, [], ['zakharova'], ['zakharova']);
    expect(clock.dateOf('zakharova', geneva)).toEqual({ date: null, dateBasis: 'unknown' });
  });

  it('still dates them there on a page printed after it', () => {
    const geneva = realGazetteer().summits.find((x) => x.id === 'geneva-2021')!;
    const clock = new QuoteClock('2021-06-17', geneva);
    clock.section(false);
    clock.paragraph('At the news conference, Zakharova said "…"');
    clock.sentence('At the news conference, Zakharova said "…"', 0, [], ['zakharova'], ['zakharova']);
    expect(clock.dateOf('zakharova', geneva)).toEqual({ date: '2021-06-16', dateBasis: 'summit' });
  });
});
