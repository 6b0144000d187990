import { isIsoDay } from './iso-day';
import { isByline } from './furniture';

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
