import { wrap, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { MIGRATIONS, type Migration } from './migrations';
import { DB_NAME, type SummitDb } from './schema';

export interface OpenOptions {
  /** Defaults to the global `indexedDB`; tests pass their own factory. */
  factory?: IDBFactory;
  name?: string;
  /** Tests add a step here to prove a failing upgrade leaves the old version usable. */
  migrations?: readonly Migration[];
  /** How long to wait for other connections to let go of the old version. */
  blockedTimeoutMs?: number;
  /** Told when another context asks for this connection (upgrade, delete) and it closes itself. */
  onClose?: (db: SummitDb) => void;
}

export class DbBlockedError extends Error {
  override name = 'DbBlockedError';
}

export class DbUpgradeError extends Error {
  override name = 'DbUpgradeError';
}

/**
 * Opens the database at the newest schema version, running pending migrations.
 * Never hangs: if another connection keeps the old version open past
 * `blockedTimeoutMs`, it rejects with DbBlockedError (and closes the connection
 * if it arrives later). The connection closes itself on `versionchange`, so it
 * never blocks another context's upgrade or delete; use `connectSummitDb` to get
 * a handle that reopens on next use.
 */
export function openSummitDb(options: OpenOptions = {}): Promise<SummitDb> {
  const factory = options.factory ?? globalThis.indexedDB;
  const migrations = options.migrations ?? MIGRATIONS;
  const version = migrations[migrations.length - 1]!.version;
  const name = options.name ?? DB_NAME;

  return new Promise((resolve, reject) => {
    let settled = false;
    let upgradeError: unknown = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const request = factory.open(name, version);

    request.onupgradeneeded = (event) => {
      const db = wrap(request.result) as IDBPDatabase<unknown>;
      const tx = wrap(request.transaction!) as unknown as IDBPTransaction<unknown, string[], 'versionchange'>;
      // Its `done` rejects when a step aborts the upgrade; the open request reports that.
      tx.done.catch(() => undefined);
      const pending = migrations.filter((m) => m.version > event.oldVersion);
      (async () => {
        for (const step of pending) {
          try {
            await step.run(db, tx);
          } catch (cause) {
            throw new DbUpgradeError(`upgrade to version ${step.version} (${step.describe}) failed: ${describe(cause)}`, { cause });
          }
        }
      })().catch((error: unknown) => {
        upgradeError = error;
        try {
          tx.abort();
        } catch {
          // Already aborted by the engine; the open request reports it.
        }
      });
    };

    request.onblocked = () => {
      timer = setTimeout(() => {
        settled = true;
        reject(new DbBlockedError(`database "${name}" is held open at an older version by another context; close other extension pages and retry`));
      }, options.blockedTimeoutMs ?? 5000);
    };

    request.onsuccess = () => {
      clearTimeout(timer);
      const raw = request.result;
      if (settled) {
        raw.close();
        return;
      }
      settled = true;
      const db = wrap(raw) as unknown as SummitDb;
      raw.addEventListener('versionchange', () => {
        raw.close();
        options.onClose?.(db);
      });
      // Fired when the browser closes the connection itself (storage cleared, disk error).
      raw.addEventListener('close', () => options.onClose?.(db));
      resolve(db);
    };

    request.onerror = (event) => {
      clearTimeout(timer);
      // Keep the error from surfacing as unhandled; the promise carries it.
      event.preventDefault();
      if (settled) return;
      settled = true;
      reject(upgradeError ?? request.error ?? new Error(`opening database "${name}" failed`));
    };
  });
}

export interface SummitDbHandle {
  /** The open connection, reopened if another context made it close. */
  get(): Promise<SummitDb>;
  close(): void;
}

/** What the background keeps: one lazily (re)opened connection per worker life. */
export function connectSummitDb(options: OpenOptions = {}): SummitDbHandle {
  let current: Promise<SummitDb> | null = null;
  let open: SummitDb | null = null;
  const forget = (db: SummitDb) => {
    if (db !== open) return;
    open = null;
    current = null;
    options.onClose?.(db);
  };
  return {
    get() {
      if (!current) {
        const opening = openSummitDb({ ...options, onClose: forget });
        current = opening;
        opening.then(
          (db) => {
            if (current === opening) open = db;
          },
          () => {
            if (current === opening) current = null;
          },
        );
      }
      return current;
    },
    close() {
      const closing = current;
      current = null;
      open = null;
      void closing?.then((db) => db.close(), () => undefined);
    },
  };
}

export function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
