import type { EntityCard, QuoteContext, QuoteView } from '../protocol/views';
import { clampLimit, CARD_QUOTES } from '../store/queries';
import type { IndexRead, LiveIndex } from '../store/reader';
import { quoteView } from '../store/views';
import type { CorrectedQuote } from './corrections';
import type { ReadingDocument, ReadingQuote } from './ingest';
import type { CardOrder, ReadingIndex } from './reading-index';

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
 * The ranks a card can show, in its order: the first `cap` of `leading` then
 * `rest`, and up to `cap` more at each of the summits the asking page is
 * about (as the index's card carries them). The walk stops as soon as nothing
 * further could be shown, so a person in thousands of the user's quotes costs
 * what the card shows; only a page summit the person has few quotes at makes
 * it look further.
 */
function showable(order: CardOrder, cap: number, about: ReadonlySet<string>, summitOf: (n: number) => string | null): number[] {
  const out: number[] = [];
  const perSummit = new Map<string, number>();
  let full = 0;
  let at = 0;
  for (const list of [order.leading, order.rest]) {
    for (let i = 0; i < list.length; i++, at++) {
      if (at >= cap && full === about.size) return out;
      const n = list[i]!;
      const summit = summitOf(n);
      let shown = at < cap;
      if (summit !== null && about.has(summit)) {
        const seen = perSummit.get(summit) ?? 0;
        perSummit.set(summit, seen + 1);
        if (seen < cap) shown = true;
        if (seen + 1 === cap) full++;
      }
      if (shown) out.push(n);
    }
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
  const participants = card.kind === 'person' ? [card.person.id] : card.participants.map((p) => p.id);
  const order = card.kind === 'person' ? reading.personOrder(card.person.id) : reading.summitOrder(card.summit.id, participants);
  const own = order.leading.length + order.rest.length;
  if (own === 0) return card;
  const leaders = new Set(participants);
  const lead = (speaker: string | null) => (speaker !== null && leaders.has(speaker) ? 0 : 1);
  const cap = clampLimit(limit, CARD_QUOTES);
  const pageSummits = new Set(about);
  // Ranks are in recency order, so the leaders' ranks then the others' are the card's order.
  const first = showable(order, cap, pageSummits, (n) => reading.keys[n]!.summit);
  // Shown of the merged list: the first `cap`, plus up to `cap` at each page summit.
  const perSummit = new Map<string, number>();
  const shownOfMerged = (e: { summit: string | null }, at: number) => {
    if (e.summit !== null && pageSummits.has(e.summit)) {
      const seen = perSummit.get(e.summit) ?? 0;
      perSummit.set(e.summit, seen + 1);
      if (seen < cap) return true;
    }
    return at < cap;
  };
  // Merged with the index's quotes before any view is made (the index's first on a tie), so only the user's quotes the card keeps are read.
  type Entry = { view: QuoteView; n: -1 } | { view: null; n: number };
  const fields = (e: Entry) => (e.view ? { speaker: e.view.speaker?.id ?? null, date: e.view.date, summit: e.view.summit?.id ?? null } : reading.keys[e.n]!);
  const kept = [...card.quotes.map((view): Entry => ({ view, n: -1 })), ...first.map((n): Entry => ({ view: null, n }))]
    .sort((a, b) => lead(fields(a).speaker) - lead(fields(b).speaker) || byDate(fields(a), fields(b)))
    .filter((e, at) => shownOfMerged(fields(e), at));
  const quotes = await fetch(kept.flatMap((e) => (e.view ? [] : [e.n])));
  // People and summits come through the index's record cache; a transaction begins only for one not in it.
  const read = index.read();
  const views = await Promise.all(quotes.map((q) => (q ? readingQuoteView(read, q) : null)));
  let next = 0;
  const merged = kept.flatMap((e) => {
    const view = e.view ?? views[next++];
    return view ? [view] : [];
  });
  return { ...card, quotes: merged, quoteCount: card.quoteCount + own };
}
