import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import type { IndexDocument, Person, Quote, Summit, SummitIndex } from '../../../src/schema/index-schema';
import { BUNDLE_FILE, encodeBundle } from '../../../src/schema/index-bundle';
import { bundleFromText, type IndexBundle } from '../../../src/store/bundle-source';
import { concat, encodeRecords } from '../../../src/store/packed';

/**
 * A small hand-made index that follows the schema, with quotes chosen to tell
 * ranking tiers apart: `hòa bình` as a phrase (new and old tone placement), both
 * words apart (with and without accents), one word only.
 */

const person = (id: string, name: string, names: Person['names'], role: string): Person => ({
  id,
  name,
  aliases: names.map((n) => n.form),
  names,
  role,
  roleEn: role,
  country: id === 'putin' || id === 'lavrov' ? 'RU' : 'US',
  terms: [],
});

export const people: Person[] = [
  person('putin', 'Vladimir Putin', [
    { form: 'Vladimir Putin', lang: 'vi', kind: 'full' },
    { form: 'Tổng thống Putin', lang: 'vi', kind: 'full' },
    { form: 'Putin', lang: 'vi', kind: 'short' },
    { form: 'Владимир Путин', lang: 'ru', kind: 'full' },
    { form: 'ông chủ Điện Kremlin', lang: 'vi', kind: 'epithet' },
  ], 'Tổng thống Nga'),
  person('trump', 'Donald Trump', [
    { form: 'Donald Trump', lang: 'vi', kind: 'full' },
    { form: 'Tổng thống Trump', lang: 'vi', kind: 'full' },
    { form: 'Trump', lang: 'vi', kind: 'short' },
    { form: 'Трамп', lang: 'ru', kind: 'short' },
  ], 'Tổng thống Mỹ'),
  person('biden', 'Joe Biden', [
    { form: 'Joe Biden', lang: 'vi', kind: 'full' },
    { form: 'Tổng thống Biden', lang: 'vi', kind: 'full' },
    { form: 'Biden', lang: 'vi', kind: 'short' },
  ], 'Cựu tổng thống Mỹ'),
  person('lavrov', 'Sergei Lavrov', [
    { form: 'Sergei Lavrov', lang: 'vi', kind: 'full' },
    { form: 'Сергей Лавров', lang: 'ru', kind: 'full' },
    { form: 'Lavrov', lang: 'vi', kind: 'short' },
  ], 'Ngoại trưởng Nga'),
];

const summit = (id: string, date: string, city: string, country: string, participants: string[], aliases: string[]): Summit => ({
  id,
  date,
  endDate: null,
  place: `${city}, ${country}`,
  city,
  venue: null,
  country,
  participants,
  title: { vi: `Thượng đỉnh ${city}`, en: `${city} summit` },
  aliases,
  places: [city],
  outcome: null,
});

export const summits: Summit[] = [
  summit('alaska-2025', '2025-08-15', 'Anchorage', 'US', ['putin', 'trump'], ['thượng đỉnh Alaska', 'Alaska summit']),
  summit('geneva-2021', '2021-06-16', 'Geneva', 'CH', ['putin', 'biden'], ['thượng đỉnh Geneva']),
  summit('helsinki-2018', '2018-07-16', 'Helsinki', 'FI', ['putin', 'trump'], ['thượng đỉnh Helsinki']),
];

interface QuoteSpec {
  id: string;
  doc: string;
  text: string;
  speaker: string | null;
  summit: string | null;
  date: string | null;
  mentions: string[];
}

export const quoteSpecs: QuoteSpec[] = [
  { id: 'q1', doc: 'd1', text: 'Chúng tôi muốn hòa bình lâu dài cho Ukraine', speaker: 'putin', summit: 'alaska-2025', date: '2025-08-15', mentions: [] },
  { id: 'q2', doc: 'd1', text: 'Ông Putin muốn đạt được hoà bình', speaker: 'trump', summit: 'alaska-2025', date: '2025-08-16', mentions: ['putin'] },
  { id: 'q3', doc: 'd2', text: 'Nhưng tôi tin rằng có một tia hy vọng trong mắt ông Biden', speaker: 'putin', summit: 'geneva-2021', date: '2021-06-16', mentions: ['biden'] },
  { id: 'q4', doc: 'd2', text: 'Tôi đã nói với Tổng thống Putin rằng chương trình nghị sự của tôi không chống lại Nga', speaker: 'biden', summit: 'geneva-2021', date: '2021-06-17', mentions: ['putin'] },
  { id: 'q5', doc: 'd1', text: 'Đàm phán về Ukraine sẽ diễn ra tại Anchorage', speaker: 'lavrov', summit: 'alaska-2025', date: '2025-08-14', mentions: [] },
  { id: 'q6', doc: 'd3', text: 'Hòa giải sẽ mang lại bình yên cho hai nước', speaker: 'trump', summit: 'helsinki-2018', date: '2018-07-16', mentions: [] },
  { id: 'q7', doc: 'd3', text: 'Cuộc gặp diễn ra hòa nhã', speaker: 'trump', summit: 'helsinki-2018', date: '2018-07-15', mentions: [] },
  { id: 'q8', doc: 'd1', text: 'Tổng thống Putin đặt hoa tại mộ binh sĩ Liên Xô', speaker: null, summit: 'alaska-2025', date: '2025-08-13', mentions: ['putin'] },
  { id: 'q9', doc: 'd3', text: 'Không có gì được thỏa thuận cho đến khi mọi thứ được thỏa thuận', speaker: 'trump', summit: null, date: null, mentions: [] },
];

const docMeta: Record<string, { title: string; summit: string | null; published: string }> = {
  d1: { title: 'Thượng đỉnh Nga - Mỹ tại Alaska', summit: 'alaska-2025', published: '2025-08-16' },
  d2: { title: 'Tổng thống Putin nói gì sau thượng đỉnh Geneva', summit: 'geneva-2021', published: '2021-06-17' },
  d3: { title: 'Thượng đỉnh Helsinki', summit: 'helsinki-2018', published: '2018-07-17' },
};

/** Builds documents around the quotes, so every offset is real: `doc.text.slice(start, end) === quote.text`. */
export function makeIndex(specs: QuoteSpec[] = quoteSpecs): SummitIndex {
  const texts: Record<string, string> = {};
  const quotes: Quote[] = [];
  for (const spec of specs) {
    let text = texts[spec.doc] ?? `${docMeta[spec.doc]!.title}\n`;
    text += 'Ông nói: "';
    const start = text.length;
    text += spec.text;
    const end = text.length;
    text += '".\n';
    texts[spec.doc] = text;
    quotes.push({ id: spec.id, document: spec.doc, text: spec.text, speaker: spec.speaker, summit: spec.summit, date: spec.date, start, end, mentions: spec.mentions, kind: 'speech', speakerName: null, speakerRole: null, speakerBasis: spec.speaker ? 'named' : 'none', dateBasis: spec.date ? 'stated' : 'unknown' });
  }
  const documents: IndexDocument[] = Object.entries(texts).map(([id, text]) => ({
    id,
    file: `${id}.txt`,
    title: docMeta[id]!.title,
    outlet: 'VnExpress',
    published: docMeta[id]!.published,
    summit: docMeta[id]!.summit,
    text,
    sections: [],
    titleInferred: false,
  }));
  return { version: 1, documents, people, summits, quotes, offices: [], distractors: ['Melania Trump'] };
}

/** The packaged form of `index` with a chosen hash, as the build writes it. */
export function bundleText(index: SummitIndex, hash: string): string {
  return encodeBundle(index, () => hash);
}

/** A bundle that counts how often its body is read, so tests can tell a re-seed from a skip. Small chunks cut lines anywhere. */
export function bundle(index: SummitIndex, hash: string, chunkChars = 1000): IndexBundle & { loads: number } {
  const source = bundleFromText(bundleText(index, hash), BUNDLE_FILE, chunkChars);
  const b = {
    ...source,
    loads: 0,
    text() {
      b.loads++;
      return source.text();
    },
  };
  return b;
}

let counter = 0;
/** A fresh database name per test, so tests share nothing. */
export const dbName = () => `summit-test-${++counter}-${Math.random().toString(36).slice(2)}`;

/** `bundle(index, hash)` with the records the build derives from it packaged beside it (`src/store/packed.ts`). */
export async function packedBundle(index: SummitIndex, hash: string, chunkChars = 1000): Promise<IndexBundle & { records: () => AsyncIterable<Uint8Array>; recordsBytes: Uint8Array }> {
  // A copy: deriving the records takes the index's objects over.
  const recordsBytes = await encodeRecords(structuredClone(index), hash, (bytes) => createHash('sha256').update(bytes).digest('hex'), (bytes) => deflateRawSync(bytes));
  const source = bundleFromText(bundleText(index, hash), BUNDLE_FILE, chunkChars, recordsBytes);
  return { ...source, records: source.records!, recordsBytes };
}

/** A records file taken apart: its header line, and each record's head line and value bytes. */
export interface RecordsFile {
  header: string;
  entries: { head: string; value: Uint8Array }[];
}

export function splitRecords(bytes: Uint8Array): RecordsFile {
  const decoder = new TextDecoder();
  let end = bytes.indexOf(10);
  const header = decoder.decode(bytes.subarray(0, end));
  const entries: RecordsFile['entries'] = [];
  for (let at = end + 1; at < bytes.length; at = end + 1 + Number(entries.at(-1)!.head.split('\t')[2])) {
    end = bytes.indexOf(10, at);
    const head = decoder.decode(bytes.subarray(at, end));
    entries.push({ head, value: bytes.slice(end + 1, end + 1 + Number(head.split('\t')[2])) });
  }
  return { header, entries };
}

export function joinRecords({ header, entries }: RecordsFile): Uint8Array {
  const encoder = new TextEncoder();
  return concat([encoder.encode(`${header}\n`), ...entries.flatMap(({ head, value }) => [encoder.encode(`${head}\n`), value])]);
}
