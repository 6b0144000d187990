/**
 * Newest first, undated last, the id breaking a tie: the order of every list
 * of the user's quotes, so a quote's place in it is the recency rank `rank`
 * breaks ties with.
 */
export function byRecency<T>(items: readonly T[], keyOf: (item: T) => { id: string; date: string | null }): T[] {
  return [...items].sort((x, y) => {
    const a = keyOf(x);
    const b = keyOf(y);
    return a.date === b.date ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? 1 : -1;
  });
}
