/** Statistics the benches share; pure, so the unit tests can pin them down. */

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const median = (samples: number[]) => percentile(samples, 50);

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export interface Spread {
  median: number;
  p95: number;
  min: number;
  max: number;
}

/** Median, p95 and the whole range over loads: a figure that varies is stated with its spread, not its best run. */
export function spread(samples: number[], digits = 1): Spread {
  if (samples.length === 0) throw new Error('spread of no samples');
  const r = (x: number) => round(x, digits);
  return { median: r(median(samples)), p95: r(percentile(samples, 95)), min: r(Math.min(...samples)), max: r(Math.max(...samples)) };
}
