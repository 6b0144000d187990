import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { syntheticIndex } from '../../../bench/synthetic-index';
import { connectStore, ensureSeeded, getStatus, search, type SummitStore } from '../../../src/store';
import { openIndexDb } from '../../../src/store/index-db';
import { indexDbName } from '../../../src/store/index-layout';
import { decodeRecord, RECORDS_FILE } from '../../../src/store/packed';
import { INDEX_STORES } from '../../../src/store/schema';
import { Slicer } from '../../../src/store/slicer';
import { bundle, makeIndex, packedBundle } from './fixture';

let counter = 0;
const open = () => connectStore({ factory: new IDBFactory(), name: `packed-${++counter}` });
const indexA = makeIndex();
const big = syntheticIndex(indexA, 40);
const QUERIES = ['Putin', 'hoa binh', 'hòa bình', 'thuong dinh', 'Tru', 'Ukraine'];

/** Every record of the live index database, store by store; the header's seeding time left out. */
async function contents(store: SummitStore): Promise<Record<string, unknown[]>> {
  const index = (await store.index())!;
  const out: Record<string, unknown[]> = {};
  for (const name of INDEX_STORES) {
    out[name] = (await index.db.getAll(name)).map((record) => ('seededAt' in record ? { ...record, seededAt: 0 } : record));
  }
  return out;
}

async function answers(store: SummitStore): Promise<unknown[]> {
  const index = (await store.index())!;
  return Promise.all(QUERIES.map((text) => search(index, { text })));
}

async function databases(store: SummitStore): Promise<string[]> {
  return (await store.factory.databases()).map((d) => d.name!).sort();
}

/** The same index seeded the old way: derived from the bundle on this machine. */
const derivedStore = (async () => {
  const store = open();
  await ensureSeeded(store, bundle(big, 'BIG'));
  return store;
})();

afterEach(() => vi.restoreAllMocks());

describe('seeding from packaged records', () => {
  it('parses and puts the records derived at build time, writing exactly what a derived seed writes', async () => {
    const store = open();
    const report = await ensureSeeded(store, await packedBundle(big, 'BIG'));
    expect(report).toMatchObject({ outcome: 'seeded', hash: 'BIG', error: null, recordsUnusable: null });
    expect(report.stats.deriveMs).toBe(0);
    const derived = await derivedStore;
    expect(await contents(store)).toEqual(await contents(derived));
    // Maps and typed arrays come back as such, not as the arrays the file holds.
    const lists = (await (await store.index())!.db.getAll('buckets')).find((b) => b.key.startsWith('lists/'))!;
    expect([...lists.entries.values()].every((v) => v instanceof Uint32Array)).toBe(true);
    expect(await answers(store)).toEqual(await answers(derived));
    expect(await getStatus(await store.main())).toMatchObject({ state: 'ready', hash: 'BIG', counts: { quotes: big.quotes.length } });
  });

  it('derives from the bundle instead when the records are unusable, saying why, and ends with the same index', async () => {
    const good = await packedBundle(big, 'BIG');
    const lines = good.recordsText.split('\n');
    const page = lines.findIndex((l) => l.startsWith('["pages",'));
    const other = await packedBundle(big, 'OTHER');
    const cases: [string, () => AsyncIterable<string>, string][] = [
      ['broken line', text(lines.map((l, i) => (i === page ? l.slice(0, 50) : l)).join('\n')), `${RECORDS_FILE}:${page + 1}: a record line is not valid JSON`],
      ['cut short', text(good.recordsText.slice(0, -100)), 'the file ends in the middle of a line: it is cut short'],
      ['line missing', text(lines.filter((_, i) => i !== page).join('\n')), `the header promises ${lines.length - 2} records but the file holds ${lines.length - 3}`],
      ['another bundle', other.records, `${RECORDS_FILE}:1: the records were derived from another bundle`],
      ['another layout', text(good.recordsText.replace('"layout":1,', '"layout":999,')), 'the records are in layout 999'],
      ['unreadable', failing, 'Error: the package did not give it'],
    ];
    const derived = await derivedStore;
    for (const [what, records, problem] of cases) {
      const store = open();
      const report = await ensureSeeded(store, { ...good, records });
      expect([what, report.outcome, report.recordsUnusable]).toEqual([what, 'seeded', expect.stringContaining(problem)]);
      expect(report.stats.deriveMs).toBeGreaterThan(0);
      expect(await contents(store)).toEqual(await contents(derived));
      expect(await databases(store)).toEqual([store.name, indexDbName(store.name, 'BIG')].sort());
    }
  });

  it('resumes from its checkpoint, stepping over the records the stopped run committed', async () => {
    const store = open();
    // Large enough that batches of records commit before the stop.
    const packed = await packedBundle(syntheticIndex(indexA, 300), 'BIG');
    let stops = 0;
    // A clock that advances 1 ms per reading: a yield every few records.
    let now = 0;
    const stopped = await ensureSeeded(store, packed, {
      slicer: new Slicer(10, () => now++),
      onProgress: (f) => {
        if (f > 0.9 && f < 1 && ++stops === 1) throw new Error('worker killed');
      },
    });
    expect(stopped.outcome).toBe('failed');
    expect(await store.index()).toBeNull();
    const resumed = await ensureSeeded(store, packed);
    expect(resumed).toMatchObject({ outcome: 'seeded', recordsUnusable: null });
    expect(resumed.stats.resumedAt).toBeGreaterThan(0);
    expect(resumed.stats.records).toBeLessThan(JSON.parse(packed.recordsText.slice(0, packed.recordsText.indexOf('\n'))).records);
    const fresh = open();
    await ensureSeeded(fresh, packed);
    expect(await contents(store)).toEqual(await contents(fresh));
  });

  it('keeps the old index live and gives the space back when a write fails for lack of space', async () => {
    const store = open();
    await ensureSeeded(store, await packedBundle(indexA, 'A'));
    const probe = await openIndexDb(store.factory, indexDbName(store.name, 'A'), 'existing');
    const storeClass = Object.getPrototypeOf(unwrap(probe.transaction('pages').objectStore('pages'))) as IDBObjectStore;
    probe.close();
    const put = storeClass.put;
    vi.spyOn(storeClass, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'pages') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const report = await ensureSeeded(store, await packedBundle(big, 'BIG'));
    vi.restoreAllMocks();
    // A write failure is not a bad records file: no second try by deriving, the seed fails as any other.
    expect(report).toMatchObject({ outcome: 'failed', hash: 'A', recordsUnusable: null });
    expect(report.error).toBe('not enough storage to seed the index (quota exceeded); the previous index is still in use');
    expect(await databases(store)).toEqual([store.name, indexDbName(store.name, 'A')].sort());
    const r = await search((await store.index())!, { text: 'hoa binh' });
    expect(r.ok && r.value.total).toBe(5);
  });
});

describe('decodeRecord', () => {
  it('names the line of a record that has the wrong shape', () => {
    expect(() => decodeRecord(RECORDS_FILE, 7, '["words",{"map":"terms","first":"a","words":["a","b"],"values":[]}]')).toThrow(
      `${RECORDS_FILE}:7: a word page needs "map", "first", and as many "values" as "words"`,
    );
    expect(() => decodeRecord(RECORDS_FILE, 3, '["quotes",{}]')).toThrow(`${RECORDS_FILE}:3: a record line must be ["header" | "buckets" | "pages" | "documents" | "words", {…}]`);
    expect(() => decodeRecord(RECORDS_FILE, 4, '["buckets",{"key":"lists/0","entries":[["said/putin","x"]]}]')).toThrow(`${RECORDS_FILE}:4: list said/putin is not a list of numbers`);
  });
});

function text(body: string): () => AsyncIterable<string> {
  return async function* () {
    for (let at = 0; at < body.length; at += 1000) yield body.slice(at, at + 1000);
  };
}

async function* failing(): AsyncGenerator<string> {
  yield* [];
  throw new Error('the package did not give it');
}
