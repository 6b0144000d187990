import type { Span } from '../protocol/views';
import type { TermRecord } from '../store/schema';
import { lowerBound } from '../store/sorted';
import { fold, WORD as WORD_PATTERN, type QueryWord } from './normalize';
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
 * many there were. Scores pack with the rank into one number (`key`), kept
 * in a bounded heap of the best `limit` so far: a person with 30,000 quotes
 * costs a pass, not a sort of all of them, and a candidate that cannot beat
 * the worst kept one skips its phrase check. Keys are unique (one per rank),
 * so the hits and their order are those of sorting every candidate.
 * `spokenBy` flags, by rank, quotes said by the query's people.
 */
export function rank(
  words: QueryWord[],
  matches: WordMatches[],
  candidates: readonly number[],
  spokenBy: Uint8Array,
  limit: number,
  positionsOf: PositionsOf = positions,
): { top: Ranked[]; total: number } {
  const best = new TopKeys(limit);
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
    const score = matched * WORD + (spokenBy[n] ? SPEAKER : 0) + quality;
    // One word is a phrase of itself, whether it matched in the text or through a person.
    const phrase = all && best.admits(key(score + PHRASE, n)) && (words.length === 1 || isPhrase(matches, n, positionsOf));
    best.offer(key(phrase ? score + PHRASE : score, n));
  }
  const top = best.sorted().map((k) => ({ n: k % RANKS, score: SCORE_CEILING - Math.floor(k / RANKS) }));
  return { top, total: candidates.length };
}

/** Smaller is better: a higher score, then a newer quote. */
function key(score: number, n: number): number {
  return (SCORE_CEILING - score) * RANKS + n;
}

/** The `limit` smallest keys offered, in a max-heap (its root is the worst kept). */
class TopKeys {
  private readonly heap: Float64Array;
  private size = 0;

  constructor(private readonly limit: number) {
    this.heap = new Float64Array(Math.max(0, limit));
  }

  /** Whether a key this small would be kept. */
  admits(k: number): boolean {
    return this.size < this.limit || k < this.heap[0]!;
  }

  offer(k: number): void {
    const heap = this.heap;
    if (this.size < this.limit) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (heap[parent]! >= k) break;
        heap[i] = heap[parent]!;
        i = parent;
      }
      heap[i] = k;
    } else if (this.limit > 0 && k < heap[0]!) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= this.size) break;
        const right = left + 1;
        const larger = right < this.size && heap[right]! > heap[left]! ? right : left;
        if (heap[larger]! <= k) break;
        heap[i] = heap[larger]!;
        i = larger;
      }
      heap[i] = k;
    }
  }

  sorted(): number[] {
    return Array.from(this.heap.subarray(0, this.size)).sort((a, b) => a - b);
  }
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
  for (const match of text.matchAll(WORD_PATTERN)) {
    const folded = foldWord(match[0]);
    if (words.some((w) => (w.prefix ? folded.startsWith(w.fold) : folded === w.fold))) spans.push([match.index, match.index + match[0].length]);
  }
  return spans;
}

/** Distinct words folded for highlights; emptied when full, which a language's common words refill at once. */
const FOLDED_WORDS = 50_000;
const folded = new Map<string, string>();

/**
 * `fold` through a memo: every answer highlights up to a page of quotes, and
 * folding their words one by one (Unicode decomposition and two replaces per
 * word) was a tenth of a search at 1,000×, spent on the same few thousand words.
 */
function foldWord(word: string): string {
  let out = folded.get(word);
  if (out === undefined) {
    if (folded.size >= FOLDED_WORDS) folded.clear();
    out = fold(word);
    folded.set(word, out);
  }
  return out;
}
