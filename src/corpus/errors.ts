/**
 * The one error a broken corpus input raises. `file` and `line` are part of the
 * message because the build script prints only the message, and a reader must
 * be able to open the file at the offending line from it.
 */
export class CorpusError extends Error {
  override readonly name = 'CorpusError';

  constructor(
    readonly file: string,
    /** 1-based line of the offending input. */
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
  }
}

/** 1-based line number of a character offset in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
