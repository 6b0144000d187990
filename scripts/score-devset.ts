/**
 * `npm run devset [-- --holdout] [--verbose] [--json]`: builds the index of one
 * part of the development set through the same pipeline as `npm run index`
 * and prints how its quotes compare with the hand labels (tests/devset/README.md).
 * The holdout is for the final figure only: rules are never tuned on it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGazetteer } from '../src/corpus/gazetteer';
import { buildIndex } from '../src/corpus/pipeline';
import { DEVSET_DIR, readDevset } from '../tests/devset/read';
import { scoreDevset, scores, speakerRight, wrongDate, type Counts, type Pair } from '../tests/devset/score';

const args = new Set(process.argv.slice(2));
const part = args.has('--holdout') ? 'holdout' : 'dev';
const read = (file: string) => ({ file, bytes: new Uint8Array(readFileSync(file)) });

if (part === 'holdout' && !existsSync(join(DEVSET_DIR, 'holdout'))) {
  console.error('No held-out part: every scored part has joined dev. A new one goes in tests/devset/holdout/, written by someone who has not seen the rules.');
  process.exit(2);
}
const { inputs, gold } = readDevset(part);
const gazetteer = loadGazetteer(read('data/gazetteer/people.json'), read('data/gazetteer/summits.json'), read('data/gazetteer/offices.json'));
const report = scoreDevset(gold, buildIndex(inputs, gazetteer));

const TARGETS = 'targets: recall ≥ 0.95, precision ≥ 0.97, speaker ≥ 0.92, wrong known person ≤ 0.03, summit ≥ 0.92, wrong dates 0';
const pct = (x: number) => x.toFixed(2);

function row(label: string, c: Counts): string {
  const s = scores(c);
  return [
    label.padEnd(40),
    String(c.gold).padStart(5),
    String(c.found).padStart(6),
    pct(s.recall).padStart(7),
    pct(s.precision).padStart(6),
    pct(s.kind).padStart(5),
    pct(s.speaker).padStart(8),
    pct(s.wrongKnownPerson).padStart(6),
    pct(s.summit).padStart(7),
    pct(s.date).padStart(5),
    String(s.wrongDates).padStart(6),
    pct(s.speakerBasis).padStart(6),
    pct(s.dateBasis).padStart(6),
    pct(s.published).padStart(5),
  ].join(' ');
}

function describe(p: Pair): string {
  const f = p.found!;
  const who = (id: string | null, name: string | null, basis: string) => `${id ?? name ?? '∅'}/${basis}`;
  const out: string[] = [];
  if (f.kind !== p.gold.kind) out.push(`kind ${f.kind} ≠ ${p.gold.kind}`);
  if (p.gold.kind === 'speech' && !speakerRight(p)) out.push(`speaker ${who(f.speaker, f.speakerName, f.speakerBasis)} ≠ ${who(p.gold.speaker, p.gold.speakerName, p.gold.speakerBasis)}`);
  if (f.summit !== p.gold.summit) out.push(`summit ${f.summit ?? '∅'} ≠ ${p.gold.summit ?? '∅'}`);
  if (p.gold.kind === 'speech' && f.date !== p.gold.date) out.push(`${wrongDate(p) ? 'WRONG ' : ''}date ${f.date ?? '∅'}/${f.dateBasis} ≠ ${p.gold.date ?? '∅'}/${p.gold.dateBasis}`);
  return out.join('; ');
}

if (args.has('--json')) {
  console.log(JSON.stringify({ part, total: scores(report.total), byLang: Object.fromEntries(Object.entries(report.byLang).map(([k, c]) => [k, scores(c)])) }, null, 2));
} else {
  console.log(`development set, part "${part}": ${gold.length} articles, ${report.total.gold} labelled quotes`);
  console.log(`${'file'.padEnd(40)}  gold  found  recall  prec  kind  speaker  wrongP  summit  date  wrongD  spkB  dateB  publ`);
  for (const [file, c] of Object.entries(report.byFile)) console.log(row(file, c));
  console.log('');
  for (const [lang, c] of Object.entries(report.byLang)) console.log(row(`all ${lang}`, c));
  console.log(row('ALL', report.total));
  console.log(TARGETS);
  if (args.has('--verbose')) {
    for (const p of report.pairs) {
      if (!p.found) console.log(`MISSED   ${p.file}: “${p.gold.text.slice(0, 90)}”`);
      else if (describe(p)) console.log(`WRONG    ${p.file}: “${p.gold.text.slice(0, 60)}” — ${describe(p)}`);
    }
    for (const s of report.spurious) console.log(`SPURIOUS ${s.file}: “${s.quote.text.slice(0, 90)}” (${s.quote.kind}, ${s.quote.speaker ?? s.quote.speakerName ?? '∅'})`);
  }
}
