import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { CorrectedQuote, QuoteCorrection } from '../../../src/reading/corrections';
import { postingsOf } from '../../../src/reading/postings';
import { ReadingIndex } from '../../../src/reading/reading-index';
import { withReadingQuotes } from '../../../src/reading/views';
import type { EntityCard } from '../../../src/protocol/views';
import { connectStore, ensureSeeded, getCard, type CardRequest } from '../../../src/store';
import { bundle, makeIndex, people } from '../store/fixture';

const URL = 'https://bencang.example/the-gioi/nhieu-bai.html';

function quote(id: string, speaker: string | null, date: string, summit: string | null, mentions: string[] = []): CorrectedQuote {
  const text = `Câu nói số ${id} về cuộc gặp`;
  return {
    id: `reading-x:${id}`,
    document: 'reading-x',
    text,
    speaker,
    summit,
    date,
    start: Number(id.slice(1)) * 100,
    end: Number(id.slice(1)) * 100 + text.length,
    mentions,
    kind: 'speech',
    speakerName: null,
    speakerRole: null,
    speakerBasis: speaker === null ? 'none' : 'named',
    dateBasis: 'publication',
    source: { document: 'reading-x', title: 'Nhiều bài', outlet: 'Báo Bến Cảng', published: date, origin: 'reading', url: URL },
  };
}

// Putin's own words on twelve days of September 2025, newer than everything in the index; then,
// far down his list, Trump speaking of him at Helsinki; Biden at Geneva last.
const QUOTES = [
  ...Array.from({ length: 12 }, (_, i) => quote(`p${i + 1}`, 'putin', `2025-09-${String(i + 1).padStart(2, '0')}`, null)),
  quote('h1', 'trump', '2018-07-16', 'helsinki-2018', ['putin']),
  quote('h2', 'trump', '2018-07-15', 'helsinki-2018', ['putin']),
  quote('h3', 'trump', '2018-07-14', 'helsinki-2018', ['putin']),
  quote('g1', 'biden', '2021-06-10', 'geneva-2021', ['putin']),
];

const short = (card: EntityCard) => card.quotes.map((q) => q.id.replace('reading-x:', ''));

async function setUp(corrections: QuoteCorrection[] = []) {
  const store = connectStore({ factory: new IDBFactory(), name: 'card-order' });
  await ensureSeeded(store, bundle(makeIndex(), 'A'));
  const live = (await store.index())!;
  const reading = new ReadingIndex([postingsOf('reading-x', QUOTES)], new Map(corrections.map((c) => [c.quoteId, c])), people);
  const fetched: number[][] = [];
  const byId = new Map(QUOTES.map((q) => [q.id, q]));
  const fetch = async (ranks: readonly number[]) => {
    fetched.push([...ranks]);
    return ranks.map((n) => byId.get(reading.keys[n]!.id) ?? null);
  };
  const card = async (request: CardRequest, limit: number) => {
    const plain = await getCard(live, request, limit);
    if (!plain.ok) throw new Error(plain.error.message);
    return withReadingQuotes(live, plain.value, reading, fetch, limit, request.about);
  };
  return { reading, card, fetched };
}

describe("a card's share of the user's quotes", () => {
  it('splits a person\'s quotes into their own words and the rest, and a summit\'s by its leaders, each newest first', async () => {
    const { reading } = await setUp();
    const ids = (ranks: readonly number[]) => ranks.map((n) => reading.keys[n]!.id.replace('reading-x:', ''));
    const putin = reading.personOrder('putin');
    expect(ids(putin.leading)).toEqual(['p12', 'p11', 'p10', 'p9', 'p8', 'p7', 'p6', 'p5', 'p4', 'p3', 'p2', 'p1']);
    expect(ids(putin.rest)).toEqual(['g1', 'h1', 'h2', 'h3']);
    expect(reading.involving('putin')).toEqual([...putin.leading, ...putin.rest].sort((a, b) => a - b));
    expect(ids(reading.summitOrder('helsinki-2018', ['putin', 'trump']).leading)).toEqual(['h1', 'h2', 'h3']);
    expect(ids(reading.summitOrder('helsinki-2018', ['putin']).rest)).toEqual(['h1', 'h2', 'h3']);
    expect(reading.summitOrder('moscow-1988', ['putin'])).toEqual({ leading: [], rest: [] });
  });

  it('reads only the quotes the card keeps, and adds those at the page\'s summits however far down the list they are', async () => {
    const { card, fetched } = await setUp();
    const plain = await card({ kind: 'person', id: 'putin' }, 2);
    expect(short(plain)).toEqual(['p12', 'p11']);
    expect(plain.quoteCount).toBe(5 + 16);
    expect(fetched.at(-1)!.length).toBe(2);

    const helsinki = await card({ kind: 'person', id: 'putin', about: ['helsinki-2018'] }, 2);
    expect(short(helsinki)).toEqual(['p12', 'p11', 'h1', 'h2']);
    // Geneva: the index's q3 and q4 come first on the page's share (newer), the user's g1 after them is one too many.
    const geneva = await card({ kind: 'person', id: 'putin', about: ['geneva-2021', 'helsinki-2018'] }, 2);
    expect(short(geneva)).toEqual(['p12', 'p11', 'q3', 'q4', 'h1', 'h2']);
    expect(geneva.quoteCount).toBe(helsinki.quoteCount);
  });

  it('puts a summit\'s leaders first, the index\'s quote first on a tie, and follows a corrected speaker', async () => {
    const { card } = await setUp();
    expect(short(await card({ kind: 'summit', id: 'helsinki-2018' }, 3))).toEqual(['q6', 'h1', 'q7']);
    const corrected = await setUp([{ quoteId: 'reading-x:h1', document: 'reading-x', speaker: 'Sergei Lavrov', date: null, correctedAt: 1 }]);
    // h1 is no longer a leader's words: after the leaders' four, newest first.
    expect(short(await corrected.card({ kind: 'summit', id: 'helsinki-2018' }, 5))).toEqual(['q6', 'q7', 'h2', 'h3', 'h1']);
    expect(corrected.reading.personOrder('lavrov').leading.map((n) => corrected.reading.keys[n]!.id)).toEqual(['reading-x:h1']);
  });
});
