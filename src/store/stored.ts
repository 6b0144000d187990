import type { IndexWrite } from './pack';
import type { Bucket, DocumentPage, HeaderRecord, QuotePage, StoredValue, TermRecord, WordMapName, WordPage } from './schema';

/**
 * How an index record is stored: its key fields, and its value as UTF-8 JSON
 * bytes, deflated at build time when it comes from the packaged records. A
 * seed from packaged records (`packed.ts`) puts each record's bytes as they
 * are, never inflating or parsing them: in Chromium at 1,000×, parsing the
 * records took 0.7 s and cloning the parsed objects into IndexedDB 0.8–1.0 s,
 * against 0.3–0.4 s to clone the same records as bytes (docs/decisions/0040),
 * and deflated they are a sixth of those bytes for the engine to take
 * (docs/decisions/0045). A seed that derives the records on the user's
 * machine stores them as plain JSON: deflating there would cost more than it
 * saves. A reader decodes a record once when it first needs it, and caches it.
 */
export type StoredRecord = StoredKeys & StoredValue;

export type StoredKeys = { key: string } | { page: number } | { map: WordMapName; first: string };

export type StoreName = IndexWrite['store'];

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The fields the store's key path reads. */
export function keysOf(write: IndexWrite): StoredKeys {
  switch (write.store) {
    case 'header':
    case 'buckets':
      return { key: write.value.key };
    case 'pages':
    case 'documents':
      return { page: write.value.page };
    case 'words':
      return { map: write.value.map, first: write.value.first };
  }
}

/** Typed arrays and maps as JSON arrays; `fromStored` knows where they were. */
function plain(_key: string, value: unknown): unknown {
  if (value instanceof Uint32Array) return Array.from(value);
  if (value instanceof Map) return [...value];
  return value;
}

/** A record's value as the JSON text a records line and a stored record hold. */
export const valueJson = (write: IndexWrite) => JSON.stringify(write.value, plain);

export const toStored = (write: IndexWrite): StoredRecord => ({ ...keysOf(write), json: encoder.encode(valueJson(write)) });

/** A stored record, as opposed to the two plain records a seed writes in `header` (the completion mark and the checkpoint). */
export const isStored = (record: object): record is StoredRecord => 'json' in record || 'deflated' in record;

/** The bytes the engine holds for a record. */
export const storedBytes = (stored: StoredValue) => ('json' in stored ? stored.json.byteLength : stored.deflated.byteLength);

/**
 * A value's JSON bytes, inflated when stored deflated. The bytes are written
 * to the stream directly: piping them from a Blob made each record read cost
 * 1.9 ms instead of 0.8 ms in Chromium (docs/decisions/0045).
 */
async function jsonOf(stored: StoredValue): Promise<Uint8Array> {
  if ('json' in stored) return stored.json;
  const inflate = new DecompressionStream('deflate-raw');
  const writer = inflate.writable.getWriter();
  // Bad data errors the readable side, which the caller sees; these two would only repeat it.
  writer.write(stored.deflated as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  return new Uint8Array(await new Response(inflate.readable).arrayBuffer());
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Element types are not checked one by one: postings run to 100,000 numbers, and records were written by this code or checked whole (SHA-256) when seeded. */
const isNumbers = (v: unknown): v is number[] => Array.isArray(v);

/** Thrown when a stored record does not have the shape its store holds: the database was changed or damaged. */
export class StoredRecordError extends Error {
  override name = 'StoredRecordError';
}

export interface Decoded<T> {
  value: T;
  /** Its JSON bytes, what holding it costs a cache. */
  size: number;
}

export function fromStored(store: 'header', stored: StoredRecord): Promise<Decoded<HeaderRecord>>;
export function fromStored(store: 'buckets', stored: StoredRecord): Promise<Decoded<Bucket>>;
export function fromStored(store: 'pages', stored: StoredRecord): Promise<Decoded<QuotePage>>;
export function fromStored(store: 'documents', stored: StoredRecord): Promise<Decoded<DocumentPage>>;
export function fromStored(store: 'words', stored: StoredRecord): Promise<Decoded<WordPage>>;
/** A stored record back into its value: maps and typed arrays where they were. */
export async function fromStored(store: StoreName, stored: StoredRecord): Promise<Decoded<IndexWrite['value']>> {
  const where = JSON.stringify({ ...stored, json: undefined, deflated: undefined });
  const bad = (what: string) => new StoredRecordError(`index record ${store} ${where}: ${what}`);
  let json: Uint8Array;
  try {
    json = await jsonOf(stored);
  } catch {
    throw bad('not valid deflated data');
  }
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(json));
  } catch {
    throw bad('not valid JSON');
  }
  return { value: checked(store, value, bad), size: json.byteLength };
}

function checked(store: StoreName, value: unknown, bad: (what: string) => Error): IndexWrite['value'] {
  if (!isObject(value)) throw bad('not an object');
  switch (store) {
    case 'buckets': {
      if (typeof value.key !== 'string' || !Array.isArray(value.entries)) throw bad('a bucket needs a "key" and its "entries"');
      const lists = value.key.startsWith('lists/');
      const entries = new Map<string, unknown>();
      for (const pair of value.entries as unknown[]) {
        if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string') throw bad('an entry is not [key, value]');
        if (lists && !isNumbers(pair[1])) throw bad(`list ${pair[0]} is not a list of numbers`);
        entries.set(pair[0], lists ? Uint32Array.from(pair[1] as number[]) : pair[1]);
      }
      return { key: value.key, entries };
    }
    case 'words': {
      const { map, first, words, values } = value;
      if ((map !== 'terms' && map !== 'names' && map !== 'summitWords') || typeof first !== 'string' || !Array.isArray(words) || !Array.isArray(values) || words.length !== values.length) {
        throw bad('a word page needs "map", "first", and as many "values" as "words"');
      }
      return { map, first, words: words as string[], values: values.map((v) => wordValue(map, v, bad)) };
    }
    case 'pages':
      if (!Number.isInteger(value.page) || !Array.isArray(value.quotes)) throw bad('a quote page needs its "page" and "quotes"');
      return value as unknown as QuotePage;
    case 'documents':
      if (!Number.isInteger(value.page) || !Array.isArray(value.docs)) throw bad('a document page needs its "page" and "docs"');
      return value as unknown as DocumentPage;
    case 'header':
      if (typeof value.key !== 'string') throw bad('a header record needs a "key"');
      return value as unknown as HeaderRecord;
  }
}

function wordValue(map: WordMapName, value: unknown, bad: (what: string) => Error): unknown {
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
