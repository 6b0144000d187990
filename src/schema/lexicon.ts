import type { Person, Summit, SummitIndex } from './index-schema';

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
}

export function lexiconPart(people: readonly Person[], summits: readonly Summit[]): LexiconPart {
  const entries: LexiconEntry[] = [];
  for (const person of people) {
    for (const name of person.names) entries.push({ form: name.form, kind: 'person', id: person.id, strength: name.kind });
  }
  const participants: Record<string, string[]> = {};
  const years: Record<string, number> = {};
  for (const summit of summits) {
    participants[summit.id] = summit.participants;
    years[summit.id] = Number(summit.date.slice(0, 4));
    for (const form of summit.aliases) entries.push({ form, kind: 'summit', id: summit.id, strength: 'alias' });
    for (const form of summit.places) entries.push({ form, kind: 'summit', id: summit.id, strength: 'place' });
  }
  return { entries, participants, years };
}

export function joinLexicon(parts: readonly LexiconPart[], distractors: string[]): Lexicon {
  const lexicon: Required<Lexicon> = { entries: [], distractors, participants: {}, years: {} };
  for (const part of parts) {
    for (const entry of part.entries) lexicon.entries.push(entry);
    Object.assign(lexicon.participants, part.participants);
    Object.assign(lexicon.years, part.years);
  }
  return lexicon;
}

export function buildLexicon(index: Pick<SummitIndex, 'people' | 'summits' | 'distractors'>): Lexicon {
  return joinLexicon([lexiconPart(index.people, index.summits)], index.distractors);
}
