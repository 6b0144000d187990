import type { Lang, NameForm, Office, Person, Summit } from '../schema/index-schema';
import { decodeInput, type InputFile } from './decode';
import { CorpusError } from './errors';
import { isIsoDay } from './iso-day';
import { parseLocatedJson, type LocatedJson } from './json-located';

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

/**
 * Parses and validates `people.json` and `summits.json`. Every problem is a
 * CorpusError naming the file and the line where the offending entry starts,
 * because these files are edited by hand.
 */
export function loadGazetteer(peopleFile: InputFile, summitsFile: InputFile): Gazetteer {
  const peopleSrc = located(peopleFile);
  const summitsSrc = located(summitsFile);
  const { people, distractors } = readPeople(peopleFile.file, peopleSrc);
  const summits = readSummits(summitsFile.file, summitsSrc, new Set(people.map((p) => p.id)));
  return { people, summits, offices: [], distractors };
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

function readPeople(file: string, src: LocatedJson): { people: Person[]; distractors: string[] } {
  const c = new Checker(file, src);
  const root = c.object(src.value, '');
  const seen = new Set<string>();
  const fullOwner = new Map<string, string>();
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
    return {
      id,
      name: c.string(o, at, 'name').normalize('NFC'),
      aliases: [...new Set(names.map((nf) => nf.form))],
      names,
      role: c.string(o, at, 'role'),
      roleEn: c.string(o, at, 'roleEn'),
      country: c.string(o, at, 'country'),
      terms: [],
    };
  });
  const distractors = c.strings(root, '', 'distractors').map((s) => s.normalize('NFC'));
  return { people, distractors };
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
    const title = c.object(o.title, `${at}/title`);
    return {
      id,
      date,
      endDate,
      place: c.string(o, at, 'place'),
      city: c.string(o, at, 'city'),
      venue: c.nullableString(o, at, 'venue'),
      country: c.string(o, at, 'country'),
      participants,
      title: { vi: c.string(title, `${at}/title`, 'vi'), en: c.string(title, `${at}/title`, 'en') },
      aliases: c.strings(o, at, 'aliases').map((s) => s.normalize('NFC')),
      places: c.strings(o, at, 'places').map((s) => s.normalize('NFC')),
      outcome: null,
    };
  });
}
