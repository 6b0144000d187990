/**
 * `npm run detset [-- --holdout] [--verbose]`: runs the content script's
 * detection on every page of one part of the detection set and prints how it
 * compares with the hand labels (tests/detset/README.md). The holdout is for
 * the final figure only: rules are never tuned on it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGazetteer } from '../../src/corpus/gazetteer';
import { buildLexicon, packLexicon, unpackLexicon } from '../../src/schema/lexicon';
import { detectPage, type Detected } from './detect';
import { readDetset } from './read';
import { figures, scoreDetset, type PageCounts } from './score';

const ROOT = join(import.meta.dirname, '..', '..');
const args = new Set(process.argv.slice(2));
const part = args.has('--holdout') ? 'holdout' : 'dev';
const read = (file: string) => ({ file, bytes: new Uint8Array(readFileSync(join(ROOT, file))) });

const gazetteer = loadGazetteer(read('data/gazetteer/people.json'), read('data/gazetteer/summits.json'), read('data/gazetteer/offices.json'));
// Packed and unpacked, as the content script receives it from the background.
const lexicon = unpackLexicon(packLexicon(buildLexicon(gazetteer)));
const known = { people: new Set(gazetteer.people.map((p) => p.id)), summits: new Set(gazetteer.summits.map((s) => s.id)) };

let pages;
try {
  pages = readDetset(part, known);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const found = new Map<string, Detected>();
for (const page of pages) found.set(page.gold.id, await detectPage(page.html, lexicon, page.gold.url));
const report = scoreDetset(pages.map((p) => p.gold), found);

const pct = (x: number) => x.toFixed(3);
function row(label: string, c: PageCounts): string {
  const f = figures(c);
  return [
    label.padEnd(34),
    `${c.rightPairs}/${c.foundPairs}/${c.goldPairs}`.padStart(10),
    pct(f.pairPrecision).padStart(6),
    pct(f.pairRecall).padStart(6),
    `${c.rightOccurrences}/${c.foundOccurrences}/${c.goldOccurrences}`.padStart(12),
    pct(f.occurrenceRecall).padStart(6),
    pct(f.occurrencePrecision).padStart(6),
    String(f.hitsOnEmpty).padStart(6),
    `${f.summitRight}/${f.summitPages}`.padStart(7),
    `${f.summitOnNull}/${f.nullPages}`.padStart(7),
  ].join(' ');
}

console.log(`detection set, part "${part}": ${pages.length} pages`);
console.log(`${'page'.padEnd(34)} ${'pairs r/f/g'.padStart(10)}  pPrec  pRec ${'occ r/f/g'.padStart(12)}  oRec  oPrec empty? summit  s@null`);
for (const p of report.pages) console.log(row(p.id, p.counts));
console.log('');
for (const [lang, c] of Object.entries(report.byLang).sort()) console.log(row(`all ${lang}`, c));
console.log(row('ALL', report.total));
console.log('targets: page precision ≥ 0.99, page recall ≥ 0.98, occurrence recall ≥ 0.97, no hits on pages about no one, summit right on all pages but one, none on pages about no summit');
if (args.has('--verbose')) {
  for (const p of report.pages) {
    const wrong = Object.entries(p.people)
      .filter(([, [g, f]]) => g !== f)
      .map(([id, [g, f]]) => `${id} ${f} found / ${g} gold`);
    if (p.summit.gold !== p.summit.found) wrong.push(`summit ${p.summit.found ?? '∅'} ≠ ${p.summit.gold ?? '∅'} (context: ${found.get(p.id)!.summits.map((s) => `${s.id} ${s.score}`).join(', ') || 'none'})`);
    if (wrong.length > 0) console.log(`${p.id}: ${wrong.join('; ')}`);
  }
}
