/**
 * Scores the quote pipeline against the hand-labelled development set
 * (tests/devset/README.md). Pure: takes the built index and the gold labels,
 * so the CLI (scripts/score-devset.ts) and the unit tests share one definition
 * of every figure.
 */
import type { DateBasis, IndexDocument, Quote, SpeakerBasis, SummitIndex } from '../../src/schema/index-schema';

export interface GoldQuote {
  text: string;
  kind: string;
  speaker: string | null;
  speakerName: string | null;
  speakerBasis: SpeakerBasis;
  date: string | null;
  dateBasis: DateBasis;
  summit: string | null;
  note?: string;
}

export interface GoldArticle {
  /** File name of the article, e.g. `vi-01-alaska.txt`. */
  file: string;
  lang: string;
  published: string | null;
  summit: string | null;
  quotes: GoldQuote[];
}

export interface Pair {
  file: string;
  gold: GoldQuote;
  found: Quote | null;
}

export interface Counts {
  articles: number;
  gold: number;
  found: number;
  matched: number;
  /** Matched gold speech quotes: the base of speaker and date figures. */
  speech: number;
  kindRight: number;
  speakerRight: number;
  wrongKnownPerson: number;
  summitRight: number;
  dateRight: number;
  wrongDates: number;
  speakerBasisRight: number;
  dateBasisRight: number;
  publishedRight: number;
}

export interface Scores {
  recall: number;
  precision: number;
  kind: number;
  speaker: number;
  wrongKnownPerson: number;
  summit: number;
  date: number;
  wrongDates: number;
  speakerBasis: number;
  dateBasis: number;
  published: number;
}

export interface Report {
  total: Counts;
  byLang: Record<string, Counts>;
  byFile: Record<string, Counts>;
  pairs: Pair[];
  /** Quotes the pipeline found that no gold entry accounts for. */
  spurious: { file: string; quote: Quote }[];
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Punctuation at the edges is a convention (US commas inside the marks), not a different quote. */
const core = (s: string) => squash(s).replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '').toLowerCase();
const sameName = (a: string | null, b: string | null) => (a === null || b === null ? a === b : core(a) === core(b));

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

/** Pairs gold entries with found quotes of the same file: exact words first, then words equal up to edge punctuation and case. */
export function pairQuotes(gold: GoldArticle[], index: SummitIndex): { pairs: Pair[]; spurious: { file: string; quote: Quote }[] } {
  const fileOf = new Map(index.documents.map((d) => [d.id, baseName(d.file)]));
  const unused = new Map<string, Quote[]>();
  for (const q of index.quotes) {
    const file = fileOf.get(q.document)!;
    unused.set(file, [...(unused.get(file) ?? []), q]);
  }
  const pairs: Pair[] = gold.flatMap((a) => a.quotes.map((g) => ({ file: a.file, gold: g, found: null as Quote | null })));
  for (const same of [(a: string, b: string) => squash(a) === squash(b), (a: string, b: string) => core(a) === core(b)]) {
    for (const p of pairs) {
      if (p.found) continue;
      const pool = unused.get(p.file) ?? [];
      const at = pool.findIndex((q) => same(q.text, p.gold.text));
      if (at >= 0) p.found = pool.splice(at, 1)[0]!;
    }
  }
  const spurious = [...unused].flatMap(([file, qs]) => qs.map((quote) => ({ file, quote })));
  return { pairs, spurious };
}

function emptyCounts(): Counts {
  return { articles: 0, gold: 0, found: 0, matched: 0, speech: 0, kindRight: 0, speakerRight: 0, wrongKnownPerson: 0, summitRight: 0, dateRight: 0, wrongDates: 0, speakerBasisRight: 0, dateBasisRight: 0, publishedRight: 0 };
}

export function speakerRight(p: Pair): boolean {
  const f = p.found;
  if (!f) return false;
  return f.speaker === p.gold.speaker && (p.gold.speaker !== null || sameName(f.speakerName, p.gold.speakerName));
}

export function wrongKnownPerson(p: Pair): boolean {
  return p.found !== null && p.found.speaker !== null && p.found.speaker !== p.gold.speaker;
}

export function wrongDate(p: Pair): boolean {
  return p.found !== null && p.found.date !== null && p.found.date !== p.gold.date;
}

export function scoreDevset(gold: GoldArticle[], index: SummitIndex): Report {
  const { pairs, spurious } = pairQuotes(gold, index);
  const docs = new Map<string, IndexDocument>(index.documents.map((d) => [baseName(d.file), d]));
  const total = emptyCounts();
  const byLang: Record<string, Counts> = {};
  const byFile: Record<string, Counts> = {};
  const foundPerFile = new Map<string, number>();
  for (const q of index.quotes) {
    const doc = index.documents.find((d) => d.id === q.document)!;
    foundPerFile.set(baseName(doc.file), (foundPerFile.get(baseName(doc.file)) ?? 0) + 1);
  }
  for (const a of gold) {
    const buckets = [total, (byLang[a.lang] ??= emptyCounts()), (byFile[a.file] = emptyCounts())];
    const published = docs.get(a.file)?.published ?? null;
    for (const c of buckets) {
      c.articles++;
      c.found += foundPerFile.get(a.file) ?? 0;
      if (published === a.published) c.publishedRight++;
    }
    for (const p of pairs.filter((x) => x.file === a.file)) {
      const f = p.found;
      const speech = p.gold.kind === 'speech';
      for (const c of buckets) {
        c.gold++;
        if (!f) continue;
        c.matched++;
        if (f.kind === p.gold.kind) c.kindRight++;
        if (f.summit === p.gold.summit) c.summitRight++;
        if (!speech) continue;
        c.speech++;
        if (speakerRight(p)) c.speakerRight++;
        if (wrongKnownPerson(p)) c.wrongKnownPerson++;
        if (f.date === p.gold.date) c.dateRight++;
        if (wrongDate(p)) c.wrongDates++;
        if (f.speakerBasis === p.gold.speakerBasis) c.speakerBasisRight++;
        if (f.dateBasis === p.gold.dateBasis) c.dateBasisRight++;
      }
    }
  }
  return { total, byLang, byFile, pairs, spurious };
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);

export function scores(c: Counts): Scores {
  return {
    recall: ratio(c.matched, c.gold),
    precision: ratio(c.matched, c.found),
    kind: ratio(c.kindRight, c.matched),
    speaker: ratio(c.speakerRight, c.speech),
    wrongKnownPerson: ratio(c.wrongKnownPerson, c.speech),
    summit: ratio(c.summitRight, c.matched),
    date: ratio(c.dateRight, c.speech),
    wrongDates: c.wrongDates,
    speakerBasis: ratio(c.speakerBasisRight, c.speech),
    dateBasis: ratio(c.dateBasisRight, c.speech),
    published: ratio(c.publishedRight, c.articles),
  };
}
