import { tokenize } from '../search/normalize';
import type { ReadingQuote } from './ingest';

/** What search filters and cards need of a quote, without its text. */
export type QuoteKey = Pick<ReadingQuote, 'id' | 'document' | 'date' | 'speaker' | 'mentions' | 'summit'>;

/**
 * One article's word index, stored next to its quotes and written in the same
 * transaction, so a worker that wakes reads finished indexes instead of
 * tokenizing every quote again (decision 0062). It is derived from the quote
 * records alone; hand corrections are applied when it is read.
 *
 * Term t's occurrences are `[ends[t - 1] ?? 0, ends[t])` in `quote` (the
 * quote's place in `quotes`), `position` (its word index) and `spelling`
 * (index in `spellings`, the accented forms), in quote then word order.
 * Typed arrays, the two word lists and the quote keys, each one string,
 * clone as single blocks: lists of strings and of small objects took twice as
 * long to read back.
 */
export interface ReadingPostings {
  document: string;
  /** The article's quote keys in text order, as JSON of `[id, date, speaker, summit, mentions]` rows (`readKeys`). */
  quotes: string;
  /** Folded terms in code-unit order, so a prefix's terms are one range; joined by SEPARATOR. */
  terms: string;
  ends: Uint32Array;
  quote: Uint16Array;
  position: Uint16Array;
  spelling: Uint16Array;
  /** Joined by SEPARATOR. */
  spellings: string;
}

/** Never part of a word (`tokenize` splits at white space). */
export const SEPARATOR = '\n';

/** Quotes in an article, words in a quote and spellings in an article: the counts the 16-bit lists hold. */
const MAX_COUNT = 0xffff;

type KeyRow = [id: string, date: string | null, speaker: string | null, summit: string | null, mentions: string[]];

/** The quote keys an article's word index holds, in its quote order. */
export function readKeys(postings: ReadingPostings): QuoteKey[] {
  return (JSON.parse(postings.quotes) as KeyRow[]).map(([id, date, speaker, summit, mentions]) => ({ id, document: postings.document, date, speaker, summit, mentions }));
}

/** The word index of one article's quotes (all of one document, in any order). */
export function postingsOf(document: string, quotes: readonly ReadingQuote[]): ReadingPostings {
  if (quotes.length > MAX_COUNT) throw new Error(`an article with ${quotes.length} quotes is more than its word index can hold`);
  const byTerm = new Map<string, number[]>();
  const spellings: string[] = [];
  const spellingAt = new Map<string, number>();
  const ordered = [...quotes].sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1));
  ordered.forEach((q, n) => {
    if (q.document !== document) throw new Error(`quote "${q.id}" is not of document "${document}"`);
    const tokens = tokenize(q.text);
    if (tokens.length > MAX_COUNT) throw new Error(`quote "${q.id}" has ${tokens.length} words, more than its article's word index can hold`);
    tokens.forEach((token, position) => {
      let spelling = spellingAt.get(token.toned);
      if (spelling === undefined) {
        spelling = spellings.push(token.toned) - 1;
        spellingAt.set(token.toned, spelling);
      }
      const list = byTerm.get(token.fold);
      if (list) list.push(n, position, spelling);
      else byTerm.set(token.fold, [n, position, spelling]);
    });
  });
  if (spellings.length > MAX_COUNT) throw new Error(`article "${document}" has ${spellings.length} spellings, more than its word index can hold`);
  const terms = [...byTerm.keys()].sort();
  const total = terms.reduce((sum, t) => sum + byTerm.get(t)!.length / 3, 0);
  const out: ReadingPostings = {
    document,
    quotes: JSON.stringify(ordered.map((q): KeyRow => [q.id, q.date, q.speaker, q.summit, q.mentions])),
    terms: terms.join(SEPARATOR),
    ends: new Uint32Array(terms.length),
    quote: new Uint16Array(total),
    position: new Uint16Array(total),
    spelling: new Uint16Array(total),
    spellings: spellings.join(SEPARATOR),
  };
  let k = 0;
  terms.forEach((term, t) => {
    const list = byTerm.get(term)!;
    for (let i = 0; i < list.length; i += 3, k++) {
      out.quote[k] = list[i]!;
      out.position[k] = list[i + 1]!;
      out.spelling[k] = list[i + 2]!;
    }
    out.ends[t] = k;
  });
  return out;
}

/** Each document's word index, for quotes of any documents. */
export function postingsByDocument(quotes: readonly ReadingQuote[]): ReadingPostings[] {
  const groups = new Map<string, ReadingQuote[]>();
  for (const q of quotes) {
    const group = groups.get(q.document);
    if (group) group.push(q);
    else groups.set(q.document, [q]);
  }
  return [...groups].map(([document, group]) => postingsOf(document, group));
}
