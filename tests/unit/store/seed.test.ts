import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { syntheticIndex } from '../../../bench/synthetic-index';
import { buildLexicon } from '../../../src/schema/lexicon';
import { ensureSeeded, getLexicon, getStatus, openSummitDb, saveQuote, listSaved, search, type SummitDb } from '../../../src/store';
import { writeStatus } from '../../../src/store/seed';
import { bundle, makeIndex, quoteSpecs } from './fixture';

const open = () => openSummitDb({ factory: new IDBFactory(), name: 'seed' });
const indexA = makeIndex();
/** B drops q9 and adds q10: a re-seed must remove the one and show the other. */
const indexB = makeIndex([...quoteSpecs.filter((q) => q.id !== 'q9'), { id: 'q10', doc: 'd1', text: 'Một thỏa thuận mới về Ukraine', speaker: 'trump', summit: 'alaska-2025', date: '2025-08-17', mentions: [] }]);
const big = syntheticIndex(indexA, 300);

async function quoteIds(db: SummitDb): Promise<string[]> {
  return (await db.getAll('quotes')).map((q) => q.id).sort();
}

afterEach(() => vi.restoreAllMocks());

describe('ensureSeeded', () => {
  it('seeds an empty database and stores the lexicon for one read', async () => {
    const db = await open();
    expect((await getStatus(db)).state).toBe('empty');
    const progress: number[] = [];
    const report = await ensureSeeded(db, bundle(indexA, 'A'), (f) => progress.push(f));
    expect(report).toMatchObject({ outcome: 'seeded', hash: 'A', error: null });
    expect(progress.at(-1)).toBe(1);
    expect(await getStatus(db)).toMatchObject({ state: 'ready', hash: 'A', available: true, counts: { documents: 3, people: 4, summits: 3, quotes: 9 } });
    expect(await getLexicon(db)).toEqual(buildLexicon(indexA));
    expect(await quoteIds(db)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9']);
  });

  it('re-seeds only when the hash changes, replacing the whole index but not user data', async () => {
    const db = await open();
    const a = bundle(indexA, 'A');
    await ensureSeeded(db, a);
    expect((await saveQuote(db, 'q9')).ok).toBe(true);
    expect(await ensureSeeded(db, a)).toMatchObject({ outcome: 'current' });
    expect(a.loads).toBe(1);

    const b = bundle(indexB, 'B');
    expect(await ensureSeeded(db, b)).toMatchObject({ outcome: 'seeded', hash: 'B' });
    expect(await quoteIds(db)).toEqual(['q1', 'q10', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8']);
    // Postings of the old index are gone with it: `đến khi` only occurred in q9.
    const gone = await search(db, { text: 'đến khi ' });
    expect(gone.ok && gone.value.total).toBe(0);
    // The saved quote outlives its removal from the index, through its snapshot.
    expect((await listSaved(db)).map((s) => [s.quoteId, s.snapshot?.speaker])).toEqual([['q9', 'Donald Trump']]);
  });

  it('seeds once when two starts race', async () => {
    const db = await open();
    const a = bundle(indexA, 'A');
    const [r1, r2] = await Promise.all([ensureSeeded(db, a), ensureSeeded(db, a)]);
    expect(r1.outcome).toBe('seeded');
    expect(r2).toBe(r1);
    expect(a.loads).toBe(1);
  });

  it('keeps the old index when the loader throws, and redoes the seed on the next start', async () => {
    const db = await open();
    await ensureSeeded(db, bundle(indexA, 'A'));
    const failing = { hash: 'B', load: () => Promise.reject(new Error('fetch failed')) };
    const report = await ensureSeeded(db, failing);
    expect(report).toMatchObject({ outcome: 'failed', hash: 'A' });
    expect(report.error).toContain('fetch failed');
    expect(await getStatus(db)).toMatchObject({ state: 'failed', hash: 'A', targetHash: 'B', available: true });
    expect(await quoteIds(db)).toContain('q9');

    const b = bundle(indexB, 'B');
    expect(await ensureSeeded(db, b)).toMatchObject({ outcome: 'seeded' });
    expect(await getStatus(db)).toMatchObject({ state: 'ready', hash: 'B', error: null });
  });

  it('rejects a bundle of another schema version without touching the data', async () => {
    const db = await open();
    await ensureSeeded(db, bundle(indexA, 'A'));
    const report = await ensureSeeded(db, bundle({ ...indexA, version: 99 }, 'X'));
    expect(report.error).toContain('version 99');
    expect((await quoteIds(db)).length).toBe(9);
  });

  it('rolls back a seed aborted midway (worker killed) and redoes it on the next start', async () => {
    const db = await open();
    await ensureSeeded(db, bundle(indexA, 'A'));
    let writes = 0;
    const report = await ensureSeeded(db, bundle(big, 'BIG'), (f) => {
      // Past the build share the write transaction is open: die inside it.
      if (f > 0.5 && f < 1 && ++writes === 2) throw new Error('worker killed');
    });
    expect(writes).toBe(2);
    expect(report).toMatchObject({ outcome: 'failed', hash: 'A' });
    expect(await db.count('quotes')).toBe(9);
    expect(await db.count('documents')).toBe(3);
    expect((await db.get('header', 'index'))).toMatchObject({ hash: 'A' });

    expect(await ensureSeeded(db, bundle(big, 'BIG'))).toMatchObject({ outcome: 'seeded' });
    expect(await db.count('quotes')).toBe(big.quotes.length);
  });

  it('redoes a seed whose worker died without a trace, and trusts one that committed before dying', async () => {
    const db = await open();
    await ensureSeeded(db, bundle(indexA, 'A'));
    // Died during the write: status says seeding B, the committed header still says A.
    await writeStatus(db, { state: 'seeding', targetHash: 'B', progress: 0.6, error: null, served: null });
    const b = bundle(indexB, 'B');
    expect(await ensureSeeded(db, b)).toMatchObject({ outcome: 'seeded' });
    // Died after the commit, before the status write: the header already says B.
    await writeStatus(db, { state: 'seeding', targetHash: 'B', progress: 0.9, error: null, served: null });
    expect(await ensureSeeded(db, b)).toMatchObject({ outcome: 'current' });
    expect(b.loads).toBe(1);
    expect(await getStatus(db)).toMatchObject({ state: 'ready', hash: 'B' });
  });

  it('reports quota exceeded clearly and keeps the old index', async () => {
    const db = await open();
    await ensureSeeded(db, bundle(indexA, 'A'));
    // The engine's object store class: fail every write to `terms` the way a full disk would.
    const storeClass = Object.getPrototypeOf(unwrap(db.transaction('terms').objectStore('terms'))) as IDBObjectStore;
    const put = storeClass.put;
    vi.spyOn(storeClass, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'terms') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const report = await ensureSeeded(db, bundle(indexB, 'B'));
    vi.restoreAllMocks();
    expect(report.outcome).toBe('failed');
    expect(report.error).toMatch(/^not enough storage to seed the index \(quota exceeded\); the previous index is still in use$/);
    expect(await getStatus(db)).toMatchObject({ state: 'failed', hash: 'A', available: true, error: report.error });
    expect(await quoteIds(db)).toContain('q9');
    expect(await quoteIds(db)).not.toContain('q10');
    const r = await search(db, { text: 'hoa binh' });
    expect(r.ok && r.value.total).toBe(5);
  });

  it('never runs synchronously for more than 50 ms at a time', async () => {
    const db = await open();
    const report = await ensureSeeded(db, bundle(big, 'BIG'));
    expect(report.outcome).toBe('seeded');
    expect(report.stats.slices).toBeGreaterThan(5);
    expect(report.stats.longestSliceMs).toBeLessThan(50);
  });
});

describe('readers during a seed', () => {
  it('see the old index or the new one, never a mix', async () => {
    const factory = new IDBFactory();
    const writer = await openSummitDb({ factory, name: 'readers' });
    const reader = await openSummitDb({ factory, name: 'readers' });
    await ensureSeeded(writer, bundle(indexA, 'A'));

    const snapshot = async () => {
      const tx = reader.transaction(['header', 'quotes', 'terms'], 'readonly');
      const [header, quotes, terms] = await Promise.all([tx.objectStore('header').get('index'), tx.objectStore('quotes').count(), tx.objectStore('terms').count()]);
      return `${header?.key === 'index' ? header.hash : '-'}:${quotes}:${terms > 0}`;
    };
    const seen: Promise<string>[] = [];
    const report = await ensureSeeded(writer, bundle(big, 'BIG'), () => seen.push(snapshot()));
    expect(report.outcome).toBe('seeded');
    const views = new Set(await Promise.all(seen));
    expect(seen.length).toBeGreaterThan(5);
    expect([...views].sort()).toEqual([`A:9:true`, `BIG:${big.quotes.length}:true`]);
  });
});
