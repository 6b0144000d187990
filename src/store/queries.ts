import { joinLexicon, type Lexicon } from '../schema/lexicon';
import type { Catalog, DbStatus, EntityCard, PersonCard, QuoteContext, SummitCard } from '../protocol/views';
import { fail, isId, ok, type Outcome } from './outcome';
import { SCHEMA_VERSION } from './migrations';
import { lexiconParts, type SummitDb } from './schema';
import { personRef, summitRef, ViewReader } from './views';

/**
 * Reads for the background. Each runs in one readonly transaction and keeps no
 * state between calls: a service worker killed and woken again answers the same.
 */

export async function getStatus(db: SummitDb): Promise<DbStatus> {
  // Only `meta`, which is outside the seeding transaction: status answers at once during a seed.
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

export async function getLexicon(db: SummitDb): Promise<Lexicon | null> {
  const tx = db.transaction('header', 'readonly');
  const [head, parts] = await Promise.all([tx.store.get('lexicon'), tx.store.getAll(lexiconParts())]);
  if (head?.key !== 'lexicon') return null;
  return joinLexicon(
    parts.flatMap((record) => ('part' in record ? [record.part] : [])),
    head.distractors,
  );
}

export interface CardRequest {
  kind: 'person' | 'summit';
  id: string;
}

export const CARD_QUOTES = 5;

export async function getCard(db: SummitDb, request: CardRequest, quoteLimit = CARD_QUOTES): Promise<Outcome<EntityCard>> {
  const req = request as Partial<CardRequest> | null;
  if (!req || typeof req !== 'object' || (req.kind !== 'person' && req.kind !== 'summit')) {
    return fail('bad-request', 'card request needs kind "person" or "summit"');
  }
  if (!isId(req.id)) return fail('bad-request', `card request needs an id string, got ${JSON.stringify(req.id)?.slice(0, 40)}`);
  const limit = clampLimit(quoteLimit, CARD_QUOTES);
  return req.kind === 'person' ? personCard(db, req.id, limit) : summitCard(db, req.id, limit);
}

async function personCard(db: SummitDb, id: string, limit: number): Promise<Outcome<PersonCard>> {
  const reader = new ViewReader(db.transaction(['people', 'summits', 'documents', 'quotes'], 'readonly'));
  const { tx } = reader;
  const person = await reader.person(id);
  if (!person) return fail('not-found', `no person "${id}" in the index`);
  const quotes = tx.objectStore('quotes');
  // Keys are recency ranks, so each list comes back newest first and only `limit` keys are read.
  const [said, mentioned, saidCount, mentionCount, summits] = await Promise.all([
    quotes.index('speaker').getAllKeys(id, limit),
    quotes.index('mention').getAllKeys(id, limit),
    quotes.index('speaker').count(id),
    quotes.index('mention').count(id),
    tx.objectStore('summits').index('participant').getAll(id),
  ]);
  const ranked = [...said, ...mentioned];
  return ok({
    kind: 'person',
    person: { ...personRef(person), country: person.country, aliases: person.aliases },
    summits: summits.sort((a, b) => (a.date < b.date ? 1 : -1)).map(summitRef),
    quotes: await reader.quotesByKey(ranked.slice(0, limit)),
    quoteCount: saidCount + mentionCount,
  });
}

async function summitCard(db: SummitDb, id: string, limit: number): Promise<Outcome<SummitCard>> {
  const reader = new ViewReader(db.transaction(['people', 'summits', 'documents', 'quotes'], 'readonly'));
  const summit = await reader.summit(id);
  if (!summit) return fail('not-found', `no summit "${id}" in the index`);
  const quotes = reader.tx.objectStore('quotes');
  // The leaders' own words first, then everyone else's, each newest first.
  const [byLeaders, all, participants] = await Promise.all([
    Promise.all(summit.participants.map((p) => quotes.index('summitSpeaker').getAllKeys([id, p]))),
    quotes.index('summit').getAllKeys(id),
    Promise.all(summit.participants.map((p) => reader.person(p))),
  ]);
  const leading = byLeaders.flat().sort((a, b) => a - b);
  const leadingSet = new Set(leading);
  const ranked = [...leading, ...all.filter((n) => !leadingSet.has(n))];
  return ok({
    kind: 'summit',
    summit: { ...summitRef(summit), city: summit.city, venue: summit.venue, country: summit.country, aliases: summit.aliases },
    participants: participants.filter((p) => p !== undefined).map(personRef),
    quotes: await reader.quotesByKey(ranked.slice(0, limit)),
    quoteCount: all.length,
  });
}

export async function getQuoteContext(db: SummitDb, quoteId: string): Promise<Outcome<QuoteContext>> {
  if (!isId(quoteId)) return fail('bad-request', 'quote context needs a quote id string');
  const reader = new ViewReader(db.transaction(['people', 'summits', 'documents', 'quotes'], 'readonly'));
  const record = await reader.tx.objectStore('quotes').index('id').get(quoteId);
  if (!record) return fail('not-found', `no quote "${quoteId}" in the index`);
  const [quote, doc] = await Promise.all([reader.quote(record), reader.document(record.document)]);
  if (!doc) return fail('not-found', `quote "${quoteId}" points to a missing document "${record.document}"`);
  return ok({ quote, text: doc.text, start: record.start, end: record.end });
}

export function clampLimit(value: unknown, fallback: number, max = 100): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? Math.min(value, max) : fallback;
}

/** Every person and summit, light, for the popup's filters and timeline. */
export async function getCatalog(db: SummitDb): Promise<Catalog> {
  const tx = db.transaction(['people', 'summits'], 'readonly');
  const [people, summits] = await Promise.all([tx.objectStore('people').getAll(), tx.objectStore('summits').index('date').getAll()]);
  return {
    people: people.map(personRef).sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    summits: summits.reverse().map((s) => ({ ...summitRef(s), participants: s.participants })),
  };
}
