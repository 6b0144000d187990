import { isRealDay, isoDay } from './iso-day';

/**
 * Vietnamese date expressions. Day and month without a year (`15/8`,
 * `ngày 16-6`) take the year the caller supplies — the year of the summit the
 * article is about, never a year seen elsewhere on the page. A bare `d/m`
 * needs a day word before it (`ngày`, `hôm`, `sáng`…) because `1/5 lãnh thổ`
 * is a fraction, not 1 May.
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
}

const B = '(?<![\\p{L}\\d])';
const E = '(?![\\p{L}\\d])';
const DAY_WORD = '(?:ngày|hôm|sáng|trưa|chiều|tối|đêm|rạng sáng|khuya|từ|đến|tới|trước|sau|thứ [2-7]|thứ (?:hai|ba|tư|năm|sáu|bảy)|chủ nhật)';

interface Rule {
  re: RegExp;
  build(m: RegExpExecArray, year: number | null): Omit<DateMention, 'start' | 'end'> | null;
}

const num = (s: string | undefined) => (s === undefined ? null : Number(s));

function day(d: number, m: number, y: number | null, given: boolean): Omit<DateMention, 'start' | 'end'> | null {
  if (!isRealDay(y ?? 2000, m, d)) return null;
  return { precision: 'day', year: y, month: m, day: d, yearInferred: !given && y !== null, iso: y === null ? null : isoDay(y, m, d) };
}

function month(m: number, y: number | null, given: boolean): Omit<DateMention, 'start' | 'end'> | null {
  if (m < 1 || m > 12) return null;
  return { precision: 'month', year: y, month: m, day: null, yearInferred: !given && y !== null, iso: y === null ? null : `${y}-${String(m).padStart(2, '0')}` };
}

const RULES: Rule[] = [
  { re: new RegExp(`${B}(\\d{4})-(\\d{2})-(\\d{2})${E}`, 'gu'), build: (m) => day(num(m[3])!, num(m[2])!, num(m[1]), true) },
  {
    re: new RegExp(`${B}ngày (\\d{1,2}) tháng (\\d{1,2})(?: năm (\\d{4}))?${E}`, 'giu'),
    build: (m, y) => day(num(m[1])!, num(m[2])!, num(m[3]) ?? y, m[3] !== undefined),
  },
  { re: new RegExp(`${B}(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})${E}`, 'gu'), build: (m) => day(num(m[1])!, num(m[2])!, num(m[3]), true) },
  {
    re: new RegExp(`${B}(?:${DAY_WORD} |\\()(\\d{1,2})[/-](\\d{1,2})(?![\\p{L}\\d/-])`, 'giu'),
    build: (m, y) => day(num(m[1])!, num(m[2])!, y, false),
  },
  { re: new RegExp(`${B}tháng (\\d{1,2})(?:/| năm )(\\d{4})${E}`, 'giu'), build: (m) => month(num(m[1])!, num(m[2]), true) },
  { re: new RegExp(`${B}tháng (\\d{1,2})(?![\\p{L}\\d/])`, 'giu'), build: (m, y) => month(num(m[1])!, y, false) },
  {
    re: new RegExp(`${B}năm (\\d{4})${E}`, 'giu'),
    build: (m) => ({ precision: 'year', year: num(m[1]), month: null, day: null, yearInferred: false, iso: m[1]! }),
  },
];

/** Every date expression in `text`, left to right, without overlaps (the earlier rule wins). */
export function findDates(text: string, defaultYear: number | null): DateMention[] {
  const found: DateMention[] = [];
  const taken: [number, number][] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      const built = rule.build(m, defaultYear);
      if (!built) continue;
      taken.push([start, end]);
      found.push({ start, end, ...built });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The single date an expression names, for callers holding one expression. */
export function resolveDate(expression: string, defaultYear: number | null): string | null {
  return findDates(expression, defaultYear)[0]?.iso ?? null;
}
