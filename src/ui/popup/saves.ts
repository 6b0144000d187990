import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Ask } from '../../protocol/client';
import type { SavedQuoteView } from '../../protocol/views';

/**
 * The user's saved quotes, held once by the popup so that search, cards, the
 * source view and the Saved tab all show the same state. The background's
 * database is the truth: after every change the list is read again from it.
 */
export interface Saves {
  /** Newest first; null until the background has answered. */
  list: SavedQuoteView[] | null;
  /** Why the list could not be read. */
  loadError: string | null;
  /** Why the last save or removal failed. */
  changeError: string | null;
  has(id: string): boolean;
  save(id: string): void;
  remove(id: string): void;
  refresh(): void;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function useSaves(ask: Ask): Saves {
  const [list, setList] = useState<SavedQuoteView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [changeError, setChangeError] = useState<string | null>(null);
  // Only the latest read may set the list: an earlier one can answer last and would undo a change.
  const latest = useRef(0);
  const busy = useRef(new Set<string>());
  const ids = useMemo(() => new Set(list?.map((s) => s.quoteId)), [list]);

  async function read(): Promise<void> {
    const mine = ++latest.current;
    const answer = await ask({ type: 'saved' });
    if (mine !== latest.current) return;
    setList(answer);
    setLoadError(null);
  }

  function refresh() {
    read().catch((e: unknown) => setLoadError(message(e)));
  }

  /** One change per quote at a time: a second press before the list is read again would act on the old state. */
  function change(id: string, request: () => Promise<unknown>) {
    if (busy.current.has(id)) return;
    busy.current.add(id);
    request()
      .then(read)
      .then(
        () => setChangeError(null),
        (e: unknown) => setChangeError(message(e)),
      )
      .finally(() => busy.current.delete(id));
  }

  useEffect(refresh, []);

  return {
    list,
    loadError,
    changeError,
    has: (id) => ids.has(id),
    save: (id) => change(id, () => ask({ type: 'save', id })),
    remove: (id) => change(id, () => ask({ type: 'unsave', id })),
    refresh,
  };
}
