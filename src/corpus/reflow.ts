import { endsClause } from './punctuation';

/**
 * Joins hard-wrapped lines back into paragraphs. A blank line always ends a
 * paragraph. Inside a block of lines, a text is treated as hard-wrapped when
 * many breaks fall mid-sentence (the next line starts in lower case); then
 * every line of a block is joined. Otherwise each line is its own paragraph,
 * except that a line is still joined to one that visibly continues it.
 * Lines are joined with a space: a Vietnamese word broken across lines
 * (`nghiêm\ntrọng`) is two syllables, which are written space-separated.
 */
const CONTINUES = /^[\p{Ll}\d(“"‘'«„–-]/u;

/** A line ending in an article or a word that needs its noun (`a former` + `U.S. diplomat who…`) goes on, capital or not. */
const OPEN_END = /(?<![\p{L}])(?:a|an|the|former|của|các|những)$/iu;

export function reflow(lines: string[], hardWrapped: boolean, width: number | null = null): string[] {
  const paragraphs: string[] = [];
  let current: string | null = null;
  let previous = '';
  const flush = () => {
    if (current !== null && current !== '') paragraphs.push(current);
    current = null;
  };
  for (const line of lines) {
    if (line === '') {
      flush();
      continue;
    }
    if (current === null) current = line;
    else if (hardWrapped || (!endsClause(current) && (CONTINUES.test(line) || OPEN_END.test(current) || brokenForWidth(previous, line, width)))) current = join(current, line);
    else {
      flush();
      current = line;
    }
    previous = line;
  }
  flush();
  return paragraphs;
}

/**
 * `…meeting between President` + `Donald Trump and…`: a line broken only because the next word would not
 * fit the page's width, although that word is capitalised.
 */
function brokenForWidth(previous: string, line: string, width: number | null): boolean {
  if (width === null) return false;
  const word = /^\S+/u.exec(line)?.[0] ?? '';
  return previous.length + 1 + word.length > width;
}

/** The longest line allowed in a hard-wrapped text, when several lines end near it; null for a page of long paragraphs. */
const MAX_WRAP_WIDTH = 120;

export function wrapWidth(lines: string[]): number | null {
  const width = lines.reduce((w, l) => Math.max(w, l.length), 0);
  if (width === 0 || width > MAX_WRAP_WIDTH) return null;
  return lines.filter((l) => l.length >= width - 12).length >= 3 ? width : null;
}

function join(a: string, b: string): string {
  // `Elmendorf-` + `Richardson`: a hyphenated compound split at its hyphen.
  if (/\p{L}-$/u.test(a) && /^\p{L}/u.test(b)) return a + b;
  return `${a} ${b}`;
}

/**
 * Decides for a whole document: mid-sentence breaks (previous line unfinished,
 * next line starting in lower case) are rare in one-paragraph-per-line text
 * and the majority in wrapped text.
 */
export function looksHardWrapped(lines: string[]): boolean {
  let breaks = 0;
  let midSentence = 0;
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!;
    const line = lines[i]!;
    if (prev === '' || line === '') continue;
    breaks++;
    if (!endsClause(prev) && /^[\p{Ll}\d(]/u.test(line)) midSentence++;
  }
  return breaks >= 3 && midSentence / breaks >= 0.3;
}
