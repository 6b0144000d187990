import type { SavedQuote, SavedQuoteView } from '../protocol/views';
import { fail, isId, ok, type Outcome } from './outcome';
import type { LiveIndex } from './reader';
import type { SummitDb } from './schema';
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
    snapshot: { text: view.text, speaker: view.speaker?.name ?? view.speakerName ?? null, date: view.date, source: view.source.title || null },
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

/** Newest saved first, each with the quote as the live index has it now: null once a new index dropped it, so the snapshot shows instead. */
export async function listSavedViews(db: SummitDb, index: LiveIndex): Promise<SavedQuoteView[]> {
  const saved = await listSaved(db);
  // Opened only now: a transaction with no request pending commits at the end of its task, so one opened before this wait would be gone.
  const read = index.read();
  return Promise.all(
    saved.map(async (s) => {
      const record = await read.quoteById(s.quoteId);
      return { ...s, quote: record ? await quoteView(read, record) : null };
    }),
  );
}
