/**
 * The database and search API the background calls. Everything is read from
 * IndexedDB (records of the immutable live index may be cached for a worker's
 * life), so a service worker killed between two messages answers the next one
 * the same way.
 *
 *   const store = connectStore();                      // once per worker life
 *   await ensureSeeded(store, () => openBundle(open)); // on start: reads the bundle's header; seeds only a new hash
 *   getStatus(await store.main())
 *   const index = await store.index();                 // the live index, null before the first seed
 *   getLexicon(index) · getCatalog(index) · getCard(index, { kind, id }) · getQuoteContext(index, id) · search(index, query)
 *   saveQuote(db, index, id) · unsaveQuote(db, id) · listSaved(db) · listSavedViews(db, index)
 *
 * Lookups that take ids from messages answer with an `Outcome` (`{ ok, value }`
 * or `{ ok: false, error: { code, message } }`) instead of throwing.
 */
export { openSummitDb, connectSummitDb, DbBlockedError, DbUpgradeError, type OpenOptions, type SummitDbHandle } from './open';
export { connectStore, type SummitStore } from './store';
export { ensureSeeded, type BundleSource, type SeedOptions, type SeedReport } from './seed';
export { openBundle, bundleFromText, type IndexBundle } from './bundle-source';
export { getStatus, getLexicon, getCatalog, getCard, getQuoteContext, type CardRequest } from './queries';
export { search } from '../search/search';
export { saveQuote, unsaveQuote, listSaved, listSavedViews } from './user-data';
export type { LiveIndex } from './reader';
export type { Outcome } from './outcome';
export type { SummitDb } from './schema';
export type { SavedQuote } from '../protocol/views';
export { SCHEMA_VERSION } from './migrations';
