import { fail, isId, ok, type Outcome } from './outcome';
import type { SavedQuote, SummitDb } from './schema';
import { ViewReader } from './views';

/**
 * The user's own data. Seeding never opens these stores, and saved quotes keep a
 * snapshot so they still show after a new index drops or rewords the quote.
 */

export async function saveQuote(db: SummitDb, quoteId: string): Promise<Outcome<SavedQuote>> {
  if (!isId(quoteId)) return fail('bad-request', 'saving needs a quote id string');
  const reader = new ViewReader(db.transaction(['people', 'summits', 'documents', 'quotes'], 'readonly'));
  const record = await reader.tx.objectStore('quotes').index('id').get(quoteId);
  if (!record) return fail('not-found', `no quote "${quoteId}" in the index`);
  const view = await reader.quote(record);
  const saved: SavedQuote = {
    quoteId,
    savedAt: Date.now(),
    snapshot: { text: view.text, speaker: view.speaker?.name ?? null, date: view.date, source: view.source.title || null },
  };
  await db.put('saved', saved);
  return ok(saved);
}

export async function unsaveQuote(db: SummitDb, quoteId: string): Promise<void> {
  if (isId(quoteId)) await db.delete('saved', quoteId);
}

/** Newest saved first. */
export async function listSaved(db: SummitDb): Promise<SavedQuote[]> {
  return (await db.getAllFromIndex('saved', 'savedAt')).reverse();
}
