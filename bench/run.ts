/**
 * `npm run bench`: every figure in one run, each next to a baseline measured
 * in the same run on the same machine, so ratios stay comparable across
 * machines even where milliseconds do not.
 *
 *   npm run bench                  everything (a few minutes on 2 cores)
 *   npm run bench -- scan hover    only some pieces: index matcher store reading scan viewport hover card-context bundle
 *
 * Prints a table and its Markdown twin, writes bench/results/latest.{json,md}.
 * Exit 1 when a size budget fails, 2 when a piece could not run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { BROWSER_BINARIES } from '../tests/e2e/harness/browsers';
import { benchHover, CONTEXT_PAGE, type HoverBench } from './browser/hover';
import { benchPageScan, type ScanBench } from './browser/page-scan';
import type { TaskTally } from './browser/own-work';
import { benchViewportFirst, SETTLE_MS, type ViewportBench } from './browser/viewport-first';
import type { Spread } from './stats';
import { benchBundle, type BundleItem } from './bundle';
import { benchIndexBuild, type IndexBuildBench } from './index-build';
import { benchMatcher } from './matcher';
import { benchReading, type CorpusSize, type ReadingBench } from './browser/reading';
import { benchStore, type StoreBench } from './browser/store';

const ROOT = join(import.meta.dirname, '..');
const EXTENSION = join(ROOT, '.output/chrome-mv3');
const RESULTS = join(ROOT, 'bench/results');
const PIECES = ['index', 'matcher', 'store', 'reading', 'scan', 'viewport', 'hover', 'card-context', 'bundle'] as const;
/** Issue 14: the scan's CPU time at most this many times the text-walk floor. */
const SCAN_VS_FLOOR = 10;
/** One frame at 60 Hz: the first visible mark must come within it (issue 14). */
const FRAME_MS = 16;
type Piece = (typeof PIECES)[number];

/** The issue asks for ≥ 10,000 articles; the build holds the whole synthetic corpus in memory (~50 MB). */
const INDEX_ARTICLES = 10_000;
const INDEX_SOFT_LIMIT_S = 40;
/** Issue 11: the 10,000-article build stays at or above this throughput. */
const INDEX_MB_PER_S = 2;
/** Issue 11: one 20 kB article through the whole pipeline, as it will run in the browser. */
const SINGLE_ARTICLE_MS = 20;
const LONG_TASK_MS = 50;
/** RAIL's "response" bound for a reaction to input; here counted beyond the deliberate dwell. */
const HOVER_GOAL_MS = 100;
/** Search on the large index must beat a plain scan "by a wide margin" (issue 4): at least twice as fast. */
const SEARCH_VS_SCAN = 0.5;
/** Seeding the 1,000× index, in each browser (issue 14). */
const SEED_GOAL_MS = 3000;
/** Search as fast as typing needs, through the message round trip (issue 14). */
const SEARCH_P95_GOAL_MS = 20;
/** Adding a 20 kB article end to end, median (issue 13). */
const ADD_ARTICLE_MS = 150;

type Verdict = 'PASS' | 'FAIL' | 'met' | 'missed' | 'info' | 'error';

interface Row {
  section: string;
  figure: string;
  median: string;
  p95: string;
  baseline: string;
  ratio: string;
  goal: string;
  verdict: Verdict;
}

const log = (s: string) => console.log(s);
const ms = (x: number) => (Number.isFinite(x) ? `${x >= 100 ? Math.round(x).toLocaleString('en-US') : x >= 10 ? x.toFixed(1) : x.toFixed(2)} ms` : '—');
const ratio = (a: number, b: number) => (Number.isFinite(a / b) && b > 0 ? `${a / b >= 10 ? (a / b).toFixed(0) : (a / b).toFixed(2)}×` : '—');
const kB = (b: number) => `${(b / 1000).toFixed(1)} kB`;
const met = (ok: boolean): Verdict => (ok ? 'met' : 'missed');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Rebuilds when the built manifest is missing or older than anything the build reads. */
function ensureBuilt(): void {
  const manifest = join(EXTENSION, 'manifest.json');
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const inputs = ['src', 'entrypoints', 'public', 'data', 'scripts', 'wxt.config.ts', 'package.json'].map((p) => newestMtime(join(ROOT, p)));
  if (built > 0 && built >= Math.max(...inputs)) {
    log('build: .output/chrome-mv3 is up to date');
    return;
  }
  log('build: npm run build (index + Chrome and Firefox bundles)');
  const run = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    throw new Error('npm run build failed');
  }
}

function chromiumVersion(): string {
  try {
    return /Chromium [\d.]+/.exec(execFileSync(BROWSER_BINARIES.chromium, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))?.[0] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function indexRows(r: IndexBuildBench): Row[] {
  return [
    {
      section: 'Index build',
      figure: `Build index, ${r.articles.toLocaleString('en-US')} articles (${r.megabytes.toFixed(1)} MB), single run`,
      median: `${r.seconds.toFixed(1)} s (${r.mbPerSecond.toFixed(2)} MB/s)`,
      p95: '—',
      baseline: `${r.baselineSeconds.toFixed(2)} s decode+NFC+split lines`,
      ratio: `${r.ratio.toFixed(0)}×`,
      goal: `≥ ${INDEX_MB_PER_S} MB/s at ≥ 10,000 articles`,
      verdict: met(r.mbPerSecond >= INDEX_MB_PER_S),
    },
    {
      section: 'Index build',
      figure: `One ${r.single.kilobytes.toFixed(0)} kB article through the whole pipeline, ${r.single.runs} runs`,
      median: ms(r.single.medianMs),
      p95: ms(r.single.p95Ms),
      baseline: `${ms(r.single.baselineMedianMs)} decode+NFC+split lines`,
      ratio: ratio(r.single.medianMs, r.single.baselineMedianMs),
      goal: `≤ ${SINGLE_ARTICLE_MS} ms median`,
      verdict: met(r.single.medianMs <= SINGLE_ARTICLE_MS),
    },
  ];
}

function matcherRows(r: Record<string, number | string>): Row[] {
  const n = (k: string) => Number(r[k]);
  return [
    {
      section: 'Matcher',
      figure: `Scan ${(n('textChars') / 1e6).toFixed(2)} M chars, ${n('forms')} forms (incl. folding); hits identical: ${r.sameHits}`,
      median: ms(n('scanMs')),
      p95: '—',
      baseline: `${ms(n('regexWithFoldMs'))} RegExp alternation + fold`,
      ratio: ratio(n('scanMs'), n('regexWithFoldMs')),
      goal: '< 1× RegExp',
      verdict: met(n('scanMs') < n('regexWithFoldMs') && r.sameHits === 'yes'),
    },
    {
      section: 'Matcher',
      figure: `Compile automaton (${n('states')} states)`,
      median: ms(n('buildMs')),
      p95: '—',
      baseline: `${ms(n('regexBuildMs'))} new RegExp`,
      ratio: ratio(n('buildMs'), n('regexBuildMs')),
      goal: '—',
      verdict: 'info',
    },
  ];
}

function storeRows(r: StoreBench): Row[] {
  const rows: Row[] = [];
  for (const name of ['chromium', 'firefox'] as const) {
    const section = `Store (${name === 'chromium' ? 'Chromium' : 'Firefox ESR'}, real IndexedDB, through the extension's background)`;
    for (const x of r[name]) {
      const scale = `×${x.factor.toLocaleString('en-US')} (${x.quotes.toLocaleString('en-US')} quotes, ${x.bundleMB.toFixed(1)} MB)`;
      const s = x.seed;
      const runs = x.seedRuns;
      const spread = (xs: number[]) => (xs.length > 1 ? `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}` : ms(xs[0]!));
      const over = runs.ms.length > 1 ? `, median of ${runs.ms.length} seeds (spread ${spread(runs.ms)}; lines ${spread(runs.readMs)}, write ${spread(runs.writeMs)}); p95 column: the slowest` : '';
      rows.push(
        {
          section,
          figure: `Seed ${scale} from the packaged records (${x.recordsMB.toFixed(1)} MB): lines ${ms(s.readMs)}, write ${ms(s.writeMs)} (${s.records.toLocaleString('en-US')} records)${over}`,
          median: ms(s.ms),
          p95: runs.ms.length > 1 ? ms(Math.max(...runs.ms)) : '—',
          baseline: `${ms(x.derived.seed.ms)} deriving them on the machine (read ${ms(x.derived.seed.readMs)}, derive ${ms(x.derived.seed.deriveMs)}, write ${ms(x.derived.seed.writeMs)})`,
          ratio: ratio(s.ms, x.derived.seed.ms),
          goal: x.factor > 1 ? `≤ ${SEED_GOAL_MS} ms` : '—',
          verdict: x.factor > 1 ? met(Math.max(...runs.ms) <= SEED_GOAL_MS) : 'info',
        },
        {
          section,
          figure: `Seed ${scale}: from the first status request to ready, seen from a page${runs.wallMs.length > 1 ? ` (spread ${spread(runs.wallMs)}; p95 column: the slowest)` : ''}`,
          median: ms(x.seedWallMs),
          p95: runs.wallMs.length > 1 ? ms(Math.max(...runs.wallMs)) : '—',
          baseline: `${ms(x.floorWriteMs)} one unsliced transaction putting the bundle's records as they are`,
          ratio: ratio(x.seedWallMs, x.floorWriteMs),
          goal: x.factor > 1 ? `≤ ${SEED_GOAL_MS} ms` : '—',
          verdict: x.factor > 1 ? met(Math.max(...runs.wallMs) <= SEED_GOAL_MS) : 'info',
        },
        {
          section,
          figure: `Seed ${scale}: longest slice of seeding work (${s.slices} slices, progress seen ${x.progressSeen}×)`,
          median: ms(s.longestSliceMs),
          p95: '—',
          baseline: x.heartbeatMaxGapMs === null ? '—' : `${ms(x.heartbeatMaxGapMs)} longest gap of a 5 ms timer in the worker`,
          ratio: '—',
          goal: `≤ ${LONG_TASK_MS} ms`,
          verdict: met(s.longestSliceMs <= LONG_TASK_MS),
        },
        {
          section,
          figure: `Seed ${scale}: longest wait for an answer while seeding (${x.answers} status messages; p95 column: their p95)`,
          median: ms(x.answerMaxMs),
          p95: ms(x.answerP95Ms),
          baseline: `${ms(x.roundTrip.median)} status round trip, idle`,
          ratio: ratio(x.answerMaxMs, x.roundTrip.median),
          goal: `≤ ${HOVER_GOAL_MS} ms`,
          verdict: met(x.answerMaxMs <= HOVER_GOAL_MS),
        },
      );
      if (x.heapPeakMB !== null && x.heapBeforeMB !== null) {
        rows.push({
          section,
          figure: `Seed ${scale}: worker JS heap at its peak (CDP, sampled every 20 ms)`,
          median: `${x.heapPeakMB.toFixed(1)} MB`,
          p95: '—',
          baseline: `${x.heapBeforeMB.toFixed(1)} MB before`,
          ratio: ratio(x.heapPeakMB, x.bundleMB),
          goal: '—',
          verdict: 'info',
        });
      }
      rows.push(
        {
          section,
          figure: `Search ${scale}, ${x.queries} queries, message round trip`,
          median: ms(x.search.median),
          p95: ms(x.search.p95),
          baseline: `${ms(x.scan.median)} / ${ms(x.scan.p95)} in-memory fold + scan of the quotes`,
          ratio: `${ratio(x.search.median, x.scan.median)} / ${ratio(x.search.p95, x.scan.p95)}`,
          goal: x.factor > 1 ? `≤ ${SEARCH_VS_SCAN}× scan (median and p95), p95 ≤ ${SEARCH_P95_GOAL_MS} ms` : '—',
          verdict: x.factor > 1 ? met(x.search.median <= SEARCH_VS_SCAN * x.scan.median && x.search.p95 <= SEARCH_VS_SCAN * x.scan.p95 && x.search.p95 <= SEARCH_P95_GOAL_MS) : 'info',
        },
        {
          section,
          figure: `Card ${scale}, 10 people and 5 summits, message round trip`,
          median: ms(x.card.median),
          p95: ms(x.card.p95),
          baseline: `${ms(x.roundTrip.median)} status round trip`,
          ratio: ratio(x.card.median, x.roundTrip.median),
          goal: `≤ ${HOVER_GOAL_MS} ms p95`,
          verdict: met(x.card.p95 <= HOVER_GOAL_MS),
        },
        {
          section,
          figure: `In-memory word index rebuilt on a worker wake ${scale} (what a search library pays first)`,
          median: ms(x.memoryIndexMs),
          p95: '—',
          baseline: `${ms(x.search.median)} search from IndexedDB`,
          ratio: ratio(x.memoryIndexMs, x.search.median),
          goal: '—',
          verdict: 'info',
        },
        {
          section,
          figure: `Lexicon for a tab ${scale}`,
          median: ms(x.lexicon.median),
          p95: ms(x.lexicon.p95),
          baseline: `${ms(x.roundTrip.median)} status round trip`,
          ratio: ratio(x.lexicon.median, x.roundTrip.median),
          goal: '—',
          verdict: 'info',
        },
      );
    }
  }
  return rows;
}

function readingRows(r: ReadingBench): Row[] {
  const rows: Row[] = [];
  for (const name of ['chromium', 'firefox'] as const) {
    const x = r[name];
    if (!x) continue;
    const section = `Reading corpus (${name === 'chromium' ? 'Chromium' : 'Firefox ESR'}, the built extension, real IndexedDB)`;
    const a = x.add;
    const article = `a ${(a.articleChars / 1000).toFixed(1)} k-char article (${a.articleQuotes} quotes)`;
    const users = (s: CorpusSize) => `${s.imported.documents.toLocaleString('en-US')} of the user's articles (${s.imported.quotes.toLocaleString('en-US')} quotes)`;
    const task = a.pageLongestTaskMs ?? a.pageTimerGapMs;
    rows.push(
      {
        section,
        figure: `Add ${article} on the shipped index: \`addThisPage\` → Readability → pipeline → IndexedDB → answer, ${a.adds} adds`,
        median: ms(a.add.median),
        p95: ms(a.add.p95),
        baseline: `${ms(a.addBackground.median)} the background's part alone (\`addArticle\`, same article); ${ms(a.roundTrip.median)} status round trip`,
        ratio: `${ratio(a.add.median, a.addBackground.median)} / ${ratio(a.add.median, a.roundTrip.median)}`,
        goal: `≤ ${ADD_ARTICLE_MS} ms median`,
        verdict: met(a.add.median <= ADD_ARTICLE_MS),
      },
      {
        section,
        figure: `Add: the page's main thread while it was added (${a.pageLongestTaskMs === null ? 'no long-task timing here, so the longest gap of a 5 ms timer' : `longest long task; a 5 ms timer's longest gap ${ms(a.pageTimerGapMs)}`})`,
        median: ms(task),
        p95: '—',
        baseline: `${ms(a.pageTimerGapIdleMs)} longest timer gap, the page idle as long`,
        ratio: '—',
        goal: `no task over ${LONG_TASK_MS} ms`,
        verdict: met(task <= LONG_TASK_MS),
      },
      {
        section,
        figure: `Add the same article with ${users(x.sizes[0]!)} stored`,
        median: ms(a.addWithCorpus.median),
        p95: ms(a.addWithCorpus.p95),
        baseline: `${ms(a.add.median)} with none stored`,
        ratio: ratio(a.addWithCorpus.median, a.add.median),
        goal: `≤ ${ADD_ARTICLE_MS} ms median`,
        verdict: met(a.addWithCorpus.median <= ADD_ARTICLE_MS),
      },
    );
    for (const size of x.sizes) {
      const scale = `×${size.factor.toLocaleString('en-US')} index`;
      const slowest = size.withCorpus.slowest
        .slice(0, 2)
        .map((q) => `${q.query} ${ms(q.ms)}`)
        .join(', ');
      rows.push(
        {
          section,
          figure: `${scale}: import ${users(size)}, a ${size.imported.megabytes.toFixed(1)} MB file in one message`,
          median: ms(size.imported.ms),
          p95: '—',
          baseline: `${ms(size.firstCardMs)} the first card after it, ${ms(size.firstSearchMs)} the first search after importing it again`,
          ratio: '—',
          goal: '—',
          verdict: 'info',
        },
        {
          section,
          figure: `${scale}: search with ${users(size)} stored, 21 queries, message round trip (slowest: ${slowest})`,
          median: ms(size.withCorpus.search.median),
          p95: ms(size.withCorpus.search.p95),
          baseline: `${ms(size.none.search.median)} / ${ms(size.none.search.p95)} none stored`,
          ratio: `${ratio(size.withCorpus.search.median, size.none.search.median)} / ${ratio(size.withCorpus.search.p95, size.none.search.p95)}`,
          goal: size.factor > 1 ? `p95 ≤ ${SEARCH_P95_GOAL_MS} ms` : '—',
          verdict: size.factor > 1 ? met(size.withCorpus.search.p95 <= SEARCH_P95_GOAL_MS) : 'info',
        },
        {
          section,
          figure: `${scale}: card with ${users(size)} stored, 10 people and 5 summits, message round trip`,
          median: ms(size.withCorpus.card.median),
          p95: ms(size.withCorpus.card.p95),
          baseline: `${ms(size.none.card.median)} / ${ms(size.none.card.p95)} none stored`,
          ratio: `${ratio(size.withCorpus.card.median, size.none.card.median)} / ${ratio(size.withCorpus.card.p95, size.none.card.p95)}`,
          goal: `≤ ${HOVER_GOAL_MS} ms p95`,
          verdict: met(size.withCorpus.card.p95 <= HOVER_GOAL_MS),
        },
      );
    }
  }
  return rows;
}

function scanRows(r: ScanBench): Row[] {
  const e = r.extension;
  const section = `Page scan (Chromium, ${(r.page.textChars / 1e6).toFixed(2)} M chars, ${r.page.walkedTextNodes.toLocaleString('en-US')} text nodes)`;
  const markjsTbt = Math.max(0, r.markjs.longestTaskMs - LONG_TASK_MS);
  return [
    {
      section,
      figure: `Extension: navigation → all ${e.marks.toLocaleString('en-US')} mentions marked`,
      median: ms(e.timeToAllMarkedMs.median),
      p95: ms(e.timeToAllMarkedMs.p95),
      baseline: `${ms(median(e.loads.map((l) => l.loadMs)))} page load event`,
      ratio: ratio(e.timeToAllMarkedMs.median, median(e.loads.map((l) => l.loadMs))),
      goal: '—',
      verdict: 'info',
    },
    {
      section,
      figure: 'Extension scan (first → last mark) vs floor (TreeWalker reading every text node)',
      median: ms(e.scanMs.median),
      p95: ms(e.scanMs.p95),
      baseline: `${ms(r.floor.median)} floor`,
      ratio: ratio(e.scanMs.median, r.floor.median),
      goal: '—',
      verdict: 'info',
    },
    {
      section,
      figure: `Extension scan vs mark.js (${r.markjs.forms} names, exactly, ${r.markjs.marks.toLocaleString('en-US')} marks)`,
      median: ms(e.scanMs.median),
      p95: ms(e.scanMs.p95),
      baseline: `${ms(r.markjs.median)} mark.js`,
      ratio: ratio(e.scanMs.median, r.markjs.median),
      goal: '< 1× mark.js',
      verdict: met(e.scanMs.median < r.markjs.median),
    },
    {
      section,
      figure: 'Longest main-thread task during the scan',
      median: ms(e.longestTaskMs.median),
      p95: ms(e.longestTaskMs.p95),
      baseline: `${ms(r.markjs.longestTaskMs)} mark.js; page alone after DCL ${ms(r.pageOnly.longestTaskAfterDclMs)}`,
      ratio: ratio(e.longestTaskMs.median, r.markjs.longestTaskMs),
      goal: `≤ ${LONG_TASK_MS} ms`,
      verdict: met(e.longestTaskMs.p95 <= LONG_TASK_MS),
    },
    {
      section,
      figure: 'Total blocking time during the scan (Σ task − 50 ms)',
      median: ms(e.totalBlockingMs.median),
      p95: ms(e.totalBlockingMs.p95),
      baseline: `${ms(markjsTbt)} mark.js`,
      ratio: ratio(e.totalBlockingMs.median, markjsTbt),
      goal: '—',
      verdict: 'info',
    },
    ...attributionRows(r, section),
  ];
}

function viewportRows(r: ViewportBench): Row[] {
  const section = `Viewport first (Chromium, ${(r.textChars / 1e6).toFixed(1)} M chars of text, ${r.loads.length} loads)`;
  const spread = (x: { min: number; max: number }) => `${ms(x.min)}–${ms(x.max)}`;
  return [
    {
      section,
      figure: `First visible mark after the scan starts (spread ${spread(r.firstVisibleMs)})`,
      median: ms(r.firstVisibleMs.median),
      p95: ms(r.firstVisibleMs.p95),
      baseline: `${ms(r.wholePageMs.median)} / ${ms(r.wholePageMs.p95)} marking the whole page, same loads (spread ${spread(r.wholePageMs)})`,
      ratio: `${r.ratio.median.toFixed(4)}× / ${r.ratio.p95.toFixed(4)}×`,
      goal: `≤ ${FRAME_MS} ms (one frame)`,
      verdict: met(r.firstVisibleMs.p95 <= FRAME_MS),
    },
    {
      section,
      figure: `Ranges handed to the browser at the top of the page once the scan ended (only blocks near the viewport)`,
      median: r.drawnRanges.toLocaleString('en-US'),
      p95: '—',
      baseline: '—',
      ratio: '—',
      goal: 'follows what is seen, not the page size',
      verdict: 'info',
    },
    {
      section,
      figure: `Longest main-thread task from scan start to scan end (spread ${spread(r.longestTaskMs)})`,
      median: ms(r.longestTaskMs.median),
      p95: ms(r.longestTaskMs.p95),
      baseline: '—',
      ratio: '—',
      goal: `≤ ${LONG_TASK_MS} ms`,
      verdict: met(r.longestTaskMs.p95 <= LONG_TASK_MS),
    },
    ...ownWorkRows(r, section),
  ];
}

const tasksLine = (t: TaskTally) => {
  const top = t.rendering
    .slice(0, 2)
    .map((x) => `${x.name.replace(/^LocalFrameView::Run|LifecyclePhases?$/g, '')} ${ms(x.ms)}`)
    .join(', ');
  const fn = t.extension[0] ? ` (most in ${t.extension[0].name}, ${ms(t.extension[0].ms)})` : '';
  return `${t.tasks} tasks: extension script ${ms(t.ms.extension)}${fn}, rendering ${ms(t.ms.rendering)}${top ? ` (${top})` : ''}, GC ${ms(t.ms.gc)}, page script ${ms(t.ms.pageScript)}, other native ${ms(t.ms.other)}, unsampled ${ms(t.unsampledMs)}`;
};

/** Issue 14's long-task target judged against a no-extension control, and the scan's CPU against the text-walk floor (decision 0081). */
function ownWorkRows(r: ViewportBench, section: string): Row[] {
  const o = r.ownWork;
  const spread = (x: Spread) => `${ms(x.min)}–${ms(x.max)}`;
  const k = r.knownWork;
  const check =
    'error' in k
      ? `known-workload check failed: ${k.error}`
      : `known workload: a ${ms(k.loopMs)} busy loop in the ${k.world} world sampled as ${ms(k.sampledMs ?? Number.NaN)}, main-thread CPU over it ${ms(k.threadCpuMs)}`;
  return [
    {
      section,
      figure: `Control, no extension (same flags, traced, ${o.loads} loads): the page's own longest task after DOMContentLoaded, same window (spread ${spread(o.control)})`,
      median: ms(o.control.median),
      p95: ms(o.control.p95),
      baseline: '—',
      ratio: '—',
      goal: '—',
      verdict: 'info',
    },
    {
      section,
      figure: `With the extension (traced): longest task after DOMContentLoaded to ${SETTLE_MS / 1000} s after the scan ends, raw (spread ${spread(o.raw)})`,
      median: ms(o.raw.median),
      p95: ms(o.raw.p95),
      baseline: `${ms(o.control.median)} / ${ms(o.control.p95)} control`,
      ratio: `${ratio(o.raw.median, o.control.median)} / ${ratio(o.raw.p95, o.control.p95)}`,
      goal: '—',
      verdict: 'info',
    },
    {
      section,
      figure: `Extension's own work: longest task p95 (its sampled script; rendering and GC counted too once its scan started) (spread ${spread(o.own)})`,
      median: ms(o.own.median),
      p95: ms(o.own.p95),
      baseline: `${ms(o.control.median)} / ${ms(o.control.p95)} control; ${ms(o.raw.p95)} raw p95`,
      ratio: ratio(o.own.p95, o.control.p95),
      goal: `≤ ${LONG_TASK_MS} ms p95`,
      verdict: met(o.own.p95 <= LONG_TASK_MS),
    },
    {
      section,
      figure: `Long tasks ending after the scan starts, all loads: with the extension ${tasksLine(o.afterScanStart)}`,
      median: '—',
      p95: '—',
      baseline: `control after the same page time: ${tasksLine(o.controlAfterScanStart)}`,
      ratio: '—',
      goal: '—',
      verdict: 'info',
    },
    {
      section,
      figure: `Long tasks starting after the scan-end mark (the work the scan leaves for later), all loads: ${tasksLine(o.afterScanEnd)}`,
      median: '—',
      p95: '—',
      baseline: '—',
      ratio: '—',
      goal: '—',
      verdict: 'info',
    },
    {
      section,
      figure: `Scan CPU: the content script's sampled time from scan start to scan end (spread ${spread(o.scanCpu)}; wall ${ms(o.scanWall.median)}, spread ${spread(o.scanWall)}); ${check}`,
      median: ms(o.scanCpu.median),
      p95: ms(o.scanCpu.p95),
      baseline: `${ms(r.floorMs.median)} floor, TreeWalker reading every text node, control loads (spread ${spread(r.floorMs)})`,
      ratio: `${ratio(o.scanCpu.median, r.floorMs.median)} / ${ratio(o.scanCpu.p95, r.floorMs.median)}`,
      goal: `≤ ${SCAN_VS_FLOOR}× floor`,
      verdict: met(o.scanCpu.p95 <= SCAN_VS_FLOOR * r.floorMs.median),
    },
  ];
}

/** Where the longest scan task's time went, from a traced load (present only when a task passed 50 ms). */
function attributionRows(r: ScanBench, section: string): Row[] {
  const a = r.attribution;
  if (!a) return [];
  if ('error' in a) return [{ section, figure: `Long-task attribution failed: ${a.error}`, median: '—', p95: '—', baseline: '—', ratio: '—', goal: '—', verdict: 'error' }];
  const task = a.tracedTasks[0];
  if (!task) return [];
  const top = task.selfMs.slice(0, 3).map((x) => `${x.name} ${Math.round(x.ms)}`).join(', ');
  const rows: Row[] = [
    {
      section,
      figure: `Longest scan task in a traced load: ${top} ms`,
      median: ms(task.durationMs),
      p95: '—',
      baseline: '—',
      ratio: '—',
      goal: '—',
      verdict: 'info',
    },
  ];
  const p = a.profile;
  if (p && !('error' in p)) {
    const own = p.top.filter((f) => f.at.startsWith('ext:')).reduce((s, f) => s + f.selfMs, 0);
    const native = p.top.find((f) => f.name === '(program)')?.selfMs ?? 0;
    rows.push({
      section,
      figure: `CPU profile of ${p.longTasks} long scan tasks: extension JS ${ms(own)}, native (program) ${ms(native)}`,
      median: ms(p.longTaskMs),
      p95: '—',
      baseline: '—',
      ratio: '—',
      goal: '—',
      verdict: 'info',
    });
  }
  return rows;
}

/** Issue 12: the card that fits the page is drawn within this much beyond the dwell (p95). */
const CONTEXT_CARD_GOAL_MS = 50;

function hoverRows(r: HoverBench, what = 'Hover', drawnGoalMs = HOVER_GOAL_MS): Row[] {
  const section = `${what} (Chromium, ${r.samples} hovers, ${r.targets.length} mentions, ${r.page.split('/').pop()})`;
  return [
    {
      section,
      figure: `Pointer on mention → card open, beyond the ${r.dwellMs} ms dwell`,
      median: ms(r.openMs.median),
      p95: ms(r.openMs.p95),
      baseline: `${r.dwellMs} ms dwell (by design)`,
      ratio: '—',
      goal: `≤ ${HOVER_GOAL_MS} ms`,
      verdict: met(r.openMs.p95 <= HOVER_GOAL_MS && r.misses === 0),
    },
    {
      section,
      figure: 'Pointer on mention → card drawn with its data, beyond the dwell',
      median: ms(r.filledMs.median),
      p95: ms(r.filledMs.p95),
      baseline: `${r.dwellMs} ms dwell (by design)`,
      ratio: '—',
      goal: `≤ ${drawnGoalMs} ms`,
      verdict: met(r.filledMs.p95 <= drawnGoalMs && r.misses === 0),
    },
  ];
}

/** Issue 14: the tab's Blink heap on the 1 MB page grows by at most this much with the extension. */
const BLINK_OVERHEAD_GOAL_MB = 5;

function memoryRows(r: ScanBench): Row[] {
  const m = r.memory;
  const blinkDelta = m.withExtension.embedderMB === null || m.withoutExtension.embedderMB === null ? null : m.withExtension.embedderMB - m.withoutExtension.embedderMB;
  const iso = 'included' in m.isolatedWorldCheck ? (m.isolatedWorldCheck.included ? 'content-script world included' : 'content-script world NOT included') : 'isolated-world check failed';
  return [
    {
      section: 'Memory (Chromium, big page, after GC)',
      figure: `Tab JS heap with extension (${iso}); Δ ${m.deltaMB.toFixed(1)} MB`,
      median: `${m.withExtension.usedMB.toFixed(1)} MB`,
      p95: '—',
      baseline: `${m.withoutExtension.usedMB.toFixed(1)} MB without extension`,
      ratio: ratio(m.withExtension.usedMB, m.withoutExtension.usedMB),
      goal: '—',
      verdict: 'info',
    },
    {
      section: 'Memory (Chromium, big page, after GC)',
      figure: `Tab Blink (embedder) heap with extension once the scan ended: DOM, ranges, highlights, observers${blinkDelta === null ? '' : `; Δ ${blinkDelta.toFixed(1)} MB`}`,
      median: m.withExtension.embedderMB === null ? '—' : `${m.withExtension.embedderMB.toFixed(1)} MB`,
      p95: '—',
      baseline: m.withoutExtension.embedderMB === null ? '—' : `${m.withoutExtension.embedderMB.toFixed(1)} MB without extension`,
      ratio: m.withExtension.embedderMB === null || m.withoutExtension.embedderMB === null ? '—' : ratio(m.withExtension.embedderMB, m.withoutExtension.embedderMB),
      goal: `Δ ≤ +${BLINK_OVERHEAD_GOAL_MB} MB`,
      verdict: blinkDelta === null ? 'error' : met(blinkDelta <= BLINK_OVERHEAD_GOAL_MB),
    },
  ];
}

function bundleRows(items: BundleItem[]): Row[] {
  return items.map((b) => ({
    section: 'Bundle (.output/chrome-mv3)',
    figure: `${b.name} (${b.files.join(' + ')})`,
    median: `${kB(b.bytes)} (gzip ${kB(b.gzipBytes)})`,
    p95: '—',
    baseline: '—',
    ratio: '—',
    goal: `≤ ${kB(b.budgetBytes)} (gzip ≤ ${kB(b.budgetGzipBytes)})`,
    verdict: b.pass ? 'PASS' : 'FAIL',
  }));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? Number.NaN;
}

const HEAD = ['figure', 'median', 'p95', 'baseline (same run)', 'ratio', 'goal / budget', 'verdict'] as const;
const cells = (r: Row) => [r.figure, r.median, r.p95, r.baseline, r.ratio, r.goal, r.verdict];

function textTable(rows: Row[]): string {
  const widths = HEAD.map((h, i) => Math.min(i === 0 ? 70 : 48, Math.max(h.length, ...rows.map((r) => cells(r)[i]!.length))));
  const fit = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  const line = (xs: readonly string[]) => xs.map((x, i) => fit(x, widths[i]!)).join(' │ ');
  const out = [line(HEAD), widths.map((w) => '─'.repeat(w)).join('─┼─')];
  let section = '';
  for (const r of rows) {
    if (r.section !== section) {
      section = r.section;
      out.push(`▸ ${section}`);
    }
    out.push(line(cells(r)));
  }
  return out.join('\n');
}

function markdownTable(rows: Row[], meta: Record<string, string>): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const out = [
    `${meta.date}, ${meta.machine}, ${meta.node}, ${meta.chromium}. Ratios are figure ÷ baseline, both measured in the same run.`,
    '',
    `| ${HEAD.join(' | ')} |`,
    `|${HEAD.map((_, i) => (i === 0 || i === 3 || i === 5 ? '---' : '---:')).join('|')}|`,
  ];
  let section = '';
  for (const r of rows) {
    if (r.section !== section) {
      section = r.section;
      out.push(`| **${esc(section)}** | | | | | | |`);
    }
    out.push(`| ${cells(r).map(esc).join(' | ')} |`);
  }
  return out.join('\n');
}

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = args.filter((a) => !(PIECES as readonly string[]).includes(a));
  if (unknown.length > 0) throw new Error(`unknown piece(s) ${unknown.join(', ')}; pieces: ${PIECES.join(' ')}`);
  const wanted = new Set<Piece>(args.length > 0 ? (args as Piece[]) : PIECES);
  const started = performance.now();
  const meta = {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}`,
    node: `Node ${process.versions.node}`,
    chromium: chromiumVersion(),
  };
  log(`Summit Lens bench: ${[...wanted].join(', ')} on ${meta.machine}, ${meta.node}, ${meta.chromium}`);

  const needsBuild = (['scan', 'viewport', 'hover', 'card-context', 'bundle', 'store', 'reading'] as const).some((p) => wanted.has(p));
  if (needsBuild) ensureBuilt();

  const rows: Row[] = [];
  const raw: Record<string, unknown> = {};
  const errors: string[] = [];
  const piece = async <T>(name: Piece, run: () => Promise<T> | T, toRows: (r: T) => Row[]) => {
    if (!wanted.has(name)) return;
    const t0 = performance.now();
    log(`${name}: running`);
    try {
      const result = await run();
      raw[name] = result;
      rows.push(...toRows(result));
      log(`${name}: done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      errors.push(`${name}: ${message}`);
      raw[name] = { error: message };
      rows.push({ section: name, figure: `${name} could not run: ${message.split('\n')[0]}`, median: '—', p95: '—', baseline: '—', ratio: '—', goal: '—', verdict: 'error' });
      log(`${name}: FAILED: ${message}`);
    }
  };

  // Sizes first: cheap, and a budget failure is worth seeing even if a later piece breaks.
  await piece('bundle', () => benchBundle(EXTENSION), bundleRows);
  // Browser pieces next, while the machine is quiet: a 50 MB index build leaves a warm, busy heap behind.
  await piece(
    'scan',
    () => benchPageScan({ root: ROOT, extensionDir: EXTENSION, loads: 3, markjsLoads: 1, log }),
    (r) => [...scanRows(r), ...memoryRows(r)],
  );
  // Issue 14 asks for the 1 MB and the 5 MB page: ten loads of each.
  await piece(
    'viewport',
    async () => [
      await benchViewportFirst({ root: ROOT, extensionDir: EXTENSION, loads: 10, log }),
      await benchViewportFirst({ root: ROOT, extensionDir: EXTENSION, loads: 10, textChars: 5_500_000, log }),
    ],
    (pages) => pages.flatMap(viewportRows),
  );
  await piece('hover', () => benchHover({ root: ROOT, extensionDir: EXTENSION, repeats: 15, log }), (r) => hoverRows(r));
  await piece('card-context', () => benchHover({ root: ROOT, extensionDir: EXTENSION, repeats: 15, ...CONTEXT_PAGE, log }), (r) => hoverRows(r, 'Card with page context', CONTEXT_CARD_GOAL_MS));
  await piece('store', () => benchStore({ root: ROOT, log }), storeRows);
  await piece('reading', () => benchReading({ root: ROOT, log }), readingRows);
  await piece('matcher', () => benchMatcher(), matcherRows);
  await piece(
    'index',
    async () => {
      const result = await benchIndexBuild({ articles: INDEX_ARTICLES });
      if (result.seconds > INDEX_SOFT_LIMIT_S) log(`index: ${INDEX_ARTICLES} articles took ${result.seconds} s (> ${INDEX_SOFT_LIMIT_S} s) on this machine; kept at ${INDEX_ARTICLES} as the issue asks`);
      return result;
    },
    indexRows,
  );

  // Sections in reading order, whatever order they ran in.
  const order = ['Index', 'Matcher', 'Store', 'Reading', 'Page scan', 'Viewport first', 'Memory', 'Hover', 'Bundle'];
  const rank = (r: Row) => {
    const i = order.findIndex((o) => r.section.startsWith(o));
    return i < 0 ? order.length : i;
  };
  rows.sort((a, b) => rank(a) - rank(b));

  const seconds = (performance.now() - started) / 1000;
  const budgetsFailed = rows.filter((r) => r.verdict === 'FAIL').map((r) => r.figure);
  const md = markdownTable(rows, meta);
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify({ meta: { ...meta, seconds: Math.round(seconds) }, rows, errors, budgetsFailed, raw }, null, 2)}\n`);
  writeFileSync(join(RESULTS, 'latest.md'), `${md}\n`);

  log('');
  log(textTable(rows));
  log('');
  log('Markdown (also in bench/results/latest.md):');
  log('');
  log(md);
  log('');
  log(`total ${seconds.toFixed(0)} s; figures in bench/results/latest.json`);
  if (errors.length > 0) {
    log(`ERRORS: ${errors.join('; ')}`);
    return 2;
  }
  if (budgetsFailed.length > 0) {
    log(`BUDGET FAILED: ${budgetsFailed.join('; ')}`);
    return 1;
  }
  return 0;
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error);
  return 2;
});
