import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/reading/extract';
import { ReadingService } from '../../../src/reading/service';
import { readingDocumentId } from '../../../src/reading/stored';
import { connectStore, ensureSeeded, getCard, type CardRequest, type SummitStore } from '../../../src/store';
import { bundle, makeIndex } from '../store/fixture';
import { serviceHere } from './ingest-here';
import { testPage } from './pages';

const URL_A = 'https://bencang.example/the-gioi/putin-anchorage.html';
const A = readingDocumentId(URL_A);

const service = serviceHere;

/** A card as the popover shows it: ids (the user's by their place in the article), speakers and counts. */
async function card(store: SummitStore, reading: ReadingService, request: CardRequest, limit = 100) {
  const live = (await store.index())!;
  const plain = await getCard(live, request, limit);
  if (!plain.ok) throw new Error(plain.error.message);
  const shown = await reading.card(live, plain.value, limit, request.about);
  return { count: shown.quoteCount, quotes: shown.quotes.map((q) => `${q.id.startsWith(A) ? 'A' : q.id} ${q.speaker?.id ?? q.speakerName ?? '-'} ${q.date}${q.corrected ? ' corrected' : ''}`) };
}

const ALASKA: CardRequest = { kind: 'summit', id: 'alaska-2025' };
const TRUMP: CardRequest = { kind: 'person', id: 'trump' };
const LAVROV: CardRequest = { kind: 'person', id: 'lavrov' };

describe("cards from the reading service's kept index", () => {
  it('show exactly the stored quotes after each add, correction, removal and import, as a woken worker does', async () => {
    const store = connectStore({ factory: new IDBFactory(), name: 'card-cache' });
    await ensureSeeded(store, bundle(makeIndex(), 'A'));
    const reading = service(store);
    const live = (await store.index())!;
    const cards = async (s: ReadingService) => ({ alaska: await card(store, s, ALASKA), trump: await card(store, s, TRUMP, 2), lavrov: await card(store, s, LAVROV) });

    // Shown before any article: the index's quotes only, and what the service keeps is made from nothing.
    const none = await cards(reading);
    expect(none.alaska).toEqual({ count: 4, quotes: ['q2 trump 2025-08-16', 'q1 putin 2025-08-15', 'q5 lavrov 2025-08-14', 'q8 - 2025-08-13'] });

    const article = extractArticle(testPage('reading-vi-putin-anchorage.html', URL_A), URL_A);
    if (!article.ok) throw new Error(article.error);
    await reading.add(article.article);
    const added = await cards(reading);
    expect(added.alaska).toEqual({ count: 6, quotes: ['q2 trump 2025-08-16', 'q1 putin 2025-08-15', 'A trump 2025-08-15', 'A putin 2025-08-15', 'q5 lavrov 2025-08-14', 'q8 - 2025-08-13'] });
    expect(added.trump).toEqual({ count: none.trump.count + 1, quotes: ['q2 trump 2025-08-16', 'A trump 2025-08-15'] });
    expect(await cards(service(store))).toEqual(added);

    // The user says Trump's quote was Lavrov's: the summit card no longer counts it among its leaders' words.
    const trumpQuote = (await reading.quotesOf(live, A)).find((q) => q.speaker?.id === 'trump')!;
    await reading.correct(live, trumpQuote.id, 'Sergei Lavrov', null);
    const corrected = await cards(reading);
    expect(corrected.alaska).toEqual({ count: 6, quotes: ['q2 trump 2025-08-16', 'q1 putin 2025-08-15', 'A putin 2025-08-15', 'A lavrov 2025-08-15 corrected', 'q5 lavrov 2025-08-14', 'q8 - 2025-08-13'] });
    expect(corrected.trump).toEqual(none.trump);
    expect(corrected.lavrov.quotes[0]).toBe('A lavrov 2025-08-15 corrected');
    expect(corrected.lavrov.count).toBe(none.lavrov.count + 1);
    expect(await cards(service(store))).toEqual(corrected);

    const exported = await reading.exportText();
    await reading.remove(A);
    expect(await cards(reading)).toEqual(none);

    await reading.importText(exported);
    expect(await cards(reading)).toEqual(corrected);
    expect(await cards(service(store))).toEqual(corrected);
  });
});
