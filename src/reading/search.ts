import type { SearchHit, SearchQuery, SearchResult } from '../protocol/views';
import type { QueryWord } from '../search/normalize';
import { ACCENTED, TEXT, VIA_PERSON, WHOLE, emptyMatches, highlights, rank, type Ranked, type WordMatches } from '../search/rank';
import { DEFAULT_LIMIT, indexHits, MAX_LIMIT, rankIndex, search, suggest } from '../search/search';
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
    // Filters only: the shortest list that holds every quote that can pass them.
    const pool = query.person ? index.involving(query.person) : query.summit ? index.atSummit(query.summit) : index.keys.map((_, n) => n);
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
 * better-reviewed text), `total` counting both. Views are made only for the
 * merged page: a corpus hit the user's quotes push off it is never read, and
 * of the user's quotes only those on it are read in full (`fetch`, in rank order).
 */
export async function searchWithReading(
  index: LiveIndex,
  reading: ReadingIndex,
  fetch: (ranks: readonly number[]) => Promise<(CorrectedQuote | null)[]>,
  query: SearchQuery,
): Promise<Outcome<SearchResult>> {
  if (reading.size === 0) return search(index, query);
  const read = index.read();
  const ranked = await rankIndex(read, query);
  if (!ranked.ok) return ranked;
  const corpus = ranked.value;
  const { words } = corpus;
  const limit = clampLimit(query.limit, DEFAULT_LIMIT, MAX_LIMIT);
  const own = rankReading(reading, words, corpus.people, query, limit);
  // Both lists are best first: the page is their merge, the corpus first on a tie.
  const fromCorpus: Ranked[] = [];
  const fromReading: Ranked[] = [];
  let c = 0;
  let r = 0;
  while (fromCorpus.length + fromReading.length < limit && (c < corpus.top.length || r < own.top.length)) {
    if (r === own.top.length || (c < corpus.top.length && corpus.top[c]!.score >= own.top[r]!.score)) fromCorpus.push(corpus.top[c++]!);
    else fromReading.push(own.top[r++]!);
  }
  const [corpusHits, suggested, quotes] = await Promise.all([indexHits(read, fromCorpus, words), suggest(read, corpus), fetch(fromReading.map((entry) => entry.n))]);
  // Opened after the read of the user's quotes (an index transaction left waiting on another database would have ended), and only when there are some.
  const after = quotes.length > 0 ? index.read() : read;
  const views = await Promise.all(quotes.map((q) => (q ? readingQuoteView(after, q) : null)));
  const hits: SearchHit[] = [];
  c = 0;
  r = 0;
  while (c < corpusHits.length || r < views.length) {
    if (r === views.length || (c < corpusHits.length && corpusHits[c]!.score >= fromReading[r]!.score)) {
      hits.push(corpusHits[c++]!);
      continue;
    }
    const quote = views[r];
    if (quote) hits.push({ quote, score: fromReading[r]!.score, highlights: highlights(quote.text, words) });
    r++;
  }
  return ok({ hits, ...suggested, total: corpus.total + own.total });
}
