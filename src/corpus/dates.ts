import { isRealDay, isoDay } from './iso-day';
import { leadingLookbehind, leadingLookbehindAll } from './lookbehind';

/**
 * Date expressions in Vietnamese, English and Russian. Day and month without
 * a year (`15/8`, `ngày 16-6`, `June 16`, `16 августа`) take the year of the
 * publication when the caller knows it (the year before, if that day would
 * fall after the publication), else the year the caller supplies — the year
 * of the summit the article is about, never a year seen elsewhere on the page.
 * A bare `d/m` needs a day word before it (`ngày`, `hôm`, `sáng`…) because
 * `1/5 lãnh thổ` is a fraction, not 1 May. Words counted from the publication
 * (`hôm qua`, `yesterday`, `в пятницу`) resolve only when the publication day
 * is known.
 */
export interface DateMention {
  start: number;
  end: number;
  precision: 'day' | 'month' | 'year';
  year: number | null;
  month: number | null;
  day: number | null;
  /** The year came from the caller, not the text. */
  yearInferred: boolean;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; null when the year is unknown. */
  iso: string | null;
  /**
   * `stated`: the text gives the day; `relative`: counted back from the
   * publication (`hôm qua`, `on Sunday`); `publication`: the publication day
   * itself (`hôm nay`, `today`).
   */
  basis: 'stated' | 'relative' | 'publication';
}

type Built = Omit<DateMention, 'start' | 'end' | 'basis'>;

const B = '(?<![\\p{L}\\d])';
const E = '(?![\\p{L}\\d])';
const DAY_WORD = '(?:ngày|hôm|sáng|trưa|chiều|tối|đêm|rạng sáng|khuya|từ|đến|tới|trước|sau|thứ [2-7]|thứ (?:hai|ba|tư|năm|sáu|bảy)|chủ nhật)';

/** The year of a day given without one. */
type YearOf = (month: number, day: number) => number | null;

interface Rule {
  re: RegExp;
  build(m: RegExpExecArray, year: YearOf): Built | null;
}

const num = (s: string | undefined) => (s === undefined ? null : Number(s));

function day(d: number, m: number, y: number | null, given: boolean): Built | null {
  if (!isRealDay(y ?? 2000, m, d)) return null;
  return { precision: 'day', year: y, month: m, day: d, yearInferred: !given && y !== null, iso: y === null ? null : isoDay(y, m, d) };
}

function month(m: number, y: number | null, given: boolean): Built | null {
  if (m < 1 || m > 12) return null;
  return { precision: 'month', year: y, month: m, day: null, yearInferred: !given && y !== null, iso: y === null ? null : `${y}-${String(m).padStart(2, '0')}` };
}

const yearless = (d: number, m: number, y: YearOf) => day(d, m, y(m, d), false);

/** Month names by their first letters, as English and Russian news abbreviate them. */
const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const EN_MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?';
/** Headers and transcript stamps set months in capitals (`JUNE 17, 2021`); mixed case (`jUNE`) stays no month. */
const EN_MONTH = `(${EN_MONTH_NAMES}|${EN_MONTH_NAMES.toUpperCase()})`;
const RU_MONTHS = ['янв', 'фев', 'мар', 'апр', 'ма', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];
const RU_MONTH = '(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|янв\\.?|фев\\.?|мар\\.?|апр\\.?|июн\\.?|июл\\.?|авг\\.?|сент?\\.?|окт\\.?|ноя\\.?|дек\\.?)';
const enMonth = (s: string) => EN_MONTHS.indexOf(s.slice(0, 3).toLowerCase()) + 1;
const ruMonth = (s: string) => RU_MONTHS.findIndex((p) => s.toLowerCase().startsWith(p)) + 1;

const RULES = leadingLookbehindAll<Rule>([
  { re: new RegExp(`${B}(\\d{4})-(\\d{2})-(\\d{2})${E}`, 'gu'), build: (m) => day(num(m[3])!, num(m[2])!, num(m[1]), true) },
  {
    re: new RegExp(`${B}ngày (\\d{1,2}) tháng (\\d{1,2})(?: năm (\\d{4}))?${E}`, 'giu'),
    build: (m, y) => (m[3] !== undefined ? day(num(m[1])!, num(m[2])!, num(m[3]), true) : yearless(num(m[1])!, num(m[2])!, y)),
  },
  {
    re: new RegExp(`${B}${EN_MONTH} (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?(?![\\p{L}\\d]|:)`, 'gu'),
    build: (m, y) => (m[3] !== undefined ? day(num(m[2])!, enMonth(m[1]!), num(m[3]), true) : yearless(num(m[2])!, enMonth(m[1]!), y)),
  },
  {
    re: new RegExp(`${B}(\\d{1,2}) ${EN_MONTH}(?: (\\d{4}))?${E}`, 'gu'),
    build: (m, y) => (m[3] !== undefined ? day(num(m[1])!, enMonth(m[2]!), num(m[3]), true) : yearless(num(m[1])!, enMonth(m[2]!), y)),
  },
  {
    re: new RegExp(`${B}(\\d{1,2}) ${RU_MONTH}(?: (\\d{4})(?: ?г(?:ода|\\.)?)?)?(?![\\p{L}\\d])`, 'giu'),
    build: (m, y) => (m[3] !== undefined ? day(num(m[1])!, ruMonth(m[2]!), num(m[3]), true) : yearless(num(m[1])!, ruMonth(m[2]!), y)),
  },
  { re: new RegExp(`${B}(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})${E}`, 'gu'), build: (m) => day(num(m[1])!, num(m[2])!, num(m[3]), true) },
  // A wire dateline's day: `Moskva, 21/8 (TTXVN) –`, `Washington, 17/8 (VNA)`.
  { re: new RegExp(`${B}(\\d{1,2})/(\\d{1,2})(?=\\s*\\(\\p{Lu}{2,}\\))`, 'gu'), build: (m, y) => yearless(num(m[1])!, num(m[2])!, y) },
  {
    re: new RegExp(`${B}(?:${DAY_WORD} |\\()(\\d{1,2})[/-](\\d{1,2})(?![\\p{L}\\d/-])`, 'giu'),
    build: (m, y) => yearless(num(m[1])!, num(m[2])!, y),
  },
  { re: new RegExp(`${B}tháng (\\d{1,2})(?:/| năm )(\\d{4})${E}`, 'giu'), build: (m) => month(num(m[1])!, num(m[2]), true) },
  { re: new RegExp(`${B}tháng (\\d{1,2})(?![\\p{L}\\d/])`, 'giu'), build: (m, y) => month(num(m[1])!, y(num(m[1])!, 1), false) },
  {
    re: new RegExp(`${B}năm (\\d{4})${E}`, 'giu'),
    build: (m) => ({ precision: 'year', year: num(m[1]), month: null, day: null, yearInferred: false, iso: m[1]! }),
  },
]);

/** Words for a day counted back from the publication, with how many days back; weekdays are resolved apart. */
const RELATIVE = leadingLookbehindAll<{ re: RegExp; back: number }>([
  { re: /(?<![\p{L}])(?:hôm nay|sáng nay|trưa nay|chiều nay|tối nay|đêm nay|today|this morning|this afternoon|tonight|сегодня)(?![\p{L}])/giu, back: 0 },
  { re: /(?<![\p{L}])(?:hôm qua|sáng qua|chiều qua|tối qua|đêm qua|yesterday|last night|вчера)(?![\p{L}])/giu, back: 1 },
  { re: /(?<![\p{L}])(?:hôm kia|позавчера)(?![\p{L}])/giu, back: 2 },
]);

/** Sunday = 0, as `Date.getUTCDay`. A weekday next to a date (`Thứ bảy, 16/8`) is part of that date, not a relative day. */
const VI_WEEKDAYS = ['chủ nhật', 'thứ hai', 'thứ ba', 'thứ tư', 'thứ năm', 'thứ sáu', 'thứ bảy'];
const EN_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const RU_WEEKDAYS = ['воскресенье', 'понедельник', 'вторник', 'среду', 'четверг', 'пятницу', 'субботу'];
/**
 * `Friday's summit` is what the words are about, but `Tuesday's briefing` is when they were said: a
 * weekday's own occasion for speaking dates it.
 */
const SAID_AT = `(?:daily\\s+|weekly\\s+|regular\\s+)?(?:briefing|news conference|press conference|interview|remarks|statement|hearing|speech|address)`;

const NOT_A_DATE_AFTER = `(?![\\p{L}\\d]|['’]s(?!\\s+${SAID_AT})|,? *\\d|,? ${EN_MONTH})`;
/** One pass for every weekday of the three languages; the group that matched names the language. */
const WEEKDAY = leadingLookbehind(new RegExp(
  `(?<![\\p{L}])(?:(?:hôm|vào|ngày) (${VI_WEEKDAYS.join('|')})|(?:on )?(${EN_WEEKDAYS.join('|')})|(?:в|во) (${RU_WEEKDAYS.join('|')}))${NOT_A_DATE_AFTER}`,
  'giu',
));

function weekdayOf(m: RegExpExecArray): number | null {
  if (m[1] !== undefined) return VI_WEEKDAYS.indexOf(m[1].toLowerCase());
  // English weekdays are names: `friday` in lower case is not one.
  if (m[2] !== undefined) return EN_WEEKDAYS.includes(m[2]) ? EN_WEEKDAYS.indexOf(m[2]) : null;
  return RU_WEEKDAYS.indexOf(m[3]!.toLowerCase());
}

/**
 * Every date expression in `text`, left to right, without overlaps (the
 * earlier rule wins). `published` (`YYYY-MM-DD`), when known, anchors
 * yearless days and the words counted from it.
 */
export function findDates(text: string, defaultYear: number | null, published: string | null = null): DateMention[] {
  const found: DateMention[] = [];
  // Characters already part of a date: overlap checks cost the match's length, not the number of dates so far.
  const taken = new Uint8Array(text.length);
  const free = (start: number, end: number) => taken.subarray(start, end).every((t) => t === 0);
  const take = (start: number, end: number) => taken.fill(1, start, end);
  const yearOf = yearSource(defaultYear, published);
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!free(start, end)) continue;
      const built = rule.build(m, yearOf);
      if (!built) continue;
      take(start, end);
      found.push({ start, end, ...built, basis: 'stated' });
    }
  }
  if (published !== null) {
    const pub = Date.parse(`${published}T00:00:00Z`);
    const add = (start: number, end: number, back: number, weekday: boolean) => {
      if (!free(start, end)) return;
      take(start, end);
      const iso = new Date(pub - back * 86_400_000).toISOString().slice(0, 10);
      const [y, mo, d] = iso.split('-').map(Number) as [number, number, number];
      found.push({ start, end, precision: 'day', year: y, month: mo, day: d, yearInferred: true, iso, basis: back === 0 && !weekday ? 'publication' : 'relative' });
    };
    for (const { re, back } of RELATIVE) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) add(m.index, m.index + m[0].length, back, false);
    }
    const pubDay = new Date(pub).getUTCDay();
    WEEKDAY.lastIndex = 0;
    for (let m = WEEKDAY.exec(text); m; m = WEEKDAY.exec(text)) {
      const day = weekdayOf(m);
      if (day !== null) add(m.index, m.index + m[0].length, (pubDay - day + 7) % 7, true);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * A yearless day takes the publication's year, or the year before when that
 * day would come more than two months after the publication: an article may
 * announce a meeting weeks ahead (`sẽ gặp hôm 15/8` on 13 August), but
 * `ngày 20/12` in a January article is last December.
 */
function yearSource(defaultYear: number | null, published: string | null): YearOf {
  if (published === null) return () => defaultYear;
  const y = Number(published.slice(0, 4));
  const pub = Date.parse(`${published}T00:00:00Z`);
  return (month, d) => (Date.UTC(y, month - 1, d) - pub > AHEAD_DAYS * 86_400_000 ? y - 1 : y);
}

const AHEAD_DAYS = 61;

/**
 * The same mentions with a year for those the text gave without one, as
 * `findDates(text, year)` would have found them: the document's year is known
 * only after the summit was detected from these very dates.
 */
export function assumeYear(dates: DateMention[], year: number): DateMention[] {
  return dates.map((d) => {
    if (d.year !== null || d.month === null) return d;
    if (d.precision === 'month') return { ...d, year, yearInferred: true, iso: `${year}-${String(d.month).padStart(2, '0')}` };
    return d.day !== null && isRealDay(year, d.month, d.day) ? { ...d, year, yearInferred: true, iso: isoDay(year, d.month, d.day) } : d;
  });
}

/** The single date an expression names, for callers holding one expression. */
export function resolveDate(expression: string, defaultYear: number | null, published: string | null = null): string | null {
  return findDates(expression, defaultYear, published)[0]?.iso ?? null;
}
