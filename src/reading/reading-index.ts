import type { Person } from '../schema/index-schema';
import { PREFIX_TERMS } from '../search/search';
import { lowerBound } from '../store/sorted';
import { correctKey, type CorrectedQuote, type QuoteCorrection } from './corrections';
import { readKeys, SEPARATOR, type QuoteKey, type ReadingPostings } from './postings';
import { byRecency } from './recency';

/** Ranks for a card, each list ascending (newest first): the leaders' own words, then the rest. */
export interface CardOrder {
  leading: readonly number[];
  rest: readonly number[];
}

/** Where a term occurs: by occurrence, the quote's recency rank (ascending), the word's position in it and which of `forms` (accents) it was written with. */
export interface Occurrences {
  quotes: Int32Array;
  positions: Uint16Array;
  form: Uint16Array;
  /** The term's spellings by their `toned` key. */
  forms: string[];
}

/**
 * The user's quotes as search and cards see them, made from the articles'
 * stored word indexes (`ReadingPostings`) when the background first needs
 * them: quote keys with the hand corrections applied, in recency order (a
 * quote's rank is its place in `keys`), person and summit → ranks, and, per
 * term a query asks for, its occurrences across the articles by rank (kept
 * for the next query). Nothing is tokenized here: a wake with 1,000 articles
 * stored costs one read of their indexes (decision 0062).
 */
export class ReadingIndex {
  readonly keys: QuoteKey[];
  /** The quotes read in full so far (by search and cards for what they show, then all of them once a wake has answered), corrected, by id. */
  readonly full = new Map<string, CorrectedQuote>();
  /** Per article, its quotes' ranks in its own quote order. */
  private readonly ranks: Int32Array[];
  private readonly people = new Map<string, number[]>();
  /** Of `people`: the quotes the person said, and the others that mention them. */
  private readonly said = new Map<string, number[]>();
  private readonly mentionedOnly = new Map<string, number[]>();
  private readonly summits = new Map<string, number[]>();
  /** A summit's quotes split for its card (its leaders' own words, the rest), made at the card's first showing. */
  private readonly summitSplits = new Map<string, CardOrder>();
  private readonly merged = new Map<string, Occurrences>();
  /** Term → the articles it occurs in, and the terms sorted for prefixes; made in slices after the load or at once by the first search, which cards never wait for. */
  private vocabulary: { articles: Map<string, number[]>; sorted: string[] } | null = null;
  /** The term map as far as `prepare` has made it: the first `mapped` articles' terms. */
  private readonly partial = new Map<string, number[]>();
  private mapped = 0;
  /** Per article, its terms and spellings as lists, split when first needed. */
  private readonly termLists: string[][] = [];
  private readonly spellingLists: string[][] = [];

  constructor(
    private readonly postings: readonly ReadingPostings[],
    readonly corrections: ReadonlyMap<string, QuoteCorrection>,
    people: readonly Person[],
  ) {
    const all: { key: QuoteKey; doc: number; at: number }[] = [];
    this.ranks = postings.map((p, doc) => {
      const keys = readKeys(p);
      keys.forEach((key, at) => all.push({ key: correctKey(key, corrections.get(key.id), people), doc, at }));
      return new Int32Array(keys.length);
    });
    const ordered = byRecency(all, (e) => e.key);
    this.keys = ordered.map((e) => e.key);
    ordered.forEach((e, n) => {
      this.ranks[e.doc]![e.at] = n;
      const speaker = e.key.speaker;
      if (speaker !== null) {
        push(this.people, speaker, n);
        push(this.said, speaker, n);
      }
      for (const id of new Set(e.key.mentions)) {
        if (id === speaker) continue;
        push(this.people, id, n);
        push(this.mentionedOnly, id, n);
      }
      if (e.key.summit !== null) push(this.summits, e.key.summit, n);
    });
  }

  get size(): number {
    return this.keys.length;
  }

  /**
   * The terms that equal `fold`, or, when `prefix`, the first `PREFIX_TERMS`
   * in key order that begin with it (as the index's own search takes them),
   * with where they occur.
   */
  termsFor(fold: string, prefix: boolean): { term: string; occurrences: Occurrences }[] {
    const { articles, sorted } = this.words();
    if (!prefix) return articles.has(fold) ? [{ term: fold, occurrences: this.occurrences(fold) }] : [];
    const out: { term: string; occurrences: Occurrences }[] = [];
    for (let i = lowerBound(sorted, fold); i < sorted.length && sorted[i]!.startsWith(fold) && out.length < PREFIX_TERMS; i++) {
      out.push({ term: sorted[i]!, occurrences: this.occurrences(sorted[i]!) });
    }
    return out;
  }

  /**
   * Makes the term → articles map for the next `articles` articles, as the
   * first search would for all of them; true once it is complete. The service
   * calls it in tasks of its own after the load has answered, so a search or
   * card arriving meanwhile waits for one slice, not for the whole map.
   */
  prepare(articles: number): boolean {
    if (this.mapped === this.postings.length) {
      // The terms' sort, a slice of its own.
      this.words();
      return true;
    }
    this.mapUpTo(Math.min(this.postings.length, this.mapped + articles));
    return false;
  }

  private mapUpTo(end: number): void {
    for (; this.mapped < end; this.mapped++) for (const term of this.termsOf(this.mapped)) push(this.partial, term, this.mapped);
  }

  private words(): { articles: Map<string, number[]>; sorted: string[] } {
    if (!this.vocabulary) {
      this.mapUpTo(this.postings.length);
      this.vocabulary = { articles: this.partial, sorted: [...this.partial.keys()].sort() };
    }
    return this.vocabulary;
  }

  /** Ranks of the quotes said by or mentioning the person, ascending. */
  involving(person: string): readonly number[] {
    return this.people.get(person) ?? [];
  }

  /** Ranks of the quotes at the summit, ascending. */
  atSummit(summit: string): readonly number[] {
    return this.summits.get(summit) ?? [];
  }

  /** A person card's order of the person's quotes: their own words, then those that mention them. */
  personOrder(person: string): CardOrder {
    return { leading: this.said.get(person) ?? [], rest: this.mentionedOnly.get(person) ?? [] };
  }

  /**
   * A summit card's order of the summit's quotes: those said by one of
   * `leaders`, then the rest. Split once per summit and leaders (they come
   * from the live index), so a card shown again walks none of them.
   */
  summitOrder(summit: string, leaders: readonly string[]): CardOrder {
    const key = `${summit}\n${leaders.join('\n')}`;
    let order = this.summitSplits.get(key);
    if (!order) {
      const leading: number[] = [];
      const rest: number[] = [];
      for (const n of this.atSummit(summit)) {
        const speaker = this.keys[n]!.speaker;
        (speaker !== null && leaders.includes(speaker) ? leading : rest).push(n);
      }
      order = { leading, rest };
      this.summitSplits.set(key, order);
    }
    return order;
  }

  private termsOf(doc: number): string[] {
    const p = this.postings[doc]!;
    return (this.termLists[doc] ??= p.terms === '' ? [] : p.terms.split(SEPARATOR));
  }

  /** Merged in one counting pass by rank: a sort of 10,000 rows made a term's first query several times slower than the next. */
  private occurrences(term: string): Occurrences {
    const known = this.merged.get(term);
    if (known) return known;
    const docs = this.words().articles.get(term) ?? [];
    const ranges = docs.map((doc) => {
      const t = lowerBound(this.termsOf(doc), term);
      return { doc, from: t === 0 ? 0 : this.postings[doc]!.ends[t - 1]!, to: this.postings[doc]!.ends[t]! };
    });
    // starts[n] becomes where quote n's occurrences begin; each quote's stay in word order.
    const starts = new Uint32Array(this.size + 1);
    for (const { doc, from, to } of ranges) {
      const quote = this.postings[doc]!.quote;
      for (let k = from; k < to; k++) starts[this.ranks[doc]![quote[k]!]! + 1]!++;
    }
    for (let n = 1; n <= this.size; n++) starts[n]! += starts[n - 1]!;
    const total = starts[this.size]!;
    const found: Occurrences = { quotes: new Int32Array(total), positions: new Uint16Array(total), form: new Uint16Array(total), forms: [] };
    const formOf = new Map<string, number>();
    for (const { doc, from, to } of ranges) {
      const p = this.postings[doc]!;
      const spellings = (this.spellingLists[doc] ??= p.spellings.split(SEPARATOR));
      for (let k = from; k < to; k++) {
        const n = this.ranks[doc]![p.quote[k]!]!;
        const spelling = spellings[p.spelling[k]!]!;
        let form = formOf.get(spelling);
        if (form === undefined) {
          form = found.forms.push(spelling) - 1;
          formOf.set(spelling, form);
        }
        const at = starts[n]!++;
        found.quotes[at] = n;
        found.positions[at] = p.position[k]!;
        found.form[at] = form;
      }
    }
    this.merged.set(term, found);
    return found;
  }
}

function push(map: Map<string, number[]>, key: string, n: number): void {
  const list = map.get(key);
  if (list) list.push(n);
  else map.set(key, [n]);
}

/** Word positions in quote `n` of the given terms' occurrences, ascending per term. */
export function positionsIn(terms: readonly { occurrences: Occurrences }[], n: number): number[] {
  const out: number[] = [];
  for (const { occurrences } of terms) {
    for (let k = lowerBound(occurrences.quotes, n); occurrences.quotes[k] === n; k++) out.push(occurrences.positions[k]!);
  }
  return out;
}
