import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/corpus/pipeline';
import { bytes, realGazetteer } from './corpus-fixture';

/** Speaker, speakerName, speakerBasis and speakerRole of every quote of one article, in order. */
function speakers(text: string): [string | null, string | null, string, string | null][] {
  return buildIndex([{ file: 't.txt', bytes: bytes(text) }], realGazetteer()).quotes.map((q) => [q.speaker, q.speakerName, q.speakerBasis, q.speakerRole]);
}

describe('roles through time', () => {
  it('a Vietnamese office names its holder on the date of the text', () => {
    expect(speakers('date 2025-08-20 Tin thế giới\n\nNgoại trưởng Mỹ cho biết “các cuộc đàm phán vẫn tiếp tục”.')).toEqual([['rubio', null, 'role', 'Ngoại trưởng Mỹ']]);
    expect(speakers('date 2021-06-20 Tin thế giới\n\nNgoại trưởng Mỹ cho biết “các cuộc đàm phán vẫn tiếp tục”.')).toEqual([['blinken', null, 'role', 'Ngoại trưởng Mỹ']]);
  });

  it('a stated day beats the page date', () => {
    const text = 'date 2025-08-20 Nhìn lại\n\nHôm 16/7/2018, Ngoại trưởng Mỹ nói với báo giới rằng “cuộc gặp đã diễn ra tốt đẹp”.';
    expect(speakers(text)).toEqual([['pompeo', null, 'role', 'Ngoại trưởng Mỹ']]);
  });

  it('ông chủ Nhà Trắng is Biden in 2021 and Trump in 2025', () => {
    expect(speakers('date 2021-06-17 Tin\n\n“Chúng tôi đã nói rõ lập trường”, ông chủ Nhà Trắng nói.')[0]![0]).toBe('biden');
    expect(speakers('date 2025-08-17 Tin\n\n“Chúng tôi đã nói rõ lập trường”, ông chủ Nhà Trắng nói.')[0]![0]).toBe('trump');
  });

  it('English and Russian role phrases', () => {
    expect(speakers('date 2025-08-20 World\n\n"We will keep talking," the US secretary of state said.')).toEqual([['rubio', null, 'role', 'US secretary of state']]);
    expect(speakers('date 2025-08-20 Мир\n\n«Мы продолжим работу», — заявил пресс-секретарь Кремля.')).toEqual([['peskov', null, 'role', 'пресс-секретарь Кремля']]);
  });

  it('a role word after the holder has been named points back to them', () => {
    const text = 'date 2025-08-20 Tin\n\nÔng Marco Rubio đến Anchorage hôm 15/8. Ngoại trưởng Mỹ nói “chúng tôi đã sẵn sàng”.';
    expect(speakers(text)).toEqual([['rubio', null, 'back-reference', null]]);
  });

  it('a counterpart is the summit participant from that country, never an office holder', () => {
    const text = 'Tổng thống Joe Biden gặp Tổng thống Vladimir Putin tại Geneva hôm 16/6/2021.\n\nNgười đồng cấp Nga nói “cuộc gặp mang tính xây dựng”.';
    expect(speakers(text)).toEqual([['putin', null, 'back-reference', null]]);
    expect(speakers('Mr. Trump met Putin at the summit in Alaska on Aug. 15, 2025.\n\n"It was useful," his Russian counterpart said.')[0]![0]).toBe('putin');
  });

  it('a shared office names nobody unless the text named one of its holders', () => {
    expect(speakers('date 2025-08-20 Tin\n\nTrợ lý Điện Kremlin cho biết “lịch chưa được chốt”.')).toEqual([[null, null, 'none', null]]);
  });
});

describe('people outside the gazetteer', () => {
  it('keep their name as written, in all three languages, never a known person nearby', () => {
    expect(speakers('Thượng nghị sĩ Lindsey Graham nói ông Trump đã làm “một việc đúng đắn”.')).toEqual([[null, 'Lindsey Graham', 'named', null]]);
    expect(speakers('Chuyên gia Nguyễn Văn Hùng nhận định: “Ông Putin được lợi nhiều hơn”.')).toEqual([[null, 'Nguyễn Văn Hùng', 'named', null]]);
    expect(speakers('Sen. Chris Murphy said Putin got "exactly what he came for."')).toEqual([[null, 'Chris Murphy', 'named', null]]);
    expect(speakers('Политолог Андрей Сухоруков считает, что «Путин получил то, что хотел».')).toEqual([[null, 'Андрей Сухоруков', 'named', null]]);
  });

  it('are found by surname afterwards, and by the end of a Vietnamese full name', () => {
    const text = 'Giảng viên Lê Thị Thu Hà theo dõi cuộc gặp. “Đây là tín hiệu tốt”, bà Hà nói. Thu Hà cho rằng “còn nhiều việc phải làm”.';
    expect(speakers(text)).toEqual([
      [null, 'Lê Thị Thu Hà', 'named', null],
      [null, 'Lê Thị Thu Hà', 'named', null],
    ]);
  });

  it('a Russian surname in another case is the same person', () => {
    const text = 'Политолог Андрей Сухоруков остался скептиком.\n\nПо словам Сухорукова, «никакого прорыва не случилось».';
    expect(speakers(text)).toEqual([[null, 'Андрей Сухоруков', 'named', null]]);
  });

  it('a name after an institution is the person, not the institution', () => {
    expect(speakers('Депутат Госдумы Игорь Мальцев заявил: «Нужны документы».')).toEqual([[null, 'Игорь Мальцев', 'named', null]]);
  });
});

describe('back-references', () => {
  it('ông, vị ngoại trưởng and nhà ngoại giao này point to the person named before', () => {
    const text = 'Ông Lavrov trả lời phỏng vấn truyền hình. “Chúng tôi không vội”, ông nói. Vị ngoại trưởng nhấn mạnh: “Mọi thứ đã rõ”.';
    expect(speakers(text)).toEqual([
      ['lavrov', null, 'back-reference', null],
      ['lavrov', null, 'back-reference', null],
    ]);
  });

  it('he and он after a name in an earlier sentence', () => {
    expect(speakers('Lavrov spoke to Russian television. "We are in no hurry," he said.')).toEqual([['lavrov', null, 'back-reference', null]]);
    expect(speakers('Лавров выступил на телевидении. «Мы не торопимся», — сказал он.')).toEqual([['lavrov', null, 'back-reference', null]]);
  });

  it('a pronoun of one gender never points back to a person of the other', () => {
    expect(speakers('Ông Sergei Lavrov rời Moskva. “Chúng tôi chờ xem”, bà nói.')).toEqual([[null, null, 'none', null]]);
    expect(speakers('Bà Maria Zakharova viết trên Telegram. “Chúng tôi chờ xem”, bà nói.')).toEqual([['zakharova', null, 'back-reference', null]]);
    expect(speakers('Песков ответил на вопросы. «Посмотрим», — сказала она.')).toEqual([[null, null, 'none', null]]);
    expect(speakers('Karoline Leavitt took questions. "We will see," he said.')).toEqual([[null, null, 'none', null]]);
  });

  it('a common-noun subject the gazetteer cannot name is nobody, not the last person named', () => {
    expect(speakers('Peskov spoke on Saturday. The ministry spokeswoman, in a long post, wrote that critics were "wrong again."')).toEqual([[null, null, 'none', null]]);
  });

  it('first-person words in an interview answer are the guest’s; elsewhere nobody’s', () => {
    const vi = 'Chuyên gia Lê Minh Khoa: Cần thời gian\n\nNhân dịp này, TS Lê Minh Khoa trả lời phỏng vấn.\n\nPV: Ông nghĩ gì?\n\nTS Lê Minh Khoa: Tôi thận trọng. Tôi vẫn nói: "Hòa bình cần thời gian".\n\nPV: Còn ông Putin?\n\nTS Lê Minh Khoa: Ông Putin nói "chưa vội".';
    expect(speakers(vi)).toEqual([
      [null, 'Lê Minh Khoa', 'named', null],
      ['putin', null, 'named', null],
    ]);
    const ru = 'Интервью\n\nНа вопросы ответил политолог Олег Веретенников.\n\nВопрос: Что дальше?\n\nОтвет: Пауза. Я бы сказал так: «Рано радоваться».\n\nВопрос: А Кремль?\n\nОтвет: Песков сказал, что «работа идет».';
    expect(speakers(ru)).toEqual([
      [null, 'Олег Веретенников', 'back-reference', null],
      ['peskov', null, 'named', null],
    ]);
    expect(speakers('Ông Putin rời Anchorage. Như tôi đã nói: "Đó là một cuộc gặp ngắn".')).toEqual([[null, null, 'none', null]]);
  });

  it('по мнению and слова name the speaker after them; a Russian woman’s name is kept in the nominative', () => {
    expect(speakers('По мнению политолога Алины Сорокиной, Москва «не будет спешить».')).toEqual([[null, 'Алина Сорокина', 'named', null]]);
    expect(speakers('Журналист напомнил слова Трампа о том, что сделки «нет, пока ее нет».')).toEqual([['trump', null, 'named', null]]);
    expect(speakers('Мы поговорили с экспертом Вероникой Ланской. «Пауза неизбежна», — сказала она.')).toEqual([[null, 'Вероника Ланская', 'back-reference', null]]);
  });

  it('a name set off by commas before the verb is its subject, also after "rằng"', () => {
    expect(speakers('Ông Sergei Lavrov nhớ lại rằng người đồng cấp Mỹ khi đó, ông Mike Pompeo, đã gọi cuộc gặp là “cần thiết”.')).toEqual([['pompeo', null, 'named', null]]);
  });

  it('a statement read by a spokesperson: "trong đó nêu rõ" is the reader’s', () => {
    expect(speakers('Người phát ngôn Maria Zakharova đọc tuyên bố của Bộ, trong đó nêu rõ Moskva “đánh giá tích cực” kết quả.')).toEqual([['zakharova', null, 'named', null]]);
  });

  it('a pronoun after a role-only introduction keeps the role basis', () => {
    const text = 'date 2025-08-20 Tin\n\nNgoại trưởng Mỹ trả lời đài CBS. “Chưa có thỏa thuận nào”, ông nói.';
    expect(speakers(text)).toEqual([['rubio', null, 'role', 'Ngoại trưởng Mỹ']]);
  });

  it('a pronoun after an unnamed speaker does not reach further back', () => {
    const text = 'Ông Putin rời Anchorage. Một quan chức giấu tên cho biết “chuyến đi rất ngắn”. “Không có gì bất ngờ”, ông nói thêm.';
    expect(speakers(text)).toEqual([
      [null, null, 'none', null],
      [null, null, 'none', null],
    ]);
  });

  it('does not cross live-blog entries', () => {
    const stamped = 'date 2025-08-15 TRỰC TIẾP: Alaska\n\n21:05 Ông Trump xuống máy bay.\n\n20:40 “Chúng tôi đã sẵn sàng”, ông nói.';
    expect(speakers(stamped)).toEqual([[null, null, 'none', null]]);
    const separated = 'Live: Alaska\n\n---\n4:02 p.m.\nMr. Trump landed.\n\n---\n3:15 p.m.\n"We are ready," he said.';
    expect(speakers(separated)).toEqual([[null, null, 'none', null]]);
  });

  it('a pronoun in the sentence that opens with a name refers to that name', () => {
    expect(speakers('Väisänen laughed at the word "understandings." "It means nothing," she said.')[1]).toEqual([null, null, 'none', null]);
    expect(speakers('Hanna Väisänen laughed at the word "deal." "It means nothing," she said.')[1]).toEqual([null, 'Hanna Väisänen', 'back-reference', null]);
  });
});

describe('English and Russian attribution forms', () => {
  it('the speaker after the verb', () => {
    expect(speakers('"The talks were useful," said Lavrov.')).toEqual([['lavrov', null, 'named', null]]);
    expect(speakers('"The talks were useful," Lavrov said.')).toEqual([['lavrov', null, 'named', null]]);
    expect(speakers('According to Lavrov, the talks were "useful and calm."')).toEqual([['lavrov', null, 'named', null]]);
    expect(speakers('«Переговоры были полезными», — заявил Путин.')).toEqual([['putin', null, 'named', null]]);
    expect(speakers('По словам Лаврова, переговоры были «полезными».')).toEqual([['lavrov', null, 'named', null]]);
    expect(speakers('Как заявил накануне Песков, Кремль не ставит «завышенных задач».')).toEqual([['peskov', null, 'named', null]]);
  });

  it('a Russian clause after a participle takes the sentence subject; an impersonal plural names nobody', () => {
    expect(speakers('date 2025-08-15 Мир\n\nГоссекретарь США, прилетевший вместе с президентом, в интервью заметил: «Мы готовы».')).toEqual([['rubio', null, 'role', 'Госсекретарь США']]);
    expect(speakers('Путин прилетел в Анкоридж. Как сообщили в Кремле, переговоры будут «долгими».')).toEqual([[null, null, 'none', null]]);
  });

  it('said she hoped is not an inverted subject', () => {
    expect(speakers('Senator Lisa Murkowski, the Alaska Republican, said she hoped for peace "with Ukraine at the table."')).toEqual([[null, 'Lisa Murkowski', 'named', null]]);
  });

  it('a possessor is not the subject', () => {
    expect(speakers("Putin's foreign policy aide, Yuri Ushakov, said the talks would be \"long and detailed.\"")[0]![0]).toBe('ushakov');
  });
});

describe('recalled words', () => {
  it('the words are the recalled speaker’s: X kể rằng Y đã gọi đó là “…”', () => {
    expect(speakers('Ông Putin kể rằng ông Biden đã gọi cuộc gặp là “một khởi đầu tốt”.')).toEqual([['biden', null, 'named', null]]);
  });

  it('an unknown subject after "that" is never the outer speaker', () => {
    expect(speakers('John Bolton said in an interview that the team had described the meeting as "the best two hours of the trip."')[0]![0]).toBeNull();
  });
});

describe('words that are not speech', () => {
  const kinds = (text: string) => buildIndex([{ file: 't.txt', bytes: bytes(text) }], realGazetteer()).quotes.map((q) => [q.text, q.kind, q.speaker]);

  it('words cited as words, even beside a speech verb', () => {
    expect(kinds('Ông Trump nói lẽ ra ông phải nói "không" thay vì "có".')).toEqual([
      ['không', 'scare', null],
      ['có', 'scare', null],
    ]);
    expect(kinds('Tillerson said Trump never used a word like "accepted" in the meeting.')).toEqual([['accepted', 'scare', null]]);
    expect(kinds('Члены альянса обсудили так называемую «стену дронов», заявил Рютте.')).toEqual([['стену дронов', 'scare', null]]);
  });

  it('nicknames and names of programmes, media and places', () => {
    expect(kinds('Лимузин президента, который журналисты называют «Зверем», прибыл в Анкоридж.')).toEqual([['Зверем', 'scare', null]]);
    expect(kinds('Ông Witkoff trả lời chương trình “Hannity” rằng Nga đã nhượng bộ.')).toEqual([['Hannity', 'title', null]]);
    expect(kinds('«Это важно», — сказал Песков "Интерфаксу".')).toEqual([
      ['Это важно', 'speech', 'peskov'],
      ['Интерфаксу', 'title', null],
    ]);
  });

  it('a headline that is a quotation followed by whom it is from', () => {
    expect(kinds('«Переговоры были разведкой»\nЭксперт Марина Волкова — о том, что дал саммит\n\nМы поговорили с экспертом.')[0]).toEqual(['Переговоры были разведкой', 'speech', null]);
    expect(speakers('«Переговоры были разведкой»\nЭксперт Марина Волкова — о том, что дал саммит\n\nМы поговорили с экспертом.')[0]).toEqual([null, 'Марина Волкова', 'named', null]);
  });

  it('a headline naming its speaker before a colon', () => {
    expect(kinds('Đặc phái viên Witkoff: Nga chấp nhận "bảo đảm an ninh mạnh mẽ" cho Ukraine\n\nÔng Witkoff trả lời phỏng vấn hôm 17/8.')[0]).toEqual(['bảo đảm an ninh mạnh mẽ', 'speech', 'witkoff']);
  });
});

describe('sentences around quotations', () => {
  it('a full stop before a closing mark ends the sentence, so a pronoun after it takes the next subject', () => {
    const text = 'Putin told the room the sides would not "derail." Mr. Trump was more guarded. "I have calls to make," he said.';
    expect(speakers(text)).toEqual([
      ['putin', null, 'named', null],
      ['trump', null, 'back-reference', null],
    ]);
  });
});

describe('briefings, statements and titles before a name', () => {
  it('a title between an inverted verb and a name outside the gazetteer: said Sen. X, never the last person named', () => {
    const text = 'date 2018-07-17 Hill\n\nLawmakers reacted to what Putin said in Helsinki.\n\n"We cannot shrug this off," said Sen. Ada Brannigan, a Republican from Iowa.';
    expect(speakers(text)).toEqual([[null, 'Ada Brannigan', 'named', null]]);
    expect(speakers('"No comment for now," said Majority Leader Owen Pratt.')).toEqual([[null, 'Owen Pratt', 'named', null]]);
  });

  it('titles and a body in the genitive are not part of a name', () => {
    expect(speakers('"Ask the secretary," Spokesperson Lena Ortiz said.')).toEqual([[null, 'Lena Ortiz', 'named', null]]);
    expect(speakers('«Рано подводить итоги», — сказал зампред Комитета Государственной Думы Олег Рябинин.')).toEqual([[null, 'Олег Рябинин', 'named', null]]);
    expect(speakers('«Рано подводить итоги», — сказал сенатор Игорь Петрович Рябинин.')).toEqual([[null, 'Игорь Петрович Рябинин', 'named', null]]);
  });

  it('an indefinite subject after an opening phrase is nobody, not the last person named', () => {
    const text = 'Kirill Dmitriev wrote that "talks have begun."\n\nIn Kyiv, a senior official, speaking on condition of anonymity, said: "We were not in the room."';
    expect(speakers(text)).toEqual([
      ['dmitriev', null, 'named', null],
      [null, null, 'none', null],
    ]);
  });

  it('an institution’s statement read out by a person is in the reader’s words, in all three languages', () => {
    expect(speakers('In a statement read by spokesman Dmitry Peskov, the Kremlin said the talks were "useful."')).toEqual([['peskov', null, 'named', null]]);
    expect(speakers('В заявлении, которое зачитала официальный представитель МИД Мария Захарова, говорится, что Москва «готова к диалогу».')).toEqual([['zakharova', null, 'named', null]]);
    expect(speakers('Trong tuyên bố do người phát ngôn Maria Zakharova đọc, Bộ Ngoại giao Nga cho biết Moskva “sẵn sàng đối thoại”.')).toEqual([['zakharova', null, 'named', null]]);
  });

  it('"do" without "đọc" after the name is not a reading', () => {
    expect(speakers('Kế hoạch do ông Nguyễn Văn Lâm soạn thảo được Bộ Ngoại giao đánh giá là “khả thi”.')[0]![0]).toBeNull();
  });
});

describe('apposition, epithets and indefinite subjects', () => {
  it('a Vietnamese verb used as a noun (Trong tuyên bố …) leaves the subject to the real verb', () => {
    const text = 'Trong tuyên bố hôm 16/8, Thượng nghị sĩ Cộng hòa Paul Denton, thành viên Ủy ban Ngân sách, viết rằng ông ủng hộ đàm phán nhưng "phải có sức ép".';
    expect(speakers(text)).toEqual([[null, 'Paul Denton', 'named', null]]);
  });

  it('a time between an apposition and the verb: the subject is before the apposition', () => {
    const text = 'Thượng nghị sĩ Dân chủ Mary Lowell, thành viên Ủy ban Đối ngoại, hôm qua cho rằng Nhà Trắng đã "nhượng bộ quá sớm".';
    expect(speakers(text)).toEqual([[null, 'Mary Lowell', 'named', null]]);
  });

  it('an American lawmaker by state and party points back to the one named', () => {
    const text = 'Sen. Ruth Alcott (D-Ore.) said the summit was "a gift to Moscow." The Oregon Democrat added that Congress "will not wait."';
    expect(speakers(text)).toEqual([
      [null, 'Ruth Alcott', 'named', null],
      [null, 'Ruth Alcott', 'back-reference', null],
    ]);
  });

  it('the top diplomat in Vietnamese is the foreign minister, back to the one named', () => {
    const text = 'date 2025-08-18 Tin\n\nÔng Marco Rubio trả lời phỏng vấn hôm 17/8. "Còn nhiều việc phải làm", nhà ngoại giao hàng đầu của Mỹ nói.';
    expect(speakers(text)).toEqual([['rubio', null, 'back-reference', null]]);
  });

  it('"…," said one Republican senator is nobody, not the last person named', () => {
    const text = 'Sen. Ruth Alcott said the summit was "a gift to Moscow."\n\n"He got played," said one Republican senator, who asked not to be named.';
    expect(speakers(text)).toEqual([
      [null, 'Ruth Alcott', 'named', null],
      [null, null, 'none', null],
    ]);
  });
});

describe('questions and messages', () => {
  it('the one asked answers next, not the one asking', () => {
    const text = 'A reporter asked Karoline Leavitt whether a second meeting was planned. "Nothing is on the calendar," she said.';
    expect(speakers(text)).toEqual([['leavitt', null, 'back-reference', null]]);
  });

  it('answered is a speech verb, before or after its subject', () => {
    expect(speakers('When a reporter raised sanctions, Rubio answered: "Every option stays open."')).toEqual([['rubio', null, 'named', null]]);
    expect(speakers('"Every option stays open," answered Rubio.')).toEqual([['rubio', null, 'named', null]]);
  });

  it('a message from someone read out by another is the author’s', () => {
    expect(speakers('Leavitt read out a message from President Trump: "It was a productive day."')).toEqual([['trump', null, 'named', null]]);
    expect(speakers('Bà Zakharova đọc thông điệp của Tổng thống Putin: “Chúng tôi để ngỏ mọi kênh liên lạc”.')).toEqual([['putin', null, 'named', null]]);
  });
});

describe("someone's answer", () => {
  it('is the possessor’s words, also inside an interview answer in the first person', () => {
    expect(speakers('I put the question to Lavrov once, and Lavrov\'s answer was, "We are not in a hurry."')).toEqual([['lavrov', null, 'named', null]]);
    expect(speakers('Câu trả lời của ông Lavrov là: “Chúng tôi không vội”.')).toEqual([['lavrov', null, 'named', null]]);
  });
});

describe('a question put to someone in a sentence of its own', () => {
  it('is answered by the addressee, not by a person the question is about, and starts another exchange', () => {
    const text =
      'date 2025-08-18 Мир\n\nПомощник президента Юрий Ушаков в понедельник заявил, что «дата пока не определена».\n\nВопрос о встрече с участием Владимира Зеленского журналисты задали Ушакову отдельно. «Эту тему мы не обсуждаем», — ответил он.';
    const quotes = buildIndex([{ file: 't.txt', bytes: bytes(text) }], realGazetteer()).quotes.map((q) => [q.speaker, q.date, q.dateBasis]);
    expect(quotes).toEqual([
      ['ushakov', '2025-08-18', 'relative'],
      ['ushakov', null, 'unknown'],
    ]);
  });
});

describe('a Q&A page', () => {
  const page = [
    "Q&A: 'The first meeting is about the temperature in the room'",
    'A former negotiator on what the two presidents agreed at Villa La Grange',
    '',
    'Nora Whitcombe negotiated arms treaties for two decades. We spoke with her on Friday.',
    '',
    'Q: What did Geneva change?',
    '',
    'Whitcombe: Less than the headlines say. As I told my students, "the first meeting is about the temperature."',
    '',
    'Q: And the next step?',
    '',
    'Whitcombe: Talks between the experts, and patience.',
  ].join('\n');

  it('takes the guest from the answers’ labels, not a place in the standfirst, and gives them the headline quote', () => {
    expect(speakers(page)).toEqual([
      [null, 'Nora Whitcombe', 'named', null],
      [null, 'Nora Whitcombe', 'named', null],
    ]);
  });
});

describe('a relative clause', () => {
  it('does not hold the sentence’s verb of speech, so a pronoun after it finds the subject', () => {
    const text = 'Mara Quist, who follows sanctions at a Washington institute and wrote a study on them, doubts the bill will move. "Congress waits for the White House," she said.';
    expect(speakers(text)).toEqual([[null, 'Mara Quist', 'back-reference', null]]);
  });
});

describe('pronouns of two genders', () => {
  it('he after she in one sentence is the man named between them; she afterwards is her again', () => {
    const text = 'Zakharova spoke after the talks. She recalled Lavrov\'s own verdict, when he called the talks "calm and long." "He was right, for once," she added.';
    expect(speakers(text)).toEqual([
      ['lavrov', null, 'back-reference', null],
      ['zakharova', null, 'back-reference', null],
    ]);
  });
});

describe('more verbs and openers', () => {
  it('kể is a verb of speech, its subject before an apposition', () => {
    expect(speakers('“Cả đoàn im lặng mấy phút”, chị Đinh Thu Hằng, 34 tuổi, đến từ Đà Nẵng, kể.')).toEqual([[null, 'Đinh Thu Hằng', 'named', null]]);
  });

  it('a year and a place may open the clause before its subject', () => {
    expect(speakers('В 2018 году в Хельсинки Трамп на пресс-конференции говорил: «Мы не потратили ни минуты».')).toEqual([['trump', null, 'named', null]]);
  });
});

describe('Vietnamese full names', () => {
  it('keep a given name that is also a country’s word, but a place stays no name', () => {
    expect(speakers('“Cả đoàn im lặng mấy phút”, chị Đinh Thu Nga, 34 tuổi, kể.')).toEqual([[null, 'Đinh Thu Nga', 'named', null]]);
    expect(speakers('Tại Hà Nội Việt Nam, nhiều người nói “chờ xem”.')[0]![1]).toBeNull();
  });
});

describe('requests', () => {
  it('yêu cầu and đề nghị report words, but not as nouns after rằng', () => {
    expect(speakers('Tổng thống Nga Vladimir Putin yêu cầu các bộ ngành “không để thâm hụt vượt tầm kiểm soát”.')).toEqual([['putin', null, 'named', null]]);
    const text = 'Theo ông Lâm Quang Tú, nhà nghiên cứu, điều đó đã rõ. Với Anchorage, nhà nghiên cứu này cho rằng yêu cầu rất khác: “Ông Trump cần một kết quả cụ thể”.';
    expect(speakers(text)).toEqual([[null, 'Lâm Quang Tú', 'back-reference', null]]);
  });
});

describe('a quotation standing alone after its speaker’s introduction', () => {
  it('is the person the previous sentence of the paragraph named', () => {
    expect(speakers('Американист Ольга Ветрова настроена осторожно. «Если стороны договорятся о графике, это уже успех».')).toEqual([[null, 'Ольга Ветрова', 'named', null]]);
  });

  it('but not across paragraphs, nor after a sentence that quoted someone', () => {
    expect(speakers('Американист Ольга Ветрова настроена осторожно.\n\n«Это уже успех».')).toEqual([[null, null, 'none', null]]);
  });
});

describe('a predicate after an apposition', () => {
  it('has the sentence’s subject: X, the minister, joined … and asked …, saying "…"', () => {
    const text = "Ukraine's foreign minister, Andrii Sybiha, joined the dinner on Tuesday and asked allies for help, saying Kyiv needed \"every launcher you can spare.\"";
    expect(speakers(text)).toEqual([['sybiha', null, 'named', null]]);
  });

  it('but a clause with a subject of its own is not the apposition’s', () => {
    const text = 'Andrii Sybiha, the foreign minister, arrived late, and the hosts asked whether Kyiv needed "more launchers."';
    expect(speakers(text)[0]![0]).toBeNull();
  });
});
