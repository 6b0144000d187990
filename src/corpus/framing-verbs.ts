import type { QuoteSpan } from './quote-marks';
import type { VerbHit } from './speech-verbs';

/**
 * Verbs that put a label in someone's mouth rather than report a statement:
 * `gọi cuộc gặp là “…”`, `described the talks as “…”`, `назвал переговоры
 * «…»`. The quoted words are still that person's, so they attribute like
 * speech verbs; they are kept apart from the speech verbs because they never
 * introduce a whole quoted sentence.
 */
const FRAMING = [
  'gọi', 'mô tả', 'chúc', 'đáp lại rằng', 'đáp lại', 'ví', 'đề xuất', 'hối thúc',
  'called', 'calls', 'described', 'describes', 'dismissed', 'labeled', 'labelled', 'branded', 'termed', 'urged', 'pledged',
  'назвал', 'назвала', 'назвали', 'назвав', 'называет', 'охарактеризовал', 'охарактеризовала', 'выразился', 'выразилась',
].sort((a, b) => b.length - a.length);

/** `gọi điện` is a phone call, not a label. */
const FRAMING_RE = new RegExp(`(?<![\\p{L}\\d])(?:${FRAMING.join('|')})(?![\\p{L}\\d])(?! điện)`, 'giu');

export function findFramingVerbs(text: string, from: number, to: number, quotes: QuoteSpan[]): VerbHit[] {
  const hits: VerbHit[] = [];
  // Searched in the slice alone: a regex run on the whole text would scan to its end whenever the range holds no verb.
  const range = text.slice(from, Math.min(to + 1, text.length));
  FRAMING_RE.lastIndex = 0;
  for (let m = FRAMING_RE.exec(range); m && m.index + m[0].length <= to - from; m = FRAMING_RE.exec(range)) {
    const start = from + m.index;
    if (quotes.some((q) => start > q.open && start < q.close)) continue;
    hits.push({ start, end: start + m[0].length });
  }
  return hits;
}
