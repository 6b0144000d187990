/**
 * Live blogs (tường thuật trực tiếp) arrive as entries separated by a line
 * holding only a dash or similar rule, each entry opening with its headline.
 */
const SEPARATOR = /^(?:[-–—_*•·=~]\s*){1,5}$/u;

export function isSeparator(line: string): boolean {
  return SEPARATOR.test(line);
}

export interface RawSection {
  /** Headline line of the entry, or null for text before the first separator. */
  title: string | null;
  lines: string[];
}

/** A document is a live blog when at least two separators each introduce a headline. */
export function isLiveBlog(lines: string[]): boolean {
  let entries = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!isSeparator(lines[i]!)) continue;
    const next = lines.slice(i + 1).find((l) => l !== '');
    if (next !== undefined && !isSeparator(next) && next.length <= 200) entries++;
  }
  return entries >= 2;
}

export function splitSections(lines: string[]): RawSection[] {
  const sections: RawSection[] = [{ title: null, lines: [] }];
  let expectTitle = false;
  for (const line of lines) {
    if (isSeparator(line)) {
      sections.push({ title: null, lines: [] });
      expectTitle = true;
      continue;
    }
    const current = sections[sections.length - 1]!;
    if (expectTitle && line !== '') {
      current.title = line;
      expectTitle = false;
      continue;
    }
    current.lines.push(line);
  }
  return sections.filter((s) => s.title !== null || s.lines.some((l) => l !== ''));
}
