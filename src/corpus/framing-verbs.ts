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
  FRAMING_RE.lastIndex = from;
  for (let m = FRAMING_RE.exec(text); m && m.index + m[0].length <= to; m = FRAMING_RE.exec(text)) {
    const start = m.index;
    if (quotes.some((q) => start > q.open && start < q.close)) continue;
    hits.push({ start, end: start + m[0].length });
  }
  return hits;
}
