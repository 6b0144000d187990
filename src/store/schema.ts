import type { DBSchema, IDBPDatabase } from 'idb';
import type { SavedQuote, SeedStats, SourceRef } from '../protocol/views';
import type { IndexDocument, Person, Quote, Summit } from '../schema/index-schema';
import type { LexiconPart } from '../schema/lexicon';
import type { ReadingDocument, ReadingQuote } from '../reading/ingest';
import type { QuoteCorrection } from '../reading/corrections';
import type { ReadingPostings } from '../reading/postings';

/**
 * The two kinds of IndexedDB database the background owns.
 *
 * The main database (`summit-lens`, versioned with migrations) holds what
 * must survive every update: the user's saved quotes, and in `meta` the
 * status, including which index database is live.
 *
 * Each bundled index is seeded into a database of its own
 * (`summit-lens-index-<layout>-<hash>`), written in short transactions with a
 * checkpoint and never changed once complete. A seed becomes visible by
 * moving the pointer in `meta`, so readers see the old index or the new one,
 * never a mix, and never wait for a seed; the old database is deleted after.
 */
export const DB_NAME = 'summit-lens';

export interface Counts {
  documents: number;
  people: number;
  summits: number;
  quotes: number;
}

/** The complete index a database holds. */
export interface ServedIndex {
  hash: string;
  /** Name of the index database. */
  name: string;
  counts: Counts;
}

export interface StatusRecord {
  key: 'status';
  state: 'seeding' | 'ready' | 'failed';
  /** Hash being seeded (or that failed); null when none is. */
  targetHash: string | null;
  progress: number;
  error: string | null;
  /** The live index, the one readers use; null until the first seed completes. */
  served: ServedIndex | null;
  /** How the last completed seed went (absent before the first). */
  lastSeed?: SeedStats | null;
  updatedAt: number;
}

export interface SummitDbSchema extends DBSchema {
  meta: { key: string; value: StatusRecord };
  saved: { key: string; value: SavedQuote; indexes: { savedAt: number } };
  /** The user's own corpus (src/reading): never written by a seed, so an index update leaves it alone. */
  readingDocs: { key: string; value: ReadingDocument; indexes: { addedAt: number } };
  readingQuotes: { key: string; value: ReadingQuote; indexes: { document: string } };
  /** Kept apart from the quotes, which extracting again replaces. */
  readingCorrections: { key: string; value: QuoteCorrection; indexes: { document: string } };
  /** Each article's word index, by document id, written with its quotes (decision 0062). */
  readingPostings: { key: string; value: ReadingPostings };
}

export type SummitDb = IDBPDatabase<SummitDbSchema>;

// ---- Index databases --------------------------------------------------------------------------

export interface PersonRecord extends Person {
  /** Folded name words that resolve a search word to this person. */
  nameKeys: string[];
}

export interface SummitRecord extends Summit {
  /** Date rank, 0 = newest: what `summit-word/` and `summits-of/` lists hold. */
  rank: number;
}

export interface QuoteRecord extends Quote {
  /**
   * Recency rank, 0 = newest, undated last: every list of quotes is sorted by
   * it, so "newest first" is list order and a date range is a run of ranks.
   */
  n: number;
  /** Copied from the quote's document, so showing a quote never reads a whole article. */
  source: SourceRef;
}

/**
 * Postings of one folded term. `occ` holds, for posting i, the entries
 * `occ[starts[i] .. starts[i+1])`, each `position * 32 + form` where position is
 * the word index in the quote and form indexes `forms` (the term's toned
 * spellings; 31 means "another spelling"). Typed arrays clone as one block.
 */
export interface TermRecord {
  term: string;
  quotes: Uint32Array;
  starts: Uint32Array;
  occ: Uint32Array;
  forms: string[];
}

/** What each bucketed map holds, by key (`index-layout.ts` places entries in buckets). */
export interface MapValues {
  people: PersonRecord;
  summits: SummitRecord;
  /** Document id → the page of `documents` that holds it. */
  docAt: number;
  /** Sorted typed arrays, keys from `listKey`. */
  lists: Uint32Array;
  /** Quote id → rank. */
  quoteIds: number;
  /** Summit rank (as a string) → summit id. */
  summitAt: string;
}

export type MapName = keyof MapValues;

/** What each word-keyed map holds; kept in pages sorted by word, so a typed prefix reads neighbouring pages. */
export interface WordValues {
  /** Folded word → its postings in quote texts. */
  terms: TermRecord;
  /** Folded word → ids of the people it names. */
  names: string[];
  /** Folded word → ranks of the summits whose aliases, places or city contain it. */
  summitWords: Uint32Array;
}

export type WordMapName = keyof WordValues;

/** Written last: its presence says the database is complete. */
export interface IndexHeader {
  key: 'index';
  hash: string;
  layout: number;
  indexVersion: number;
  counts: Counts;
  /** Buckets per map, so a reader can find any key. */
  buckets: Record<MapName, number>;
  seededAt: number;
}

/** Where an interrupted seed stopped: the next start redoes the derivation and writes from here. */
export interface ProgressRecord {
  key: 'progress';
  hash: string;
  /** Records committed so far, in the seed's deterministic write order. */
  written: number;
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

export type HeaderRecord = IndexHeader | ProgressRecord | LexiconHeader | LexiconPartRecord;

export interface Bucket {
  /** `<map>/<n>` */
  key: string;
  /** A Map, not an object: keys come from the corpus and must never reach a prototype. */
  entries: Map<string, unknown>;
}

/** Documents in bundle order, a few tens of kB of text per page: written as the bundle is read, never all held at once. */
export interface DocumentPage {
  page: number;
  docs: IndexDocument[];
}

export interface QuotePage {
  /** Page number: ranks `page * QUOTES_PER_PAGE` onwards. */
  page: number;
  quotes: QuoteRecord[];
}

/** Consecutive words of one word-keyed map, with their values; keyed by the map and its first word. */
export interface WordPage {
  map: WordMapName;
  first: string;
  words: string[];
  values: unknown[];
}

/** A record's value as stored (`stored.ts`): UTF-8 JSON bytes, deflated when packaged at build time. */
export type StoredValue = { json: Uint8Array } | { deflated: Uint8Array };

/** A record as stored: key fields and value. */
export type Stored<K> = K & StoredValue;

/** Records are stored as bytes, except the two the seed itself writes in `header`: the completion mark and the checkpoint. */
export interface IndexDbSchema extends DBSchema {
  header: { key: string; value: IndexHeader | ProgressRecord | Stored<{ key: string }> };
  buckets: { key: string; value: Stored<{ key: string }> };
  pages: { key: number; value: Stored<{ page: number }> };
  documents: { key: number; value: Stored<{ page: number }> };
  words: { key: [WordMapName, string]; value: Stored<{ map: WordMapName; first: string }> };
}

export type IndexDb = IDBPDatabase<IndexDbSchema>;

export const INDEX_STORES = ['header', 'buckets', 'pages', 'documents', 'words'] as const;
