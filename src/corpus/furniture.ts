import { isProse, wordCount } from './punctuation';

/**
 * Page furniture of Vietnamese news sites: link lists under a heading
 * (`Tin bài liên quan`, `Đọc nhiều`, `Multimedia`; on English and Russian
 * pages `Related`, `Read next`, `More on the summit`, `Читайте также`), share bars, agency
 * footers, navigation rows, media teasers, and whatever follows the byline
 * that closes an article (usually the teaser of the next article).
 *
 * Works on lines; a dropped line becomes '' so it still separates paragraphs.
 */

const LIST_HEADING =
  /^(?:tin bài liên quan|tin liên quan|bài liên quan|bài viết liên quan|tin cùng chuyên mục|cùng chuyên mục|tin khác|các tin khác|tin mới|tin mới nhất|tin mới cập nhật|tin nổi bật|tin xem nhiều|đọc nhiều|đọc nhiều nhất|xem nhiều|xem nhiều nhất|đọc thêm|xem thêm|có thể bạn quan tâm|có thể bạn chưa đọc|bạn có thể quan tâm|bài đọc nhiều|multimedia|xem trên|video|video nổi bật|tin video|tin ảnh|podcast|emagazine|e-magazine|infographics?|tiêu điểm|từ khóa|từ khoá|tags?|chủ đề|related(?: stories| coverage| articles| content| news)?|read (?:more|next|also)|more (?:on|about) [\p{L} '-]{1,40}|more from [\p{L} '-]{1,40}|most read|recommended|see also|you may also like|читайте также|читайте еще|читайте ещё|по теме|еще по теме|ещё по теме|новости по теме|смотрите также|самое читаемое|популярное)\s*:?$/iu;

const MEDIA_TEASER = /^\[(?:video|infographics?|ảnh|photo|clip|emagazine|e-magazine|podcast|longform|megastory|audio|inforgraphic)\]/iu;

const SHARE_BAR = /^(?:chia sẻ|share|chia sẻ bài viết|gửi bài viết|gửi bài|in bài viết|in bài|bình luận|lưu bài viết|lưu tin|theo dõi)\b.{0,40}$/iu;

const AGENCY_FOOTER =
  /^(?:các đơn vị thông tin của|bản quyền thuộc|©|copyright|giấy phép (?:số|hoạt động)|tổng biên tập|phó tổng biên tập|ghi rõ nguồn|cơ quan chủ quản|địa chỉ tòa soạn|tòa soạn:|hotline|đường dây nóng|liên hệ quảng cáo)/iu;

/** `Hà Linh/Báo Tin Tức`, `Minh Châu / TTXVN`, `PV/VOV`. */
const BYLINE = /^(?:[\p{Lu}][\p{L}.]*)(?: [\p{Lu}][\p{L}.]*){0,4} ?\/ ?(?:[\p{Lu}][\p{L}.]*|báo|tạp chí|đài)(?: [\p{L}.]+){0,4}$/u;
/** `Theo Reuters`, `(Theo TTXVN)`: a source credit on its own line. */
const SOURCE_CREDIT = /^\(?(?:Theo|Nguồn:?)\s+[\p{Lu}][^.!?,;:]{1,40}\)?\.?$/u;

const NAV_LABELS = [
  'thông cáo báo chí', 'bất động sản', 'doanh nghiệp', 'sản phẩm', 'dịch vụ', 'rao vặt', 'quảng cáo', 'trang chủ',
  'thời sự', 'chính trị', 'thế giới', 'quốc tế', 'kinh tế', 'kinh doanh', 'xã hội', 'pháp luật', 'văn hóa', 'văn hoá',
  'giải trí', 'thể thao', 'giáo dục', 'sức khỏe', 'sức khoẻ', 'đời sống', 'công nghệ', 'khoa học', 'du lịch', 'quân sự',
  'bạn đọc', 'ý kiến', 'tòa soạn', 'liên hệ', 'đăng nhập', 'đăng ký', 'tiện ích', 'tin tức', 'multimedia', 'media',
  'video', 'podcast', 'infographic', 'emagazine', 'ảnh',
].sort((a, b) => b.length - a.length);

export function isByline(line: string): boolean {
  return line.length <= 80 && (BYLINE.test(line) || SOURCE_CREDIT.test(line));
}

/** A row of section links: made of known section labels and separators, nothing else. */
export function isNavRow(line: string): boolean {
  if (line.length > 160 || /[.!?…]$/u.test(line)) return false;
  let rest = line.toLowerCase();
  let labels = 0;
  for (const label of NAV_LABELS) {
    // Most lines hold none of the labels: a search allocates nothing, a split a copy of the line.
    if (!rest.includes(label)) continue;
    const parts = rest.split(label);
    labels += parts.length - 1;
    rest = parts.join(' ');
  }
  return labels >= 2 && wordCount(rest.replace(/[-|/·»>•,:]/g, ' ')) <= 1;
}

function isDroppableLine(line: string): boolean {
  return MEDIA_TEASER.test(line) || (line.length <= 60 && SHARE_BAR.test(line)) || AGENCY_FOOTER.test(line) || isNavRow(line);
}

export interface FurnitureOptions {
  /** Live blogs sign every entry, so a byline there does not end the article. */
  liveBlog: boolean;
}

export function dropFurniture(lines: string[], { liveBlog }: FurnitureOptions): string[] {
  const out: string[] = [];
  let inList = false;
  let seenProse = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') {
      out.push('');
      continue;
    }
    if (LIST_HEADING.test(line)) {
      inList = true;
      out.push('');
      continue;
    }
    if (inList) {
      // A link list holds headlines; the first real paragraph ends it.
      if (!isProse(line)) {
        out.push('');
        continue;
      }
      inList = false;
    }
    if (isByline(line)) {
      if (seenProse && !liveBlog) {
        // The byline closes the article: what follows is the next article's teaser and the site footer.
        for (let k = i; k < lines.length; k++) out.push('');
        break;
      }
      out.push('');
      continue;
    }
    if (isDroppableLine(line)) {
      out.push('');
      continue;
    }
    if (isProse(line)) seenProse = true;
    out.push(line);
  }
  return out;
}
