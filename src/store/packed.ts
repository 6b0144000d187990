import { BundleError } from '../schema/index-bundle';
import type { SummitIndex } from '../schema/index-schema';
import { INDEX_LAYOUT } from './index-layout';
import { packIndex, type IndexWrite } from './pack';
import { buildSeedRecords } from './records';
import { INDEX_STORES, type Counts, type MapName, type TermRecord, type WordPage } from './schema';
import { Slicer } from './slicer';
import { DocumentPager } from './writer';

/**
 * The index's database records, derived at build time and packaged beside the
 * bundle: one record per line, in the order a seed writes them. Deriving them
 * (ranks, lists, postings, lexicon parts) took about 1.8 s of the user's
 * machine at 1,000×; from this file a seed only parses and puts
 * (docs/decisions/0040). The bundle stays the source of truth: a records file
 * that is missing, from another build or broken is not used, and the seed
 * derives from the bundle as before.
 */
export const RECORDS_FILE = 'summit-index.records.jsonl';
export const RECORDS_FORMAT = 'summit-lens/index-records';

export interface RecordsHeader {
  format: typeof RECORDS_FORMAT;
  /** The layout the records are in (`INDEX_LAYOUT`): another layout's records are not used. */
  layout: number;
  /** Hash of the bundle they were derived from: records of another bundle are not used. */
  bundle: string;
  indexVersion: number;
  counts: Counts;
  buckets: Record<MapName, number>;
  /** Record lines after the header. */
  records: number;
}

/** Never due: at build time nothing waits on the thread. */
const UNSLICED = new Slicer(Number.POSITIVE_INFINITY);

/**
 * Derives every record a seed writes, in its order: the document pages as a
 * seed pages them while reading, then `packIndex`'s writes. Takes `index`
 * over (its objects become the records); encode the bundle first.
 */
export async function encodeRecords(index: SummitIndex, bundleHash: string): Promise<string> {
  const writes: IndexWrite[] = [];
  const pager = new DocumentPager({ put: (write) => writes.push(write) });
  for (const doc of index.documents) pager.add(doc);
  pager.flush();
  const built = await buildSeedRecords(index, pager.written, UNSLICED, () => undefined);
  const packed = packIndex(built);
  for (const write of packed.writes()) if (write) writes.push(write);
  const header: RecordsHeader = { format: RECORDS_FORMAT, layout: INDEX_LAYOUT, bundle: bundleHash, indexVersion: index.version, counts: built.counts, buckets: packed.buckets, records: writes.length };
  const lines = [JSON.stringify(header)];
  for (const write of writes) lines.push(JSON.stringify([write.store, write.value], plain));
  return `${lines.join('\n')}\n`;
}

/** Typed arrays and maps as JSON arrays; `decodeRecord` knows where they were. */
function plain(_key: string, value: unknown): unknown {
  if (value instanceof Uint32Array) return Array.from(value);
  if (value instanceof Map) return [...value];
  return value;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumbers = (v: unknown): v is number[] => Array.isArray(v);

function parseRecordsHeader(file: string, text: string): RecordsHeader {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BundleError(file, 1, 'the header is not valid JSON');
  }
  if (!isObject(value) || value.format !== RECORDS_FORMAT) throw new BundleError(file, 1, `the header does not name the format "${RECORDS_FORMAT}"`);
  if (typeof value.bundle !== 'string' || !Number.isInteger(value.records) || !isObject(value.counts) || !isObject(value.buckets) || typeof value.layout !== 'number') {
    throw new BundleError(file, 1, 'the header lacks its layout, bundle hash, counts, buckets or record count');
  }
  return value as unknown as RecordsHeader;
}

/** One record line back into the value a seed puts: the maps and typed arrays `plain` flattened. */
export function decodeRecord(file: string, line: number, text: string): IndexWrite {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BundleError(file, line, 'a record line is not valid JSON');
  }
  const bad = (what: string) => new BundleError(file, line, what);
  if (!Array.isArray(value) || value.length !== 2 || !(INDEX_STORES as readonly unknown[]).includes(value[0]) || !isObject(value[1])) {
    throw bad(`a record line must be [${INDEX_STORES.map((s) => `"${s}"`).join(' | ')}, {…}]`);
  }
  const [store, record] = value as [IndexWrite['store'], Record<string, unknown>];
  switch (store) {
    case 'buckets': {
      if (typeof record.key !== 'string' || !Array.isArray(record.entries)) throw bad('a bucket needs a "key" and its "entries"');
      const lists = record.key.startsWith('lists/');
      const entries = new Map<string, unknown>();
      for (const pair of record.entries as unknown[]) {
        if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string') throw bad(`bucket ${record.key} has an entry that is not [key, value]`);
        if (lists && !isNumbers(pair[1])) throw bad(`list ${pair[0]} is not a list of numbers`);
        entries.set(pair[0], lists ? Uint32Array.from(pair[1] as number[]) : pair[1]);
      }
      return { store, value: { key: record.key, entries } };
    }
    case 'words': {
      const { map, first, words, values } = record;
      if ((map !== 'terms' && map !== 'names' && map !== 'summitWords') || typeof first !== 'string' || !Array.isArray(words) || !Array.isArray(values) || words.length !== values.length) {
        throw bad('a word page needs "map", "first", and as many "values" as "words"');
      }
      return { store, value: { map, first, words: words as string[], values: values.map((v) => wordValue(map, v, bad)) } as WordPage };
    }
    case 'pages':
    case 'documents':
      if (!Number.isInteger(record.page) || !Array.isArray(record.quotes ?? record.docs)) throw bad(`a ${store} record needs its "page" and its items`);
      return { store, value: record } as unknown as IndexWrite;
    case 'header':
      if (typeof record.key !== 'string') throw bad('a header record needs a "key"');
      return { store, value: record } as unknown as IndexWrite;
  }
}

function wordValue(map: WordPage['map'], value: unknown, bad: (what: string) => BundleError): unknown {
  if (map === 'names') return value;
  if (map === 'summitWords') {
    if (!isNumbers(value)) throw bad('a summit word must hold a list of numbers');
    return Uint32Array.from(value);
  }
  if (!isObject(value) || typeof value.term !== 'string' || !isNumbers(value.quotes) || !isNumbers(value.starts) || !isNumbers(value.occ) || !Array.isArray(value.forms)) {
    throw bad('a term needs "term", "quotes", "starts", "occ" and "forms"');
  }
  const term: TermRecord = { term: value.term, quotes: Uint32Array.from(value.quotes), starts: Uint32Array.from(value.starts), occ: Uint32Array.from(value.occ), forms: value.forms as string[] };
  return term;
}

/**
 * Reads a records file fed as text chunks of any size. `push` yields the
 * record lines (still text, so a resumed seed skips the ones it wrote without
 * parsing them); `finish` checks that none is missing.
 */
export class RecordsReader {
  header: RecordsHeader | null = null;
  /** Lines consumed so far (the header is line 1). */
  line = 0;
  private partial = '';

  constructor(readonly file: string = RECORDS_FILE) {}

  *push(chunk: string): Generator<string> {
    let from = 0;
    for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', from)) {
      const text = this.partial + chunk.slice(from, end);
      this.partial = '';
      from = end + 1;
      this.line++;
      if (this.header === null) this.header = parseRecordsHeader(this.file, text);
      else if (text !== '') yield text;
    }
    this.partial += chunk.slice(from);
  }

  finish(): RecordsHeader {
    if (this.partial !== '') throw new BundleError(this.file, this.line + 1, 'the file ends in the middle of a line: it is cut short');
    if (!this.header) throw new BundleError(this.file, 1, 'the file is empty');
    if (this.line - 1 !== this.header.records) {
      throw new BundleError(this.file, this.line, `the header promises ${this.header.records} records but the file holds ${this.line - 1}: the file is cut short or corrupt`);
    }
    return this.header;
  }
}
