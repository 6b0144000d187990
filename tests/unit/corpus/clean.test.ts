import { describe, expect, it } from 'vitest';
import { stripCaption } from '../../../src/corpus/captions';
import { isNavRow } from '../../../src/corpus/furniture';
import { canonicalQuotes } from '../../../src/corpus/quote-marks';
import { reflow, wrapWidth } from '../../../src/corpus/reflow';
import { buildIndex } from '../../../src/corpus/pipeline';
import { bytes, docByFile, rawText, realGazetteer } from './corpus-fixture';

describe('cleaning drops page furniture', () => {
  const d002 = docByFile('002_d6cc91a9684f5c0b.txt');
  const d003 = docByFile('003_a7b052e75c9412d5.txt');

  it.each([
    ['related news', 'Tin bài liên quan'],
    ['related headline', 'Kiev sẽ từ chối bất cứ thỏa thuận nào'],
    ['most read', 'Đọc nhiều'],
    ['most-read item with a furniture date', 'Tin quốc tế sáng 21/4'],
    ['multimedia', 'Multimedia'],
    ['video list heading', 'Xem trên'],
    ['video teaser', '[Video] 60 phút'],
    ['image markdown', '![]('],
    ['image markdown with alt', 'thoidai.com.vn/stores'],
    ['table pipe', '|'],
    ['photo caption line', 'Ảnh: AP'],
    ['furniture quote', 'Bắc Bling'],
  ])('002: %s', (_, s) => expect(d002.text).not.toContain(s));

  it.each([
    ['byline', 'Hà Linh/Báo Tin Tức'],
    ['appended article', 'Stuart Jones'],
    ['appended headline', 'Phóng viên chộp cảnh'],
    ['share bar', 'Chia sẻ:'],
    ['category row', 'Rao vặt'],
    ['agency footer', 'Các đơn vị thông tin của TTXVN'],
  ])('003: %s', (_, s) => expect(d003.text).not.toContain(s));

  it('keeps the article text around the furniture', () => {
    expect(d002.text).toContain('Cả hai cũng nói rõ rằng hội nghị thượng đỉnh không có cách nào đại biểu cho việc thiết lập lại hoàn toàn mối quan hệ song phương.');
    expect(d003.text.endsWith('Ông Putin cũng bày tỏ hy vọng cuộc gặp sẽ đem lại kết quả tốt.')).toBe(true);
  });

  it('drops caption lines with bare and parenthesised credits', () => {
    const d000 = docByFile('000_c0135cefbde2a288.txt');
    const d001 = docByFile('001_3cb86e121b5f5bb7.txt');
    expect(d000.text).not.toContain('Video: Zvezda');
    expect(d000.text).not.toContain('Video: Nhà Trắng');
    expect(d000.text).not.toContain('Tổng thống Trump tại họp báo.');
    expect(d001.text).not.toContain('(Nguồn: RT)');
    expect(d001.text).not.toContain('Khoảnh khắc Tổng thống Nga, Mỹ bắt tay');
    expect(d001.text).not.toContain('(Ảnh: Reuters)');
    expect(d001.text).not.toContain('date 2025-08-16');
    expect(d001.text.startsWith('Đoạn video ngắn do hãng tin RT')).toBe(true);
  });

  it('removes only the credit of a caption inside a real paragraph', () => {
    expect(stripCaption('Ông Trump đến Alaska. Ông Putin đến sau đó (Ảnh: Reuters).')).toBe('Ông Trump đến Alaska. Ông Putin đến sau đó.');
    expect(stripCaption('Tổng thống Putin phát biểu tại họp báo ngày 15/8. Ảnh: AFP')).toBe('');
    expect(stripCaption('Hai nhà lãnh đạo bắt tay (Nguồn: RT).')).toBe('');
  });

  it('recognises navigation rows by their labels, not by this corpus', () => {
    expect(isNavRow('Thời sự - Thế giới - Kinh tế | Thể thao')).toBe(true);
    expect(isNavRow('Lãnh đạo Nga - Mỹ kết thúc họp báo')).toBe(false);
  });
});

describe('reflow', () => {
  const d004 = docByFile('004_83c938efc68f5f6f.txt');

  it('joins words broken across lines with a space', () => {
    expect(rawText('004_83c938efc68f5f6f.txt')).toContain('nghiêm\ntrọng');
    expect(d004.text).toContain('cuộc xung đột nghiêm trọng nhất tại châu Âu');
    expect(d004.text).toContain('hậu quả “nghiêm trọng về kinh tế”');
    expect(d004.text).toContain('cuộc gặp thượng đỉnh trên sẽ mở đường');
    expect(d004.text).not.toMatch(/[^\n]\n[^\n]/);
  });

  it('keeps paragraph breaks at blank lines', () => {
    expect(d004.text).toContain('ông Trump phát biểu với báo chí trong họp báo chung sau thượng đỉnh.\n\n“Chưa có thỏa thuận nào đạt được”');
  });

  it('does not join one-paragraph-per-line text', () => {
    expect(reflow(['Ông Trump rời Alaska', 'Chuyên cơ cất cánh.'], false)).toEqual(['Ông Trump rời Alaska', 'Chuyên cơ cất cánh.']);
    expect(reflow(['Ông Trump nói rằng', 'cuộc gặp rất tốt.'], false)).toEqual(['Ông Trump nói rằng cuộc gặp rất tốt.']);
  });

  it('joins a capitalised line to a line broken only because that word would not fit the width', () => {
    const lines = [
      'The talks ran long, and officials on both sides said the leaders had covered more ground than planned',
      'Lena Ortiz, a spokesperson, told reporters the mood had been calm and the tone notably businesslike.',
      'Short title',
      'Another line that is long enough to reach the wrap width of this text, and then some more words.',
    ];
    expect(wrapWidth(lines)).toBe(101);
    expect(reflow(lines, false, wrapWidth(lines))).toEqual([
      'The talks ran long, and officials on both sides said the leaders had covered more ground than planned Lena Ortiz, a spokesperson, told reporters the mood had been calm and the tone notably businesslike.',
      'Short title',
      'Another line that is long enough to reach the wrap width of this text, and then some more words.',
    ]);
  });

  it('finds no width in a page of long one-line paragraphs', () => {
    expect(wrapWidth(['x'.repeat(300), 'y'.repeat(280), 'z'.repeat(290)])).toBeNull();
  });
});

describe('live blog', () => {
  const d000 = docByFile('000_c0135cefbde2a288.txt');

  it('splits entries into titled sections whose offsets point at their headlines', () => {
    expect(d000.sections.map((s) => s.title)).toEqual([
      'Ông Trump rời Alaska',
      'Ông Putin rời Alaska',
      'Ông Putin viếng mộ binh sĩ Liên Xô ở Anchorage',
      'Lãnh đạo Nga - Mỹ kết thúc họp báo',
      'Ông Trump khen ngợi quan hệ cá nhân tốt đẹp với ông Putin',
      'Ông Putin đề xuất gặp ông Trump ở Moskva',
      'Ông Trump: Đã đạt được tiến triển lớn với ông Putin',
      'Ông Trump: Cuộc gặp cực kỳ hiệu quả',
      'Cần đảm bảo an ninh của Ukraine',
      'Ông Putin thừa nhận quan hệ Nga - Mỹ đã bị ảnh hưởng',
    ]);
    for (const s of d000.sections) expect(d000.text.slice(s.start, s.start + s.title.length)).toBe(s.title);
    expect(d000.text.slice(d000.sections[0]!.start, d000.sections[0]!.end)).toBe(
      'Ông Trump rời Alaska\n\nChuyên cơ Không lực Một đưa ông Trump rời căn cứ Elmendorf-Richardson chỉ vài phút sau khi chuyên cơ của ông Putin cất cánh.',
    );
    expect(d000.sections.at(-1)!.end).toBe(d000.text.length);
    expect(d000.text).not.toMatch(/^-$/m);
  });

  it('is not detected in ordinary articles', () => {
    expect(docByFile('004_83c938efc68f5f6f.txt').sections).toEqual([]);
  });
});

describe('document metadata', () => {
  it('titles, publication dates and outlets come from the text', () => {
    expect(docByFile('001_3cb86e121b5f5bb7.txt').published).toBe('2025-08-16');
    expect(docByFile('000_c0135cefbde2a288.txt').published).toBeNull();
    expect(docByFile('002_d6cc91a9684f5c0b.txt').title).toBe('Tổng thống Putin nói gì sau thượng đỉnh Mỹ - Nga?');
    expect(docByFile('002_d6cc91a9684f5c0b.txt').titleInferred).toBe(false);
    expect(docByFile('001_3cb86e121b5f5bb7.txt').titleInferred).toBe(true);
    expect(docByFile('002_d6cc91a9684f5c0b.txt').outlet).toBe('Thời Đại');
    expect(docByFile('003_a7b052e75c9412d5.txt').outlet).toBe('Báo Tin Tức');
    expect(docByFile('004_83c938efc68f5f6f.txt').outlet).toBeNull();
  });

  it.each([
    ['000_c0135cefbde2a288.txt', 'alaska-2025'],
    ['001_3cb86e121b5f5bb7.txt', 'alaska-2025'],
    ['002_d6cc91a9684f5c0b.txt', 'geneva-2021'],
    ['003_a7b052e75c9412d5.txt', 'hamburg-2017'],
    ['004_83c938efc68f5f6f.txt', 'alaska-2025'],
  ])('%s is about %s', (file, summit) => expect(docByFile(file).summit).toBe(summit));

  it('decides the summit from the text, not the file name', () => {
    const article = 'Tổng thống Joe Biden và Tổng thống Vladimir Putin gặp nhau tại Geneva hôm 16/6.\n\nHai bên nhất trí đưa đại sứ trở lại.';
    const index = buildIndex([{ file: 'alaska-2025.txt', bytes: bytes(article) }], realGazetteer());
    expect(index.documents[0]!.summit).toBe('geneva-2021');
    const reagan = buildIndex([{ file: 'x.txt', bytes: bytes('Ronald Reagan và Mikhail Gorbachev gặp nhau tại Geneva năm 1985.\n\nHai bên ra tuyên bố chung.') }], realGazetteer());
    expect(reagan.documents[0]!.summit).toBe('geneva-1985');
  });
});

describe('quotation marks', () => {
  it('canonicalises straight, curly, mismatched and single quotes without moving offsets', () => {
    const cases: [string, string][] = [
      ['ông nói "rất tốt" hôm nay', 'ông nói “rất tốt” hôm nay'],
      ['hậu quả “nghiêm trọng" với Nga', 'hậu quả “nghiêm trọng” với Nga'],
      ["lãnh đạo 'hòa hợp' trong", 'lãnh đạo ‘hòa hợp’ trong'],
      ['Samaritan’s Purse', 'Samaritan’s Purse'],
    ];
    for (const [input, want] of cases) {
      expect(canonicalQuotes(input)).toBe(want);
      expect(canonicalQuotes(input).length).toBe(input.length);
    }
  });
});
