/** Binary searches over sorted lists: the typed-array lists, word pages and page directories of an index. */

/** The first index in `[0, length)` where `test` holds, for a test that is false and then true along the list. */
export function firstWhere(length: number, test: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Where `key` is, or would go, in an ascending list. */
export function lowerBound<T extends number | string>(sorted: ArrayLike<T>, key: T): number {
  return firstWhere(sorted.length, (i) => sorted[i]! >= key);
}

/** Whether an ascending list holds `key`. */
export function holds<T extends number | string>(sorted: ArrayLike<T>, key: T): boolean {
  return sorted[lowerBound(sorted, key)] === key;
}
