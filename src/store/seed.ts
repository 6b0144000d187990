import { unwrap } from 'idb';
import { INDEX_VERSION, type SummitIndex } from '../schema/index-schema';
import { describe } from './open';
import { buildSeedRecords, type SeedRecords } from './records';
import { SEEDED_STORES, type StatusRecord, type SummitDb } from './schema';
import { Slicer } from './slicer';

/** The bundled index as the background sees it: a hash it can compare cheaply, and the parse it may skip. */
export interface IndexBundle {
  hash: string;
  load(): Promise<SummitIndex>;
}

export interface SeedReport {
  outcome: 'current' | 'seeded' | 'failed';
  /** Hash of the index the stores now hold, old or new (null when empty). */
  hash: string | null;
  error: string | null;
  stats: { ms: number; longestSliceMs: number; slices: number; progressCalls: number; records: number };
}

/** Share of the progress bar spent deriving records before the write transaction opens. */
const BUILD_SHARE = 0.4;

const running = new WeakMap<SummitDb, Promise<SeedReport>>();

/**
 * Makes the stores hold the bundled index. Seeds only when the committed hash
 * differs from the bundle's: the hash is written in the same transaction as the
 * data, so a seed that did not complete (worker killed, loader threw, quota)
 * leaves the old hash and is redone on the next call. Never throws for a
 * failed seed: the report and the `meta` status carry the error, and the
 * previous index stays readable.
 */
export function ensureSeeded(db: SummitDb, bundle: IndexBundle, onProgress?: (fraction: number) => void): Promise<SeedReport> {
  // Two messages waking the worker at once must not seed twice.
  const pending = running.get(db);
  if (pending) return pending;
  const run = seed(db, bundle, onProgress).finally(() => running.delete(db));
  running.set(db, run);
  return run;
}

async function seed(db: SummitDb, bundle: IndexBundle, onProgress?: (fraction: number) => void): Promise<SeedReport> {
  const started = performance.now();
  const slicer = new Slicer();
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
  if (served === bundle.hash) {
    if (status?.state !== 'ready') await writeStatus(db, { state: 'ready', targetHash: null, progress: 1, error: null, served: old });
    return report('current', served, null);
  }

  let lastWritten = 0;
  const progress = (fraction: number) => {
    progressCalls++;
    onProgress?.(fraction);
    // The status store is outside the seeding transaction, so the popup can show this while readers wait.
    if (fraction - lastWritten >= 0.1) {
      lastWritten = fraction;
      void writeStatus(db, { state: 'seeding', targetHash: bundle.hash, progress: fraction, error: null, served: old }).catch(() => undefined);
    }
  };

  try {
    await writeStatus(db, { state: 'seeding', targetHash: bundle.hash, progress: 0, error: null, served: old });
    const index = await bundle.load();
    const problem = validate(index);
    if (problem) throw new Error(`bundled index rejected: ${problem}`);
    slicer.begin();
    const built = await buildSeedRecords(index, bundle.hash, slicer, (f) => progress(f * BUILD_SHARE));
    records = await writeAll(db, built, slicer, (f) => progress(BUILD_SHARE + f * (1 - BUILD_SHARE)));
    progress(1);
    await writeStatus(db, { state: 'ready', targetHash: null, progress: 1, error: null, served: { hash: bundle.hash, counts: built.counts } });
    return report('seeded', bundle.hash, null);
  } catch (error) {
    const message = explain(error, served);
    await writeStatus(db, { state: 'failed', targetHash: bundle.hash, progress: 0, error: message, served: old }).catch(() => undefined);
    return report('failed', served, message);
  }
}

/**
 * One readwrite transaction over every seeded store, so a reader sees the old
 * index or the new one, never a mix (readers overlapping its scope wait for it).
 * Records go in through raw requests (no promise per put); between slices the
 * loop awaits the last request, which frees the thread while the transaction
 * stays alive.
 */
async function writeAll(db: SummitDb, built: SeedRecords, slicer: Slicer, onProgress: (fraction: number) => void): Promise<number> {
  const tx = db.transaction([...SEEDED_STORES], 'readwrite');
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

function validate(index: SummitIndex): string | null {
  if (!index || typeof index !== 'object') return 'not an object';
  if (index.version !== INDEX_VERSION) return `version ${String(index.version)}, expected ${INDEX_VERSION}`;
  for (const key of ['documents', 'people', 'summits', 'quotes', 'distractors'] as const) {
    if (!Array.isArray(index[key])) return `"${key}" is not an array`;
  }
  return null;
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
