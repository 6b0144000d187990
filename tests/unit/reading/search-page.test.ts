import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticArticles, syntheticUserFile } from '../../../bench/synthetic-reading';
import type { SearchQuery, SearchResult } from '../../../src/protocol/views';
import { ReadingService } from '../../../src/reading/service';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';
import { connectStore, ensureSeeded, search, type LiveIndex, type SummitDb } from '../../../src/store';
import { readingQuotesAfter } from '../../../src/store/reading';
import { realGazetteer, realIndex, ROOT } from '../corpus/corpus-fixture';
import { bundle } from '../store/fixture';
import { ingestHere } from './ingest-here';

/*
 * Search keeps only the best `limit` of each corpus (a bounded heap, a phrase
 * check only where it could matter) and makes views only for the merged page.
 * On the real index with 25 of the user's articles (the seed articles' own
 * lines, as the reading bench writes them), answers must be the ones of
 * ranking everything: the pinned pages below are what the code answered
 * before the change, and every smaller page is the start of the larger one.
 */

let live: LiveIndex;
let main: SummitDb;
let service: ReadingService;

beforeAll(async () => {
  const store = connectStore({ factory: new IDBFactory(), name: 'search-page' });
  await ensureSeeded(store, bundle(realIndex(), 'real'));
  live = (await store.index())!;
  main = await store.main();
  service = new ReadingService({ main: () => store.main(), ingest: ingestHere, gazetteer: async () => realGazetteer(), loadSettings: async () => DEFAULT_SETTINGS, saveSettings: async () => undefined, now: () => 1 });
  await service.importText(syntheticUserFile(syntheticArticles(ROOT, 25), realGazetteer()).text);
});

async function both(query: SearchQuery): Promise<SearchResult> {
  const answer = await service.search(live, query);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
}

const page = (r: SearchResult) => r.hits.map((h) => [h.quote.id, h.quote.source.origin, h.score]);

const texts = ['Putin', 'Путин', 'Пу', 'Trump', 'Трамп', 'hòa bình', 'hoa binh', 'đàm phán', 'dam ph', 'Ukraine', 'thượng đỉnh Alaska', 'thuong dinh', 'lệnh ngừng bắn', 'Tru', 'không có gì xyz'];
const queries = (): SearchQuery[] => [
  ...texts.map((text) => ({ text })),
  { text: '', person: 'putin' },
  { text: 'hoa binh', from: '2025-01-01', to: '2025-12-31' },
  { text: 'Ukraine', summit: 'alaska-2025' },
];

describe('a search page over the index and the user\'s articles', () => {
  it('interleaves the two corpora by score, the corpus first on a tie, as before the bounded ranking', async () => {
    const ceasefire = await both({ text: 'lệnh ngừng bắn', limit: 8 });
    expect(ceasefire.total).toBe(23);
    expect(page(ceasefire)).toEqual([
      ['reading-14z53nk1wlxmfi:5ajsir', 'reading', 10306],
      ['reading-jz5emz8tz2nx:1iw41ek', 'reading', 10306],
      ['003_a7b052e75c9412d5:1knrxj8', 'corpus', 101],
      ['004_83c938efc68f5f6f:8sz1t6', 'corpus', 101],
      ['reading-1behumh8svpxr:hg09e3', 'reading', 101],
      ['reading-1dbqcxapgoa3k:15jo6se', 'reading', 101],
      ['reading-1fpmzej121eorx:1lz5p5l', 'reading', 101],
      ['reading-1toj974wbtmm2:1pevlin', 'reading', 101],
    ]);
    expect(ceasefire.hits[1]!.highlights).toEqual([[299, 303], [304, 309], [310, 313]]);

    const alaska = await both({ text: 'thượng đỉnh Alaska', limit: 8 });
    expect(alaska.total).toBe(26);
    expect(page(alaska).slice(0, 4)).toEqual([
      ['reading-1toj974wbtmm2:1rod1zq', 'reading', 305],
      ['000_c0135cefbde2a288:pquwbe', 'corpus', 204],
      ['reading-10cj6px185qebj:dtuj49', 'reading', 204],
      ['reading-14z53nk1wlxmfi:1c24wdv', 'reading', 204],
    ]);
    expect(alaska.summits.map((s) => s.id)).toEqual(['alaska-2025']);

    // `dinh` names every summit through `đỉnh`: the union of the prefix's summit lists, newest first.
    const summits = await both({ text: 'thuong dinh', limit: 8 });
    expect(summits.summits.map((s) => s.id)).toEqual(['alaska-2025', 'geneva-2021', 'osaka-2019', 'helsinki-2018', 'hamburg-2017']);
    expect(page(summits)[0]).toEqual(['000_c0135cefbde2a288:pquwbe', 'corpus', 10202]);
  });

  it('answers every smaller page as the start of the larger one, with the same total', async () => {
    for (const query of queries()) {
      const full = await both({ ...query, limit: 50 });
      for (const limit of [1, 3, 8]) {
        const small = await both({ ...query, limit });
        expect({ query, limit, total: small.total, hits: small.hits }).toEqual({ query, limit, total: full.total, hits: full.hits.slice(0, limit) });
      }
    }
  });

  it('keeps the index\'s own ranking the same for any page size when the user has no articles', async () => {
    for (const query of queries()) {
      const full = await search(live, { ...query, limit: 500 });
      const small = await search(live, { ...query, limit: 3 });
      if (!full.ok || !small.ok) throw new Error('search failed');
      expect(small.value.total).toBe(full.value.total);
      expect(small.value.hits).toEqual(full.value.hits.slice(0, 3));
    }
  });

  it('reads every quote once through the warm-up\'s slices, in id order', async () => {
    const ids: string[] = [];
    for (let after: string | null = null; ; ) {
      const slice = await readingQuotesAfter(main, after, 7);
      ids.push(...slice.map((q) => q.id));
      if (slice.length < 7) break;
      after = slice[slice.length - 1]!.id;
    }
    const all = (await main.getAllKeys('readingQuotes')).map(String);
    expect(all.length).toBeGreaterThan(100);
    expect(ids).toEqual(all);
  });
});
