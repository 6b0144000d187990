import type { QuoteSpan } from './quote-marks';

/**
 * Verbs that introduce what someone said or wrote. Longer forms first so that
 * `nói thêm rằng` is one verb, not `nói` followed by noise.
 */
const VERBS = [
  'nói thêm rằng', 'nói thêm', 'nói rằng', 'nói với', 'nói về', 'nói', 'cho biết', 'cho rằng', 'tuyên bố rằng', 'tuyên bố',
  'phát biểu', 'khẳng định', 'nhấn mạnh', 'bày tỏ', 'nêu rõ', 'chia sẻ', 'nhận xét', 'nhận định', 'thêm rằng', 'viết',
  'tweet', 'đăng tải', 'trả lời', 'kêu gọi', 'cảnh báo', 'thừa nhận', 'tiết lộ', 'lưu ý', 'giải thích', 'nhắc lại',
  'ca ngợi', 'phủ nhận', 'bác bỏ', 'xác nhận', 'thông báo', 'đánh giá', 'mô tả', 'trấn an',
  'cam kết', 'nhận xét rằng', 'dọa', 'đe dọa', 'chỉ trích', 'khen ngợi', 'hứa',
].sort((a, b) => b.length - a.length);

const VERB_RE = new RegExp(`(?<![\\p{L}\\d])(?:${VERBS.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\d])`, 'giu');

export interface VerbHit {
  start: number;
  end: number;
}

/** Speech verbs in `[from, to)` of `text`, ignoring words inside quotations. */
export function findSpeechVerbs(text: string, from: number, to: number, quotes: QuoteSpan[]): VerbHit[] {
  const hits: VerbHit[] = [];
  VERB_RE.lastIndex = from;
  for (let m = VERB_RE.exec(text); m && m.index + m[0].length <= to; m = VERB_RE.exec(text)) {
    const start = m.index;
    if (quotes.some((q) => start > q.open && start < q.close)) continue;
    hits.push({ start, end: start + m[0].length });
  }
  return hits;
}
