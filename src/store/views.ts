import type { PersonRef, QuoteView, SummitRef } from '../protocol/views';
import type { IndexRead } from './reader';
import type { PersonRecord, QuoteRecord, SummitRecord } from './schema';

/*
 * Every view is a tree of fresh objects, never sharing one with another view
 * or with a stored record: Firefox's extension messaging delivers an object
 * that occurs twice in a reply only once (the second becomes undefined), and
 * records may be cached for the worker's life.
 */

export function personRef(p: PersonRecord): PersonRef {
  return { id: p.id, name: p.name, role: p.role, roleEn: p.roleEn };
}

/** A record from an index seeded before place names (still serving while the update seeds) has only the Vietnamese place. */
export function summitRef(s: SummitRecord): SummitRef {
  const placeNames = s.placeNames ? { ...s.placeNames } : { vi: s.place, en: s.place, ru: s.place };
  return { id: s.id, title: { ...s.title }, date: s.date, endDate: s.endDate, place: s.place, placeNames };
}

/** Turns quote records into display views; people and summits come from the query's reads, each bucket once. */
export async function quoteView(read: IndexRead, q: QuoteRecord): Promise<QuoteView> {
  const [speaker, summit] = await Promise.all([q.speaker ? read.get('people', q.speaker) : undefined, q.summit ? read.get('summits', q.summit) : undefined]);
  return {
    id: q.id,
    text: q.text,
    kind: q.kind,
    speaker: speaker ? personRef(speaker) : null,
    speakerName: q.speakerName,
    speakerRole: q.speakerRole,
    speakerBasis: q.speakerBasis,
    date: q.date,
    dateBasis: q.dateBasis,
    summit: summit ? summitRef(summit) : null,
    source: { ...q.source, origin: 'corpus', url: null },
    mentions: [...q.mentions],
  };
}

export async function quoteViews(read: IndexRead, ranks: readonly number[]): Promise<QuoteView[]> {
  return Promise.all((await read.quotes(ranks)).map((q) => quoteView(read, q)));
}
