/**
 * Runs `task` once for all callers that ask while it is running, and again for
 * the first caller after it settled. A memo that outlived its run is what kept
 * the background from re-seeding a database deleted under it: the old, resolved
 * seed was handed back and the empty database answered every search with nothing.
 */
export function singleFlight<T>(task: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  return () => {
    running ??= task().finally(() => {
      running = null;
    });
    return running;
  };
}
