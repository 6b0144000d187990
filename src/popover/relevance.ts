import type { PageContext } from '../protocol/messages';
import type { EntityCard, PersonAtSummit, PersonRef, QuoteView, SummitRef } from '../protocol/views';
import { pageDayAgainst, type PageDay } from './relative-day';

/**
 * What a card shows first on this page. A person card on a page about a
 * summit starts with that summit: its facts, the person's place there (from
 * the gazetteer, `PersonAtSummit`), where the article falls against it, then
 * what was said there. Its quotes follow by relevance to the page: said at the
 * page's summit, then at another summit the page is about, then the person's
 * words about someone else the page names ("what Putin said about Trump"),
 * then the rest, newest first. Someone else's words are never moved up for
 * naming the person: on a Putin story mentioning Trump's tariffs, Trump's
 * words would push Putin's own aside.
 */

export interface CardPlan {
  /** The summit the page is about, on a person card. */
  pageSummit: SummitRef | null;
  /** The person at `pageSummit`, when the card carries it (cards from before stop 19 do not). */
  place: PersonAtSummit | null;
  /** Where the page's publication day falls against `pageSummit`; null when the page states no day. */
  pageDay: PageDay | null;
  /** Quotes from `pageSummit`, most relevant first. */
  summitQuotes: QuoteView[];
  /** The page's other salient person and the summits where the two met, newest first. */
  met: { person: PersonRef; summits: SummitRef[] } | null;
  /** The card's other summits, in the card's order. */
  summits: SummitRef[];
  /** Every other quote, most relevant first. */
  quotes: QuoteView[];
}

/**
 * How much page weight makes another person "on the page" enough for "met N
 * times": a headline or lead mention, or two in the body (context weights:
 * headline 3, lead 2, body 1). One passing mention is not what the page is about.
 */
export const SALIENT_SCORE = 2;

const AT_PAGE_SUMMIT = 0;
const AT_OTHER_PAGE_SUMMIT = 1;
const ABOUT_PAGE_PEOPLE = 2;
const REST = 3;

function tier(quote: QuoteView, summits: readonly string[], person: string | null, others: ReadonlySet<string>): number {
  const summit = quote.summit?.id;
  if (summit !== undefined && summit === summits[0]) return AT_PAGE_SUMMIT;
  if (summit !== undefined && summits.includes(summit)) return AT_OTHER_PAGE_SUMMIT;
  if (person !== null && quote.speaker?.id === person && (quote.mentions ?? []).some((id) => others.has(id))) return ABOUT_PAGE_PEOPLE;
  return REST;
}

/** Newest first, undated last; equal days keep the given order. */
const newer = (a: QuoteView, b: QuoteView): number => (a.date === b.date ? 0 : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? 1 : -1);

/**
 * Quotes most relevant to the page first. `person`: the card's person, whose
 * words about the page's other people move up and whose other quotes go
 * newest first; without it (a summit card) equal ones keep the index's order.
 */
export function orderQuotes(quotes: readonly QuoteView[], context: PageContext | null, person: string | null = null): QuoteView[] {
  if (context === null) return [...quotes];
  const summits = context.summits.map((s) => s.id);
  const others = new Set(context.people.map((p) => p.id).filter((id) => id !== person));
  return quotes
    .map((quote, at) => ({ quote, at, tier: tier(quote, summits, person, others) }))
    .sort((a, b) => a.tier - b.tier || (person !== null && a.tier >= ABOUT_PAGE_PEOPLE ? newer(a.quote, b.quote) : 0) || a.at - b.at)
    .map((q) => q.quote);
}

/** The first salient other person on the page the card's person met at a summit, with those summits. */
function metOnPage(card: EntityCard, context: PageContext | null): CardPlan['met'] {
  if (card.kind !== 'person' || context === null || card.met === undefined) return null;
  for (const { id, score } of context.people) {
    if (id === card.person.id || score < SALIENT_SCORE) continue;
    const met = card.met.find((m) => m.person.id === id);
    if (met === undefined) continue;
    const summits = met.summits.flatMap((s) => card.summits.find((ref) => ref.id === s) ?? []);
    if (summits.length > 0) return { person: met.person, summits };
  }
  return null;
}

export function planCard(card: EntityCard, context: PageContext | null): CardPlan {
  const person = card.kind === 'person' ? card.person.id : null;
  const ordered = orderQuotes(card.quotes, context, person);
  const summits = card.kind === 'person' ? card.summits : [];
  const met = metOnPage(card, context);
  const topId = context?.summits[0]?.id;
  const place = card.kind === 'person' && topId !== undefined ? (card.at?.find((a) => a.summit.id === topId) ?? null) : null;
  const pageSummit =
    card.kind === 'person' && topId !== undefined
      ? (place?.summit ?? summits.find((s) => s.id === topId) ?? ordered.find((q) => q.summit?.id === topId)?.summit ?? null)
      : null;
  if (pageSummit === null) return { pageSummit: null, place: null, pageDay: null, summitQuotes: [], met, summits, quotes: ordered };
  return {
    pageSummit,
    place,
    pageDay: pageDayAgainst(context?.published ?? null, pageSummit),
    summitQuotes: ordered.filter((q) => q.summit?.id === pageSummit.id),
    met,
    summits: summits.filter((s) => s.id !== pageSummit.id),
    quotes: ordered.filter((q) => q.summit?.id !== pageSummit.id),
  };
}
