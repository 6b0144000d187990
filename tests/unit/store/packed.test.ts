import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { syntheticIndex } from '../../../bench/synthetic-index';
import { connectStore, ensureSeeded, getStatus, search, type SummitStore } from '../../../src/store';
import { deleteIndexDb, openIndexDb } from '../../../src/store/index-db';
import { INDEX_LAYOUT, indexDbName } from '../../../src/store/index-layout';
import { inflateRawSync } from 'node:zlib';
import { HASH_RECORDS, RECORDS_FILE, RecordsReader } from '../../../src/store/packed';
import { fromStored, isStored, StoredRecordError } from '../../../src/store/stored';
import { INDEX_STORES } from '../../../src/store/schema';
import { Slicer } from '../../../src/store/slicer';
import { bundle, joinRecords, makeIndex, packedBundle, splitRecords } from './fixture';

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
    // Values as JSON text, inflated where stored deflated: comparing megabytes byte by byte as arrays is slow.
    out[name] = (await index.db.getAll(name)).map((record) => {
      if (!isStored(record)) return 'seededAt' in record ? { ...record, seededAt: 0 } : record;
      const { json: _json, deflated: _deflated, ...keys } = record as Partial<Record<'json' | 'deflated', Uint8Array>>;
      return { ...keys, json: new TextDecoder().decode('json' in record ? record.json : inflateRawSync(record.deflated)) };
    });
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
  it('puts the records derived at build time as they are, deflated, holding exactly what a derived seed writes', async () => {
    const store = open();
    const report = await ensureSeeded(store, await packedBundle(big, 'BIG'));
    expect(report).toMatchObject({ outcome: 'seeded', hash: 'BIG', error: null, recordsUnusable: null });
    expect(report.stats.deriveMs).toBe(0);
    const derived = await derivedStore;
    expect(await contents(store)).toEqual(await contents(derived));
    // Maps and typed arrays come back as such, not as the arrays the file holds.
    const buckets = await (await store.index())!.db.getAll('buckets');
    expect(buckets.every((b) => 'deflated' in b)).toBe(true);
    const lists = (await fromStored('buckets', buckets.find((b) => b.key.startsWith('lists/'))!)).value;
    expect([...lists.entries.values()].every((v) => v instanceof Uint32Array)).toBe(true);
    expect(await answers(store)).toEqual(await answers(derived));
    expect(await getStatus(await store.main())).toMatchObject({ state: 'ready', hash: 'BIG', counts: { quotes: big.quotes.length } });
  });

  it('derives from the bundle instead when the records are unusable, saying why, and ends with the same index', async () => {
    const good = await packedBundle(big, 'BIG');
    const file = splitRecords(good.recordsBytes);
    // The last quote page: past the first run of hashed records when there are several.
    const page = file.entries.findLastIndex((e) => e.head.startsWith('pages\t'));
    const other = await packedBundle(big, 'OTHER');
    const withEntries = (entries: typeof file.entries) => bytes(joinRecords({ ...file, entries }));
    // Same length, one byte changed: only the SHA-256 can tell.
    const flipped = file.entries[page]!.value.slice();
    flipped[10]! ^= 1;
    const cases: [string, () => AsyncIterable<Uint8Array>, string][] = [
      ['altered', withEntries(file.entries.map((e, i) => (i === page ? { ...e, value: flipped } : e))), `${RECORDS_FILE}:${2 + Math.floor(page / HASH_RECORDS) * HASH_RECORDS}: the records from this one on do not match the SHA-256 in their header: the file is corrupt`],
      ['broken head', withEntries(file.entries.map((e, i) => (i === page ? { ...e, head: 'pages{"page":1}' } : e))), `${RECORDS_FILE}:${page + 2}: a record must start with the line <header | buckets | pages | documents | words> TAB <keys> TAB <byte count>`],
      ['cut short', bytes(good.recordsBytes.subarray(0, -100)), 'the file ends in the middle of a record: it is cut short'],
      ['record missing', withEntries(file.entries.filter((_, i) => i !== page)), `the header promises ${file.entries.length} records in`],
      ['another bundle', other.records, `${RECORDS_FILE}:1: the records were derived from another bundle`],
      ['another layout', bytes(joinRecords({ ...file, header: file.header.replace(`"layout":${INDEX_LAYOUT},`, '"layout":999,') })), 'the records are in layout 999'],
      ['the old text layout', bytes(joinRecords({ ...file, header: file.header.replace(`"layout":${INDEX_LAYOUT},`, '"layout":2,') })), `the records are in layout 2; this build writes layout ${INDEX_LAYOUT}`],
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
    expect(resumed.stats.records).toBeLessThan(JSON.parse(splitRecords(packed.recordsBytes).header).records);
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

describe('an update from layout 2 (values as plain JSON)', () => {
  /** A store as the previous release left it: its index in a layout 2 database, and the user's data in the main one. */
  async function previousRelease(): Promise<{ store: SummitStore; userData: () => Promise<unknown[]>; layout2: string }> {
    const store = open();
    await ensureSeeded(store, bundle(indexA, 'A'));
    // Layout 2 stored every record as its keys and its JSON bytes: what a deriving seed still writes.
    const derived = (await store.index())!;
    const layout2 = indexDbName(store.name, 'A').replace(`-index-${INDEX_LAYOUT}-`, '-index-2-');
    const old = await openIndexDb(store.factory, layout2, 'create');
    for (const name of INDEX_STORES) for (const record of await derived.db.getAll(name)) await old.put(name, record);
    old.close();
    await deleteIndexDb(store.factory, indexDbName(store.name, 'A'));
    const db = await store.main();
    const status = (await db.get('meta', 'status'))!;
    await db.put('meta', { ...status, served: { ...status.served!, name: layout2 } });
    await db.put('saved', { quoteId: 'q4', savedAt: 100, snapshot: { text: 'Một câu', speaker: 'Joe Biden', date: '2021-06-17', source: 'Geneva' } });
    const doc = { id: 'reading-1', file: 'https://example.org/a', title: 'Bài của tôi', text: 'Ông Putin nói: "Hòa bình".', outlet: 'example.org', published: '2025-08-16', url: 'https://example.org/a', addedAt: 5 };
    await db.put('readingDocs', doc as never);
    await db.put('readingQuotes', { id: 'reading-1:0', document: 'reading-1', text: 'Hòa bình', start: 18, end: 26, speaker: 'putin', mentions: [], summit: null, date: '2025-08-16' } as never);
    await db.put('readingCorrections', { quoteId: 'reading-1:0', document: 'reading-1', speaker: 'Vladimir Putin', date: null } as never);
    const userData = async () => {
      const main = await store.main();
      return Promise.all((['saved', 'readingDocs', 'readingQuotes', 'readingCorrections'] as const).map((name) => main.getAll(name)));
    };
    return { store, userData, layout2 };
  }

  it('keeps the layout 2 index live and the user data untouched when the new seed fails, then moves to layout 3', async () => {
    const { store, userData, layout2 } = await previousRelease();
    const before = await userData();
    const answersBefore = await answers(store);
    expect((await store.index())!.name).toBe(layout2);

    const probe = await openIndexDb(store.factory, layout2, 'existing');
    const storeClass = Object.getPrototypeOf(unwrap(probe.transaction('pages').objectStore('pages'))) as IDBObjectStore;
    probe.close();
    const put = storeClass.put;
    vi.spyOn(storeClass, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'pages') throw new DOMException('The disk failed.', 'UnknownError');
      return put.apply(this, args);
    });
    const failed = await ensureSeeded(store, await packedBundle(indexA, 'A'));
    vi.restoreAllMocks();
    expect(failed).toMatchObject({ outcome: 'failed', hash: 'A' });
    expect((await store.index())!.name).toBe(layout2);
    expect(await answers(store)).toEqual(answersBefore);
    expect(await userData()).toEqual(before);

    expect(await ensureSeeded(store, await packedBundle(indexA, 'A'))).toMatchObject({ outcome: 'seeded', hash: 'A', recordsUnusable: null });
    expect((await store.index())!.name).toBe(indexDbName(store.name, 'A'));
    expect(await answers(store)).toEqual(answersBefore);
    expect(await userData()).toEqual(before);
    expect(await databases(store)).toEqual([store.name, indexDbName(store.name, 'A')].sort());
  });
});

describe('RecordsReader', () => {
  it('names the record whose keys are missing, and refuses a file longer than its header says', async () => {
    const file = splitRecords((await packedBundle(indexA, 'A')).recordsBytes);
    const read = (records: Uint8Array) => () => [...new RecordsReader().push(records)].length;
    const badKeys = file.entries.map((e, i) => (i === 2 ? { ...e, head: e.head.replace(/\t[^\t]*\t/, '\t{"page":"x"}\t') } : e));
    expect(read(joinRecords({ ...file, entries: badKeys }))).toThrow(`${RECORDS_FILE}:4: the keys of a`);
    expect(read(joinRecords({ ...file, entries: [...file.entries, file.entries[0]!] }))).toThrow(`${RECORDS_FILE}:${file.entries.length + 2}: the file is longer than its header says: it is corrupt`);
  });

  it('reads the same records whatever the chunks, a head or a value cut anywhere', async () => {
    const { recordsBytes } = await packedBundle(indexA, 'A');
    const whole = [...new RecordsReader().push(recordsBytes)];
    for (const size of [1, 7, 4096]) {
      const reader = new RecordsReader();
      const lines = [];
      for (let at = 0; at < recordsBytes.length; at += size) lines.push(...reader.push(recordsBytes.subarray(at, at + size)));
      await reader.verify();
      expect([size, lines]).toEqual([size, whole]);
    }
  });
});

describe('stored records', () => {
  it('refuse a deflated value that does not inflate, naming the record', async () => {
    await expect(fromStored('pages', { page: 3, deflated: Uint8Array.of(0xff, 0xfe, 0xfd) })).rejects.toThrow(new StoredRecordError('index record pages {"page":3}: not valid deflated data'));
  });
});

function bytes(records: Uint8Array): () => AsyncIterable<Uint8Array> {
  return async function* () {
    for (let at = 0; at < records.length; at += 1000) yield records.subarray(at, at + 1000);
  };
}

async function* failing(): AsyncGenerator<Uint8Array> {
  yield* [];
  throw new Error('the package did not give it');
}
