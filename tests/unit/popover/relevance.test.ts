import { describe, expect, it } from 'vitest';
import type { PageContext } from '../../../src/protocol/messages';
import type { PersonAtSummit, PersonCard, PersonRef, QuoteView, SummitCard, SummitRef } from '../../../src/protocol/views';
import { orderQuotes, planCard } from '../../../src/popover/relevance';

const summit = (id: string, date: string): SummitRef => ({ id, title: { vi: id, en: id }, date, endDate: null, place: id, placeNames: { vi: id, en: id, ru: id } });
const ALASKA = summit('alaska-2025', '2025-08-15');
const GENEVA = summit('geneva-2021', '2021-06-16');
const HELSINKI = summit('helsinki-2018', '2018-07-16');
const HAMBURG = summit('hamburg-2017', '2017-07-07');

const ref = (id: string, name: string): PersonRef => ({ id, name, role: '', roleEn: '' });
const PUTIN = ref('putin', 'Vladimir Putin');
const TRUMP = ref('trump', 'Donald Trump');
const BIDEN = ref('biden', 'Joe Biden');

const quote = (id: string, at: SummitRef | null, extra: Partial<QuoteView> = {}): QuoteView => ({
  id,
  text: id,
  kind: 'speech',
  speaker: PUTIN,
  speakerName: null,
  speakerRole: null,
  speakerBasis: 'named',
  date: at?.date ?? null,
  dateBasis: at ? 'summit' : 'unknown',
  summit: at,
  source: { document: 'd', title: 't', outlet: null, published: null, origin: 'corpus', url: null },
  ...extra,
});

// The index's order: newest first.
const card: PersonCard = {
  kind: 'person',
  person: { id: 'putin', name: 'Vladimir Putin', role: '', roleEn: '', country: 'RU', aliases: [] },
  summits: [ALASKA, GENEVA, HELSINKI, HAMBURG],
  quotes: [quote('a1', ALASKA), quote('a2', ALASKA), quote('none', null), quote('g1', GENEVA), quote('h1', HAMBURG), quote('g2', GENEVA)],
  quoteCount: 6,
};

const about = (...ids: string[]): PageContext => ({ summits: ids.map((id, i) => ({ id, score: 10 - i, evidence: [] })), people: [], published: null, lang: 'en' });

describe('planCard', () => {
  it('starts a person card with the page’s summit and what was said there, then the other summits and quotes in the index’s order', () => {
    const plan = planCard(card, about('geneva-2021'));
    expect(plan.pageSummit).toBe(GENEVA);
    expect(plan.summitQuotes.map((q) => q.id)).toEqual(['g1', 'g2']);
    expect(plan.summits).toEqual([ALASKA, HELSINKI, HAMBURG]);
    expect(plan.quotes.map((q) => q.id)).toEqual(['a1', 'a2', 'h1', 'none']);
  });

  it('puts quotes from the page’s other summits right after', () => {
    expect(orderQuotes(card.quotes, about('geneva-2021', 'hamburg-2017')).map((q) => q.id)).toEqual(['g1', 'g2', 'h1', 'a1', 'a2', 'none']);
  });

  it('keeps a summit the corpus has no quote from, with its facts and no quotes', () => {
    const plan = planCard(card, about('helsinki-2018'));
    expect(plan.pageSummit).toBe(HELSINKI);
    expect(plan.summitQuotes).toEqual([]);
    expect(plan.quotes.map((q) => q.id)).toEqual(['a1', 'a2', 'g1', 'g2', 'h1', 'none']);
  });

  it('changes nothing on a page about no summit, or about one the person has nothing to do with', () => {
    expect(planCard(card, about())).toEqual({ pageSummit: null, place: null, pageDay: null, summitQuotes: [], met: null, summits: card.summits, quotes: [...card.quotes.slice(0, 2), card.quotes[3], card.quotes[5], card.quotes[4], card.quotes[2]] });
    expect(planCard(card, about('reykjavik-1986')).pageSummit).toBeNull();
    expect(planCard(card, null).quotes).toEqual(card.quotes);
    expect(planCard(card, null).met).toBeNull();
  });

  it('orders a summit card’s quotes but gives it no second copy of itself', () => {
    const summitCard: SummitCard = {
      kind: 'summit',
      summit: { ...ALASKA, city: 'Anchorage', venue: null, country: 'US', aliases: [] },
      participants: [],
      quotes: card.quotes,
      quoteCount: 6,
    };
    const plan = planCard(summitCard, about('geneva-2021'));
    expect(plan.pageSummit).toBeNull();
    expect(plan.quotes.map((q) => q.id)).toEqual(['g1', 'g2', 'a1', 'a2', 'none', 'h1']);
  });
});

describe('planCard with the page’s people and the gazetteer’s facts', () => {
  const geneva: PersonAtSummit = {
    summit: GENEVA,
    outcome: { vi: 'Tuyên bố chung', en: 'Joint statement' },
    participants: [BIDEN, PUTIN],
    participant: true,
    offices: [{ id: 'ru-president', title: { vi: 'Tổng thống Nga', en: 'President of Russia' }, leader: true }],
    counterparts: [BIDEN],
  };
  // The index's order: said by Putin first, newest first, then others' words about him.
  const putin: PersonCard = {
    ...card,
    quotes: [
      quote('old-about-trump', null, { date: '2019-01-05', mentions: ['trump'] }),
      quote('new', null, { date: '2025-09-01' }),
      quote('g1', GENEVA, { mentions: ['biden'] }),
      quote('about-biden', null, { date: '2022-03-01', mentions: ['biden'] }),
      quote('undated-about-trump', null, { mentions: ['trump'] }),
      quote('trump-on-putin', null, { date: '2025-08-20', speaker: TRUMP, mentions: ['putin'] }),
      quote('older', null, { date: '2020-02-02' }),
    ],
    at: [geneva],
    met: [
      { person: TRUMP, summits: ['alaska-2025', 'helsinki-2018', 'hamburg-2017'] },
      { person: BIDEN, summits: ['geneva-2021'] },
    ],
  };
  const page = (people: [string, number][], published: string | null = '2021-06-17'): PageContext => ({
    ...about('geneva-2021'),
    people: people.map(([id, score]) => ({ id, score })),
    published,
  });

  it('Geneva page naming Biden and Trump: summit quotes, then Putin’s words about them newest first, then the rest newest first', () => {
    const plan = planCard(putin, page([['biden', 11], ['putin', 9], ['trump', 1]]));
    expect(plan.summitQuotes.map((q) => q.id)).toEqual(['g1']);
    expect(plan.quotes.map((q) => q.id)).toEqual(['about-biden', 'old-about-trump', 'undated-about-trump', 'new', 'trump-on-putin', 'older']);
  });

  it('the person’s place there and where the article falls', () => {
    const plan = planCard(putin, page([['biden', 11], ['putin', 9]]));
    expect(plan.pageSummit).toBe(GENEVA);
    expect(plan.place).toBe(geneva);
    expect(plan.pageDay).toEqual({ kind: 'after', days: 1 });
    expect(planCard(putin, page([['biden', 11]], null)).pageDay).toBeNull();
  });

  it('met: the first salient other person on the page the person met, with the summits’ dates from the card', () => {
    expect(planCard(putin, page([['biden', 11], ['putin', 9], ['trump', 1]])).met).toEqual({ person: BIDEN, summits: [GENEVA] });
    expect(planCard(putin, page([['putin', 9], ['trump', 3], ['biden', 2]])).met).toEqual({ person: TRUMP, summits: [ALASKA, HELSINKI, HAMBURG] });
    // One passing mention of Trump, and Lavrov whom Putin met at no summit: nothing said.
    expect(planCard(putin, page([['putin', 9], ['lavrov', 4], ['trump', 1]])).met).toBeNull();
    // The hovered person alone on the page.
    expect(planCard(putin, page([['putin', 9]])).met).toBeNull();
  });

  it('a page about a summit the person has no quote from and did not attend still opens with it, from the gazetteer', () => {
    const alaska: PersonAtSummit = { summit: ALASKA, outcome: null, participants: [TRUMP, PUTIN], participant: false, offices: [], counterparts: [] };
    const lavrov: PersonCard = { ...card, person: { ...card.person, id: 'lavrov' }, summits: [], quotes: [], at: [alaska], met: [] };
    const plan = planCard(lavrov, { ...about('alaska-2025'), published: '2025-08-12' });
    expect(plan.pageSummit).toBe(ALASKA);
    expect(plan.place).toBe(alaska);
    expect(plan.pageDay).toEqual({ kind: 'before', days: 3 });
    expect(plan.summitQuotes).toEqual([]);
  });
});
