import { describe, expect, it } from 'vitest';
import type { PageContext } from '../../../src/protocol/messages';
import type { PersonCard, QuoteView, SummitCard, SummitRef } from '../../../src/protocol/views';
import { orderQuotes, planCard } from '../../../src/popover/relevance';

const summit = (id: string, date: string): SummitRef => ({ id, title: { vi: id, en: id }, date, endDate: null, place: id });
const ALASKA = summit('alaska-2025', '2025-08-15');
const GENEVA = summit('geneva-2021', '2021-06-16');
const HELSINKI = summit('helsinki-2018', '2018-07-16');
const HAMBURG = summit('hamburg-2017', '2017-07-07');

const quote = (id: string, at: SummitRef | null): QuoteView => ({
  id,
  text: id,
  kind: 'speech',
  speaker: { id: 'putin', name: 'Vladimir Putin', role: '', roleEn: '' },
  speakerName: null,
  speakerRole: null,
  speakerBasis: 'named',
  date: at?.date ?? null,
  dateBasis: at ? 'summit' : 'unknown',
  summit: at,
  source: { document: 'd', title: 't', outlet: null, published: null, origin: 'corpus', url: null },
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
    expect(plan.quotes.map((q) => q.id)).toEqual(['a1', 'a2', 'none', 'h1']);
  });

  it('puts quotes from the page’s other summits right after', () => {
    expect(orderQuotes(card.quotes, about('geneva-2021', 'hamburg-2017')).map((q) => q.id)).toEqual(['g1', 'g2', 'h1', 'a1', 'a2', 'none']);
  });

  it('keeps a summit the corpus has no quote from, with its facts and no quotes', () => {
    const plan = planCard(card, about('helsinki-2018'));
    expect(plan.pageSummit).toBe(HELSINKI);
    expect(plan.summitQuotes).toEqual([]);
    expect(plan.quotes.map((q) => q.id)).toEqual(['a1', 'a2', 'none', 'g1', 'h1', 'g2']);
  });

  it('changes nothing on a page about no summit, or about one the person has nothing to do with', () => {
    expect(planCard(card, about())).toEqual({ pageSummit: null, summitQuotes: [], summits: card.summits, quotes: card.quotes });
    expect(planCard(card, about('reykjavik-1986')).pageSummit).toBeNull();
    expect(planCard(card, null).quotes).toEqual(card.quotes);
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
