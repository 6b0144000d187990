import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_FILE, parseHeader } from '../../src/schema/index-bundle';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import { bundleFromText, connectStore, ensureSeeded, getCard, getLexicon, getQuoteContext, search, type LiveIndex, type SummitStore } from '../../src/store';
import { indexDbName } from '../../src/store/index-layout';
import { SCHEMA_VERSION } from '../../src/store/migrations';
import { BROWSERS, ROOT, useExtension, waitForIndex } from './harness/fixture';
import type { Tab } from './harness/browsers';
import { deleteAllDatabases, listDatabases } from './harness/databases';

/**
 * The database and search through the real background in real browsers: the
 * extension installs, seeds its packaged index into the browser's IndexedDB,
 * and answers messages from an extension page. Answers are compared with the
 * same store code run in Node on fake-indexeddb: what the browser stores and
 * reads back (Maps, typed arrays, key order) must give the same results.
 */

const BUNDLE = readFileSync(join(ROOT, 'public', BUNDLE_FILE), 'utf8');
const HASH = parseHeader(BUNDLE_FILE, BUNDLE.slice(0, BUNDLE.indexOf('\n'))).hash;
const PUTIN_PEACE = '000_c0135cefbde2a288:8aerh0';

const QUERIES = [
  { text: 'hoa binh' },
  { text: 'hòa bình' },
  { text: 'Путин' },
  { text: 'Putin' },
  { text: 'thuong dinh Alaska' },
  { text: 'Zelen' },
  { text: 'lệnh ngừng bắn', limit: 2 },
  { text: '', person: 'trump', from: '2025-01-01', to: '2025-12-31' },
  { text: 'Ukraine', summit: 'alaska-2025' },
  { text: 'không có từ này' },
];
const CARDS = [
  { kind: 'person', id: 'putin' },
  { kind: 'person', id: 'zelensky', all: true },
  { kind: 'summit', id: 'alaska-2025' },
  { kind: 'summit', id: 'geneva-2021' },
] as const;

let reference: { store: SummitStore; index: LiveIndex };

beforeAll(async () => {
  const store = connectStore({ factory: new IDBFactory(), name: 'summit-lens' });
  const report = await ensureSeeded(store, bundleFromText(BUNDLE));
  expect(report.outcome).toBe('seeded');
  reference = { store, index: (await store.index())! };
});

/** Runs in the extension page: one message to the background, its raw reply. */
function ask(message: unknown): Promise<unknown> {
  const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
  return api.runtime.sendMessage(message);
}

for (const name of BROWSERS) {
  describe(`store through the background in ${name}`, () => {
    const h = useExtension(name);
    let page: Tab;

    beforeAll(async () => {
      // The options page asks the background nothing by itself, so every message here is the test's.
      page = await h.session.newTab(`${h.session.extensionOrigin}/options.html`);
      await waitForIndex(page);
    });

    it('seeds the packaged index into a database of its own and reports how the seed went', async () => {
      expect(await page.evaluate(listDatabases)).toEqual([`${indexDbName('summit-lens', HASH)}@1`, `summit-lens@${SCHEMA_VERSION}`]);
      const reply = (await page.evaluate(ask, { type: 'status' })) as { ok: boolean; value: Record<string, unknown> };
      const local = await reference.store.main().then((db) => db.get('meta', 'status'));
      expect(reply.value).toMatchObject({ state: 'ready', hash: HASH, schemaVersion: SCHEMA_VERSION, available: true, counts: { documents: 5, people: 70, summits: 20, quotes: 43 } });
      expect((reply.value.lastSeed as { records: number }).records).toBe(local?.lastSeed?.records);
      // The browser put the records packaged at build time; Node, given the bundle alone, derived the same ones.
      expect((reply.value.lastSeed as { deriveMs: number }).deriveMs).toBe(0);
      expect(local?.lastSeed?.deriveMs).toBeGreaterThan(0);
    });

    it('answers searches exactly as the same store does in Node', async () => {
      for (const query of QUERIES) {
        const reply = (await page.evaluate(ask, { type: 'search', query })) as { ok: boolean; value: unknown };
        const local = await search(reference.index, query);
        expect([query.text, reply]).toEqual([query.text, { ok: true, value: local.ok ? local.value : null }]);
      }
      // And what a reader expects of them, by hand: no diacritics, Cyrillic, the person filter.
      const peace = (await page.evaluate(ask, { type: 'search', query: { text: 'hoa binh' } })) as { value: { total: number; hits: { quote: { id: string; text: string; speaker: { id: string } } }[] } };
      expect(peace.value.total).toBe(6);
      expect(peace.value.hits[0]!.quote).toMatchObject({ id: PUTIN_PEACE, speaker: { id: 'putin' } });
      expect(peace.value.hits[0]!.quote.text).toContain('hòa bình');
      const cyrillic = (await page.evaluate(ask, { type: 'search', query: { text: 'Путин' } })) as { value: { total: number; people: { id: string }[] } };
      expect(cyrillic.value).toMatchObject({ total: 30, people: [{ id: 'putin' }] });
    });

    it('answers cards, quote contexts and the lexicon exactly as the same store does in Node', async () => {
      for (const request of CARDS) {
        const reply = await page.evaluate(ask, { type: 'card', ...request });
        const local = await getCard(reference.index, request, 'all' in request ? 500 : undefined);
        expect(reply).toEqual({ ok: true, value: local.ok ? local.value : null });
      }
      const context = (await page.evaluate(ask, { type: 'quoteContext', id: PUTIN_PEACE })) as { value: { text: string; start: number; end: number; quote: { text: string } } };
      const local = await getQuoteContext(reference.index, PUTIN_PEACE);
      expect(context).toEqual({ ok: true, value: local.ok ? local.value : null });
      expect(context.value.text.slice(context.value.start, context.value.end)).toBe(context.value.quote.text);
      expect(await page.evaluate(ask, { type: 'lexicon' })).toEqual({ ok: true, value: await getLexicon(reference.index) });
    });

    it('answers malformed and unknown messages with an error, and keeps answering', async () => {
      const bad: [unknown, string][] = [
        [null, 'Bad request: message must be an object'],
        [{ type: 'search' }, 'Bad request: search.query must be an object'],
        [{ type: 'search', query: { text: 5 } }, 'Bad request: search.query.text must be a string of at most 500 characters'],
        [{ type: 'search', query: { text: 'x', from: 'yesterday' } }, 'Bad request: search.query.from must be YYYY-MM-DD'],
        [{ type: 'card', kind: 'place', id: 'x' }, 'Bad request: card.kind must be "person" or "summit"'],
        [{ type: 'card', kind: 'person', id: 'x'.repeat(201) }, 'Bad request: card.id must be a non-empty string'],
        [{ type: 'card', kind: 'person', id: 'nobody' }, 'no person "nobody" in the index'],
        [{ type: 'quoteContext', id: 'q-404' }, 'no quote "q-404" in the index'],
        [{ type: 'drop tables' }, 'Bad request: unknown message type "drop tables"'],
      ];
      for (const [message, error] of bad) expect(await page.evaluate(ask, message)).toEqual({ ok: false, error });
      const after = (await page.evaluate(ask, { type: 'card', kind: 'person', id: 'putin' })) as { ok: boolean };
      expect(after.ok).toBe(true);
    });

    it('rebuilds the index from the package when every database is deleted under it', async () => {
      await page.evaluate(deleteAllDatabases);
      expect(await page.evaluate(listDatabases)).toEqual([]);
      // The next message finds nothing and seeds again; answers wait for that seed, not fail.
      const reply = (await page.evaluate(ask, { type: 'search', query: { text: 'hoa binh' } })) as { ok: boolean; value: { total: number } };
      expect(reply).toMatchObject({ ok: true, value: { total: 6 } });
      await waitForIndex(page);
      expect(await page.evaluate(listDatabases)).toEqual([`${indexDbName('summit-lens', HASH)}@1`, `summit-lens@${SCHEMA_VERSION}`]);
    });

    it('upgrades a version 2 database left by the previous release, keeping the saved quotes and the settings', async () => {
      // Per-site choices and settings live in extension storage: an index update or a schema upgrade must not reach them.
      const settings = { ...DEFAULT_SETTINGS, disabledSites: ['vnexpress.net'], dwellMs: 500, language: 'en' };
      await page.evaluate(async (value) => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        await api.storage.local.set({ settings: value });
      }, settings);
      await page.evaluate(deleteAllDatabases);
      // Version 2's stores, as its migrations made them, with saved quotes and a status about its own index.
      await page.evaluate(async (id) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('summit-lens', 2);
          request.onupgradeneeded = () => {
            const d = request.result;
            d.createObjectStore('meta', { keyPath: 'key' });
            d.createObjectStore('documents', { keyPath: 'id' });
            d.createObjectStore('people', { keyPath: 'id' }).createIndex('nameKey', 'nameKeys', { multiEntry: true });
            const summits = d.createObjectStore('summits', { keyPath: 'id' });
            summits.createIndex('nameKey', 'nameKeys', { multiEntry: true });
            summits.createIndex('participant', 'participants', { multiEntry: true });
            summits.createIndex('date', 'date');
            const quotes = d.createObjectStore('quotes', { keyPath: 'n' });
            quotes.createIndex('id', 'id', { unique: true });
            d.createObjectStore('saved', { keyPath: 'quoteId' });
            d.createObjectStore('header', { keyPath: 'key' });
            d.createObjectStore('terms', { keyPath: 'term' });
            d.createObjectStore('notes', { keyPath: 'id', autoIncrement: true }).createIndex('target', 'targetKey');
          };
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(['saved', 'meta', 'header'], 'readwrite');
          tx.objectStore('saved').put({ quoteId: id, savedAt: 1_700_000_000_000, snapshot: { text: 'Tất nhiên', speaker: 'Vladimir Putin', date: '2025-08-15', source: 'Thượng đỉnh' } });
          tx.objectStore('saved').put({ quoteId: 'gone-from-the-index', savedAt: 1_600_000_000_000, snapshot: null });
          tx.objectStore('header').put({ key: 'index', hash: 'old', indexVersion: 1, counts: { documents: 0, people: 0, summits: 0, quotes: 0 }, seededAt: 1 });
          tx.objectStore('meta').put({ key: 'status', state: 'ready', targetHash: null, progress: 1, error: null, served: { hash: 'old', counts: { documents: 0, people: 0, summits: 0, quotes: 0 } }, updatedAt: 1 });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      }, PUTIN_PEACE);

      // The background opens it at version 3: the migration runs, the index is seeded anew.
      await waitForIndex(page);
      const after = await page.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('summit-lens');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const saved = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction('saved').objectStore('saved').index('savedAt').getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const result = { version: db.version, stores: [...db.objectStoreNames].sort(), saved };
        db.close();
        return result;
      });
      expect(after).toEqual({
        version: SCHEMA_VERSION,
        stores: ['meta', 'readingCorrections', 'readingDocs', 'readingPostings', 'readingQuotes', 'saved'],
        saved: [
          { quoteId: 'gone-from-the-index', savedAt: 1_600_000_000_000, snapshot: null },
          { quoteId: PUTIN_PEACE, savedAt: 1_700_000_000_000, snapshot: { text: 'Tất nhiên', speaker: 'Vladimir Putin', date: '2025-08-15', source: 'Thượng đỉnh' } },
        ],
      });
      const reply = (await page.evaluate(ask, { type: 'status' })) as { value: { hash: string } };
      expect(reply.value.hash).toBe(HASH);
      const kept = await page.evaluate(async () => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        return (await api.storage.local.get('settings')).settings;
      });
      expect(kept).toEqual(settings);
    });
  });
}
