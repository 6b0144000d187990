import type { IndexDocument, Person, Quote, SummitIndex } from '../schema/index-schema';
import { buildLexicon } from '../schema/lexicon';
import { PostingsBuilder } from '../search/postings';
import { tokenize } from '../search/normalize';
import type { Counts, HeaderRecord, PersonRecord, QuoteRecord, SummitRecord, TermRecord } from './schema';
import type { Slicer } from './slicer';

export interface SeedRecords {
  documents: IndexDocument[];
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

/** Derives every stored record from the bundled index, yielding between slices. */
export async function buildSeedRecords(index: SummitIndex, hash: string, slicer: Slicer, onProgress: (fraction: number) => void): Promise<SeedRecords> {
  const personKeys: string[][] = [];
  const spread = new Map<string, number>();
  for (const person of index.people) {
    const keys = words(personForms(person));
    personKeys.push(keys);
    for (const key of keys) spread.set(key, (spread.get(key) ?? 0) + 1);
    if (slicer.due()) await slicer.yield();
  }
  const people: PersonRecord[] = [];
  index.people.forEach((person, i) => {
    const nameKeys = personKeys[i]!.filter((key) => (spread.get(key) ?? 0) < TITLE_SPREAD || index.people.length < TITLE_SPREAD);
    people.push({ ...person, nameKeys });
  });
  const summits: SummitRecord[] = [];
  for (const summit of index.summits) {
    summits.push({ ...summit, nameKeys: words([...summit.aliases, ...summit.places, summit.city]) });
    if (slicer.due()) await slicer.yield();
  }

  const ordered = await byRecency(index.quotes, slicer);
  const quotes: QuoteRecord[] = [];
  const postings = new PostingsBuilder();
  for (let n = 0; n < ordered.length; n++) {
    const quote = ordered[n]!;
    quotes.push({ ...quote, n });
    postings.add(n, quote.text);
    if (slicer.due()) {
      onProgress(n / ordered.length);
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
      { key: 'index', hash, indexVersion: index.version, counts, seededAt: Date.now() },
      { key: 'lexicon', lexicon: buildLexicon(index) },
    ],
  };
}
