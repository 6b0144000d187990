import type { EntityCard, QuoteContext, QuoteView } from '../protocol/views';
import { clampLimit, CARD_QUOTES } from '../store/queries';
import type { IndexRead, LiveIndex } from '../store/reader';
import { quoteView } from '../store/views';
import type { CorrectedQuote } from './corrections';
import type { ReadingDocument, ReadingQuote } from './ingest';
import type { ReadingIndex } from './reading-index';

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

/** The first `cap` of `ranks` with those `leading` first, without walking a person's thousands of quotes when a few are enough. */
function firstInOrder(ranks: readonly number[], leading: (n: number) => boolean, cap: number): number[] {
  const out: number[] = [];
  for (const wanted of [true, false]) {
    for (let i = 0; i < ranks.length && out.length < cap; i++) if (leading(ranks[i]!) === wanted) out.push(ranks[i]!);
  }
  return out;
}

/**
 * Adds the user's quotes about the card's person or summit, in the card's
 * own order: the person's (or the summit's leaders') own words first, then
 * the rest, each newest first. Only the quotes the card keeps are read
 * (`fetch`, by recency rank) and become views: a person in thousands of the
 * user's quotes costs no more than one in a single one.
 */
export async function withReadingQuotes(
  index: LiveIndex,
  card: EntityCard,
  reading: ReadingIndex,
  fetch: (ranks: readonly number[]) => Promise<(CorrectedQuote | null)[]>,
  limit = CARD_QUOTES,
  about: readonly string[] = [],
): Promise<EntityCard> {
  const own = card.kind === 'person' ? reading.involving(card.person.id) : reading.atSummit(card.summit.id);
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
  // Ranks are in recency order, so the leaders' ranks then the others' are the card's order.
  const leading = (n: number) => lead(reading.keys[n]!.speaker) === 0;
  const first = about.length === 0 ? firstInOrder(own, leading, cap) : [...own.filter(leading), ...own.filter((n) => !leading(n))].filter(showable((n: number) => reading.keys[n]!.summit));
  perSummit.clear();
  // Merged with the index's quotes before any view is made (the index's first on a tie), so only the user's quotes the card keeps are read.
  type Entry = { view: QuoteView; n: -1 } | { view: null; n: number };
  const fields = (e: Entry) => (e.view ? { speaker: e.view.speaker?.id ?? null, date: e.view.date, summit: e.view.summit?.id ?? null } : reading.keys[e.n]!);
  const kept = [...card.quotes.map((view): Entry => ({ view, n: -1 })), ...first.map((n): Entry => ({ view: null, n }))]
    .sort((a, b) => lead(fields(a).speaker) - lead(fields(b).speaker) || byDate(fields(a), fields(b)))
    .filter(showable((e: Entry) => fields(e).summit));
  const quotes = await fetch(kept.flatMap((e) => (e.view ? [] : [e.n])));
  // Opened after the read of the user's quotes: an index transaction left waiting on another database would have ended.
  const read = index.read();
  const views = await Promise.all(quotes.map((q) => (q ? readingQuoteView(read, q) : null)));
  let next = 0;
  const merged = kept.flatMap((e) => {
    const view = e.view ?? views[next++];
    return view ? [view] : [];
  });
  return { ...card, quotes: merged, quoteCount: card.quoteCount + own.length };
}
