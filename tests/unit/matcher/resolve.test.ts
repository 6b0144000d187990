import { describe, expect, it } from 'vitest';
import { PageResolver, type Changes, type Occurrence } from '../../../src/matcher/resolve';
import { summarize } from '../support/summarize';
import { lexicon } from './fixture';

function page(...blocks: string[]): PageResolver {
  const resolver = new PageResolver(lexicon);
  blocks.forEach((text, i) => resolver.add(i, text));
  return resolver;
}

function ids(occurrences: Iterable<Occurrence>): string[] {
  return [...occurrences].map((o) => `${o.kind}:${o.id}:${o.form}`);
}

function summits(resolver: PageResolver): string[] {
  return [...resolver.mentions()].filter((o) => o.kind === 'summit').map((o) => `${o.id}:${o.form}`);
}

describe('people', () => {
  it('counts full names, epithets and capitalised surnames', () => {
    const resolver = page(
      'Tổng thống Mỹ Donald Trump và người đồng cấp Nga Vladimir Putin ngày 7/7, ông chủ Điện Kremlin nhấn mạnh điện đàm là không đủ.',
      'Trước các phóng viên, ông chủ Nhà Trắng thứ 45 bày tỏ: “Tổng thống Putin và tôi đã bàn bạc về nhiều vấn đề”.',
    );
    expect(ids(resolver.mentions())).toEqual([
      'person:trump:Donald Trump',
      'person:putin:Vladimir Putin',
      'person:putin:ông chủ Điện Kremlin',
      'person:trump:ông chủ Nhà Trắng thứ 45',
      'person:putin:Putin',
    ]);
  });

  it('does not take a lower-case common noun for a surname', () => {
    const resolver = page('He played his trump card at the bridge table, then Trump arrived.');
    expect(ids(resolver.mentions())).toEqual(['person:trump:Trump']);
  });

  it('holds back a bare surname on a page only about Melania, until Donald Trump appears', () => {
    const resolver = new PageResolver(lexicon);
    // Not `Mrs Trump`: that is her whoever else the page names (page-words.test.ts).
    const first = resolver.add(1, 'Melania Trump visited a children’s hospital in Washington on Tuesday. Trump spoke to nurses.');
    expect(first).toEqual({ added: [], removed: [] });
    expect(resolver.pendingCount()).toBe(1);
    const second = resolver.add(2, 'Later, President Donald Trump joined her.');
    expect(ids(second.added)).toEqual(['person:trump:Donald Trump', 'person:trump:Trump']);
    expect(second.added[1]).toMatchObject({ blockId: 1, start: 70, end: 75 });
    expect(resolver.pendingCount()).toBe(0);
  });

  it('withdraws a surname when a distractor arrives later and no full name is on the page', () => {
    const resolver = new PageResolver(lexicon);
    const first = resolver.add(1, 'Trump said the visit went well.');
    expect(ids(first.added)).toEqual(['person:trump:Trump']);
    const second = resolver.add(2, 'Ivanka Trump and her husband also attended.');
    expect(second.added).toEqual([]);
    expect(second.removed).toEqual(first.added);
  });
});

describe('summit places', () => {
  it('gives nothing for a Vietnamese weather report from Anchorage', () => {
    const resolver = page(
      'Bão tuyết đổ bộ Anchorage, nhiệt độ xuống âm 25 độ C',
      'Cơ quan Khí tượng Quốc gia Mỹ cho biết tuyết dày tới 40 cm đã phủ kín Anchorage và nhiều khu vực phía nam Alaska đêm qua. Chính quyền thành phố hoãn cuộc họp hội đồng thường kỳ, các trường học đóng cửa và sân bay quốc tế Ted Stevens Anchorage hủy hơn 60 chuyến bay.',
    );
    expect([...resolver.mentions()]).toEqual([]);
  });

  it('gives nothing for an English weather report from Anchorage, even beside a story about Trump', () => {
    const resolver = page(
      'Anchorage braces for record cold as Arctic air settles over Alaska',
      'Temperatures in Anchorage are expected to fall to minus 30F by Thursday, the National Weather Service said. The city assembly moved its Tuesday meeting online and schools will close early.',
      'In other news, Donald Trump said on Monday he would sign the bill.',
    );
    expect(summits(resolver)).toEqual([]);
    expect(ids(resolver.mentions())).toEqual(['person:trump:Donald Trump']);
  });

  it('gives nothing for a football match in Hamburg, in either language, with the leaders elsewhere on the page', () => {
    const resolver = page(
      'Tổng thống Donald Trump và Tổng thống Vladimir Putin sẽ điện đàm vào tuần tới.',
      'Hamburg thắng ngược 2-1 trên sân nhà Volksparkstadion trước Hannover. Tiền đạo của Hamburg ghi bàn quyết định ở phút 88, giúp đội bóng vươn lên vị trí thứ ba Bundesliga 2.',
      'Hamburg SV came from behind to beat Hannover 2-1 at the Volksparkstadion on Saturday, with the winner arriving in the 88th minute.',
    );
    expect(summits(resolver)).toEqual([]);
  });

  it('resolves a place next to a cue with the leaders on the page (corpus, Hamburg 2017)', () => {
    const resolver = page(
      'Trong cuộc gặp mặt trực tiếp đầu tiên giữa Tổng thống Mỹ Donald Trump và người đồng cấp Nga Vladimir Putin ngày 7/7.',
      'Hai nhà lãnh đạo Nga-Mỹ đã có cuộc gặp bên lề Hội nghị thượng đỉnh Nhóm các nền kinh tế phát triển và mới nổi hàng đầu (G20) tổ chức tại Hamburg, Đức.',
    );
    expect(summits(resolver)).toEqual(['hamburg-2017:Hamburg']);
    const hamburg = [...resolver.mentions()].find((o) => o.kind === 'summit')!;
    expect(hamburg.blockId).toBe(1);
    expect(hamburg.start).toBe(137);
  });

  it('resolves “cuộc gặp tại Anchorage” and a summit alias (corpus, Alaska 2025)', () => {
    const resolver = page(
      'Đây là cuộc gặp đầu tiên của ông Trump và ông Putin kể từ năm 2019. Hai nhà lãnh đạo đã gặp nhau trong một căn phòng ở một căn cứ không quân Anchorage, Alaska.',
      'Tổng thống Putin và Tổng thống Trump đã kết thúc thượng đỉnh Alaska.',
    );
    expect(summits(resolver)).toEqual(['alaska-2025:Anchorage', 'alaska-2025:Alaska', 'alaska-2025:thượng đỉnh Alaska']);
  });

  it('resolves an English summit alias and a place with the leaders on the page', () => {
    const resolver = page('Biden and Putin met in Geneva on Wednesday; the Geneva summit lasted less than four hours.');
    expect(summits(resolver)).toEqual(['geneva-2021:Geneva', 'geneva-2021:Geneva summit']);
  });

  it('does not end the sentence at an abbreviation', () => {
    const resolver = page('Mr. Putin met Mr. Trump at a U.S. air base in Anchorage. Snow fell in Alaska.');
    expect(summits(resolver)).toEqual(['alaska-2025:Anchorage']);
  });

  it('sends a shared place to the summit whose leaders are on the page', () => {
    const resolver = page('Reagan and Gorbachev met in Geneva for the first time; the Geneva summit ended the freeze.');
    expect(summits(resolver)).toEqual(['geneva-1985:Geneva', 'geneva-1985:Geneva summit']);
  });

  it('needs both leaders, or a leader and the year, before a shared city names a summit', () => {
    // "Next time in Moscow" on a page about Alaska 2025 is not the 2002 Bush–Putin summit.
    const resolver = new PageResolver(lexicon);
    resolver.add(1, 'Putin said the next round of talks could be held in Geneva.');
    expect(summits(resolver)).toEqual([]);
    expect(resolver.pendingCount()).toBe(1);
    const withBiden = resolver.add(2, 'Biden has not replied.');
    expect(ids(withBiden.added)).toEqual(['person:biden:Biden', 'summit:geneva-2021:Geneva']);
    const gone = resolver.remove(2);
    expect(ids(gone.removed)).toEqual(['person:biden:Biden', 'summit:geneva-2021:Geneva']);
    const withYear = resolver.add(3, 'Their last meeting there was in June 2021.');
    expect(ids(withYear.added)).toEqual(['summit:geneva-2021:Geneva']);
  });

  it('still lets one leader decide a shared alias, which names a summit by itself', () => {
    const resolver = page('Putin looked back on the Geneva summit with satisfaction.');
    expect(summits(resolver)).toEqual(['geneva-2021:Geneva summit']);
  });

  it('leaves a shared place unresolved when both summits are equally likely, and lets a year decide', () => {
    const resolver = new PageResolver(lexicon);
    resolver.add(1, 'Putin recalled how Gorbachev met a US president at the Geneva summit.');
    expect(summits(resolver)).toEqual([]);
    const later = resolver.add(2, 'That meeting, in November 1985, began the thaw.');
    expect(ids(later.added)).toEqual(['summit:geneva-1985:Geneva summit']);
  });

  it('turns a pending place into a mention when the leaders appear in a later block, and back when they leave', () => {
    const resolver = new PageResolver(lexicon);
    const first = resolver.add(10, 'Cuộc hội đàm tại Anchorage kéo dài gần ba tiếng.');
    expect(first.added).toEqual([]);
    expect(resolver.pendingCount()).toBe(1);
    const second = resolver.add(11, 'Tổng thống Putin đề xuất tổ chức hội nghị thượng đỉnh tiếp theo tại thủ đô Moskva.');
    expect(ids(second.added)).toEqual(['person:putin:Putin', 'summit:alaska-2025:Anchorage']);
    expect(second.added[1]).toMatchObject({ blockId: 10, start: 17, end: 26 });
    const gone = resolver.remove(11);
    expect(ids(gone.removed)).toEqual(['person:putin:Putin', 'summit:alaska-2025:Anchorage']);
    expect(gone.removed[1]!.key).toBe(second.added[1]!.key);
    expect([...resolver.mentions()]).toEqual([]);
  });

  it('needs the cue within about a sentence of the place', () => {
    const filler = ' Thời tiết hôm đó nắng đẹp, người dân đổ ra đường đông đúc, các cửa hàng mở cửa muộn hơn thường lệ.';
    const resolver = page(`Ông Trump và ông Putin hội đàm.${filler}${filler} Nhiều du khách đến Anchorage.`);
    expect(summits(resolver)).toEqual([]);
  });

  it('replaces a block that is added again under the same id', () => {
    const resolver = new PageResolver(lexicon);
    resolver.add(1, 'Ông Putin phát biểu.');
    const changed = resolver.add(1, 'Ông Trump phát biểu.');
    expect(ids(changed.removed)).toEqual(['person:putin:Putin']);
    expect(ids(changed.added)).toEqual(['person:trump:Trump']);
    expect(ids(resolver.mentions())).toEqual(['person:trump:Trump']);
  });
});

describe('summary', () => {
  it('answers the mentions message sorted by count, then id, with distinct page forms', () => {
    const nfc = 'Tổng thống Putin gặp ông Trump; ông chủ Điện Kremlin nói. Donald Trump đáp. Putin cười.';
    const resolver = page(nfc, nfc.normalize('NFD'), 'Ông Biden và Putin gặp nhau tại Geneva năm 2021.');
    expect(summarize(resolver.mentions())).toEqual({
      mentions: [
        { id: 'putin', kind: 'person', count: 7, forms: ['Putin', 'ông chủ Điện Kremlin'] },
        { id: 'trump', kind: 'person', count: 4, forms: ['Trump', 'Donald Trump'] },
        { id: 'biden', kind: 'person', count: 1, forms: ['Biden'] },
        { id: 'geneva-2021', kind: 'summit', count: 1, forms: ['Geneva'] },
      ],
    });
  });

  it('is empty for a page without mentions', () => {
    expect(summarize(page('Giá vàng hôm nay tăng nhẹ.').mentions())).toEqual({ mentions: [] });
  });
});

describe('changes', () => {
  it('reports a summit switching between summits as a removal and an addition with the same key', () => {
    const resolver = new PageResolver(lexicon);
    const first: Changes = resolver.add(1, 'Putin spoke of the Geneva summit.');
    expect(ids(first.added)).toEqual(['person:putin:Putin', 'summit:geneva-2021:Geneva summit']);
    const second = resolver.add(2, 'Reagan and Gorbachev held talks there in 1985.');
    expect(ids(second.removed)).toEqual(['summit:geneva-2021:Geneva summit']);
    expect(ids(second.added)).toEqual(['person:reagan:Reagan', 'person:gorbachev:Gorbachev', 'summit:geneva-1985:Geneva summit']);
    expect(second.added[2]!.key).toBe(second.removed[0]!.key);
  });
});
