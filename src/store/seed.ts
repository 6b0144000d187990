import type { SeedStats } from '../protocol/views';
import { BundleError, BundleReader } from '../schema/index-bundle';
import { INDEX_VERSION, type SummitIndex } from '../schema/index-schema';
import type { IndexBundle } from './bundle-source';
import { deleteIndexDb, openIndexDb, staleIndexDbs } from './index-db';
import { INDEX_LAYOUT, indexDbName } from './index-layout';
import { describe } from './open';
import { packIndex } from './pack';
import { RECORDS_FILE, RecordsReader, type RecordLine, type RecordsHeader } from './packed';
import { buildSeedRecords } from './records';
import type { Counts, IndexDb, ServedIndex, StatusRecord, SummitDb } from './schema';
import { Slicer } from './slicer';
import type { SummitStore } from './store';
import { isStored, storedBytes } from './stored';
import { DocumentPager, IndexWriter } from './writer';

export interface SeedReport {
  outcome: 'current' | 'seeded' | 'failed';
  /** Hash of the index readers now use, old or new (null when there is none). */
  hash: string | null;
  error: string | null;
  /** Why the packaged records were not used and the seed derived them from the bundle instead (null when they were, or there were none). */
  recordsUnusable: string | null;
  stats: SeedStats & { progressCalls: number; resumedAt: number };
}

/** A bundle, or how to open one: opening reads its header, and a broken header is a failed seed like any other. */
export type BundleSource = IndexBundle | (() => Promise<IndexBundle>);

export interface SeedOptions {
  onProgress?: (fraction: number) => void;
  slicer?: Slicer;
}

/**
 * Shares of the progress bar per phase: reading the bundle, deriving the
 * records, writing them. Set from where the time goes at 1,000× in Chromium
 * (`npm run bench`).
 */
const READ_SHARE = 0.3;
const BUILD_SHARE = 0.2;

const running = new WeakMap<SummitStore, Promise<SeedReport>>();

/**
 * Makes the live index the bundled one. When the bundle's hash is not the
 * live index's, it is seeded into a database of its own, in short
 * transactions that each commit a checkpoint, and made live by one write of
 * the pointer in the main database: readers keep using the old index until
 * then and never wait. A seed that stops midway (worker killed, browser
 * closed) is resumed from its checkpoint by the next start. Never throws: the
 * report and the status carry the error, and the previous index stays live.
 */
export function ensureSeeded(store: SummitStore, source: BundleSource, options: SeedOptions = {}): Promise<SeedReport> {
  // Two messages waking the worker at once must not seed twice.
  const pending = running.get(store);
  if (pending) return pending;
  const run = seed(store, source, options.slicer ?? new Slicer(), options.onProgress).finally(() => running.delete(store));
  running.set(store, run);
  return run;
}

async function seed(store: SummitStore, source: BundleSource, slicer: Slicer, onProgress?: (fraction: number) => void): Promise<SeedReport> {
  const started = performance.now();
  const phases = { readMs: 0, deriveMs: 0, writeMs: 0 };
  let progressCalls = 0;
  let records = 0;
  let recordsUnusable: string | null = null;
  let resumedAt = 0;
  const report = (outcome: SeedReport['outcome'], hash: string | null, error: string | null): SeedReport => ({
    outcome,
    hash,
    error,
    recordsUnusable,
    stats: { ms: performance.now() - started, longestSliceMs: slicer.longestMs, slices: slicer.slices, records, ...phases, progressCalls, resumedAt },
  });

  const db = await store.main();
  const status = await db.get('meta', 'status');
  const served = status?.served ?? null;
  type StatusFields = Pick<StatusRecord, 'state' | 'targetHash' | 'progress' | 'error'> & Partial<StatusRecord>;
  const setStatus = (fields: StatusFields) => writeStatus(db, { served, lastSeed: status?.lastSeed ?? null, ...fields });
  const failed = async (message: string, targetHash: string | null) => {
    await setStatus({ state: 'failed', targetHash, progress: 0, error: message }).catch(() => undefined);
    return report('failed', served?.hash ?? null, message);
  };

  let bundle: IndexBundle;
  try {
    bundle = typeof source === 'function' ? await source() : source;
  } catch (error) {
    return failed(explain(error, served), null);
  }
  const target = bundle.header.hash;
  const name = indexDbName(store.name, target);
  if (served?.hash === target && served.name === name && (await store.index()) !== null) {
    if (status?.state !== 'ready') await setStatus({ state: 'ready', targetHash: null, progress: 1, error: null });
    await removeStale(store, name);
    return report('current', target, null);
  }

  let lastWritten = 0;
  const progress = (fraction: number) => {
    progressCalls++;
    onProgress?.(fraction);
    // The status lives in the main database, so the popup can show this while the seed runs.
    if (fraction - lastWritten >= 0.1) {
      lastWritten = fraction;
      void setStatus({ state: 'seeding', targetHash: target, progress: fraction, error: null }).catch(() => undefined);
    }
  };

  let indexDb: IndexDb | null = null;
  try {
    await setStatus({ state: 'seeding', targetHash: target, progress: 0, error: null });
    indexDb = await openIndexDb(store.factory, name, 'create');
    const [complete, checkpoint] = await Promise.all([indexDb.get('header', 'index'), indexDb.get('header', 'progress')]);
    let counts = complete && !isStored(complete) && complete.key === 'index' && complete.hash === target ? complete.counts : null;
    if (!counts) {
      resumedAt = checkpoint && !isStored(checkpoint) && checkpoint.key === 'progress' && checkpoint.hash === target ? checkpoint.written : 0;
      let writer = new IndexWriter(indexDb, target, resumedAt);
      slicer.begin();
      const fromRecords = bundle.records ? await seedFromRecords(bundle, writer, slicer, progress, phases) : null;
      if (fromRecords && 'counts' in fromRecords) {
        counts = fromRecords.counts;
      } else {
        if (fromRecords) {
          // What was written came from a file now known to be bad: start over from the bundle alone.
          recordsUnusable = fromRecords.unusable;
          indexDb.close();
          await deleteIndexDb(store.factory, name);
          indexDb = await openIndexDb(store.factory, name, 'create');
          resumedAt = 0;
          writer = new IndexWriter(indexDb, target, 0);
        }
        counts = await deriveAndWrite(bundle, writer, slicer, progress, phases);
      }
      slicer.end();
      records = writer.position - resumedAt;
    }
    indexDb.close();
    progress(1);
    const done = report('seeded', target, null);
    const { progressCalls: _calls, resumedAt: _resumed, ...lastSeed } = done.stats;
    // The one write that makes the new index live.
    await setStatus({ state: 'ready', targetHash: null, progress: 1, error: null, served: { hash: target, name, counts }, lastSeed });
    await removeStale(store, name);
    return done;
  } catch (error) {
    indexDb?.close();
    // A full disk: give back what the half-written index took; nothing else is worth resuming.
    if (errorName(error) === 'QuotaExceededError') await deleteIndexDb(store.factory, name).catch(() => undefined);
    return failed(explain(error, served), target);
  }
}

/** Throws a `BundleError` saying why unless the records were derived for this layout from this very bundle. */
function usableHeader(header: RecordsHeader, bundle: IndexBundle): void {
  const fail = (reason: string) => new BundleError(RECORDS_FILE, 1, reason);
  if (header.layout !== INDEX_LAYOUT) throw fail(`the records are in layout ${header.layout}; this build writes layout ${INDEX_LAYOUT}`);
  if (header.bundle !== bundle.header.hash) throw fail('the records were derived from another bundle');
  const counts = bundle.header.counts;
  if (header.counts.documents !== counts.documents || header.counts.people !== counts.people || header.counts.summits !== counts.summits || header.counts.quotes !== counts.quotes) {
    throw fail("the records' counts are not the bundle's");
  }
}

type Phases = { readMs: number; deriveMs: number; writeMs: number };

/** Derives the records from the bundle on this machine and writes them: the way when no usable records file is packaged. */
async function deriveAndWrite(bundle: IndexBundle, writer: IndexWriter, slicer: Slicer, progress: (fraction: number) => void, phases: Phases): Promise<Counts> {
  let t = performance.now();
  const documents = new DocumentPager(writer);
  const index = await readIndex(bundle, documents, writer, slicer, (f) => progress(f * READ_SHARE));
  phases.readMs = performance.now() - t;
  t = performance.now();
  const built = await buildSeedRecords(index, documents.written, slicer, (f) => progress(READ_SHARE + f * BUILD_SHARE));
  const packed = packIndex(built);
  phases.deriveMs = performance.now() - t;
  t = performance.now();
  const before = writer.position;
  for (const write of packed.writes()) {
    if (write) writer.put(write);
    if (slicer.due()) {
      progress(READ_SHARE + BUILD_SHARE + ((writer.position - before) / packed.total) * (1 - READ_SHARE - BUILD_SHARE));
      await slicer.yield(() => writer.pause());
    }
  }
  await writer.finish(index.version, built.counts, packed.buckets);
  phases.writeMs = performance.now() - t;
  return built.counts;
}

/**
 * Bytes put before the seed waits for the engine to take them. Copying bytes
 * is so cheap that a 5 ms slice could queue several megabytes, and Chromium's
 * IndexedDB answered the status read queued behind them 230 ms late.
 */
const QUEUED_BYTES = 1 << 20;

/**
 * Puts the records derived at build time (`packed.ts`) as they arrive, each
 * value's bytes as they are: nothing to derive, nothing to parse. Records
 * that cannot be read, name another bundle or layout, are cut short or fail
 * their SHA-256 are `unusable` (the caller derives from the bundle instead); a
 * failed write throws as in any seed. Time spent on the lines (finding them,
 * copying them out, hashing) counts as read, the rest (puts, commits) as write.
 */
async function seedFromRecords(bundle: IndexBundle, writer: IndexWriter, slicer: Slicer, progress: (fraction: number) => void, phases: Phases): Promise<{ counts: Counts } | { unusable: string }> {
  const started = performance.now();
  const reader = new RecordsReader(RECORDS_FILE, (header) => usableHeader(header, bundle));
  const chunks = bundle.records!()[Symbol.asyncIterator]();
  let header: RecordsHeader | null = null;
  let read = 0;
  let queued = 0;
  const unusable = async (error: unknown) => {
    await chunks.return?.().catch(() => undefined);
    return { unusable: describe(error) };
  };
  for (;;) {
    let lines: RecordLine[];
    try {
      const next = await slicer.wait(chunks.next());
      if (next.done) break;
      const t = performance.now();
      lines = [...reader.push(next.value)];
      phases.readMs += performance.now() - t;
      header ??= reader.header;
    } catch (error) {
      return unusable(error);
    }
    for (const line of lines) {
      read++;
      writer.putStored(line.store, () => line.record);
      queued += storedBytes(line.record);
      if (slicer.due() || queued >= QUEUED_BYTES) {
        queued = 0;
        progress(read / Math.max(header!.records, 1));
        await slicer.yield(() => writer.pause());
      }
    }
  }
  try {
    // Most of the hashing is done by now, off the thread: what is left is a wait, not a slice.
    const t = performance.now();
    await slicer.wait(reader.verify());
    phases.readMs += performance.now() - t;
  } catch (error) {
    return unusable(error);
  }
  await writer.finish(header!.indexVersion, header!.counts, header!.buckets);
  phases.writeMs = performance.now() - started - phases.readMs;
  return { counts: header!.counts };
}

/**
 * Parses the bundle line by line as its text arrives, yielding between
 * slices; documents go straight to their pages in the index database. A
 * broken line fails with its number.
 */
async function readIndex(bundle: IndexBundle, documents: DocumentPager, writer: IndexWriter, slicer: Slicer, onProgress: (fraction: number) => void): Promise<SummitIndex> {
  const { counts } = bundle.header;
  const total = counts.documents + counts.people + counts.summits + counts.offices + counts.quotes;
  const index: SummitIndex = { version: INDEX_VERSION, documents: [], people: [], summits: [], quotes: [], offices: [], distractors: bundle.header.distractors };
  const reader = new BundleReader(bundle.file);
  let read = 0;
  const chunks = bundle.text()[Symbol.asyncIterator]();
  try {
    for (let next = await slicer.wait(chunks.next()); !next.done; next = await slicer.wait(chunks.next())) {
      for (const [kind, record] of reader.push(next.value)) {
        if (kind === 'document') documents.add(record);
        else if (kind === 'person') index.people.push(record);
        else if (kind === 'summit') index.summits.push(record);
        else if (kind === 'office') index.offices.push(record);
        else index.quotes.push(record);
        read++;
        if (slicer.due()) {
          onProgress(read / Math.max(total, 1));
          await slicer.yield(() => writer.pause());
        }
      }
    }
  } catch (error) {
    // Stops the stream; its own error, if any, is the one already caught.
    await chunks.return?.().catch(() => undefined);
    if (error instanceof BundleError) throw error;
    // Undecodable bytes or a failed read: name where reading stopped.
    throw new BundleError(bundle.file, reader.line + 1, `could not be read (${describe(error)})`);
  }
  const header = reader.finish();
  if (header.hash !== bundle.header.hash) {
    throw new BundleError(bundle.file, 1, 'the file changed while it was being read (an update in progress?); it will be read again on the next start');
  }
  documents.flush();
  return index;
}

/** Deletes index databases readers can no longer reach. Best effort: a failure here costs disk space, not data. */
async function removeStale(store: SummitStore, live: string): Promise<void> {
  try {
    for (const name of await staleIndexDbs(store.factory, store.name, live)) await deleteIndexDb(store.factory, name);
  } catch {
    // Retried after the next seed or start.
  }
}

function errorName(error: unknown): string {
  return error instanceof Error || error instanceof DOMException ? error.name : '';
}

function explain(error: unknown, served: ServedIndex | null): string {
  const kept = served ? 'the previous index is still in use' : 'no index is available yet';
  const name = errorName(error);
  if (name === 'QuotaExceededError') return `not enough storage to seed the index (quota exceeded); ${kept}`;
  return `seeding failed: ${describe(error)}; ${kept}`;
}

export async function writeStatus(db: SummitDb, status: Omit<StatusRecord, 'key' | 'updatedAt'>): Promise<void> {
  await db.put('meta', { key: 'status', ...status, updatedAt: Date.now() });
}
