import type { TermRecord } from '../store/schema';
import { tokenize } from './normalize';

export const FORM_OTHER = 31;

interface Building {
  quotes: number[];
  starts: number[];
  occ: number[];
  forms: Map<string, number>;
}

/** Builds the inverted index one quote at a time, so seeding can yield between quotes. */
export class PostingsBuilder {
  private readonly terms = new Map<string, Building>();
  occurrences = 0;

  /** Quotes must be added in increasing `n`: postings stay sorted without a sort. */
  add(n: number, text: string): void {
    const tokens = tokenize(text);
    for (let position = 0; position < tokens.length; position++) {
      const token = tokens[position]!;
      let term = this.terms.get(token.fold);
      if (!term) {
        term = { quotes: [], starts: [], occ: [], forms: new Map() };
        this.terms.set(token.fold, term);
      }
      if (term.quotes[term.quotes.length - 1] !== n) {
        term.quotes.push(n);
        term.starts.push(term.occ.length);
      }
      let form = term.forms.get(token.toned);
      if (form === undefined) {
        form = term.forms.size < FORM_OTHER ? term.forms.size : FORM_OTHER;
        if (form < FORM_OTHER) term.forms.set(token.toned, form);
      }
      term.occ.push(position * 32 + form);
      this.occurrences++;
    }
  }

  get size(): number {
    return this.terms.size;
  }

  *records(): Generator<TermRecord> {
    for (const [term, b] of this.terms) {
      yield {
        term,
        quotes: Uint32Array.from(b.quotes),
        starts: Uint32Array.from([...b.starts, b.occ.length]),
        occ: Uint32Array.from(b.occ),
        forms: [...b.forms.keys()],
      };
    }
  }
}

/** Word positions of posting `i`, each with whether its spelling is `form`. */
export function occurrences(record: TermRecord, i: number): { position: number; form: number }[] {
  const out: { position: number; form: number }[] = [];
  for (let k = record.starts[i]!; k < record.starts[i + 1]!; k++) {
    const value = record.occ[k]!;
    out.push({ position: Math.floor(value / 32), form: value % 32 });
  }
  return out;
}
