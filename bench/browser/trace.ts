/**
 * A Chromium trace of one page load, reduced to what happened inside the
 * longest main-thread task: self time per trace event name (style, layout,
 * paint, script, ...), with script time split by the script's URL. The CPU
 * profiler alone shows native rendering work only as "(program)"; the trace
 * names it.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { TraceEvent } from './attribution';


const CATEGORIES = [
  'toplevel',
  'blink',
  'blink.user_timing',
  'loading',
  'v8.execute',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
].join(',');

export interface TaskBreakdown {
  /** Page-clock start of the task (ms since navigation start). */
  start: number;
  durationMs: number;
  /** Self time by event name; script events carry the script (`FunctionCall ext:/content-scripts/content.js`). */
  selfMs: { name: string; ms: number }[];
}

/**
 * Task events, rendering events, User Timing marks and V8's sampling profiler,
 * all on the trace's clock. Without `disabled-by-default-devtools.timeline`:
 * it counts the DOM after every script call (`UpdateCounters`), which on the
 * 5 MB page made a traced load twenty times slower than an untraced one.
 */
export const SAMPLED_CATEGORIES = ['toplevel', 'blink', 'blink.user_timing', 'loading', 'v8.execute', 'devtools.timeline', 'disabled-by-default-v8.cpu_profiler'].join(',');

export async function startTrace(page: Page, categories = CATEGORIES): Promise<CDPSession> {
  const session = await page.context().newCDPSession(page);
  await session.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  return session;
}

export async function stopTrace(session: CDPSession): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
  await session.send('Tracing.end');
  await done;
  await session.detach();
  return events;
}

function label(e: TraceEvent): string {
  const data = e.args?.data ?? e.args?.beginData;
  const url = typeof data?.url === 'string' ? data.url : typeof data?.scriptName === 'string' ? data.scriptName : '';
  if (!url) return e.name;
  const short = url.replace(/^chrome-extension:\/\/[a-p]{32}/, 'ext:').replace(/^https?:\/\/[^/]+/, '');
  return `${e.name} ${short}`;
}

/**
 * The longest tasks on the main thread of the renderer that parsed `pageUrl`,
 * after `afterMs` (page clock), each broken down by self time.
 */
export function longestTasks(events: TraceEvent[], pageUrl: string, afterMs: number, count = 1): TaskBreakdown[] | { error: string } {
  const mainThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const parse = events.find((e) => e.name === 'ParseHTML' && String(e.args?.beginData?.url ?? '').includes(pageUrl) && mainThreads.has(`${e.pid}:${e.tid}`));
  if (!parse) return { error: 'the page renderer was not found in the trace' };
  const thread = `${parse.pid}:${parse.tid}`;
  const onThread = events.filter((e) => `${e.pid}:${e.tid}` === thread && e.ph === 'X' && e.dur !== undefined);
  const nav = events.find((e) => e.name === 'navigationStart' && e.pid === parse.pid && String((e.args?.data as { documentLoaderURL?: string } | undefined)?.documentLoaderURL ?? '').includes(pageUrl));
  if (!nav) return { error: 'navigationStart not found in the trace' };
  const toPage = (ts: number) => (ts - nav.ts) / 1000;

  const tasks = onThread
    .filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask')
    .filter((e) => toPage(e.ts + e.dur!) > afterMs)
    .sort((a, b) => b.dur! - a.dur!);
  // Both task event names may wrap the same task: keep the outer one.
  const picked: TraceEvent[] = [];
  for (const t of tasks) {
    if (picked.some((p) => t.ts >= p.ts && t.ts + t.dur! <= p.ts + p.dur!)) continue;
    picked.push(t);
    if (picked.length >= count) break;
  }
  return picked.map((task) => {
    const inside = onThread
      .filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur!)
      .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const self = new Map<string, number>();
    // Self time: an event's duration minus that of its direct children.
    const stack: { e: TraceEvent; child: number }[] = [];
    const close = (upTo: number) => {
      while (stack.length > 0 && stack[stack.length - 1]!.e.ts + stack[stack.length - 1]!.e.dur! <= upTo) {
        const top = stack.pop()!;
        const k = label(top.e);
        self.set(k, (self.get(k) ?? 0) + top.e.dur! - top.child);
        if (stack.length > 0) stack[stack.length - 1]!.child += top.e.dur!;
      }
    };
    let covered = 0;
    for (const e of inside) {
      close(e.ts);
      if (stack.length === 0) covered += e.dur!;
      stack.push({ e, child: 0 });
    }
    close(Number.POSITIVE_INFINITY);
    self.set('(task, no finer event)', task.dur! - covered);
    return {
      start: Math.round(toPage(task.ts) * 10) / 10,
      durationMs: Math.round(task.dur! / 100) / 10,
      selfMs: [...self.entries()]
        .map(([name, us]) => ({ name, ms: Math.round(us / 100) / 10 }))
        .filter((x) => x.ms >= 0.5)
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 10),
    };
  });
}
