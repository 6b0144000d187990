import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, realIndex } from './corpus-fixture';

interface GoldQuote {
  file: string;
  text: string;
  speaker: string | null;
  summit: string | null;
  date: string | null;
  kind: string;
}

const gold = (JSON.parse(readFileSync(join(ROOT, 'tests/gold/quotes.json'), 'utf8')) as { quotes: GoldQuote[] }).quotes;
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Pairs each gold quote with the index quote of the same file and words (hard wraps ignored). */
function evaluate() {
  const index = realIndex();
  const fileOf = new Map(index.documents.map((d) => [d.id, d.file.split('/').pop()!]));
  const unused = [...index.quotes];
  const pairs = gold.map((g) => {
    const at = unused.findIndex((q) => fileOf.get(q.document) === g.file && squash(q.text) === squash(g.text));
    return { gold: g, found: at >= 0 ? unused.splice(at, 1)[0]! : null };
  });
  const matched = pairs.filter((p) => p.found !== null);
  const share = (ok: (p: (typeof matched)[number]) => boolean) => matched.filter(ok).length / matched.length;
  return {
    recall: matched.length / gold.length,
    precision: matched.length / index.quotes.length,
    speaker: share((p) => p.found!.speaker === p.gold.speaker),
    summit: share((p) => p.found!.summit === p.gold.summit),
    date: share((p) => p.found!.date === p.gold.date),
    kind: share((p) => p.found!.kind === p.gold.kind),
    missed: pairs.filter((p) => !p.found).map((p) => p.gold.text),
    spurious: unused.map((q) => q.text),
    wrong: matched.filter((p) => p.found!.speaker !== p.gold.speaker || p.found!.date !== p.gold.date || p.found!.summit !== p.gold.summit).map((p) => p.gold.text),
  };
}

describe('quotes against the hand-labelled gold', () => {
  const m = evaluate();

  it('reports the metrics', () => {
    console.log(
      `gold quotes=${gold.length} index quotes=${realIndex().quotes.length} recall=${m.recall} precision=${m.precision} ` +
        `speaker=${m.speaker} summit=${m.summit} date=${m.date} kind=${m.kind}`,
    );
    expect(m.missed).toEqual([]);
    expect(m.spurious).toEqual([]);
    expect(m.wrong).toEqual([]);
  });

  it('finds every quote and nothing else', () => {
    expect(m.recall).toBe(1);
    expect(m.precision).toBe(1);
  });

  it('attributes speaker, summit, date and kind as labelled', () => {
    expect(m.speaker).toBe(1);
    expect(m.summit).toBe(1);
    expect(m.date).toBe(1);
    expect(m.kind).toBe(1);
  });

  it('has the labelled number of quotes per document', () => {
    const perFile = (list: { file: string }[]) => list.reduce<Record<string, number>>((acc, q) => ({ ...acc, [q.file]: (acc[q.file] ?? 0) + 1 }), {});
    const index = realIndex();
    const fileOf = new Map(index.documents.map((d) => [d.id, d.file.split('/').pop()!]));
    expect(perFile(index.quotes.map((q) => ({ file: fileOf.get(q.document)! })))).toEqual(perFile(gold));
  });
});
