import { describe, expect, it } from 'vitest';
import { afterOtherFirstName, afterTitle, afterWomanAddress, opensSentence } from '../../../src/matcher/other-name';
import { PageResolver, type Occurrence } from '../../../src/matcher/resolve';
import { buildLexicon, packLexicon, unpackLexicon } from '../../../src/schema/lexicon';
import { realGazetteer } from '../corpus/corpus-fixture';

/** Rules found with the detection set (tests/detset, docs/decisions/0078), on the real gazetteer as the content script receives it. */
const lexicon = unpackLexicon(packLexicon(buildLexicon(realGazetteer())));

function page(...blocks: string[]): PageResolver {
  const resolver = new PageResolver(lexicon);
  blocks.forEach((text, i) => resolver.add(i, text));
  return resolver;
}

const ids = (occurrences: Iterable<Occurrence>) => [...occurrences].map((o) => `${o.kind === 'summit' ? 'summit:' : ''}${o.id}:${o.form}@${o.blockId}`);

describe('a lower-case surname after a title', () => {
  it('reads the title one space before, a dot allowed, in English and Russian', () => {
    expect(afterTitle('president putin', 10)).toBe(true);
    expect(afterTitle('Mr. trump', 4)).toBe(true);
    expect(afterTitle('встреча президента путина', 19)).toBe(true);
    expect(afterTitle('Mrs trump', 4)).toBe(false);
    expect(afterTitle('a trump', 2)).toBe(false);
    expect(afterTitle('president  putin', 11)).toBe(false);
  });

  it('names the person in machine-translated text, and a card game still names no one', () => {
    expect(ids(page('The two sides has not reached agreement, president putin said. Mr. trump called it productive.').mentions())).toEqual([
      'putin:putin@0',
      'trump:trump@0',
    ]);
    expect(ids(page('Hearts are trump this round, and the dealer may trump the trick.').mentions())).toEqual([]);
  });
});

describe('a sentence-initial surname the page also writes as a common word', () => {
  it('knows where a sentence opens', () => {
    expect(opensSentence('Trump cards aside', 0)).toBe(true);
    expect(opensSentence('It ended. Trump left', 10)).toBe(true);
    expect(opensSentence('“Trump is here”', 1)).toBe(true);
    expect(opensSentence('and Trump left', 4)).toBe(false);
  });

  it('is that word until the full name arrives (and with the person, the Alaska summit next to the cue)', () => {
    const resolver = page(
      'Trump cards aside, the hardest question was which summit is the tallest in Alaska.',
      'In Spades the trump suit beats every other suit.',
    );
    expect(ids(resolver.mentions())).toEqual([]);
    const named = resolver.add(2, 'Donald Trump once played it on a flight to Anchorage.');
    expect(ids(named.added)).toEqual(['trump:Donald Trump@2', 'trump:Trump@0', 'summit:alaska-2025:Alaska@0']);
    const gone = resolver.remove(2);
    expect(ids(gone.removed).sort()).toEqual(['summit:alaska-2025:Alaska@0', 'trump:Donald Trump@2', 'trump:Trump@0']);
    expect(ids(resolver.mentions())).toEqual([]);
  });

  it('still names the person where the page never uses the word, or where it stands inside a sentence', () => {
    expect(ids(page('Trump arrived in Anchorage on Friday.').mentions())).toEqual(['trump:Trump@0']);
    expect(ids(page('Aides said Trump would play his trump card.', 'In Spades the trump suit wins.').mentions())).toEqual(['trump:Trump@0']);
  });

  it('is judged again when the common word leaves the page', () => {
    const resolver = page('Trump spoke first.', 'Then the trump suit was led.');
    expect(ids(resolver.mentions())).toEqual([]);
    expect(ids(resolver.remove(1).added)).toEqual(['trump:Trump@0']);
  });
});

describe('a shared surname on a page that also names someone else of that surname', () => {
  it('leaves the bare surname unmarked though the gazetteer person is named in full, and gives it to him once the other name leaves', () => {
    const resolver = page(
      'Hillary Clinton spent an hour on stage talking about her book. Clinton was relaxed.',
      'Her husband, former President Bill Clinton, sat in the front row.',
    );
    expect(ids(resolver.mentions())).toEqual(['clinton:Bill Clinton@1']);
    const without = resolver.add(0, 'The former president spent an hour on stage talking about his book. Clinton was relaxed.');
    expect(ids(without.added)).toEqual(['clinton:Clinton@0']);
  });

  it('still takes a role right before it as the surname’s own evidence', () => {
    expect(ids(page('Hillary Clinton and Bill Clinton arrived; President Clinton spoke first.').mentions())).toEqual([
      'clinton:Bill Clinton@0',
      'clinton:Clinton@0',
    ]);
  });
});

describe('the page’s published year and two summits in one city', () => {
  it('gives a place the summit whose year its own sentence prints, and breaks a tie for the year the page was published in', () => {
    const resolver = page(
      'Thượng đỉnh Helsinki: Trump tin lời Putin hơn tình báo Mỹ?',
      'Năm 1997, cũng tại Helsinki, Bill Clinton và Boris Yeltsin từng có một cuộc gặp thượng đỉnh.',
      'World Cup 2018: Pháp vô địch',
    );
    // Both pairs of leaders and both years are on the page: the headline's alias is a tie; "Năm 1997, … Helsinki" is 1997's.
    expect(ids(resolver.mentions()).filter((m) => m.startsWith('summit:'))).toEqual(['summit:helsinki-1997:Helsinki@1']);
    const dated = resolver.setPublished('2018-07-17');
    expect(ids(dated.added)).toEqual(['summit:helsinki-2018:Thượng đỉnh Helsinki@0']);
    expect(ids(resolver.setPublished(null).removed)).toEqual(['summit:helsinki-2018:Thượng đỉnh Helsinki@0']);
  });
});

describe('people named inside a summit’s form', () => {
  it('marks both leaders of a dash compound that is also a summit alias, before the summit, at their own characters', () => {
    const resolver = page('Biden–Putin Summit ends with an arms-control pledge.', 'The Trump-Putin summit in Alaska was the first on U.S. soil.');
    expect([...resolver.mentions()].map((o) => `${o.id}:${o.form}@${o.blockId}:${o.start}`)).toEqual([
      'biden:Biden@0:0',
      'putin:Putin@0:6',
      'geneva-2021:Biden–Putin Summit@0:0',
      'trump:Trump@1:4',
      'putin:Putin@1:10',
      'alaska-2025:Trump-Putin summit in Alaska@1:4',
    ]);
  });

  it('finds a name at the end of the form too (Vietnamese writes the pair last)', () => {
    expect(ids(page('Sau thượng đỉnh Biden - Putin, hai bên trao trả đại sứ.').mentions())).toEqual([
      'biden:Biden@0',
      'putin:Putin@0',
      'summit:geneva-2021:thượng đỉnh Biden - Putin@0',
    ]);
  });
});

describe('a surname after a woman’s form of address', () => {
  it('is the woman of that surname the page names, even where his full name is on the page too', () => {
    const resolver = page('Melania Trump chose Tom Ford. Mrs Trump paired the gown with earrings.', 'Her husband, President Donald Trump, wore white tie.');
    expect(ids(resolver.mentions())).toEqual(['trump:Donald Trump@1']);
    // Without her name on the page, the form of address alone decides nothing.
    expect(ids(resolver.add(0, 'The first lady chose Tom Ford. Mrs. Trump paired the gown with earrings.').added)).toEqual(['trump:Trump@0']);
  });

  it('leaves a woman of the gazetteer named by her form of address', () => {
    expect(ids(page('Phát biểu tại Berlin, bà Merkel nói châu Âu cần đoàn kết.').mentions())).toEqual(['merkel:Merkel@0']);
    expect(afterWomanAddress('госпожа Трамп', 8)).toBe(true);
    expect(afterWomanAddress('Ms. Zakharova', 4)).toBe(true);
    expect(afterWomanAddress('Mr Trump', 3)).toBe(false);
  });
});

describe('a sentence-initial surname on a page that also capitalises it inside a sentence', () => {
  it('is the name, though the page writes the word too and never gives the full name', () => {
    const resolver = page('Trump met Putin on the sidelines. Ukraine, an aide said, is Putin’s trump card.');
    expect(ids(resolver.mentions())).toEqual(['putin:Putin@0', 'putin:Putin@0']);
    expect(ids(resolver.add(1, 'The talks ran long, said President Trump.').added)).toEqual(['trump:Trump@0', 'trump:Trump@1']);
    expect(ids(resolver.remove(1).removed)).toEqual(['trump:Trump@1', 'trump:Trump@0']);
  });
});

describe('a Russian place in the prepositional case before a surname', () => {
  it('is a place, not a first name: the surname after it is the person', () => {
    const at = (text: string, surname: string) => afterOtherFirstName(text, text.indexOf(surname));
    expect(at('Год спустя в Вашингтоне Рейган и Горбачёв подписали договор.', 'Рейган')).toBe(false);
    expect(at('Уже на Аляске Трамп сказал', 'Трамп')).toBe(false);
    expect(at('Пела Анне Рейган', 'Рейган')).toBe(true);
    // Only after в, во, на: `по Женеве Рейган` could be anything, and `Tom Ford` stays Tom's.
    expect(at('Гуляя по Женеве Рейган', 'Рейган')).toBe(true);
    expect(at('designed by Tom Ford', 'Ford')).toBe(true);
    expect(ids(page('Год спустя в Вашингтоне Рейган и Горбачёв подписали договор.').mentions())).toEqual(['reagan:Рейган@0', 'gorbachev:Горбачёв@0']);
  });
});

describe('a summit named by its city and year', () => {
  it('names the summit outright, the year inside the mark, with no cue word and no leader on the page', () => {
    expect(ids(page('Geneva 2021').mentions())).toEqual(['summit:geneva-2021:Geneva 2021@0']);
    expect(ids(page('Từ Moskva 2002 đến Helsinki 2018: các cuộc gặp Nga - Mỹ').mentions())).toEqual([
      'summit:moscow-2002:Moskva 2002@0',
      'summit:helsinki-2018:Helsinki 2018@0',
    ]);
  });

  it('leaves a year no summit there was held in, a season and a number alone', () => {
    expect(ids(page('Geneva 2019 motor show', 'Hamburg 2017/18 season review', 'Helsinki 20180 entries').mentions())).toEqual([]);
  });
});
