import type { SourceRef } from '../protocol/views';
import type { Person, SummitIndex } from '../schema/index-schema';
import { lexiconPart } from '../schema/lexicon';
import { PostingsBuilder } from '../search/postings';
import { tokenize } from '../search/normalize';
import { dayNumber, listKey } from './index-layout';
import type { Counts, LexiconHeader, LexiconPartRecord, MapName, MapValues, PersonRecord, QuoteRecord, SummitRecord, WordMapName, WordValues } from './schema';
import type { Slicer } from './slicer';

/** Every record an index database holds, by what it is; `pack.ts` decides where each goes. */
export interface SeedRecords {
  maps: { [M in MapName]: Map<string, MapValues[M]> };
  words: { [M in WordMapName]: Map<string, WordValues[M]> };
  /** By rank. */
  quotes: QuoteRecord[];
  lexicon: { head: LexiconHeader; parts: LexiconPartRecord[] };
  counts: Counts;
}

/** What writing the documents left for the rest of the seed: where each is, and what a quote shows of it. */
export interface DocumentsWritten {
  pages: Map<string, number>;
  sources: Map<string, SourceRef>;
}

/** A word naming this many people or more is a title (`tổng thống`, `ông`), not a name. */
const TITLE_SPREAD = 3;
/** People or summits per stored lexicon part: about 3,000 entries, 150 kB. */
const LEXICON_PART_SIZE = 500;

function folded(forms: Iterable<string>): string[] {
  const keys = new Set<string>();
  for (const form of forms) for (const token of tokenize(form.normalize('NFC'))) keys.add(token.fold);
  return [...keys];
}

function personForms(person: Person): string[] {
  return [person.name, ...person.names.filter((n) => n.kind !== 'epithet').map((n) => n.form)];
}

/**
 * Newest first, undated last, then by id, so the order is the same on every
 * seed (a resumed seed relies on it). Sorted per day, so no single sort of
 * every item holds the thread: one sort of 20,000 summits took 25 ms.
 */
async function newestFirst<T extends { id: string }>(items: readonly T[], day: (item: T) => string | null, slicer: Slicer): Promise<T[]> {
  const days = new Map<string, T[]>();
  for (const item of items) {
    const key = day(item) ?? '';
    let list = days.get(key);
    if (!list) days.set(key, (list = []));
    list.push(item);
    if (slicer.due()) await slicer.yield();
  }
  const ordered: T[] = [];
  // '' (undated) sorts first ascending, so last in this descending order.
  for (const key of [...days.keys()].sort().reverse()) {
    for (const item of days.get(key)!.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) ordered.push(item);
    if (slicer.due()) await slicer.yield();
  }
  return ordered;
}

/** Appends to a growing list in a map of lists. */
function push<K>(lists: Map<K, number[]>, key: K, value: number): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

/**
 * Derives every stored record from a freshly read index (its documents are
 * already written, see `DocumentsWritten`), yielding between slices. The index's objects become the records (fields are added in place):
 * the seed owns them, and copying 40 MB of quotes would double its peak memory.
 */
export async function buildSeedRecords(index: SummitIndex, documents: DocumentsWritten, slicer: Slicer, onProgress: (fraction: number) => void): Promise<SeedRecords> {
  const maps: SeedRecords['maps'] = { people: new Map(), summits: new Map(), docAt: documents.pages, lists: new Map(), quoteIds: new Map(), summitAt: new Map() };
  const words: SeedRecords['words'] = { terms: new Map(), names: new Map(), summitWords: new Map() };
  const lists = new Map<string, number[]>();
  const summitWords = new Map<string, number[]>();

  const personKeys: string[][] = [];
  const spread = new Map<string, number>();
  for (const person of index.people) {
    const keys = folded(personForms(person));
    personKeys.push(keys);
    for (const key of keys) spread.set(key, (spread.get(key) ?? 0) + 1);
    if (slicer.due()) await slicer.yield();
  }
  const people = index.people as PersonRecord[];
  for (let i = 0; i < people.length; i++) {
    const person = people[i]!;
    person.nameKeys = personKeys[i]!.filter((key) => (spread.get(key) ?? 0) < TITLE_SPREAD || people.length < TITLE_SPREAD);
    maps.people.set(person.id, person);
    for (const key of person.nameKeys) {
      const named = words.names.get(key);
      if (named) named.push(person.id);
      else words.names.set(key, [person.id]);
    }
    if (slicer.due()) await slicer.yield();
  }

  const summits = (await newestFirst(index.summits, (s) => s.date, slicer)) as SummitRecord[];
  for (let rank = 0; rank < summits.length; rank++) {
    const summit = summits[rank]!;
    summit.rank = rank;
    maps.summits.set(summit.id, summit);
    maps.summitAt.set(String(rank), summit.id);
    for (const word of folded([...summit.aliases, ...summit.places, summit.city])) push(summitWords, word, rank);
    for (const person of new Set(summit.participants)) push(lists, listKey.summitsOf(person), rank);
    if (slicer.due()) await slicer.yield();
  }

  const quotes = (await newestFirst(index.quotes, (q) => q.date, slicer)) as QuoteRecord[];
  const dates = new Uint32Array(quotes.length);
  const postings = new PostingsBuilder();
  for (let n = 0; n < quotes.length; n++) {
    const quote = quotes[n]!;
    quote.n = n;
    quote.source = documents.sources.get(quote.document) ?? { document: quote.document, title: '', outlet: null, published: null };
    maps.quoteIds.set(quote.id, n);
    dates[n] = dayNumber(quote.date);
    if (quote.speaker) push(lists, listKey.said(quote.speaker), n);
    for (const person of new Set(quote.mentions)) if (person !== quote.speaker) push(lists, listKey.mentions(person), n);
    if (quote.summit) push(lists, listKey.summit(quote.summit), n);
    postings.add(n, quote.text);
    if (slicer.due()) {
      onProgress(n / quotes.length);
      await slicer.yield();
    }
  }
  for (const record of postings.records()) {
    words.terms.set(record.term, record);
    if (slicer.due()) await slicer.yield();
  }
  for (const [key, list] of lists) {
    maps.lists.set(key, Uint32Array.from(list));
    if (slicer.due()) await slicer.yield();
  }
  for (const [word, ranks] of summitWords) words.summitWords.set(word, Uint32Array.from(ranks));
  maps.lists.set(listKey.dates, dates);

  const parts: LexiconPartRecord[] = [];
  const addParts = async (count: number, part: (from: number, to: number) => ReturnType<typeof lexiconPart>) => {
    for (let from = 0; from < count; from += LEXICON_PART_SIZE) {
      parts.push({ key: `lexicon/${String(parts.length).padStart(5, '0')}`, part: part(from, from + LEXICON_PART_SIZE) });
      if (slicer.due()) await slicer.yield();
    }
  };
  await addParts(index.people.length, (from, to) => lexiconPart(index.people.slice(from, to), [], index.offices));
  await addParts(index.summits.length, (from, to) => lexiconPart([], index.summits.slice(from, to)));

  return {
    maps,
    words,
    quotes,
    lexicon: { head: { key: 'lexicon', distractors: index.distractors, parts: parts.length }, parts },
    counts: { documents: documents.pages.size, people: people.length, summits: summits.length, quotes: quotes.length },
  };
}
