import type { Span } from '../protocol/views';
import type { TermRecord } from '../store/schema';
import { lowerBound } from '../store/sorted';
import { tokenize, type QueryWord } from './normalize';
import { positionOf } from './postings';

/** How a query word matched a quote, as bits in `WordMatches.flags`. */
export const TEXT = 1;
/** Some occurrence is the whole word, not only a longer word it begins. */
export const WHOLE = 2;
/** Some occurrence has the accents the user typed (only counted when they typed accents). */
export const ACCENTED = 4;
/** The word names a person the quote is said by or mentions. */
export const VIA_PERSON = 8;
/** More than one of the word's terms occur in the quote (a prefix: `dinh` in `định` and `đỉnh`). */
export const TERMS = 16;

/**
 * Everything one query word matched, by quote rank. Flags live in one typed
 * array over all ranks and positions are read from the postings only for the
 * quotes a phrase check needs: a common word or a person matches tens of
 * thousands of quotes at 1,000×, and an object and a positions array per
 * quote made most of a search's time and garbage.
 */
export interface WordMatches {
  flags: Uint8Array;
  /** Ranks with any flag, each once, in the order found. */
  ranks: number[];
  /** The postings the word matched in the text. */
  terms: TermRecord[];
  /**
   * By rank, the index in `terms` of the term that occurs in the quote, when
   * one does (else `TERMS` is set): a phrase check then searches one postings
   * list, not all 128 a short prefix can match.
   */
  termOf: Uint8Array;
}

export function emptyMatches(quotes: number): WordMatches {
  return { flags: new Uint8Array(quotes), ranks: [], terms: [], termOf: new Uint8Array(quotes) };
}

export interface Ranked {
  n: number;
  score: number;
}

/**
 * Score tiers, highest first: the words as an exact phrase, then how many words
 * matched, then the query's person being the speaker, then whole-word and
 * accent-exact matches. Each tier outweighs everything below it; ties go to the
 * newer quote (smaller recency rank `n`).
 */
const PHRASE = 10_000;
const WORD = 100;
const SPEAKER = 50;

/** Ranks fit in 26 bits and scores in 15, so (score, rank) packs into one exactly representable double. */
const RANKS = 2 ** 26;
const SCORE_CEILING = 2 ** 15;

/**
 * Scores every candidate and returns the best `limit`, best first, with how
 * many there were. Candidates sort as packed numbers in a typed array: a
 * person with 25,000 quotes is sorted in a few milliseconds, where an array
 * of objects with a comparator took tens. `spokenBy` flags, by rank, quotes
 * said by the query's people.
 */
export function rank(
  words: QueryWord[],
  matches: WordMatches[],
  candidates: readonly number[],
  spokenBy: Uint8Array,
  limit: number,
  positionsOf: PositionsOf = positions,
): { top: Ranked[]; total: number } {
  const keys = new Float64Array(candidates.length);
  for (let c = 0; c < candidates.length; c++) {
    const n = candidates[c]!;
    let matched = 0;
    let quality = 0;
    for (let i = 0; i < words.length; i++) {
      const flags = matches[i]!.flags[n]!;
      if (flags === 0) continue;
      matched++;
      if (flags & (WHOLE | VIA_PERSON)) quality++;
      if (words[i]!.marked && flags & ACCENTED) quality++;
    }
    const all = words.length > 0 && matched === words.length;
    // One word is a phrase of itself, whether it matched in the text or through a person.
    const phrase = all && (words.length === 1 || isPhrase(matches, n, positionsOf));
    const score = (phrase ? PHRASE : 0) + matched * WORD + (spokenBy[n] ? SPEAKER : 0) + quality;
    keys[c] = (SCORE_CEILING - score) * RANKS + n;
  }
  keys.sort();
  const top: Ranked[] = [];
  for (let i = 0; i < Math.min(limit, keys.length); i++) {
    const key = keys[i]!;
    top.push({ n: key % RANKS, score: SCORE_CEILING - Math.floor(key / RANKS) });
  }
  return { top, total: keys.length };
}

/**
 * Word positions in quote `n` where a word matched. The index reads them from
 * its postings; quotes outside the index (the user's reading) bring their own.
 */
export type PositionsOf = (match: WordMatches, n: number) => number[];

/** Word positions in quote `n` where the word's matched terms occur. */
function positions(match: WordMatches, n: number): number[] {
  const out: number[] = [];
  for (const term of match.flags[n]! & TERMS ? match.terms : [match.terms[match.termOf[n]!]!]) {
    const i = lowerBound(term.quotes, n);
    if (term.quotes[i] !== n) continue;
    for (let k = term.starts[i]!; k < term.starts[i + 1]!; k++) out.push(positionOf(term.occ[k]!));
  }
  return out;
}

/**
 * The words that matched in the text stand next to each other in query order.
 * Words that matched through a person the quote involves are left out, so
 * `Putin hòa bình` is a phrase match for Putin saying "hòa bình".
 */
function isPhrase(matches: WordMatches[], n: number, positionsOf: PositionsOf): boolean {
  const sequence = matches.filter((m) => !(m.flags[n]! & VIA_PERSON));
  if (sequence.length === 0) return true;
  const later = sequence.slice(1).map((m) => positionsOf(m, n));
  return positionsOf(sequence[0]!, n).some((start) => later.every((at, k) => at.includes(start + k + 1)));
}

/** Ranges in `text` (original spelling, diacritics kept) of the words the query matched. */
export function highlights(text: string, words: QueryWord[]): Span[] {
  const spans: Span[] = [];
  for (const token of tokenize(text)) {
    if (words.some((w) => (w.prefix ? token.fold.startsWith(w.fold) : token.fold === w.fold))) spans.push([token.start, token.end]);
  }
  return spans;
}
