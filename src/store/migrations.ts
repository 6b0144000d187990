import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { IndexDocument, Person, Quote } from '../schema/index-schema';
import type { SavedQuote } from '../protocol/views';
import type { ReadingQuote } from '../reading/ingest';
import { postingsByDocument } from '../reading/postings';

/**
 * Each step takes the database from `version - 1` to `version` inside the one
 * versionchange transaction, so a step that throws aborts the whole upgrade and
 * the browser keeps the previous version with its data. Steps only await IDB
 * requests of that transaction (anything else would let it commit early).
 */
export interface Migration {
  version: number;
  describe: string;
  run(db: IDBPDatabase<unknown>, tx: IDBPTransaction<unknown, string[], 'versionchange'>): Promise<void>;
}

const v1: Migration = {
  version: 1,
  describe: 'meta, the four entity stores keyed by id, saved quotes',
  async run(db) {
    db.createObjectStore('meta', { keyPath: 'key' });
    db.createObjectStore('documents', { keyPath: 'id' });
    db.createObjectStore('people', { keyPath: 'id' });
    db.createObjectStore('summits', { keyPath: 'id' });
    db.createObjectStore('quotes', { keyPath: 'id' });
    db.createObjectStore('saved', { keyPath: 'quoteId' });
  },
};

/** Version 1 saved only `{ quoteId, savedAt }`. */
interface SavedQuoteV1 {
  quoteId: string;
  savedAt: number;
  snapshot?: SavedQuote['snapshot'];
}

const v2: Migration = {
  version: 2,
  describe: 'search terms, lookup indexes, recency-keyed quotes, notes; saved quotes get snapshots',
  async run(db, tx) {
    // Snapshots first, while the version 1 quotes are still there to copy from.
    const saved = tx.objectStore('saved');
    const quotes = tx.objectStore('quotes');
    for (const record of (await saved.getAll()) as SavedQuoteV1[]) {
      if (record.snapshot !== undefined) continue;
      const quote = (await quotes.get(record.quoteId)) as Quote | undefined;
      const speaker = quote?.speaker ? ((await tx.objectStore('people').get(quote.speaker)) as Person | undefined) : undefined;
      const doc = quote ? ((await tx.objectStore('documents').get(quote.document)) as IndexDocument | undefined) : undefined;
      const upgraded: SavedQuote = {
        quoteId: record.quoteId,
        savedAt: record.savedAt,
        snapshot: quote
          ? { text: quote.text, speaker: speaker?.name ?? quote.speaker, date: quote.date, source: doc?.title ?? null }
          : null,
      };
      await saved.put(upgraded);
    }

    // The seeded stores change shape; their data is re-seeded from the bundle, so
    // clearing them (and the status) makes the next start seed the new layout.
    db.deleteObjectStore('quotes');
    const q = db.createObjectStore('quotes', { keyPath: 'n' });
    q.createIndex('id', 'id', { unique: true });
    q.createIndex('speaker', 'speaker');
    q.createIndex('summit', 'summit');
    q.createIndex('date', 'date');
    q.createIndex('mention', 'mentions', { multiEntry: true });
    q.createIndex('summitSpeaker', ['summit', 'speaker']);
    const people = tx.objectStore('people');
    people.createIndex('nameKey', 'nameKeys', { multiEntry: true });
    const summits = tx.objectStore('summits');
    summits.createIndex('nameKey', 'nameKeys', { multiEntry: true });
    summits.createIndex('participant', 'participants', { multiEntry: true });
    summits.createIndex('date', 'date');
    await Promise.all([people.clear(), summits.clear(), tx.objectStore('documents').clear(), tx.objectStore('meta').clear()]);

    db.createObjectStore('header', { keyPath: 'key' });
    db.createObjectStore('terms', { keyPath: 'term' });
    db.createObjectStore('notes', { keyPath: 'id', autoIncrement: true }).createIndex('target', 'targetKey');
  },
};

const v3: Migration = {
  version: 3,
  describe: 'the index moves to databases of its own; saved quotes indexed by date; the unused notes store removed',
  async run(db, tx) {
    // The index is seeded again into its own database; the status described the old stores.
    for (const name of ['header', 'documents', 'people', 'summits', 'quotes', 'terms']) db.deleteObjectStore(name);
    await tx.objectStore('meta').clear();
    tx.objectStore('saved').createIndex('savedAt', 'savedAt');
    // No message or screen ever wrote a note, so the store can only be empty.
    db.deleteObjectStore('notes');
  },
};

const v4: Migration = {
  version: 4,
  describe: "the user's own corpus: articles added from their reading and their quotes",
  async run(db) {
    // Only new stores: a failed step aborts the upgrade and leaves version 3, saved quotes and all, as it was.
    db.createObjectStore('readingDocs', { keyPath: 'id' }).createIndex('addedAt', 'addedAt');
    db.createObjectStore('readingQuotes', { keyPath: 'id' }).createIndex('document', 'document');
  },
};

const v5: Migration = {
  version: 5,
  describe: "the user's hand corrections of their quotes, apart from the quotes so extracting again keeps them",
  async run(db) {
    db.createObjectStore('readingCorrections', { keyPath: 'quoteId' }).createIndex('document', 'document');
  },
};

const v6: Migration = {
  version: 6,
  describe: "a stored word index of each of the user's articles, built from the quotes already there",
  async run(db, tx) {
    // A new store filled from the quotes, which stay as they are: a failed step aborts the upgrade and leaves version 5 usable.
    const store = db.createObjectStore('readingPostings', { keyPath: 'document' });
    const quotes = (await tx.objectStore('readingQuotes').getAll()) as ReadingQuote[];
    await Promise.all(postingsByDocument(quotes).map((p) => store.put(p)));
  },
};

export const MIGRATIONS: readonly Migration[] = [v1, v2, v3, v4, v5, v6];
export const SCHEMA_VERSION = 6;
