import { fail, isId, ok, type Outcome } from './outcome';
import type { LiveIndex } from './reader';
import type { SavedQuote, SummitDb } from './schema';
import { quoteView } from './views';

/**
 * The user's own data, in the main database, which seeding never writes: a
 * saved quote keeps a snapshot, so it still shows after a new index drops or
 * rewords the quote.
 */

export async function saveQuote(db: SummitDb, index: LiveIndex, quoteId: string): Promise<Outcome<SavedQuote>> {
  if (!isId(quoteId)) return fail('bad-request', 'saving needs a quote id string');
  const read = index.read();
  const record = await read.quoteById(quoteId);
  if (!record) return fail('not-found', `no quote "${quoteId}" in the index`);
  const view = await quoteView(read, record);
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
