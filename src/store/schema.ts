import type { DBSchema, IDBPDatabase } from 'idb';
import type { IndexDocument, IsoDay, Person, Quote, Summit } from '../schema/index-schema';
import type { LexiconPart } from '../schema/lexicon';
import type { SeedStats } from '../protocol/views';

/**
 * The IndexedDB layout of the current schema version. Stores fall in three groups:
 * - seeded from the bundled index, replaced as a whole by one seeding transaction:
 *   `header`, `documents`, `people`, `summits`, `quotes`, `terms`;
 * - `meta`: seeding status, written outside that transaction so it stays readable
 *   (and shows progress) while a seed runs;
 * - user data (`saved`): never touched by seeding.
 *
 * Seeded records change shape only together with a schema version whose
 * migration clears the seeded stores (v2, v3): the next start then seeds the new
 * shape, and no reader ever gets records of a shape it does not know.
 */
export const DB_NAME = 'summit-lens';

export interface Counts {
  documents: number;
  people: number;
  summits: number;
  quotes: number;
}

/** Committed in the same transaction as the data: its hash is the truth about what the stores hold. */
export interface IndexHeader {
  key: 'index';
  hash: string;
  indexVersion: number;
  counts: Counts;
  seededAt: number;
}

/** The lexicon's head; its entries live in `lexicon/NNNNN` parts, each a bounded size. */
export interface LexiconHeader {
  key: 'lexicon';
  distractors: string[];
  parts: number;
}

export interface LexiconPartRecord {
  /** `lexicon/` and a zero-padded number, so key order is part order. */
  key: `lexicon/${string}`;
  part: LexiconPart;
}

export type HeaderRecord = IndexHeader | LexiconHeader | LexiconPartRecord;

export const lexiconPartKey = (i: number): LexiconPartRecord['key'] => `lexicon/${String(i).padStart(5, '0')}`;
export const lexiconParts = () => IDBKeyRange.bound('lexicon/', 'lexicon/\uffff');

export interface StatusRecord {
  key: 'status';
  state: 'seeding' | 'ready' | 'failed';
  /** Hash being seeded; the served data's hash lives in the `index` header. */
  targetHash: string | null;
  progress: number;
  error: string | null;
  /** A copy of the committed header, so status never waits on a running seed. */
  served: { hash: string; counts: Counts } | null;
  /** How the last completed seed went (absent before the first). */
  lastSeed?: SeedStats | null;
  updatedAt: number;
}

export interface PersonRecord extends Person {
  /** Folded name words that resolve a search word to this person. */
  nameKeys: string[];
}

export interface SummitRecord extends Summit {
  nameKeys: string[];
}

export interface QuoteRecord extends Quote {
  /**
   * Recency rank assigned at seed time (0 = newest, undated last), used as the
   * primary key: index entries with equal keys come back in primary-key order,
   * so every index lists quotes newest first for free, and postings are small
   * integer arrays instead of id strings.
   */
  n: number;
}

/**
 * Postings of one folded term. `occ` holds, for posting i, the entries
 * `occ[starts[i] .. starts[i+1])`, each `position * 32 + form` where position is
 * the word index in the quote and form indexes `forms` (the term's toned spellings;
 * 31 means "another spelling"). Typed arrays clone as one memcpy.
 */
export interface TermRecord {
  term: string;
  quotes: Uint32Array;
  starts: Uint32Array;
  occ: Uint32Array;
  forms: string[];
}

/** A saved quote keeps a snapshot so it survives a re-seed that drops or changes the quote. */
export interface SavedQuote {
  quoteId: string;
  savedAt: number;
  snapshot: {
    text: string;
    speaker: string | null;
    date: IsoDay | null;
    source: string | null;
  } | null;
}

export interface SummitDbSchema extends DBSchema {
  meta: { key: string; value: StatusRecord };
  header: { key: string; value: HeaderRecord };
  documents: { key: string; value: IndexDocument };
  people: { key: string; value: PersonRecord; indexes: { nameKey: string } };
  summits: {
    key: string;
    value: SummitRecord;
    indexes: { nameKey: string; participant: string; date: string };
  };
  quotes: {
    key: number;
    value: QuoteRecord;
    indexes: {
      id: string;
      speaker: string;
      summit: string;
      date: string;
      /** multiEntry on `mentions`; with `speaker` it gives every quote involving a person. */
      mention: string;
      summitSpeaker: [string, string];
    };
  };
  terms: { key: string; value: TermRecord };
  saved: { key: string; value: SavedQuote; indexes: { savedAt: number } };
}

export type SummitDb = IDBPDatabase<SummitDbSchema>;

/** The stores one seed replaces, in one transaction. */
export const SEEDED_STORES = ['header', 'documents', 'people', 'summits', 'quotes', 'terms'] as const;
