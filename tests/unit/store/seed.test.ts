import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { syntheticIndex } from '../../../bench/synthetic-index';
import { withRussianCases } from '../../../src/matcher/russian-forms';
import { buildLexicon, unpackLexicon } from '../../../src/schema/lexicon';
import { connectStore, ensureSeeded, getLexicon, getStatus, listSaved, saveQuote, search, type SummitStore } from '../../../src/store';
import { bundleFromText } from '../../../src/store/bundle-source';
import { openIndexDb } from '../../../src/store/index-db';
import { indexDbName } from '../../../src/store/index-layout';
import { writeStatus } from '../../../src/store/seed';
import { Slicer } from '../../../src/store/slicer';
import { fromStored, isStored } from '../../../src/store/stored';
import { bundle, bundleText, makeIndex, quoteSpecs } from './fixture';

let counter = 0;
const open = () => connectStore({ factory: new IDBFactory(), name: `seed-${++counter}` });
const indexA = makeIndex();
/** B drops q9 and adds q10: a re-seed must remove the one and show the other. */
const indexB = makeIndex([...quoteSpecs.filter((q) => q.id !== 'q9'), { id: 'q10', doc: 'd1', text: 'Một thỏa thuận mới về Ukraine', speaker: 'trump', summit: 'alaska-2025', date: '2025-08-17', mentions: [] }]);
const big = syntheticIndex(indexA, 300);
const A_IDS = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9'];

/** The live index's hash and quote ids, as a reader sees them. */
async function live(store: SummitStore): Promise<{ hash: string; ids: string[] } | null> {
  const index = await store.index();
  if (!index) return null;
  const pages = await index.db.getAll('pages');
  const decoded = await Promise.all(pages.map((p) => fromStored('pages', p)));
  return { hash: index.header.hash, ids: decoded.flatMap(({ value }) => value.quotes.map((q) => q.id)).sort() };
}

async function databases(store: SummitStore): Promise<string[]> {
  return (await store.factory.databases()).map((d) => d.name!).sort();
}

afterEach(() => vi.restoreAllMocks());

describe('ensureSeeded', () => {
  it('seeds an empty store into a database of its own and stores the lexicon in parts', async () => {
    const store = open();
    expect((await getStatus(await store.main())).state).toBe('empty');
    const progress: number[] = [];
    const report = await ensureSeeded(store, bundle(indexA, 'A'), { onProgress: (f) => progress.push(f) });
    expect(report).toMatchObject({ outcome: 'seeded', hash: 'A', error: null });
    expect(progress.at(-1)).toBe(1);
    expect(await getStatus(await store.main())).toMatchObject({ state: 'ready', hash: 'A', available: true, counts: { documents: 3, people: 4, summits: 3, quotes: 9 } });
    expect(unpackLexicon(await getLexicon((await store.index())!))).toEqual(withRussianCases(buildLexicon(indexA)));
    expect(await live(store)).toEqual({ hash: 'A', ids: A_IDS });
    expect(await databases(store)).toEqual([store.name, indexDbName(store.name, 'A')].sort());
    expect((await getStatus(await store.main())).lastSeed).toMatchObject({ records: report.stats.records });
  });

  it('re-seeds only when the hash changes, replacing the index and its database but not user data', async () => {
    const store = open();
    const a = bundle(indexA, 'A');
    await ensureSeeded(store, a);
    expect((await saveQuote(await store.main(), (await store.index())!, 'q9')).ok).toBe(true);
    expect(await ensureSeeded(store, a)).toMatchObject({ outcome: 'current' });
    expect(a.loads).toBe(1);

    const b = bundle(indexB, 'B');
    expect(await ensureSeeded(store, b)).toMatchObject({ outcome: 'seeded', hash: 'B' });
    expect(await live(store)).toEqual({ hash: 'B', ids: ['q1', 'q10', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8'] });
    // Postings of the old index are gone with it: `đến khi` only occurred in q9.
    const gone = await search((await store.index())!, { text: 'đến khi ' });
    expect(gone.ok && gone.value.total).toBe(0);
    // The old index database is deleted once the new one is live.
    expect(await databases(store)).toEqual([store.name, indexDbName(store.name, 'B')].sort());
    // The saved quote outlives its removal from the index, through its snapshot.
    expect((await listSaved(await store.main())).map((s) => [s.quoteId, s.snapshot?.speaker])).toEqual([['q9', 'Donald Trump']]);
  });

  it('seeds once when two starts race', async () => {
    const store = open();
    const a = bundle(indexA, 'A');
    const [r1, r2] = await Promise.all([ensureSeeded(store, a), ensureSeeded(store, a)]);
    expect(r1.outcome).toBe('seeded');
    expect(r2).toBe(r1);
    expect(a.loads).toBe(1);
  });

  it('keeps the old index live when the bundle cannot be opened or breaks off, and seeds on the next start', async () => {
    const store = open();
    await ensureSeeded(store, bundle(indexA, 'A'));
    const unopenable = await ensureSeeded(store, () => Promise.reject(new Error('fetch failed')));
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
    const broken = await ensureSeeded(store, breaking);
    expect(broken).toMatchObject({ outcome: 'failed', hash: 'A' });
    expect(broken.error).toMatch(/^seeding failed: BundleError: summit-index\.jsonl:\d+: could not be read \(TypeError: network error\); the previous index is still in use$/);
    expect(await getStatus(await store.main())).toMatchObject({ state: 'failed', hash: 'A', targetHash: 'B', available: true });
    expect(await live(store)).toEqual({ hash: 'A', ids: A_IDS });

    expect(await ensureSeeded(store, bundle(indexB, 'B'))).toMatchObject({ outcome: 'seeded' });
    expect(await getStatus(await store.main())).toMatchObject({ state: 'ready', hash: 'B', error: null });
  });

  it('refuses a broken bundle with its file and line, keeping the old index live', async () => {
    const store = open();
    await ensureSeeded(store, bundle(indexA, 'A'));
    const good = bundleText(indexB, 'B');
    const lines = good.split('\n');
    const quoteLine = lines.findIndex((l) => l.startsWith('["quote",{"id":"q3"'));
    const attempts: [string, string][] = [
      [lines.map((l, i) => (i === quoteLine ? l.slice(0, 40) : l)).join('\n'), `summit-index.jsonl:${quoteLine + 1}: invalid JSON`],
      [lines.map((l, i) => (i === quoteLine ? l.replace('"text":', '"texte":') : l)).join('\n'), `summit-index.jsonl:${quoteLine + 1}: quote "q3" has no valid "text"`],
      [lines.map((l, i) => (i === quoteLine ? l.replace('"id":"q3"', '"id":"q1"') : l)).join('\n'), `summit-index.jsonl:${quoteLine + 1}: quote id "q1" is already used on line`],
      [good.slice(0, good.length - 30), 'the file ends in the middle of a line: it is cut short'],
      [lines.filter((_, i) => i !== quoteLine).join('\n'), 'the header promises 9 quotes but the file holds 8'],
      [`${bundleText(indexB, 'C').split('\n')[0]}\n${lines.slice(1).join('\n')}`, 'summit-index.jsonl:1: the file changed while it was being read'],
    ];
    for (const [text, problem] of attempts) {
      const report = await ensureSeeded(store, { ...bundleFromText(good), text: bundleFromText(text).text });
      expect(report).toMatchObject({ outcome: 'failed', hash: 'A' });
      expect(report.error).toContain(problem);
      expect(report.error).toMatch(/; the previous index is still in use$/);
      expect(await live(store)).toEqual({ hash: 'A', ids: A_IDS });
    }
  });

  it('rejects a bundle of another index version without touching the live index', async () => {
    const store = open();
    await ensureSeeded(store, bundle(indexA, 'A'));
    const report = await ensureSeeded(store, async () => bundleFromText(bundleText({ ...indexA, version: 99 }, 'X')));
    expect(report.error).toBe('seeding failed: BundleError: summit-index.jsonl:1: index version 99, this build reads version 1; the previous index is still in use');
    expect(await live(store)).toEqual({ hash: 'A', ids: A_IDS });
  });

  it('resumes a seed that stopped midway from its checkpoint, serving the old index meanwhile', async () => {
    const store = open();
    await ensureSeeded(store, bundle(indexA, 'A'));
    let writes = 0;
    const stopped = await ensureSeeded(store, bundle(big, 'BIG'), {
      onProgress: (f) => {
        // Late in the writes, after some batches committed: stop there, as a killed worker would.
        if (f > 0.9 && f < 1 && ++writes === 1) throw new Error('worker killed');
      },
    });
    expect(writes).toBe(1);
    expect(stopped).toMatchObject({ outcome: 'failed', hash: 'A' });
    expect(await live(store)).toEqual({ hash: 'A', ids: A_IDS });
    const partial = await openIndexDb(store.factory, indexDbName(store.name, 'BIG'), 'existing');
    const checkpoint = await partial.get('header', 'progress');
    expect(await partial.get('header', 'index')).toBeUndefined();
    partial.close();
    expect(checkpoint).toMatchObject({ key: 'progress', hash: 'BIG' });

    const resumed = await ensureSeeded(store, bundle(big, 'BIG'));
    expect(resumed).toMatchObject({ outcome: 'seeded', hash: 'BIG' });
    expect(resumed.stats.resumedAt).toBe(checkpoint && 'written' in checkpoint ? checkpoint.written : -1);
    expect(resumed.stats.resumedAt).toBeGreaterThan(0);
    const after = await live(store);
    expect(after?.ids.length).toBe(big.quotes.length);
    // The resumed database answers like one seeded in one go.
    const fresh = open();
    await ensureSeeded(fresh, bundle(big, 'BIG'));
    for (const text of ['Putin', 'hoa binh', 'thuong dinh', 'Tru']) {
      const [x, y] = await Promise.all([search((await store.index())!, { text }), search((await fresh.index())!, { text })]);
      expect(x).toEqual(y);
    }
  });

  it('moves the pointer without writing again when a complete index was seeded but never made live', async () => {
    const store = open();
    await ensureSeeded(store, bundle(indexA, 'A'));
    await ensureSeeded(store, bundle(indexB, 'B'));
    // As if the worker died between completing B and moving the pointer: status still says A.
    await writeStatus(await store.main(), { state: 'seeding', targetHash: 'B', progress: 0.99, error: null, served: { hash: 'A', name: indexDbName(store.name, 'A'), counts: { documents: 3, people: 4, summits: 3, quotes: 9 } } });
    const report = await ensureSeeded(store, bundle(indexB, 'B'));
    expect(report).toMatchObject({ outcome: 'seeded', hash: 'B' });
    expect(report.stats.records).toBe(0);
    expect(await getStatus(await store.main())).toMatchObject({ state: 'ready', hash: 'B' });
  });

  it('reports a full disk clearly, keeps the old index live and gives the space back', async () => {
    const store = open();
    await ensureSeeded(store, bundle(indexA, 'A'));
    // The engine's object store class: fail writes of quote pages the way a full disk would.
    const probe = await openIndexDb(store.factory, indexDbName(store.name, 'A'), 'existing');
    const storeClass = Object.getPrototypeOf(unwrap(probe.transaction('pages').objectStore('pages'))) as IDBObjectStore;
    probe.close();
    const put = storeClass.put;
    vi.spyOn(storeClass, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'pages') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const report = await ensureSeeded(store, bundle(indexB, 'B'));
    vi.restoreAllMocks();
    expect(report.outcome).toBe('failed');
    expect(report.error).toBe('not enough storage to seed the index (quota exceeded); the previous index is still in use');
    expect(await getStatus(await store.main())).toMatchObject({ state: 'failed', hash: 'A', available: true, error: report.error });
    expect(await live(store)).toEqual({ hash: 'A', ids: A_IDS });
    expect(await databases(store)).toEqual([store.name, indexDbName(store.name, 'A')].sort());
    const r = await search((await store.index())!, { text: 'hoa binh' });
    expect(r.ok && r.value.total).toBe(5);
  });

  it('removes index databases nothing points to', async () => {
    const store = open();
    // Left behind by an older version: a half-written index under another hash.
    (await openIndexDb(store.factory, indexDbName(store.name, 'OLD'), 'create')).close();
    await ensureSeeded(store, bundle(indexA, 'A'));
    expect(await databases(store)).toEqual([store.name, indexDbName(store.name, 'A')].sort());
  });

  // A 300× seed with a yield every few records takes seconds on a loaded machine: a longer timeout, not a timing claim.
  it('yields in every phase, reading, deriving and writing, by its clock and not by luck', async () => {
    const store = open();
    // A clock that advances 1 ms per reading: slicing becomes deterministic, nothing is timed.
    let now = 0;
    const slicer = new Slicer(10, () => now++);
    const progress: number[] = [];
    const report = await ensureSeeded(store, bundle(big, 'BIG'), { onProgress: (f) => progress.push(f), slicer });
    expect(report.outcome).toBe('seeded');
    const records = big.documents.length + big.people.length + big.summits.length + big.quotes.length;
    // At most ten clock readings per slice means a yield at least every few records.
    expect(report.stats.slices).toBeGreaterThan(records / 10);
    const phases = [progress.filter((f) => f < 0.3), progress.filter((f) => f >= 0.3 && f < 0.5), progress.filter((f) => f >= 0.5 && f < 1)];
    expect(phases.map((p) => p.length > 10)).toEqual([true, true, true]);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
  }, 30_000);

  it('writes a few large records, none of which grows with the index beyond its bucket', async () => {
    const store = open();
    const report = await ensureSeeded(store, bundle(big, 'BIG'));
    const records = big.documents.length + big.people.length + big.summits.length + big.quotes.length;
    // 300× is 5,700 documents, people, summits and quotes; they go out as a few hundred records.
    expect(report.stats.records).toBeLessThan(records / 10);
    const index = (await store.index())!;
    // Structured clone copies typed arrays as one block, so lists and postings count by their bytes.
    const size = (value: unknown): number =>
      ArrayBuffer.isView(value)
        ? value.byteLength / 8
        : typeof value === 'string'
          ? value.length
          : value instanceof Map
            ? [...value.values()].reduce<number>((sum, v) => sum + size(v) + 4, 0)
            : value && typeof value === 'object'
              ? Object.values(value).reduce<number>((sum, v) => sum + size(v) + 4, 0)
              : 8;
    for (const name of ['header', 'buckets', 'pages', 'words'] as const) {
      const values = await Promise.all((await index.db.getAll(name)).map(async (r) => (isStored(r) ? (await fromStored(name as 'buckets', r)).value : r)));
      const largest = Math.max(...values.map(size));
      expect([name, largest < 200_000]).toEqual([name, true]);
    }
    expect(unpackLexicon(await getLexicon(index))).toEqual(withRussianCases(buildLexicon(big)));
  });
});

describe('readers during a seed', () => {
  it('keep reading the old index, without waiting, until the new one is complete', async () => {
    const store = open();
    await ensureSeeded(store, bundle(indexA, 'A'));
    let seeding = true;
    const seen: Promise<string>[] = [];
    // A clock that advances 1 ms per reading, as above: how many slices there are is the code's, not the machine's.
    let now = 0;
    const report = await ensureSeeded(store, bundle(big, 'BIG'), {
      slicer: new Slicer(10, () => now++),
      onProgress: () => {
        // Each read is answered while the seed is still running.
        seen.push(live(store).then((v) => `${v!.hash}:${v!.ids.length}:${seeding ? 'during' : 'after'}`));
      },
    });
    seeding = false;
    expect(report.outcome).toBe('seeded');
    expect(seen.length).toBeGreaterThan(5);
    const views = await Promise.all(seen);
    // Only the read started at the very end (progress 1) may land after the pointer moved.
    expect(views.slice(0, -1).every((v) => v === 'A:9:during')).toBe(true);
    expect(['A:9:during', `BIG:${big.quotes.length}:after`]).toContain(views.at(-1));
    expect((await live(store))?.hash).toBe('BIG');
  });
});
