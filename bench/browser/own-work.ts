/**
 * The extension's own share of the main thread in one traced load, and the
 * same load's page without the extension as the control. What counts as the
 * extension's own work in a task: the samples whose stack holds its script,
 * plus, once its scan has started (it has handed ranges to the browser and
 * observes blocks), all rendering and garbage collection in that task. That
 * last part is an upper bound: the page's own late layout and paint are
 * counted too when they fall after the scan start, and the control loads say
 * how often the page alone has such tasks at that time.
 */
import { attributeTasks, longestTaskMs, markTs, rendererThread, sampledUs, tasksIn, threadSamples, type TaskAttribution, type TraceEvent } from './attribution';
import { round, spread, type Spread } from '../stats';

export const LONG_TASK_MS = 50;

export interface TracedLoad {
  /** Page clock (ms) the tasks were looked at in: from DOMContentLoaded to the window's end. */
  window: { fromMs: number; toMs: number };
  longestTaskMs: number;
  /** Every task over 50 ms in the window. */
  longTasks: TaskAttribution[];
  /** Sampled time of the extension's script in the whole window. */
  extensionMs: number;
  /** With the extension: the scan's marks and the content script's sampled time between them. */
  scan: { startMs: number; endMs: number; extensionMs: number; gcMs: number } | null;
  /** Sampled time of stacks holding the known-workload function, when one was run. */
  knownWorkMs: number;
}

export interface LoadOptions {
  pagePath: string;
  window: { fromMs: number; toMs: number };
  isExtension: (url: string) => boolean;
  /** User Timing marks the content script sets at its scan's start and end. */
  scanMarks?: { start: string; end: string };
  knownWorkFunction?: string;
}

export function readTracedLoad(events: TraceEvent[], o: LoadOptions): TracedLoad | { error: string } {
  const thread = rendererThread(events, o.pagePath);
  if ('error' in thread) return thread;
  const samples = threadSamples(events, thread, o.isExtension);
  if (samples.length === 0) return { error: 'the trace holds no profiler samples for the page thread' };
  const { fromMs, toMs } = o.window;
  const toTs = (pageMs: number) => thread.navigationTs + pageMs * 1000;
  const longTasks = attributeTasks(events, thread, tasksIn(events, thread, fromMs, toMs, LONG_TASK_MS), samples);
  let scan: TracedLoad['scan'] = null;
  if (o.scanMarks) {
    const start = markTs(events, thread, o.scanMarks.start);
    const end = markTs(events, thread, o.scanMarks.end);
    if (start === null || end === null) return { error: 'the scan marks are not in the trace' };
    scan = {
      startMs: round((start - thread.navigationTs) / 1000),
      endMs: round((end - thread.navigationTs) / 1000),
      extensionMs: round(sampledUs(samples, start, end, (s) => s.kind === 'extension') / 1000),
      gcMs: round(sampledUs(samples, start, end, (s) => s.kind === 'gc') / 1000),
    };
  }
  const known = o.knownWorkFunction;
  return {
    window: o.window,
    longestTaskMs: round(longestTaskMs(events, thread, fromMs, toMs)),
    longTasks,
    extensionMs: round(sampledUs(samples, toTs(fromMs), toTs(toMs), (s) => s.kind === 'extension') / 1000),
    scan,
    knownWorkMs: known ? round(sampledUs(samples, -Infinity, Infinity, (s) => s.functions.includes(known)) / 1000) : 0,
  };
}

/** The extension's own part of one task (see the module comment for why rendering counts only after the scan starts). */
export function ownShareMs(task: TaskAttribution, scanStartMs: number | null): number {
  const afterScanStart = scanStartMs !== null && task.startMs + task.durationMs > scanStartMs;
  return round(task.ms.extension + (afterScanStart ? task.ms.rendering + task.ms.gc : 0));
}

/**
 * The longest own share over the load's long tasks. A load without a task
 * over 50 ms gets its longest task: the share of a task is at most the task.
 */
export function ownLongestMs(load: TracedLoad): number {
  if (load.longTasks.length === 0) return load.longestTaskMs;
  return Math.max(...load.longTasks.map((t) => ownShareMs(t, load.scan?.startMs ?? null)));
}

export interface TaskTally {
  tasks: number;
  ms: TaskAttribution['ms'];
  unsampledMs: number;
  /** Rendering by the innermost event that enclosed it, summed, largest first. */
  rendering: { name: string; ms: number }[];
  /** The extension's script by its innermost frame, summed over the tasks' top five, largest first. */
  extension: { name: string; ms: number }[];
}

function tally(tasks: TaskAttribution[]): TaskTally {
  const ms = { extension: 0, pageScript: 0, rendering: 0, gc: 0, other: 0 };
  const byName = new Map<string, number>();
  const byFrame = new Map<string, number>();
  let unsampledMs = 0;
  for (const t of tasks) {
    for (const k of Object.keys(ms) as (keyof typeof ms)[]) ms[k] += t.ms[k];
    unsampledMs += t.unsampledMs;
    for (const r of t.rendering) byName.set(r.name, (byName.get(r.name) ?? 0) + r.ms);
    for (const f of t.extension) byFrame.set(f.name, (byFrame.get(f.name) ?? 0) + f.ms);
  }
  const sorted = (m: Map<string, number>) => [...m.entries()].map(([name, v]) => ({ name, ms: r1(v) })).sort((a, b) => b.ms - a.ms);
  const r1 = (x: number) => round(x);
  return {
    tasks: tasks.length,
    ms: { extension: r1(ms.extension), pageScript: r1(ms.pageScript), rendering: r1(ms.rendering), gc: r1(ms.gc), other: r1(ms.other) },
    unsampledMs: r1(unsampledMs),
    rendering: sorted(byName),
    extension: sorted(byFrame),
  };
}

export interface OwnWorkSummary {
  loads: number;
  /** Longest task after DOMContentLoaded without the extension, same window. */
  control: Spread;
  /** Longest task after DOMContentLoaded with the extension. */
  raw: Spread;
  /** The extension's own work: longest own share per load. */
  own: Spread;
  /** The content script's sampled time between its scan marks, and the wall time between them. */
  scanCpu: Spread;
  scanWall: Spread;
  /** Long tasks that end after the scan started, with the extension. */
  afterScanStart: TaskTally;
  /** The control's long tasks that end after the paired load's scan started. */
  controlAfterScanStart: TaskTally;
  /** Long tasks that start after the scan's end mark, with the extension: the work its scan leaves for later. */
  afterScanEnd: TaskTally;
}

/** Pairs of loads of the same page in the same run: with the extension, and its control without. */
export function summarizeOwnWork(pairs: { withExtension: TracedLoad; control: TracedLoad }[]): OwnWorkSummary {
  if (pairs.length === 0) throw new Error('no traced loads to summarize');
  const scanOf = (l: TracedLoad) => {
    if (!l.scan) throw new Error('a load with the extension has no scan marks');
    return l.scan;
  };
  const after = (l: TracedLoad, startMs: number) => l.longTasks.filter((t) => t.startMs + t.durationMs > startMs);
  return {
    loads: pairs.length,
    control: spread(pairs.map((p) => p.control.longestTaskMs)),
    raw: spread(pairs.map((p) => p.withExtension.longestTaskMs)),
    own: spread(pairs.map((p) => ownLongestMs(p.withExtension))),
    scanCpu: spread(pairs.map((p) => scanOf(p.withExtension).extensionMs)),
    scanWall: spread(pairs.map((p) => scanOf(p.withExtension).endMs - scanOf(p.withExtension).startMs)),
    afterScanStart: tally(pairs.flatMap((p) => after(p.withExtension, scanOf(p.withExtension).startMs))),
    controlAfterScanStart: tally(pairs.flatMap((p) => after(p.control, scanOf(p.withExtension).startMs))),
    afterScanEnd: tally(pairs.flatMap((p) => p.withExtension.longTasks.filter((t) => t.startMs >= scanOf(p.withExtension).endMs))),
  };
}
