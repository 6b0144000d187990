import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusError } from '../../../src/corpus/errors';
import { loadGazetteer } from '../../../src/corpus/gazetteer';
import { PageResolver, type Occurrence } from '../../../src/matcher/resolve';
import { beforeOtherName, inTerm, RoleReader, yearsIn } from '../../../src/matcher/shared-surnames';
import { summarize } from '../support/summarize';
import { buildLexicon, packLexicon, unpackLexicon } from '../../../src/schema/lexicon';
import { bytes, readInput, realGazetteer, ROOT } from '../corpus/corpus-fixture';

/** The real gazetteer, with its offices, as the content script receives it (packed and unpacked). */
function lexicon() {
  return unpackLexicon(packLexicon(buildLexicon(realGazetteer())));
}

function page(...blocks: string[]): PageResolver {
  const resolver = new PageResolver(lexicon());
  blocks.forEach((text, i) => resolver.add(i, text));
  return resolver;
}

function people(occurrences: Iterable<Occurrence>): string[] {
  return [...occurrences].filter((o) => o.kind === 'person').map((o) => `${o.id}:${o.form}@${o.blockId}:${o.start}`);
}

describe('which surnames are shared', () => {
  it('marks the short forms of people whose surname others share, and carries the mark through the packed lexicon', () => {
    const shared = lexicon()
      .entries.filter((e) => e.shared)
      .map((e) => `${e.id}:${e.form}`);
    expect(shared).toEqual(['clinton:Clinton', 'clinton:Клинтон', 'bush-gw:Bush', 'bush-gw:Буш', 'bush-ghw:Bush', 'bush-ghw:Буш', 'ford:Ford']);
  });

  it('gives the lexicon the terms of those people and the phrases of their offices only', () => {
    const { evidence } = lexicon();
    expect(Object.keys(evidence!.terms)).toEqual(['clinton', 'bush-gw', 'bush-ghw', 'ford']);
    expect(Object.keys(evidence!.offices).sort()).toEqual(['us-president', 'us-vice-president']);
  });
});

describe('people.json marks shared surnames, checked with file and line', () => {
  const peopleText = readFileSync(join(ROOT, 'data/gazetteer/people.json'), 'utf8');
  const load = (text: string) => () => loadGazetteer({ file: 'p.json', bytes: bytes(text) }, readInput('data/gazetteer/summits.json'), readInput('data/gazetteer/offices.json'));
  const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
  const errorOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      if (e instanceof CorpusError) return e.message;
      throw e;
    }
    return 'no error';
  };
  const fordMark = '"id": "ford",\n      "name": "Gerald Ford",';

  it('keeps the mark on the people that have it, and only there', () => {
    const marked = realGazetteer().people.filter((p) => p.sharedSurname).map((p) => p.id);
    expect(marked).toEqual(['clinton', 'bush-gw', 'bush-ghw', 'ford']);
    expect('sharedSurname' in realGazetteer().people.find((p) => p.id === 'putin')!).toBe(false);
  });

  it('refuses a mark that is not a boolean', () => {
    expect(peopleText).toContain(fordMark);
    const text = peopleText.replace('"sharedSurname": true,\n      "names": [\n        { "form": "Gerald Ford"', '"sharedSurname": "yes",\n      "names": [\n        { "form": "Gerald Ford"');
    expect(errorOf(load(text))).toBe(`p.json:${lineOf(text, '"sharedSurname": "yes"')}: "sharedSurname" must be true or false, not "yes"`);
  });

  it('refuses a mark on a person without a short form', () => {
    const text = peopleText.replace('{ "form": "Ford", "lang": "vi", "kind": "short" },', '');
    // The line where the person's object opens.
    expect(errorOf(load(text))).toBe(`p.json:${lineOf(text, fordMark) - 1}: "sharedSurname" is set but person "ford" has no short form`);
  });

  it('refuses two people with one short form unless both are marked', () => {
    const text = peopleText.replace('"id": "bush-ghw",', '"id": "bush-ghw",\n      "sharedSurname": false,').replace(/("id": "bush-ghw",[\s\S]*?)"sharedSurname": true,\n/, '$1');
    expect(errorOf(load(text))).toBe(`p.json:${lineOf(text, '"id": "bush-ghw"') - 1}: short form "Bush" is shared by "bush-gw" and "bush-ghw": mark both "sharedSurname": true`);
  });
});

describe('cars and fashion', () => {
  it('leaves a car review alone: "Ford Focus" is a car, a bare "Ford" the maker', () => {
    const resolver = page(
      'Ford Focus review: the last of the hatchbacks',
      'The 2018 Ford Focus ST is quick and composed. Ford says the 2.3-litre engine gives 280 PS, and the chassis is the best Ford has built in years.',
      'In 1976 the Ford Granada was the family car of choice; Ford sold it until 1985.',
    );
    expect(people(resolver.mentions())).toEqual([]);
    expect(resolver.pendingCount()).toBe(3);
  });

  it('gives the designer’s surname to nobody', () => {
    const resolver = page(
      'Tom Ford returns to the runway',
      'Tom Ford showed 54 looks in Los Angeles on Thursday. Ford said the collection was about “ease, not excess”, and the front row applauded when Ford took his bow.',
    );
    expect(people(resolver.mentions())).toEqual([]);
    expect(summarize(resolver.mentions()).mentions).toEqual([]);
  });
});

describe('Clintons and Bushes', () => {
  it('does not give Hillary’s bare surname to Bill, even on a page dated in his time', () => {
    const resolver = page(
      'Hillary Clinton campaigns in Ohio',
      'Hillary Clinton spoke to voters in Columbus on Monday. Clinton said the race was close; in 1998 she had been first lady.',
    );
    expect(people(resolver.mentions())).toEqual([]);
    resolver.setPublished('1999-05-04');
    expect(people(resolver.mentions())).toEqual([]);
  });

  it('gives "Clinton" to Bill once his full name is on the page', () => {
    const resolver = page('Bill Clinton arrived in Helsinki on Wednesday.', 'Clinton and Yeltsin talked for three hours.');
    expect(people(resolver.mentions())).toEqual(['clinton:Bill Clinton@0:0', 'clinton:Clinton@1:0', 'yeltsin:Yeltsin@1:12']);
  });

  it('gives a bare "Bush" on a page about the father to the father', () => {
    const resolver = page(
      'George H. W. Bush and Mikhail Gorbachev met aboard the Maxim Gorky off Malta.',
      'The storm that hit Malta in December 1989 kept the boats apart; Bush later called the talks a turning point.',
    );
    expect(people(resolver.mentions())).toEqual(['bush-ghw:George H. W. Bush@0:0', 'gorbachev:Mikhail Gorbachev@0:22', 'bush-ghw:Bush@1:64']);
  });

  it('takes a year printed in its sentence as the evidence when no full name is on the page', () => {
    expect(people(page('In December 1989 Bush and Gorbachev met off Malta.').mentions())).toEqual(['bush-ghw:Bush@0:17', 'gorbachev:Gorbachev@0:26']);
    expect(people(page('At Brdo Castle in June 2001, Bush said he had looked the man in the eye.').mentions())).toEqual(['bush-gw:Bush@0:29']);
  });

  it('gives a bare "Bush" on a page about the son to the son', () => {
    const resolver = page(
      'George W. Bush met Vladimir Putin at Brdo Castle near Ljubljana on 16 June 2001.',
      'Bush said afterwards he had been able to get a sense of his soul.',
    );
    expect(people(resolver.mentions())).toEqual(['bush-gw:George W. Bush@0:0', 'putin:Vladimir Putin@0:19', 'bush-gw:Bush@1:0']);
  });

  it('leaves "Bush" unmarked on a page that names both Bushes, unless its own block dates it', () => {
    const resolver = page(
      'George H. W. Bush and George W. Bush both met Russian leaders.',
      'Bush said the relationship mattered.',
      'In 2002 Bush signed a treaty in Moscow.',
    );
    expect(people(resolver.mentions())).toEqual(['bush-ghw:George H. W. Bush@0:0', 'bush-gw:George W. Bush@0:22', 'bush-gw:Bush@2:8']);
  });

  it('reads a role that only one of them held, and a shared role with a date', () => {
    expect(people(page('Vice President Bush flew to Moscow.').mentions())).toEqual(['bush-ghw:Bush@0:15']);
    expect(people(page('President Bush flew to Moscow.').mentions())).toEqual([]);
    expect(people(page('President Bush flew to Moscow in May 2002.').mentions())).toEqual(['bush-gw:Bush@0:10']);
    // A page about Hillary, yet `President Clinton` is Bill: a role outweighs the distractor.
    expect(people(page('Hillary Clinton thanked President Clinton.').mentions())).toEqual(['clinton:Clinton@0:34']);
  });

  it('takes the published day as evidence for every bare surname on the page', () => {
    const resolver = page('Bush arrives in Slovenia for his first meeting with Putin.', 'Bush will stay one night.');
    expect(people(resolver.mentions())).toEqual(['putin:Putin@0:52']);
    const dated = resolver.setPublished('2001-06-15');
    expect(people(dated.added)).toEqual(['bush-gw:Bush@0:0', 'bush-gw:Bush@1:0']);
    expect(people(resolver.mentions())).toEqual(['bush-gw:Bush@0:0', 'putin:Putin@0:52', 'bush-gw:Bush@1:0']);
    const undated = resolver.setPublished(null);
    expect(people(undated.removed)).toEqual(['bush-gw:Bush@0:0', 'bush-gw:Bush@1:0']);
  });
});

describe('Vietnamese and Russian', () => {
  it('gives "ông Bush" to the person the page names, and nothing without evidence', () => {
    expect(people(page('Tổng thống Mỹ George W. Bush gặp Tổng thống Nga Vladimir Putin tại Slovenia.', 'Sau cuộc gặp, ông Bush nói ông tin tưởng người đồng cấp.').mentions())).toEqual([
      'bush-gw:George W. Bush@0:14',
      'putin:Vladimir Putin@0:48',
      'bush-gw:Bush@1:18',
    ]);
    expect(people(page('Sau cuộc gặp, ông Bush nói ông tin tưởng người đồng cấp.').mentions())).toEqual([]);
    // `Tổng thống` fits both Bushes: the year decides.
    expect(people(page('Tổng thống Bush gặp ông Gorbachev tại Malta năm 1989.').mentions())).toEqual(['bush-ghw:Bush@0:11', 'gorbachev:Gorbachev@0:24']);
  });

  it('treats Russian case forms like the nominative', () => {
    expect(people(page('Хиллари Клинтон выступила в Огайо. Клинтон сказала, что гонка будет упорной.').mentions())).toEqual([]);
    expect(people(page('Билл Клинтон прилетел в Хельсинки.', 'Встреча Клинтона и Ельцина длилась три часа. Клинтон назвал её полезной.').mentions())).toEqual([
      'clinton:Билл Клинтон@0:0',
      'clinton:Клинтона@1:8',
      'yeltsin:Ельцина@1:19',
      'clinton:Клинтон@1:45',
    ]);
    expect(people(page('Клинтон назвал встречу полезной.').mentions())).toEqual([]);
    expect(people(page('Переговоры с Бушем прошли в 2002 году.').mentions())).toEqual(['bush-gw:Бушем@0:13']);
    expect(people(page('Встреча президента Буша и Горбачёва на Мальте.').mentions())).toEqual(['gorbachev:Горбачёва@0:26']);
  });
});

describe('a page that changes', () => {
  it('marks a bare surname when the full name arrives, and withdraws it when that block goes', () => {
    const resolver = new PageResolver(lexicon());
    expect(resolver.add(1, 'Live: Bush speaks at the library dedication.')).toEqual({ added: [], removed: [] });
    const arrived = resolver.add(2, '12:05 George W. Bush thanked the volunteers.');
    expect(people(arrived.added)).toEqual(['bush-gw:George W. Bush@2:6', 'bush-gw:Bush@1:6']);
    const gone = resolver.remove(2);
    expect(people(gone.removed)).toEqual(['bush-gw:George W. Bush@2:6', 'bush-gw:Bush@1:6']);
    expect(people(resolver.mentions())).toEqual([]);
  });

  it('hands a surname over when a block of the other Bush replaces the first', () => {
    const resolver = new PageResolver(lexicon());
    resolver.add(1, 'Bush spoke for twenty minutes.');
    resolver.add(2, 'George H. W. Bush, the 41st president, spoke first.');
    expect(people(resolver.mentions())).toEqual(['bush-ghw:Bush@1:0', 'bush-ghw:George H. W. Bush@2:0']);
    const replaced = resolver.add(2, 'George W. Bush, the 43rd president, spoke first.');
    expect(people(replaced.removed)).toEqual(['bush-ghw:George H. W. Bush@2:0', 'bush-ghw:Bush@1:0']);
    expect(people(replaced.added)).toEqual(['bush-gw:George W. Bush@2:0', 'bush-gw:Bush@1:0']);
  });

  it('counts a bare surname towards a summit only once it is resolved', () => {
    const resolver = page('Bush and Putin held talks in Moscow.');
    expect([...resolver.mentions()].filter((o) => o.kind === 'summit')).toEqual([]);
    resolver.setPublished('2002-05-24');
    expect([...resolver.mentions()].map((o) => `${o.kind}:${o.id}:${o.form}`)).toEqual(['person:bush-gw:Bush', 'person:putin:Putin', 'summit:moscow-2002:Moscow']);
  });
});

describe('the title', () => {
  it('names a shared surname only as the body resolves it', () => {
    const resolver = page('Hillary Clinton spoke in Ohio.');
    expect(resolver.probe('Clinton in Ohio')).toEqual([]);
    resolver.add(1, 'Bill Clinton joined her on stage.');
    expect(resolver.probe('Clinton in Ohio')).toEqual([{ kind: 'person', id: 'clinton' }]);
  });
});

describe('pieces', () => {
  it('reads offices and their titles before a surname, longest first', () => {
    const roles = new RoleReader({ 'us-president': ['Tổng thống Mỹ', 'US President', 'президент США'], 'us-vice-president': ['US Vice President', 'Phó Tổng thống Mỹ'] });
    const before = (text: string) => roles.officesBefore(text, text.lastIndexOf(' ') + 1);
    expect(before('Tổng thống Mỹ Bush')).toEqual(['us-president']);
    expect(before('Tổng thống Bush')).toEqual(['us-president']);
    expect(before('cựu Phó Tổng thống Bush')).toEqual(['us-vice-president']);
    expect(before('former Vice President Bush')).toEqual(['us-vice-president']);
    expect(before('President Bush')).toEqual(['us-president']);
    expect(before('Президент Буш')).toEqual(['us-president']);
    expect(before('ông Bush')).toEqual([]);
    expect(before('Secretary Clinton')).toEqual([]);
    expect(before('said,\nBush')).toEqual([]);
  });

  it('reads years as printed, not inside longer numbers or words', () => {
    expect(yearsIn('năm 1989, в 2002 году, 16/6/2001, 19891, 2.3-litre, 1970s, 280 PS')).toEqual([1989, 2002, 2001]);
  });

  it('knows another proper name from a verb', () => {
    expect(beforeOtherName('Ford Focus', 4)).toBe(true);
    expect(beforeOtherName('Ford said', 4)).toBe(false);
    expect(beforeOtherName('Ford, Carter', 4)).toBe(false);
  });

  it('checks days and years against terms, both ends included', () => {
    const terms = [{ office: 'us-president', from: '1989-01-20', to: '1993-01-20' }];
    expect(inTerm(terms, { day: '1993-01-20', years: [] })).toBe(true);
    expect(inTerm(terms, { day: '1993-01-21', years: [] })).toBe(false);
    expect(inTerm(terms, { day: null, years: [1989, 1992] })).toBe(true);
    // A year outside the term beside one inside it: the sentence is not dated by this person.
    expect(inTerm(terms, { day: null, years: [1985, 1989] })).toBe(false);
    expect(inTerm(terms, { day: null, years: [1989] }, 'us-vice-president')).toBe(false);
  });
});
