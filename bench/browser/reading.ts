/**
 * The user's own corpus at scale, in the built extension in real Chromium and
 * Firefox (issue 13 "Speed", issue 14 "search ×1,000"):
 *
 * - Adding a 20 kB article end to end: an extension page sends the page's
 *   content script `{type:"addThisPage"}`; it sends the page's markup to the
 *   extension, whose extraction document runs Readability (decision 0064), the
 *   background runs the pipeline and stores it in IndexedDB, and the answer
 *   comes back. The page meanwhile runs a 5 ms timer (and, in
 *   Chromium, a long-task observer) so a main-thread task the add causes shows.
 *   Baselines in the same run: the background's part alone (`addArticle` with
 *   the same extracted article) and a status round trip.
 * - Search and cards with 1,000 of the user's articles stored against none,
 *   on the 1,000× index, in the same browser. The articles are written by
 *   `bench/synthetic-reading.ts` and go in through the extension's own
 *   import, as a user's export file would.
 */
import { join } from 'node:path';
import type { ExtractedArticle } from '../../src/reading/article';
import type { ReadingDocument } from '../../src/reading/ingest';
import type { SummitIndex } from '../../src/schema/index-schema';
import { launchWithExtension, type BrowserName, type ExtensionSession, type Tab } from '../../tests/e2e/harness/browsers';
import { bundledIndex } from '../../tests/e2e/harness/bundled-index';
import { startPageServer } from '../../tests/e2e/harness/server';
import { synthesiseArticle } from '../index-build';
import { syntheticIndex } from '../synthetic-index';
import { syntheticArticles, syntheticUserFile } from '../synthetic-reading';
import { bounded, median, percentile, round, sleep } from './chromium';
import { askStatus, extensionWith, FACTOR, queriesFor, timeMessages, type Stat } from './store';

export const USER_ARTICLES = 1000;
const ADDS = 15;
const ARTICLE_BYTES = 20_000;
/**
 * Every query and card this many times: 420 searches and 300 cards, so a p95
 * is the 21st and 15th slowest, not two or three outliers.
 */
const SEARCH_RUNS = 20;

export interface CorpusFigures {
  search: Stat;
  card: Stat;
  /** The four slowest queries by median, to see where the tail comes from. */
  slowest: { query: string; ms: number }[];
  /** The six slowest single searches and in which run (0: the first, right after the previous step), what the p95 is made of. */
  tail: { query: string; run: number; ms: number }[];
}

export interface AddFigures {
  /** Characters of running text the content script extracted from the page, and quotes the pipeline found. */
  articleChars: number;
  articleQuotes: number;
  adds: number;
  /** `addThisPage` from an extension page to the tab and back: extraction, pipeline, store. */
  add: Stat;
  /** Baseline: `addArticle` with the same extracted article (the background's pipeline and store only). */
  addBackground: Stat;
  roundTrip: Stat;
  /** The same add again with the user's 1,000 articles stored. */
  addWithCorpus: Stat;
  /** Chromium: the longest long task the page saw while it was added (null where the browser has no long-task timing). */
  pageLongestTaskMs: number | null;
  /** The longest gap of a 5 ms timer on the page while it was added, and over as long a quiet time before (baseline). */
  pageTimerGapMs: number;
  pageTimerGapIdleMs: number;
}

export interface CorpusSize {
  /** The bundled index's scale: 1 is the shipped index. */
  factor: number;
  imported: { documents: number; quotes: number; megabytes: number; ms: number };
  /**
   * The first card, and after the same file imported again the first search:
   * each reads the articles' word indexes from IndexedDB into the worker's
   * cache, as the first request after a worker wake does.
   */
  firstCardMs: number;
  firstSearchMs: number;
  none: CorpusFigures;
  withCorpus: CorpusFigures;
}

export interface ReadingFigures {
  /** The smallest step of `performance.now()` seen in the extension page: what the figures below can resolve. */
  timerStepMs: number;
  /** On the shipped index: its gazetteer is what the pipeline matches an added article against. */
  add: AddFigures;
  sizes: CorpusSize[];
}

export interface ReadingBench {
  chromium: ReadingFigures | null;
  firefox: ReadingFigures | null;
}

/** The seed articles' paragraphs under a news site's furniture (menus, share bar, caption, related list, comments, footer). */
function articlePage(): string {
  const text = new TextDecoder().decode(synthesiseArticle(ARTICLE_BYTES).bytes);
  const [title, ...paragraphs] = text.split(/\n{2,}/);
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${escape(title!)} - Báo Bến Cảng</title>
<meta property="og:site_name" content="Báo Bến Cảng"><meta property="article:published_time" content="2025-08-16T08:15:00+07:00"></head>
<body>
<div class="cookie-notice" role="dialog"><p>Trang này dùng cookie để ghi nhớ lựa chọn của bạn.</p><button>Đồng ý</button></div>
<nav class="menu"><a href="/">Trang chủ</a> <a href="/the-gioi">Thế giới</a> <a href="/thoi-su">Thời sự</a></nav>
<article class="detail"><h1>${escape(title!)}</h1>
<div class="social share-tools"><a href="#">Chia sẻ Facebook</a> <a href="#">Sao chép liên kết</a></div>
${paragraphs.map((p, i) => `<p>${escape(p.replace(/\n/g, ' '))}</p>${i === 2 ? '\n<figure><figcaption>Hai nhà lãnh đạo tại Anchorage. Ảnh: Báo Bến Cảng</figcaption></figure>' : ''}`).join('\n')}
<div class="related-news"><h3>Tin liên quan</h3><ul><li><a href="/1">Alaska chuẩn bị đón hai nhà lãnh đạo</a></li></ul></div>
</article>
<div class="comments-box"><h3>Bình luận</h3><p>"Hy vọng hòa bình sớm đến", bạn đọc Minh viết.</p></div>
<footer><p>Báo Bến Cảng © 2025</p></footer>
</body></html>`;
}

// ---- Functions below run in the browser. ------------------------------------------------------

/** In the extension page: the id of the one tab with a content script (extension pages have none). */
async function contentTabId(): Promise<number> {
  const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
  for (;;) {
    for (const tab of await api.tabs.query({})) {
      if (tab.id === undefined) continue;
      if ((await api.tabs.sendMessage(tab.id, { type: 'mentions' }).catch(() => undefined)) !== undefined) return tab.id;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** In the extension page: `addThisPage` `runs` times, each answer checked. */
async function timeAdds(arg: { tab: number; runs: number }): Promise<{ ms: number[]; quotes: number; id: string }> {
  const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
  const ms: number[] = [];
  let last = { quotes: 0, id: '' };
  for (let i = 0; i < arg.runs; i++) {
    const t = performance.now();
    const answer = (await api.tabs.sendMessage(arg.tab, { type: 'addThisPage' }, { frameId: 0 })) as { ok: boolean; error?: string; quotes: number; document: { id: string } };
    ms.push(performance.now() - t);
    if (!answer.ok) throw new Error(`addThisPage: ${answer.error}`);
    last = { quotes: answer.quotes, id: answer.document.id };
  }
  return { ms, ...last };
}

/** In the extension page: one message, its answer's value, or the error it answered. */
async function send(message: unknown): Promise<unknown> {
  const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
  const reply = (await api.runtime.sendMessage(message)) as { ok: boolean; value?: unknown; error?: string };
  if (!reply.ok) throw new Error(`${JSON.stringify(message).slice(0, 80)}: ${reply.error}`);
  return reply.value;
}

async function timedSend(message: unknown): Promise<number> {
  const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
  const t = performance.now();
  const reply = (await api.runtime.sendMessage(message)) as { ok: boolean; error?: string };
  const ms = performance.now() - t;
  if (!reply.ok) throw new Error(reply.error);
  return ms;
}

/** In the article page's own world: a 5 ms timer and, where the browser has them, long-task entries. */
function startProbe(): void {
  const probe = { gap: 0, last: performance.now(), longest: null as number | null, timer: 0 as unknown as ReturnType<typeof setInterval> };
  probe.timer = setInterval(() => {
    const now = performance.now();
    probe.gap = Math.max(probe.gap, now - probe.last);
    probe.last = now;
  }, 5);
  if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
    probe.longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longest = Math.max(probe.longest!, e.duration);
    }).observe({ type: 'longtask' });
  }
  (globalThis as unknown as { __probe: typeof probe }).__probe = probe;
}

function stopProbe(): { gap: number; longest: number | null } {
  const probe = (globalThis as unknown as { __probe: { gap: number; longest: number | null; timer: ReturnType<typeof setInterval> } }).__probe;
  clearInterval(probe.timer);
  return { gap: probe.gap, longest: probe.longest };
}

/** In the extension page: the smallest nonzero step between two readings of the clock. */
function timerStep(): number {
  let step = Infinity;
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    let u = performance.now();
    while (u === t) u = performance.now();
    step = Math.min(step, u - t);
  }
  return step;
}

// ---- Driving it. ------------------------------------------------------------------------------

const stat = (samples: number[]): Stat => ({ median: round(median(samples), 2), p95: round(percentile(samples, 95), 2) });

async function corpusFigures(page: Tab, index: SummitIndex): Promise<CorpusFigures> {
  const queries = queriesFor(index);
  const search = await page.evaluate(timeMessages, { messages: queries.map((query) => ({ type: 'search', query })), runs: SEARCH_RUNS });
  const perQuery = queries.map((query, i) => ({ query: JSON.stringify(query), ms: round(median(search.filter((_, k) => k % queries.length === i)), 1) }));
  const cards = [...index.people.slice(0, 10).map((p) => ({ type: 'card', kind: 'person', id: p.id })), ...index.summits.slice(0, 5).map((s) => ({ type: 'card', kind: 'summit', id: s.id }))];
  const card = await page.evaluate(timeMessages, { messages: cards, runs: SEARCH_RUNS });
  const tail = search.map((ms, k) => ({ query: JSON.stringify(queries[k % queries.length]), run: Math.floor(k / queries.length), ms: round(ms, 1) }));
  return { search: stat(search), card: stat(card), slowest: perQuery.sort((a, b) => b.ms - a.ms).slice(0, 4), tail: tail.sort((a, b) => b.ms - a.ms).slice(0, 6) };
}

async function waitReady(page: Tab): Promise<void> {
  for (let status = await page.evaluate(askStatus); !(status.available && status.state === 'ready'); status = await page.evaluate(askStatus)) {
    if (status.state === 'failed') throw new Error(`seed failed: ${status.error}`);
    await sleep(200);
  }
}

interface UserFile {
  text: string;
  documents: number;
  quotes: number;
}

const tailOf = (figures: CorpusFigures) => figures.tail.map((t) => `${t.query} (run ${t.run + 1}) ${t.ms} ms`).join(', ');

/** Search and cards with none of the user's articles, then with the 1,000 imported. */
async function measureCorpus(name: BrowserName, page: Tab, index: SummitIndex, factor: number, userFile: UserFile, log: (s: string) => void): Promise<CorpusSize> {
  const none = await corpusFigures(page, index);
  log(`reading: ${name} ×${factor} none stored: search ${none.search.median}/${none.search.p95} ms, card ${none.card.median}/${none.card.p95} ms; slowest searches ${tailOf(none)}`);
  let t = performance.now();
  const summary = (await page.evaluate(send, { type: 'importUserData', text: userFile.text })) as { documents: number; quotes: number };
  const importMs = performance.now() - t;
  if (summary.documents !== userFile.documents || summary.quotes !== userFile.quotes) throw new Error(`import stored ${summary.documents} articles and ${summary.quotes} quotes of ${userFile.documents} and ${userFile.quotes}`);
  t = performance.now();
  await page.evaluate(send, { type: 'card', kind: 'person', id: index.people[0]!.id });
  const firstCardMs = performance.now() - t;
  await page.evaluate(send, { type: 'importUserData', text: userFile.text });
  t = performance.now();
  await page.evaluate(send, { type: 'search', query: { text: 'Putin' } });
  const firstSearchMs = performance.now() - t;
  const withCorpus = await corpusFigures(page, index);
  log(`reading: ${name} ×${factor} ${USER_ARTICLES} stored: search ${withCorpus.search.median}/${withCorpus.search.p95} ms, card ${withCorpus.card.median}/${withCorpus.card.p95} ms; slowest ${withCorpus.slowest.map((q) => `${q.query} ${q.ms} ms`).join(', ')}; slowest searches ${tailOf(withCorpus)}`);
  return {
    factor,
    imported: { documents: summary.documents, quotes: summary.quotes, megabytes: round(new TextEncoder().encode(userFile.text).length / 1e6, 1), ms: round(importMs) },
    firstCardMs: round(firstCardMs, 1),
    firstSearchMs: round(firstSearchMs, 1),
    none,
    withCorpus,
  };
}

/** Adds the served article again and again, then the same with the user's corpus imported; the corpus figures of the shipped index on the way. */
async function measureAdd(name: BrowserName, session: ExtensionSession, page: Tab, origin: string, index: SummitIndex, userFile: UserFile, log: (s: string) => void): Promise<{ add: AddFigures; size: CorpusSize; timerStepMs: number }> {
  const timerStepMs = await page.evaluate(timerStep);
  log(`reading: ${name} performance.now() step in the extension page ${timerStepMs} ms`);
  const article = await session.newTab(`${origin}/bench/article.html`);
  await article.bringToFront();
  const tab = await page.evaluate(contentTabId);
  await article.evaluate(startProbe);
  const quiet = performance.now();
  await sleep(ADDS * 40);
  const idle = await article.evaluate(stopProbe);
  const quietMs = performance.now() - quiet;
  await article.evaluate(startProbe);
  const adds = await page.evaluate(timeAdds, { tab, runs: ADDS });
  const probe = await article.evaluate(stopProbe);
  log(`reading: ${name} add ${adds.quotes} quotes: median ${round(median(adds.ms), 1)} ms, page timer gap ${round(probe.gap, 1)} ms (idle ${round(idle.gap, 1)} ms over ${Math.round(quietMs)} ms), longest task ${probe.longest ?? '—'}`);

  const exported = (await page.evaluate(send, { type: 'exportUserData' })) as string;
  const document = exported
    .split('\n')
    .filter((line) => line.startsWith('["document"'))
    .map((line) => (JSON.parse(line) as [string, ReadingDocument])[1])
    .find((d) => d.id === adds.id)!;
  const extracted: ExtractedArticle = { url: document.url, title: document.title, byline: document.byline, site: document.site, published: document.pagePublished, lang: document.lang, paragraphs: document.paragraphs, truncated: document.truncated };
  const background: number[] = [];
  for (let i = 0; i < ADDS; i++) background.push(await page.evaluate(timedSend, { type: 'addArticle', article: extracted }));
  const roundTrip = await page.evaluate(timeMessages, { messages: [{ type: 'status' }], runs: 50 });
  await page.evaluate(send, { type: 'removeArticle', id: adds.id });

  const size = await measureCorpus(name, page, index, 1, userFile, log);
  const again = await page.evaluate(timeAdds, { tab, runs: ADDS });
  log(`reading: ${name} add with ${USER_ARTICLES} stored: median ${round(median(again.ms), 1)} ms`);
  return {
    add: {
      articleChars: document.paragraphs.reduce((n, p) => n + p.length, 0),
      articleQuotes: adds.quotes,
      adds: ADDS,
      add: stat(adds.ms),
      addBackground: stat(background),
      roundTrip: stat(roundTrip),
      addWithCorpus: stat(again.ms),
      pageLongestTaskMs: probe.longest === null ? null : round(probe.longest, 1),
      pageTimerGapMs: round(probe.gap, 1),
      pageTimerGapIdleMs: round(idle.gap, 1),
    },
    size,
    timerStepMs,
  };
}

async function withSession<T>(name: BrowserName, extensionDir: string, run: (session: ExtensionSession, page: Tab) => Promise<T>): Promise<T> {
  const session = await launchWithExtension(name, extensionDir, { preciseTimers: true });
  try {
    const page = await session.newTab(`${session.extensionOrigin}/options.html`);
    await page.evaluate(() => {
      (globalThis as unknown as { __name?: unknown }).__name ??= (f: unknown) => f;
    });
    await waitReady(page);
    return await run(session, page);
  } finally {
    await session.close().catch(() => undefined);
  }
}

export async function benchReading(opts: { root: string; log: (s: string) => void; browsers?: BrowserName[] }): Promise<ReadingBench> {
  const real = bundledIndex(opts.root);
  const gazetteer = { people: real.people, summits: real.summits, offices: real.offices, distractors: real.distractors };
  opts.log(`reading: ${USER_ARTICLES} synthetic articles through the pipeline`);
  const userFile = syntheticUserFile(syntheticArticles(opts.root, USER_ARTICLES), gazetteer);
  opts.log(`reading: ${userFile.documents} articles, ${userFile.quotes} quotes; the ×${FACTOR} index`);
  const large = syntheticIndex(real, FACTOR);
  const server = await startPageServer(join(opts.root, 'tests/e2e/pages'));
  server.route('/bench/article.html', articlePage());
  const result: ReadingBench = { chromium: null, firefox: null };
  try {
    for (const name of opts.browsers ?? (['chromium', 'firefox'] as const)) {
      const built = join(opts.root, '.output', name === 'chromium' ? 'chrome-mv3' : 'firefox-mv3');
      opts.log(`reading: ${name}`);
      const { add, size, timerStepMs } = await bounded(withSession(name, built, (session, page) => measureAdd(name, session, page, server.origin, real, userFile, opts.log)), 600_000, `reading ${name} ×1`);
      const extension = await extensionWith(built, large);
      try {
        const largeSize = await bounded(withSession(name, extension.dir, (_, page) => measureCorpus(name, page, large, FACTOR, userFile, opts.log)), 600_000, `reading ${name} ×${FACTOR}`);
        result[name] = { timerStepMs, add, sizes: [size, largeSize] };
      } finally {
        extension.remove();
      }
    }
  } finally {
    await server.close();
  }
  return result;
}
