import type { Person } from '../schema/index-schema';
import type { Gazetteer } from './gazetteer';
import { russianCaseForms } from '../matcher/russian-inflection';
import { COUNTERPARTS, LOWERCASE_PRONOUNS, NAME_PREFIXES, OFFICE_NOUNS, PRONOUNS } from './roles';

/**
 * Every way a text refers to a person: a gazetteer name or epithet, an office
 * (`Tổng thống Nga`), a pronoun (`ông`), or a distractor (`Melania Trump`,
 * which contains a name but is someone else).
 */
export interface Mention {
  start: number;
  end: number;
  kind: 'name' | 'epithet' | 'role' | 'pronoun' | 'distractor' | 'stranger';
  /** Person for names and epithets; null otherwise until resolved. */
  person: string | null;
  /** Country of a role phrase. */
  country: string | null;
  /** Role phrase naming a head of state or government. */
  leader: boolean;
  /** Office a role phrase names; its holder on the day decides who is meant. */
  office?: string;
  /** Offices an office noun (`the secretary`) may point back to a holder of. */
  offices?: string[];
  /** A person outside the gazetteer, as written (`Lindsey Graham`). */
  name?: string;
}

interface Entry {
  form: string;
  /** The form after its first character, which the index key already matched. */
  rest: string;
  kind: Mention['kind'] | 'prefix';
  person: string | null;
  country: string | null;
  leader: boolean;
  office?: string;
  offices?: string[];
  /**
   * Names are case-sensitive; descriptions (`ông chủ Điện Kremlin`) may also
   * start a sentence, so their first letter matches in either case.
   */
  caseInsensitive: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** WORD_CHAR's answer per code unit, learnt on first sight (0 unknown, 1 word, 2 not): the scan asks it at every word start. */
const wordUnits = new Uint8Array(0x10000);

function isWordUnit(code: number): boolean {
  let known = wordUnits[code]!;
  if (known === 0) known = wordUnits[code] = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1;
}
const CYRILLIC = /[\u0400-\u04FF]/;

/**
 * Scans text once, trying at each word start only the forms that begin with
 * that character (longest first), so cost grows with the text, not with the
 * size of the gazetteer.
 */
export class NameMatcher {
  /**
   * Forms by their first character (lower case), longest first, then split
   * by their second code unit: where dozens of forms share a first letter
   * (`t`, `с`), a position only tries the few that also share the next one.
   * Forms of one character stay apart, after all longer ones.
   */
  private readonly bySecond = new Map<string, { next: Map<string, Entry[]>; single: Entry[] }>();
  /** Code units, in both cases, that can start a form: most positions are rejected by one lookup. */
  private readonly firstChars = new Uint8Array(0x10000);

  constructor(gazetteer: Gazetteer) {
    const byFirst = new Map<string, Entry[]>();
    const add = (e: Omit<Entry, 'rest'>) => {
      const entry = { ...e, rest: e.form.slice(1) };
      const key = e.form[0]!.toLowerCase();
      const list = byFirst.get(key) ?? [];
      list.push(entry);
      byFirst.set(key, list);
      for (const ch of [key, key.toUpperCase(), entry.form[0]!]) this.firstChars[ch.charCodeAt(0)] = 1;
    };
    for (const p of gazetteer.people) {
      for (const n of p.names) {
        const kind = n.kind === 'epithet' ? 'epithet' : 'name';
        // Russian text names a person in any of six cases (`по словам Лаврова`, `с Путиным`).
        const forms = kind === 'name' && CYRILLIC.test(n.form) ? russianCaseForms(n.form, { kind: 'person' }) : [n.form];
        for (const form of forms) add({ form, kind, person: p.id, country: p.country, leader: false, caseInsensitive: n.kind === 'epithet' });
      }
    }
    for (const d of gazetteer.distractors) add({ form: d, kind: 'distractor', person: null, country: null, leader: false, caseInsensitive: false });
    for (const o of gazetteer.offices) {
      for (const f of o.forms) {
        for (const form of f.lang === 'en' ? caseVariants(f.form.normalize('NFC')) : [f.form.normalize('NFC')]) add({ form, kind: 'role', person: null, country: o.country, leader: o.leader, office: o.id, caseInsensitive: true });
      }
    }
    for (const c of COUNTERPARTS) add({ form: c.form, kind: 'role', person: null, country: c.country, leader: true, caseInsensitive: true });
    for (const n of OFFICE_NOUNS) add({ form: n.form, kind: 'pronoun', person: null, country: null, leader: false, offices: n.offices, caseInsensitive: true });
    for (const p of LOWERCASE_PRONOUNS) add({ form: p, kind: 'pronoun', person: null, country: null, leader: false, caseInsensitive: false });
    for (const p of PRONOUNS) add({ form: p, kind: 'pronoun', person: null, country: null, leader: false, caseInsensitive: true });
    for (const p of NAME_PREFIXES) add({ form: p, kind: 'prefix', person: null, country: null, leader: false, caseInsensitive: false });
    for (const [key, list] of byFirst) {
      list.sort((a, b) => b.form.length - a.form.length);
      const split = { next: new Map<string, Entry[]>(), single: [] as Entry[] };
      for (const entry of list) {
        if (entry.rest === '') {
          split.single.push(entry);
          continue;
        }
        const next = split.next.get(entry.rest[0]!) ?? [];
        next.push(entry);
        split.next.set(entry.rest[0]!, next);
      }
      this.bySecond.set(key, split);
    }
  }

  find(text: string): Mention[] {
    const raw: { start: number; end: number; entry: Entry }[] = [];
    for (let i = 0; i < text.length; ) {
      if (this.firstChars[text.charCodeAt(i)] === 0 || (i > 0 && isWordUnit(text.charCodeAt(i - 1)))) {
        i++;
        continue;
      }
      const entry = this.matchAt(text, i);
      if (entry) {
        raw.push({ start: i, end: i + entry.form.length, entry });
        i += entry.form.length;
      } else i++;
    }
    return mergePrefixes(text, raw);
  }

  private matchAt(text: string, i: number): Entry | null {
    const split = this.bySecond.get(text[i]!.toLowerCase());
    if (!split) return null;
    // Every longer form precedes every one-character form in the longest-first order.
    return firstMatch(split.next.get(text[i + 1]!), text, i) ?? firstMatch(split.single, text, i);
  }
}

function firstMatch(candidates: Entry[] | undefined, text: string, i: number): Entry | null {
  if (!candidates) return null;
  for (const c of candidates) {
    if (!(c.caseInsensitive || text[i] === c.form[0]) || !text.startsWith(c.rest, i + 1)) continue;
    const after = i + c.form.length;
    if (after >= text.length || !isWordUnit(text.charCodeAt(after))) return c;
  }
  return null;
}

/**
 * A title or honorific directly before a name belongs to the name
 * (`Tổng thống Nga Vladimir Putin`, `ông Trump`); otherwise a prefix is
 * dropped, and a role phrase or pronoun stands on its own.
 */
function mergePrefixes(text: string, raw: { start: number; end: number; entry: Entry }[]): Mention[] {
  const out: Mention[] = [];
  for (let k = 0; k < raw.length; k++) {
    const cur = raw[k]!;
    let start = cur.start;
    let j = k;
    // Chain prefixes and titles: `ông chủ…`, `Tổng thống Mỹ Donald Trump`, `người đồng cấp Nga Putin`.
    while (j + 1 < raw.length && ['prefix', 'role', 'pronoun'].includes(raw[j]!.entry.kind) && text.slice(raw[j]!.end, raw[j + 1]!.start) === ' ') j++;
    const last = raw[j]!;
    if (j > k && (last.entry.kind === 'name' || last.entry.kind === 'epithet' || last.entry.kind === 'distractor')) {
      out.push(toMention(start, last.end, last.entry));
      k = j;
      continue;
    }
    if (cur.entry.kind === 'prefix') {
      // Bare `ông`/`bà` with no name after it stands for someone already named.
      if (/^(?:ông|bà|ngài)$/iu.test(cur.entry.form)) out.push({ start, end: cur.end, kind: 'pronoun', person: null, country: null, leader: false });
      continue;
    }
    out.push(toMention(start, cur.end, cur.entry));
  }
  return out;
}

function toMention(start: number, end: number, e: Entry): Mention {
  const m: Mention = { start, end, kind: e.kind === 'prefix' ? 'pronoun' : e.kind, person: e.person, country: e.kind === 'role' ? e.country : null, leader: e.leader };
  if (e.office) m.office = e.office;
  if (e.offices) m.offices = e.offices;
  return m;
}

/**
 * A role phrase as written and in the other casing news uses: `US Secretary
 * of State` and `the US secretary of state`. Acronyms (`US`, `NATO`, `МИД`)
 * keep their capitals.
 */
function caseVariants(form: string): string[] {
  const words = form.split(' ');
  const lower = words.map((w, i) => (i === 0 || w === w.toUpperCase() ? w : w.toLowerCase())).join(' ');
  const title = words.map((w) => (/^(?:of|the|for|on|and)$/u.test(w) || w === w.toUpperCase() ? w : w[0]!.toUpperCase() + w.slice(1))).join(' ');
  return [...new Set([form, lower, title])];
}

const matchers = new WeakMap<Gazetteer, NameMatcher>();

/**
 * The matcher of a gazetteer, built once: building it (every form, Russian
 * case forms included) costs more than reading an article, and the extension
 * reads one article at a time.
 */
export function nameMatcherFor(gazetteer: Gazetteer): NameMatcher {
  let matcher = matchers.get(gazetteer);
  if (!matcher) {
    matcher = new NameMatcher(gazetteer);
    matchers.set(gazetteer, matcher);
  }
  return matcher;
}

/** People by id, for the modules that resolve mentions. */
export function peopleById(people: Person[]): Map<string, Person> {
  return new Map(people.map((p) => [p.id, p]));
}
