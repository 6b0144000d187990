import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type { IDBPDatabase } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { withRussianCases } from '../../../src/matcher/russian-forms';
import { buildLexicon, unpackLexicon } from '../../../src/schema/lexicon';
import { connectStore, DbBlockedError, DbUpgradeError, ensureSeeded, getLexicon, getStatus, listSaved, openSummitDb, saveQuote, search, SCHEMA_VERSION } from '../../../src/store';
import { deleteIndexDb } from '../../../src/store/index-db';
import { indexDbName } from '../../../src/store/index-layout';
import { MIGRATIONS, type Migration } from '../../../src/store/migrations';
import { bundle, makeIndex } from './fixture';

const index = makeIndex();

/** What a version 2 database held when the previous release left it: a seeded index in the main database, and saved quotes. */
async function previousRelease(factory: IDBFactory, name: string): Promise<void> {
  const v2 = (await openSummitDb({ factory, name, migrations: MIGRATIONS.slice(0, 2) })) as unknown as IDBPDatabase;
  expect(v2.version).toBe(2);
  index.quotes.forEach((quote, n) => void v2.put('quotes', { ...quote, n }));
  for (const person of index.people) await v2.put('people', { ...person, nameKeys: [person.name.toLowerCase()] });
  for (const summit of index.summits) await v2.put('summits', { ...summit, nameKeys: [summit.city.toLowerCase()] });
  for (const doc of index.documents) await v2.put('documents', doc);
  await v2.put('terms', { term: 'putin', quotes: new Uint32Array([0]), starts: new Uint32Array([0, 1]), occ: new Uint32Array([0]), forms: ['putin'] });
  await v2.put('header', { key: 'index', hash: 'A', indexVersion: 1, counts: { documents: 3, people: 4, summits: 3, quotes: 9 }, seededAt: 1 });
  await v2.put('header', { key: 'lexicon', lexicon: buildLexicon(index) });
  await v2.put('meta', { key: 'status', state: 'ready', targetHash: null, progress: 1, error: null, served: { hash: 'A', counts: { documents: 3, people: 4, summits: 3, quotes: 9 } }, updatedAt: 1 });
  const q4 = index.quotes.find((q) => q.id === 'q4')!;
  await v2.put('saved', { quoteId: 'q4', savedAt: 200, snapshot: { text: q4.text, speaker: 'Joe Biden', date: '2021-06-17', source: 'Tổng thống Putin nói gì sau thượng đỉnh Geneva' } });
  await v2.put('saved', { quoteId: 'q1', savedAt: 5, snapshot: { text: 'older', speaker: 'Vladimir Putin', date: '2025-08-15', source: 'd1' } });
  v2.close();
}

describe('migrations', () => {
  it('upgrades a version 1 database with user data in it, keeping and enriching that data', async () => {
    const factory = new IDBFactory();
    const v1 = await openSummitDb({ factory, name: 'up', migrations: MIGRATIONS.slice(0, 1) });
    expect(v1.version).toBe(1);
    // Version 1 kept quotes by id and saved only { quoteId, savedAt }.
    const raw = v1 as unknown as IDBPDatabase;
    const q = index.quotes.find((x) => x.id === 'q4')!;
    await raw.put('quotes', q);
    await raw.put('people', index.people.find((p) => p.id === 'biden')!);
    await raw.put('documents', index.documents.find((d) => d.id === 'd2')!);
    await raw.put('saved', { quoteId: 'q4', savedAt: 100 });
    await raw.put('saved', { quoteId: 'gone', savedAt: 50 });
    v1.close();

    const store = connectStore({ factory, name: 'up' });
    const db = await store.main();
    expect(db.version).toBe(SCHEMA_VERSION);
    expect(await listSaved(db)).toEqual([
      { quoteId: 'q4', savedAt: 100, snapshot: { text: q.text, speaker: 'Joe Biden', date: '2021-06-17', source: 'Tổng thống Putin nói gì sau thượng đỉnh Geneva' } },
      { quoteId: 'gone', savedAt: 50, snapshot: null },
    ]);
    expect([...db.objectStoreNames].sort()).toEqual(['meta', 'readingCorrections', 'readingDocs', 'readingPostings', 'readingQuotes', 'saved']);
    // The old entity data is not an index: status is empty until seeded.
    expect((await getStatus(db)).state).toBe('empty');
    expect(await ensureSeeded(store, bundle(index, 'A'))).toMatchObject({ outcome: 'seeded' });
    expect((await listSaved(db)).length).toBe(2);
  });

  it('upgrades a version 2 database as the previous release left it, keeping saved quotes and seeding the index anew', async () => {
    const factory = new IDBFactory();
    await previousRelease(factory, 'up2');

    const store = connectStore({ factory, name: 'up2' });
    const db = await store.main();
    expect(db.version).toBe(SCHEMA_VERSION);
    // The index moved out; notes, never written, are gone; saved quotes stay, newest first through the new index.
    expect([...db.objectStoreNames].sort()).toEqual(['meta', 'readingCorrections', 'readingDocs', 'readingPostings', 'readingQuotes', 'saved']);
    expect((await listSaved(db)).map((s) => s.quoteId)).toEqual(['q4', 'q1']);
    // The status described the old stores: empty until the next seed, which the background starts at once.
    expect(await getStatus(db)).toMatchObject({ state: 'empty', available: false });
    expect(await store.index()).toBeNull();
    expect(await ensureSeeded(store, bundle(index, 'A'))).toMatchObject({ outcome: 'seeded', hash: 'A' });
    const live = (await store.index())!;
    expect(unpackLexicon(await getLexicon(live))).toEqual(withRussianCases(buildLexicon(index)));
    const r = await search(live, { text: 'hoa binh' });
    expect(r.ok && r.value.hits[0]!.quote.id).toBe('q2');
    expect((await listSaved(db)).map((s) => s.quoteId)).toEqual(['q4', 'q1']);
  });

  it('leaves the old database and its data usable when an upgrade step throws', async () => {
    const factory = new IDBFactory();
    const store = connectStore({ factory, name: 'fail' });
    await ensureSeeded(store, bundle(index, 'A'));
    await saveQuote(await store.main(), (await store.index())!, 'q1');
    store.close();

    const broken: Migration = {
      version: SCHEMA_VERSION + 1,
      describe: 'a step with a bug',
      async run(d, tx) {
        d.createObjectStore('half-done');
        await tx.objectStore('saved').clear();
        throw new Error('bug in step 3');
      },
    };
    const error = await openSummitDb({ factory, name: 'fail', migrations: [...MIGRATIONS, broken] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbUpgradeError);
    expect((error as Error).message).toBe(`upgrade to version ${SCHEMA_VERSION + 1} (a step with a bug) failed: Error: bug in step 3`);

    const again = connectStore({ factory, name: 'fail' });
    const db = await again.main();
    expect(db.version).toBe(SCHEMA_VERSION);
    expect([...db.objectStoreNames]).not.toContain('half-done');
    expect((await listSaved(db)).map((s) => s.quoteId)).toEqual(['q1']);
    const r = await search((await again.index())!, { text: 'Putin' });
    expect(r.ok && r.value.total).toBe(5);
  });
});

describe('connections', () => {
  it('gives up with a clear error when another connection blocks the upgrade, then opens once it closes', async () => {
    const factory = new IDBFactory();
    (await openSummitDb({ factory, name: 'blocked', migrations: MIGRATIONS.slice(0, 1) })).close();
    // A context that ignores versionchange, like an old page running older code.
    const keepOpen = await new Promise<IDBDatabase>((resolve) => {
      const req = factory.open('blocked', 1);
      req.onsuccess = () => resolve(req.result);
    });

    // The wait it gives up after is read from the timer it sets, not from a clock: a loaded machine slows timers.
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const error = await openSummitDb({ factory, name: 'blocked', blockedTimeoutMs: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbBlockedError);
    expect(timers.mock.calls.map((call) => call[1])).toContain(100);
    timers.mockRestore();

    keepOpen.close();
    const db = await openSummitDb({ factory, name: 'blocked', blockedTimeoutMs: 100 });
    expect(db.version).toBe(SCHEMA_VERSION);
  });

  it('closes itself on versionchange so another context can upgrade', async () => {
    const factory = new IDBFactory();
    let closed = 0;
    const db = await openSummitDb({ factory, name: 'vc', onClose: () => closed++ });
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open('vc', SCHEMA_VERSION + 1);
      req.onblocked = () => reject(new Error('blocked by our connection'));
      req.onsuccess = () => resolve(req.result);
    });
    expect(newer.version).toBe(SCHEMA_VERSION + 1);
    expect(closed).toBe(1);
    newer.close();
    await expect(db.get('meta', 'status')).rejects.toThrow();
  });

  const deleteDb = (factory: IDBFactory, name: string) =>
    new Promise<void>((resolve, reject) => {
      const req = factory.deleteDatabase(name);
      req.onblocked = () => reject(new Error(`deleting ${name} was blocked by our own connection`));
      req.onsuccess = () => resolve();
    });

  it('rebuilds after the main database is deleted under a live store, reusing the complete index database', async () => {
    const factory = new IDBFactory();
    const store = connectStore({ factory, name: 'deleted' });
    await ensureSeeded(store, bundle(index, 'A'));
    const first = await store.main();
    expect(await store.main()).toBe(first);

    await deleteDb(factory, 'deleted');
    expect(await store.main()).not.toBe(first);
    expect((await getStatus(await store.main())).state).toBe('empty');
    expect(await store.index()).toBeNull();
    const report = await ensureSeeded(store, bundle(index, 'A'));
    expect(report).toMatchObject({ outcome: 'seeded' });
    expect(report.stats.records).toBe(0);
    const r = await search((await store.index())!, { text: 'hoa binh' });
    expect(r.ok && r.value.hits[0]!.quote.id).toBe('q2');
  });

  it('seeds again when the live index database is deleted, as when the browser clears site data', async () => {
    const factory = new IDBFactory();
    const store = connectStore({ factory, name: 'cleared' });
    await ensureSeeded(store, bundle(index, 'A'));
    expect(await store.index()).not.toBeNull();

    await deleteIndexDb(factory, indexDbName('cleared', 'A'));
    // Still pointed at, but gone: no reader gets an empty index, and the next start rebuilds it.
    expect(await store.index()).toBeNull();
    const report = await ensureSeeded(store, bundle(index, 'A'));
    expect(report).toMatchObject({ outcome: 'seeded', hash: 'A' });
    expect(report.stats.records).toBeGreaterThan(0);
    const r = await search((await store.index())!, { text: 'Putin' });
    expect(r.ok && r.value.total).toBe(5);
  });
});
