import { BundleError } from '../schema/index-bundle';
import type { SummitIndex } from '../schema/index-schema';
import { INDEX_LAYOUT } from './index-layout';
import { packIndex, type IndexWrite } from './pack';
import { buildSeedRecords } from './records';
import { INDEX_STORES, type Counts, type MapName } from './schema';
import { Slicer } from './slicer';
import { keysOf, valueJson, type StoredKeys, type StoredRecord, type StoreName } from './stored';
import { DocumentPager } from './writer';

/**
 * The index's database records, derived at build time and packaged beside the
 * bundle, one per line in the order a seed writes them:
 * `<store> TAB <key fields as JSON> TAB <value as JSON>`. Deriving them (ranks,
 * lists, postings, lexicon parts) took about 2 s of the user's machine at
 * 1,000×; from this file a seed reads the key fields and puts the value's
 * bytes as they are (`stored.ts`). The header holds a SHA-256 per run of
 * lines, checked before the index is marked complete. The bundle stays the
 * source of truth: records that are missing, from another build or layout,
 * cut short or altered are not used, and the seed derives from the bundle as
 * before (docs/decisions/0040).
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
  /** UTF-8 bytes after the header's newline. */
  bytes: number;
  /**
   * SHA-256 (hex) of each run of `HASH_LINES` record lines, newlines included:
   * hashed as the lines arrive, a megabyte or two at a time, where one hash of
   * the whole file held Chromium's worker for 200 ms.
   */
  sha256: string[];
}

/** Never due: at build time nothing waits on the thread. */
const UNSLICED = new Slicer(Number.POSITIVE_INFINITY);
/** Record lines per hash: about 2 MB at 1,000×. */
export const HASH_LINES = 64;
const NEWLINE = 10;
const NEW_LINE = Uint8Array.of(NEWLINE);
const TAB = 9;

/**
 * Derives every record a seed writes, in its order: the document pages as a
 * seed pages them while reading, then `packIndex`'s writes. Takes `index`
 * over (its objects become the records): encode the bundle first. `sha256` is
 * passed in (node:crypto at build time), as for the bundle.
 */
export async function encodeRecords(index: SummitIndex, bundleHash: string, sha256: (bytes: Uint8Array) => string): Promise<string> {
  const writes: IndexWrite[] = [];
  const pager = new DocumentPager({ put: (write) => writes.push(write) });
  for (const doc of index.documents) pager.add(doc);
  pager.flush();
  const built = await buildSeedRecords(index, pager.written, UNSLICED, () => undefined);
  const packed = packIndex(built);
  for (const write of packed.writes()) if (write) writes.push(write);
  // JSON text never holds a raw tab or newline, so both can separate fields and lines.
  const lines = writes.map((write) => `${write.store}\t${JSON.stringify(keysOf(write))}\t${valueJson(write)}\n`);
  const encoder = new TextEncoder();
  const hashes: string[] = [];
  for (let at = 0; at < lines.length; at += HASH_LINES) hashes.push(sha256(encoder.encode(lines.slice(at, at + HASH_LINES).join(''))));
  const body = lines.join('');
  const header: RecordsHeader = {
    format: RECORDS_FORMAT,
    layout: INDEX_LAYOUT,
    bundle: bundleHash,
    indexVersion: index.version,
    counts: built.counts,
    buckets: packed.buckets,
    records: writes.length,
    bytes: encoder.encode(body).length,
    sha256: hashes,
  };
  return `${JSON.stringify(header)}\n${body}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseRecordsHeader(file: string, text: string): RecordsHeader {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BundleError(file, 1, 'the header is not valid JSON');
  }
  if (!isObject(value) || value.format !== RECORDS_FORMAT) throw new BundleError(file, 1, `the header does not name the format "${RECORDS_FORMAT}"`);
  const { bundle, records, counts, buckets, layout, bytes, sha256 } = value;
  if (typeof bundle !== 'string' || !Number.isInteger(records) || !isObject(counts) || !isObject(buckets) || typeof layout !== 'number' || !Number.isInteger(bytes) || !Array.isArray(sha256) || !sha256.every((h) => typeof h === 'string')) {
    throw new BundleError(file, 1, 'the header lacks its layout, bundle hash, counts, buckets, record count, size or SHA-256');
  }
  return value as unknown as RecordsHeader;
}

export interface RecordLine {
  store: StoreName;
  record: StoredRecord;
}

/** The key fields each store's records must have. */
function validKeys(store: StoreName, keys: unknown): keys is StoredKeys {
  if (!isObject(keys)) return false;
  if (store === 'header' || store === 'buckets') return typeof keys.key === 'string';
  if (store === 'pages' || store === 'documents') return Number.isInteger(keys.page);
  return typeof keys.map === 'string' && typeof keys.first === 'string';
}

/**
 * Reads a records file fed as byte chunks of any size. `push` yields each
 * line's store and stored record (the value's bytes copied out, unparsed);
 * `finish` checks that nothing is missing and `verify` that no byte changed.
 */
export class RecordsReader {
  header: RecordsHeader | null = null;
  /** Lines consumed so far (the header is line 1). */
  line = 0;
  private partial: Uint8Array[] = [];
  /** Lines of the run being hashed, and the hashes of the runs before it, computing. */
  private run: Uint8Array[] = [];
  private readonly hashes: Promise<string>[] = [];
  private filled = 0;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(readonly file: string = RECORDS_FILE) {}

  *push(chunk: Uint8Array): Generator<RecordLine> {
    let from = 0;
    for (let end = chunk.indexOf(NEWLINE); end >= 0; end = chunk.indexOf(NEWLINE, from)) {
      const line = this.take(chunk.subarray(from, end));
      from = end + 1;
      if (line) yield line;
    }
    if (from < chunk.length) this.keep(chunk.subarray(from));
  }

  finish(): RecordsHeader {
    if (this.partial.length > 0) throw new BundleError(this.file, this.line + 1, 'the file ends in the middle of a line: it is cut short');
    if (!this.header) throw new BundleError(this.file, 1, 'the file is empty');
    if (this.line - 1 !== this.header.records || this.filled !== this.header.bytes) {
      throw new BundleError(this.file, this.line, `the header promises ${this.header.records} records in ${this.header.bytes} bytes but the file holds ${this.line - 1} in ${this.filled}: it is cut short or corrupt`);
    }
    return this.header;
  }

  /** Checks every run's SHA-256: they were computed as the lines came, mostly off the thread. */
  async verify(): Promise<void> {
    const header = this.finish();
    this.hashRun();
    const hashes = await Promise.all(this.hashes);
    const broken = hashes.findIndex((hash, i) => hash !== header.sha256[i]);
    if (broken >= 0 || hashes.length !== header.sha256.length) {
      const line = 2 + Math.max(broken, 0) * HASH_LINES;
      throw new BundleError(this.file, line, `the records from this line on do not match the SHA-256 in their header: the file is corrupt`);
    }
  }

  private hashRun(): void {
    if (this.run.length === 0) return;
    const bytes = concat(this.run);
    this.run = [];
    this.hashes.push(crypto.subtle.digest('SHA-256', bytes).then((digest) => Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')));
  }

  private keep(bytes: Uint8Array): void {
    this.partial.push(bytes.slice());
  }

  private take(tail: Uint8Array): RecordLine | null {
    let bytes = tail;
    if (this.partial.length > 0) {
      this.partial.push(tail);
      bytes = concat(this.partial);
      this.partial = [];
    }
    this.line++;
    if (this.header === null) {
      this.header = parseRecordsHeader(this.file, this.text(bytes));
      return null;
    }
    this.filled += bytes.length + 1;
    if (this.filled > this.header.bytes) throw new BundleError(this.file, this.line, 'the file is longer than its header says: it is corrupt');
    // A view, not a copy: the run is copied once, into the buffer it is hashed from.
    this.run.push(bytes, NEW_LINE);
    if (this.run.length === 2 * HASH_LINES) this.hashRun();
    const first = bytes.indexOf(TAB);
    const second = first < 0 ? -1 : bytes.indexOf(TAB, first + 1);
    const store = first < 0 ? '' : this.text(bytes.subarray(0, first));
    if (second < 0 || !(INDEX_STORES as readonly string[]).includes(store)) {
      throw new BundleError(this.file, this.line, `a record line must be <${INDEX_STORES.join(' | ')}> TAB <keys> TAB <value>`);
    }
    let keys: unknown;
    try {
      keys = JSON.parse(this.text(bytes.subarray(first + 1, second)));
    } catch {
      keys = null;
    }
    if (!validKeys(store as StoreName, keys)) throw new BundleError(this.file, this.line, `the keys of a ${store} record are missing or invalid`);
    // A copy: a view would clone the whole chunk it sits in.
    return { store: store as StoreName, record: { ...keys, json: bytes.slice(second + 1) } };
  }

  private text(bytes: Uint8Array): string {
    try {
      return this.decoder.decode(bytes);
    } catch {
      throw new BundleError(this.file, this.line, 'the line is not UTF-8');
    }
  }
}

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
