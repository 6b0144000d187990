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
 * bundle in the order a seed writes them. Deriving them (ranks, lists,
 * postings, lexicon parts) took about 2 s of the user's machine at 1,000×;
 * from this file a seed reads the key fields and puts the value's bytes as
 * they are (`stored.ts`). The file is a JSON header line, then per record a
 * head line `<store> TAB <key fields as JSON> TAB <byte count>` and that many
 * bytes: the value's JSON, deflated (raw DEFLATE), a sixth of the JSON's size
 * at 1,000× (docs/decisions/0045). Entries are numbered as lines would be:
 * the header 1, the first record 2. The header holds a SHA-256 per run of
 * records, checked before the index is marked complete. The bundle stays the
 * source of truth: records that are missing, from another build or layout,
 * cut short or altered are not used, and the seed derives from the bundle as
 * before (docs/decisions/0040).
 */
export const RECORDS_FILE = 'summit-index.records.bin';
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
  /** Records after the header. */
  records: number;
  /** Bytes after the header's newline. */
  bytes: number;
  /**
   * SHA-256 (hex) of each run of `HASH_RECORDS` records, heads included:
   * hashed as the records arrive, a megabyte or so at a time, where one hash
   * of the whole file held Chromium's worker for 200 ms.
   */
  sha256: string[];
}

/** Never due: at build time nothing waits on the thread. */
const UNSLICED = new Slicer(Number.POSITIVE_INFINITY);
/** Records per hash: about 0.4 MB at 1,000×. */
export const HASH_RECORDS = 64;
const NEWLINE = 10;
const NEW_LINE = Uint8Array.of(NEWLINE);
const TAB = 9;

/**
 * Derives every record a seed writes, in its order: the document pages as a
 * seed pages them while reading, then `packIndex`'s writes. Takes `index`
 * over (its objects become the records): encode the bundle first. `sha256`
 * and `deflateRaw` are passed in (node:crypto and node:zlib at build time),
 * as for the bundle.
 */
export async function encodeRecords(index: SummitIndex, bundleHash: string, sha256: (bytes: Uint8Array) => string, deflateRaw: (bytes: Uint8Array) => Uint8Array): Promise<Uint8Array> {
  const writes: IndexWrite[] = [];
  const pager = new DocumentPager({ put: (write) => writes.push(write) });
  for (const doc of index.documents) pager.add(doc);
  pager.flush();
  const built = await buildSeedRecords(index, pager.written, UNSLICED, () => undefined);
  const packed = packIndex(built);
  for (const write of packed.writes()) if (write) writes.push(write);
  const encoder = new TextEncoder();
  const entries = writes.map((write) => {
    const value = deflateRaw(encoder.encode(valueJson(write)));
    // JSON text never holds a raw tab or newline, so both can end the head's fields.
    return concat([encoder.encode(`${write.store}\t${JSON.stringify(keysOf(write))}\t${value.length}\n`), value]);
  });
  const hashes: string[] = [];
  for (let at = 0; at < entries.length; at += HASH_RECORDS) hashes.push(sha256(concat(entries.slice(at, at + HASH_RECORDS))));
  const body = concat(entries);
  const header: RecordsHeader = {
    format: RECORDS_FORMAT,
    layout: INDEX_LAYOUT,
    bundle: bundleHash,
    indexVersion: index.version,
    counts: built.counts,
    buckets: packed.buckets,
    records: writes.length,
    bytes: body.length,
    sha256: hashes,
  };
  return concat([encoder.encode(`${JSON.stringify(header)}\n`), body]);
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
 * record's store and stored form (the value's bytes copied out, never
 * inflated); `accept` may refuse the header before any record is read;
 * `finish` checks that nothing is missing and `verify` that no byte changed.
 */
export class RecordsReader {
  header: RecordsHeader | null = null;
  /** Entries consumed so far (the header is entry 1). */
  line = 0;
  /** Bytes of a head line not yet ended. */
  private partial: Uint8Array[] = [];
  /** The record whose value is arriving. */
  private pending: { store: StoreName; keys: StoredKeys; value: Uint8Array; filled: number } | null = null;
  /** Parts of the run of records being hashed, and the hashes of the runs before it, computing. */
  private run: Uint8Array[] = [];
  private runRecords = 0;
  private readonly hashes: Promise<string>[] = [];
  private filled = 0;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(
    readonly file: string = RECORDS_FILE,
    private readonly accept: (header: RecordsHeader) => void = () => undefined,
  ) {}

  *push(chunk: Uint8Array): Generator<RecordLine> {
    let at = 0;
    while (at < chunk.length) {
      const pending = this.pending;
      if (pending) {
        const n = Math.min(pending.value.length - pending.filled, chunk.length - at);
        pending.value.set(chunk.subarray(at, at + n), pending.filled);
        pending.filled += n;
        at += n;
        if (pending.filled === pending.value.length) yield this.complete(pending);
        continue;
      }
      const end = chunk.indexOf(NEWLINE, at);
      if (end < 0) {
        this.partial.push(chunk.slice(at));
        return;
      }
      this.head(this.joined(chunk.subarray(at, end)));
      at = end + 1;
    }
  }

  finish(): RecordsHeader {
    if (this.partial.length > 0 || this.pending) throw new BundleError(this.file, this.line + (this.pending ? 0 : 1), 'the file ends in the middle of a record: it is cut short');
    if (!this.header) throw new BundleError(this.file, 1, 'the file is empty');
    if (this.line - 1 !== this.header.records || this.filled !== this.header.bytes) {
      throw new BundleError(this.file, this.line, `the header promises ${this.header.records} records in ${this.header.bytes} bytes but the file holds ${this.line - 1} in ${this.filled}: it is cut short or corrupt`);
    }
    return this.header;
  }

  /** Checks every run's SHA-256: they were computed as the records came, mostly off the thread. */
  async verify(): Promise<void> {
    const header = this.finish();
    this.hashRun();
    const hashes = await Promise.all(this.hashes);
    const broken = hashes.findIndex((hash, i) => hash !== header.sha256[i]);
    if (broken >= 0 || hashes.length !== header.sha256.length) {
      const line = 2 + Math.max(broken, 0) * HASH_RECORDS;
      throw new BundleError(this.file, line, `the records from this one on do not match the SHA-256 in their header: the file is corrupt`);
    }
  }

  private hashRun(): void {
    if (this.run.length === 0) return;
    const bytes = concat(this.run);
    this.run = [];
    this.runRecords = 0;
    this.hashes.push(crypto.subtle.digest('SHA-256', bytes).then((digest) => Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')));
  }

  /** A head line whole: the parts kept from earlier chunks joined to its tail. */
  private joined(tail: Uint8Array): Uint8Array {
    if (this.partial.length === 0) return tail;
    this.partial.push(tail);
    const bytes = concat(this.partial);
    this.partial = [];
    return bytes;
  }

  private head(bytes: Uint8Array): void {
    this.line++;
    if (this.header === null) {
      this.header = parseRecordsHeader(this.file, this.text(bytes));
      this.accept(this.header);
      return;
    }
    const bad = (reason: string) => new BundleError(this.file, this.line, reason);
    const fields = this.text(bytes).split('\t');
    const [store, keysText, countText] = fields;
    if (fields.length !== 3 || !(INDEX_STORES as readonly string[]).includes(store!) || !/^[1-9][0-9]*$/.test(countText!)) {
      throw bad(`a record must start with the line <${INDEX_STORES.join(' | ')}> TAB <keys> TAB <byte count>`);
    }
    let keys: unknown;
    try {
      keys = JSON.parse(keysText!);
    } catch {
      keys = null;
    }
    if (!validKeys(store as StoreName, keys)) throw bad(`the keys of a ${store} record are missing or invalid`);
    const count = Number(countText);
    this.filled += bytes.length + 1 + count;
    if (this.filled > this.header.bytes) throw bad('the file is longer than its header says: it is corrupt');
    // A view, not a copy: the run is copied once, into the buffer it is hashed from.
    this.run.push(bytes, NEW_LINE);
    // The value's own buffer: a view would clone the whole chunk it sits in.
    this.pending = { store: store as StoreName, keys, value: new Uint8Array(count), filled: 0 };
  }

  private complete(pending: NonNullable<RecordsReader['pending']>): RecordLine {
    this.pending = null;
    this.run.push(pending.value);
    if (++this.runRecords === HASH_RECORDS) this.hashRun();
    return { store: pending.store, record: { ...pending.keys, deflated: pending.value } };
  }

  private text(bytes: Uint8Array): string {
    try {
      return this.decoder.decode(bytes);
    } catch {
      throw new BundleError(this.file, this.line, 'the line is not UTF-8');
    }
  }
}

/** The parts one after another in one buffer. */
export function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
