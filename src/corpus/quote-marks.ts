/**
 * Canonical quotation marks. The corpus mixes straight "…", curly “…”,
 * mismatched “…" and single '…' quotes; the stored text uses “…” and ‘…’
 * so that every consumer finds quotes the same way. Marks are paired by
 * position (an opener follows a space or starts the text, a closer precedes
 * one); a mark that cannot be paired is left as it was, and apostrophes inside
 * words (`Samaritan’s`) are never touched. Replacement is one character for
 * one character, so no offset moves.
 */
const DOUBLE = new Set(['"', '“', '”', '„', '‟', '«', '»']);
const SINGLE = new Set(["'", '‘', '’', '‚', '‹', '›']);
const OPEN_BEFORE = /[\s([{—–\-\/“‘]/u;
const CLOSE_AFTER = /[\s.,;:!?…)\]}—–\-\/”’]/u;

const ANY_MARK = /["“”„‟«»'‘’‚‹›]/u;

export function canonicalQuotes(paragraph: string): string {
  if (!ANY_MARK.test(paragraph)) return paragraph;
  const chars = [...paragraph];
  pair(chars, DOUBLE, '“', '”', false);
  pair(chars, SINGLE, '‘', '’', true);
  return chars.join('');
}

function pair(chars: string[], marks: Set<string>, open: string, close: string, strict: boolean): void {
  let openAt = -1;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (!marks.has(ch)) continue;
    const prev = chars[i - 1];
    const next = chars[i + 1];
    const canOpen = (prev === undefined || OPEN_BEFORE.test(prev)) && next !== undefined && !/\s/u.test(next);
    const canClose = prev !== undefined && !/\s/u.test(prev) && (next === undefined || CLOSE_AFTER.test(next));
    if (strict && !canOpen && !canClose) continue;
    if (openAt < 0) {
      if (canOpen) openAt = i;
      continue;
    }
    if (canClose) {
      chars[openAt] = open;
      chars[i] = close;
      openAt = -1;
    } else if (canOpen) openAt = i;
  }
}

export interface QuoteSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark. */
  close: number;
  /** Offsets of the quoted words, marks and surrounding spaces excluded. */
  start: number;
  end: number;
  /** Inside another quotation: part of that speech, not a quote of its own. */
  nested: boolean;
}

/** Quotation spans of canonicalised text, outermost and nested. */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const stack: { mark: string; at: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' && text[i + 1] === '\n') stack.length = 0;
    else if (ch === '“' || ch === '‘') stack.push({ mark: ch, at: i });
    else if ((ch === '”' || ch === '’') && stack.length > 0) {
      const want = ch === '”' ? '“' : '‘';
      const top = stack[stack.length - 1]!;
      if (top.mark !== want) continue;
      stack.pop();
      let start = top.at + 1;
      let end = i;
      while (start < end && /\s/u.test(text[start]!)) start++;
      while (end > start && /\s/u.test(text[end - 1]!)) end--;
      if (end > start) spans.push({ open: top.at, close: i, start, end, nested: stack.length > 0 });
    }
  }
  return spans.sort((a, b) => a.open - b.open);
}
