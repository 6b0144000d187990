/**
 * An error about one line of an input file. `file` and `line` are part of the
 * message because scripts and status lines show only the message, and a reader
 * must be able to open the file at the offending line from it.
 */
export class LocatedError extends Error {
  constructor(
    readonly file: string,
    /** 1-based line of the offending input. */
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
  }
}
