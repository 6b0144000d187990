import { innerSentenceBreaks } from './punctuation';

/**
 * Photo and video captions. Vietnamese outlets end a caption with a credit:
 * `... Ảnh: AP`, `... Video: Zvezda`, `(Nguồn: RT).`, `(Ảnh: Reuters)`.
 * A line that is one sentence plus a credit is a caption and goes; in a
 * paragraph of several sentences the credit is a stray parenthetical and only
 * the credit goes.
 */
const CREDIT_WORD = '(?:Ảnh|Video|Clip|Nguồn|Đồ họa|Đồ hoạ|Photo|Infographic|Minh họa|Minh hoạ)';
const BARE_CREDIT = new RegExp(`(?:^|\\s)${CREDIT_WORD}\\s*:\\s*[^:()!?]{1,60}$`, 'u');
const PAREN_CREDIT = new RegExp(`\\s*\\((?:${CREDIT_WORD}\\s*:\\s*[^()]{1,60}|Ảnh minh họa|Ảnh minh hoạ)\\)`, 'gu');
const PAREN_CREDIT_END = new RegExp(`\\s*\\((?:${CREDIT_WORD}\\s*:\\s*[^()]{1,60}|Ảnh minh họa|Ảnh minh hoạ)\\)\\s*([.!?…]?)$`, 'u');
const MAX_CAPTION = 400;

export function stripCaption(line: string): string {
  const bare = BARE_CREDIT.exec(line);
  if (bare && !/[“”"]/u.test(line.slice(bare.index))) {
    const before = line.slice(0, bare.index).trim();
    if (before === '' || isCaption(before)) return '';
    return before;
  }
  // Both credit patterns open with `\s*` and try every position: skip them on the many lines without a parenthesis.
  if (!line.includes('(')) return line.trim();
  const paren = PAREN_CREDIT_END.exec(line);
  if (paren) {
    const before = line.slice(0, paren.index).trim();
    if (before === '' || (isCaption(before) && !/[“”"]/u.test(before))) return '';
  }
  return line.replace(PAREN_CREDIT, '').trim();
}

function isCaption(text: string): boolean {
  return text.length <= MAX_CAPTION && innerSentenceBreaks(text) === 0;
}
