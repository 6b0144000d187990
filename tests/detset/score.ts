/**
 * Scores page detection against the hand-labelled detection set
 * (tests/detset/README.md). Pure: takes the gold labels and what detection
 * found, so the CLI (tests/detset/run.ts) and the unit tests share one
 * definition of every figure.
 */
import type { GoldPage } from './read';

export interface Found {
  people: Readonly<Record<string, number>>;
  summit: string | null;
}

export interface PageCounts {
  /** (page, person) pairs with gold ≥ 1, found ≥ 1, and both. */
  goldPairs: number;
  foundPairs: number;
  rightPairs: number;
  /** Σ gold, Σ found, Σ min(found, gold) over every person of the page. */
  goldOccurrences: number;
  foundOccurrences: number;
  rightOccurrences: number;
  /** Found occurrences on pages whose gold names nobody. */
  hitsOnEmpty: number;
  /** Pages about a summit; of them, those whose first context summit is it. */
  summitPages: number;
  summitRight: number;
  /** Pages about no summit; of them, those given a summit anyway. */
  nullPages: number;
  summitOnNull: number;
}

export interface PageScore {
  id: string;
  lang: string;
  counts: PageCounts;
  /** Person id → [gold, found], for every person either side names. */
  people: Record<string, [number, number]>;
  summit: { gold: string | null; found: string | null };
}

export interface DetsetReport {
  pages: PageScore[];
  byLang: Record<string, PageCounts>;
  total: PageCounts;
}

export interface Figures {
  pairPrecision: number;
  pairRecall: number;
  occurrenceRecall: number;
  occurrencePrecision: number;
  hitsOnEmpty: number;
  summitRight: number;
  summitPages: number;
  summitOnNull: number;
  nullPages: number;
}

const zero = (): PageCounts => ({
  goldPairs: 0,
  foundPairs: 0,
  rightPairs: 0,
  goldOccurrences: 0,
  foundOccurrences: 0,
  rightOccurrences: 0,
  hitsOnEmpty: 0,
  summitPages: 0,
  summitRight: 0,
  nullPages: 0,
  summitOnNull: 0,
});

function add(into: PageCounts, c: PageCounts): void {
  for (const key of Object.keys(into) as (keyof PageCounts)[]) into[key] += c[key];
}

export function scorePage(gold: GoldPage, found: Found): PageScore {
  const c = zero();
  const people: Record<string, [number, number]> = {};
  for (const id of new Set([...Object.keys(gold.people), ...Object.keys(found.people)])) {
    const g = gold.people[id] ?? 0;
    const f = found.people[id] ?? 0;
    people[id] = [g, f];
    if (g > 0) c.goldPairs++;
    if (f > 0) c.foundPairs++;
    if (g > 0 && f > 0) c.rightPairs++;
    c.goldOccurrences += g;
    c.foundOccurrences += f;
    c.rightOccurrences += Math.min(g, f);
  }
  if (Object.keys(gold.people).length === 0) c.hitsOnEmpty = c.foundOccurrences;
  if (gold.summit === null) {
    c.nullPages = 1;
    c.summitOnNull = found.summit === null ? 0 : 1;
  } else {
    c.summitPages = 1;
    c.summitRight = found.summit === gold.summit ? 1 : 0;
  }
  return { id: gold.id, lang: gold.lang, counts: c, people, summit: { gold: gold.summit, found: found.summit } };
}

/** Scores every page; `found` is keyed by page id, and a page missing from it is an error. */
export function scoreDetset(gold: readonly GoldPage[], found: ReadonlyMap<string, Found>): DetsetReport {
  const total = zero();
  const byLang: Record<string, PageCounts> = {};
  const pages = gold.map((g) => {
    const f = found.get(g.id);
    if (f === undefined) throw new Error(`no detection for page ${g.id}`);
    const page = scorePage(g, f);
    add(total, page.counts);
    add((byLang[g.lang] ??= zero()), page.counts);
    return page;
  });
  return { pages, byLang, total };
}

/** An empty denominator scores 1: nothing to find, nothing wrongly found. */
const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);

export function figures(c: PageCounts): Figures {
  return {
    pairPrecision: ratio(c.rightPairs, c.foundPairs),
    pairRecall: ratio(c.rightPairs, c.goldPairs),
    occurrenceRecall: ratio(c.rightOccurrences, c.goldOccurrences),
    occurrencePrecision: ratio(c.rightOccurrences, c.foundOccurrences),
    hitsOnEmpty: c.hitsOnEmpty,
    summitRight: c.summitRight,
    summitPages: c.summitPages,
    summitOnNull: c.summitOnNull,
    nullPages: c.nullPages,
  };
}
