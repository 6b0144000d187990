import { IndexMissingError } from './index-db';
import { connectSummitDb, type OpenOptions } from './open';
import { LiveIndex } from './reader';
import { DB_NAME, type SummitDb } from './schema';

/** What the background keeps for a worker's life: the main database and the live index, both opened lazily. */
export interface SummitStore {
  readonly factory: IDBFactory;
  /** The main database's name; index databases are named after it. */
  readonly name: string;
  main(): Promise<SummitDb>;
  /** The index readers use, or null while there is none (never seeded, or its database is gone). */
  index(): Promise<LiveIndex | null>;
  close(): void;
}

export function connectStore(options: OpenOptions = {}): SummitStore {
  const factory = options.factory ?? globalThis.indexedDB;
  const name = options.name ?? DB_NAME;
  const main = connectSummitDb({ ...options, factory, name });
  let live: { name: string; opening: Promise<LiveIndex> } | null = null;

  const forget = (opening: Promise<LiveIndex>) => {
    if (live?.opening === opening) live = null;
  };

  return {
    factory,
    name,
    main: () => main.get(),
    async index() {
      // The pointer is read on every call: a seed that completed since moves it.
      const served = (await (await main.get()).get('meta', 'status'))?.served;
      if (!served) return null;
      if (live?.name !== served.name) {
        void live?.opening.then((index) => index.close(), () => undefined);
        const opening: Promise<LiveIndex> = LiveIndex.open(factory, served.name, () => forget(opening));
        opening.catch(() => forget(opening));
        live = { name: served.name, opening };
      }
      try {
        return await live.opening;
      } catch (error) {
        if (error instanceof IndexMissingError) return null;
        throw error;
      }
    },
    close() {
      main.close();
      void live?.opening.then((index) => index.close(), () => undefined);
      live = null;
    },
  };
}
