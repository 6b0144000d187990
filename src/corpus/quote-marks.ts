/**
 * Canonical quotation marks. Pages mix straight "…", curly “…”, mismatched
 * “…", Russian «…» with nested „…“, and single '…' quotes; the stored text
 * uses “…” and ‘…’ so that every consumer finds quotes the same way. Double
 * marks are paired with a stack, so a nested pair of other marks (`«… „…“
 * …»`) closes before the outer one and keeps its own marks, as the words
 * quoted (the same mark twice is a missing closer, not nesting): `«`, `„` only open, `»`, `”` only close, `“` closes a
 * `„` and otherwise opens, and a straight mark opens or closes by position
 * (an opener follows a space or starts the text, a closer precedes one). The
 * outermost opener left unclosed at the end of a paragraph becomes `“`: a
 * quotation cut off by the end of the text still shows where it starts. Other
 * unpaired marks stay as they were, and apostrophes inside words
 * (`Samaritan’s`) are never touched. Replacement is one character for one
 * character, so no offset moves.
 */
const DOUBLE = new Set(['"', '“', '”', '„', '‟', '«', '»']);
const SINGLE = new Set(["'", '‘', '’', '‚', '‹', '›']);
const OPEN_BEFORE = /[\s([{—–\-\/“‘]/u;
const CLOSE_AFTER = /[\s.,;:!?…)\]}—–\-\/”’]/u;

const ANY_MARK = /["“”„‟«»'‘’‚‹›]/u;

export function canonicalQuotes(paragraph: string): string {
  if (!ANY_MARK.test(paragraph)) return paragraph;
  const chars = [...paragraph];
  pairDouble(chars);
  pair(chars, SINGLE, '‘', '’', true);
  return chars.join('');
}

const ONLY_OPENS = new Set(['«', '„']);
const ONLY_CLOSES = new Set(['»', '”']);

function pairDouble(chars: string[]): void {
  const stack: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (!DOUBLE.has(ch)) continue;
    const prev = chars[i - 1];
    const next = chars[i + 1];
    const top = stack[stack.length - 1];
    let opens: boolean;
    let closes: boolean;
    if (ONLY_OPENS.has(ch)) [opens, closes] = [true, false];
    else if (ONLY_CLOSES.has(ch)) [opens, closes] = [false, true];
    else if (ch === '“' && top !== undefined && chars[top] === '„') [opens, closes] = [false, true];
    else {
      opens = (prev === undefined || OPEN_BEFORE.test(prev)) && next !== undefined && !/\s/u.test(next);
      closes = prev !== undefined && !/\s/u.test(prev) && (next === undefined || CLOSE_AFTER.test(next));
    }
    if (opens && top !== undefined && chars[top] === ch) {
      // The same mark again before a close is a missing closer, not a nested quote: start over from here.
      stack[stack.length - 1] = i;
    } else if (closes && top !== undefined) {
      stack.pop();
      // A nested pair keeps its own marks (`«… „…“ …»`): it is part of the outer quotation's words.
      if (stack.length === 0) {
        chars[top] = '“';
        chars[i] = '”';
      }
    } else if (opens) stack.push(i);
  }
  if (stack.length > 0) chars[stack[0]!] = '“';
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
  /** Offset of the closing mark; the last character of the text for a quotation cut off by its end. */
  close: number;
  /** Offsets of the quoted words, marks and surrounding spaces excluded. */
  start: number;
  end: number;
  /** Inside another quotation: part of that speech, not a quote of its own. */
  nested: boolean;
}

const WORD = /[\p{L}\p{N}]/u;

/** Quotation spans of canonicalised text, outermost and nested; marks around no word are not a quotation. */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const stack: { mark: string; at: number }[] = [];
  const add = (open: number, close: number, wordsEnd: number, nested: boolean) => {
    let start = open + 1;
    let end = wordsEnd;
    while (start < end && /\s/u.test(text[start]!)) start++;
    while (end > start && /\s/u.test(text[end - 1]!)) end--;
    if (end > start && WORD.test(text.slice(start, end))) spans.push({ open, close, start, end, nested });
  };
  const close = (i: number, want: string) => {
    const top = stack[stack.length - 1];
    if (top?.mark !== want) return;
    stack.pop();
    add(top.at, i, i, stack.length > 0);
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' && text[i + 1] === '\n') stack.length = 0;
    // Nested pairs keep their own marks: `„…“` and `«…»` inside a canonical `“…”`.
    else if (ch === '“' && stack[stack.length - 1]?.mark === '„') close(i, '„');
    else if (ch === '“' || ch === '‘' || ch === '„' || ch === '«') {
      // Canonical text nests only other marks; the same opener twice means the first was never closed.
      if (stack[stack.length - 1]?.mark === ch) stack.pop();
      stack.push({ mark: ch, at: i });
    }
    else if (ch === '”' || ch === '’' || ch === '»') close(i, ch === '”' ? '“' : ch === '’' ? '‘' : '«');
  }
  // A quotation the text ends inside (a page cut off mid-quote) runs to the end of the text.
  const cut = stack.find((s) => s.mark === '“');
  if (cut) add(cut.at, text.length - 1, text.length, false);
  return spans.sort((a, b) => a.open - b.open);
}
