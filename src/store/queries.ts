import { withRussianCases } from '../matcher/russian-forms';
import { packLexicon, type PackedLexicon } from '../schema/lexicon';
import type { Office } from '../schema/index-schema';
import type { Catalog, DbStatus, EntityCard, OfficeRef, PersonAtSummit, PersonCard, QuoteContext, SummitCard } from '../protocol/views';
import { listKey } from './index-layout';
import { SCHEMA_VERSION } from './migrations';
import { fail, isId, ok, type Outcome } from './outcome';
import type { IndexRead, LiveIndex } from './reader';
import type { PersonRecord, SummitDb, SummitRecord } from './schema';
import { holds } from './sorted';
import { counterpartsAt, metAt, officesOn } from './summit-roles';
import { personRef, quoteViews, summitRef } from './views';

/**
 * Reads for the background. Each keeps no state between calls that it needs:
 * a service worker killed and woken again answers the same.
 */

export async function getStatus(db: SummitDb): Promise<DbStatus> {
  // Only the main database: status answers at once, whatever a seed is doing.
  const status = await db.get('meta', 'status');
  const served = status?.served ?? null;
  return {
    state: status?.state ?? 'empty',
    progress: status?.progress ?? 0,
    error: status?.error ?? null,
    hash: served?.hash ?? null,
    schemaVersion: SCHEMA_VERSION,
    counts: served?.counts ?? { documents: 0, people: 0, summits: 0, quotes: 0 },
    available: served !== null,
    targetHash: status?.targetHash ?? null,
    lastSeed: status?.lastSeed ?? null,
  };
}

/**
 * What a tab asks for on every page load, packed for the message
 * (`PackedLexicon`) and kept for the worker's life. Declined here, once: in
 * each tab it was the biggest part of the 50–60 ms task the content script
 * started in on the bench's 1 MB page (decision 0080).
 */
export function getLexicon(index: LiveIndex): Promise<PackedLexicon> {
  return index.once('lexicon', async (read) => packLexicon(withRussianCases(await read.lexicon())));
}

export interface CardRequest {
  kind: 'person' | 'summit';
  id: string;
  /** Summits the asking page is about: a person card adds the person's quotes at each (see `personCard`). */
  about?: readonly string[];
}

export const CARD_QUOTES = 5;

type Offices = ReadonlyMap<string, Office>;

/**
 * `offices`: the gazetteer's offices by id (the index database keeps none),
 * so a person card can say what office the person held at the page's summit;
 * without them the card says the role is not stated. A promise is awaited only
 * once the index has answered, so loading them overlaps the card's reads.
 */
export async function getCard(index: LiveIndex, request: CardRequest, quoteLimit = CARD_QUOTES, offices: Offices | Promise<Offices> = new Map()): Promise<Outcome<EntityCard>> {
  const req = request as Partial<CardRequest> | null;
  if (!req || typeof req !== 'object' || (req.kind !== 'person' && req.kind !== 'summit')) {
    return fail('bad-request', 'card request needs kind "person" or "summit"');
  }
  if (!isId(req.id)) return fail('bad-request', `card request needs an id string, got ${JSON.stringify(req.id)?.slice(0, 40)}`);
  const limit = clampLimit(quoteLimit, CARD_QUOTES);
  const read = index.read();
  return req.kind === 'person' ? personCard(read, req.id, limit, req.about ?? [], offices) : summitCard(read, req.id, limit);
}

async function summitsAt(read: IndexRead, ranks: Uint32Array): Promise<SummitRecord[]> {
  const ids = await Promise.all([...ranks].map((rank) => read.get('summitAt', String(rank))));
  const summits = await Promise.all(ids.map((id) => (id === undefined ? undefined : read.get('summits', id))));
  return summits.filter((s): s is SummitRecord => s !== undefined);
}

/** Up to `limit` of the quotes at a summit (newest first) that the person said or is mentioned in. */
function theirsAt(atSummit: Uint32Array, said: Uint32Array, mentioned: Uint32Array, limit: number): number[] {
  const found: number[] = [];
  for (const n of atSummit) {
    if (found.length >= limit) break;
    if (holds(said, n) || holds(mentioned, n)) found.push(n);
  }
  return found;
}

async function peopleById(read: IndexRead, ids: Iterable<string>): Promise<Map<string, PersonRecord>> {
  const unique = [...new Set(ids)];
  const found = await Promise.all(unique.map((id) => read.get('people', id)));
  return new Map(found.filter((p): p is PersonRecord => p !== undefined).map((p) => [p.id, p]));
}

const officeRef = (o: Office): OfficeRef => ({ id: o.id, title: { ...o.title }, leader: o.leader });

/** The person at each of the page's summits: the summits table and the offices of the day, nothing inferred. */
function placesAt(person: PersonRecord, summits: readonly SummitRecord[], people: ReadonlyMap<string, PersonRecord>, offices: Offices): PersonAtSummit[] {
  return summits.map((summit) => {
    const participants = summit.participants.flatMap((id) => people.get(id) ?? []);
    return {
      summit: summitRef(summit),
      outcome: summit.outcome === null ? null : { ...summit.outcome },
      participants: participants.map(personRef),
      participant: summit.participants.includes(person.id),
      offices: officesOn(person, summit.date, offices).map(officeRef),
      counterparts: counterpartsAt(person, summit, participants, offices).flatMap((id) => {
        const p = people.get(id);
        return p === undefined ? [] : [personRef(p)];
      }),
    };
  });
}

async function personCard(read: IndexRead, id: string, limit: number, about: readonly string[], offices: Offices | Promise<Offices>): Promise<Outcome<PersonCard>> {
  const person = await read.get('people', id);
  if (!person) return fail('not-found', `no person "${id}" in the index`);
  // Lists are sorted by recency rank: the first entries are the newest.
  const [said, mentioned, attended, pageSummits, ...atSummits] = await Promise.all([
    read.list(listKey.said(id)),
    read.list(listKey.mentions(id)),
    read.list(listKey.summitsOf(id)),
    Promise.all(about.map((summit) => read.get('summits', summit))),
    ...about.map((summit) => read.list(listKey.summit(summit))),
  ]);
  // The page's summits can be far down a much-quoted person's list; a card for that page needs them, not the 500 newest.
  const top = [...said.subarray(0, limit), ...mentioned.subarray(0, limit)].slice(0, limit);
  const ranked = [...new Set([...top, ...atSummits.flatMap((atSummit) => theirsAt(atSummit, said, mentioned, limit))])];
  const [quotes, summits] = await Promise.all([quoteViews(read, ranked), summitsAt(read, attended)]);
  const known = pageSummits.filter((s): s is SummitRecord => s !== undefined);
  const met = metAt(id, summits);
  const people = await peopleById(read, [...known.flatMap((s) => s.participants), ...met.map((m) => m.person)]);
  return ok({
    kind: 'person',
    person: { ...personRef(person), country: person.country, aliases: [...person.aliases] },
    summits: summits.map(summitRef),
    quotes,
    quoteCount: said.length + mentioned.length,
    at: placesAt(person, known, people, await offices),
    met: met.flatMap((m) => {
      const other = people.get(m.person);
      return other === undefined ? [] : [{ person: personRef(other), summits: m.summits }];
    }),
  });
}

async function summitCard(read: IndexRead, id: string, limit: number): Promise<Outcome<SummitCard>> {
  const summit = await read.get('summits', id);
  if (!summit) return fail('not-found', `no summit "${id}" in the index`);
  const [all, leaders, participants] = await Promise.all([
    read.list(listKey.summit(id)),
    Promise.all(summit.participants.map((p) => read.list(listKey.said(p)))),
    Promise.all(summit.participants.map((p) => read.get('people', p))),
  ]);
  // The leaders' own words first, then everyone else's, each newest first; only as many as shown are sorted out.
  const leading: number[] = [];
  const rest: number[] = [];
  for (const n of all) {
    if (leaders.some((said) => holds(said, n))) leading.push(n);
    else if (rest.length < limit) rest.push(n);
    if (leading.length >= limit) break;
  }
  return ok({
    kind: 'summit',
    summit: { ...summitRef(summit), city: summit.city, venue: summit.venue, country: summit.country, aliases: [...summit.aliases] },
    participants: participants.filter((p) => p !== undefined).map(personRef),
    quotes: await quoteViews(read, [...leading, ...rest].slice(0, limit)),
    quoteCount: all.length,
  });
}

export async function getQuoteContext(index: LiveIndex, quoteId: string): Promise<Outcome<QuoteContext>> {
  if (!isId(quoteId)) return fail('bad-request', 'quote context needs a quote id string');
  const read = index.read();
  const record = await read.quoteById(quoteId);
  if (!record) return fail('not-found', `no quote "${quoteId}" in the index`);
  const [quote] = await quoteViews(read, [record.n]);
  const doc = await read.document(record.document);
  if (!doc) return fail('not-found', `quote "${quoteId}" points to a missing document "${record.document}"`);
  return ok({ quote: quote!, text: doc.text, start: record.start, end: record.end });
}

export function clampLimit(value: unknown, fallback: number, max = 100): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? Math.min(value, max) : fallback;
}

/** Vietnamese alphabetical order; one collator, since `localeCompare` builds one per call. */
const byName = new Intl.Collator('vi').compare;

/** Every person and summit, light, for the popup's filters and timeline. */
export function getCatalog(index: LiveIndex): Promise<Catalog> {
  return index.once('catalog', async (read) => {
    const [people, summits] = await Promise.all([read.all('people'), read.all('summits')]);
    return {
      people: people.map(personRef).sort((a, b) => byName(a.name, b.name)),
      summits: summits.sort((a, b) => a.rank - b.rank).map((s) => ({ ...summitRef(s), participants: [...s.participants] })),
    };
  });
}
