import type { Office, Person, Summit, SummitIndex, Term } from './index-schema';

/**
 * How strongly a surface form names its entity; the matcher uses it to decide
 * how much page context a hit needs before it counts as a mention.
 */
export type Strength = 'full' | 'short' | 'epithet' | 'alias' | 'place';

export interface LexiconEntry {
  form: string;
  kind: 'person' | 'summit';
  id: string;
  strength: Strength;
  /** A short form other people in the news share (the person's `sharedSurname`): it names them only with evidence on the page. */
  shared?: true;
}

/**
 * What a page can give as evidence for a person with a shared surname: their
 * terms (a date on the page inside one) and the phrases of the offices they
 * held (a role before the surname). Only those people's, so the lexicon sent
 * to every tab grows by a few dozen phrases, not by the whole office list.
 */
export interface SharedEvidence {
  terms: Record<string, Term[]>;
  offices: Record<string, string[]>;
}

/**
 * Everything the content script needs to detect mentions, and nothing more:
 * it is sent to every tab, so it carries no quotes or documents.
 */
export interface Lexicon {
  entries: LexiconEntry[];
  distractors: string[];
  /** Participants of each summit, so a place counts only next to its leaders. */
  participants: Record<string, string[]>;
  /**
   * Year of each summit: a year printed on the page is what tells two summits
   * in one city apart (Geneva 1985 and 2021) when the leaders alone do not.
   * Optional so that a lexicon without it still matches, with that tie-break lost.
   */
  years?: Record<string, number>;
  /** Optional so that a lexicon without it still matches: a shared surname then needs the person's full name on the page. */
  evidence?: SharedEvidence;
  /**
   * Its Russian names and places already come in all their cases (see
   * `withRussianCases`): the background declines them once per worker, so no
   * tab pays for it while a page loads.
   */
  declined?: true;
}

/**
 * The lexicon's share of some people and summits. The database stores the
 * lexicon as parts like this, so no single record (and no single structured
 * clone while seeding) grows with the size of the index.
 */
export interface LexiconPart {
  entries: LexiconEntry[];
  participants: Record<string, string[]>;
  years: Record<string, number>;
  evidence?: SharedEvidence;
}

/** `offices` gives the role phrases of people with a shared surname; without it only their terms go in. */
export function lexiconPart(people: readonly Person[], summits: readonly Summit[], offices: readonly Office[] = []): LexiconPart {
  const entries: LexiconEntry[] = [];
  const evidence: SharedEvidence = { terms: {}, offices: {} };
  for (const person of people) {
    const shared = person.sharedSurname === true;
    for (const name of person.names) {
      const entry: LexiconEntry = { form: name.form, kind: 'person', id: person.id, strength: name.kind };
      if (shared && name.kind === 'short') entry.shared = true;
      entries.push(entry);
    }
    if (!shared) continue;
    evidence.terms[person.id] = person.terms;
    for (const term of person.terms) {
      const office = offices.find((o) => o.id === term.office);
      if (office !== undefined) evidence.offices[office.id] = office.forms.map((f) => f.form);
    }
  }
  const participants: Record<string, string[]> = {};
  const years: Record<string, number> = {};
  for (const summit of summits) {
    participants[summit.id] = summit.participants;
    years[summit.id] = Number(summit.date.slice(0, 4));
    for (const form of summit.aliases) entries.push({ form, kind: 'summit', id: summit.id, strength: 'alias' });
    for (const form of summit.places) entries.push({ form, kind: 'summit', id: summit.id, strength: 'place' });
  }
  return { entries, participants, years, evidence };
}

export function joinLexicon(parts: readonly LexiconPart[], distractors: string[]): Lexicon {
  const lexicon: Required<Omit<Lexicon, 'declined'>> = { entries: [], distractors, participants: {}, years: {}, evidence: { terms: {}, offices: {} } };
  for (const part of parts) {
    for (const entry of part.entries) lexicon.entries.push(entry);
    Object.assign(lexicon.participants, part.participants);
    Object.assign(lexicon.years, part.years);
    // A part stored before shared surnames existed has no evidence.
    Object.assign(lexicon.evidence.terms, part.evidence?.terms);
    Object.assign(lexicon.evidence.offices, part.evidence?.offices);
  }
  return lexicon;
}

export function buildLexicon(index: Pick<SummitIndex, 'people' | 'summits' | 'distractors'> & Partial<Pick<SummitIndex, 'offices'>>): Lexicon {
  return joinLexicon([lexiconPart(index.people, index.summits, index.offices)], index.distractors);
}

/**
 * The lexicon as a message carries it to a tab: a few strings and number
 * lists instead of an object per form. Browsers copy a message value by value,
 * so 126,000 entry objects (the lexicon of the 1,000× benchmark index) took
 * the background most of a second; the same forms as one string take a few
 * milliseconds. At the real size both are instant.
 */
export interface PackedLexicon {
  /** Every form, separated by newlines (a name never holds one). */
  forms: string;
  /** Per form, what it names: an index into `ids`. */
  refs: number[];
  /** Per form, one letter: its kind and strength (`CODES`). */
  codes: string;
  /** Each entity id once. */
  ids: string[];
  distractors: string[];
  /** Summits with participants or a year, as indexes into `ids`. */
  summits: number[];
  /** Per summit in `summits`: its year (0 when the lexicon had none). */
  years: number[];
  /** Per summit in `summits`: how many of `participants` are its own, in order; -1 when it has no participant list. */
  participantCounts: number[];
  /** The participants of every summit in `summits`, one after another, as indexes into `ids`. */
  participants: number[];
  /** Indexes of the forms marked `shared`. */
  shared: number[];
  /** `Lexicon.evidence` as JSON ('' when the lexicon has none): a few dozen terms and phrases, not worth lists of their own. */
  evidence: string;
  /** `Lexicon.declined`. */
  declined?: true;
}

const CODES: readonly [LexiconEntry['kind'], Strength][] = [
  ['person', 'full'],
  ['person', 'short'],
  ['person', 'epithet'],
  ['person', 'alias'],
  ['person', 'place'],
  ['summit', 'full'],
  ['summit', 'short'],
  ['summit', 'epithet'],
  ['summit', 'alias'],
  ['summit', 'place'],
];
const CODE_LETTERS = 'abcdefghij';

export function packLexicon(lexicon: Lexicon): PackedLexicon {
  const ids: string[] = [];
  const at = new Map<string, number>();
  const ref = (id: string) => {
    let i = at.get(id);
    if (i === undefined) {
      i = ids.length;
      ids.push(id);
      at.set(id, i);
    }
    return i;
  };
  const forms: string[] = [];
  const refs: number[] = [];
  let codes = '';
  const shared: number[] = [];
  lexicon.entries.forEach((entry, i) => {
    if (entry.form.includes('\n')) throw new Error(`a lexicon form holds a newline: ${JSON.stringify(entry.form)}`);
    if (entry.shared) shared.push(i);
    forms.push(entry.form);
    refs.push(ref(entry.id));
    codes += CODE_LETTERS[CODES.findIndex(([kind, strength]) => kind === entry.kind && strength === entry.strength)];
  });
  const evidence = lexicon.evidence === undefined ? '' : JSON.stringify(lexicon.evidence);
  const packed: PackedLexicon = { forms: forms.join('\n'), refs, codes, ids, distractors: [...lexicon.distractors], summits: [], years: [], participantCounts: [], participants: [], shared, evidence };
  if (lexicon.declined) packed.declined = true;
  for (const summit of new Set([...Object.keys(lexicon.participants), ...Object.keys(lexicon.years ?? {})])) {
    const people = lexicon.participants[summit];
    packed.summits.push(ref(summit));
    packed.years.push(lexicon.years?.[summit] ?? 0);
    packed.participantCounts.push(people ? people.length : -1);
    for (const person of people ?? []) packed.participants.push(ref(person));
  }
  return packed;
}

export function unpackLexicon(packed: PackedLexicon): Lexicon {
  const forms = packed.forms === '' ? [] : packed.forms.split('\n');
  if (forms.length !== packed.refs.length || forms.length !== packed.codes.length) throw new Error('a packed lexicon whose lists differ in length');
  const entries: LexiconEntry[] = forms.map((form, i) => {
    const [kind, strength] = CODES[CODE_LETTERS.indexOf(packed.codes[i]!)]!;
    return { form, kind, id: packed.ids[packed.refs[i]!]!, strength };
  });
  for (const i of packed.shared) entries[i]!.shared = true;
  const participants: Record<string, string[]> = {};
  const years: Record<string, number> = {};
  let next = 0;
  packed.summits.forEach((ref, i) => {
    const id = packed.ids[ref]!;
    const count = packed.participantCounts[i]!;
    if (count >= 0) {
      participants[id] = packed.participants.slice(next, next + count).map((p) => packed.ids[p]!);
      next += count;
    }
    if (packed.years[i]! > 0) years[id] = packed.years[i]!;
  });
  const lexicon: Lexicon = { entries, distractors: [...packed.distractors], participants, years };
  if (packed.evidence !== '') lexicon.evidence = JSON.parse(packed.evidence) as SharedEvidence;
  if (packed.declined === true) lexicon.declined = true;
  return lexicon;
}
