import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { ExtractedArticle } from '../../../src/reading/article';
import { extractArticle } from '../../../src/reading/extract';
import { readingDocumentId } from '../../../src/reading/stored';
import { ReadingService } from '../../../src/reading/service';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/settings';
import { connectStore, ensureSeeded, getCard, saveQuote, listSaved } from '../../../src/store';
import type { EntityCard } from '../../../src/protocol/views';
import { realGazetteer } from '../corpus/corpus-fixture';
import { ingestHere } from './ingest-here';
import { bundle, makeIndex } from '../store/fixture';
import { testPage } from './pages';

const URL_VI = 'https://bencang.example/the-gioi/putin-anchorage.html';
const ID = readingDocumentId(URL_VI);
const PUTIN_WORDS = 'Chúng tôi đã có cuộc trao đổi thẳng thắn và có ích, hai bên hiểu nhau hơn sau hôm nay';

function viArticle(): ExtractedArticle {
  const result = extractArticle(testPage('reading-vi-putin-anchorage.html', URL_VI), URL_VI);
  if (!result.ok) throw new Error(result.error);
  return result.article;
}

async function setUp(name: string) {
  const factory = new IDBFactory();
  const store = connectStore({ factory, name });
  await ensureSeeded(store, bundle(makeIndex(), 'A'));
  let settings: Settings = { ...DEFAULT_SETTINGS };
  let clock = 1_000;
  const service = new ReadingService({
    main: () => store.main(),
    ingest: ingestHere,
    gazetteer: async () => realGazetteer(),
    loadSettings: async () => settings,
    saveSettings: async (next) => {
      settings = next;
    },
    now: () => clock++,
  });
  return { store, service, index: async () => (await store.index())!, settings: () => settings, setSettings: (s: Settings) => (settings = s) };
}

const unwrap = <T>(o: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!o.ok) throw new Error(o.error.message);
  return o.value;
};

describe('ReadingService', () => {
  it('adds an article once, updates it on a second add, and lists it with its quote count', async () => {
    const { service } = await setUp('add');
    expect(await service.add(viArticle())).toEqual({
      document: { id: ID, title: 'Ông Putin: Cuộc gặp ở Anchorage mở đường cho đối thoại', url: URL_VI, published: '2025-08-16' },
      quotes: 2,
      replaced: false,
      truncated: false,
    });
    expect((await service.add(viArticle())).replaced).toBe(true);
    expect(await service.list()).toEqual([
      { id: ID, title: 'Ông Putin: Cuộc gặp ở Anchorage mở đường cho đối thoại', url: URL_VI, site: 'Báo Bến Cảng', published: '2025-08-16', addedAt: 1_001, quotes: 2, truncated: false },
    ]);
  });

  it('refuses an article the pipeline keeps nothing of, storing nothing', async () => {
    const { service } = await setUp('empty');
    const article: ExtractedArticle = { ...viArticle(), title: '', paragraphs: ['Ảnh: Báo Bến Cảng'] };
    await expect(service.add(article)).rejects.toThrow(/^the article could not be read: /);
    expect(await service.list()).toEqual([]);
  });

  it('searches the bundled index and the user\'s corpus together, each hit saying where it comes from', async () => {
    const { service, index } = await setUp('search');
    await service.add(viArticle());
    const own = unwrap(await service.search(await index(), { text: 'thang than' }));
    expect(own.total).toBe(1);
    expect(own.hits.map((h) => [h.quote.text, h.quote.speaker?.id, h.quote.date, h.quote.source.origin, h.quote.source.url])).toEqual([
      [PUTIN_WORDS, 'putin', '2025-08-15', 'reading', URL_VI],
    ]);
    expect(own.hits[0]!.highlights).toEqual([[30, 35], [36, 40]]);

    const both = unwrap(await service.search(await index(), { text: 'Putin', limit: 50 }));
    const origins = both.hits.map((h) => h.quote.source.origin);
    expect(origins.filter((o) => o === 'reading')).toHaveLength(1);
    expect(origins.filter((o) => o === 'corpus')).toHaveLength(5);
    expect(both.total).toBe(6);
    expect(both.hits.find((h) => h.quote.source.origin === 'corpus')!.quote.source.url).toBeNull();

    const filtered = unwrap(await service.search(await index(), { text: '', person: 'trump', from: '2025-08-01' }));
    // The added page reports Trump's words from the summit's press day, so the date filter keeps them.
    expect(filtered.hits.map((h) => [h.quote.id, h.quote.source.origin])).toEqual([['q2', 'corpus'], [`${ID}:176mu66`, 'reading']]);
  });

  it('adds the user\'s quotes to person and summit cards, and serves their source text', async () => {
    const { service, index } = await setUp('card');
    await service.add(viArticle());
    const live = await index();
    const putin = (await service.card(live, unwrap(await getCard(live, { kind: 'person', id: 'putin' }, 100)), 100)) as EntityCard & { kind: 'person' };
    const plain = unwrap(await getCard(live, { kind: 'person', id: 'putin' }, 100));
    expect(putin.quoteCount).toBe(plain.quoteCount + 1);
    // Putin's own words first, newest first: the added quote shares its day with the corpus's q1, which stays ahead.
    expect(putin.quotes.map((q) => q.id).slice(0, 2)).toEqual(['q1', `${ID}:rtq0n6`]);
    const added = putin.quotes[1]!;
    expect(added.text).toBe(PUTIN_WORDS);
    expect(added.source).toEqual({ document: ID, title: 'Ông Putin: Cuộc gặp ở Anchorage mở đường cho đối thoại', outlet: 'Báo Bến Cảng', published: '2025-08-16', origin: 'reading', url: URL_VI });

    const summit = await service.card(live, unwrap(await getCard(live, { kind: 'summit', id: 'alaska-2025' }, 100)), 100);
    expect(summit.quotes.filter((q) => q.source.origin === 'reading').map((q) => q.speaker?.id)).toEqual(['trump', 'putin']);

    // A card for a page about Alaska, at a popover's small limit: up to two quotes from Alaska, the user's among them.
    const about = ['alaska-2025'];
    const focused = await service.card(live, unwrap(await getCard(live, { kind: 'person', id: 'putin', about }, 2)), 2, about);
    expect(focused.quotes.map((q) => [q.id, q.summit?.id, q.source.origin])).toEqual([
      ['q1', 'alaska-2025', 'corpus'],
      [`${ID}:rtq0n6`, 'alaska-2025', 'reading'],
    ]);

    const quoteId = added.id;
    const context = (await service.quoteContext(live, quoteId))!;
    expect(context.text.slice(context.start, context.end)).toBe(PUTIN_WORDS);
    expect(await service.quoteContext(live, 'q1')).toBeNull();
  });

  it('extracts an article again from its stored text, keeping the day it was added', async () => {
    const { service, store, index } = await setUp('reextract');
    await service.add(viArticle());
    const before = await service.quotesOf(await index(), ID);
    // As if an older pipeline had found one quote only.
    await (await store.main()).delete('readingQuotes', before[1]!.id);
    expect((await service.list())[0]!.quotes).toBe(1);
    expect(await service.reextract(ID)).toEqual({ document: { id: ID, title: 'Ông Putin: Cuộc gặp ở Anchorage mở đường cho đối thoại', url: URL_VI, published: '2025-08-16' }, quotes: 2, replaced: true, truncated: false });
    expect(await service.quotesOf(await index(), ID)).toEqual(before);
    expect((await service.list())[0]!.addedAt).toBe(1_000);
    await expect(service.reextract('reading-none')).rejects.toThrow('no article "reading-none" in your articles');
  });

  it('removes an article with its quotes, so search no longer finds them', async () => {
    const { service, index } = await setUp('remove');
    await service.add(viArticle());
    await service.remove(ID);
    expect(await service.list()).toEqual([]);
    expect(unwrap(await service.search(await index(), { text: 'thang than' })).total).toBe(0);
    expect(await service.quotesOf(await index(), ID)).toEqual([]);
    await expect(service.remove(ID)).rejects.toThrow(`no article "${ID}" in your articles`);
  });

  it('exports everything the user made and imports it back identically, settings included', async () => {
    const { service, store, index, setSettings, settings } = await setUp('roundtrip');
    await service.add(viArticle());
    const live = await index();
    await saveQuote(await store.main(), live, 'q1');
    setSettings({ ...DEFAULT_SETTINGS, language: 'en', dwellMs: 500 });
    const exported = await service.exportText();
    const lines = exported.trimEnd().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'summit-lens/user-lines', version: 1, counts: { documents: 1, quotes: 2, saved: 1, settings: 1 } });
    expect(lines.map((l) => (JSON.parse(l) as unknown[])[0])).toEqual([undefined, 'document', 'quote', 'quote', 'saved', 'settings']);

    const fresh = await setUp('roundtrip-fresh');
    expect(await fresh.service.importText(exported)).toEqual({ documents: 1, quotes: 2, corrections: 0, saved: 1, settings: true });
    expect(await fresh.service.list()).toEqual(await service.list());
    expect(await fresh.service.quotesOf(await fresh.index(), ID)).toEqual(await service.quotesOf(live, ID));
    expect((await listSaved(await fresh.store.main())).map((s) => s.quoteId)).toEqual(['q1']);
    expect(fresh.settings()).toEqual(settings());
    const again = await fresh.service.exportText();
    expect(again.split('\n').slice(1)).toEqual(exported.split('\n').slice(1));
  });

  it('refuses a damaged file naming its line, and changes nothing', async () => {
    const { service } = await setUp('bad');
    await service.add(viArticle());
    const exported = await service.exportText();
    const before = await service.list();

    const fresh = await setUp('bad-fresh');
    await fresh.service.add({ ...viArticle(), url: 'https://other.example/a' });
    const kept = await fresh.service.list();
    const lines = exported.split('\n');
    const at = lines.findIndex((l) => l.startsWith('["quote"') && l.includes('thẳng thắn'));
    const damaged = [...lines];
    damaged[at] = damaged[at]!.replace('thẳng thắn', 'thẳng thừng');
    await expect(fresh.service.importText(damaged.join('\n'))).rejects.toThrow(`summit-lens-my-corpus.jsonl:${at + 1}: quote: "text" is not the words of its document at "start".."end"`);
    await expect(fresh.service.importText(lines.slice(0, 3).join('\n'))).rejects.toThrow('summit-lens-my-corpus.jsonl:1: the header counts 2 quotes but the file has 1 (cut short?)');
    await expect(fresh.service.importText('{"hello": 1}')).rejects.toThrow('summit-lens-my-corpus.jsonl:1: not a Summit Lens export (the first line must have "format": "summit-lens/user-lines")');
    expect(await fresh.service.list()).toEqual(kept);
    expect(before).toHaveLength(1);
  });

  it('keeps a hand correction apart from the quote: every view shows it as the user\'s, extracting again keeps it, removing the article takes it', async () => {
    const { service, store, index } = await setUp('correct');
    await service.add(viArticle());
    const live = await index();
    const trumpQuote = (await service.quotesOf(live, ID)).find((q) => q.speaker?.id === 'trump')!;
    expect([trumpQuote.date, trumpQuote.dateBasis, trumpQuote.corrected]).toEqual(['2025-08-15', 'summit', undefined]);

    const corrected = await service.correct(live, trumpQuote.id, '  sergei LAVROV ', '2025-08-14');
    expect([corrected.speaker?.id, corrected.speakerName, corrected.speakerBasis, corrected.date, corrected.dateBasis, corrected.corrected]).toEqual(['lavrov', null, 'named', '2025-08-14', 'stated', { speaker: true, date: true }]);
    expect((await service.quotesOf(live, ID)).find((q) => q.id === trumpQuote.id)).toEqual(corrected);
    expect(await (await store.main()).get('readingCorrections', trumpQuote.id)).toEqual({ quoteId: trumpQuote.id, document: ID, speaker: 'sergei LAVROV', date: '2025-08-14', correctedAt: 1_001 });
    // The extracted quote itself is as the pipeline read it.
    expect((await (await store.main()).get('readingQuotes', trumpQuote.id))!.speaker).toBe('trump');

    const byLavrov = unwrap(await service.search(live, { text: '', person: 'lavrov', from: '2025-08-14', to: '2025-08-14' }));
    // Same day, same tier: the corpus first on a tie.
    expect(byLavrov.hits.map((h) => [h.quote.id, h.quote.corrected])).toEqual([
      ['q5', undefined],
      [trumpQuote.id, { speaker: true, date: true }],
    ]);
    const summit = await service.card(live, unwrap(await getCard(live, { kind: 'summit', id: 'alaska-2025' }, 100)), 100);
    expect(summit.quotes.filter((q) => q.source.origin === 'reading').map((q) => [q.speaker?.id, q.date])).toEqual([
      ['putin', '2025-08-15'],
      ['lavrov', '2025-08-14'],
    ]);
    expect((await service.quoteContext(live, trumpQuote.id))!.quote).toEqual(corrected);

    await service.reextract(ID);
    expect((await service.quotesOf(live, ID)).find((q) => q.id === trumpQuote.id)).toEqual(corrected);

    const unknown = await service.correct(live, trumpQuote.id, 'Người phát ngôn Điện Kremlin', null);
    expect([unknown.speaker, unknown.speakerName, unknown.date, unknown.dateBasis, unknown.corrected]).toEqual([null, 'Người phát ngôn Điện Kremlin', '2025-08-15', 'summit', { speaker: true, date: false }]);

    const undone = await service.correct(live, trumpQuote.id, null, null);
    expect(undone).toEqual(trumpQuote);
    expect(await (await store.main()).count('readingCorrections')).toBe(0);

    await expect(service.correct(live, 'reading-none:q1', 'Putin', null)).rejects.toThrow('no quote "reading-none:q1" in your articles');
    await expect(service.correct(live, trumpQuote.id, null, '2025-02-30')).rejects.toThrow('the date must be a real day YYYY-MM-DD, or null');

    await service.correct(live, trumpQuote.id, 'Sergei Lavrov', null);
    const exported = await service.exportText();
    const fresh = await setUp('correct-fresh');
    expect(await fresh.service.importText(exported)).toMatchObject({ documents: 1, quotes: 2, corrections: 1 });
    expect(await fresh.service.quotesOf(await fresh.index(), ID)).toEqual(await service.quotesOf(live, ID));

    await service.remove(ID);
    expect(await (await store.main()).count('readingCorrections')).toBe(0);
  });
});
