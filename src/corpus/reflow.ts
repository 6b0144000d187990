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
const CONTINUES = /^[\p{Ll}\d(“"‘'–-]/u;

export function reflow(lines: string[], hardWrapped: boolean): string[] {
  const paragraphs: string[] = [];
  let current: string | null = null;
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
    else if (hardWrapped || (!endsClause(current) && CONTINUES.test(line))) current = join(current, line);
    else {
      flush();
      current = line;
    }
  }
  flush();
  return paragraphs;
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
