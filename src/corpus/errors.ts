import { LocatedError } from '../schema/located-error';

/** The one error a broken corpus input raises, naming its file and line. */
export class CorpusError extends LocatedError {
  override readonly name = 'CorpusError';
}

/** 1-based line number of a character offset in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
