import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { CardRequest } from '../../../src/store/queries';
import { connectStore, ensureSeeded, getCard, getCatalog, getQuoteContext, listSaved, saveQuote, unsaveQuote, type LiveIndex, type SummitDb } from '../../../src/store';
import { listSavedViews } from '../../../src/store/user-data';
import { loadGazetteer } from '../../../src/corpus/gazetteer';
import { readInput } from '../corpus/corpus-fixture';
import { bundle, makeIndex, quoteSpecs } from './fixture';

let db: LiveIndex;
let main: SummitDb;
const index = makeIndex();

beforeAll(async () => {
  const store = connectStore({ factory: new IDBFactory(), name: 'queries' });
  await ensureSeeded(store, bundle(index, 'A'));
  db = (await store.index())!;
  main = await store.main();
});

async function card(request: CardRequest, limit?: number) {
  const r = await getCard(db, request, limit);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('getCard', () => {
  it('lists a person’s own quotes first, then quotes mentioning them, each newest first', async () => {
    const c = await card({ kind: 'person', id: 'putin' }, 10);
    expect(c.kind).toBe('person');
    expect(c.quotes.map((q) => q.id)).toEqual(['q1', 'q3', 'q2', 'q8', 'q4']);
    expect(c.quoteCount).toBe(5);
    expect(c.kind === 'person' && c.summits.map((s) => s.id)).toEqual(['alaska-2025', 'geneva-2021', 'helsinki-2018']);
    expect(c.kind === 'person' && c.person).toMatchObject({ id: 'putin', name: 'Vladimir Putin', country: 'RU' });
    expect(c.quotes[0]).toMatchObject({ speaker: { id: 'putin' }, summit: { id: 'alaska-2025' }, source: { document: 'd1', title: 'Thượng đỉnh Nga - Mỹ tại Alaska', published: '2025-08-16' } });
  });

  it('cuts the quote list at the limit but counts them all', async () => {
    const c = await card({ kind: 'person', id: 'putin' }, 3);
    expect(c.quotes.map((q) => q.id)).toEqual(['q1', 'q3', 'q2']);
    expect(c.quoteCount).toBe(5);
  });

  it('adds the person’s quotes at the summits the page is about, however far down their list', async () => {
    // Newest first, Putin's list is q1 q3 q2 q8 q4: at a limit of 1 only q1 (Alaska) is left.
    expect((await card({ kind: 'person', id: 'putin' }, 1)).quotes.map((q) => q.id)).toEqual(['q1']);
    const geneva = await card({ kind: 'person', id: 'putin', about: ['geneva-2021'] }, 1);
    expect(geneva.quotes.map((q) => [q.id, q.summit?.id])).toEqual([
      ['q1', 'alaska-2025'],
      ['q4', 'geneva-2021'],
    ]);
    const both = await card({ kind: 'person', id: 'putin', about: ['geneva-2021', 'alaska-2025', 'helsinki-2018'] }, 2);
    // Up to two at each: Geneva's q4 and q3, Alaska's q1 and q2; Helsinki has none of his. The count stays his total.
    expect(both.quotes.map((q) => q.id)).toEqual(['q1', 'q3', 'q4', 'q2']);
    expect(both.quoteCount).toBe(5);
  });

  it('lists a summit’s participants and puts the leaders’ words first', async () => {
    const c = await card({ kind: 'summit', id: 'alaska-2025' });
    expect(c.kind === 'summit' && c.participants.map((p) => p.id)).toEqual(['putin', 'trump']);
    expect(c.quotes.map((q) => q.id)).toEqual(['q2', 'q1', 'q5', 'q8']);
    expect(c.quoteCount).toBe(4);
  });

  it('answers a malformed or unknown id with an error value', async () => {
    expect(await getCard(db, { kind: 'person', id: 'nobody' })).toEqual({ ok: false, error: { code: 'not-found', message: 'no person "nobody" in the index' } });
    expect(await getCard(db, { kind: 'summit', id: 'putin' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    for (const bad of [null, {}, { kind: 'place', id: 'x' }, { kind: 'person', id: '' }, { kind: 'person', id: 42 }, { kind: 'person', id: 'x'.repeat(201) }]) {
      expect(await getCard(db, bad as unknown as CardRequest)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
  });
});

describe('getQuoteContext', () => {
  it('returns the document text with the quote’s offsets into it', async () => {
    const r = await getQuoteContext(db, 'q3');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.text.slice(r.value.start, r.value.end)).toBe('Nhưng tôi tin rằng có một tia hy vọng trong mắt ông Biden');
    expect(r.value.quote).toMatchObject({ id: 'q3', speaker: { id: 'putin' }, source: { document: 'd2' } });
  });

  it('answers an unknown or malformed id with an error value', async () => {
    expect(await getQuoteContext(db, 'q99')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await getQuoteContext(db, 7 as unknown as string)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});

describe('getCatalog', () => {
  it('lists people by name and summits newest first', async () => {
    const c = await getCatalog(db);
    expect(c.people.map((p) => p.id)).toEqual(['trump', 'biden', 'lavrov', 'putin']);
    expect(c.summits.map((s) => [s.id, s.participants])).toEqual([
      ['alaska-2025', ['putin', 'trump']],
      ['geneva-2021', ['putin', 'biden']],
      ['helsinki-2018', ['putin', 'trump']],
    ]);
  });
});

/** A clock a second apart per reading: two saves in one millisecond would otherwise tie, and "newest first" would be luck. */
function savingClock() {
  let ms = Date.UTC(2026, 0, 1);
  return vi.spyOn(Date, 'now').mockImplementation(() => (ms += 1000));
}

describe('user data', () => {
  it('saves, lists newest first and removes quotes', async () => {
    expect(await saveQuote(main, db, 'nope')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const clock = savingClock();
    const saved = await saveQuote(main, db, 'q2');
    expect(saved.ok && saved.value.snapshot).toEqual({ text: 'Ông Putin muốn đạt được hoà bình', speaker: 'Donald Trump', date: '2025-08-16', source: 'Thượng đỉnh Nga - Mỹ tại Alaska' });
    await saveQuote(main, db, 'q5');
    clock.mockRestore();
    expect((await listSaved(main)).map((s) => s.quoteId)).toEqual(['q5', 'q2']);
    await unsaveQuote(main, 'q5');
    expect((await listSaved(main)).map((s) => s.quoteId)).toEqual(['q2']);
  });

  it('lists saved quotes newest first as the live index shows them, with null for one a new index dropped', async () => {
    const store = connectStore({ factory: new IDBFactory(), name: 'saved-views' });
    await ensureSeeded(store, bundle(index, 'A'));
    const user = await store.main();
    expect(await listSavedViews(user, (await store.index())!)).toEqual([]);
    const clock = savingClock();
    for (const id of ['q9', 'q3']) expect((await saveQuote(user, (await store.index())!, id)).ok).toBe(true);
    clock.mockRestore();
    // The next index no longer has q9.
    await ensureSeeded(store, bundle(makeIndex(quoteSpecs.filter((q) => q.id !== 'q9')), 'B'));
    const views = await listSavedViews(user, (await store.index())!);
    expect(views.map((v) => [v.quoteId, v.quote?.id ?? null])).toEqual([
      ['q3', 'q3'],
      ['q9', null],
    ]);
    expect(views[0]!.quote).toMatchObject({ text: 'Nhưng tôi tin rằng có một tia hy vọng trong mắt ông Biden', speaker: { id: 'putin', name: 'Vladimir Putin' }, date: '2021-06-16', source: { title: 'Tổng thống Putin nói gì sau thượng đỉnh Geneva' } });
    expect(views[1]).toEqual({
      quoteId: 'q9',
      savedAt: views[1]!.savedAt,
      snapshot: { text: 'Không có gì được thỏa thuận cho đến khi mọi thứ được thỏa thuận', speaker: 'Donald Trump', date: null, source: 'Thượng đỉnh Helsinki' },
      quote: null,
    });
    expect(views[0]!.savedAt).toBeGreaterThan(views[1]!.savedAt);
  });
});

describe('answers as messages', () => {
  /** Objects reachable twice from `value`; Firefox's extension messaging delivers the second as undefined. */
  function shared(value: unknown, seen = new Set<object>(), found: string[] = [], path = '$'): string[] {
    if (value === null || typeof value !== 'object') return found;
    if (seen.has(value)) found.push(path);
    seen.add(value);
    for (const [key, child] of Object.entries(value)) shared(child, seen, found, `${path}.${key}`);
    return found;
  }

  it('are trees: no object appears twice, even for quotes of one summit and one source', async () => {
    const { search } = await import('../../../src/store');
    const answers = [
      await search(db, { text: 'Putin' }),
      await search(db, { text: 'hoa binh' }),
      await getCard(db, { kind: 'summit', id: 'alaska-2025' }, 10),
      await getCard(db, { kind: 'person', id: 'putin' }, 10),
      await getCatalog(db),
    ];
    for (const answer of answers) expect(shared(answer)).toEqual([]);
    // Catalog and cards come from records cached for the worker's life: changing an answer must not change them.
    const catalog = await getCatalog(db);
    catalog.summits[0]!.participants.push('nobody');
    catalog.summits[0]!.title.en = 'changed';
    const again = await getCard(db, { kind: 'summit', id: catalog.summits[0]!.id });
    expect(again.ok && again.value.kind === 'summit' && again.value.summit.title.en).not.toBe('changed');
  });
});

describe('getCard: the person at the page’s summit, from the gazetteer (real terms and offices)', () => {
  let live: LiveIndex;
  const real = loadGazetteer(readInput('data/gazetteer/people.json'), readInput('data/gazetteer/summits.json'), readInput('data/gazetteer/offices.json'));
  const offices = new Map(real.offices.map((o) => [o.id, o]));
  const withTerms = { ...index, people: index.people.map((p) => ({ ...p, terms: real.people.find((r) => r.id === p.id)!.terms })), offices: real.offices };

  beforeAll(async () => {
    const store = connectStore({ factory: new IDBFactory(), name: 'queries-roles' });
    await ensureSeeded(store, bundle(withTerms, 'R'));
    live = (await store.index())!;
  });

  async function person(id: string, about: string[], withOffices = offices) {
    const r = await getCard(live, { kind: 'person', id, about }, 3, withOffices);
    if (!r.ok || r.value.kind !== 'person') throw new Error('no person card');
    return r.value;
  }

  it('a leader at the page’s summit: participant, office of that day, the other side’s leader', async () => {
    const c = await person('putin', ['geneva-2021']);
    expect(c.at).toEqual([
      {
        summit: { id: 'geneva-2021', title: { vi: 'Thượng đỉnh Geneva', en: 'Geneva summit' }, date: '2021-06-16', endDate: null, place: 'Geneva, CH', placeNames: { vi: 'Geneva, CH', en: 'Geneva, CH', ru: 'Geneva, CH' } },
        outcome: null,
        participants: [
          { id: 'putin', name: 'Vladimir Putin', role: 'Tổng thống Nga', roleEn: 'Tổng thống Nga' },
          { id: 'biden', name: 'Joe Biden', role: 'Cựu tổng thống Mỹ', roleEn: 'Cựu tổng thống Mỹ' },
        ],
        participant: true,
        offices: [{ id: 'ru-president', title: { vi: 'Tổng thống Nga', en: 'President of Russia' }, leader: true }],
        counterparts: [{ id: 'biden', name: 'Joe Biden', role: 'Cựu tổng thống Mỹ', roleEn: 'Cựu tổng thống Mỹ' }],
      },
    ]);
    expect(c.met).toEqual([
      { person: { id: 'trump', name: 'Donald Trump', role: 'Tổng thống Mỹ', roleEn: 'Tổng thống Mỹ' }, summits: ['alaska-2025', 'helsinki-2018'] },
      { person: { id: 'biden', name: 'Joe Biden', role: 'Cựu tổng thống Mỹ', roleEn: 'Cựu tổng thống Mỹ' }, summits: ['geneva-2021'] },
    ]);
  });

  it('someone the summits table does not list: not a participant, their office that day, no counterpart', async () => {
    const c = await person('lavrov', ['alaska-2025']);
    expect(c.at?.map((a) => [a.summit.id, a.participant, a.offices.map((o) => o.id), a.counterparts])).toEqual([['alaska-2025', false, ['ru-foreign-minister'], []]]);
    expect(c.met).toEqual([]);
  });

  it('without the offices, no office is named; an unknown summit id is left out', async () => {
    const c = await person('putin', ['geneva-2021', 'nowhere-1900'], new Map());
    expect(c.at?.map((a) => [a.summit.id, a.offices, a.counterparts])).toEqual([['geneva-2021', [], []]]);
  });
});
