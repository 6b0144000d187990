import type { SearchHit, SearchQuery, SearchResult } from '../protocol/views';
import { parseQuery, type QueryWord } from '../search/normalize';
import { ACCENTED, TEXT, VIA_PERSON, WHOLE, emptyMatches, highlights, rank, type WordMatches } from '../search/rank';
import { DEFAULT_LIMIT, MAX_LIMIT, peopleNamed, search } from '../search/search';
import { clampLimit } from '../store/queries';
import type { LiveIndex } from '../store/reader';
import { ok, type Outcome } from '../store/outcome';
import type { CorrectedQuote } from './corrections';
import type { QuoteKey } from './postings';
import { positionsIn, type ReadingIndex } from './reading-index';
import { readingQuoteView } from './views';

function passes(quote: QuoteKey, query: SearchQuery): boolean {
  if (query.person && quote.speaker !== query.person && !quote.mentions.includes(query.person)) return false;
  if (query.summit && quote.summit !== query.summit) return false;
  if ((query.from || query.to) && quote.date === null) return false;
  if (query.from && quote.date! < query.from) return false;
  if (query.to && quote.date! > query.to) return false;
  return true;
}

/**
 * Ranks the user's quotes with the index's own scoring (`rank`), so a hit
 * from the user's reading and one from the corpus compare by the same tiers.
 * `people[i]` are the people query word i names. Only the quotes the words'
 * terms and people lead to are looked at (all of them, or the query person's,
 * for a query of filters only).
 */
export function rankReading(index: ReadingIndex, words: QueryWord[], people: string[][], query: SearchQuery, limit: number) {
  const count = index.size;
  const matches: WordMatches[] = words.map(() => emptyMatches(count));
  const filtered = Boolean(query.person || query.summit || query.from || query.to);
  // 1 passes the query's filters, 2 does not, 0 not yet asked.
  const verdict = new Uint8Array(filtered ? count : 0);
  const admits = (n: number) => {
    if (!filtered) return true;
    if (verdict[n] === 0) verdict[n] = passes(index.keys[n]!, query) ? 1 : 2;
    return verdict[n] === 1;
  };
  const candidates: number[] = [];
  const candidate = new Uint8Array(count);
  const add = (match: WordMatches, n: number, flags: number) => {
    if (match.flags[n] === 0) match.ranks.push(n);
    match.flags[n] = match.flags[n]! | flags;
    if (candidate[n] === 0) {
      candidate[n] = 1;
      candidates.push(n);
    }
  };
  const termsOf = words.map((word, i) => {
    const match = matches[i]!;
    const terms = index.termsFor(word.fold, word.prefix);
    for (const { term, occurrences } of terms) {
      const whole = term === word.fold ? WHOLE : 0;
      const accented = occurrences.forms.indexOf(word.toned);
      for (let k = 0; k < occurrences.quotes.length; k++) {
        const n = occurrences.quotes[k]!;
        if (admits(n)) add(match, n, TEXT | whole | (occurrences.form[k] === accented ? ACCENTED : 0));
      }
    }
    for (const person of people[i]!) {
      for (const n of index.involving(person)) if (admits(n)) add(match, n, VIA_PERSON);
    }
    return terms;
  });
  if (words.length === 0) {
    const pool = query.person ? index.involving(query.person) : index.keys.map((_, n) => n);
    for (const n of pool) {
      if (admits(n)) candidates.push(n);
    }
  }
  const speakers = new Set([...people.flat(), ...(query.person ? [query.person] : [])]);
  const spokenBy = new Uint8Array(count);
  for (const n of candidates) {
    const speaker = index.keys[n]!.speaker;
    if (speaker !== null && speakers.has(speaker)) spokenBy[n] = 1;
  }
  return rank(words, matches, candidates, spokenBy, limit, (match, n) => positionsIn(termsOf[matches.indexOf(match)]!, n));
}

/**
 * One search over the bundled index and the user's own corpus: both ranked
 * by the same scores, merged best first (the corpus first on a tie, as the
 * better-reviewed text), `total` counting both. Only the user's quotes that
 * make the page are read in full (`fetch`, in rank order).
 */
export async function searchWithReading(
  index: LiveIndex,
  reading: ReadingIndex,
  fetch: (ranks: readonly number[]) => Promise<(CorrectedQuote | null)[]>,
  query: SearchQuery,
): Promise<Outcome<SearchResult>> {
  const corpus = await search(index, query);
  if (!corpus.ok || reading.size === 0) return corpus;
  const limit = clampLimit(query.limit, DEFAULT_LIMIT, MAX_LIMIT);
  const words = parseQuery(query.text.slice(0, 500));
  const names = index.read();
  const people = await Promise.all(words.map((w) => peopleNamed(names, w)));
  const { top, total } = rankReading(reading, words, people, query, limit);
  if (total === 0) return corpus;
  // Merged by score before any view is made (the corpus first on a tie), so only the user's quotes that make the page are read and shown.
  const page = [...corpus.value.hits.map((hit) => ({ score: hit.score, hit, n: -1 })), ...top.map(({ n, score }) => ({ score, hit: null, n }))]
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
  const own = page.filter((entry) => entry.hit === null);
  const quotes = await fetch(own.map((entry) => entry.n));
  // Opened after the read of the user's quotes: an index transaction left waiting on another database would have ended.
  const read = index.read();
  const views = await Promise.all(quotes.map((q) => (q ? readingQuoteView(read, q) : null)));
  const hits: SearchHit[] = [];
  let next = 0;
  for (const entry of page) {
    const quote = entry.hit ? null : views[next++];
    if (entry.hit) hits.push(entry.hit);
    else if (quote) hits.push({ quote, score: entry.score, highlights: highlights(quote.text, words) });
  }
  return ok({ ...corpus.value, hits, total: corpus.value.total + total });
}
