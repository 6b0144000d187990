import { unwrap } from 'idb';
import { BundleError, BundleReader } from '../schema/index-bundle';
import { INDEX_VERSION, type SummitIndex } from '../schema/index-schema';
import type { IndexBundle } from './bundle-source';
import { describe } from './open';
import { buildSeedRecords, type SeedRecords } from './records';
import { SEEDED_STORES, type StatusRecord, type SummitDb } from './schema';
import { Slicer } from './slicer';

export interface SeedReport {
  outcome: 'current' | 'seeded' | 'failed';
  /** Hash of the index the stores now hold, old or new (null when empty). */
  hash: string | null;
  error: string | null;
  stats: { ms: number; longestSliceMs: number; slices: number; progressCalls: number; records: number };
}

/**
 * Shares of the progress bar per phase: reading the bundle, deriving records
 * before the write transaction opens, writing. Set from where the time goes
 * at 1,000× in Chromium (`npm run bench`).
 */
const READ_SHARE = 0.3;
const BUILD_SHARE = 0.2;

/** A bundle, or how to open one: opening reads its header, and a broken header is a failed seed like any other. */
export type BundleSource = IndexBundle | (() => Promise<IndexBundle>);

const running = new WeakMap<SummitDb, Promise<SeedReport>>();

/**
 * Makes the stores hold the bundled index. Seeds only when the committed hash
 * differs from the bundle's: the hash is written in the same transaction as the
 * data, so a seed that did not complete (worker killed, bundle unreadable,
 * quota) leaves the old hash and is redone on the next call.
 * Never throws for a failed seed: the report and the `meta` status carry the
 * error, and the previous index stays readable.
 */
export function ensureSeeded(db: SummitDb, bundle: BundleSource, onProgress?: (fraction: number) => void, slicer = new Slicer()): Promise<SeedReport> {
  // Two messages waking the worker at once must not seed twice.
  const pending = running.get(db);
  if (pending) return pending;
  const run = seed(db, bundle, slicer, onProgress).finally(() => running.delete(db));
  running.set(db, run);
  return run;
}

async function seed(db: SummitDb, source: BundleSource, slicer: Slicer, onProgress?: (fraction: number) => void): Promise<SeedReport> {
  const started = performance.now();
  let progressCalls = 0;
  let records = 0;
  const report = (outcome: SeedReport['outcome'], hash: string | null, error: string | null): SeedReport => ({
    outcome,
    hash,
    error,
    stats: { ms: performance.now() - started, longestSliceMs: slicer.longestMs, slices: slicer.slices, progressCalls, records },
  });

  const tx = db.transaction(['header', 'meta'], 'readonly');
  const [header, status] = await Promise.all([tx.objectStore('header').get('index'), tx.objectStore('meta').get('status')]);
  const old = header?.key === 'index' ? { hash: header.hash, counts: header.counts } : null;
  const served = old?.hash ?? null;
  type StatusFields = Pick<StatusRecord, 'state' | 'targetHash' | 'progress' | 'error'> & Partial<StatusRecord>;
  const setStatus = (fields: StatusFields) => writeStatus(db, { served: old, lastSeed: status?.lastSeed ?? null, ...fields });
  const failed = async (message: string, targetHash: string | null) => {
    await setStatus({ state: 'failed', targetHash, progress: 0, error: message }).catch(() => undefined);
    return report('failed', served, message);
  };

  let bundle: IndexBundle;
  try {
    bundle = typeof source === 'function' ? await source() : source;
  } catch (error) {
    return failed(explain(error, served), null);
  }
  const target = bundle.header.hash;
  if (served === target) {
    if (status?.state !== 'ready') await setStatus({ state: 'ready', targetHash: null, progress: 1, error: null });
    return report('current', served, null);
  }

  let lastWritten = 0;
  const progress = (fraction: number) => {
    progressCalls++;
    onProgress?.(fraction);
    // The status store is outside the seeding transaction, so the popup can show this while readers wait.
    if (fraction - lastWritten >= 0.1) {
      lastWritten = fraction;
      void setStatus({ state: 'seeding', targetHash: target, progress: fraction, error: null }).catch(() => undefined);
    }
  };

  try {
    await setStatus({ state: 'seeding', targetHash: target, progress: 0, error: null });
    slicer.begin();
    const index = await readIndex(bundle, slicer, (f) => progress(f * READ_SHARE));
    const built = await buildSeedRecords(index, target, slicer, (f) => progress(READ_SHARE + f * BUILD_SHARE));
    records = await writeAll(db, built, slicer, (f) => progress(READ_SHARE + BUILD_SHARE + f * (1 - READ_SHARE - BUILD_SHARE)));
    progress(1);
    const done = report('seeded', target, null);
    const { ms, longestSliceMs, slices } = done.stats;
    await setStatus({ state: 'ready', targetHash: null, progress: 1, error: null, served: { hash: target, counts: built.counts }, lastSeed: { ms, longestSliceMs, slices, records } });
    return done;
  } catch (error) {
    return failed(explain(error, served), target);
  }
}

/** Parses the bundle line by line as its text arrives, yielding between slices; a broken line fails with its number. */
async function readIndex(bundle: IndexBundle, slicer: Slicer, onProgress: (fraction: number) => void): Promise<SummitIndex> {
  const { counts } = bundle.header;
  const total = counts.documents + counts.people + counts.summits + counts.quotes;
  const index: SummitIndex = { version: INDEX_VERSION, documents: [], people: [], summits: [], quotes: [], distractors: bundle.header.distractors };
  const reader = new BundleReader(bundle.file);
  let read = 0;
  try {
    for await (const chunk of bundle.text()) {
      for (const [kind, record] of reader.push(chunk)) {
        if (kind === 'document') index.documents.push(record);
        else if (kind === 'person') index.people.push(record);
        else if (kind === 'summit') index.summits.push(record);
        else index.quotes.push(record);
        read++;
        if (slicer.due()) {
          onProgress(read / Math.max(total, 1));
          await slicer.yield();
        }
      }
    }
  } catch (error) {
    if (error instanceof BundleError) throw error;
    // Undecodable bytes or a failed read: name where reading stopped.
    throw new BundleError(bundle.file, reader.line + 1, `could not be read (${describe(error)})`);
  }
  const header = reader.finish();
  if (header.hash !== bundle.header.hash) {
    throw new BundleError(bundle.file, 1, 'the file changed while it was being read (an update in progress?); it will be read again on the next start');
  }
  return index;
}

/**
 * One readwrite transaction over every seeded store, so a reader sees the old
 * index or the new one, never a mix (readers overlapping its scope wait for it).
 * Records go in through raw requests (no promise per put); between slices the
 * loop awaits the last request, which frees the thread while the transaction
 * stays alive.
 */
async function writeAll(db: SummitDb, built: SeedRecords, slicer: Slicer, onProgress: (fraction: number) => void): Promise<number> {
  // Relaxed: the data and its hash commit together, so a commit lost to a crash only means seeding again.
  const tx = db.transaction([...SEEDED_STORES], 'readwrite', { durability: 'relaxed' });
  const done = tx.done;
  done.catch(() => undefined);
  const raw = unwrap(tx);
  const total = built.documents.length + built.people.length + built.summits.length + built.quotes.length + built.terms.length + built.header.length;
  let written = 0;
  let last: IDBRequest | null = null;
  try {
    for (const store of SEEDED_STORES) raw.objectStore(store).clear();
    const groups: [string, readonly unknown[]][] = [
      ['documents', built.documents],
      ['people', built.people],
      ['summits', built.summits],
      ['quotes', built.quotes],
      ['terms', built.terms],
      // Last: the hash commits with the data and marks the index complete.
      ['header', built.header],
    ];
    for (const [name, list] of groups) {
      const store = raw.objectStore(name);
      for (const record of list) {
        last = store.put(record);
        written++;
        if (slicer.due()) {
          onProgress(written / total);
          const request = last;
          await slicer.yield(() => settled(request));
        }
      }
    }
    slicer.end();
    await done;
    return written;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // The engine aborted it already; its error is the one to report.
    }
    throw raw.error ?? error;
  }
}

function settled(request: IDBRequest): Promise<void> {
  return new Promise((resolve) => {
    request.addEventListener('success', () => resolve());
    request.addEventListener('error', () => resolve());
  });
}

function explain(error: unknown, served: string | null): string {
  const kept = served ? 'the previous index is still in use' : 'no index is available yet';
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') return `not enough storage to seed the index (quota exceeded); ${kept}`;
  if (name === 'ConstraintError') return `the bundled index has a duplicate id (${describe(error)}); ${kept}`;
  return `seeding failed: ${describe(error)}; ${kept}`;
}

export async function writeStatus(db: SummitDb, status: Omit<StatusRecord, 'key' | 'updatedAt'>): Promise<void> {
  await db.put('meta', { key: 'status', ...status, updatedAt: Date.now() });
}
