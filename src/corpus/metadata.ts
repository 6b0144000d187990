import { findDates, type DateMention } from './dates';
import { isByline } from './furniture';
import { isIsoDay } from './iso-day';

/**
 * Metadata that scrapers prepend to the text (`date 2025-08-16 Tổng thống…`)
 * is not article text; it is removed and its value kept.
 */
const DATE_PREFIX = /^(?:date|published|ngày đăng|ngày xuất bản)\s*:?\s*(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*/iu;

export function takePublished(lines: string[]): { published: string | null; lines: string[] } {
  const first = lines.findIndex((l) => l !== '');
  if (first < 0) return { published: null, lines };
  const m = DATE_PREFIX.exec(lines[first]!);
  if (!m || !isIsoDay(m[1])) return { published: null, lines };
  const rest = [...lines];
  rest[first] = lines[first]!.slice(m[0].length);
  return { published: m[1]!, lines: rest };
}

/** Lines before the article body where a page shows its date. */
const HEADER_LINES = 12;
const MAX_DATE_LINE = 100;
/**
 * What may stand on a date line besides the date: weekday, time, zone, `Updated`, `|`, a byline, and a print
 * edition's issue and page (`«Коммерсантъ» №121 от 12.07.2018, стр. 6`).
 */
const DATE_LINE_NOISE =
  /\b\d{1,2}[:.h]\d{2}(?:\s*(?:[ap]\.?m\.?))?|\(?GMT[+-]\d+\)?|\b(?:UTC|ET|EDT|EST|AKDT|MSK|GMT)\b|(?<![\p{L}])(?:thứ (?:hai|ba|tư|năm|sáu|bảy)|chủ nhật|cập nhật(?: liên tục)?|updated|published|last updated|обновлено|года|г\.)(?![\p{L}])|(?<![\p{L}])(?:№|No\.|số|стр\.|p\.|pp\.|page|trang)\s*\d+|(?<![\p{L}])(?:от|ngày|on)(?![\p{L}])|[|()\-–—,.:•]/giu;

/**
 * The publication day a page shows near its top: a date line under the
 * headline (`Thứ bảy, 16/8/2025, 07:30 (GMT+7)`, `Aug. 16, 2025`,
 * `15.08.2025 18:42`, `19 августа 2025, 10:15`), or a wire dateline that
 * carries a year. A date inside the prose is an event, not the publication,
 * so only short lines that are mostly a date count. A date line is page
 * furniture and leaves the text (`lines` without it); a dateline is part of
 * the lead and stays.
 */
export function pagePublished(lines: string[]): { published: string | null; lines: string[] } {
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    if (++seen > HEADER_LINES) break;
    const dates = findDates(line, null).filter((d) => d.precision === 'day' && !d.yearInferred && d.iso !== null);
    const first = dates[0];
    if (!first) continue;
    if (line.length <= MAX_DATE_LINE) {
      const rest = (line.slice(0, first.start) + ' ' + line.slice(first.end)).replace(DATE_LINE_NOISE, ' ').trim();
      if (rest.split(/\s+/u).filter((w) => w !== '').length <= 4) return { published: first.iso, lines: [...lines.slice(0, i), ...lines.slice(i + 1)] };
    }
    if (first.start <= 40 && DATELINE.test(line.slice(0, first.start))) return { published: first.iso, lines };
  }
  return { published: null, lines };
}

/**
 * The day of a wire dateline that opens a paragraph near the top
 * (`HELSINKI, July 16 (Reuters) -`, `Moskva, 21/8 (TTXVN) -`), from `dates`
 * found in `text` with their year already settled; null when there is none.
 */
export function datelineDay(text: string, dates: DateMention[]): string | null {
  for (const d of dates) {
    if (d.start > DATELINE_REACH) break;
    if (d.precision !== 'day' || d.iso === null) continue;
    const lineStart = text.lastIndexOf('\n', d.start - 1) + 1;
    if (DATELINE.test(text.slice(lineStart, d.start)) && /^\s*(?:\(|[.,]\s*\/|[-–—])/u.test(text.slice(d.end, d.end + 4))) return d.iso;
  }
  return null;
}

/** How far into the text a dateline may stand: after the headline and a standfirst, not in the body. */
const DATELINE_REACH = 600;

/** A wire dateline before the date: `Moskva, `, `ЖЕНЕВА. `, `GENEVA, `. */
const DATELINE = /^\p{Lu}[\p{L} .'-]{1,30}[,.]\s*$/u;

/** Site names of Vietnamese outlets by host; a page's own asset URLs reveal where it was scraped from. */
const OUTLET_BY_HOST: Record<string, string> = {
  'thoidai.com.vn': 'Thời Đại',
  'baotintuc.vn': 'Báo Tin Tức',
  'vnexpress.net': 'VnExpress',
  'dantri.com.vn': 'Dân trí',
  'tuoitre.vn': 'Tuổi Trẻ',
  'thanhnien.vn': 'Thanh Niên',
  'vietnamplus.vn': 'VietnamPlus',
  'baoquocte.vn': 'Báo Thế giới và Việt Nam',
  'nhandan.vn': 'Nhân Dân',
  'vov.vn': 'VOV',
  'vtv.vn': 'VTV',
  'znews.vn': 'Znews',
  'zingnews.vn': 'Znews',
  'laodong.vn': 'Lao Động',
  'tienphong.vn': 'Tiền Phong',
  'qdnd.vn': 'Quân đội nhân dân',
  'cand.com.vn': 'Công an nhân dân',
  'baochinhphu.vn': 'Báo Chính phủ',
  'vietnamnet.vn': 'VietNamNet',
  'plo.vn': 'Pháp Luật TP.HCM',
  'sggp.org.vn': 'Sài Gòn Giải Phóng',
  'nld.com.vn': 'Người Lao Động',
  'kinhtedothi.vn': 'Kinh tế & Đô thị',
  'baomoi.com': 'Báo Mới',
};

/**
 * The outlet as the page shows it: the part after the slash of a byline
 * (`Hà Linh/Báo Tin Tức`), else the known outlet whose host the page's URLs
 * use most. Null when the text does not say.
 */
export function detectOutlet(lines: string[], hosts: string[]): string | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (isByline(line) && line.includes('/')) return line.slice(line.indexOf('/') + 1).trim();
  }
  const counts = new Map<string, number>();
  for (const host of hosts) {
    const known = Object.keys(OUTLET_BY_HOST).find((h) => host === h || host.endsWith(`.${h}`));
    if (known) counts.set(known, (counts.get(known) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [host, n] of counts) if (best === null || n > counts.get(best)!) best = host;
  return best === null ? null : OUTLET_BY_HOST[best]!;
}
