import { tokenize, type Token } from '../search/normalize';
import { lowerBound } from '../store/sorted';
import type { CorrectedQuote } from './corrections';

/** Where a term occurs: by occurrence, the quote's recency rank and the accents it was written with. */
interface Occurrences {
  quotes: number[];
  toned: string[];
}

/**
 * The user's quotes as a word index, built once when the background reads
 * them (and again after every change): folded term → the quotes it occurs
 * in, and person → the quotes said by or mentioning them. A search then
 * touches only the quotes its words and people name; scanning every quote's
 * words took 10–20 ms a query with 1,000 articles stored (decision 0042).
 * Ranks are positions in `quotes`, which are in recency order.
 */
export class ReadingIndex {
  private readonly terms = new Map<string, Occurrences>();
  /** The terms in code-unit order, so a prefix's terms are one range. */
  private readonly sorted: string[];
  private readonly people = new Map<string, number[]>();
  private readonly tokens: Token[][];

  constructor(readonly quotes: readonly CorrectedQuote[]) {
    this.tokens = quotes.map((q) => tokenize(q.text));
    this.tokens.forEach((tokens, n) => {
      for (const token of tokens) {
        let found = this.terms.get(token.fold);
        if (!found) {
          found = { quotes: [], toned: [] };
          this.terms.set(token.fold, found);
        }
        found.quotes.push(n);
        found.toned.push(token.toned);
      }
      const quote = quotes[n]!;
      for (const id of new Set([...(quote.speaker === null ? [] : [quote.speaker]), ...quote.mentions])) {
        const list = this.people.get(id);
        if (list) list.push(n);
        else this.people.set(id, [n]);
      }
    });
    this.sorted = [...this.terms.keys()].sort();
  }

  /** The words of quote `n`, with their folded and toned keys. */
  tokensOf(n: number): readonly Token[] {
    return this.tokens[n]!;
  }

  /** The terms that equal `fold`, or that begin with it when `prefix`, with where they occur. */
  termsFor(fold: string, prefix: boolean): { term: string; occurrences: Occurrences }[] {
    if (!prefix) {
      const occurrences = this.terms.get(fold);
      return occurrences ? [{ term: fold, occurrences }] : [];
    }
    const out: { term: string; occurrences: Occurrences }[] = [];
    for (let i = lowerBound(this.sorted, fold); i < this.sorted.length && this.sorted[i]!.startsWith(fold); i++) {
      const term = this.sorted[i]!;
      out.push({ term, occurrences: this.terms.get(term)! });
    }
    return out;
  }

  /** Ranks of the quotes said by or mentioning the person, ascending. */
  involving(person: string): readonly number[] {
    return this.people.get(person) ?? [];
  }
}
