import { isIsoDay } from '../corpus/iso-day';
import type { SavedQuote } from '../protocol/views';
import { LocatedError } from '../schema/located-error';
import { USER_FILE_NAME } from './article';
import { correctionProblem, type QuoteCorrection } from './corrections';
import type { Ingested, ReadingDocument, ReadingQuote } from './ingest';
import { READING_PREFIX, readingDocumentId } from './stored';

/**
 * Everything the user made, as one file in the bundle's JSON Lines shape
 * (src/schema/index-bundle.ts): a header line, then one `[kind, record]` line
 * per record. Lines, not one document, so a large export is read one line at a
 * time and a broken line can be named.
 */
export const USER_FORMAT = 'summit-lens/user-lines';
export const USER_VERSION = 1;

export interface UserData {
  documents: ReadingDocument[];
  quotes: ReadingQuote[];
  corrections: QuoteCorrection[];
  saved: SavedQuote[];
  /** Stored as the settings module reads them; null when not exported. */
  settings: Record<string, unknown> | null;
}

export interface UserHeader {
  format: typeof USER_FORMAT;
  version: number;
  exportedAt: string;
  /** `corrections` came after version 1's first files: a header without it has none. */
  counts: { documents: number; quotes: number; corrections: number; saved: number; settings: number };
}

export class UserFileError extends LocatedError {
  override readonly name = 'UserFileError';
}

export function encodeUserData(data: UserData, now: Date): string {
  const header: UserHeader = {
    format: USER_FORMAT,
    version: USER_VERSION,
    exportedAt: now.toISOString(),
    counts: { documents: data.documents.length, quotes: data.quotes.length, corrections: data.corrections.length, saved: data.saved.length, settings: data.settings ? 1 : 0 },
  };
  const lines = [JSON.stringify(header)];
  for (const d of data.documents) lines.push(JSON.stringify(['document', d]));
  for (const q of data.quotes) lines.push(JSON.stringify(['quote', q]));
  for (const c of data.corrections) lines.push(JSON.stringify(['correction', c]));
  for (const s of data.saved) lines.push(JSON.stringify(['saved', s]));
  if (data.settings) lines.push(JSON.stringify(['settings', data.settings]));
  return `${lines.join('\n')}\n`;
}

type Fields = Record<string, unknown>;

const isRecord = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isNullableString = (v: unknown) => v === null || isString(v);
const isNullableDay = (v: unknown) => v === null || isIsoDay(v);
const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
const isStringArray = (v: unknown) => Array.isArray(v) && v.every(isString);

const KINDS = new Set(['speech', 'scare', 'slogan', 'title']);
const SPEAKER_BASES = new Set(['named', 'back-reference', 'role', 'none']);
const DATE_BASES = new Set(['stated', 'relative', 'summit', 'publication', 'unknown']);
const LANGS = new Set(['vi', 'en', 'ru']);

function isWebUrl(v: unknown): boolean {
  if (!isString(v)) return false;
  try {
    const url = new URL(v);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The first field that is wrong, as `field (why)`, or null. */
function firstProblem(record: Fields, checks: [string, (v: unknown) => boolean, string][]): string | null {
  for (const [field, check, why] of checks) if (!check(record[field])) return `"${field}" ${why}`;
  return null;
}

function documentProblem(d: Fields): string | null {
  const problem = firstProblem(d, [
    ['id', (v) => isString(v) && v.startsWith(READING_PREFIX) && v.length <= 200, `must be an id starting with "${READING_PREFIX}"`],
    ['url', isWebUrl, 'must be an http or https address'],
    ['title', isString, 'must be a string'],
    ['text', isString, 'must be a string'],
    ['file', isString, 'must be a string'],
    ['outlet', isNullableString, 'must be a string or null'],
    ['site', isNullableString, 'must be a string or null'],
    ['byline', isNullableString, 'must be a string or null'],
    ['published', isNullableDay, 'must be YYYY-MM-DD or null'],
    ['pagePublished', isNullableDay, 'must be YYYY-MM-DD or null'],
    ['summit', isNullableString, 'must be a string or null'],
    ['lang', (v) => v === null || LANGS.has(v as string), 'must be "vi", "en", "ru" or null'],
    ['titleInferred', (v) => typeof v === 'boolean', 'must be true or false'],
    ['truncated', (v) => typeof v === 'boolean', 'must be true or false'],
    ['addedAt', (v) => Number.isFinite(v), 'must be a number'],
    ['paragraphs', isStringArray, 'must be a list of strings'],
    ['sections', (v) => Array.isArray(v) && v.every((s) => isRecord(s) && isString(s.title) && isCount(s.start) && isCount(s.end)), 'must be a list of {title, start, end}'],
  ]);
  return problem;
}

function quoteProblem(q: Fields, documents: Map<string, Fields>): string | null {
  const problem = firstProblem(q, [
    ['id', (v) => isString(v) && v.length <= 200, 'must be an id string'],
    ['document', (v) => isString(v) && documents.has(v), 'must name a document of an earlier line'],
    ['text', isString, 'must be a string'],
    ['start', isCount, 'must be a whole number'],
    ['end', isCount, 'must be a whole number'],
    ['speaker', isNullableString, 'must be a string or null'],
    ['speakerName', isNullableString, 'must be a string or null'],
    ['speakerRole', isNullableString, 'must be a string or null'],
    ['summit', isNullableString, 'must be a string or null'],
    ['date', isNullableDay, 'must be YYYY-MM-DD or null'],
    ['mentions', isStringArray, 'must be a list of strings'],
    ['kind', (v) => KINDS.has(v as string), 'must be speech, scare, slogan or title'],
    ['speakerBasis', (v) => SPEAKER_BASES.has(v as string), 'must be named, back-reference, role or none'],
    ['dateBasis', (v) => DATE_BASES.has(v as string), 'must be stated, relative, summit, publication or unknown'],
    ['source', isRecord, 'must be an object'],
  ]);
  if (problem) return problem;
  const doc = documents.get(q.document as string)!;
  if ((doc.text as string).slice(q.start as number, q.end as number) !== q.text) return '"text" is not the words of its document at "start".."end"';
  if (!String(q.id).startsWith(`${q.document as string}:`)) return '"id" must start with its document\'s id';
  return null;
}

/** A quote's source rebuilt from its document, so no record can make a quote claim another page. */
function sourceOf(doc: Fields): ReadingQuote['source'] {
  return { document: doc.id as string, title: doc.title as string, outlet: doc.outlet as string | null, published: doc.published as string | null, origin: 'reading', url: doc.url as string };
}

/**
 * Checks the pipeline's result for one added article, which comes back from
 * the extraction document (decision 0077), by the rules of an imported file's
 * lines: what the background stores passes the checks an import would.
 */
export function validateIngested(value: unknown): Ingested | string {
  if (!isRecord(value) || !isRecord(value.document) || !Array.isArray(value.quotes)) return 'the answer is not {document, quotes}';
  const doc = value.document;
  const problem = documentProblem(doc);
  if (problem) return `document: ${problem}`;
  if (doc.id !== readingDocumentId(doc.url as string)) return 'document: "id" is not the id of its address';
  const documents = new Map([[doc.id as string, doc]]);
  const ids = new Set<string>();
  const quotes: ReadingQuote[] = [];
  for (const [i, q] of (value.quotes as unknown[]).entries()) {
    const why = isRecord(q) ? quoteProblem(q, documents) : 'must be an object';
    if (why) return `quote ${i + 1}: ${why}`;
    const quote = q as unknown as ReadingQuote;
    if (ids.has(quote.id)) return `quote ${i + 1}: "${quote.id}" appears twice`;
    ids.add(quote.id);
    quotes.push({ ...quote, source: sourceOf(doc) });
  }
  return { document: doc as unknown as ReadingDocument, quotes };
}

function correctionLineProblem(c: Fields, quotes: Map<string, string>): string | null {
  const problem = firstProblem(c, [
    ['quoteId', (v) => isString(v) && quotes.has(v), 'must name a quote of an earlier line'],
    ['document', (v) => isString(v) && quotes.get(c.quoteId as string) === v, "must be its quote's document"],
    ['correctedAt', (v) => Number.isFinite(v), 'must be a number'],
  ]);
  if (problem) return problem;
  const why = correctionProblem(c.speaker, c.date);
  if (why) return why;
  return c.speaker === null && c.date === null ? 'a correction must give a speaker or a date' : null;
}

function savedProblem(s: Fields): string | null {
  return firstProblem(s, [
    ['quoteId', (v) => isString(v) && v.length > 0 && v.length <= 200, 'must be a quote id'],
    ['savedAt', (v) => Number.isFinite(v), 'must be a number'],
    [
      'snapshot',
      (v) => v === null || (isRecord(v) && isString(v.text) && isNullableString(v.speaker) && isNullableDay(v.date) && isNullableString(v.source)),
      'must be null or {text, speaker, date, source}',
    ],
  ]);
}

/**
 * Checks every line before anything is kept: the first problem throws a
 * UserFileError naming the line, so a bad file changes nothing.
 */
export function decodeUserData(text: string, file = USER_FILE_NAME): UserData {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  const fail = (line: number, why: string): never => {
    throw new UserFileError(file, line, why);
  };
  if (lines.length === 0) fail(1, 'the file is empty');
  const parse = (i: number): unknown => {
    try {
      return JSON.parse(lines[i]!);
    } catch {
      return fail(i + 1, 'not valid JSON');
    }
  };

  const header = parse(0);
  if (!isRecord(header) || header.format !== USER_FORMAT) fail(1, `not a Summit Lens export (the first line must have "format": "${USER_FORMAT}")`);
  const h = header as Fields;
  if (h.version !== USER_VERSION) fail(1, `export version ${JSON.stringify(h.version)} is not one this version reads (${USER_VERSION})`);
  const counts = (isRecord(h.counts) ? h.counts : null) as Fields | null;
  if (counts === null || !['documents', 'quotes', 'saved', 'settings'].every((k) => isCount(counts[k]))) fail(1, '"counts" must give documents, quotes, saved and settings');
  if (counts!.corrections !== undefined && !isCount(counts!.corrections)) fail(1, '"counts.corrections" must be a whole number');

  const data: UserData = { documents: [], quotes: [], corrections: [], saved: [], settings: null };
  const documents = new Map<string, Fields>();
  /** Quote id → its document. */
  const quoteIds = new Map<string, string>();
  const correctionIds = new Set<string>();
  const savedIds = new Set<string>();
  for (let i = 1; i < lines.length; i++) {
    const line = i + 1;
    if (lines[i]!.trim() === '') fail(line, 'empty line inside the file');
    const entry = parse(i);
    if (!Array.isArray(entry) || entry.length !== 2 || !isString(entry[0]) || !isRecord(entry[1])) fail(line, 'each line after the first must be ["kind", {record}]');
    const [kind, record] = entry as [string, Fields];
    switch (kind) {
      case 'document': {
        const problem = documentProblem(record);
        if (problem) fail(line, `document: ${problem}`);
        if (documents.has(record.id as string)) fail(line, `document "${record.id as string}" appears twice`);
        documents.set(record.id as string, record);
        data.documents.push(record as unknown as ReadingDocument);
        break;
      }
      case 'quote': {
        const problem = quoteProblem(record, documents);
        if (problem) fail(line, `quote: ${problem}`);
        if (quoteIds.has(record.id as string)) fail(line, `quote "${record.id as string}" appears twice`);
        quoteIds.set(record.id as string, record.document as string);
        data.quotes.push({ ...(record as unknown as ReadingQuote), source: sourceOf(documents.get(record.document as string)!) });
        break;
      }
      case 'correction': {
        const problem = correctionLineProblem(record, quoteIds);
        if (problem) fail(line, `correction: ${problem}`);
        if (correctionIds.has(record.quoteId as string)) fail(line, `correction of "${record.quoteId as string}" appears twice`);
        correctionIds.add(record.quoteId as string);
        const { quoteId, document, speaker, date, correctedAt } = record as unknown as QuoteCorrection;
        data.corrections.push({ quoteId, document, speaker, date, correctedAt });
        break;
      }
      case 'saved': {
        const problem = savedProblem(record);
        if (problem) fail(line, `saved: ${problem}`);
        if (savedIds.has(record.quoteId as string)) fail(line, `saved quote "${record.quoteId as string}" appears twice`);
        savedIds.add(record.quoteId as string);
        data.saved.push(record as unknown as SavedQuote);
        break;
      }
      case 'settings':
        if (data.settings !== null) fail(line, 'settings appear twice');
        data.settings = record;
        break;
      default:
        fail(line, `unknown kind ${JSON.stringify(kind).slice(0, 40)} (expected document, quote, correction, saved or settings)`);
    }
  }
  const found = { documents: data.documents.length, quotes: data.quotes.length, corrections: data.corrections.length, saved: data.saved.length, settings: data.settings ? 1 : 0 };
  for (const key of Object.keys(found) as (keyof typeof found)[]) {
    if ((counts![key] ?? (key === 'corrections' ? 0 : undefined)) !== found[key]) fail(1, `the header counts ${String(counts![key])} ${key} but the file has ${found[key]} (cut short?)`);
  }
  return data;
}
