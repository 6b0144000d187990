/**
 * A regular expression that opens with negative lookbehinds (the word
 * boundaries `(?<![\p{L}])`, `(?<![\p{L}\d])` of the pipeline's phrase
 * lists) makes V8 evaluate them at every position of the text before it can
 * look at the phrase; with the `iu` flags that is up to ten times slower than
 * finding the phrase and then checking what stands before it.
 *
 * `leadingLookbehind(re)` returns a RegExp that matches exactly like `re`
 * (same matches, captures, `lastIndex`) but searches for the rest of the
 * pattern first and evaluates the leading lookbehinds only where it matched,
 * moving on by one character where they fail. Patterns it cannot take apart
 * safely (sticky, `v` flag with its nested classes, a group inside the
 * lookbehind) come back unchanged.
 */
export function leadingLookbehind(re: RegExp): RegExp {
  const fast = new LookbehindLast(re);
  return fast.parts ? fast : re;
}

/** `leadingLookbehind` for the `re` of every rule of a table. */
export function leadingLookbehindAll<T extends { re: RegExp }>(rules: T[]): T[] {
  return rules.map((rule) => ({ ...rule, re: leadingLookbehind(rule.re) }));
}

/**
 * Takes RegExp's constructor arguments, so that built-ins deriving a copy
 * (`matchAll`, `split`) get one of these; a sticky copy, which `split`
 * makes, matches the plain way.
 */
class LookbehindLast extends RegExp {
  /** The pattern without its leading lookbehinds (global, to resume after a failed check) and those lookbehinds alone (sticky, to test one position). */
  readonly parts: { body: RegExp; check: RegExp } | null;

  constructor(pattern: string | RegExp, flags?: string) {
    super(pattern, flags);
    const split = this.sticky || this.flags.includes('v') ? null : splitLeading(this.source);
    const others = this.flags.replace(/[gy]/g, '');
    this.parts = split && { body: new RegExp(split.rest, `${others}g`), check: new RegExp(split.lookbehinds, `${others}y`) };
  }

  override exec(text: string): RegExpExecArray | null {
    if (!this.parts) return super.exec(text);
    const { body, check } = this.parts;
    const keepsPlace = this.global;
    body.lastIndex = keepsPlace ? this.lastIndex : 0;
    for (;;) {
      const m = body.exec(text);
      if (m === null) {
        if (keepsPlace) this.lastIndex = 0;
        return null;
      }
      check.lastIndex = m.index;
      if (check.test(text)) {
        if (keepsPlace) this.lastIndex = body.lastIndex;
        return m;
      }
      body.lastIndex = m.index + (this.unicode && isPairAt(text, m.index) ? 2 : 1);
    }
  }
}

/** A surrogate pair starts at `i`: in unicode mode no match starts inside it. */
function isPairAt(text: string, i: number): boolean {
  const hi = text.charCodeAt(i);
  const lo = text.charCodeAt(i + 1);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

/**
 * `(?<!A)(?<!B)rest` → the lookbehinds and the rest, or null when the source
 * does not open with a negative lookbehind, one of them holds a group
 * (a capture would renumber the rest's) or the rest is an alternation.
 */
function splitLeading(source: string): { lookbehinds: string; rest: string } | null {
  let at = 0;
  while (source.startsWith('(?<!', at)) {
    const end = closingParen(source, at + 4);
    if (end < 0) return null;
    at = end + 1;
  }
  if (at === 0) return null;
  const rest = source.slice(at);
  // `(?<!A)x|y`: the lookbehind belongs to `x` alone, so it cannot be checked after a match of `y`.
  if (topLevelAlternation(rest)) return null;
  return { lookbehinds: source.slice(0, at), rest };
}

function topLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) return true;
  }
  return false;
}

/** Index of the `)` closing a lookbehind whose body starts at `from`; -1 if the body opens a group of its own. */
function closingParen(source: string, from: number): number {
  let inClass = false;
  for (let i = from; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') return -1;
    else if (ch === ')') return i;
  }
  return -1;
}
