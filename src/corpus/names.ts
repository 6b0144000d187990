import type { Person } from '../schema/index-schema';
import type { Gazetteer } from './gazetteer';
import { russianCaseForms } from '../matcher/russian-inflection';
import { NAME_PREFIXES, PRONOUNS, ROLE_PHRASES } from './roles';

/**
 * Every way a text refers to a person: a gazetteer name or epithet, an office
 * (`Tổng thống Nga`), a pronoun (`ông`), or a distractor (`Melania Trump`,
 * which contains a name but is someone else).
 */
export interface Mention {
  start: number;
  end: number;
  kind: 'name' | 'epithet' | 'role' | 'pronoun' | 'distractor';
  /** Person for names and epithets; null otherwise until resolved. */
  person: string | null;
  /** Country of a role phrase. */
  country: string | null;
  /** Role phrase naming a head of state or government. */
  leader: boolean;
}

interface Entry {
  form: string;
  /** The form after its first character, which the index key already matched. */
  rest: string;
  kind: Mention['kind'] | 'prefix';
  person: string | null;
  country: string | null;
  leader: boolean;
  /**
   * Names are case-sensitive; descriptions (`ông chủ Điện Kremlin`) may also
   * start a sentence, so their first letter matches in either case.
   */
  caseInsensitive: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const CYRILLIC = /[\u0400-\u04FF]/;

/**
 * Scans text once, trying at each word start only the forms that begin with
 * that character (longest first), so cost grows with the text, not with the
 * size of the gazetteer.
 */
export class NameMatcher {
  private readonly byFirst = new Map<string, Entry[]>();
  /** Code units, in both cases, that can start a form: most positions are rejected by one lookup. */
  private readonly firstChars = new Set<number>();

  constructor(gazetteer: Gazetteer) {
    const add = (e: Omit<Entry, 'rest'>) => {
      const entry = { ...e, rest: e.form.slice(1) };
      const key = e.form[0]!.toLowerCase();
      const list = this.byFirst.get(key) ?? [];
      list.push(entry);
      this.byFirst.set(key, list);
      for (const ch of [key, key.toUpperCase(), entry.form[0]!]) this.firstChars.add(ch.charCodeAt(0));
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
    for (const r of ROLE_PHRASES) add({ form: r.form, kind: 'role', person: null, country: r.country, leader: r.leader, caseInsensitive: true });
    for (const p of PRONOUNS) add({ form: p, kind: 'pronoun', person: null, country: null, leader: false, caseInsensitive: true });
    for (const p of NAME_PREFIXES) add({ form: p, kind: 'prefix', person: null, country: null, leader: false, caseInsensitive: false });
    for (const list of this.byFirst.values()) list.sort((a, b) => b.form.length - a.form.length);
  }

  find(text: string): Mention[] {
    const raw: { start: number; end: number; entry: Entry }[] = [];
    for (let i = 0; i < text.length; ) {
      if (!this.firstChars.has(text.charCodeAt(i)) || (i > 0 && WORD_CHAR.test(text[i - 1]!))) {
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
    const candidates = this.byFirst.get(text[i]!.toLowerCase());
    if (!candidates) return null;
    for (const c of candidates) {
      if (!(c.caseInsensitive || text[i] === c.form[0]) || !text.startsWith(c.rest, i + 1)) continue;
      const after = text[i + c.form.length];
      if (after === undefined || !WORD_CHAR.test(after)) return c;
    }
    return null;
  }
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
  return { start, end, kind: e.kind === 'prefix' ? 'pronoun' : e.kind, person: e.person, country: e.kind === 'role' ? e.country : null, leader: e.leader };
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
