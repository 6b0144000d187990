import type { EntityCard, QuoteContext, QuoteView } from '../protocol/views';
import { clampLimit, CARD_QUOTES } from '../store/queries';
import type { IndexRead } from '../store/reader';
import { quoteView } from '../store/views';
import type { CorrectedQuote } from './corrections';
import type { ReadingDocument, ReadingQuote } from './ingest';

/** A quote of the user's corpus as every view shows it, with the people and summits of the live index. */
export async function readingQuoteView(read: IndexRead, quote: CorrectedQuote): Promise<QuoteView> {
  const { corrected, ...plain } = quote;
  const view = await quoteView(read, { ...plain, n: 0 });
  return corrected ? { ...view, source: { ...quote.source }, corrected: { ...corrected } } : { ...view, source: { ...quote.source } };
}

/** The added article's text with the quote in place, for the source view. */
export function readingQuoteContext(view: QuoteView, quote: ReadingQuote, document: ReadingDocument): QuoteContext {
  return { quote: view, text: document.text, start: quote.start, end: quote.end };
}

/** Newest first, undated last. */
function byDate(a: { date: string | null }, b: { date: string | null }): number {
  if (a.date === b.date) return 0;
  if (a.date === null) return 1;
  if (b.date === null) return -1;
  return a.date < b.date ? 1 : -1;
}

/**
 * Adds the user's quotes about the card's person or summit, in the card's
 * own order: the person's (or the summit's leaders') own words first, then
 * the rest, each newest first. Only the user's quotes that can be among the
 * first `limit` become views: a person in hundreds of the user's articles
 * would otherwise cost a view each.
 */
export async function withReadingQuotes(
  read: IndexRead,
  card: EntityCard,
  quotes: readonly ReadingQuote[],
  limit = CARD_QUOTES,
  about: readonly string[] = [],
): Promise<EntityCard> {
  const own =
    card.kind === 'person'
      ? quotes.filter((q) => q.speaker === card.person.id || q.mentions.includes(card.person.id))
      : quotes.filter((q) => q.summit === card.summit.id);
  if (own.length === 0) return card;
  const leaders = new Set(card.kind === 'person' ? [card.person.id] : card.participants.map((p) => p.id));
  const lead = (speaker: string | null) => (speaker !== null && leaders.has(speaker) ? 0 : 1);
  const cap = clampLimit(limit, CARD_QUOTES);
  // Shown: the first `cap` in the card's order, plus up to `cap` at each summit the asking page is about (as the index's card carries them).
  const perSummit = new Map<string, number>();
  const showable = <Q>(summitOf: (q: Q) => string | null | undefined) => (quote: Q, at: number) => {
    const summit = summitOf(quote);
    if (summit != null && about.includes(summit)) {
      const seen = perSummit.get(summit) ?? 0;
      perSummit.set(summit, seen + 1);
      if (seen < cap) return true;
    }
    return at < cap;
  };
  const first = own.sort((a, b) => lead(a.speaker) - lead(b.speaker) || byDate(a, b)).filter(showable((q: ReadingQuote) => q.summit));
  perSummit.clear();
  const views = await Promise.all(first.map((q) => readingQuoteView(read, q)));
  const merged = [...card.quotes, ...views]
    .sort((a, b) => lead(a.speaker?.id ?? null) - lead(b.speaker?.id ?? null) || byDate(a, b))
    .filter(showable((q: QuoteView) => q.summit?.id));
  return { ...card, quotes: merged, quoteCount: card.quoteCount + own.length };
}
