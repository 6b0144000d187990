/** Shared judgements about how a line or sentence ends; several cleaners need the same answer. */

const CLOSERS = `"'”’»)\\]`;
const TERMINAL = new RegExp(`[.!?…][${CLOSERS}]*$|[${CLOSERS}][.!?…]$`, 'u');
const CLAUSE_END = new RegExp(`[:;][${CLOSERS}]*$`, 'u');

/** Ends like a finished sentence (`.`, `!`, `?`, `…`, possibly with closing marks around it). */
export function endsSentence(line: string): boolean {
  return TERMINAL.test(line);
}

/** Ends a clause that the next line cannot continue mid-sentence. */
export function endsClause(line: string): boolean {
  return endsSentence(line) || CLAUSE_END.test(line);
}

export function wordCount(s: string): number {
  const m = s.match(/\S+/g);
  return m ? m.length : 0;
}

/**
 * Running prose, as opposed to a headline, link text or label: a sentence that
 * ends with sentence punctuation and is long enough to be more than a title.
 * Questions are common in headlines, so they must be longer to count.
 */
export function isProse(line: string): boolean {
  const words = wordCount(line);
  if (/\?[“”"'’»)]*$/u.test(line)) return words >= 20;
  return endsClause(line) && words >= 8;
}

/** Number of sentence boundaries strictly inside `s` (a caption is one sentence). */
export function innerSentenceBreaks(s: string): number {
  const m = s.match(/[.!?…][“”"'’»)]*\s+(?=[\p{Lu}“"‘(\d])/gu);
  return m ? m.length : 0;
}
