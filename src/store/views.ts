import type { IDBPTransaction, StoreNames } from 'idb';
import type { IndexDocument } from '../schema/index-schema';
import type { PersonRef, QuoteView, SourceRef, SummitRef } from '../protocol/views';
import type { PersonRecord, QuoteRecord, SummitDbSchema, SummitRecord } from './schema';

/** Any readonly transaction; callers open it over at least people, summits, documents and quotes. */
type ReadTx = IDBPTransaction<SummitDbSchema, ArrayLike<StoreNames<SummitDbSchema>>, 'readonly'>;

export function personRef(p: PersonRecord): PersonRef {
  return { id: p.id, name: p.name, role: p.role, roleEn: p.roleEn };
}

export function summitRef(s: SummitRecord): SummitRef {
  return { id: s.id, title: s.title, date: s.date, endDate: s.endDate, place: s.place };
}

/** Turns quote records into display views inside one read transaction, reading each person, summit and source once. */
export class ViewReader {
  private readonly people = new Map<string, Promise<PersonRecord | undefined>>();
  private readonly summits = new Map<string, Promise<SummitRecord | undefined>>();
  private readonly sources = new Map<string, Promise<IndexDocument | undefined>>();

  constructor(readonly tx: ReadTx) {}

  person(id: string): Promise<PersonRecord | undefined> {
    return memo(this.people, id, () => this.tx.objectStore('people').get(id));
  }

  summit(id: string): Promise<SummitRecord | undefined> {
    return memo(this.summits, id, () => this.tx.objectStore('summits').get(id));
  }

  document(id: string): Promise<IndexDocument | undefined> {
    return memo(this.sources, id, () => this.tx.objectStore('documents').get(id));
  }

  async quote(q: QuoteRecord): Promise<QuoteView> {
    const [speaker, summit, doc] = await Promise.all([
      q.speaker ? this.person(q.speaker) : undefined,
      q.summit ? this.summit(q.summit) : undefined,
      this.document(q.document),
    ]);
    const source: SourceRef = doc
      ? { document: doc.id, title: doc.title, outlet: doc.outlet, published: doc.published }
      : { document: q.document, title: '', outlet: null, published: null };
    return {
      id: q.id,
      text: q.text,
      kind: q.kind,
      speaker: speaker ? personRef(speaker) : null,
      date: q.date,
      summit: summit ? summitRef(summit) : null,
      source,
    };
  }

  async quotesByKey(keys: number[]): Promise<QuoteView[]> {
    const records = await Promise.all(keys.map((n) => this.tx.objectStore('quotes').get(n)));
    return Promise.all(records.filter((r): r is QuoteRecord => r !== undefined).map((r) => this.quote(r)));
  }
}

function memo<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let hit = cache.get(key);
  if (!hit) {
    hit = load();
    cache.set(key, hit);
  }
  return hit;
}
