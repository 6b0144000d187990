import type { PageContext } from '../protocol/messages';
import type { EntityCard, QuoteView, SummitRef } from '../protocol/views';

/**
 * What a card shows first on this page. A person card on a page about a
 * summit they attended starts with that summit (its date, place and what was
 * said there); the other summits follow. Quotes are ordered by relevance to
 * the page: said at the page's summit, then at another summit the page is
 * about, then the rest in the order the index gave them (said by the person
 * first, newest first). A quote by someone else the page names is not moved
 * up: on a Putin page that mentions Trump, Trump's words would push Putin's
 * own aside, and a quote view does not say whom its words are about.
 */

export interface CardPlan {
  /** The summit the page is about, when the card's person attended it or was quoted there. */
  pageSummit: SummitRef | null;
  /** Quotes from `pageSummit`, most relevant first. */
  summitQuotes: QuoteView[];
  /** The card's other summits, in the card's order. */
  summits: SummitRef[];
  /** Every other quote, most relevant first. */
  quotes: QuoteView[];
}

const AT_PAGE_SUMMIT = 0;
const AT_OTHER_PAGE_SUMMIT = 1;
const REST = 2;

function tier(quote: QuoteView, summits: readonly string[]): number {
  const summit = quote.summit?.id;
  if (summit === undefined) return REST;
  if (summit === summits[0]) return AT_PAGE_SUMMIT;
  return summits.includes(summit) ? AT_OTHER_PAGE_SUMMIT : REST;
}

/** Quotes most relevant to the page first; equal ones keep the index's order. */
export function orderQuotes(quotes: readonly QuoteView[], context: PageContext | null): QuoteView[] {
  if (context === null) return [...quotes];
  const summits = context.summits.map((s) => s.id);
  return quotes
    .map((quote, at) => ({ quote, at, tier: tier(quote, summits) }))
    .sort((a, b) => a.tier - b.tier || a.at - b.at)
    .map((q) => q.quote);
}

export function planCard(card: EntityCard, context: PageContext | null): CardPlan {
  const ordered = orderQuotes(card.quotes, context);
  const summits = card.kind === 'person' ? card.summits : [];
  const topId = context?.summits[0]?.id;
  const pageSummit =
    card.kind === 'person' && topId !== undefined
      ? (summits.find((s) => s.id === topId) ?? ordered.find((q) => q.summit?.id === topId)?.summit ?? null)
      : null;
  if (pageSummit === null) return { pageSummit: null, summitQuotes: [], summits, quotes: ordered };
  return {
    pageSummit,
    summitQuotes: ordered.filter((q) => q.summit?.id === pageSummit.id),
    summits: summits.filter((s) => s.id !== pageSummit.id),
    quotes: ordered.filter((q) => q.summit?.id !== pageSummit.id),
  };
}
