import type { PersonRef, SearchHit, SearchQuery, SearchResult, SummitRef } from '../protocol/views';
import { dayNumber, listKey } from '../store/index-layout';
import { fail, isId, ok, type Outcome } from '../store/outcome';
import { clampLimit } from '../store/queries';
import type { IndexRead, LiveIndex } from '../store/reader';
import { firstWhere, holds } from '../store/sorted';
import type { SummitRecord, TermRecord } from '../store/schema';
import { personRef, quoteViews, summitRef } from '../store/views';
import { parseQuery, type QueryWord } from './normalize';
import { formOf } from './postings';
import { ACCENTED, emptyMatches, highlights, rank, TERMS, TEXT, VIA_PERSON, WHOLE, type Ranked, type WordMatches } from './rank';

export const DEFAULT_LIMIT = 20;
/** The protocol's own cap. */
export const MAX_LIMIT = 500;
/** A one-letter prefix could expand to thousands of terms; the first ones in key order are enough while typing (at most 256: `WordMatches.termOf`). */
export const PREFIX_TERMS = 128;
/** Shorter prefixes would resolve to too many people to mean anyone. */
const PERSON_PREFIX_MIN = 2;
/** A prefix that fits more people than this names no one in particular. */
const PERSON_PREFIX_MAX = 8;
const SUMMIT_PREFIX_WORDS = 32;
const MAX_QUERY = 500;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SUGGESTIONS = 5;

/**
 * Answers a search from the live index alone: postings for the query's words,
 * the people and summits its words name, and the filters, each one record
 * (a page of words or a typed-array list); only the returned hits' quotes are
 * loaded.
 */
export async function search(index: LiveIndex, query: SearchQuery): Promise<Outcome<SearchResult>> {
  const read = index.read();
  const ranked = await rankIndex(read, query);
  if (!ranked.ok) return ranked;
  const { words, people, top, total } = ranked.value;
  const [hits, suggested] = await Promise.all([indexHits(read, top, words), suggest(read, ranked.value)]);
  return ok({ hits, ...suggested, total });
}

/** A search ranked over the index before any quote is read, so a caller merging other hits makes views only for the page. */
export interface IndexRanking {
  words: QueryWord[];
  /** The people each query word names. */
  people: string[][];
  /** The best `limit` quote ranks, best first. */
  top: Ranked[];
  total: number;
}

export async function rankIndex(read: IndexRead, query: SearchQuery): Promise<Outcome<IndexRanking>> {
  const problem = invalid(query);
  if (problem) return fail('bad-request', problem);
  const words = parseQuery(query.text.slice(0, MAX_QUERY));
  const limit = clampLimit(query.limit, DEFAULT_LIMIT, MAX_LIMIT);

  const quoteCount = read.header.counts.quotes;
  const [matches, personIds, filter] = await Promise.all([
    Promise.all(words.map((w) => textMatches(read, w, quoteCount))),
    Promise.all(words.map((w) => peopleNamed(read, w))),
    filterOf(read, query),
  ]);
  const resolved = [...new Set(personIds.flat())];
  const filterPerson = query.person && !resolved.includes(query.person) ? [query.person] : [];
  const quotesOf = new Map(await Promise.all([...resolved, ...filterPerson].map(async (id) => [id, await involving(read, id)] as const)));
  words.forEach((_, i) => addPeople(matches[i]!, personIds[i]!, quotesOf));

  let candidates: number[];
  if (words.length === 0) {
    candidates = filter ? filter.all() : [];
  } else {
    const seen = new Uint8Array(quoteCount);
    candidates = [];
    for (const match of matches) {
      for (const n of match.ranks) {
        if (seen[n] || (filter && !filter.has(n))) continue;
        seen[n] = 1;
        candidates.push(n);
      }
    }
  }

  // The query's people, and the person filter, rank their own words first.
  const spokenBy = new Uint8Array(quoteCount);
  for (const q of quotesOf.values()) for (const n of q.said) spokenBy[n] = 1;
  const { top, total } = rank(words, matches, candidates, spokenBy, limit);
  return ok({ words, people: personIds, top, total });
}

/** The hits for these of the ranking's quotes, in their order. */
export async function indexHits(read: IndexRead, ranked: readonly Ranked[], words: QueryWord[]): Promise<SearchHit[]> {
  const views = await quoteViews(read, ranked.map((r) => r.n));
  return views.map((quote, i) => ({ quote, score: ranked[i]!.score, highlights: highlights(quote.text, words) }));
}

/** The people and summits a ranked query names. */
export async function suggest(read: IndexRead, ranking: IndexRanking): Promise<Pick<SearchResult, 'people' | 'summits'>> {
  const [people, summits] = await Promise.all([suggestPeople(read, ranking.people), suggestSummits(read, ranking.words, ranking.people)]);
  return { people, summits };
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

async function textMatches(read: IndexRead, word: QueryWord, quoteCount: number): Promise<WordMatches> {
  const terms: TermRecord[] = word.prefix
    ? (await read.wordsStarting('terms', word.fold, PREFIX_TERMS)).map(([, record]) => record)
    : [await read.word('terms', word.fold)].filter((r): r is TermRecord => r !== undefined);
  const match = emptyMatches(quoteCount);
  match.terms = terms;
  const { flags, ranks, termOf } = match;
  for (let t = 0; t < terms.length; t++) {
    const term = terms[t]!;
    const found = TEXT | (term.term === word.fold ? WHOLE : 0);
    const form = word.marked ? term.forms.indexOf(word.toned) : -1;
    for (let i = 0; i < term.quotes.length; i++) {
      const n = term.quotes[i]!;
      if (flags[n] === 0) ranks.push(n);
      if (flags[n]! & TEXT) flags[n] = flags[n]! | TERMS;
      else termOf[n] = t;
      let f = flags[n]! | found;
      if (form >= 0 && !(f & ACCENTED)) {
        for (let k = term.starts[i]!; k < term.starts[i + 1]!; k++) {
          if (formOf(term.occ[k]!) === form) {
            f |= ACCENTED;
            break;
          }
        }
      }
      flags[n] = f;
    }
  }
  return match;
}

/** The people a query word names (a prefix names at most a few, or nobody). */
async function peopleNamed(read: IndexRead, word: QueryWord): Promise<string[]> {
  if (!word.prefix) return (await read.word('names', word.fold)) ?? [];
  if (word.fold.length < PERSON_PREFIX_MIN) return [];
  const ids = new Set<string>();
  for (const [, named] of await read.wordsStarting('names', word.fold, PERSON_PREFIX_MAX + 1)) for (const id of named) ids.add(id);
  return ids.size > PERSON_PREFIX_MAX ? [] : [...ids];
}

interface Involving {
  said: Uint32Array;
  /** Said or mentioning, sorted (mentions exclude the speaker, so the two lists are disjoint). */
  all: Uint32Array;
}

async function involving(read: IndexRead, id: string): Promise<Involving> {
  const [said, mentioned] = await Promise.all([read.list(listKey.said(id)), read.list(listKey.mentions(id))]);
  return { said, all: merge(said, mentioned) };
}

/** Union of two sorted, disjoint lists, sorted. */
function merge(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]! < b[j]! ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/** Adds the quotes of the people a word names to what it matched. */
function addPeople(match: WordMatches, people: string[], quotesOf: Map<string, Involving>): void {
  const { flags, ranks } = match;
  for (const id of people) {
    for (const n of quotesOf.get(id)?.all ?? []) {
      if (flags[n] === 0) ranks.push(n);
      flags[n] = flags[n]! | VIA_PERSON;
    }
  }
}

interface Filter {
  has(n: number): boolean;
  /** Every rank that passes, newest first. */
  all(): number[];
}

/**
 * The filters as one test. Ranks are sorted by date, newest first, so a date
 * range is one run of ranks, found by two binary searches in the dates list.
 */
async function filterOf(read: IndexRead, query: SearchQuery): Promise<Filter | null> {
  if (!query.person && !query.summit && !query.from && !query.to) return null;
  const lists: Uint32Array[] = [];
  if (query.person) lists.push((await involving(read, query.person)).all);
  if (query.summit) lists.push(await read.list(listKey.summit(query.summit)));
  let lo = 0;
  let hi = Number.POSITIVE_INFINITY;
  if (query.from || query.to) {
    const dates = await read.list(listKey.dates);
    const from = dayNumber(query.from ?? '0001-01-01');
    const to = dayNumber(query.to ?? '9999-12-31');
    // Descending dates (undated, 0, last): [lo, hi) is the run with from ≤ date ≤ to.
    lo = firstWhere(dates.length, (i) => dates[i]! <= to);
    hi = from > to ? lo : firstWhere(dates.length, (i) => dates[i]! < from);
  }
  lists.sort((a, b) => a.length - b.length);
  const has = (n: number) => n >= lo && n < hi && lists.every((list) => holds(list, n));
  return {
    has,
    // An array, not a generator: a person filter passes 30,000 ranks at 1,000×, each a generator step and a spread.
    all() {
      const out: number[] = [];
      if (lists.length > 0) {
        // Walking the shortest list, only the others need a search: a person's 25,000 quotes each looked itself up.
        const others = lists.slice(1);
        for (const n of lists[0]!) if (n >= lo && n < hi && others.every((list) => holds(list, n))) out.push(n);
      } else {
        for (let n = lo; n < hi; n++) out.push(n);
      }
      return out;
    },
  };
}

async function suggestPeople(read: IndexRead, personIds: string[][]): Promise<PersonRef[]> {
  const votes = new Map<string, number>();
  for (const ids of personIds) for (const id of new Set(ids)) votes.set(id, (votes.get(id) ?? 0) + 1);
  const best = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, SUGGESTIONS);
  const records = await Promise.all(best.map(([id]) => read.get('people', id)));
  return records.filter((p) => p !== undefined).map(personRef);
}

/** A summit is suggested when each word names it, or names one of its participants, and at least one names the summit itself. */
async function suggestSummits(read: IndexRead, words: QueryWord[], personIds: string[][]): Promise<SummitRef[]> {
  if (words.length === 0) return [];
  const named = await Promise.all(
    words.map(async (w) => {
      if (!w.prefix) return (await read.word('summitWords', w.fold)) ?? new Uint32Array(0);
      const lists = (await read.wordsStarting('summitWords', w.fold, SUMMIT_PREFIX_WORDS)).map(([, ranks]) => ranks);
      return union(lists);
    }),
  );
  const attended = new Map(await Promise.all([...new Set(personIds.flat())].map(async (id) => [id, await read.list(listKey.summitsOf(id))] as const)));
  const fits = (rank: number) => words.every((_, i) => holds(named[i]!, rank) || personIds[i]!.some((p) => holds(attended.get(p)!, rank)));
  // A word that names no one must name the summit itself, so its list bounds the candidates; when every word names
  // someone, any summit a word names may fit. `thượng đỉnh` alone names every summit, 20,000 at 1,000×.
  const bounding = named.filter((_, i) => personIds[i]!.length === 0).sort((a, b) => a.length - b.length)[0];
  // Ranks are newest first: the first fitting ranks are the ones to show.
  const candidates = bounding ?? union(named);
  const chosen: number[] = [];
  for (const rank of candidates) {
    if (fits(rank)) chosen.push(rank);
    if (chosen.length === SUGGESTIONS) break;
  }
  const ids = await Promise.all(chosen.map((rank) => read.get('summitAt', String(rank))));
  const summits = await Promise.all(ids.map((id) => (id === undefined ? undefined : read.get('summits', id))));
  return summits.filter((s): s is SummitRecord => s !== undefined).map(summitRef);
}

/**
 * The ranks in any of the lists, ascending, each once. Marked in a flags
 * array: a prefix like `dinh` names every summit through `đỉnh`, and a Set
 * of 20,000 ranks per word, spread and sorted, was most of a search at 1,000×.
 */
function union(lists: readonly Uint32Array[]): Uint32Array {
  let max = -1;
  for (const list of lists) for (const n of list) if (n > max) max = n;
  const marked = new Uint8Array(max + 1);
  let count = 0;
  for (const list of lists) {
    for (const n of list) {
      if (marked[n] === 0) {
        marked[n] = 1;
        count++;
      }
    }
  }
  const out = new Uint32Array(count);
  let k = 0;
  for (let n = 0; n <= max; n++) if (marked[n] === 1) out[k++] = n;
  return out;
}
