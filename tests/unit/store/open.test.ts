import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { buildLexicon } from '../../../src/schema/lexicon';
import { connectSummitDb, DbBlockedError, DbUpgradeError, ensureSeeded, getLexicon, getStatus, listSaved, openSummitDb, saveQuote, search, SCHEMA_VERSION } from '../../../src/store';
import { MIGRATIONS, type Migration } from '../../../src/store/migrations';
import { bundle, makeIndex } from './fixture';

const index = makeIndex();

describe('migrations', () => {
  it('upgrades a version 1 database with user data in it, keeping and enriching that data', async () => {
    const factory = new IDBFactory();
    const v1 = await openSummitDb({ factory, name: 'up', migrations: MIGRATIONS.slice(0, 1) });
    expect(v1.version).toBe(1);
    // Version 1 kept quotes by id and saved only { quoteId, savedAt }.
    const raw = v1 as unknown as import('idb').IDBPDatabase;
    const q = index.quotes.find((x) => x.id === 'q4')!;
    await raw.put('quotes', q);
    await raw.put('people', index.people.find((p) => p.id === 'biden')!);
    await raw.put('documents', index.documents.find((d) => d.id === 'd2')!);
    await raw.put('saved', { quoteId: 'q4', savedAt: 100 });
    await raw.put('saved', { quoteId: 'gone', savedAt: 50 });
    v1.close();

    const db = await openSummitDb({ factory, name: 'up' });
    expect(db.version).toBe(SCHEMA_VERSION);
    expect(await listSaved(db)).toEqual([
      { quoteId: 'q4', savedAt: 100, snapshot: { text: q.text, speaker: 'Joe Biden', date: '2021-06-17', source: 'Tổng thống Putin nói gì sau thượng đỉnh Geneva' } },
      { quoteId: 'gone', savedAt: 50, snapshot: null },
    ]);
    // The old entity data is not a valid version 2 index: status is empty until seeded.
    expect((await getStatus(db)).state).toBe('empty');
    expect(await db.count('quotes')).toBe(0);
    expect(await ensureSeeded(db, bundle(index, 'A'))).toMatchObject({ outcome: 'seeded' });
    expect((await listSaved(db)).length).toBe(2);
  });

  it('upgrades a version 2 database as the previous release left it, keeping saved quotes and seeding the new layout', async () => {
    const factory = new IDBFactory();
    const v2 = await openSummitDb({ factory, name: 'up2', migrations: MIGRATIONS.slice(0, 2) });
    expect(v2.version).toBe(2);
    // What version 2 held: a seeded index with the lexicon in one record, a ready status, saved quotes.
    expect(await ensureSeeded(v2, bundle(index, 'A'))).toMatchObject({ outcome: 'seeded' });
    const raw = v2 as unknown as import('idb').IDBPDatabase;
    await raw.clear('header');
    await raw.put('header', { key: 'index', hash: 'A', indexVersion: 1, counts: { documents: 3, people: 4, summits: 3, quotes: 9 }, seededAt: 1 });
    await raw.put('header', { key: 'lexicon', lexicon: buildLexicon(index) });
    await saveQuote(v2, 'q4');
    await raw.put('saved', { quoteId: 'q1', savedAt: 5, snapshot: { text: 'older', speaker: 'Vladimir Putin', date: '2025-08-15', source: 'd1' } });
    v2.close();

    const db = await openSummitDb({ factory, name: 'up2' });
    expect(db.version).toBe(SCHEMA_VERSION);
    expect([...db.objectStoreNames]).not.toContain('notes');
    // Saved quotes come back newest first, through the new index.
    expect((await listSaved(db)).map((s) => s.quoteId)).toEqual(['q4', 'q1']);
    // The old-shape lexicon is gone with the rest of the seeded data; status says so until the next seed.
    expect(await getStatus(db)).toMatchObject({ state: 'empty', available: false });
    expect(await getLexicon(db)).toBeNull();
    expect(await ensureSeeded(db, bundle(index, 'A'))).toMatchObject({ outcome: 'seeded', hash: 'A' });
    expect(await getLexicon(db)).toEqual(buildLexicon(index));
    const r = await search(db, { text: 'hoa binh' });
    expect(r.ok && r.value.hits[0]!.quote.id).toBe('q2');
    expect((await listSaved(db)).map((s) => s.quoteId)).toEqual(['q4', 'q1']);
  });

  it('leaves the old database and its data usable when an upgrade step throws', async () => {
    const factory = new IDBFactory();
    const db = await openSummitDb({ factory, name: 'fail' });
    await ensureSeeded(db, bundle(index, 'A'));
    await saveQuote(db, 'q1');
    db.close();

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

    const again = await openSummitDb({ factory, name: 'fail' });
    expect(again.version).toBe(SCHEMA_VERSION);
    expect([...again.objectStoreNames]).not.toContain('half-done');
    expect((await listSaved(again)).map((s) => s.quoteId)).toEqual(['q1']);
    const r = await search(again, { text: 'Putin' });
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

    const started = Date.now();
    const error = await openSummitDb({ factory, name: 'blocked', blockedTimeoutMs: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbBlockedError);
    expect(Date.now() - started).toBeLessThan(2000);

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

  it('rebuilds from the bundle after the database is deleted under a live handle', async () => {
    const factory = new IDBFactory();
    const handle = connectSummitDb({ factory, name: 'deleted' });
    const first = await handle.get();
    await ensureSeeded(first, bundle(index, 'A'));
    expect(await handle.get()).toBe(first);

    await new Promise<void>((resolve, reject) => {
      const req = factory.deleteDatabase('deleted');
      req.onblocked = () => reject(new Error('delete blocked by our handle'));
      req.onsuccess = () => resolve();
    });

    const second = await handle.get();
    expect(second).not.toBe(first);
    expect((await getStatus(second)).state).toBe('empty');
    expect(await ensureSeeded(second, bundle(index, 'A'))).toMatchObject({ outcome: 'seeded' });
    const r = await search(second, { text: 'hoa binh' });
    expect(r.ok && r.value.hits[0]!.quote.id).toBe('q2');
    handle.close();
  });
});
