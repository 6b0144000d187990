import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/corpus/pipeline';
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
