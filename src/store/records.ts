import type { Person, Quote, SummitIndex } from '../schema/index-schema';
import { lexiconPart } from '../schema/lexicon';
import { PostingsBuilder } from '../search/postings';
import { tokenize } from '../search/normalize';
import { lexiconPartKey, type Counts, type HeaderRecord, type PersonRecord, type QuoteRecord, type SummitRecord, type TermRecord } from './schema';
import type { Slicer } from './slicer';

export interface SeedRecords {
  documents: SummitIndex['documents'];
  people: PersonRecord[];
  summits: SummitRecord[];
  quotes: QuoteRecord[];
  terms: TermRecord[];
  header: HeaderRecord[];
  counts: Counts;
  occurrences: number;
}

/** A word naming this many people or more is a title (`tổng thống`, `ông`), not a name. */
const TITLE_SPREAD = 3;
/** People or summits per stored lexicon part: about 3,000 entries, 150 kB. */
export const LEXICON_PART_SIZE = 500;

function words(forms: Iterable<string>): string[] {
  const keys = new Set<string>();
  for (const form of forms) for (const token of tokenize(form.normalize('NFC'))) keys.add(token.fold);
  return [...keys];
}

function personForms(person: Person): string[] {
  return [person.name, ...person.names.filter((n) => n.kind !== 'epithet').map((n) => n.form)];
}

/**
 * Newest first, undated last, then by id so the order is stable across seeds.
 * Sorted per day, so no single sort of all quotes holds the thread.
 */
async function byRecency(quotes: Quote[], slicer: Slicer): Promise<Quote[]> {
  const days = new Map<string, Quote[]>();
  for (const quote of quotes) {
    const day = quote.date ?? '';
    let list = days.get(day);
    if (!list) days.set(day, (list = []));
    list.push(quote);
  }
  const ordered: Quote[] = [];
  // '' (undated) sorts first ascending, so last in this descending order.
  for (const day of [...days.keys()].sort().reverse()) {
    ordered.push(...days.get(day)!.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
    if (slicer.due()) await slicer.yield();
  }
  return ordered;
}

/**
 * Derives every stored record from a freshly read index, yielding between
 * slices. The index's objects become the records (fields are added in place):
 * the seed owns them, and copying 40 MB of quotes would double its peak memory.
 */
export async function buildSeedRecords(index: SummitIndex, hash: string, slicer: Slicer, onProgress: (fraction: number) => void): Promise<SeedRecords> {
  const personKeys: string[][] = [];
  const spread = new Map<string, number>();
  for (const person of index.people) {
    const keys = words(personForms(person));
    personKeys.push(keys);
    for (const key of keys) spread.set(key, (spread.get(key) ?? 0) + 1);
    if (slicer.due()) await slicer.yield();
  }
  const people = index.people as PersonRecord[];
  for (let i = 0; i < people.length; i++) {
    people[i]!.nameKeys = personKeys[i]!.filter((key) => (spread.get(key) ?? 0) < TITLE_SPREAD || people.length < TITLE_SPREAD);
    if (slicer.due()) await slicer.yield();
  }
  const summits = index.summits as SummitRecord[];
  for (const summit of summits) {
    summit.nameKeys = words([...summit.aliases, ...summit.places, summit.city]);
    if (slicer.due()) await slicer.yield();
  }

  const parts: HeaderRecord[] = [];
  const addParts = async (count: number, part: (from: number, to: number) => ReturnType<typeof lexiconPart>) => {
    for (let from = 0; from < count; from += LEXICON_PART_SIZE) {
      parts.push({ key: lexiconPartKey(parts.length), part: part(from, from + LEXICON_PART_SIZE) });
      if (slicer.due()) await slicer.yield();
    }
  };
  await addParts(people.length, (from, to) => lexiconPart(people.slice(from, to), []));
  await addParts(summits.length, (from, to) => lexiconPart([], summits.slice(from, to)));

  const quotes = (await byRecency(index.quotes, slicer)) as QuoteRecord[];
  const postings = new PostingsBuilder();
  for (let n = 0; n < quotes.length; n++) {
    const quote = quotes[n]!;
    quote.n = n;
    postings.add(n, quote.text);
    if (slicer.due()) {
      onProgress(n / quotes.length);
      await slicer.yield();
    }
  }
  const terms: TermRecord[] = [];
  for (const record of postings.records()) {
    terms.push(record);
    if (slicer.due()) await slicer.yield();
  }

  const counts: Counts = {
    documents: index.documents.length,
    people: people.length,
    summits: summits.length,
    quotes: quotes.length,
  };
  return {
    documents: index.documents,
    people,
    summits,
    quotes,
    terms,
    counts,
    occurrences: postings.occurrences,
    header: [
      { key: 'lexicon', distractors: index.distractors, parts: parts.length },
      ...parts,
      { key: 'index', hash, indexVersion: index.version, counts, seededAt: Date.now() },
    ],
  };
}
