import type { SharedEvidence } from '../schema/lexicon';
import type { Term } from '../schema/index-schema';
import { foldForm } from './normalize';

/**
 * The evidence a bare surname that other people share (Clinton, Bush, Ford)
 * needs before it names a gazetteer person, read from the text around it:
 * a role phrase right before it and the dates printed on the page. The
 * resolver keeps the page-wide part (full names, verdicts of other
 * occurrences) as counters; see resolve.ts.
 */

/** Words looked at before a surname for a role; the longest office phrase has six. */
const ROLE_WORDS = 6;
/** A one-word role shorter than this is a form of address (`ông`, `Mr`), not an office. */
const MIN_ONE_WORD_ROLE = 5;

const UPPER = /\p{Lu}/u;

/**
 * Is the surname ending at `end` the first word of another proper name
 * (`Ford Focus`, `Ford Motor`, `Clinton Foundation`, `Bush Intercontinental`)?
 * A capitalised word right after it says so; a person's name is followed by a
 * verb, a comma or a lower-case word far more often.
 */
export function beforeOtherName(text: string, end: number): boolean {
  return text.charAt(end) === ' ' && UPPER.test(text.charAt(end + 1));
}

/**
 * Reads office phrases right before a surname, whole or cut to their title:
 * `Tổng thống Mỹ Bush`, `US President Bush`, and also `Tổng thống Bush`,
 * `President Bush`, `президента Буша`, `Vice President Bush`, which the press
 * writes without the country. A title is the first words of an office phrase
 * (vi, ru: `Tổng thống` of `Tổng thống Mỹ`) or its last words (en:
 * `President` of `US President`). The longest title wins, then the phrase it
 * leaves least of: `Vice President` is not read as `President`, nor
 * `President` as `US Vice President`, nor `Tổng thống Mỹ` as `Phó Tổng thống Mỹ`.
 */
export class RoleReader {
  private readonly forms: { office: string; folded: string }[] = [];
  /** Every word of every phrase: a surname after a word not among them ("said Bush", "ông Bush") has no role, and costs one fold to find out. */
  private readonly words = new Set<string>();

  constructor(offices: SharedEvidence['offices']) {
    for (const [office, forms] of Object.entries(offices)) {
      for (const form of forms) {
        const folded = foldForm(form);
        this.forms.push({ office, folded });
        for (const word of folded.split(' ')) this.words.add(word);
      }
    }
  }

  /** The offices the words right before `start` name (empty when they name none). */
  officesBefore(text: string, start: number): string[] {
    if (this.forms.length === 0) return [];
    const words = wordsBefore(text, start).map(foldForm);
    if (words.length === 0 || !this.words.has(words[words.length - 1]!)) return [];
    for (let j = words.length; j >= 1; j--) {
      const phrase = words.slice(-j).join(' ');
      if (j === 1 && phrase.length < MIN_ONE_WORD_ROLE) break;
      let found = new Set<string>();
      let least = Infinity;
      for (const { office, folded } of this.forms) {
        if (!(folded === phrase || folded.startsWith(`${phrase} `) || folded.endsWith(` ${phrase}`))) continue;
        const left = folded.length - phrase.length;
        if (left < least) {
          least = left;
          found = new Set();
        }
        if (left === least) found.add(office);
      }
      if (found.size > 0) return [...found];
    }
    return [];
  }
}

/** Up to ROLE_WORDS words right before `start` on its line, each one space from the next. */
function wordsBefore(text: string, start: number): string[] {
  const words: string[] = [];
  let end = start;
  while (words.length < ROLE_WORDS && end > 0 && (text.charAt(end - 1) === ' ' || text.charAt(end - 1) === '\u00a0')) {
    let a = end - 1;
    while (a > 0 && !/\s/.test(text.charAt(a - 1))) a--;
    if (a === end - 1) break;
    words.unshift(text.slice(a, end - 1));
    end = a;
  }
  return words;
}

/** What a page says about when it is: its published day and the years printed in a mention's sentence. */
export interface PageDates {
  day: string | null;
  years: readonly number[];
}

const YEAR = /(?<![\p{L}\p{N}])(1[6-9]\d\d|20\d\d)(?![\p{L}\p{N}])/gu;

/** Years printed in `text` (`năm 1989`, `в 2002 году`, `16/6/2001`), not parts of longer numbers or words. */
export function yearsIn(text: string): number[] {
  return [...text.matchAll(YEAR)].map((m) => Number(m[1]));
}

function yearIn(term: Term, year: number): boolean {
  return Number(term.from.slice(0, 4)) <= year && (term.to === null || year <= Number(term.to.slice(0, 4)));
}

/**
 * Do `dates` fall in `terms` (in `office`, when given)? The published day
 * must fall inside one. Printed years must all fall inside some term, one of
 * them inside one in `office`: a sentence that also prints a year outside
 * the person's time (`the 1976 Granada, sold until 1985`) is not dated by them.
 */
export function inTerm(terms: readonly Term[], dates: PageDates, office?: string): boolean {
  const inOffice = terms.filter((t) => office === undefined || t.office === office);
  const day = dates.day;
  if (day !== null && inOffice.some((t) => t.from <= day && (t.to === null || day <= t.to))) return true;
  if (dates.years.length === 0 || !dates.years.every((y) => terms.some((t) => yearIn(t, y)))) return false;
  return dates.years.some((y) => inOffice.some((t) => yearIn(t, y)));
}

/**
 * The one person among `candidates` the local evidence singles out, or -1.
 * A role counts for whoever held it; when several did (`President Bush`), the
 * dates decide among them. Without a role, the dates alone decide.
 * `termsOf(c)` gives a candidate's terms (empty when the lexicon has none).
 */
export function singledOut(candidates: readonly number[], roles: readonly string[], dates: PageDates, termsOf: (c: number) => readonly Term[]): { person: number; byRole: boolean } {
  if (roles.length > 0) {
    let held = candidates.filter((c) => termsOf(c).some((t) => roles.includes(t.office)));
    if (held.length > 1) held = held.filter((c) => roles.some((office) => inTerm(termsOf(c), dates, office)));
    return { person: held.length === 1 ? held[0]! : -1, byRole: true };
  }
  const dated = candidates.filter((c) => inTerm(termsOf(c), dates));
  return { person: dated.length === 1 ? dated[0]! : -1, byRole: false };
}
