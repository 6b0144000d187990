import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { syntheticIndex } from '../../../bench/synthetic-index';
import { buildLexicon } from '../../../src/schema/lexicon';
import { ensureSeeded, getLexicon, getStatus, openSummitDb, saveQuote, listSaved, search, type SummitDb } from '../../../src/store';
import { writeStatus } from '../../../src/store/seed';
import { bundleFromText } from '../../../src/store/bundle-source';
import { Slicer } from '../../../src/store/slicer';
import { bundle, bundleText, makeIndex, quoteSpecs } from './fixture';

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

  it('keeps the old index when the bundle cannot be opened or breaks off, and redoes the seed on the next start', async () => {
    const db = await open();
    await ensureSeeded(db, bundle(indexA, 'A'));
    const unopenable = await ensureSeeded(db, () => Promise.reject(new Error('fetch failed')));
    expect(unopenable).toMatchObject({ outcome: 'failed', hash: 'A' });
    expect(unopenable.error).toBe('seeding failed: Error: fetch failed; the previous index is still in use');

    const b = bundle(indexB, 'B');
    const breaking = {
      ...b,
      async *text() {
        let chunks = 0;
        for await (const chunk of b.text()) {
          if (++chunks === 4) throw new TypeError('network error');
          yield chunk;
        }
      },
    };
    const broken = await ensureSeeded(db, breaking);
    expect(broken).toMatchObject({ outcome: 'failed', hash: 'A' });
    expect(broken.error).toMatch(/^seeding failed: BundleError: summit-index\.jsonl:\d+: could not be read \(TypeError: network error\); the previous index is still in use$/);
    expect(await getStatus(db)).toMatchObject({ state: 'failed', hash: 'A', targetHash: 'B', available: true });
    expect(await quoteIds(db)).toContain('q9');

    expect(await ensureSeeded(db, bundle(indexB, 'B'))).toMatchObject({ outcome: 'seeded' });
    expect(await getStatus(db)).toMatchObject({ state: 'ready', hash: 'B', error: null });
  });

  it('refuses a broken bundle with its file and line, keeping the old index', async () => {
    const db = await open();
    await ensureSeeded(db, bundle(indexA, 'A'));
    const good = bundleText(indexB, 'B');
    const lines = good.split('\n');
    const quoteLine = lines.findIndex((l) => l.startsWith('["quote",{"id":"q3"'));
    const attempts: [string, string][] = [
      [lines.map((l, i) => (i === quoteLine ? l.slice(0, 40) : l)).join('\n'), `summit-index.jsonl:${quoteLine + 1}: invalid JSON`],
      [lines.map((l, i) => (i === quoteLine ? l.replace('"text":', '"texte":') : l)).join('\n'), `summit-index.jsonl:${quoteLine + 1}: quote "q3" has no valid "text"`],
      [good.slice(0, good.length - 30), 'the file ends in the middle of a line: it is cut short'],
      [lines.filter((_, i) => i !== quoteLine).join('\n'), 'the header promises 9 quotes but the file holds 8'],
      [`${bundleText(indexB, 'C').split('\n')[0]}\n${lines.slice(1).join('\n')}`, 'summit-index.jsonl:1: the file changed while it was being read'],
    ];
    for (const [text, problem] of attempts) {
      const report = await ensureSeeded(db, { ...bundleFromText(good), text: bundleFromText(text).text });
      expect(report).toMatchObject({ outcome: 'failed', hash: 'A' });
      expect(report.error).toContain(problem);
      expect(report.error).toMatch(/; the previous index is still in use$/);
      expect(await quoteIds(db)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9']);
    }
  });

  it('rejects a bundle of another index version without touching the data', async () => {
    const db = await open();
    await ensureSeeded(db, bundle(indexA, 'A'));
    const report = await ensureSeeded(db, async () => bundleFromText(bundleText({ ...indexA, version: 99 }, 'X')));
    expect(report.error).toBe('seeding failed: BundleError: summit-index.jsonl:1: index version 99, this build reads version 1; the previous index is still in use');
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

  it('yields in every phase, reading, deriving and writing, by its clock and not by luck', async () => {
    const db = await open();
    // A clock that advances 1 ms per reading: slicing becomes deterministic, nothing is timed.
    let now = 0;
    const slicer = new Slicer(10, () => now++);
    const progress: number[] = [];
    const report = await ensureSeeded(db, bundle(big, 'BIG'), (f) => progress.push(f), slicer);
    expect(report.outcome).toBe('seeded');
    const records = big.documents.length + big.people.length + big.summits.length + big.quotes.length;
    // At most ten clock readings per slice means a yield at least every few records.
    expect(report.stats.slices).toBeGreaterThan(records / 10);
    const phases = [progress.filter((f) => f < 0.3), progress.filter((f) => f >= 0.3 && f < 0.5), progress.filter((f) => f >= 0.5 && f < 1)];
    expect(phases.map((p) => p.length > 10)).toEqual([true, true, true]);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
  });

  it('stores no record whose size grows with the index, so no single write holds the thread', async () => {
    const db = await open();
    await ensureSeeded(db, bundle(big, 'BIG'));
    // Structured clone copies typed arrays as one block, so postings count by their bytes.
    const size = (value: unknown): number =>
      ArrayBuffer.isView(value) ? value.byteLength / 8 : typeof value === 'string' ? value.length : value && typeof value === 'object' ? Object.values(value).reduce<number>((sum, v) => sum + size(v) + 4, 0) : 8;
    const largest: Record<string, number> = {};
    for (const store of ['header', 'documents', 'people', 'summits', 'quotes', 'terms'] as const) {
      largest[store] = Math.max(...(await db.getAll(store)).map(size));
    }
    for (const [store, bytes] of Object.entries(largest)) expect([store, bytes < 200_000]).toEqual([store, true]);
    // The 300× lexicon is about 2 MB: it is stored in parts and joined on read.
    expect(await db.get('header', 'lexicon')).toMatchObject({ parts: Math.ceil(big.people.length / 500) + Math.ceil(big.summits.length / 500) });
    expect(await getLexicon(db)).toEqual(buildLexicon(big));
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
