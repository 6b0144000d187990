import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/corpus/pipeline';
import { QuoteClock } from '../../../src/corpus/quote-dates';
import { bytes, realGazetteer } from './corpus-fixture';

/** Texts of our own for the rules session 20 wrote after the fourth held-out part joined dev: no wrong person, no wrong date. */
const index = (text: string) => buildIndex([{ file: 't.txt', bytes: bytes(text) }], realGazetteer());
const quotes = (text: string) => index(text).quotes.map((q) => [q.text, q.speaker ?? q.speakerName, q.date, q.summit]);

describe('a day belongs to the statement that gives it', () => {
  it('does not carry a hearing day to a speaker named again two paragraphs on, nor to the pronouns after that', () => {
    const helsinki = realGazetteer().summits.find((s) => s.id === 'helsinki-2018')!;
    const clock = new QuoteClock('2018-07-25', helsinki);
    clock.section(false);
    const lead = 'Pompeo spent three hours before the committee on Wednesday.';
    clock.paragraph(lead);
    clock.sentence(lead, 0, [{ start: 50, end: 59, precision: 'day', year: 2018, month: 7, day: 25, yearInferred: true, iso: '2018-07-25', basis: 'relative' }], ['pompeo'], ['pompeo']);
    clock.paragraph('The chairman opened the session.');
    clock.sentence('The chairman opened the session.', 100, [], [], []);
    clock.paragraph('Pompeo pushed back. "…," he told the panel.');
    clock.sentence('Pompeo pushed back.', 200, [], ['pompeo'], ['pompeo']);
    clock.sentence('"…," he told the panel.', 220, [], ['pompeo'], ['pompeo']);
    expect(clock.dateOf('pompeo', helsinki, { byName: true })).toEqual({ date: null, dateBasis: 'unknown' });
    clock.paragraph('"…," the secretary replied.');
    clock.sentence('"…," the secretary replied.', 300, [], ['pompeo'], ['pompeo']);
    expect(clock.dateOf('pompeo', helsinki)).toEqual({ date: null, dateBasis: 'unknown' });
  });

  it('never dates words that count from a summit at that summit', () => {
    expect(
      quotes('date 2025-08-18 Trump on Alaska\n\nTrump met Putin in Anchorage for the Alaska summit.\n\nAt a news conference, asked about the 2018 summit in Finland, Trump said: "A lot has changed since Helsinki."\n'),
    ).toEqual([['A lot has changed since Helsinki.', 'trump', null, 'helsinki-2018']]);
    expect(
      quotes(
        'date 2025-08-18 Ông Trump nói về Alaska\n\nÔng Trump gặp ông Putin ở Anchorage trong thượng đỉnh Alaska.\n\nTại họp báo ở Nhà Trắng, khi được hỏi về thượng đỉnh năm 2018 ở Phần Lan, ông Trump nói: "Nhiều thứ đã thay đổi kể từ Helsinki".\n',
      ),
    ).toEqual([['Nhiều thứ đã thay đổi kể từ Helsinki', 'trump', null, 'helsinki-2018']]);
    expect(
      quotes(
        'date 2025-08-18 Трамп об Аляске\n\nТрамп встретился с Путиным в Анкоридже в пятницу на саммите на Аляске.\n\nОтвечая на вопрос, доверяет ли он Путину больше, чем на саммите 2018 года в Финляндии, Трамп сказал: «После Хельсинки многое изменилось».\n',
      ),
    ).toEqual([['После Хельсинки многое изменилось', 'trump', null, 'helsinki-2018']]);
  });

  it('gives no summit day to what was said in the days after it', () => {
    expect(
      quotes(
        'date 2026-08-15 Một năm sau Alaska\n\nNgày 15/8/2025, ông Trump đón ông Putin ở Anchorage.\n\nTrong cuộc họp báo chung, ông Putin nhắc rằng hai nước "chỉ cách nhau một eo biển", còn ông Trump tuyên bố cuộc gặp "rất tốt".\n\nNhững ngày sau đó, ông chủ Nhà Trắng nói mình "thất vọng" với chiến sự.\n',
      ),
    ).toEqual([
      ['chỉ cách nhau một eo biển', 'putin', '2025-08-15', 'alaska-2025'],
      ['rất tốt', 'trump', '2025-08-15', 'alaska-2025'],
      ['thất vọng', 'trump', null, 'alaska-2025'],
    ]);
    expect(
      quotes(
        'date 2026-08-15 A year after Alaska\n\nOn Aug. 15, 2025, Trump welcomed Putin in Anchorage. At the joint news conference, Putin said the talks were "useful."\n\nIn the days that followed, Trump said he was "not happy" with the fighting.\n',
      ),
    ).toEqual([
      ['useful.', 'putin', '2025-08-15', 'alaska-2025'],
      ['not happy', 'trump', null, 'alaska-2025'],
    ]);
    expect(
      quotes(
        'date 2026-08-15 Год после Аляски\n\n15 августа 2025 года Трамп встретил Путина в Анкоридже. На пресс-конференции Путин назвал переговоры «полезными».\n\nВ последующие дни Трамп говорил, что «недоволен» ходом боёв.\n',
      ),
    ).toEqual([
      ['полезными', 'putin', '2025-08-15', 'alaska-2025'],
      ['недоволен', 'trump', null, 'alaska-2025'],
    ]);
  });

  it('does not carry a briefing day to the answer to a question asked in a later paragraph', () => {
    expect(
      quotes(
        'date 2025-08-21 Брифинг\n\nМОСКВА, 21 авг — РИА Новости. Официальный представитель МИД России Мария Захарова на брифинге в четверг заявила, что Москва рассчитывает на диалог «без посредников». Любые договорённости, добавила она, «должны учитывать реальность».\n\nОтвечая на вопрос корреспондента о санкциях, дипломат была осторожна. «Мы это уже слышали. Давайте посмотрим на дела», — сказала она.\n',
      ),
    ).toEqual([
      ['без посредников', 'zakharova', '2025-08-21', null],
      ['должны учитывать реальность', 'zakharova', '2025-08-21', null],
      ['Мы это уже слышали. Давайте посмотрим на дела', 'zakharova', null, null],
    ]);
  });
});

describe('the words of a summit recalled stay with it', () => {
  it('keeps a "now" joining two quotations of one recalled sentence at the recalled summit', () => {
    const summits = (text: string) => index(text).quotes.map((q) => [q.text, q.summit]);
    expect(
      summits(
        'date 2025-08-17 «Итоги недели»: что произошло в Анкоридже\n\nВЕДУЩИЙ: Главная тема недели — встреча Владимира Путина и Дональда Трампа на Аляске. Путин на пресс-конференции в Анкоридже назвал разговор «полезным».\n\nВЕДУЩИЙ: Давайте вспомним Хельсинки. В 2018 году Трамп стоял рядом с Путиным на пресс-конференции и говорил, что отношения были «хуже некуда», но теперь «всё может измениться».\n',
      ).slice(-2),
    ).toEqual([
      ['хуже некуда', 'helsinki-2018'],
      ['всё может измениться', 'helsinki-2018'],
    ]);
  });
});

describe('no words in a wrong known mouth', () => {
  it('takes the person a Russian naming verb labels for its object, not the speaker', () => {
    expect(
      quotes(
        'date 2025-08-21 Брифинг\n\nМОСКВА, 21 авг. Официальный представитель МИД России Мария Захарова на брифинге в четверг заявила, что Москва «ждёт ответа».\n\nНапомнив о Хельсинки, дипломат сказала, что после встречи 2018 года газеты называли Трампа «пешкой Кремля», а «потом удивлялись, почему ничего не изменилось».\n',
      ).map((q) => q[1]),
    ).toEqual(['zakharova', null, null]);
  });

  it('finds the subject before a participial phrase, and names nobody when the gazetteer does not know it', () => {
    expect(
      quotes(
        'date 2025-08-20 Sanctions bill\n\nKeith Kellogg, the envoy for Ukraine, has said the bill gives negotiators "a lever," and the vice president, asked about it on a podcast, said the White House would "look at everything."\n',
      ).map((q) => q[1]),
    ).toEqual(['kellogg', null]);
    expect(
      quotes(
        'date 2025-08-20 Закон о санкциях\n\nСпецпосланник Кит Келлог говорил, что закон даёт переговорщикам «рычаг», а вице-президент, отвечая на вопрос в подкасте, сказал, что Белый дом «рассмотрит всё».\n',
      ).map((q) => q[1]),
    ).toEqual(['kellogg', null]);
    expect(
      quotes(
        'date 2025-08-20 Sanctions bill\n\nKeith Kellogg has called the bill "a lever." Vladimir Putin, asked about it in Beijing, said sanctions would "change nothing."\n',
      ).map((q) => q[1]),
    ).toEqual(['kellogg', 'putin']);
  });

  it('gives the words of a joint statement to no single leader', () => {
    expect(
      quotes(
        'date 2021-06-17 Thượng đỉnh Geneva\n\nThượng đỉnh gần nhất diễn ra ở đâu?\n\nTại Geneva ngày 16/6/2021, giữa ông Putin và ông Biden. Hai bên ra "Tuyên bố chung về ổn định chiến lược", trong đó khẳng định chiến tranh hạt nhân "không thể thắng".\n',
      ).map((q) => q[1]),
    ).toEqual([null, null]);
    expect(
      quotes(
        'date 2021-06-17 Geneva\n\nIn Geneva on June 16, Putin met Biden. Both leaders issued a joint statement, in which they said nuclear war "cannot be won and must never be fought."\n',
      ).map((q) => q[1]),
    ).toEqual([null]);
    expect(
      quotes(
        'date 2021-06-17 Женева\n\nВ Женеве 16 июня встретились Путин и Байден. Стороны приняли совместное заявление, в котором подтвердили, что в ядерной войне «не может быть победителей».\n',
      ).map((q) => q[1]),
    ).toEqual([null]);
  });
});

describe('the person behind a name, a show and a retelling', () => {
  it('knows Putin by his name and patronymic', () => {
    expect(
      quotes('date 2025-08-17 Итоги\n\nВЕДУЩИЙ: Владимир Владимирович на пресс-конференции в Анкоридже назвал разговор «полезным». Что это значит?\n').map((q) => q[1]),
    ).toEqual(['putin']);
  });

  it('gives the guest’s words after "he" to the guest, not to the show’s host', () => {
    expect(
      quotes(
        'date 2025-08-20 Fact check\n\nTrump’s own account came in an interview with Fox News host Sean Hannity, taped in Anchorage after the talks. There he called the meeting "a ten," adding: "Now it is up to Kyiv."\n',
      ).map((q) => q[1]),
    ).toEqual(['trump', 'trump']);
  });

  it('gives recalled words to the one who said them, not to the one who retells them', () => {
    const clinton = (text: string) => quotes(text).map((q) => q[1]);
    expect(
      clinton('date 2024-03-01 Некролог\n\nУмер переводчик Геннадий Воронин.\n\nВ Хельсинки он переводил беседу Бориса Ельцина и Билла Клинтона. Клинтон, как рассказывал Воронин, ответил: «Тогда договоримся».\n'),
    ).toEqual(['clinton']);
    expect(
      clinton('date 2024-03-01 Obituary\n\nThe interpreter Gennady Voronin has died.\n\nIn Helsinki he interpreted for Boris Yeltsin and Bill Clinton. Clinton, as Voronin recalled, replied: "Then let us agree on that."\n'),
    ).toEqual(['clinton']);
  });
});
