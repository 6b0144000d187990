import { CorpusError, lineAt } from './errors';

/**
 * JSON.parse that also remembers where each value starts, so validation can
 * report the line of the offending gazetteer entry. Paths are JSON pointers
 * (`/people/3/names/0`).
 */
export interface LocatedJson {
  value: unknown;
  /** 1-based line of the value at `pointer`, or of the document start if unknown. */
  lineOf(pointer: string): number;
}

export function parseLocatedJson(file: string, text: string): LocatedJson {
  const starts = new Map<string, number>();
  let i = 0;

  const fail = (why: string): never => {
    throw new CorpusError(file, lineAt(text, i), `invalid JSON: ${why}`);
  };
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const expect = (ch: string) => {
    if (text[i] !== ch) fail(`expected '${ch}'`);
    i++;
  };

  const parseString = (): string => {
    const start = i;
    expect('"');
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail('control character in string');
      i++;
    }
    expect('"');
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      i = start;
      return fail('bad escape in string');
    }
  };

  const parseValue = (pointer: string): unknown => {
    ws();
    starts.set(pointer, i);
    const ch = text[i];
    if (ch === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        const key = parseString();
        ws();
        expect(':');
        obj[key] = parseValue(`${pointer}/${key}`);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        expect('}');
        return obj;
      }
    }
    if (ch === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(parseValue(`${pointer}/${arr.length}`));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        expect(']');
        return arr;
      }
    }
    if (ch === '"') return parseString();
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 40));
    if (!m) return fail('unexpected token');
    i += m[0].length;
    return JSON.parse(m[0]) as unknown;
  };

  const value = parseValue('');
  ws();
  if (i < text.length) fail('trailing characters');
  return {
    value,
    lineOf: (pointer) => lineAt(text, starts.get(pointer) ?? 0),
  };
}
