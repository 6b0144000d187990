import { CorpusError } from './errors';

/** One input file as the caller read it; the pipeline never touches a filesystem. */
export interface InputFile {
  file: string;
  bytes: Uint8Array;
}

const fatalDecoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes → string, refusing what would silently corrupt the index: an empty
 * file, a binary file (NUL bytes never occur in text) and invalid UTF-8.
 * A leading BOM is dropped; it is an encoding mark, not text.
 */
export function decodeInput({ file, bytes }: InputFile): string {
  if (bytes.length === 0) throw new CorpusError(file, 1, 'empty file');
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new CorpusError(file, lineOfByte(bytes, nul), 'binary file (NUL byte)');
  let text: string;
  try {
    text = fatalDecoder.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    throw new CorpusError(file, lineOfByte(bytes, bad), `not valid UTF-8 (byte offset ${bad})`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new CorpusError(file, 1, 'empty file (whitespace only)');
  return text;
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * Offset of the first byte that does not start or continue a well-formed
 * UTF-8 sequence (overlongs, surrogates and > U+10FFFF included), so the
 * error can name the line; TextDecoder itself does not say where it failed.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (c === undefined || c < min || c > max) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
