import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { syntheticIndex } from '../../../bench/synthetic-index';
import { connectStore, ensureSeeded, getStatus, search, type SummitStore } from '../../../src/store';
import { openIndexDb } from '../../../src/store/index-db';
import { INDEX_LAYOUT, indexDbName } from '../../../src/store/index-layout';
import { HASH_LINES, RECORDS_FILE, RecordsReader } from '../../../src/store/packed';
import { fromStored } from '../../../src/store/stored';
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
    // Values as text: comparing megabytes byte by byte as arrays is slow.
    out[name] = (await index.db.getAll(name)).map((record) => ('json' in record ? { ...record, json: new TextDecoder().decode(record.json) } : 'seededAt' in record ? { ...record, seededAt: 0 } : record));
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
    const lists = fromStored('buckets', (await (await store.index())!.db.getAll('buckets')).find((b) => b.key.startsWith('lists/'))!);
    expect([...lists.entries.values()].every((v) => v instanceof Uint32Array)).toBe(true);
    expect(await answers(store)).toEqual(await answers(derived));
    expect(await getStatus(await store.main())).toMatchObject({ state: 'ready', hash: 'BIG', counts: { quotes: big.quotes.length } });
  });

  it('derives from the bundle instead when the records are unusable, saying why, and ends with the same index', async () => {
    const good = await packedBundle(big, 'BIG');
    const lines = good.recordsText.split('\n');
    const page = lines.findIndex((l) => l.startsWith('pages\t'));
    const other = await packedBundle(big, 'OTHER');
    // Same length, one letter changed: only the SHA-256 can tell.
    const altered = lines.map((l, i) => (i === page ? l.replace('"text":"', '"text":"X').replace(/.$/, '') : l)).join('\n');
    const cases: [string, () => AsyncIterable<Uint8Array>, string][] = [
      ['altered', text(altered), `${RECORDS_FILE}:${2 + Math.floor((page - 1) / HASH_LINES) * HASH_LINES}: the records from this line on do not match the SHA-256 in their header: the file is corrupt`],
      ['broken line', text(lines.map((l, i) => (i === page ? 'pages{"page":1}' : l)).join('\n')), `${RECORDS_FILE}:${page + 1}: a record line must be <header | buckets | pages | documents | words> TAB <keys> TAB <value>`],
      ['cut short', text(good.recordsText.slice(0, -100)), 'the file ends in the middle of a line: it is cut short'],
      ['line missing', text(lines.filter((_, i) => i !== page).join('\n')), `the header promises ${lines.length - 2} records in`],
      ['another bundle', other.records, `${RECORDS_FILE}:1: the records were derived from another bundle`],
      ['another layout', text(good.recordsText.replace(`"layout":${INDEX_LAYOUT},`, '"layout":999,')), 'the records are in layout 999'],
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

describe('RecordsReader', () => {
  it('names the line whose keys are missing, and refuses a file longer than its header says', async () => {
    const { recordsText } = await packedBundle(indexA, 'A');
    const lines = recordsText.split('\n');
    const read = (body: string) => () => {
      const reader = new RecordsReader();
      return [...reader.push(new TextEncoder().encode(body))].length;
    };
    expect(read(lines.map((l, i) => (i === 3 ? l.replace(/\t[^\t]*\t/, '\t{"page":"x"}\t') : l)).join('\n'))).toThrow(`${RECORDS_FILE}:4: the keys of a`);
    expect(read(`${recordsText}${lines[1]}\n`)).toThrow(`${RECORDS_FILE}:${lines.length}: the file is longer than its header says: it is corrupt`);
  });
});

function text(body: string): () => AsyncIterable<Uint8Array> {
  const bytes = new TextEncoder().encode(body);
  return async function* () {
    for (let at = 0; at < bytes.length; at += 1000) yield bytes.subarray(at, at + 1000);
  };
}

async function* failing(): AsyncGenerator<Uint8Array> {
  yield* [];
  throw new Error('the package did not give it');
}
