import { describe, expect, it } from 'vitest';
import { findDates } from '../../../src/corpus/dates';
import { pagePublished } from '../../../src/corpus/metadata';
import { buildIndex } from '../../../src/corpus/pipeline';
import { bytes, realGazetteer } from './corpus-fixture';

const found = (text: string, year: number | null, published: string | null = null) =>
  findDates(text, year, published).map((d) => [text.slice(d.start, d.end), d.iso, d.basis]);

describe('dates in English and Russian', () => {
  it('month names, abbreviations and years', () => {
    expect(found('Updated 9:47 PM AKDT, August 15, 2025', null)).toEqual([['August 15, 2025', '2025-08-15', 'stated']]);
    expect(found('Last updated: Aug. 15, 2025, 8:12 p.m. ET', null)).toEqual([['Aug. 15, 2025', '2025-08-15', 'stated']]);
    expect(found('GENEVA, June 16 (Reuters) -', 2021)).toEqual([['June 16', '2021-06-16', 'stated']]);
    expect(found('16 июня 2021 года 21:05', null)).toEqual([['16 июня 2021 года', '2021-06-16', 'stated']]);
    expect(found('АНКОРИДЖ, 15 авг — РИА Новости', 2025)).toEqual([['15 авг', '2025-08-15', 'stated']]);
    expect(found('15.08.2025 18:42', null)).toEqual([['15.08.2025', '2025-08-15', 'stated']]);
  });

  it('a day without a year takes the publication year, or the year before when it would fall months after the publication', () => {
    expect(found('hôm 16/8', 2018, '2025-08-17')).toEqual([['hôm 16/8', '2025-08-16', 'stated']]);
    expect(found('sẽ gặp hôm 15/8', null, '2025-08-13')).toEqual([['hôm 15/8', '2025-08-15', 'stated']]);
    expect(found('sáng 9/9', 2025, '2026-01-10')).toEqual([['sáng 9/9', '2025-09-09', 'stated']]);
    expect(found('ngày 20/12', null, '2026-01-10')).toEqual([['ngày 20/12', '2025-12-20', 'stated']]);
  });
});

describe('days counted from the publication', () => {
  const pub = '2025-08-17'; // a Sunday
  it('yesterday, today and weekdays in three languages', () => {
    expect(found('Ông Lavrov hôm qua nói, còn sáng nay ông Rubio', null, pub)).toEqual([
      ['hôm qua', '2025-08-16', 'relative'],
      ['sáng nay', '2025-08-17', 'publication'],
    ]);
    expect(found('Trump said on Friday, and yesterday he added', null, pub)).toEqual([
      ['on Friday', '2025-08-15', 'relative'],
      ['yesterday', '2025-08-16', 'relative'],
    ]);
    expect(found('Об этом в субботу заявил Песков, а вчера — Ушаков; сегодня', null, pub)).toEqual([
      ['в субботу', '2025-08-16', 'relative'],
      ['вчера', '2025-08-16', 'relative'],
      ['сегодня', '2025-08-17', 'publication'],
    ]);
    expect(found('on Sunday', null, pub)).toEqual([['on Sunday', '2025-08-17', 'relative']]);
  });

  it('a weekday that belongs to a date, or names an event, is not a relative day', () => {
    expect(found('Thứ bảy, 16/8/2025, 07:30', null, pub)).toEqual([['16/8/2025', '2025-08-16', 'stated']]);
    expect(found("Friday's summit", null, pub)).toEqual([]);
    expect(found('Friday, August 15, 2025', null, pub)).toEqual([['August 15, 2025', '2025-08-15', 'stated']]);
  });

  it('nothing is counted without a publication day', () => {
    expect(found('hôm qua, yesterday, вчера', 2025)).toEqual([]);
  });
});

describe('the publication day a page shows', () => {
  it('a date line under the headline, which leaves the text', () => {
    const lines = ['Putin và Trump khép lại thượng đỉnh', 'Thứ bảy, 16/8/2025, 07:30 (GMT+7)', '', 'Sau gần ba giờ hội đàm…'];
    expect(pagePublished(lines)).toEqual({ published: '2025-08-16', lines: ['Putin và Trump khép lại thượng đỉnh', '', 'Sau gần ba giờ hội đàm…'] });
    expect(pagePublished(['Headline here', 'By Colin Marsh | Published Aug. 20, 2025']).published).toBe('2025-08-20');
    expect(pagePublished(['Заголовок', '15.08.2025 18:42 (обновлено: 19:10)']).published).toBe('2025-08-15');
    expect(pagePublished(['Заголовок', '19 августа 2025, 10:15']).published).toBe('2025-08-19');
  });

  it('a wire dateline with a year stays in the text', () => {
    const lines = ['Headline', 'MOSCOW, Aug. 16, 2025 (Reuters) - Kremlin aide Yuri Ushakov said on Saturday that the talks had been useful.'];
    expect(pagePublished(lines)).toEqual({ published: '2025-08-16', lines });
  });

  it('a date inside the prose is an event, not the publication', () => {
    expect(pagePublished(['Tiêu đề', 'Ông Trump và ông Putin gặp nhau tại Helsinki ngày 16/7/2018 trong một cuộc họp báo kéo dài.']).published).toBeNull();
  });
});

describe('each quote is dated with a basis', () => {
  const quotes = (text: string) => buildIndex([{ file: 't.txt', bytes: bytes(text) }], realGazetteer()).quotes.map((q) => [q.text, q.date, q.dateBasis]);

  it('words said days after the summit get their own day, not the summit day', () => {
    expect(
      quotes(
        'date 2025-08-18 Witkoff nói về thượng đỉnh Alaska\n\nTrả lời phỏng vấn đài CNN hôm 17/8, đặc phái viên Steve Witkoff cho biết: “Đó là lần đầu tiên phía Nga đồng ý”.\n\n“Chúng tôi sẽ tiếp tục làm việc”, ông Witkoff nói.',
      ),
    ).toEqual([
      ['Đó là lần đầu tiên phía Nga đồng ý', '2025-08-17', 'stated'],
      ['Chúng tôi sẽ tiếp tục làm việc', '2025-08-17', 'stated'],
    ]);
  });

  it('a day counted from the publication date', () => {
    expect(quotes('date 2025-08-17 Lavrov về Alaska\n\nNgoại trưởng Sergei Lavrov hôm qua nói: “Chúng tôi không vội”.')).toEqual([['Chúng tôi không vội', '2025-08-16', 'relative']]);
    expect(quotes('Lavrov on Alaska\nAug. 16, 2025\n\n“We are in no hurry,” Lavrov said on Friday.')).toEqual([['We are in no hurry,', '2025-08-15', 'relative']]);
  });

  it('the summit day only where the text places the words at the summit', () => {
    expect(quotes('date 2025-08-16 Thượng đỉnh Alaska\n\n“Chúng tôi đã tiến gần hơn”, ông Putin nói tại họp báo chung ở Anchorage.')).toEqual([
      ['Chúng tôi đã tiến gần hơn', '2025-08-15', 'summit'],
    ]);
  });

  it('a report from the summit day dates only words the text places at the summit', () => {
    expect(
      quotes(
        'date 2025-08-15 Trump rời Alaska\n\nTổng thống Donald Trump nói với Fox News trên chuyên cơ rằng cuộc gặp “rất đáng giá”.\n\nÔng Putin nói: “Lần sau ở Moskva”.',
      ),
    ).toEqual([
      ['rất đáng giá', null, 'unknown'],
      ['Lần sau ở Moskva', null, 'unknown'],
    ]);
    expect(quotes('Tổng thống Vladimir Putin nói: “Chúng tôi hài lòng”, sau cuộc gặp với Tổng thống Biden ở Geneva.')).toEqual([['Chúng tôi hài lòng', null, 'unknown']]);
  });

  it('a summit setting is one event: the other participant shares it in the paragraph, and later after "for his part" or in a report from the summit', () => {
    expect(
      quotes(
        'date 2021-06-21 Geneva\n\nPutin told the news conference the talks were "constructive." Biden called them "good, positive."\n\nThe two men left separately. "It was a useful day," Biden said.',
      ),
    ).toEqual([
      ['constructive.', '2021-06-16', 'summit'],
      ['good, positive.', '2021-06-16', 'summit'],
      ['It was a useful day,', null, 'unknown'],
    ]);
    expect(
      quotes(
        'date 2025-08-16 Alaska\n\nPhát biểu tại cuộc họp báo chung, ông Putin nói: “Chúng tôi đã hiểu nhau hơn”.\n\nVề phần mình, ông Trump cho biết cuộc gặp “rất hiệu quả”.\n\n“Còn vài vấn đề lớn”, ông nói.',
      ),
    ).toEqual([
      ['Chúng tôi đã hiểu nhau hơn', '2025-08-15', 'summit'],
      ['rất hiệu quả', '2025-08-15', 'summit'],
      ['Còn vài vấn đề lớn', '2025-08-15', 'summit'],
    ]);
  });

  it('a live blog without a page date that covers the press conference dates its entries at the summit', () => {
    expect(
      quotes('-\nHai lãnh đạo kết thúc họp báo\nÔng Putin và ông Trump rời khán phòng ở Anchorage, Alaska.\n-\nÔng Trump khen cuộc gặp\nTổng thống Trump nói cuộc gặp “rất tốt”.'),
    ).toEqual([['rất tốt', '2025-08-15', 'summit']]);
  });

  it("the page's date line under a scraper's date prefix is no live entry stamp", () => {
    expect(quotes('date 2025-08-19 Briefing\nAug. 19, 2025 6:40 a.m. ET\n\nShe said the goal "has not changed."')).toEqual([['has not changed.', null, 'unknown']]);
  });

  it('a planned day, a routine briefing, "hours later" and an unnamed speaker date nothing', () => {
    expect(quotes('date 2025-08-18 Rubio\n\nNgoại trưởng Marco Rubio hôm 17/8 cho biết an ninh sẽ là “trọng tâm” của cuộc gặp vào ngày 18/8.')).toEqual([['trọng tâm', '2025-08-17', 'stated']]);
    expect(quotes('date 2025-08-18 Rubio\n\nNgoại trưởng Marco Rubio cho biết an ninh sẽ là “trọng tâm” của cuộc gặp vào ngày 18/8.')).toEqual([['trọng tâm', null, 'unknown']]);
    expect(quotes('date 2025-08-22 Peskov\n\n“Chưa có đề xuất”, ông Dmitry Peskov nói trong cuộc họp báo thường kỳ ở Moskva.')).toEqual([['Chưa có đề xuất', null, 'unknown']]);
    expect(
      quotes('date 2025-08-20 Trump\n\nHôm qua, ông Trump viết rằng đó là “một bước đi thực tế”. Chỉ vài giờ sau, ông nói thêm rằng nó “chưa thể xảy ra ngay”.'),
    ).toEqual([
      ['một bước đi thực tế', '2025-08-19', 'relative'],
      ['chưa thể xảy ra ngay', null, 'unknown'],
    ]);
    expect(
      quotes('date 2017-07-08 Hamburg\n\nNgay sau cuộc gặp, Ngoại trưởng Rex Tillerson nói cuộc gặp “rất rõ ràng”. Một quan chức giấu tên thì nói cuộc gặp “vượt mong đợi”.'),
    ).toEqual([
      ['rất rõ ràng', '2017-07-07', 'summit'],
      ['vượt mong đợi', null, 'unknown'],
    ]);
  });

  it('the day right after the speech verb is when the words were said, not a day the reported content gives', () => {
    expect(
      quotes('date 2025-08-14 Ушаков\n\nВстреча начнется в пятницу утром, сообщил в четверг журналистам помощник президента Юрий Ушаков. «Все готово», — добавил он.'),
    ).toEqual([['Все готово', '2025-08-14', 'relative']]);
  });

  it('"những năm gần đây" is a period the words speak of, not when they were said', () => {
    expect(
      quotes(
        'date 2025-08-16 Alaska\n\nPhát biểu tại cuộc họp báo chung, Tổng thống Putin nói: “Hai bên hiểu nhau hơn”.\n\nÔng cho biết quan hệ đã xấu đi trong những năm gần đây.\n\nTổng thống Trump cũng nói: “Chúng tôi đã tiến gần”.',
      ),
    ).toEqual([
      ['Hai bên hiểu nhau hơn', '2025-08-15', 'summit'],
      ['Chúng tôi đã tiến gần', '2025-08-15', 'summit'],
    ]);
  });

  it('a yearless wire dateline on a page without a date is its publication day, in its summit\'s year', () => {
    const idx = buildIndex(
      [{ file: 't.txt', bytes: bytes('Trump and Putin meet in Helsinki\n\nHELSINKI, July 16 (Reuters) - President Donald Trump met Russian President Vladimir Putin at the Presidential Palace.\n\n"It went well," Trump told the joint news conference on Monday.') }],
      realGazetteer(),
    );
    expect(idx.documents[0]!.published).toBe('2018-07-16');
    expect(idx.quotes.map((q) => [q.text, q.date, q.dateBasis])).toEqual([['It went well,', '2018-07-16', 'relative']]);
  });

  it('a Vietnamese wire dateline without a year dates the remarks its lead reports', () => {
    expect(found('Moskva, 21/8 (TTXVN) - Người phát ngôn', null, '2025-08-22')).toEqual([['21/8', '2025-08-21', 'stated']]);
    expect(
      quotes('date 2025-08-22 Điện Kremlin\n\nMoskva, 21/8 (TTXVN) - Người phát ngôn Điện Kremlin cho biết Nga chưa nhận được đề xuất.\n\n“Chúng tôi chờ xem”, ông nói.'),
    ).toEqual([['Chúng tôi chờ xem', '2025-08-21', 'stated']]);
  });

  it('"said he had told" opens reported content: its pluperfect is no elsewhere cue', () => {
    expect(
      quotes('date 2021-06-16 Geneva\n\nPutin, speaking at his news conference, called the talks "constructive."\n\nBiden, in a separate appearance, said he had told Putin that hospitals were "off limits."'),
    ).toEqual([
      ['constructive.', '2021-06-16', 'summit'],
      ['off limits.', '2021-06-16', 'summit'],
    ]);
  });

  it('words on the way home are not the summit, even in a report from the summit day', () => {
    expect(
      quotes('date 2025-08-15 Alaska\n\nAt the joint news conference, Putin called the talks "useful."\n\nTrump, speaking to Fox News aboard Air Force One, called the meeting "a ten."'),
    ).toEqual([
      ['useful.', '2025-08-15', 'summit'],
      ['a ten.', null, 'unknown'],
    ]);
  });

  it('a dated summit setting is one event too: "for his part" shares its day', () => {
    expect(
      quotes('date 2025-08-17 Alaska\n\nAt the news conference on Friday, Putin said the sides had "an understanding." Trump, for his part, said the talks were "very productive."'),
    ).toEqual([
      ['an understanding.', '2025-08-15', 'relative'],
      ['very productive.', '2025-08-15', 'relative'],
    ]);
  });

  it('a day inside the reported words is not when they were said', () => {
    expect(quotes('date 2025-08-20 Rubio về Alaska\n\nNgoại trưởng Marco Rubio nói rằng cuộc gặp hôm 15/8 “rất hữu ích”.')).toEqual([['rất hữu ích', null, 'unknown']]);
  });

  it("another speaker's frame does not carry to a later paragraph", () => {
    expect(
      quotes('date 2025-08-20 Phản ứng sau Alaska\n\nNgoại trưởng Sergei Lavrov hôm qua nói: “Chúng tôi không vội”.\n\nNgoại trưởng Marco Rubio cho biết: “Còn nhiều việc phải làm”.'),
    ).toEqual([
      ['Chúng tôi không vội', '2025-08-19', 'relative'],
      ['Còn nhiều việc phải làm', null, 'unknown'],
    ]);
  });

  it('a live entry stamped with a time is dated by the publication day, one with a date by that date', () => {
    expect(
      quotes(
        'date 2025-08-15 Trực tiếp: thượng đỉnh Alaska\n\n23:40\n\nThống đốc Alaska nói với báo chí: “Chúng tôi đã sẵn sàng”.\n\nAug. 14, 2025, 9:00 p.m. ET\n\nOfficials said: “The venue is ready.”',
      ),
    ).toEqual([
      ['Chúng tôi đã sẵn sàng', '2025-08-15', 'publication'],
      ['The venue is ready.', '2025-08-14', 'stated'],
    ]);
  });

  it('"cùng ngày" repeats the last day given; a continuation in the paragraph shares the date it continues', () => {
    expect(
      quotes(
        'date 2025-08-18 Sau Alaska\n\nĐặc phái viên Steve Witkoff hôm 17/8 nói: “Nga đã nhượng bộ”.\n\nNgoại trưởng Marco Rubio, xuất hiện trên truyền hình cùng ngày, nói: “Còn xa”. “Nhưng đã gần hơn.”',
      ),
    ).toEqual([
      ['Nga đã nhượng bộ', '2025-08-17', 'stated'],
      ['Còn xa', '2025-08-17', 'stated'],
      ['Nhưng đã gần hơn.', '2025-08-17', 'stated'],
    ]);
  });
});

describe('a statement read out at a briefing', () => {
  const dated = (text: string) => buildIndex([{ file: 't.txt', bytes: bytes(text) }], realGazetteer()).quotes.map((q) => [q.speaker, q.date, q.dateBasis]);

  it('is not placed at the summit by the briefing room', () => {
    const text = 'date 2025-08-18 Thế giới\n\nThượng đỉnh Alaska diễn ra hôm 15/8.\n\nTrong tuyên bố do người phát ngôn Maria Zakharova đọc tại cuộc họp báo, Bộ Ngoại giao Nga cho biết Moskva “không vội vàng”.';
    expect(dated(text)).toEqual([['zakharova', null, 'unknown']]);
  });
});

describe('the day of a briefing', () => {
  const dated = (text: string) => buildIndex([{ file: 't.txt', bytes: bytes(text) }], realGazetteer()).quotes.map((q) => [q.date, q.dateBasis]);

  it("Tuesday's briefing dates the words; Friday's meeting is only their topic", () => {
    expect(found("told Tuesday's briefing", 2025, '2025-08-13')).toEqual([['Tuesday', '2025-08-12', 'relative']]);
    expect(found("Tuesday's daily briefing", 2025, '2025-08-13')).toEqual([['Tuesday', '2025-08-12', 'relative']]);
    expect(found("ahead of Friday's meeting", 2025, '2025-08-13')).toEqual([]);
  });

  it('a plan before the speech verb does not swallow the day the words were said', () => {
    const text = 'date 2025-08-13 World\n\nThe envoy will fly to Moscow "with an open mind," spokesperson Lena Ortiz said at Tuesday\'s briefing.';
    expect(dated(text)).toEqual([['2025-08-12', 'relative']]);
  });

  it('a Vietnamese sentence opening with a participial phrase keeps its speaker and day for the next paragraph', () => {
    const text = 'date 2025-08-18 Thế giới\n\n(Dân Việt) Trả lời phỏng vấn hôm 17/8, Ngoại trưởng Mỹ Marco Rubio cho rằng còn nhiều việc phải làm.\n\nKhi được hỏi về lệnh ngừng bắn, ông Rubio đáp: "Chúng tôi chưa đặt hạn chót".';
    expect(dated(text)).toEqual([['2025-08-17', 'stated']]);
  });
});
