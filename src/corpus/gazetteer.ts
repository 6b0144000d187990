import type { Lang, NameForm, Office, Person, PlaceNames, Summit, Term } from '../schema/index-schema';
import { decodeInput, type InputFile } from './decode';
import { CorpusError } from './errors';
import { isIsoDay } from './iso-day';
import { parseLocatedJson, type LocatedJson } from './json-located';
import { formKey } from './offices';

/** The validated reference data the pipeline resolves names and summits against. */
export interface Gazetteer {
  people: Person[];
  summits: Summit[];
  offices: Office[];
  distractors: string[];
}

const LANGS: readonly Lang[] = ['vi', 'en', 'ru'];
const KINDS: readonly NameForm['kind'][] = ['full', 'short', 'epithet'];
const ID = /^[a-z][a-z0-9-]*$/;
/** Office ids start with the country or body they belong to: `us-president`, `nato-secretary-general`. */
const OFFICE_ID = /^[a-z]+(?:-[a-z0-9]+)+$/;

/**
 * Parses and validates `people.json`, `summits.json` and `offices.json`.
 * Every problem is a CorpusError naming the file and the line where the
 * offending entry starts, because these files are edited by hand. Offices
 * are required: without them the people's terms could not be checked.
 */
export function loadGazetteer(peopleFile: InputFile, summitsFile: InputFile, officesFile: InputFile): Gazetteer {
  const offices = readOffices(officesFile.file, located(officesFile));
  const { people, distractors } = readPeople(peopleFile.file, located(peopleFile), offices);
  const summits = readSummits(summitsFile.file, located(summitsFile), new Set(people.map((p) => p.id)));
  return { people, summits, offices, distractors };
}

function located(input: InputFile): LocatedJson {
  return parseLocatedJson(input.file, decodeInput(input));
}

class Checker {
  constructor(
    private readonly file: string,
    private readonly src: LocatedJson,
  ) {}

  fail(pointer: string, why: string): never {
    throw new CorpusError(this.file, this.src.lineOf(pointer), why);
  }

  object(v: unknown, pointer: string): Record<string, unknown> {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(pointer, `${pointer || 'document'} must be an object`);
    return v as Record<string, unknown>;
  }

  array(v: unknown, pointer: string, field: string): unknown[] {
    if (!Array.isArray(v)) this.fail(pointer, `missing or non-array field "${field}"`);
    return v as unknown[];
  }

  string(obj: Record<string, unknown>, pointer: string, field: string): string {
    const v = obj[field];
    if (typeof v !== 'string' || v.trim() === '') this.fail(pointer, `missing or empty field "${field}"`);
    return v as string;
  }

  nullableString(obj: Record<string, unknown>, pointer: string, field: string): string | null {
    if (!(field in obj)) this.fail(pointer, `missing field "${field}"`);
    const v = obj[field];
    if (v === null) return null;
    if (typeof v !== 'string' || v.trim() === '') this.fail(pointer, `field "${field}" must be a non-empty string or null`);
    return v as string;
  }

  strings(obj: Record<string, unknown>, pointer: string, field: string): string[] {
    const arr = this.array(obj[field], pointer, field);
    return arr.map((s, k) => {
      if (typeof s !== 'string' || s.trim() === '') this.fail(`${pointer}/${field}/${k}`, `"${field}" must hold non-empty strings`);
      return s as string;
    });
  }

  boolean(obj: Record<string, unknown>, pointer: string, field: string): boolean {
    const v = obj[field];
    if (typeof v !== 'boolean') this.fail(pointer, `missing or non-boolean field "${field}"`);
    return v as boolean;
  }

  /** `{ vi, en }` display text. */
  bilingual(obj: Record<string, unknown>, pointer: string, field: string): { vi: string; en: string } {
    const at = `${pointer}/${field}`;
    const o = this.object(obj[field], at);
    return { vi: this.string(o, at, 'vi').normalize('NFC'), en: this.string(o, at, 'en').normalize('NFC') };
  }

  day(obj: Record<string, unknown>, pointer: string, field: string, nullable: boolean): string | null {
    const v = obj[field];
    if (nullable && v === null) return null;
    if (!(field in obj)) this.fail(pointer, `missing field "${field}"`);
    if (!isIsoDay(v)) this.fail(`${pointer}/${field}`, `invalid date in "${field}": ${JSON.stringify(v)}`);
    return v as string;
  }

  id(obj: Record<string, unknown>, pointer: string, seen: Set<string>): string {
    const id = this.string(obj, pointer, 'id');
    if (!ID.test(id)) this.fail(pointer, `id "${id}" must be lowercase letters, digits and dashes`);
    if (seen.has(id)) this.fail(pointer, `duplicate id "${id}"`);
    seen.add(id);
    return id;
  }
}

function readOffices(file: string, src: LocatedJson): Office[] {
  const c = new Checker(file, src);
  const root = c.object(src.value, '');
  const seen = new Set<string>();
  const formOwner = new Map<string, string>();
  return c.array(root.offices, '', 'offices').map((raw, n): Office => {
    const at = `/offices/${n}`;
    const o = c.object(raw, at);
    const id = c.id(o, at, seen);
    if (!OFFICE_ID.test(id)) c.fail(at, `office id "${id}" must start with its country or body, e.g. "us-president"`);
    const forms = c.array(o.forms, at, 'forms').map((rawForm, k) => {
      const fat = `${at}/forms/${k}`;
      const f = c.object(rawForm, fat);
      const form = c.string(f, fat, 'form').normalize('NFC');
      const lang = c.string(f, fat, 'lang') as Lang;
      if (!LANGS.includes(lang)) c.fail(fat, `unknown lang "${lang}"`);
      // One phrase naming two offices could never be resolved by date.
      const key = formKey(form);
      const owner = formOwner.get(key);
      if (owner !== undefined) c.fail(fat, owner === id ? `form "${form}" is listed twice in "${id}"` : `form "${form}" of "${id}" already names "${owner}"`);
      formOwner.set(key, id);
      return { form, lang };
    });
    for (const lang of LANGS) if (!forms.some((f) => f.lang === lang)) c.fail(at, `office "${id}" has no ${lang} form`);
    return {
      id,
      country: c.string(o, at, 'country'),
      leader: c.boolean(o, at, 'leader'),
      shared: c.boolean(o, at, 'shared'),
      title: c.bilingual(o, at, 'title'),
      forms,
    };
  });
}

function readTerms(c: Checker, o: Record<string, unknown>, at: string, officeIds: Set<string>): Term[] {
  return c.array(o.terms, at, 'terms').map((raw, k): Term => {
    const tat = `${at}/terms/${k}`;
    const t = c.object(raw, tat);
    const office = c.string(t, tat, 'office');
    if (!officeIds.has(office)) c.fail(tat, `unknown office "${office}"`);
    const from = c.day(t, tat, 'from', false)!;
    const to = c.day(t, tat, 'to', true);
    if (to !== null && to < from) c.fail(tat, `term in "${office}" ends (${to}) before it starts (${from})`);
    return { office, from, to };
  });
}

/**
 * Two terms in one office may only touch on a handover day, unless the office
 * is shared; one person's own terms in an office never overlap at all.
 */
function checkTerms(c: Checker, people: Person[], offices: Office[]): void {
  const shared = new Set(offices.filter((o) => o.shared).map((o) => o.id));
  const byOffice = new Map<string, { id: string; n: number; k: number; term: Term }[]>();
  people.forEach((p, n) =>
    p.terms.forEach((term, k) => {
      const list = byOffice.get(term.office) ?? [];
      list.push({ id: p.id, n, k, term });
      byOffice.set(term.office, list);
    }),
  );
  for (const [office, list] of byOffice) {
    list.sort((a, b) => (a.term.from < b.term.from ? -1 : a.term.from > b.term.from ? 1 : 0));
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        const samePerson = a.id === b.id;
        if (shared.has(office) && !samePerson) continue;
        const end = a.term.to;
        const overlaps = end === null || end > b.term.from || (samePerson && end === b.term.from);
        if (overlaps) {
          const who = samePerson ? `"${a.id}" twice` : `"${a.id}" (${a.term.from}–${end ?? 'now'}) and "${b.id}" (from ${b.term.from})`;
          c.fail(`/people/${b.n}/terms/${b.k}`, `overlapping terms in "${office}": ${who}`);
        }
      }
    }
  }
}

/** `gender` is optional and, where given, `f`: the gazetteer's people are men unless marked. */
function readGender(c: Checker, o: Record<string, unknown>, at: string): 'f' | null {
  if (o.gender === undefined) return null;
  if (o.gender !== 'f') c.fail(`${at}/gender`, 'gender must be "f" (a man has none)');
  return 'f';
}

function readPeople(file: string, src: LocatedJson, offices: Office[]): { people: Person[]; distractors: string[] } {
  const c = new Checker(file, src);
  const root = c.object(src.value, '');
  const seen = new Set<string>();
  const fullOwner = new Map<string, string>();
  const officeIds = new Set(offices.map((o) => o.id));
  const people = c.array(root.people, '', 'people').map((raw, n): Person => {
    const at = `/people/${n}`;
    const o = c.object(raw, at);
    const id = c.id(o, at, seen);
    const names = c.array(o.names, at, 'names').map((rawName, k): NameForm => {
      const nat = `${at}/names/${k}`;
      const nf = c.object(rawName, nat);
      const form = c.string(nf, nat, 'form');
      const lang = c.string(nf, nat, 'lang') as Lang;
      const kind = c.string(nf, nat, 'kind') as NameForm['kind'];
      if (!LANGS.includes(lang)) c.fail(nat, `unknown lang "${lang}"`);
      if (!KINDS.includes(kind)) c.fail(nat, `unknown kind "${kind}"`);
      if (kind !== 'short') {
        // A full name or epithet shared by two people could never be resolved.
        const owner = fullOwner.get(form.toLowerCase());
        if (owner && owner !== id) c.fail(nat, `name "${form}" of "${id}" already names "${owner}"`);
        fullOwner.set(form.toLowerCase(), id);
      }
      return { form: form.normalize('NFC'), lang, kind };
    });
    if (names.length === 0) c.fail(at, `person "${id}" has no names`);
    const sharedSurname = readSharedSurname(c, o, at, names);
    return {
      id,
      name: c.string(o, at, 'name').normalize('NFC'),
      aliases: [...new Set(names.map((nf) => nf.form))],
      names,
      role: c.string(o, at, 'role'),
      roleEn: c.string(o, at, 'roleEn'),
      country: c.string(o, at, 'country'),
      ...(readGender(c, o, at) === 'f' ? { gender: 'f' as const } : {}),
      terms: readTerms(c, o, at, officeIds),
      ...(sharedSurname ? { sharedSurname } : {}),
    };
  });
  checkTerms(c, people, offices);
  checkSharedShortForms(c, people);
  const distractors = c.strings(root, '', 'distractors').map((s) => s.normalize('NFC'));
  return { people, distractors };
}

/** A short form two people share is a shared surname by construction: the file must say so on both. */
function checkSharedShortForms(c: Checker, people: Person[]): void {
  const owner = new Map<string, number>();
  people.forEach((p, n) => {
    for (const name of p.names) {
      if (name.kind !== 'short') continue;
      const key = name.form.toLowerCase();
      const first = owner.get(key);
      if (first === undefined) owner.set(key, n);
      else if (first !== n && !(p.sharedSurname && people[first]!.sharedSurname)) {
        c.fail(`/people/${p.sharedSurname ? first : n}`, `short form "${name.form}" is shared by "${people[first]!.id}" and "${p.id}": mark both "sharedSurname": true`);
      }
    }
  });
}

/** Optional; a person marked so must have a short form for the mark to be about. */
function readSharedSurname(c: Checker, o: Record<string, unknown>, at: string, names: NameForm[]): boolean {
  if (!('sharedSurname' in o)) return false;
  const shared = o.sharedSurname;
  if (typeof shared !== 'boolean') c.fail(`${at}/sharedSurname`, `"sharedSurname" must be true or false, not ${JSON.stringify(shared)}`);
  if (shared && !names.some((n) => n.kind === 'short')) c.fail(at, `"sharedSurname" is set but person "${String(o.id)}" has no short form`);
  return shared;
}

function readSummits(file: string, src: LocatedJson, personIds: Set<string>): Summit[] {
  const c = new Checker(file, src);
  const root = c.object(src.value, '');
  const seen = new Set<string>();
  return c.array(root.summits, '', 'summits').map((raw, n): Summit => {
    const at = `/summits/${n}`;
    const o = c.object(raw, at);
    const id = c.id(o, at, seen);
    const date = c.day(o, at, 'date', false)!;
    const endDate = c.day(o, at, 'endDate', true);
    if (endDate !== null && endDate < date) c.fail(`${at}/endDate`, `endDate ${endDate} is before date ${date}`);
    const participants = c.strings(o, at, 'participants');
    participants.forEach((p, k) => {
      if (!personIds.has(p)) c.fail(`${at}/participants/${k}`, `unknown person id "${p}" in summit "${id}"`);
    });
    if (participants.length < 2) c.fail(at, `summit "${id}" needs at least two participants`);
    const placeNames = readPlace(c, o, at);
    return {
      id,
      date,
      endDate,
      place: placeNames.vi,
      placeNames,
      city: c.string(o, at, 'city'),
      venue: c.nullableString(o, at, 'venue'),
      country: c.string(o, at, 'country'),
      participants,
      title: c.bilingual(o, at, 'title'),
      aliases: c.strings(o, at, 'aliases').map((s) => s.normalize('NFC')),
      places: c.strings(o, at, 'places').map((s) => s.normalize('NFC')),
      outcome: readOutcome(c, o, at),
    };
  });
}

/**
 * `place` is written in each language of the pages (`{ vi, en, ru }`), so
 * every interface shows it in its reader's language; the index keeps the
 * Vietnamese one as `place` (the contract's string) and all three as
 * `placeNames`.
 */
function readPlace(c: Checker, o: Record<string, unknown>, at: string): PlaceNames {
  const pat = `${at}/place`;
  if (typeof o.place !== 'object' || o.place === null || Array.isArray(o.place)) {
    c.fail('place' in o ? pat : at, `"place" of summit "${String(o.id)}" must give it in each language: { "vi": …, "en": …, "ru": … }`);
  }
  const place = o.place as Record<string, unknown>;
  const names = Object.fromEntries(LANGS.map((lang) => [lang, c.string(place, pat, lang).normalize('NFC')]));
  return { vi: names.vi!, en: names.en!, ru: names.ru! };
}

/** `outcome` must be present: null says the gazetteer knows no result, which is not the same as forgetting the field. */
function readOutcome(c: Checker, o: Record<string, unknown>, at: string): Summit['outcome'] {
  if (!('outcome' in o)) c.fail(at, 'missing field "outcome" (null when unknown)');
  return o.outcome === null ? null : c.bilingual(o, at, 'outcome');
}
