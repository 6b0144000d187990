import type { Span } from '../protocol/views';
import { tokenize, type QueryWord } from './normalize';

/** How one query word matched one quote. */
export interface WordHit {
  /** Word positions in the quote where the word (or, for the last word, a word it begins) occurs. */
  positions: number[];
  /** Some occurrence is the whole word, not only a longer word it begins. */
  whole: boolean;
  /** Some occurrence has the accents the user typed (only counted when they typed accents). */
  accented: boolean;
  /** The word names a person the quote is said by or mentions. */
  viaPerson: boolean;
}

export type WordHits = Map<number, WordHit>;

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
 * of objects with a comparator took tens.
 */
export function rank(words: QueryWord[], hits: WordHits[], candidates: Iterable<number>, spokenBy: Set<number>, limit: number): { top: Ranked[]; total: number } {
  const keys: number[] = [];
  for (const n of candidates) {
    let matched = 0;
    let quality = 0;
    for (let i = 0; i < words.length; i++) {
      const hit = hits[i]!.get(n);
      if (!hit) continue;
      matched++;
      if (hit.whole || hit.viaPerson) quality++;
      if (words[i]!.marked && hit.accented) quality++;
    }
    const all = words.length > 0 && matched === words.length;
    // One word is a phrase of itself, whether it matched in the text or through a person.
    const phrase = all && (words.length === 1 || isPhrase(hits, n));
    const score = (phrase ? PHRASE : 0) + matched * WORD + (spokenBy.has(n) ? SPEAKER : 0) + quality;
    keys.push((SCORE_CEILING - score) * RANKS + n);
  }
  const sorted = Float64Array.from(keys).sort();
  const top: Ranked[] = [];
  for (let i = 0; i < Math.min(limit, sorted.length); i++) {
    const key = sorted[i]!;
    top.push({ n: key % RANKS, score: SCORE_CEILING - Math.floor(key / RANKS) });
  }
  return { top, total: keys.length };
}

/**
 * The words that matched in the text stand next to each other in query order.
 * Words that matched through a person the quote involves are left out, so
 * `Putin hòa bình` is a phrase match for Putin saying "hòa bình".
 */
function isPhrase(hits: WordHits[], n: number): boolean {
  const sequence = hits.map((h) => h.get(n)!).filter((hit) => !hit.viaPerson);
  if (sequence.length === 0) return true;
  const later = sequence.slice(1).map((hit) => new Set(hit.positions));
  return sequence[0]!.positions.some((start) => later.every((positions, k) => positions.has(start + k + 1)));
}

/** Ranges in `text` (original spelling, diacritics kept) of the words the query matched. */
export function highlights(text: string, words: QueryWord[]): Span[] {
  const spans: Span[] = [];
  for (const token of tokenize(text)) {
    if (words.some((w) => (w.prefix ? token.fold.startsWith(w.fold) : token.fold === w.fold))) spans.push([token.start, token.end]);
  }
  return spans;
}
