/**
 * The database and search API the background calls. Every function takes the
 * open database and reads or writes IndexedDB only, so a service worker killed
 * between two messages answers the next one the same way.
 *
 *   const handle = connectSummitDb();                 // once per worker life
 *   const db = await handle.get();                    // per message; reopens after versionchange
 *   const bundle = await openBundle(() => fetchBody(url));  // reads the header line only
 *   await ensureSeeded(db, bundle, onProgress);        // on start; seeds only on a new hash
 *   getStatus(db) · getLexicon(db) · getCatalog(db)
 *   getCard(db, { kind, id }) · getQuoteContext(db, quoteId) · search(db, query)
 *   saveQuote · unsaveQuote · listSaved
 *
 * Lookups that take ids from messages answer with an `Outcome` (`{ ok, value }`
 * or `{ ok: false, error: { code, message } }`) instead of throwing.
 */
export { openSummitDb, connectSummitDb, DbBlockedError, DbUpgradeError, type OpenOptions, type SummitDbHandle } from './open';
export { ensureSeeded, type BundleSource, type SeedReport } from './seed';
export { openBundle, bundleFromText, type IndexBundle } from './bundle-source';
export { getStatus, getLexicon, getCatalog, getCard, getQuoteContext, type CardRequest } from './queries';
export { search } from '../search/search';
export { saveQuote, unsaveQuote, listSaved } from './user-data';
export type { Outcome } from './outcome';
export type { SummitDb, SavedQuote } from './schema';
export { SCHEMA_VERSION } from './migrations';
