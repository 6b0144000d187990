import type { TermRecord } from '../store/schema';
import { fold, toned, WORD } from './normalize';

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
  /**
   * Each spelling's fold and toned form, computed once: an index of 1.7 M
   * words has about 30,000 spellings, and folding every occurrence anew made
   * most of the garbage (and the collector's pauses) of a large seed.
   */
  private readonly spellings = new Map<string, { fold: string; toned: string }>();
  occurrences = 0;

  /** Quotes must be added in increasing `n`: postings stay sorted without a sort. */
  add(n: number, text: string): void {
    let position = 0;
    for (const [word] of text.matchAll(WORD)) {
      let spelling = this.spellings.get(word);
      if (!spelling) {
        spelling = { fold: fold(word), toned: toned(word) };
        this.spellings.set(word, spelling);
      }
      let term = this.terms.get(spelling.fold);
      if (!term) {
        term = { quotes: [], starts: [], occ: [], forms: new Map() };
        this.terms.set(spelling.fold, term);
      }
      if (term.quotes[term.quotes.length - 1] !== n) {
        term.quotes.push(n);
        term.starts.push(term.occ.length);
      }
      let form = term.forms.get(spelling.toned);
      if (form === undefined) {
        form = term.forms.size < FORM_OTHER ? term.forms.size : FORM_OTHER;
        if (form < FORM_OTHER) term.forms.set(spelling.toned, form);
      }
      term.occ.push(position * 32 + form);
      position++;
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

/** An occurrence is stored as `position * 32 + form` (see `TermRecord`): its word position and spelling. */
export const positionOf = (occurrence: number) => occurrence >>> 5;
export const formOf = (occurrence: number) => occurrence & 31;
