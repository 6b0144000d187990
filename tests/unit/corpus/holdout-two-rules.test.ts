import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/corpus/pipeline';
import { bytes, realGazetteer } from './corpus-fixture';

const index = (text: string) => buildIndex([{ file: 't.txt', bytes: bytes(text) }], realGazetteer());
const dated = (text: string) => index(text).quotes.map((q) => [q.text, q.summit, q.date, q.dateBasis]);

describe('publication dates from transcript headers and print editions', () => {
  it('a transcript stamp with the month in capitals is the publication day', () => {
    const idx = index(
      'Press Briefing by Press Secretary Karen Doyle\nMARCH 4, 2022 • PRESS BRIEFINGS\n\n' +
        'MS. DOYLE: Good afternoon. The President said today that the talks were "a first step."',
    );
    expect(idx.documents[0]!.published).toBe('2022-03-04');
    expect(idx.quotes.map((q) => [q.text, q.date, q.dateBasis])).toEqual([['a first step.', '2022-03-04', 'publication']]);
  });

  it('a print edition line with issue and page gives the day, and its date dates no quote of the headline', () => {
    const idx = index(
      '«Разговор только начинается»\nЭксперт Павел Грачёв о переговорах в Женеве\nГазета «Вечерний курьер» №58 от 03.03.2022, стр. 2\n\n' +
        'Павел Грачёв считает, что сторонам «рано подводить итоги».',
    );
    expect(idx.documents[0]!.published).toBe('2022-03-03');
    expect(idx.quotes.find((q) => q.text === 'Разговор только начинается')?.date).toBeNull();
  });

  it('mixed-case month words are no dates: "jUNE 4" is not read', () => {
    expect(index('date 2022-03-05 Notes\n\nThe band jUNE 4 played, and Anna Berg said it was "loud."').quotes[0]!.date).toBeNull();
  });
});

describe('right after the talks', () => {
  it('is the summit day in a report filed from the summit', () => {
    expect(
      dated(
        'date 2021-06-17 Geneva talks end\n\nPresident Joe Biden met President Vladimir Putin in Geneva for the first time.\n\n' +
          'Right after the talks, Biden told reporters the meeting had been "good, positive."',
      ),
    ).toEqual([['good, positive.', 'geneva-2021', '2021-06-16', 'summit']]);
  });

  it('gives no day in an article written a week later: hours after may be another day where the speaker is', () => {
    expect(
      dated(
        'date 2025-08-23 Một tuần sau Alaska\n\nTổng thống Donald Trump và Tổng thống Vladimir Putin gặp nhau tại Anchorage hôm 15/8.\n\n' +
          'Người phát ngôn Điện Kremlin nói ngay sau cuộc gặp rằng hai bên "đã hiểu nhau hơn".',
      ),
    ).toEqual([['đã hiểu nhau hơn', 'alaska-2025', null, 'unknown']]);
  });
});

describe('a past meeting placed elsewhere in one sentence', () => {
  it('is the summit held there by someone the sentence names, with its day', () => {
    expect(
      dated(
        'date 2021-06-16 Geneva trực tiếp\n\nTổng thống Joe Biden và Tổng thống Vladimir Putin hội đàm tại Geneva hôm nay.\n\n' +
          'Nhiều người nhắc lại cuộc gặp ở Helsinki ba năm trước, khi ông Putin nói tại cuộc họp báo rằng mọi thứ "đã tốt hơn".',
      ),
    ).toEqual([['đã tốt hơn', 'helsinki-2018', '2018-07-16', 'summit']]);
  });

  it('talk of a meeting still to come recalls nothing', () => {
    expect(
      dated(
        'date 2021-06-16 Geneva live\n\nPresident Joe Biden and President Vladimir Putin met in Geneva today.\n\n' +
          'Putin said at the news conference he would welcome a next meeting in Moscow, calling the talks "constructive."',
      ),
    ).toEqual([['constructive.', 'geneva-2021', '2021-06-16', 'summit']]);
  });
});

describe('no words in a wrong known mouth', () => {
  const speakers = (text: string) => index(text).quotes.map((q) => [q.text, q.speaker, q.speakerBasis]);

  it('"Американский лидер" is the US president of the day, not the Russian leader quoted just before', () => {
    expect(
      speakers(
        'date 2021-06-18 После Женевы\n\nВ среду в Женеве прошла встреча Владимира Путина и Джо Байдена.\n\n' +
          'Путин назвал переговоры «откровенными». Американский лидер охарактеризовал их как «спокойные и рабочие».',
      ),
    ).toEqual([
      ['откровенными', 'putin', 'named'],
      ['спокойные и рабочие', 'biden', 'back-reference'],
    ]);
  });

  it('a name after a preposition is an object, not the subject: the role before it speaks, or nobody', () => {
    expect(speakers('date 2021-06-18 После Женевы\n\nВ среду в Женеве прошла встреча Владимира Путина и Джо Байдена.\n\nПосле разговора с Лавровым говорил госсекретарь США, что визит «был полезным».')).toEqual([
      ['был полезным', 'blinken', 'role'],
    ]);
    expect(speakers('date 2021-06-18 After Geneva\n\nPresident Joe Biden met President Vladimir Putin in Geneva on Wednesday.\n\nThe spokesman for Putin said the talks were "candid."')).toEqual([
      ['candid.', null, 'none'],
    ]);
  });
});

describe('an article about no summit', () => {
  const wire =
    'MOSCOW, Oct 21 (Reuters) - The Kremlin said on Tuesday that no date had been set for a meeting between President Vladimir Putin and U.S. President Donald Trump in Budapest.\n\n' +
    '"We need time," Kremlin spokesman Dmitry Peskov told reporters. He said Moscow kept to "the spirit of Anchorage" and that the leaders would not meet "for a photo."';

  it('is not placed at a summit by a place in quoted words; that place still gives the dateline its year', () => {
    const idx = index(wire);
    expect(idx.documents[0]!.summit).toBeNull();
    expect(idx.documents[0]!.published).toBe('2025-10-21');
  });

  it('gives a summit only to the words that name it, up to a new reported clause', () => {
    expect(index(wire).quotes.map((q) => [q.text, q.summit])).toEqual([
      ['We need time,', null],
      ['the spirit of Anchorage', 'alaska-2025'],
      ['for a photo.', null],
    ]);
  });

  it('a travel story quoting a summit town, about none of its people, has no summit anywhere', () => {
    expect(index('date 2025-09-02 Mùa cá hồi ở Alaska\n\nDu khách Mai Lan nói Anchorage "đẹp hơn mọi tấm ảnh".').quotes.map((q) => q.summit)).toEqual([null]);
  });
});

describe('names outside the gazetteer', () => {
  it('a question word opening a dash question is no given name: the headline quote is the guest’s', () => {
    const idx = index(
      '«Переговоры — это проверка намерений»\nПолитолог Ирина Белова о встрече в Женеве\n\n' +
        'Ирина Белова рассказала, чего ждать от встречи.\n\n— Чем Женева будет отличаться от прошлых встреч?\n\n— Это будет долгий разговор.\n\n— Что дальше?\n\n— Посмотрим.',
    );
    expect(idx.quotes.map((q) => [q.text, q.speakerName])).toEqual([['Переговоры — это проверка намерений', 'Ирина Белова']]);
  });
});
