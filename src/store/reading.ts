import type { ReadingArticleSummary } from '../reading/article';
import type { QuoteCorrection } from '../reading/corrections';
import type { ReadingDocument, ReadingQuote } from '../reading/ingest';
import { postingsByDocument, postingsOf, type ReadingPostings } from '../reading/postings';
import type { SavedQuote } from '../protocol/views';
import type { SummitDb } from './schema';

/**
 * The user's own corpus in the main database: one record per article, one
 * per quote and one word index per article with quotes (`readingPostings`).
 * Each change is one transaction over the stores it touches, so a full disk
 * or a closed worker leaves the article, its quotes and its word index
 * entirely there or entirely absent, never half-written or out of step.
 */

/** Adds the article, or replaces the one with the same id (the same address) and all its quotes. */
export async function putReadingArticle(db: SummitDb, document: ReadingDocument, quotes: readonly ReadingQuote[]): Promise<{ replaced: boolean }> {
  const postings = postingsOf(document.id, quotes);
  const tx = db.transaction(['readingDocs', 'readingQuotes', 'readingPostings'], 'readwrite');
  const docs = tx.objectStore('readingDocs');
  const store = tx.objectStore('readingQuotes');
  const replaced = (await docs.getKey(document.id)) !== undefined;
  for (const key of await store.index('document').getAllKeys(document.id)) void store.delete(key);
  void docs.put(document);
  for (const q of quotes) void store.put(q);
  void (quotes.length > 0 ? tx.objectStore('readingPostings').put(postings) : tx.objectStore('readingPostings').delete(document.id));
  await tx.done;
  return { replaced };
}

/** Removes the article, every quote taken from it and the user's corrections of them; false when there was none. */
export async function removeReadingArticle(db: SummitDb, id: string): Promise<boolean> {
  const tx = db.transaction(['readingDocs', 'readingQuotes', 'readingCorrections', 'readingPostings'], 'readwrite');
  const existed = (await tx.objectStore('readingDocs').getKey(id)) !== undefined;
  void tx.objectStore('readingPostings').delete(id);
  for (const name of ['readingQuotes', 'readingCorrections'] as const) {
    const store = tx.objectStore(name);
    for (const key of await store.index('document').getAllKeys(id)) void store.delete(key);
  }
  void tx.objectStore('readingDocs').delete(id);
  await tx.done;
  return existed;
}

/** Newest added first. */
export async function listReadingArticles(db: SummitDb): Promise<ReadingArticleSummary[]> {
  const tx = db.transaction(['readingDocs', 'readingQuotes'], 'readonly');
  const docs = (await tx.objectStore('readingDocs').index('addedAt').getAll()).reverse();
  const counts = await Promise.all(docs.map((d) => tx.objectStore('readingQuotes').index('document').count(d.id)));
  return docs.map((d, i) => ({
    id: d.id,
    title: d.title,
    url: d.url,
    site: d.site,
    published: d.published,
    addedAt: d.addedAt,
    quotes: counts[i]!,
    truncated: d.truncated,
  }));
}

/** Up to `count` quotes in id order after the id `after` (from the first when null): all of them, read a slice at a time. */
export function readingQuotesAfter(db: SummitDb, after: string | null, count: number): Promise<ReadingQuote[]> {
  return db.getAll('readingQuotes', after === null ? undefined : IDBKeyRange.lowerBound(after, true), count);
}

/** Every article's word index: what search and cards start from after a wake. */
export function readingPostings(db: SummitDb): Promise<ReadingPostings[]> {
  return db.getAll('readingPostings');
}

/** The quotes with these ids, in the same order, in one transaction; undefined where one is gone. */
export function readingQuotesById(db: SummitDb, ids: readonly string[]): Promise<(ReadingQuote | undefined)[]> {
  const store = db.transaction('readingQuotes', 'readonly').store;
  return Promise.all(ids.map((id) => store.get(id)));
}

/** The quotes of one article, in text order. */
export async function readingQuotesOf(db: SummitDb, id: string): Promise<ReadingQuote[]> {
  return (await db.getAllFromIndex('readingQuotes', 'document', id)).sort((a, b) => a.start - b.start);
}

export function readingDocument(db: SummitDb, id: string): Promise<ReadingDocument | undefined> {
  return db.get('readingDocs', id);
}

export function readingDocuments(db: SummitDb): Promise<ReadingDocument[]> {
  return db.getAllFromIndex('readingDocs', 'addedAt');
}

export async function readingQuote(db: SummitDb, id: string): Promise<{ quote: ReadingQuote; document: ReadingDocument } | null> {
  const tx = db.transaction(['readingDocs', 'readingQuotes'], 'readonly');
  const quote = await tx.objectStore('readingQuotes').get(id);
  const document = quote ? await tx.objectStore('readingDocs').get(quote.document) : undefined;
  return quote && document ? { quote, document } : null;
}

export function readingCorrections(db: SummitDb): Promise<QuoteCorrection[]> {
  return db.getAll('readingCorrections');
}

export function readingCorrectionsOf(db: SummitDb, document: string): Promise<QuoteCorrection[]> {
  return db.getAllFromIndex('readingCorrections', 'document', document);
}

/**
 * Stores the correction of a quote that is in the user's corpus, or with both
 * fields null removes it. False when there is no such quote.
 */
export async function putReadingCorrection(db: SummitDb, correction: QuoteCorrection): Promise<boolean> {
  const tx = db.transaction(['readingQuotes', 'readingCorrections'], 'readwrite');
  const quote = await tx.objectStore('readingQuotes').get(correction.quoteId);
  if (!quote || quote.document !== correction.document) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return false;
  }
  const store = tx.objectStore('readingCorrections');
  if (correction.speaker === null && correction.date === null) void store.delete(correction.quoteId);
  else void store.put(correction);
  await tx.done;
  return true;
}

export interface UserRecords {
  documents: ReadingDocument[];
  quotes: ReadingQuote[];
  corrections: QuoteCorrection[];
  saved: SavedQuote[];
}

/** One read of everything the user made, consistent across the stores. */
export async function readUserRecords(db: SummitDb): Promise<UserRecords> {
  const tx = db.transaction(['readingDocs', 'readingQuotes', 'readingCorrections', 'saved'], 'readonly');
  const [documents, quotes, corrections, saved] = await Promise.all([
    tx.objectStore('readingDocs').index('addedAt').getAll(),
    tx.objectStore('readingQuotes').getAll(),
    tx.objectStore('readingCorrections').getAll(),
    tx.objectStore('saved').index('savedAt').getAll(),
  ]);
  return { documents, quotes, corrections, saved };
}

/**
 * Adds imported records in one transaction: all of them or, on any failure,
 * none. Nothing the user has is deleted, except the quotes of an article the
 * file brings again, which its own quotes (and their word index) replace,
 * and corrections the file brings for the same quotes.
 */
export async function writeUserRecords(db: SummitDb, records: UserRecords): Promise<void> {
  const postings = postingsByDocument(records.quotes);
  const tx = db.transaction(['readingDocs', 'readingQuotes', 'readingCorrections', 'readingPostings', 'saved'], 'readwrite');
  const quotes = tx.objectStore('readingQuotes');
  const indexes = tx.objectStore('readingPostings');
  for (const document of records.documents) {
    for (const key of await quotes.index('document').getAllKeys(document.id)) void quotes.delete(key);
    void indexes.delete(document.id);
    void tx.objectStore('readingDocs').put(document);
  }
  for (const q of records.quotes) void quotes.put(q);
  for (const p of postings) void indexes.put(p);
  for (const c of records.corrections) void tx.objectStore('readingCorrections').put(c);
  for (const s of records.saved) void tx.objectStore('saved').put(s);
  await tx.done;
}
