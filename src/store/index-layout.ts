import type { MapName, WordMapName } from './schema';

/**
 * How an index is laid out in its database: few, larger records. Chromium's
 * IndexedDB spends ~100–150 µs per record written and ~15 µs per index entry
 * read, whatever their size, while bytes are cheap (a 100 kB record costs
 * about what a 100 B one does). So entities live in hash buckets, quotes in
 * pages of consecutive ranks, and anything a query may need many of (a
 * person's quotes, a summit's quotes, the summits a word names) is one
 * precomputed typed array (docs/decisions/0003).
 */

/** Bump whenever a record changes shape: a new layout is seeded into a new database. */
export const INDEX_LAYOUT = 3;

export const indexDbName = (mainName: string, hash: string) => `${mainName}-index-${INDEX_LAYOUT}-${hash.slice(0, 16)}`;
export const isIndexDbName = (mainName: string, name: string) => name.startsWith(`${mainName}-index-`);

export const MAP_NAMES: readonly MapName[] = ['people', 'summits', 'docAt', 'lists', 'quoteIds', 'summitAt'];
export const WORD_MAP_NAMES: readonly WordMapName[] = ['terms', 'names', 'summitWords'];

/** Entries per bucket, chosen so a bucket is a few tens of kB. */
export const BUCKET_TARGET: Record<MapName, number> = {
  people: 64,
  summits: 64,
  docAt: 512,
  lists: 64,
  quoteIds: 512,
  summitAt: 512,
};

/** Words per sorted page: a prefix of a few letters reads one to a few pages. */
export const WORDS_PER_PAGE: Record<WordMapName, number> = {
  terms: 32,
  names: 256,
  summitWords: 128,
};

export const QUOTES_PER_PAGE = 64;
/** A document page closes once its texts pass this many characters. */
export const DOCUMENT_PAGE_CHARS = 32_000;

export const bucketCount = (map: MapName, entries: number) => Math.max(1, Math.ceil(entries / BUCKET_TARGET[map]));

/** FNV-1a: stable across builds and browsers, cheap, and spreads short keys well. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export const bucketKey = (map: MapName, key: string, count: number) => `${map}/${hashKey(key) % count}`;

export const pageOf = (n: number) => Math.floor(n / QUOTES_PER_PAGE);

export const listKey = {
  said: (person: string) => `said/${person}`,
  /** Quotes that mention the person and are not said by them. */
  mentions: (person: string) => `mentions/${person}`,
  summit: (summit: string) => `summit/${summit}`,
  summitsOf: (person: string) => `summits-of/${person}`,
  /** One entry per quote rank: its date as the number YYYYMMDD, 0 when undated. */
  dates: 'dates',
};

export const dayNumber = (day: string | null) => (day ? Number(day.replaceAll('-', '')) : 0);
