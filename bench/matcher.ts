import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileMatcher, insideUrl, type Hit } from '../src/matcher/automaton';
import { fold, foldForm } from '../src/matcher/normalize';
import type { Lexicon, LexiconEntry } from '../src/schema/lexicon';
import { lexicon as fixture } from '../tests/unit/matcher/fixture';

/**
 * The compiled automaton against the obvious alternative, one RegExp
 * alternation of the same folded forms with the same word boundaries, on
 * ≥ 1 MB of corpus text plus English news prose. Both must report the same
 * hits; the figures go to docs/decisions/0005-matcher.md.
 */

const ENGLISH = `Russian President Vladimir Putin and US President Donald Trump met at Joint Base Elmendorf-Richardson in Anchorage, Alaska, on Friday for talks that lasted nearly three hours. Trump's envoy Steve Witkoff and Secretary of State Marco Rubio joined the meeting, while Putin was accompanied by foreign minister Sergei Lavrov and aide Yuri Ushakov.
"We had an extremely productive meeting," Trump told reporters after the Trump–Putin summit, adding that he would call Ukrainian President Volodymyr Zelenskyy and NATO leaders. Putin's remarks, delivered first, lasted about eight minutes.
Earlier, Melania Trump had written to Putin about children displaced by the war, and Donald Trump Jr. posted a video from the tarmac. The Kremlin said Putin's invitation to Moscow stood.
Four years earlier, Joe Biden and Putin held their Geneva summit at the Villa La Grange; Hunter Biden was not part of the delegation. In 1985 Ronald Reagan and Mikhail Gorbachev had met in the same city.
Weather: Anchorage will see showers through the weekend, with highs near 60F. Traffic on the Seward Highway was slow after a trumpet festival downtown, see https://example.com/putin-trump or www.trump.com for details.
`;

function corpusText(): string {
  const dir = 'data/corpus';
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

/**
 * The fixture has ~60 forms; the real gazetteer will have ~300. Capitalised
 * word pairs, then three-word phrases (epithet-like), from the same text
 * stand in for the rest, so the trie has a realistic size and shape and the
 * extra forms really occur.
 */
function benchLexicon(text: string): Lexicon {
  const extra: LexiconEntry[] = [];
  const seen = new Set(fixture.entries.map((e) => foldForm(e.form)));
  const sources = [/\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+/gu, /\p{L}+ \p{L}+ \p{L}+/gu];
  for (const source of sources) {
    for (const m of text.matchAll(source)) {
      if (fixture.entries.length + extra.length >= 300) break;
      const f = foldForm(m[0]);
      if (seen.has(f)) continue;
      seen.add(f);
      extra.push({ form: m[0], kind: 'person', id: `x${extra.length}`, strength: 'full' });
    }
  }
  return { ...fixture, entries: [...fixture.entries, ...extra] };
}

function median(run: () => void, times: number): number {
  const t: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    run();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)]!;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

export function benchMatcher(): Record<string, number | string> {
  const corpus = corpusText();
  const unit = `${corpus}\n${ENGLISH}`;
  const text = unit.repeat(Math.ceil(1_100_000 / unit.length));
  const lexicon = benchLexicon(unit);

  const coldStart = performance.now();
  let matcher = compileMatcher(lexicon);
  const buildCold = performance.now() - coldStart;
  const build = median(() => {
    matcher = compileMatcher(lexicon);
  }, 15);

  let hits: Hit[] = [];
  const scan = median(() => {
    hits = matcher.scan(text);
  }, 7);

  let folded = fold(text);
  const foldMs = median(() => {
    folded = fold(text);
  }, 7);

  const forms = [...new Set([...lexicon.entries.map((e) => e.form), ...lexicon.distractors].map(foldForm))].filter((f) => f !== '');
  forms.sort((a, b) => b.length - a.length);
  let re = /$^/u;
  const regexBuild = median(() => {
    const body = forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    re = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${body})(?![\\p{L}\\p{N}\\p{M}])`, 'giu');
  }, 15);
  let spans: number[][] = [];
  const regexScan = median(() => {
    spans = [];
    for (const m of folded.text.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
  }, 7);

  const units = new Uint16Array(folded.text.length);
  for (let i = 0; i < units.length; i++) units[i] = folded.text.charCodeAt(i);
  const expected = spans
    .filter(([s, e]) => !insideUrl(units, units.length, s!, e!))
    .map(([s, e]) => `${folded.map[s!]}:${folded.map[e!]}`);
  const actual = hits.map((h) => `${h.start}:${h.end}`);
  const same = expected.length === actual.length && expected.every((h, i) => h === actual[i]);

  return {
    textChars: text.length,
    forms: lexicon.entries.length + lexicon.distractors.length,
    states: matcher.states,
    classes: matcher.classes,
    buildColdMs: round(buildCold),
    buildMs: round(build),
    scanMs: round(scan),
    foldMs: round(foldMs),
    regexBuildMs: round(regexBuild),
    regexScanMs: round(regexScan),
    regexWithFoldMs: round(regexScan + foldMs),
    speedup: round((regexScan + foldMs) / scan),
    hits: hits.length,
    sameHits: same ? 'yes' : `no (${actual.length} vs ${expected.length})`,
  };
}
