import { tokenize } from '../search/normalize';
import { lowerBound } from '../store/sorted';
import type { CorrectedQuote } from './corrections';

/** Where a term occurs: by occurrence, the quote's recency rank (ascending), the word's position in it and which of `forms` (accents) it was written with. */
export interface Occurrences {
  quotes: number[];
  positions: number[];
  form: number[];
  /** The term's spellings by their `toned` key. */
  forms: string[];
}

/**
 * The user's quotes as a word index, built once when the background reads
 * them (and again after every change): folded term → where it occurs, and
 * person → the quotes said by or mentioning them. A search then touches only
 * the quotes its words and people lead to; scanning every quote's words took
 * 10–20 ms a query with 1,000 articles stored (decision 0042). Occurrences are
 * plain number lists, not a token object per word, so 8,000 quotes cost the
 * worker's heap little. Ranks are positions in `quotes`, which are in recency order.
 */
export class ReadingIndex {
  private readonly terms = new Map<string, Occurrences>();
  /** The terms in code-unit order, so a prefix's terms are one range. */
  private readonly sorted: string[];
  private readonly people = new Map<string, number[]>();

  constructor(readonly quotes: readonly CorrectedQuote[]) {
    quotes.forEach((quote, n) => {
      tokenize(quote.text).forEach((token, position) => {
        let found = this.terms.get(token.fold);
        if (!found) {
          found = { quotes: [], positions: [], form: [], forms: [] };
          this.terms.set(token.fold, found);
        }
        let form = found.forms.indexOf(token.toned);
        if (form < 0) form = found.forms.push(token.toned) - 1;
        found.quotes.push(n);
        found.positions.push(position);
        found.form.push(form);
      });
      for (const id of new Set([...(quote.speaker === null ? [] : [quote.speaker]), ...quote.mentions])) {
        const list = this.people.get(id);
        if (list) list.push(n);
        else this.people.set(id, [n]);
      }
    });
    this.sorted = [...this.terms.keys()].sort();
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

/** Word positions in quote `n` of the given terms' occurrences, ascending per term. */
export function positionsIn(terms: readonly { occurrences: Occurrences }[], n: number): number[] {
  const out: number[] = [];
  for (const { occurrences } of terms) {
    for (let k = lowerBound(occurrences.quotes, n); occurrences.quotes[k] === n; k++) out.push(occurrences.positions[k]!);
  }
  return out;
}
