import type { QuoteSpan } from './quote-marks';

export interface Range {
  start: number;
  end: number;
}

/**
 * Sentences of one paragraph. A full stop inside a quotation does not end the
 * sentence that carries it (`“A. B”, ông nói.` is one sentence), and an
 * initial (`George W. Bush`) is not a sentence end.
 */
export function splitSentences(text: string, paragraph: Range, quotes: QuoteSpan[]): Range[] {
  const inside = (i: number) => quotes.some((q) => i > q.open && i < q.close);
  const out: Range[] = [];
  let start = paragraph.start;
  const re = /[.!?…]+[”’)"]*(\s+)(?=[\p{Lu}“‘"(\d])/gu;
  re.lastIndex = paragraph.start;
  for (let m = re.exec(text); m && m.index + m[0].length - m[1]!.length < paragraph.end; m = re.exec(text)) {
    if (inside(m.index)) continue;
    if (/(?:^|\s)\p{Lu}$/u.test(text.slice(Math.max(start, m.index - 2), m.index))) continue;
    const end = m.index + m[0].length - m[1]!.length;
    out.push({ start, end });
    start = m.index + m[0].length;
  }
  if (start < paragraph.end) out.push({ start, end: paragraph.end });
  return out;
}
