import type { SearchHit, SearchQuery, SearchResult } from '../protocol/views';
import { parseQuery, tokenize, type QueryWord, type Token } from '../search/normalize';
import { ACCENTED, TEXT, VIA_PERSON, WHOLE, emptyMatches, highlights, rank, type WordMatches } from '../search/rank';
import { DEFAULT_LIMIT, MAX_LIMIT, peopleNamed, search } from '../search/search';
import { clampLimit } from '../store/queries';
import type { LiveIndex } from '../store/reader';
import { ok, type Outcome } from '../store/outcome';
import type { ReadingQuote } from './ingest';
import { readingQuoteView } from './views';

/** Tokens of a quote's words, kept as long as the quote object lives (the background's cache of the user's quotes). */
const tokensOf = new WeakMap<ReadingQuote, Token[]>();

function tokens(quote: ReadingQuote): Token[] {
  let found = tokensOf.get(quote);
  if (!found) {
    found = tokenize(quote.text);
    tokensOf.set(quote, found);
  }
  return found;
}

/** Newest first, undated last, so list position is the recency rank `rank` breaks ties with. */
export function byRecency<Q extends ReadingQuote>(quotes: readonly Q[]): Q[] {
  return [...quotes].sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? 1 : -1));
}

function involves(quote: ReadingQuote, ids: readonly string[]): boolean {
  return ids.some((id) => quote.speaker === id || quote.mentions.includes(id));
}

function passes(quote: ReadingQuote, query: SearchQuery): boolean {
  if (query.person && !involves(quote, [query.person])) return false;
  if (query.summit && quote.summit !== query.summit) return false;
  if ((query.from || query.to) && quote.date === null) return false;
  if (query.from && quote.date! < query.from) return false;
  if (query.to && quote.date! > query.to) return false;
  return true;
}

/**
 * Ranks the user's quotes with the index's own scoring (`rank`), so a hit
 * from the user's reading and one from the corpus compare by the same tiers.
 * `people[i]` are the people query word i names. Quotes must be in recency order.
 */
export function rankReading(quotes: readonly ReadingQuote[], words: QueryWord[], people: string[][], query: SearchQuery, limit: number) {
  const matches: WordMatches[] = words.map(() => emptyMatches(quotes.length));
  // Positions come from the quote's own tokens: these quotes have no postings.
  const found = new Map<WordMatches, Map<number, number[]>>(matches.map((m) => [m, new Map()]));
  const candidates: number[] = [];
  const spokenBy = new Uint8Array(quotes.length);
  const speakers = new Set([...people.flat(), ...(query.person ? [query.person] : [])]);
  quotes.forEach((quote, n) => {
    if (!passes(quote, query)) return;
    if (quote.speaker !== null && speakers.has(quote.speaker)) spokenBy[n] = 1;
    let any = words.length === 0;
    words.forEach((word, i) => {
      const positions: number[] = [];
      let flags = 0;
      tokens(quote).forEach((token, position) => {
        const exact = token.fold === word.fold;
        if (!exact && !(word.prefix && token.fold.startsWith(word.fold))) return;
        positions.push(position);
        flags |= TEXT | (exact ? WHOLE : 0) | (token.toned === word.toned ? ACCENTED : 0);
      });
      if (involves(quote, people[i]!)) flags |= VIA_PERSON;
      if (flags === 0) return;
      const match = matches[i]!;
      match.flags[n] = flags;
      match.ranks.push(n);
      found.get(match)!.set(n, positions);
      any = true;
    });
    if (any) candidates.push(n);
  });
  return rank(words, matches, candidates, spokenBy, limit, (match, n) => found.get(match)?.get(n) ?? []);
}

/**
 * One search over the bundled index and the user's own corpus: both ranked
 * by the same scores, merged best first (the corpus first on a tie, as the
 * better-reviewed text), `total` counting both.
 */
export async function searchWithReading(index: LiveIndex, quotes: readonly ReadingQuote[], query: SearchQuery): Promise<Outcome<SearchResult>> {
  const corpus = await search(index, query);
  if (!corpus.ok || quotes.length === 0) return corpus;
  const limit = clampLimit(query.limit, DEFAULT_LIMIT, MAX_LIMIT);
  const words = parseQuery(query.text.slice(0, 500));
  const read = index.read();
  const people = await Promise.all(words.map((w) => peopleNamed(read, w)));
  const { top, total } = rankReading(quotes, words, people, query, limit);
  if (total === 0) return corpus;
  const own: SearchHit[] = await Promise.all(
    top.map(async ({ n, score }) => {
      const quote = await readingQuoteView(read, quotes[n]!);
      return { quote, score, highlights: highlights(quote.text, words) };
    }),
  );
  const hits = [...corpus.value.hits, ...own].sort((a, b) => b.score - a.score).slice(0, limit);
  return ok({ ...corpus.value, hits, total: corpus.value.total + total });
}
