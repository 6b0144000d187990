import { describe, expect, it } from 'vitest';
import { attributeTasks, rendererThread, sampledUs, tasksIn, threadSamples, type TraceEvent } from '../../../bench/browser/attribution';
import { ownLongestMs, ownShareMs, readTracedLoad } from '../../../bench/browser/own-work';

/**
 * A trace written by hand in the shape Chromium records (µs clock, page
 * navigation at 1,000,000): a layout-and-paint task before the scan starts,
 * a task of the extension's script and GC after it, a short task, a long task
 * the sampler missed, and a long task on another renderer that must not count.
 * Samples every 10 ms.
 */
const PAGE = 'http://127.0.0.1:4100/bench/big.html';
const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/content-scripts/content.js';
const pid = 10;
const tid = 11;

const x = (name: string, ts: number, dur: number, on = { pid, tid }): TraceEvent => ({ name, ph: 'X', ts, dur, ...on });

const nodes = {
  root: { id: 1, callFrame: { functionName: '(root)' } },
  program: { id: 2, parent: 1, callFrame: { functionName: '(program)' } },
  gc: { id: 3, parent: 1, callFrame: { functionName: '(garbage collector)' } },
  scan: { id: 4, parent: 1, callFrame: { functionName: 'scanSlice', url: EXT, scriptId: 5, lineNumber: 0, columnNumber: 4120 } },
  now: { id: 5, parent: 4, callFrame: { functionName: 'now', url: '' } },
  page: { id: 6, parent: 1, callFrame: { functionName: 'onScroll', url: 'http://127.0.0.1:4100/page.js', scriptId: 7 } },
  idle: { id: 7, parent: 1, callFrame: { functionName: '(idle)' } },
  known: { id: 8, parent: 1, callFrame: { functionName: 'summitBenchKnownWork', url: '' } },
};

/** [sample time, node]: 10 ms apart, except the 70 ms gap after 1,430,000. */
const timeline: [number, number][] = [
  ...Array.from({ length: 12 }, (_, i): [number, number] => [1_100_000 + i * 10_000, nodes.program.id]),
  ...Array.from({ length: 8 }, (_, i): [number, number] => [1_220_000 + i * 10_000, nodes.idle.id]),
  ...Array.from({ length: 6 }, (_, i): [number, number] => [1_300_000 + i * 10_000, nodes.now.id]),
  [1_360_000, nodes.gc.id],
  [1_370_000, nodes.gc.id],
  [1_380_000, nodes.program.id],
  [1_390_000, nodes.idle.id],
  [1_400_000, nodes.page.id],
  [1_410_000, nodes.known.id],
  [1_420_000, nodes.known.id],
  [1_430_000, nodes.program.id],
  [1_500_000, nodes.idle.id],
];

function chunk(from: number, to: number, withNodes: (typeof nodes)[keyof typeof nodes][], previousTs: number): TraceEvent {
  const part = timeline.slice(from, to);
  return {
    name: 'ProfileChunk',
    ph: 'P',
    id: '0x1',
    ts: part[0]![0],
    pid,
    tid: 99,
    args: { data: { cpuProfile: { nodes: withNodes, samples: part.map(([, n]) => n) }, timeDeltas: part.map(([t], i) => t - (i === 0 ? previousTs : part[i - 1]![0])) } },
  };
}

const events: TraceEvent[] = [
  { name: 'thread_name', ph: 'M', ts: 0, pid, tid, args: { name: 'CrRendererMain' } },
  { name: 'thread_name', ph: 'M', ts: 0, pid: 20, tid: 21, args: { name: 'CrRendererMain' } },
  { name: 'navigationStart', ph: 'R', ts: 1_000_000, pid, tid, args: { data: { documentLoaderURL: PAGE } } },
  { name: 'ParseHTML', ph: 'X', ts: 1_010_000, dur: 5_000, pid, tid, args: { beginData: { url: PAGE } } },
  { name: 'summit-lens:scan-start', cat: 'blink.user_timing', ph: 'R', ts: 1_250_000, pid, tid },
  { name: 'summit-lens:scan-end', cat: 'blink.user_timing', ph: 'R', ts: 1_450_000, pid, tid },
  // Layout and paint, 100–220 ms; the scheduler's two task events wrap the same task.
  x('ThreadControllerImpl::RunTask', 1_100_000, 120_000),
  x('RunTask', 1_100_000, 120_000),
  x('Layout', 1_110_000, 80_000),
  x('Paint', 1_190_000, 20_000),
  // The extension's script and a collection, 300–390 ms.
  x('ThreadControllerImpl::RunTask', 1_300_000, 90_000),
  x('RunMicrotasks', 1_300_000, 60_000),
  // A short task: not a long one.
  x('ThreadControllerImpl::RunTask', 1_400_000, 30_000),
  // A long task the sampler did not see (its thread was not sampled for 70 ms).
  x('ThreadControllerImpl::RunTask', 1_435_000, 60_000),
  // Another renderer's long task.
  x('ThreadControllerImpl::RunTask', 1_300_000, 200_000, { pid: 20, tid: 21 }),
  { name: 'Profile', ph: 'P', id: '0x1', ts: 1_000_000, pid, tid, args: { data: { startTime: 1_000_000 } } },
  chunk(0, 12, [nodes.root, nodes.program, nodes.gc], 1_000_000),
  chunk(12, timeline.length, [nodes.scan, nodes.now, nodes.page, nodes.idle, nodes.known], timeline[11]![0]),
];

const isExtension = (url: string) => url.startsWith('chrome-extension://');

describe('trace attribution', () => {
  const thread = rendererThread(events, '/bench/big.html');
  if ('error' in thread) throw new Error(thread.error);

  it('finds the renderer that parsed the page and its navigation start', () => {
    expect(thread).toEqual({ pid, tid, navigationTs: 1_000_000 });
    expect(rendererThread(events, '/other.html')).toEqual({ error: 'no renderer main thread parsed /other.html' });
  });

  it('keeps the outer task when two task events wrap one task, and only tasks over the threshold on that thread', () => {
    const tasks = tasksIn(events, thread, 0, 1000, 50);
    expect(tasks.map((t) => [t.name, t.ts, t.dur])).toEqual([
      ['ThreadControllerImpl::RunTask', 1_100_000, 120_000],
      ['ThreadControllerImpl::RunTask', 1_300_000, 90_000],
      ['ThreadControllerImpl::RunTask', 1_435_000, 60_000],
    ]);
    expect(tasksIn(events, thread, 250, 1000, 50).map((t) => t.ts)).toEqual([1_300_000, 1_435_000]);
  });

  it('classifies samples by their stack and leaves idle ones and long gaps out', () => {
    const samples = threadSamples(events, thread, isExtension);
    expect(samples.filter((s) => s.kind === 'extension')).toHaveLength(6);
    expect(samples.find((s) => s.ts === 1_300_000)).toMatchObject({
      kind: 'extension',
      weightUs: 10_000,
      functions: ['now', 'scanSlice', '(root)'],
      extensionFrame: 'scanSlice /content-scripts/content.js:1:4121',
    });
    expect(samples.find((s) => s.ts === 1_430_000)).toMatchObject({ kind: 'native', weightUs: 0 });
    expect(samples.some((s) => s.functions[0] === '(idle)')).toBe(false);
    expect(sampledUs(samples, 1_250_000, 1_450_000, (s) => s.kind === 'extension')).toBe(60_000);
    expect(sampledUs(samples, 1_325_000, 1_450_000, (s) => s.kind === 'extension')).toBe(35_000);
  });

  it('splits each long task into script, rendering by event, GC, other and unsampled time', () => {
    const samples = threadSamples(events, thread, isExtension);
    const [layout, script, missed] = attributeTasks(events, thread, tasksIn(events, thread, 0, 1000, 50), samples);
    expect(layout).toEqual({
      startMs: 100,
      durationMs: 120,
      ms: { extension: 0, pageScript: 0, rendering: 100, gc: 0, other: 20 },
      unsampledMs: 0,
      rendering: [
        { name: 'Layout', ms: 80 },
        { name: 'Paint', ms: 20 },
      ],
      extension: [],
    });
    expect(script).toEqual({
      startMs: 300,
      durationMs: 90,
      ms: { extension: 60, pageScript: 0, rendering: 0, gc: 20, other: 10 },
      unsampledMs: 0,
      rendering: [],
      extension: [{ name: 'scanSlice /content-scripts/content.js:1:4121', ms: 60 }],
    });
    expect(missed).toMatchObject({ startMs: 435, durationMs: 60, unsampledMs: 60 });
  });

  it('reads a load: the scan window, the known workload, and the own share of each task', () => {
    const load = readTracedLoad(events, {
      pagePath: '/bench/big.html',
      window: { fromMs: 50, toMs: 500 },
      isExtension,
      scanMarks: { start: 'summit-lens:scan-start', end: 'summit-lens:scan-end' },
      knownWorkFunction: 'summitBenchKnownWork',
    });
    if ('error' in load) throw new Error(load.error);
    expect(load.longestTaskMs).toBe(120);
    expect(load.scan).toEqual({ startMs: 250, endMs: 450, extensionMs: 60, gcMs: 20 });
    expect(load.extensionMs).toBe(60);
    expect(load.knownWorkMs).toBe(20);
    // Layout before the scan started is the page's; after it, GC counts as the extension's.
    expect(load.longTasks.map((t) => ownShareMs(t, 250))).toEqual([0, 80, 0]);
    expect(ownLongestMs(load)).toBe(80);
    expect(readTracedLoad(events, { pagePath: '/bench/big.html', window: { fromMs: 50, toMs: 500 }, isExtension, scanMarks: { start: 'a', end: 'b' } })).toEqual({
      error: 'the scan marks are not in the trace',
    });
  });
});
