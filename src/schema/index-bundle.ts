import { LocatedError } from './located-error';
import { INDEX_VERSION, type IndexDocument, type Office, type Person, type Quote, type Summit, type SummitIndex } from './index-schema';

/**
 * The packaged form of the index: JSON Lines. The first line is a header (hash,
 * counts, distractors); every other line is one record, `["quote", {...}]`:
 * people, summits, offices, documents, quotes, in that order.
 *
 * Why lines and not one JSON document: `JSON.parse` of a whole document is one
 * task that cannot be cut, about 1 s for a 40 MB index, while the background
 * must never hold its thread for more than 50 ms. Lines are parsed one at a
 * time from the response stream, with yields in between, and the header alone
 * tells the background whether to seed at all (docs/decisions/0008).
 */
export const BUNDLE_FILE = 'summit-index.jsonl';
export const BUNDLE_FORMAT = 'summit-lens/index-lines';

export interface BundleCounts {
  documents: number;
  people: number;
  summits: number;
  offices: number;
  quotes: number;
}

export interface BundleHeader {
  format: typeof BUNDLE_FORMAT;
  version: number;
  /** SHA-256 of everything the bundle holds, computed by the build: equal hashes, equal index. */
  hash: string;
  counts: BundleCounts;
  distractors: string[];
}

export type BundleRecord = ['document', IndexDocument] | ['person', Person] | ['summit', Summit] | ['office', Office] | ['quote', Quote];
type Kind = BundleRecord[0];

const PLURAL: Record<Kind, keyof BundleCounts> = { document: 'documents', person: 'people', summit: 'summits', office: 'offices', quote: 'quotes' };

/** A broken bundle names its file and line, like a broken corpus file. */
export class BundleError extends LocatedError {
  override readonly name = 'BundleError';
}

/** The body lines in a fixed order, so the same index always gives the same text and hash. */
function bodyLines(index: SummitIndex): string[] {
  const lines: string[] = [];
  const add = (kind: Kind, items: readonly object[]) => {
    for (const item of items) lines.push(JSON.stringify([kind, item]));
  };
  add('person', index.people);
  add('summit', index.summits);
  add('office', index.offices);
  add('document', index.documents);
  add('quote', index.quotes);
  return lines;
}

/**
 * Serializes an index. `sha256` is passed in (node:crypto at build time) so this
 * module stays free of any platform's crypto; the hash covers the version, the
 * distractors and every record line.
 */
export function encodeBundle(index: SummitIndex, sha256: (text: string) => string): string {
  const body = bodyLines(index).join('\n');
  const counts: BundleCounts = {
    documents: index.documents.length,
    people: index.people.length,
    summits: index.summits.length,
    offices: index.offices.length,
    quotes: index.quotes.length,
  };
  const hash = sha256(`${JSON.stringify([index.version, index.distractors])}\n${body}`);
  const header: BundleHeader = { format: BUNDLE_FORMAT, version: index.version, hash, counts, distractors: index.distractors };
  return `${JSON.stringify(header)}\n${body}\n`;
}

const isString = (v: unknown) => typeof v === 'string';
const isArray = Array.isArray;
const isInt = (v: unknown) => Number.isInteger(v);
const isStringOrNull = (v: unknown) => v === null || typeof v === 'string';
const isBoolean = (v: unknown) => typeof v === 'boolean';

/** Fields every consumer relies on; a record without them is refused with its line. */
const REQUIRED: Record<Kind, Record<string, (v: unknown) => boolean>> = {
  document: { id: isString, file: isString, title: isString, text: isString, sections: isArray },
  person: { id: isString, name: isString, aliases: isArray, names: isArray, role: isString },
  summit: { id: isString, date: isString, participants: isArray, aliases: isArray, places: isArray, city: isString },
  office: { id: isString, country: isString, leader: isBoolean, shared: isBoolean, forms: isArray },
  quote: { id: isString, document: isString, text: isString, start: isInt, end: isInt, mentions: isArray, speaker: isStringOrNull, summit: isStringOrNull, date: isStringOrNull },
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseLine(file: string, line: number, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BundleError(file, line, `invalid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

export function parseHeader(file: string, text: string): BundleHeader {
  const value = parseLine(file, 1, text);
  const fail = (why: string): never => {
    throw new BundleError(file, 1, why);
  };
  if (!isObject(value) || value.format !== BUNDLE_FORMAT) fail(`not a Summit Lens index (the first line must be a header with format "${BUNDLE_FORMAT}")`);
  const header = value as Record<string, unknown>;
  if (header.version !== INDEX_VERSION) fail(`index version ${String(header.version)}, this build reads version ${INDEX_VERSION}`);
  if (typeof header.hash !== 'string' || header.hash === '') fail('header has no hash');
  const counts = header.counts;
  // Bundles written before offices existed: rebuilding is the fix, not reading them without offices.
  if (isObject(counts) && !('offices' in counts)) fail('header counts have no "offices": the bundle was built by an older version; rebuild it (npm run index)');
  if (!isObject(counts) || !Object.values(PLURAL).every((k) => isInt(counts[k]) && (counts[k] as number) >= 0)) fail('header counts must be five non-negative integers');
  if (!isArray(header.distractors) || !(header.distractors as unknown[]).every(isString)) fail('header distractors must be a list of strings');
  return value as unknown as BundleHeader;
}

/**
 * Reads a bundle fed as text chunks of any size (chunk borders may cut a line
 * anywhere). `push` yields each complete record as soon as its line is in, so
 * a caller can pause between records; `finish` checks that nothing is missing.
 */
export class BundleReader {
  header: BundleHeader | null = null;
  /** Lines consumed so far (the header is line 1). */
  line = 0;
  private partial = '';
  private readonly seen: BundleCounts = { documents: 0, people: 0, summits: 0, offices: 0, quotes: 0 };
  /** Line of each id, per kind, to name both lines of a duplicate. */
  private readonly ids: Record<Kind, Map<string, number>> = { document: new Map(), person: new Map(), summit: new Map(), office: new Map(), quote: new Map() };

  constructor(readonly file: string = BUNDLE_FILE) {}

  *push(chunk: string): Generator<BundleRecord> {
    let from = 0;
    for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', from)) {
      const text = this.partial + chunk.slice(from, end);
      this.partial = '';
      from = end + 1;
      const record = this.take(text);
      if (record) yield record;
    }
    this.partial += chunk.slice(from);
  }

  /** Ends the input: the writer ends every line with a newline, so text after the last one is a cut-off line. */
  finish(): BundleHeader {
    if (this.partial.trim() !== '') throw new BundleError(this.file, this.line + 1, 'the file ends in the middle of a line: it is cut short');
    const header = this.header;
    if (!header) throw new BundleError(this.file, 1, 'the file is empty');
    for (const key of Object.values(PLURAL)) {
      if (this.seen[key] !== header.counts[key]) {
        throw new BundleError(this.file, this.line, `the header promises ${header.counts[key]} ${key} but the file holds ${this.seen[key]}: the file is cut short or corrupt`);
      }
    }
    return header;
  }

  private take(text: string): BundleRecord | null {
    this.line++;
    if (this.header === null) {
      this.header = parseHeader(this.file, text);
      return null;
    }
    if (text.trim() === '') return null;
    const value = parseLine(this.file, this.line, text);
    if (!isArray(value) || value.length !== 2 || !(value[0] in REQUIRED) || !isObject(value[1])) {
      throw new BundleError(this.file, this.line, 'a record line must be ["document" | "person" | "summit" | "office" | "quote", {…}]');
    }
    const kind = value[0] as Kind;
    const record = value[1];
    for (const [field, valid] of Object.entries(REQUIRED[kind])) {
      if (!valid(record[field])) throw new BundleError(this.file, this.line, `${kind} ${JSON.stringify(record.id ?? '?').slice(0, 60)} has no valid "${field}"`);
    }
    const first = this.ids[kind].get(record.id as string);
    if (first !== undefined) throw new BundleError(this.file, this.line, `${kind} id ${JSON.stringify(record.id).slice(0, 60)} is already used on line ${first}`);
    this.ids[kind].set(record.id as string, this.line);
    this.seen[PLURAL[kind]]++;
    return value as BundleRecord;
  }
}

/** Reads a whole bundle at once (build scripts, tests, the benchmark): not for the background. */
export function decodeBundle(text: string, file: string = BUNDLE_FILE): SummitIndex {
  const reader = new BundleReader(file);
  const index: SummitIndex = { version: INDEX_VERSION, documents: [], people: [], summits: [], quotes: [], offices: [], distractors: [] };
  for (const [kind, record] of reader.push(text)) (index[PLURAL[kind]] as object[]).push(record);
  const header = reader.finish();
  return { ...index, version: header.version, distractors: header.distractors };
}
