/**
 * When the page was published and what language it is in, from what a news
 * page states about itself. Parsers are pure; `pageFacts` reads the handful
 * of elements that carry the facts (metas, JSON-LD, `<time>`) by selector and
 * takes visible lines from blocks the scan already read: no walk of the page.
 */

export interface FactSources {
  /** `article:published_time` and its kin, in order of trust. */
  metas: string[];
  /** Raw text of every JSON-LD script. */
  jsonLd: string[];
  /** `datetime` of `<time>` elements, article ones first. */
  times: string[];
  /** Short visible lines near the top of the page, in page order (datelines). */
  lines: string[];
  url: string;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  января: 1, февраля: 2, марта: 3, апреля: 4, мая: 5, июня: 6, июля: 7, августа: 8, сентября: 9, октября: 10, ноября: 11, декабря: 12,
};

function day(year: number, month: number, date: number): string | null {
  if (!(year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && date >= 1 && date <= 31)) return null;
  const d = new Date(Date.UTC(year, month - 1, date));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

/** `2018-07-16T23:30:00-04:00` → `2018-07-16`: the day as the publisher wrote it, not shifted to UTC. */
export function isoDayOf(value: string): string | null {
  const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])/.exec(value);
  return m ? day(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** The first `datePublished` anywhere in a JSON-LD text (an `@graph`, a list, a nested article). */
export function jsonLdPublished(text: string): string | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  const stack: unknown[] = [data];
  for (let steps = 0; stack.length > 0 && steps < 1000; steps++) {
    const node = stack.shift();
    if (Array.isArray(node)) stack.push(...node);
    else if (typeof node === 'object' && node !== null) {
      const published = (node as Record<string, unknown>).datePublished;
      if (typeof published === 'string') {
        const found = isoDayOf(published);
        if (found !== null) return found;
      }
      stack.push(...Object.values(node));
    }
  }
  return null;
}

/** Lines longer than this are prose, not a dateline: a date inside a sentence is what it tells of, not when it was written. */
export const DATELINE_MAX = 120;

const NUMERIC = /(?:^|[^\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?!\d)/;
const ISO_IN_TEXT = /(?:^|\D)(\d{4})-(\d{2})-(\d{2})(?!\d)/;
const MONTH_FIRST = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b/;
const DAY_FIRST = /(?:^|[^\d])(\d{1,2})\s+([A-Za-z]{3,9}|[а-яё]{3,8})\.?,?\s+(\d{4})/iu;

interface DateInLine {
  day: string;
  /** Where the date's text starts and ends in the line. */
  start: number;
  end: number;
}

/** Where a match's own text starts: the patterns above may take one character before it. */
function span(match: RegExpExecArray, first: string): { start: number; end: number } {
  const end = match.index + match[0].length;
  return { start: match.index + match[0].indexOf(first), end };
}

function dateIn(line: string): DateInLine | null {
  const iso = ISO_IN_TEXT.exec(line);
  if (iso) {
    const found = day(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return found === null ? null : { day: found, ...span(iso, iso[1]!) };
  }
  const numeric = NUMERIC.exec(line);
  if (numeric) {
    const [a, b, year] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
    const found = b > 12 ? day(year, a, b) : day(year, b, a);
    return found === null ? null : { day: found, ...span(numeric, numeric[1]!) };
  }
  const monthFirst = MONTH_FIRST.exec(line);
  if (monthFirst) {
    const month = MONTHS[monthFirst[1]!.toLowerCase()];
    const found = month === undefined ? null : day(Number(monthFirst[3]), month, Number(monthFirst[2]));
    if (found !== null) return { day: found, ...span(monthFirst, monthFirst[1]!) };
  }
  const dayFirst = DAY_FIRST.exec(line);
  if (dayFirst) {
    const month = MONTHS[dayFirst[2]!.toLowerCase()];
    const found = month === undefined ? null : day(Number(dayFirst[3]), month, Number(dayFirst[1]));
    if (found !== null) return { day: found, ...span(dayFirst, dayFirst[1]!) };
  }
  return null;
}

/*
 * What may stand around the date in a dateline. Before it: a weekday or a
 * label ("Published", "Cập nhật", "Опубликовано"), after short segments closed
 * by a separator (a byline, a section path: "By Jane Doe |", "Minh Anh ·",
 * "Thế giới › Quân sự ›", "Главная / В мире /"). After it: the year's word
 * ("г.", "года"), a time ("at 9:15 a.m.", "lúc 09:15", "в 09:15", "09.15"),
 * a time zone, and short segments opened by | · • ("5 min read", an outlet).
 * A date led by anything else ("On 16 July 2018 the two leaders met…",
 * "Ngày 16/7/2018, hai ông…") is something the text tells of.
 */
const TIME = /(?<![\p{L}\p{N}])(?:(?:at|lúc|в)\s+)?\d{1,2}[:h.]\d{2}(?::\d{2})?(?:\s*(?:[ap]\.?m\.?))?(?!\d|\.\d)/giu;
const ZONE = /\(?\b(?:GMT|UTC)\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?\)?|\b(?:ET|EST|EDT|CT|PT|PST|PDT|BST|CET|CEST|MSK|ICT)\b|\(?(?<!\p{L})(?:по\s+)?мск(?!\p{L})\)?/giu;
const LABELS = new Set(
  [
    'published', 'published on', 'updated', 'updated on', 'last updated', 'first published', 'posted', 'posted on', 'date',
    'cập nhật', 'cập nhật lúc', 'cập nhật ngày', 'đăng', 'đăng lúc', 'đăng ngày', 'ngày đăng', 'xuất bản', 'ngày xuất bản',
    'опубликовано', 'обновлено', 'изменено', 'дата публикации', 'дата',
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'tues', 'wed', 'thu', 'thurs', 'fri', 'sat', 'sun',
    'thứ hai', 'thứ ba', 'thứ tư', 'thứ năm', 'thứ sáu', 'thứ bảy', 'chủ nhật', 'thứ 2', 'thứ 3', 'thứ 4', 'thứ 5', 'thứ 6', 'thứ 7', 'cn',
    'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье',
  ].map((label) => label.normalize('NFC')),
);
/** Separators before the date: a byline's and an outlet's, and a breadcrumb's between sections. */
const LEAD_SEPARATORS = /[,|·•:–—›»>/\\‹«]/u;
/** Russian writes the year's word after it: "16 августа 2025 г.", "… 2025 года". */
const YEAR_WORD = /^\s*(?:г\.?|года)(?!\p{L})/u;
/** Words a byline or section segment may have: more is a sentence. */
const SEGMENT_WORDS = 5;

function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
}

function bare(text: string): string {
  return text.replace(TIME, ' ').replace(ZONE, ' ');
}

function leadsDate(before: string): boolean {
  const segments = bare(before).split(LEAD_SEPARATORS);
  const last = segments.pop()!;
  const label = words(last).join(' ').toLowerCase().normalize('NFC');
  if (label !== '' && !LABELS.has(label.replace(/\.$/, ''))) return false;
  return segments.every((segment) => words(segment).length <= SEGMENT_WORDS);
}

function endsDate(after: string): boolean {
  const [first, ...segments] = bare(after.replace(YEAR_WORD, '')).split(/[|·•]/u);
  if (/[\p{L}\p{N}]/u.test(first!)) return false;
  return segments.every((segment) => words(segment).length <= SEGMENT_WORDS);
}

/**
 * A dateline's day: `Thứ bảy, 16/8/2025, 14:05 (GMT+7)`, `16.08.2025`,
 * `Aug. 16, 2025`, `Published 16 July 2018`, `16 июля 2018, 12:30`,
 * `2018-07-16`. Numbers are read day first, as Vietnamese, Russian and
 * British pages write them, unless the second is over 12 (`8/16/2025`).
 * Null for a line that merely contains a date.
 */
export function datelineDay(line: string): string | null {
  if (line.length > DATELINE_MAX) return null;
  const found = dateIn(line);
  if (found === null) return null;
  return leadsDate(line.slice(0, found.start)) && endsDate(line.slice(found.end)) ? found.day : null;
}

/** `/2018/07/16/`, `-20250816093012.htm`, `/20180716/`: a date in the article's address. */
export function urlDay(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const slashed = /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?:\/|$)/.exec(path);
  if (slashed) return day(Number(slashed[1]), Number(slashed[2]), Number(slashed[3]));
  const packed = /[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:\d{4,6})?(?=\D|$)/.exec(path);
  return packed ? day(Number(packed[1]), Number(packed[2]), Number(packed[3])) : null;
}

export function publishedDay(sources: FactSources): string | null {
  for (const meta of sources.metas) {
    const found = isoDayOf(meta);
    if (found !== null) return found;
  }
  for (const text of sources.jsonLd) {
    const found = jsonLdPublished(text);
    if (found !== null) return found;
  }
  for (const time of sources.times) {
    const found = isoDayOf(time);
    if (found !== null) return found;
  }
  for (const line of sources.lines) {
    const found = datelineDay(line);
    if (found !== null) return found;
  }
  return urlDay(sources.url);
}

/** Letters only Vietnamese writes (with tone marks on top), and Cyrillic. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu;
const CYRILLIC = /[\u0400-\u04ff]/gu;
const LETTER = /\p{L}/gu;

/** `vi-VN` → `vi`; with no `lang` attribute, the script of the text decides (vi, ru, else en). */
export function pageLang(declared: string | null, sample: string): string {
  const primary = declared?.trim().split(/[-_]/)[0]?.toLowerCase();
  if (primary && /^[a-z]{2,3}$/.test(primary)) return primary;
  const text = sample.normalize('NFC');
  const letters = text.match(LETTER)?.length ?? 0;
  if (letters === 0) return 'en';
  if ((text.match(CYRILLIC)?.length ?? 0) / letters > 0.3) return 'ru';
  if ((text.match(VIETNAMESE)?.length ?? 0) / letters > 0.03) return 'vi';
  return 'en';
}

const META_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
];

/** The sources a document states about itself, read by selector; `lines` come from the caller's scan. */
export function factSources(doc: Document, lines: string[]): FactSources {
  const metas: string[] = [];
  for (const selector of META_SELECTORS) {
    const content = doc.querySelector(selector)?.getAttribute('content');
    if (content) metas.push(content);
  }
  const jsonLd = [...doc.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? '');
  const times = [doc.querySelector('article time[datetime]'), doc.querySelector('time[datetime]')].map((t) => t?.getAttribute('datetime') ?? '');
  return { metas, jsonLd, times, lines, url: doc.URL };
}
