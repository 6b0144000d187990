import { bucketCount, hashKey, MAP_NAMES, QUOTES_PER_PAGE, WORD_MAP_NAMES, WORDS_PER_PAGE } from './index-layout';
import type { SeedRecords } from './records';
import type { Bucket, DocumentPage, HeaderRecord, MapName, QuotePage, WordPage } from './schema';

export type IndexWrite =
  | { store: 'header'; value: HeaderRecord }
  | { store: 'buckets'; value: Bucket }
  | { store: 'pages'; value: QuotePage }
  | { store: 'documents'; value: DocumentPage }
  | { store: 'words'; value: WordPage };

export interface PackedIndex {
  /** Buckets per map, for the header. */
  buckets: Record<MapName, number>;
  /** How many writes `writes()` yields (pauses not counted). */
  total: number;
  /**
   * The records in a fixed order, so an interrupted seed can skip what it
   * already committed. `null` marks a pause: the caller may yield there
   * between long stretches of grouping work that write nothing.
   */
  writes(): Generator<IndexWrite | null>;
}

/** Entries grouped between pauses. */
const PAUSE_EVERY = 1000;

/** Lays the records out as buckets, quote pages and sorted word pages. Cheap: the work happens as `writes()` is consumed. */
export function packIndex(records: SeedRecords): PackedIndex {
  const buckets = Object.fromEntries(MAP_NAMES.map((map) => [map, bucketCount(map, records.maps[map].size)])) as Record<MapName, number>;
  const quotePages = Math.ceil(records.quotes.length / QUOTES_PER_PAGE);
  const wordPages = WORD_MAP_NAMES.reduce((sum, map) => sum + Math.ceil(records.words[map].size / WORDS_PER_PAGE[map]), 0);
  const bucketTotal = MAP_NAMES.reduce((sum, map) => sum + buckets[map], 0);
  return {
    buckets,
    total: 1 + records.lexicon.parts.length + bucketTotal + quotePages + wordPages,
    *writes() {
      yield { store: 'header', value: records.lexicon.head };
      for (const part of records.lexicon.parts) yield { store: 'header', value: part };

      for (const map of MAP_NAMES) {
        const count = buckets[map];
        const entries: Map<string, unknown>[] = Array.from({ length: count }, () => new Map());
        let grouped = 0;
        for (const [key, value] of records.maps[map]) {
          entries[hashKey(key) % count]!.set(key, value);
          if (++grouped % PAUSE_EVERY === 0) yield null;
        }
        for (let i = 0; i < count; i++) yield { store: 'buckets', value: { key: `${map}/${i}`, entries: entries[i]! } };
      }

      for (let page = 0; page < quotePages; page++) {
        yield { store: 'pages', value: { page, quotes: records.quotes.slice(page * QUOTES_PER_PAGE, (page + 1) * QUOTES_PER_PAGE) } };
      }

      for (const map of WORD_MAP_NAMES) {
        const values = records.words[map] as Map<string, unknown>;
        // Code-unit order, the order IndexedDB compares string keys in.
        const sorted = [...values.keys()].sort();
        yield null;
        const size = WORDS_PER_PAGE[map];
        for (let at = 0; at < sorted.length; at += size) {
          const words = sorted.slice(at, at + size);
          yield { store: 'words', value: { map, first: words[0]!, words, values: words.map((w) => values.get(w)) } };
        }
      }
    },
  };
}
