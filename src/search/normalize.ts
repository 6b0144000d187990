/**
 * Text folding for search. Two keys per word:
 * - `fold`: lowercase, every diacritic stripped, `đ` → `d`: what matching uses, so
 *   `hoa binh` finds `hòa bình` and `Путин` and `путин` are one term.
 * - `toned`: lowercase with Vietnamese tone marks moved to the end of the word, so the
 *   old (`hoà`) and new (`hòa`) tone placement compare equal while `hòa` and `hoa`
 *   do not; ranking uses it to prefer the accents the user actually typed.
 */

/** Vietnamese tone marks (grave, acute, tilde, hook above, dot below); the other marks change the vowel. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const ALL_MARKS = /\p{M}/gu;
/** A word: letters, digits and their combining marks. */
export const WORD = /[\p{L}\p{N}\p{M}]+/gu;

export function fold(word: string): string {
  return word.normalize('NFD').replace(ALL_MARKS, '').replace(/đ/gi, 'd').toLowerCase();
}

export function toned(word: string): string {
  const lower = word.normalize('NFD').toLowerCase();
  const tones = lower.match(TONE_MARKS);
  return tones ? lower.replace(TONE_MARKS, '') + tones.join('') : lower;
}

/** Whether the word carries any mark, i.e. the user chose accents and ranking may prefer them. */
export function hasMarks(word: string): boolean {
  return fold(word) !== word.normalize('NFD').toLowerCase();
}

export interface Token {
  /** Offsets into the original (NFC) string. */
  start: number;
  end: number;
  fold: string;
  toned: string;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    tokens.push({ start, end: start + match[0].length, fold: fold(match[0]), toned: toned(match[0]) });
  }
  return tokens;
}

export interface QueryWord {
  fold: string;
  toned: string;
  marked: boolean;
  /** Only the last word, while the user may still be typing it. */
  prefix: boolean;
}

/**
 * The last word counts as a prefix unless the query ends with a separator: a
 * trailing space means the user finished the word.
 */
export function parseQuery(text: string): QueryWord[] {
  const nfc = text.normalize('NFC');
  const words = tokenize(nfc).slice(0, 12);
  const open = words.length > 0 && words[words.length - 1]!.end === nfc.length;
  return words.map((token, i) => ({
    fold: token.fold,
    toned: token.toned,
    marked: hasMarks(nfc.slice(token.start, token.end)),
    prefix: open && i === words.length - 1,
  }));
}
