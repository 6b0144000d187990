import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/corpus/pipeline';
import { bytes, realGazetteer } from './corpus-fixture';

/**
 * Texts of our own for the structural rules of session 21 (decision 0012's session-21 amendment): who a
 * quotation belongs to is read from the clause that reports it, never from the last person the text named.
 */
const index = (text: string) => buildIndex([{ file: 't.txt', bytes: bytes(text) }], realGazetteer());
const speakers = (text: string) => index(text).quotes.map((q) => [q.text, q.speaker ?? q.speakerName, q.speakerBasis, q.date]);

describe('whose account `according to` gives', () => {
  it('is nobody when the words after it name no one, not the person named in the sentence before', () => {
    expect(speakers('date 2025-08-16 Alaska\n\nPutin met Trump in Anchorage on Friday.\n\nAccording to a source close to Putin, the talks were "tough going."\n')).toEqual([
      ['tough going.', null, 'none', null],
    ]);
    expect(speakers('date 2025-08-16 Аляска\n\nПутин прилетел в Анкоридж в пятницу.\n\nПо словам источника, близкого к Кремлю, переговоры были «трудными».\n')).toEqual([
      ['трудными', null, 'none', null],
    ]);
    expect(speakers('date 2025-08-16 Аляска\n\nПутин прилетел в Анкоридж в пятницу.\n\nПо словам собеседника РБК в администрации, переговоры были «трудными».\n')).toEqual([
      ['трудными', null, 'none', null],
    ]);
  });

  it('is the titled person after it, the title being a few words of its own', () => {
    expect(speakers('date 2025-08-16 Alaska\n\nPutin met Trump in Anchorage on Friday.\n\nAccording to the analyst Olivia Brandt, the summit was "a start, no more."\n')).toEqual([
      ['a start, no more.', 'Olivia Brandt', 'named', null],
    ]);
    expect(speakers('date 2025-08-16 Alaska\n\nÔng Putin gặp ông Trump ở Anchorage.\n\nTheo nhà phân tích Nguyễn Văn Long, thượng đỉnh "mở ra một cánh cửa hẹp".\n')).toEqual([
      ['mở ra một cánh cửa hẹp', 'Nguyễn Văn Long', 'named', null],
    ]);
    expect(speakers('date 2025-08-16 Alaska\n\nÔng Putin gặp ông Trump ở Anchorage.\n\nTheo Thượng nghị sĩ Dân chủ Chris Murphy, cuộc gặp "là một màn trình diễn".\n')).toEqual([
      ['là một màn trình diễn', 'Chris Murphy', 'named', null],
    ]);
  });

  it('stays the speaker before when the words after it point back (`по словам министра`, `according to him`)', () => {
    expect(speakers('date 2025-08-16 Аляска\n\n«Мы довольны», — сказал Лавров в субботу. По словам министра, беседа длилась «почти три часа».\n').map((q) => q[1])).toEqual(['lavrov', 'lavrov']);
    expect(speakers('date 2025-08-16 Alaska\n\n"We are pleased," Lavrov said on Saturday. According to him, the talks ran "almost three hours."\n').map((q) => q[1])).toEqual(['lavrov', 'lavrov']);
  });
});

describe('two people joined as one subject', () => {
  it('leave a pronoun after them to neither', () => {
    expect(speakers('date 2025-08-16 Anchorage\n\nTrump and Putin shook hands on the tarmac. "It was a good day," he said.\n')).toEqual([['It was a good day,', null, 'none', null]]);
    expect(speakers('date 2025-08-16 Alaska\n\nÔng Trump và ông Putin bắt tay trên thảm đỏ. Ông nói: "Rất vui được gặp lại".\n')).toEqual([['Rất vui được gặp lại', null, 'none', null]]);
    expect(speakers('date 2025-08-16 Аляска\n\nТрамп и Путин пожали друг другу руки. «Рад встрече», — сказал он.\n')).toEqual([['Рад встрече', null, 'none', null]]);
  });

  it('give words they said together to neither', () => {
    expect(speakers('date 2025-08-16 Anchorage\n\nTrump and Putin both said the talks were "productive."\n').map((q) => q[1])).toEqual([null]);
    expect(speakers('date 2025-08-16 Alaska\n\nÔng Trump và ông Putin đều nói cuộc gặp "hiệu quả".\n').map((q) => q[1])).toEqual([null]);
    expect(speakers('date 2025-08-16 Аляска\n\nТрамп и Путин заявили, что переговоры были «продуктивными».\n').map((q) => q[1])).toEqual([null]);
  });

  it('still let each one speak where a verb of their own follows', () => {
    expect(speakers('date 2025-08-16 Anchorage\n\nTrump and Putin shook hands on the tarmac, and Putin said the flight had been "long but fine."\n').map((q) => q[1])).toEqual(['putin']);
  });
});

describe('a Russian name outside the gazetteer after words that govern the genitive', () => {
  it('keeps the speaker in the nominative, a man as a woman, with the surname alone later', () => {
    expect(
      speakers('date 2025-08-16 Аляска\n\nПо мнению политолога Игоря Дроздова, встреча «ничего не изменила». «Это пауза», — добавил Дроздов.\n').map((q) => q[1]),
    ).toEqual(['Игорь Дроздов', 'Игорь Дроздов']);
    expect(speakers('date 2025-08-16 Аляска\n\nПо словам депутата Госдумы Андрея Крылова, саммит «открыл окно».\n').map((q) => q[1])).toEqual(['Андрей Крылов']);
    expect(speakers('date 2025-08-16 Аляска\n\nПо оценке эксперта Павла Сергеевича Лунёва, итог «скромный».\n').map((q) => q[1])).toEqual(['Павел Сергеевич Лунёв']);
    expect(speakers('date 2025-08-16 Аляска\n\nПо словам политолога Марии Ивановой, итог «скромный».\n').map((q) => q[1])).toEqual(['Мария Иванова']);
    expect(speakers('date 2025-08-16 Аляска\n\n«Итог скромный», — считает политолог Мария Иванова.\n').map((q) => q[1])).toEqual(['Мария Иванова']);
  });
});

describe('the subject of a speech verb', () => {
  it('is never a possessor, whether or not the gazetteer knows what is possessed', () => {
    expect(speakers("date 2025-08-16 Alaska\n\nTrump's special envoy said on Saturday that the talks had been \"useful and calm.\"\n").map((q) => q[1])).toEqual([null]);
    expect(speakers("date 2025-08-16 Alaska\n\nTrump's envoy Steve Witkoff said the meeting was \"very good.\"\n").map((q) => q[1])).toEqual(['witkoff']);
    expect(speakers("date 2025-08-16 Alaska\n\nPutin's aide, Yuri Ushakov, said the talks were \"frank.\"\n").map((q) => q[1])).toEqual(['ushakov']);
  });

  it('after the verb is the name its title introduces, a body named in between', () => {
    expect(speakers('date 2025-08-16 Аляска\n\n«Это была разведка боем», — полагает эксперт Валдайского клуба Фёдор Лукьянов.\n').map((q) => q[1])).toEqual(['Фёдор Лукьянов']);
  });
});

describe('role phrasings of the news', () => {
  it('name the holder on the day', () => {
    expect(speakers('date 2025-08-17 Аляска\n\nПомощник президента по международным делам заявил в субботу, что беседа была «содержательной».\n').map((q) => [q[1], q[2]])).toEqual([['ushakov', 'role']]);
    expect(speakers('date 2025-08-17 Alaska\n\nNgười phát ngôn Nhà Trắng hôm 16/8 cho biết cuộc gặp "hữu ích và bình tĩnh".\n').map((q) => [q[1], q[2]])).toEqual([['leavitt', 'role']]);
    expect(speakers('date 2021-06-17 Geneva\n\nNgười phát ngôn Nhà Trắng hôm 16/6 cho biết cuộc gặp "hữu ích".\n').map((q) => [q[1], q[2]])).toEqual([['psaki', 'role']]);
    // Waltz left the post on 1 May 2025; the secretary of state held it in August.
    expect(speakers('date 2025-08-17 Аляска\n\nСоветник по нацбезопасности США заявил в субботу, что переговоры были «полезными».\n').map((q) => [q[1], q[2]])).toEqual([['rubio', 'role']]);
  });
});

describe('words relayed or asked', () => {
  it('are the one whose words `слова` names, not the one who relays them', () => {
    expect(speakers('date 2025-08-16 Аляска\n\nЛавров привел слова Трампа о том, что войну «нужно заканчивать».\n').map((q) => [q[1], q[2]])).toEqual([['trump', 'named']]);
  });

  it('are never the addressee of a question put before a colon', () => {
    expect(speakers('date 2025-08-16 Аляска\n\nПесков вышел к прессе.\n\nЖурналист спросил Пескова: «Будет ли новая встреча?» «Пока рано говорить», — ответил Песков.\n').map((q) => q[1])).toEqual([
      null,
      'peskov',
    ]);
    expect(speakers('date 2025-08-12 Washington\n\nAt the briefing, a reporter asked Leavitt: "Will the president meet Zelensky?" Leavitt replied: "That is his hope."\n').map((q) => q[1])).toEqual([
      null,
      'leavitt',
    ]);
  });
});

describe('a sentence ends after a one-letter word that is no initial', () => {
  it('so a pronoun after `on X.` points back to the one who posted', () => {
    expect(
      speakers('date 2025-08-16 Alaska\n\nÔng Trump phát biểu trước.\n\n"Chưa có gì được thỏa thuận", Thượng nghị sĩ Chris Murphy viết trên X. Ông nói thêm rằng đó là "màn trình diễn".\n').map((q) => q[1]),
    ).toEqual(['Chris Murphy', 'Chris Murphy']);
    expect(speakers('date 2025-08-16 Alaska\n\nPresident George W. Bush met Putin in 2001. "I looked the man in the eye," Bush said.\n').map((q) => q[1])).toEqual(['bush-gw']);
  });
});

describe('an interview introduced as a new one', () => {
  it('gets no day from an earlier paragraph, unless the sentence puts it at the summit', () => {
    expect(speakers('date 2025-08-20 Alaska\n\nTrump met Putin in Anchorage on Aug. 15.\n\nIn an interview with Fox News, Trump said the meeting was "a ten."\n')).toEqual([['a ten.', 'trump', 'named', null]]);
    expect(speakers('date 2025-08-20 Alaska\n\nÔng Trump gặp ông Putin ở Anchorage hôm 15/8.\n\nTrong một cuộc phỏng vấn với Fox News, ông Trump nói cuộc gặp "đạt điểm mười".\n').map((q) => q[3])).toEqual([null]);
    expect(
      speakers('date 2018-07-18 Helsinki\n\nTrump met Putin in Helsinki on July 16.\n\nTrump, in an interview with Fox News in Helsinki after the news conference, called the meeting "a strong start."\n').map((q) => q[3]),
    ).toEqual(['2018-07-16']);
  });
});

describe('a paragraph that names somebody nobody can name', () => {
  it('gives its words to nobody, a nationality before the noun included', () => {
    expect(
      speakers('date 2025-08-17 After Anchorage\n\n"We need a real peace," Zelensky wrote on Telegram.\n\nOne European diplomat, speaking on condition of anonymity, described the mood as "cautious relief."\n').map((q) => q[1]),
    ).toEqual(['zelensky', null]);
  });
});

describe('a day the sentence plans', () => {
  it('is not when the next words were said', () => {
    expect(
      speakers('date 2025-08-17 After Anchorage\n\nZelensky and his European allies were due in Washington on Monday. "We need a real peace, not a pause," the Ukrainian president wrote on Telegram.\n').map((q) => [q[1], q[3]]),
    ).toEqual([['zelensky', null]]);
  });
});

describe('a second predicate of the same subject', () => {
  it('shares the day the first one gives (`назвал …, но добавил`)', () => {
    expect(speakers('date 2025-08-20 Аляска\n\nДмитрий Песков во вторник назвал переговоры «полезными», но добавил, что говорить о новой встрече «преждевременно».\n').map((q) => q[3])).toEqual([
      '2025-08-19',
      '2025-08-19',
    ]);
    expect(speakers('date 2025-08-20 Alaska\n\nPeskov on Tuesday called the talks "useful," but added that it was "too early" to discuss a new meeting.\n').map((q) => q[3])).toEqual(['2025-08-19', '2025-08-19']);
  });

  it('but a clause with a subject of its own does not', () => {
    expect(speakers('date 2025-08-20 Alaska\n\nPeskov on Tuesday called the talks "useful," and the foreign ministry described them as "calm."\n').map((q) => [q[1], q[3]])).toEqual([
      ['peskov', '2025-08-19'],
      [null, null],
    ]);
  });
});

describe('a Russian subject nobody can name', () => {
  it('is neither a stranger made of its words nor the last person quoted', () => {
    expect(
      speakers('date 2025-08-14 Анкоридж\n\nБывший посол США в Москве Майкл Макфол назвал саммит «подарком Путину».\n\nПредставитель Белого дома, в свою очередь, заверил, что Вашингтон «ничего не отдаст без Украины».\n').map((q) => q[1]),
    ).toEqual(['Майкл Макфол', null]);
  });
});

describe('a counterpart', () => {
  it('is the other leader of the summit after a leader, and nobody after a minister', () => {
    const text = (first: string) => `date 2018-07-17 Helsinki\n\nÔng Trump gặp ông Putin tại Helsinki hôm 16/7. ${first} gọi cuộc gặp là "rất tốt". Trong khi đó, người đồng cấp Nga đánh giá cuộc hội đàm "thành công".\n`;
    expect(speakers(text('Ông Trump')).map((q) => q[1])).toEqual(['trump', 'putin']);
    expect(speakers(text('Ngoại trưởng Mỹ')).map((q) => q[1])).toEqual(['pompeo', null]);
  });
});

describe('a capitalised place or vehicle opening a sentence', () => {
  it('is no speaker a pronoun can point to', () => {
    expect(speakers('date 2021-06-17 Geneva\n\nPresident Biden left Geneva on Wednesday evening. Aboard Air Force One, he told reporters the summit had been "worth it."\n').map((q) => q[1])).toEqual(['biden']);
  });
});
