import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchQuery, SearchResult } from '../../../src/protocol/views';
import { connectStore, ensureSeeded, search, type LiveIndex } from '../../../src/store';
import { bundle, makeIndex } from '../store/fixture';

let db: LiveIndex;

beforeAll(async () => {
  const store = connectStore({ factory: new IDBFactory(), name: 'search' });
  const report = await ensureSeeded(store, bundle(makeIndex(), 'h1'));
  expect(report.outcome).toBe('seeded');
  db = (await store.index())!;
});

async function run(query: SearchQuery): Promise<SearchResult> {
  const result = await search(db, query);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const ids = (r: SearchResult) => r.hits.map((h) => h.quote.id);

describe('search ranking', () => {
  it('ranks phrase, then all words, then some; accents the user typed beat recency', async () => {
    const r = await run({ text: 'hòa bình' });
    // q2 has the old placement `hoà`, which still counts as the typed accent; it is newer than q1.
    // q6 has both words apart with accents, q8 both apart without (and is newer), q7 only `hòa`.
    expect(ids(r)).toEqual(['q2', 'q1', 'q6', 'q8', 'q7']);
    expect(r.total).toBe(5);
    expect(r.hits[0]!.score).toBeGreaterThan(r.hits[2]!.score);
    expect(r.hits[2]!.score).toBeGreaterThan(r.hits[3]!.score);
  });

  it('finds the same quotes without diacritics and then lets recency decide', async () => {
    const r = await run({ text: 'hoa binh' });
    expect(ids(r)).toEqual(['q2', 'q1', 'q8', 'q6', 'q7']);
  });

  it('highlights the matched words in the original spelling', async () => {
    const r = await run({ text: 'hoa binh' });
    const q2 = r.hits[0]!;
    expect(q2.highlights).toEqual([[24, 27], [28, 32]]);
    expect(q2.highlights.map(([s, e]) => q2.quote.text.slice(s, e))).toEqual(['hoà', 'bình']);
    const q8 = r.hits.find((h) => h.quote.id === 'q8')!;
    expect(q8.highlights.map(([s, e]) => q8.quote.text.slice(s, e))).toEqual(['hoa', 'binh']);
  });

  it('matches đ as d and the last word as a prefix', async () => {
    let typing = 0;
    for (const text of ['đàm ph', 'dam ph', 'DAM PH']) {
      const r = await run({ text });
      expect(ids(r)).toEqual(['q5']);
      expect(r.hits[0]!.highlights).toEqual([[0, 3], [4, 8]]);
      typing = r.hits[0]!.score;
    }
    // A trailing space ends the word: `ph` is no longer a prefix, so only `dam` matches.
    const finished = await run({ text: 'dam ph ' });
    expect(ids(finished)).toEqual(['q5']);
    expect(finished.hits[0]!.highlights).toEqual([[0, 3]]);
    expect(finished.hits[0]!.score).toBeLessThan(typing);
  });
});

describe('person names resolve through the person', () => {
  const putinOrder = ['q1', 'q3', 'q2', 'q8', 'q4'];

  it('finds quotes said by Putin first, then those mentioning him, newest first', async () => {
    const r = await run({ text: 'Putin' });
    expect(ids(r)).toEqual(putinOrder);
    expect(r.people.map((p) => p.id)).toEqual(['putin']);
    // q1 is Putin speaking without naming himself: found through the person, nothing to highlight.
    expect(r.hits[0]!.highlights).toEqual([]);
    expect(r.hits[2]!.highlights).toEqual([[4, 9]]);
  });

  it('resolves the Cyrillic name and a two-letter prefix of it to the same person', async () => {
    expect(ids(await run({ text: 'Путин' }))).toEqual(putinOrder);
    expect(ids(await run({ text: 'Пу' }))).toEqual(putinOrder);
    expect(ids(await run({ text: 'Трамп' }))).toEqual(['q2', 'q6', 'q7', 'q9']);
  });

  it('does not resolve titles shared by several people', async () => {
    const r = await run({ text: 'tổng thống ' });
    expect(ids(r)).toEqual(['q8', 'q4']);
    expect(r.people).toEqual([]);
  });

  it('counts a person word as in place for the phrase', async () => {
    const r = await run({ text: 'Putin hòa bình' });
    // q1: Putin says "hòa bình"; q2 names Putin and has "hoà bình" but the phrase order differs.
    expect(ids(r).slice(0, 2)).toEqual(['q1', 'q2']);
    expect(r.hits[0]!.score).toBeGreaterThan(r.hits[1]!.score);
  });
});

describe('filters', () => {
  it('lists a person’s quotes with no text, said first', async () => {
    expect(ids(await run({ text: '', person: 'biden' }))).toEqual(['q4', 'q3']);
  });

  it('filters by date range, summit and person', async () => {
    expect(ids(await run({ text: 'hoa binh', from: '2025-01-01', to: '2025-08-15' }))).toEqual(['q1', 'q8']);
    expect(ids(await run({ text: 'hy vọng', summit: 'geneva-2021' }))).toEqual(['q3']);
    expect(ids(await run({ text: 'hy vọng', summit: 'alaska-2025' }))).toEqual([]);
    expect(ids(await run({ text: 'Ukraine', person: 'lavrov' }))).toEqual(['q5']);
    expect(ids(await run({ text: 'Ukraine' }))).toEqual(['q1', 'q5']);
  });

  it('honours the limit but reports the total', async () => {
    const r = await run({ text: 'Putin', limit: 2 });
    expect(ids(r)).toEqual(['q1', 'q3']);
    expect(r.total).toBe(5);
  });
});

describe('suggestions and edge cases', () => {
  it('suggests the summit a query names', async () => {
    expect((await run({ text: 'Alaska' })).summits.map((s) => s.id)).toEqual(['alaska-2025']);
    expect((await run({ text: 'Putin Alaska' })).summits.map((s) => s.id)).toEqual(['alaska-2025']);
    expect((await run({ text: 'thượng đỉnh' })).summits.map((s) => s.id)).toEqual(['alaska-2025', 'geneva-2021', 'helsinki-2018']);
  });

  it('answers an empty query with nothing and a malformed one with an error value', async () => {
    expect(await run({ text: '' })).toEqual({ hits: [], people: [], summits: [], total: 0 });
    expect(await run({ text: 'zzzz' })).toMatchObject({ hits: [], total: 0 });
    const bad = await search(db, { text: 5 } as unknown as SearchQuery);
    expect(bad).toEqual({ ok: false, error: { code: 'bad-request', message: 'search needs a text string' } });
    const badDay = await search(db, { text: 'x', from: 'yesterday' });
    expect(badDay.ok).toBe(false);
  });

  it('carries the source and speaker in each hit', async () => {
    const hit = (await run({ text: 'chương trình nghị sự' })).hits[0]!;
    expect(hit.quote).toMatchObject({
      id: 'q4',
      speaker: { id: 'biden', name: 'Joe Biden' },
      summit: { id: 'geneva-2021' },
      source: { document: 'd2', title: 'Tổng thống Putin nói gì sau thượng đỉnh Geneva', outlet: 'VnExpress' },
    });
  });
});
