import type { IDBPTransaction } from 'idb';
import type { IndexDocument } from '../schema/index-schema';
import { joinLexicon, type Lexicon } from '../schema/lexicon';
import { IndexMissingError, openIndexDb } from './index-db';
import { bucketKey, pageOf, QUOTES_PER_PAGE } from './index-layout';
import { lowerBound } from './sorted';
import { fromStored, isStored, type StoredRecord } from './stored';
import type { Bucket, DocumentPage, IndexDb, IndexDbSchema, IndexHeader, MapName, MapValues, QuotePage, QuoteRecord, WordMapName, WordPage, WordValues } from './schema';

type ReadTx = IDBPTransaction<IndexDbSchema, ('header' | 'buckets' | 'pages' | 'documents' | 'words')[], 'readonly'>;

const EMPTY = new Uint32Array(0);
/**
 * Decoded records kept per live index, counted by their JSON bytes: at the
 * real size that is all of it, so repeat cards never touch the disk; at
 * 1,000× it holds the few hundred records a run of searches and cards reads
 * (a record read again is read, inflated and parsed again).
 */
const CACHE_BYTES = 8_000_000;

/** Least recently used first; evicts down to its budget. */
export class RecordCache {
  private readonly entries = new Map<string, { value: unknown; size: number }>();
  private bytes = 0;

  get(key: string): { value: unknown } | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Refresh its place: the map's order is the eviction order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, value: unknown, size: number): void {
    this.entries.set(key, { value, size });
    this.bytes += size;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= CACHE_BYTES || oldest === key) break;
      this.entries.delete(oldest);
      this.bytes -= entry.size;
    }
  }
}

/**
 * A complete index database, open. It never changes once complete, so
 * records read from it may be kept for the life of the worker (a cache: a
 * woken worker simply reads them again).
 */
export class LiveIndex {
  private readonly cache = new RecordCache();
  private readonly derived = new Map<string, Promise<unknown>>();

  constructor(
    readonly name: string,
    readonly db: IndexDb,
    readonly header: IndexHeader,
  ) {}

  /** Opens a complete index database; fails with `IndexMissingError` when it is gone or was never completed. */
  static async open(factory: IDBFactory, name: string, onClose?: () => void): Promise<LiveIndex> {
    const db = await openIndexDb(factory, name, 'existing', onClose);
    const header = await db.get('header', 'index');
    if (!header || isStored(header) || header.key !== 'index') {
      db.close();
      throw new IndexMissingError(`index database "${name}" is not complete`);
    }
    return new LiveIndex(name, db, header);
  }

  /** A value computed from the index once per worker life (the lexicon every tab asks for, the catalog). */
  once<T>(key: string, compute: (read: IndexRead) => Promise<T>): Promise<T> {
    let value = this.derived.get(key) as Promise<T> | undefined;
    if (!value) {
      value = compute(this.read());
      value.catch(() => this.derived.delete(key));
      this.derived.set(key, value);
    }
    return value;
  }

  /** One query's reads, in one readonly transaction while it stays open. */
  read(): IndexRead {
    return new IndexRead(() => this.db.transaction(['header', 'buckets', 'pages', 'documents', 'words'], 'readonly'), this.header, this.cache);
  }

  close(): void {
    this.db.close();
  }
}

/** Typed lookups over the bucketed layout (`index-layout.ts`); each bucket or page is read once per query. */
export class IndexRead {
  private readonly pending = new Map<string, Promise<unknown>>();
  /**
   * Begun at the first request, not with the query: once a card's or a
   * search's records are in the cache it reads none, and a transaction per
   * query was the largest cost of a warm card (with the user's quotes, two
   * per card, and the garbage of each).
   */
  private tx: ReadTx | null = null;

  constructor(
    private readonly begin: () => ReadTx,
    readonly header: IndexHeader,
    private readonly cache: RecordCache,
  ) {}

  /**
   * A request on the query's transaction, or on a new one once that has
   * committed: inflating a record is not an IndexedDB request, so waiting for
   * it lets the engine commit. A complete index never changes, so a query
   * reading through two transactions reads one index.
   */
  private async ask<T>(request: (tx: ReadTx) => Promise<T>): Promise<T> {
    try {
      return await request((this.tx ??= this.begin()));
    } catch (error) {
      if (!(error instanceof DOMException) || (error.name !== 'InvalidStateError' && error.name !== 'TransactionInactiveError')) throw error;
      this.tx = this.begin();
      return request(this.tx);
    }
  }

  /** A record through the cache; `load` gives its value and its size in JSON bytes. */
  private record<T>(cacheKey: string, load: () => Promise<{ value: T; size: number }>): Promise<T> {
    const cached = this.cache.get(cacheKey);
    if (cached) return Promise.resolve(cached.value as T);
    let pending = this.pending.get(cacheKey) as Promise<T> | undefined;
    if (!pending) {
      pending = load().then(({ value, size }) => {
        this.cache.set(cacheKey, value, size);
        return value;
      });
      this.pending.set(cacheKey, pending);
    }
    return pending;
  }

  async get<M extends MapName>(map: M, key: string): Promise<MapValues[M] | undefined> {
    const where = bucketKey(map, key, this.header.buckets[map]);
    const bucket = await this.record(where, async () => unpack('buckets', await this.ask((tx) => tx.objectStore('buckets').get(where))));
    return bucket?.entries.get(key) as MapValues[M] | undefined;
  }

  /** A sorted list from `listKey`; empty when the key has none. */
  async list(key: string): Promise<Uint32Array> {
    return (await this.get('lists', key)) ?? EMPTY;
  }

  async quote(n: number): Promise<QuoteRecord | undefined> {
    const page = pageOf(n);
    const record = await this.record(`page/${page}`, async () => unpack('pages', await this.ask((tx) => tx.objectStore('pages').get(page))));
    return record?.quotes[n - page * QUOTES_PER_PAGE];
  }

  async quotes(ranks: readonly number[]): Promise<QuoteRecord[]> {
    const found = await Promise.all(ranks.map((n) => this.quote(n)));
    return found.filter((q): q is QuoteRecord => q !== undefined);
  }

  async document(id: string): Promise<IndexDocument | undefined> {
    const page = await this.get('docAt', id);
    if (page === undefined) return undefined;
    const record = await this.record(`documents/${page}`, async () => unpack('documents', await this.ask((tx) => tx.objectStore('documents').get(page))));
    return record?.docs.find((doc) => doc.id === id);
  }

  async quoteById(id: string): Promise<QuoteRecord | undefined> {
    const n = await this.get('quoteIds', id);
    return n === undefined ? undefined : this.quote(n);
  }

  /** Every entry of a map (the catalog), in bucket order. */
  async all<M extends MapName>(map: M): Promise<MapValues[M][]> {
    const buckets = await this.ask((tx) => tx.objectStore('buckets').getAll(IDBKeyRange.bound(`${map}/`, `${map}/\uffff`)));
    const decoded = await Promise.all(buckets.map((stored) => fromStored('buckets', stored)));
    return decoded.flatMap(({ value }) => [...value.entries.values()] as MapValues[M][]);
  }

  /** First words of a word map's pages, in order: a few hundred keys even at 1,000×, read once per live index. */
  private directory(map: WordMapName): Promise<string[]> {
    return this.record(`directory/${map}`, async () => {
      const firsts = (await this.ask((tx) => tx.objectStore('words').getAllKeys(IDBKeyRange.bound([map, ''], [map, '\uffff'])))).map((key) => key[1]);
      return { value: firsts, size: firsts.length * 16 };
    });
  }

  private page(map: WordMapName, first: string): Promise<WordPage | undefined> {
    return this.record(`words/${map}/${first}`, async () => unpack('words', await this.ask((tx) => tx.objectStore('words').get([map, first]))));
  }

  /** The value a word-keyed map holds for `word`. */
  async word<M extends WordMapName>(map: M, word: string): Promise<WordValues[M] | undefined> {
    const firsts = await this.directory(map);
    const at = lowerBound(firsts, word);
    const first = firsts[at] === word ? word : firsts[at - 1];
    if (first === undefined) return undefined;
    const page = await this.page(map, first);
    const i = page ? lowerBound(page.words, word) : -1;
    return page && page.words[i] === word ? (page.values[i] as WordValues[M]) : undefined;
  }

  /** Words of a word-keyed map that start with `prefix`, with their values, in key order, at most `limit`: a word being typed. */
  async wordsStarting<M extends WordMapName>(map: M, prefix: string, limit: number): Promise<[string, WordValues[M]][]> {
    const firsts = await this.directory(map);
    const out: [string, WordValues[M]][] = [];
    // The first match is on the last page starting at or before the prefix, or on a later one.
    for (let p = Math.max(0, lowerBound(firsts, prefix) - 1); p < firsts.length; p++) {
      if (firsts[p]! > prefix && !firsts[p]!.startsWith(prefix)) break;
      const page = await this.page(map, firsts[p]!);
      if (!page) continue;
      for (let i = lowerBound(page.words, prefix); i < page.words.length; i++) {
        if (!page.words[i]!.startsWith(prefix)) return out;
        out.push([page.words[i]!, page.values[i] as WordValues[M]]);
        if (out.length >= limit) return out;
      }
    }
    return out;
  }

  async lexicon(): Promise<Lexicon> {
    const [head, parts] = await this.ask((tx) => {
      const store = tx.objectStore('header');
      return Promise.all([store.get('lexicon'), store.getAll(IDBKeyRange.bound('lexicon/', 'lexicon/\uffff'))]);
    });
    const lexicon = head && isStored(head) ? (await fromStored('header', head)).value : undefined;
    if (lexicon?.key !== 'lexicon') throw new Error('the index has no lexicon');
    const records = await Promise.all(parts.map(async (stored) => (isStored(stored) ? (await fromStored('header', stored)).value : stored)));
    return joinLexicon(
      records.flatMap((record) => ('part' in record ? [record.part] : [])),
      lexicon.distractors,
    );
  }
}

type Unpacked = { buckets: Bucket; pages: QuotePage; documents: DocumentPage; words: WordPage };

async function unpack<S extends keyof Unpacked>(store: S, stored: StoredRecord | undefined): Promise<{ value: Unpacked[S] | undefined; size: number }> {
  if (stored === undefined) return { value: undefined, size: 0 };
  const { value, size } = await fromStored(store as 'buckets', stored);
  return { value: value as Unpacked[S], size };
}
