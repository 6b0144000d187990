import { unwrap } from 'idb';
import type { IndexDocument } from '../schema/index-schema';
import { DOCUMENT_PAGE_CHARS, INDEX_LAYOUT } from './index-layout';
import type { IndexWrite } from './pack';
import type { DocumentsWritten } from './records';
import { INDEX_STORES, type Counts, type IndexDb, type MapName } from './schema';
import { nextTask } from './slicer';
import { toStored, type StoreName, type StoredRecord } from './stored';

/** A batch's transaction stays open across slices until it is this old or this large, then commits with a checkpoint. */
const BATCH_MS = 50;
const BATCH_RECORDS = 64;

function settled(request: IDBRequest): Promise<void> {
  return new Promise((resolve) => {
    request.addEventListener('success', () => resolve());
    request.addEventListener('error', () => resolve());
  });
}

/**
 * Puts an index's records in a fixed order, in short readwrite transactions
 * that each commit a checkpoint with their records. A resumed seed makes the
 * same writes in the same order and skips the ones a previous run committed.
 */
export class IndexWriter {
  /** Writes made so far, skipped ones included. */
  position = 0;
  private tx: IDBTransaction | null = null;
  private done: Promise<void> | null = null;
  private last: IDBRequest | null = null;
  private openedAt = 0;
  private batched = 0;

  constructor(
    private readonly db: IndexDb,
    private readonly hash: string,
    private readonly resumeFrom: number,
  ) {}

  /** Steps over a write a previous run committed, so its record need not even be decoded; false when the write is due. */
  skip(): boolean {
    if (this.position >= this.resumeFrom) return false;
    this.position++;
    return true;
  }

  put(write: IndexWrite): void {
    this.putStored(write.store, () => toStored(write));
  }

  /** Puts a record already in its stored form (the packaged records' bytes); `make` runs only when the write is due. */
  putStored(store: StoreName, make: () => StoredRecord): void {
    if (this.position++ < this.resumeFrom) return;
    const value = make();
    this.request(store, (target) => target.put(value));
  }

  /**
   * Where a seed yields between slices. While the batch is young it waits for
   * the engine to take the last put: that frees the thread and keeps the
   * transaction open, so short slices do not each pay for a commit. Then it
   * commits, with the checkpoint.
   */
  pause(): Promise<unknown> {
    if (this.tx && !this.last) {
      // Everything put has been taken and the engine commits the batch on its own, unchecked.
      this.tx = null;
      this.done = null;
    }
    if (!this.tx) return nextTask();
    if (performance.now() - this.openedAt < BATCH_MS && this.batched < BATCH_RECORDS) return settled(this.last!);
    return this.commit();
  }

  /** Commits what was put since the last commit, with the checkpoint, and waits for it: a seed's yield between slices. */
  async commit(): Promise<void> {
    if (!this.tx) return;
    this.request('header', (store) => store.put({ key: 'progress', hash: this.hash, written: this.position }));
    await this.close();
  }

  /** Marks the database complete: the header readers look for, written with the last records. */
  async finish(indexVersion: number, counts: Counts, buckets: Record<MapName, number>): Promise<void> {
    this.request('header', (store) => {
      store.put({ key: 'index', hash: this.hash, layout: INDEX_LAYOUT, indexVersion, counts, buckets, seededAt: Date.now() });
      return store.delete('progress');
    });
    await this.close();
  }

  private request(name: (typeof INDEX_STORES)[number], make: (store: IDBObjectStore) => IDBRequest): void {
    try {
      this.track(make(this.open().objectStore(name)));
    } catch (error) {
      // A wait for more of the bundle outlived the batch's transaction: the engine commits it on
      // its own (Firefox says so only here, before its `complete` event), so a new batch starts.
      if (!(error instanceof DOMException) || (error.name !== 'InvalidStateError' && error.name !== 'TransactionInactiveError')) throw error;
      this.tx = null;
      this.done = null;
      this.track(make(this.open().objectStore(name)));
    }
  }

  /** Keeps the latest request while it is pending: waiting on it keeps the batch's transaction open. */
  private track(request: IDBRequest): void {
    this.last = request;
    this.batched++;
    const taken = () => {
      if (this.last === request) this.last = null;
    };
    request.addEventListener('success', taken);
    request.addEventListener('error', taken);
  }

  private open(): IDBTransaction {
    if (!this.tx) {
      // Relaxed: a batch lost to a crash is redone from the previous checkpoint.
      const tx = this.db.transaction([...INDEX_STORES], 'readwrite', { durability: 'relaxed' });
      const raw = unwrap(tx);
      this.tx = raw;
      this.openedAt = performance.now();
      this.batched = 0;
      this.done = tx.done.catch(() => Promise.reject(raw.error ?? new Error('a seeding transaction was aborted')));
      this.done.catch(() => undefined);
      // A wait for more of the bundle can let the engine commit the batch on its own, without a
      // checkpoint: the next put starts a new batch, and a resumed seed simply puts those records again.
      raw.addEventListener('complete', () => {
        if (this.tx === raw) {
          this.tx = null;
          this.done = null;
          this.last = null;
        }
      });
    }
    return this.tx;
  }

  private async close(): Promise<void> {
    const done = this.done!;
    this.tx = null;
    this.done = null;
    this.last = null;
    await done;
  }
}

/**
 * Groups documents into pages as the bundle is read, so they are written and
 * let go of at once: the texts are half of the bundle, and the rest of the
 * seed needs only each document's page and citation.
 */
export class DocumentPager {
  readonly written: DocumentsWritten = { pages: new Map(), sources: new Map() };
  private docs: IndexDocument[] = [];
  private chars = 0;
  private page = 0;

  constructor(private readonly writer: Pick<IndexWriter, 'put'>) {}

  add(doc: IndexDocument): void {
    this.written.pages.set(doc.id, this.page);
    this.written.sources.set(doc.id, { document: doc.id, title: doc.title, outlet: doc.outlet, published: doc.published });
    this.docs.push(doc);
    this.chars += doc.text.length;
    if (this.chars >= DOCUMENT_PAGE_CHARS) this.flush();
  }

  flush(): void {
    if (this.docs.length === 0) return;
    this.writer.put({ store: 'documents', value: { page: this.page++, docs: this.docs } });
    this.docs = [];
    this.chars = 0;
  }
}
