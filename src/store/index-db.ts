import { wrap } from 'idb';
import { isIndexDbName } from './index-layout';
import type { IndexDb } from './schema';

/** Index databases are created complete at this version and never upgraded: a new layout is a new database. */
const INDEX_DB_VERSION = 1;

export class IndexMissingError extends Error {
  override name = 'IndexMissingError';
}

/**
 * Opens an index database. `create` makes it when missing (a seed about to
 * write it); otherwise a missing database is an `IndexMissingError` and is not
 * created, because opening a name that was just deleted would make an empty
 * one. The connection closes itself when another context deletes the database.
 */
export function openIndexDb(factory: IDBFactory, name: string, mode: 'create' | 'existing', onClose?: () => void): Promise<IndexDb> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, INDEX_DB_VERSION);
    request.onupgradeneeded = () => {
      if (mode === 'existing') {
        request.transaction!.abort();
        return;
      }
      const db = request.result;
      db.createObjectStore('header', { keyPath: 'key' });
      db.createObjectStore('buckets', { keyPath: 'key' });
      db.createObjectStore('pages', { keyPath: 'page' });
      db.createObjectStore('documents', { keyPath: 'page' });
      db.createObjectStore('words', { keyPath: ['map', 'first'] });
    };
    request.onsuccess = () => {
      const raw = request.result;
      raw.addEventListener('versionchange', () => {
        raw.close();
        onClose?.();
      });
      raw.addEventListener('close', () => onClose?.());
      resolve(wrap(raw) as unknown as IndexDb);
    };
    request.onerror = (event) => {
      event.preventDefault();
      reject(mode === 'existing' && request.error?.name === 'AbortError' ? new IndexMissingError(`index database "${name}" does not exist`) : request.error);
    };
  });
}

/** Resolves once the database is gone; our own connections close themselves on `versionchange`. */
export function deleteIndexDb(factory: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = (event) => {
      event.preventDefault();
      reject(request.error);
    };
  });
}

/** Index databases of this main database other than `keep`: left behind by an update or a seed that was replaced. */
export async function staleIndexDbs(factory: IDBFactory, mainName: string, keep: string): Promise<string[]> {
  // `databases()` is in every browser this extension supports; the fallback keeps odd factories working.
  const all = (await factory.databases?.()) ?? [];
  return all.map((d) => d.name ?? '').filter((name) => isIndexDbName(mainName, name) && name !== keep);
}
