import type { IDBPTransaction } from 'idb';
import type { PersonRef, SearchHit, SearchQuery, SearchResult, SummitRef } from '../protocol/views';
import { fail, isId, ok, type Outcome } from '../store/outcome';
import { clampLimit } from '../store/queries';
import type { SummitDb, SummitDbSchema, TermRecord } from '../store/schema';
import { personRef, summitRef, ViewReader } from '../store/views';
import { parseQuery, type QueryWord } from './normalize';
import { occurrences } from './postings';
import { highlights, rank, type WordHit, type WordHits } from './rank';

type SearchTx = IDBPTransaction<SummitDbSchema, ('terms' | 'people' | 'summits' | 'quotes' | 'documents')[], 'readonly'>;

export const DEFAULT_LIMIT = 20;
/** The protocol's own cap. */
export const MAX_LIMIT = 500;
/** A one-letter prefix could expand to thousands of terms; the first ones in key order are enough while typing. */
export const PREFIX_TERMS = 128;
/** Shorter prefixes would resolve to too many people to mean anyone. */
const PERSON_PREFIX_MIN = 2;
const MAX_QUERY = 500;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SUGGESTIONS = 5;
/** Up to this many fitting summits are read directly; more are found by walking the date index. */
const SUGGESTION_READS = 50;

/**
 * Answers a search from the database alone: postings for the query's words, the
 * people and summits its words name, and the filters, all read in one readonly
 * transaction through key ranges; only the returned hits' records are loaded.
 */
export async function search(db: SummitDb, query: SearchQuery): Promise<Outcome<SearchResult>> {
  const problem = invalid(query);
  if (problem) return fail('bad-request', problem);
  const words = parseQuery(query.text.slice(0, MAX_QUERY));
  const limit = clampLimit(query.limit, DEFAULT_LIMIT, MAX_LIMIT);
  const tx: SearchTx = db.transaction(['terms', 'people', 'summits', 'quotes', 'documents'], 'readonly');

  const [termHits, personIds, filter] = await Promise.all([
    Promise.all(words.map((w) => textHits(tx, w))),
    Promise.all(words.map((w) => peopleNamed(tx, w))),
    filterSet(tx, query),
  ]);
  const resolved = [...new Set(personIds.flat())];
  const filterPerson = query.person && !resolved.includes(query.person) ? [query.person] : [];
  const quotesOf = new Map(await Promise.all([...resolved, ...filterPerson].map(async (id) => [id, await involving(tx, id)] as const)));
  const hits = words.map((_, i) => withPeople(termHits[i]!, personIds[i]!, quotesOf));

  let candidates: Iterable<number>;
  if (words.length === 0) {
    candidates = filter ?? [];
  } else {
    const union = new Set<number>();
    for (const map of hits) for (const n of map.keys()) if (!filter || filter.has(n)) union.add(n);
    candidates = union;
  }

  // The query's people, and the person filter, rank their own words first.
  const spokenBy = new Set([...quotesOf.values()].flatMap((q) => q.said));
  const ranked = rank(words, hits, candidates, spokenBy);

  const reader = new ViewReader(tx);
  const top = ranked.slice(0, limit);
  const views = await reader.quotesByKey(top.map((r) => r.n));
  const out: SearchHit[] = views.map((quote, i) => ({ quote, score: top[i]!.score, highlights: highlights(quote.text, words) }));

  const [people, summits] = await Promise.all([suggestPeople(reader, personIds), suggestSummits(tx, words, personIds)]);
  return ok({ hits: out, people, summits, total: ranked.length });
}

function invalid(query: SearchQuery): string | null {
  if (!query || typeof query !== 'object') return 'search needs a query object';
  if (typeof query.text !== 'string') return 'search needs a text string';
  for (const key of ['person', 'summit'] as const) {
    if (query[key] !== undefined && !isId(query[key])) return `search filter "${key}" must be an id string`;
  }
  for (const key of ['from', 'to'] as const) {
    const day = query[key];
    if (day !== undefined && (typeof day !== 'string' || !DAY.test(day))) return `search filter "${key}" must be YYYY-MM-DD`;
  }
  return null;
}

async function textHits(tx: SearchTx, word: QueryWord): Promise<WordHits> {
  const terms = tx.objectStore('terms');
  const records: TermRecord[] = word.prefix
    ? await terms.getAll(IDBKeyRange.bound(word.fold, `${word.fold}\uffff`), PREFIX_TERMS)
    : [await terms.get(word.fold)].filter((r): r is TermRecord => r !== undefined);
  const hits: WordHits = new Map();
  for (const record of records) {
    const whole = record.term === word.fold;
    const form = word.marked ? record.forms.indexOf(word.toned) : -1;
    for (let i = 0; i < record.quotes.length; i++) {
      const n = record.quotes[i]!;
      let hit = hits.get(n);
      if (!hit) {
        hit = { positions: [], whole: false, accented: false, viaPerson: false };
        hits.set(n, hit);
      }
      hit.whole ||= whole;
      for (const occurrence of occurrences(record, i)) {
        hit.positions.push(occurrence.position);
        if (occurrence.form === form) hit.accented = true;
      }
    }
  }
  return hits;
}

async function peopleNamed(tx: SearchTx, word: QueryWord): Promise<string[]> {
  const index = tx.objectStore('people').index('nameKey');
  if (!word.prefix) return index.getAllKeys(word.fold);
  if (word.fold.length < PERSON_PREFIX_MIN) return [];
  return [...new Set(await index.getAllKeys(IDBKeyRange.bound(word.fold, `${word.fold}\uffff`)))];
}

interface Involving {
  said: number[];
  all: number[];
}

/** Quotes said by or mentioning a person (mentions exclude the speaker, so the lists are disjoint). */
async function involving(tx: SearchTx, id: string): Promise<Involving> {
  const quotes = tx.objectStore('quotes');
  const [said, mentioned] = await Promise.all([quotes.index('speaker').getAllKeys(id), quotes.index('mention').getAllKeys(id)]);
  return { said, all: [...said, ...mentioned] };
}

function withPeople(text: WordHits, people: string[], quotesOf: Map<string, Involving>): WordHits {
  if (people.length === 0) return text;
  const hits = new Map(text);
  for (const id of people) {
    for (const n of quotesOf.get(id)?.all ?? []) {
      const hit = hits.get(n);
      hits.set(n, hit ? { ...hit, viaPerson: true } : { positions: [], whole: false, accented: false, viaPerson: true });
    }
  }
  return hits;
}

async function filterSet(tx: SearchTx, query: SearchQuery): Promise<Set<number> | null> {
  const quotes = tx.objectStore('quotes');
  const lists: Promise<number[]>[] = [];
  if (query.person) lists.push(involving(tx, query.person).then((q) => q.all));
  if (query.summit) lists.push(quotes.index('summit').getAllKeys(query.summit));
  if (query.from || query.to) {
    const from = query.from ?? '0000-00-00';
    const to = query.to ?? '9999-99-99';
    lists.push(from > to ? Promise.resolve([]) : quotes.index('date').getAllKeys(IDBKeyRange.bound(from, to)));
  }
  if (lists.length === 0) return null;
  const [first, ...rest] = (await Promise.all(lists)).sort((a, b) => a.length - b.length);
  const others = rest.map((list) => new Set(list));
  return new Set(first!.filter((n) => others.every((set) => set.has(n))));
}

async function suggestPeople(reader: ViewReader, personIds: string[][]): Promise<PersonRef[]> {
  const votes = new Map<string, number>();
  for (const ids of personIds) for (const id of new Set(ids)) votes.set(id, (votes.get(id) ?? 0) + 1);
  const best = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, SUGGESTIONS);
  const records = await Promise.all(best.map(([id]) => reader.person(id)));
  return records.filter((p) => p !== undefined).map(personRef);
}

/** A summit is suggested when each word names it, or names one of its participants, and at least one names the summit itself. */
async function suggestSummits(tx: SearchTx, words: QueryWord[], personIds: string[][]): Promise<SummitRef[]> {
  if (words.length === 0) return [];
  const index = tx.objectStore('summits').index('nameKey');
  const named = await Promise.all(
    words.map(async (w) =>
      new Set(w.prefix ? await index.getAllKeys(IDBKeyRange.bound(w.fold, `${w.fold}\uffff`)) : await index.getAllKeys(w.fold)),
    ),
  );
  const summits = tx.objectStore('summits');
  const withParticipant = new Map<string, Set<string>>();
  for (const id of new Set(personIds.flat())) withParticipant.set(id, new Set(await summits.index('participant').getAllKeys(id)));
  const fits = new Set<string>();
  for (const id of new Set(named.flatMap((set) => [...set]))) {
    if (words.every((_, i) => named[i]!.has(id) || personIds[i]!.some((p) => withParticipant.get(p)?.has(id)))) fits.add(id);
  }
  const out: SummitRef[] = [];
  if (fits.size <= SUGGESTION_READS) {
    for (const summit of await Promise.all([...fits].map((id) => summits.get(id)))) if (summit) out.push(summitRef(summit));
  } else {
    // A generic word (`thượng đỉnh`) fits every summit: walk them newest first and stop at enough.
    for (let cursor = await summits.index('date').openCursor(null, 'prev'); cursor && out.length < SUGGESTIONS; cursor = await cursor.continue()) {
      if (fits.has(cursor.value.id)) out.push(summitRef(cursor.value));
    }
  }
  return out.sort((a, b) => (a.date < b.date ? 1 : -1)).slice(0, SUGGESTIONS);
}
