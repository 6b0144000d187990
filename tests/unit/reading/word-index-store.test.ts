import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { ExtractedArticle } from '../../../src/reading/article';
import { extractArticle } from '../../../src/reading/extract';
import { readingDocumentId } from '../../../src/reading/stored';
import { postingsByDocument, type ReadingPostings } from '../../../src/reading/postings';
import { ReadingService } from '../../../src/reading/service';
import { connectStore, ensureSeeded, getCard, type SummitStore } from '../../../src/store';
import { MIGRATIONS, type Migration } from '../../../src/store/migrations';
import { readUserRecords, type UserRecords } from '../../../src/store/reading';
import type { SummitDb } from '../../../src/store/schema';
import type { EntityCard, SearchQuery } from '../../../src/protocol/views';
import { serviceHere } from './ingest-here';
import { bundle, makeIndex } from '../store/fixture';
import { testPage } from './pages';

const URL_A = 'https://bencang.example/the-gioi/putin-anchorage.html';
const URL_B = 'https://tinnhanh.example/2025/08/anchorage-doi-thoai';
const A = readingDocumentId(URL_A);
const B = readingDocumentId(URL_B);

function article(url: string): ExtractedArticle {
  const result = extractArticle(testPage('reading-vi-putin-anchorage.html', URL_A), URL_A);
  if (!result.ok) throw new Error(result.error);
  return { ...result.article, url };
}

const V5 = MIGRATIONS.filter((m) => m.version <= 5);

async function open(factory: IDBFactory, name: string, migrations: readonly Migration[] = MIGRATIONS) {
  const store = connectStore({ factory, name, migrations });
  await ensureSeeded(store, bundle(makeIndex(), 'A'));
  return store;
}

const wake = serviceHere;

const byDocument = (list: ReadingPostings[]) => [...list].sort((a, b) => (a.document < b.document ? -1 : 1));

/** The stored word indexes are exactly what the stored quotes give, article by article. */
async function expectExact(db: SummitDb): Promise<number> {
  const stored = byDocument(await db.getAll('readingPostings'));
  expect(stored).toEqual(byDocument(postingsByDocument(await db.getAll('readingQuotes'))));
  return stored.length;
}

const QUERIES: SearchQuery[] = [{ text: 'thang than' }, { text: 'Putin' }, { text: 'hai bên', limit: 50 }, { text: '', person: 'lavrov' }, { text: 'đối th' }];
const CARDS = [
  { kind: 'person', id: 'putin' },
  { kind: 'person', id: 'trump' },
  { kind: 'person', id: 'lavrov' },
  { kind: 'summit', id: 'alaska-2025' },
] as const;

/** What search and cards answer, as a list of ids, origins and counts. */
async function answers(store: SummitStore, service: ReadingService) {
  const live = (await store.index())!;
  const searches = [];
  for (const query of QUERIES) {
    const result = await service.search(live, query);
    if (!result.ok) throw new Error(result.error.message);
    searches.push({ total: result.value.total, hits: result.value.hits.map((h) => [h.quote.id, h.score, h.quote.speaker?.id ?? null, h.quote.date]) });
  }
  const cards = [];
  for (const ref of CARDS) {
    const plain = await getCard(live, ref, 100);
    if (!plain.ok) throw new Error(plain.error.message);
    const card: EntityCard = await service.card(live, plain.value, 100);
    cards.push({ count: card.quoteCount, quotes: card.quotes.map((q) => [q.id, q.speaker?.id ?? null, q.date]) });
  }
  return { searches, cards };
}

function unwrapCard(outcome: Awaited<ReturnType<typeof getCard>>): EntityCard {
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

async function writeV5(db: SummitDb, records: UserRecords): Promise<void> {
  const tx = db.transaction(['readingDocs', 'readingQuotes', 'readingCorrections'], 'readwrite');
  for (const d of records.documents) void tx.objectStore('readingDocs').put(d);
  for (const q of records.quotes) void tx.objectStore('readingQuotes').put(q);
  for (const c of records.corrections) void tx.objectStore('readingCorrections').put(c);
  await tx.done;
}

describe("the stored word index of the user's articles", () => {
  it('stays exact through add, extract again, correction, remove and import, and a woken worker answers as the one that wrote', async () => {
    const factory = new IDBFactory();
    const store = await open(factory, 'writes');
    const db = await store.main();
    const service = wake(store);
    const live = (await store.index())!;

    await service.add(article(URL_A));
    await service.add(article(URL_B));
    expect(await expectExact(db)).toBe(2);
    const first = await answers(store, service);
    expect(first.searches[0]!.total).toBe(2);
    expect(await answers(store, wake(store))).toEqual(first);
    // A small card shows the head of the full card's order, the person's own words first.
    for (const ref of CARDS) {
      const full = await service.card(live, unwrapCard(await getCard(live, ref, 100)), 100);
      const small = await service.card(live, unwrapCard(await getCard(live, ref, 2)), 2);
      expect(small.quotes.map((q) => q.id)).toEqual(full.quotes.slice(0, 2).map((q) => q.id));
      expect(small.quoteCount).toBe(full.quoteCount);
    }

    // As if an older pipeline had found one quote only; extracting again writes the index with the quotes.
    const trumpQuote = (await service.quotesOf(live, A)).find((q) => q.speaker?.id === 'trump')!;
    await db.delete('readingQuotes', trumpQuote.id);
    await service.reextract(A);
    expect(await expectExact(db)).toBe(2);

    // A correction changes what the quote is filed under, never the stored index: it is applied when the index is read.
    await service.correct(live, trumpQuote.id, 'Sergei Lavrov', '2025-08-14');
    expect(await expectExact(db)).toBe(2);
    const corrected = await answers(store, service);
    expect(corrected.searches[3]!.hits.map((h) => h[0])).toEqual(['q5', trumpQuote.id]);
    expect(corrected.cards[2]!.count).toBe(first.cards[2]!.count + 1);
    expect(corrected.cards[1]!.count).toBe(first.cards[1]!.count - 1);
    expect(await answers(store, wake(store))).toEqual(corrected);

    await service.remove(B);
    expect(await expectExact(db)).toBe(1);
    const removed = await answers(store, wake(store));
    expect(removed.searches[0]!.total).toBe(1);
    expect(removed).toEqual(await answers(store, service));

    const exported = await service.exportText();
    const other = await open(new IDBFactory(), 'imported');
    // The imported article replaces one the user already had at that address, with a quote too many.
    await wake(other).add(article(URL_A));
    const stale = (await (await other.main()).getAll('readingQuotes'))[0]!;
    await (await other.main()).put('readingQuotes', { ...stale, id: `${A}:extra` });
    await wake(other).importText(exported);
    expect(await expectExact(await other.main())).toBe(1);
    expect(await answers(other, wake(other))).toEqual(removed);
  });

  it('is built by the upgrade from the articles a version 5 database holds, giving the same answers', async () => {
    const reference = await open(new IDBFactory(), 'reference');
    const service = wake(reference);
    await service.add(article(URL_A));
    await service.add(article(URL_B));
    const trumpQuote = (await service.quotesOf((await reference.index())!, A)).find((q) => q.speaker?.id === 'trump')!;
    await service.correct((await reference.index())!, trumpQuote.id, 'Sergei Lavrov', null);
    const records = await readUserRecords(await reference.main());

    const factory = new IDBFactory();
    const old = await open(factory, 'old', V5);
    const v5 = await old.main();
    expect(v5.version).toBe(5);
    await writeV5(v5, records);
    v5.close();

    const upgraded = await open(factory, 'old');
    const db = await upgraded.main();
    expect(db.version).toBe(6);
    expect(await expectExact(db)).toBe(2);
    expect(await readUserRecords(db)).toEqual(records);
    expect(await answers(upgraded, wake(upgraded))).toEqual(await answers(reference, service));
  });

  it('leaves version 5 and every article usable when building the index fails half-way', async () => {
    const reference = await open(new IDBFactory(), 'reference');
    await wake(reference).add(article(URL_A));
    const records = await readUserRecords(await reference.main());

    const factory = new IDBFactory();
    const old = await open(factory, 'failing', V5);
    await writeV5(await old.main(), records);
    (await old.main()).close();

    const v6 = MIGRATIONS.find((m) => m.version === 6)!;
    const broken: Migration = {
      ...v6,
      async run(db, tx) {
        await v6.run(db, tx);
        throw new Error('the disk filled up');
      },
    };
    const failing = connectStore({ factory, name: 'failing', migrations: [...V5, broken] });
    await expect(failing.main()).rejects.toThrow(`upgrade to version 6 (${v6.describe}) failed: Error: the disk filled up`);

    const kept = await open(factory, 'failing', V5);
    const db = await kept.main();
    expect(db.version).toBe(5);
    expect([...db.objectStoreNames]).not.toContain('readingPostings');
    expect(await readUserRecords(db)).toEqual(records);
    db.close();

    const again = await open(factory, 'failing');
    expect(await expectExact(await again.main())).toBe(1);
  });
});
