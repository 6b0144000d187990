/**
 * Who made a long main-thread task: the extension's script, the page's
 * script, rendering, or the garbage collector. Read from one Chromium trace
 * that carries both the renderer's task events and V8's sampling profiler
 * (`disabled-by-default-v8.cpu_profiler`), so samples and tasks share one
 * clock. A sample whose stack holds a frame of the extension's script is the
 * extension's, whatever world or microtask resumed it (the trace's own
 * script events do not name scripts resumed by `scheduler.yield()`); a sample
 * with no JavaScript on its stack is rendering when a rendering event encloses
 * it. Pure: it reads recorded events, so tests can feed it a written trace.
 */

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown>; beginData?: Record<string, unknown> };
}

interface CallFrame {
  functionName: string;
  url?: string;
  scriptId?: number;
  lineNumber?: number;
  columnNumber?: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  parent?: number;
}

interface ChunkData {
  cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
  timeDeltas?: number[];
}

export interface RendererThread {
  pid: number;
  tid: number;
  /** Trace clock (µs) of the page's navigation start: page time 0. */
  navigationTs: number;
}

export type SampleKind = 'extension' | 'pageScript' | 'gc' | 'native';

export interface Sample {
  /** Trace clock, µs. */
  ts: number;
  /** Time until the next sample, µs: how long the thread is taken to have stayed in this stack. */
  weightUs: number;
  kind: SampleKind;
  /** Names of the functions on the stack, innermost first (for the known-workload check). */
  functions: string[];
  /** The innermost frame of the extension's script, `name path:line:column` (1-based; the build is minified, so the place says more than the name). */
  extensionFrame?: string;
}

export type Share = 'extension' | 'pageScript' | 'rendering' | 'gc' | 'other';

export interface TaskAttribution {
  /** Page clock, ms since navigation start. */
  startMs: number;
  durationMs: number;
  ms: Record<Share, number>;
  /** Time inside the task the sampler did not cover (the sampler thread not scheduled, or a gap capped away). */
  unsampledMs: number;
  /** Rendering time by the innermost rendering event that enclosed it. */
  rendering: { name: string; ms: number }[];
  /** The extension's script time by its innermost frame, largest first (at most five). */
  extension: { name: string; ms: number }[];
}

/**
 * Rendering work Blink names in the trace: style, layout, intersection
 * observers, pre-paint, compositing inputs, paint, layerization, commit.
 * Lifecycle phases are matched by prefix, since Blink names each phase's
 * runner `LocalFrameView::Run<Phase>LifecyclePhase(s)`.
 */
const RENDERING = new Set([
  'UpdateLayoutTree',
  'RecalculateStyles',
  'Layout',
  'PrePaint',
  'Paint',
  'PaintImage',
  'Layerize',
  'UpdateLayer',
  'UpdateLayerTree',
  'CompositeLayers',
  'Commit',
  'HitTest',
  'IntersectionObserverController::computeIntersections',
  'LocalFrameView::UpdateStyleAndLayout',
  'AnimationFrame::StyleAndLayout',
  'AnimationFrame::Render',
]);

export function isRendering(name: string): boolean {
  return RENDERING.has(name) || /^LocalFrameView::Run\w*LifecyclePhase/.test(name);
}

/** The task events the renderer's scheduler wraps each task in. */
const TASK_NAMES = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

const NATIVE = new Set(['(root)', '(program)', '(idle)', '(garbage collector)']);

/** The main thread of the renderer that parsed `pagePath`, and that page's navigation start. */
export function rendererThread(events: TraceEvent[], pagePath: string): RendererThread | { error: string } {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const parse = events.find((e) => e.name === 'ParseHTML' && String(e.args?.beginData?.url ?? '').includes(pagePath) && mains.has(`${e.pid}:${e.tid}`));
  if (!parse) return { error: `no renderer main thread parsed ${pagePath}` };
  const nav = events.find(
    (e) => e.name === 'navigationStart' && e.pid === parse.pid && String((e.args?.data as { documentLoaderURL?: string } | undefined)?.documentLoaderURL ?? '').includes(pagePath),
  );
  if (!nav) return { error: `no navigationStart for ${pagePath}` };
  return { pid: parse.pid, tid: parse.tid, navigationTs: nav.ts };
}

/**
 * The sampling profiler's samples on `thread`, classified by their stack.
 * Profiles are matched to the thread by their `Profile` event; chunks carry
 * new nodes and samples with time deltas. A gap between two samples longer
 * than `maxGapUs` is not credited to the earlier stack: it is left unsampled.
 */
export function threadSamples(events: TraceEvent[], thread: RendererThread, isExtension: (url: string) => boolean, maxGapUs = 10_000): Sample[] {
  const profiles = new Map<string, number>();
  for (const e of events) {
    if (e.name === 'Profile' && e.pid === thread.pid && e.tid === thread.tid && e.id !== undefined) {
      profiles.set(e.id, Number((e.args?.data as { startTime?: number } | undefined)?.startTime ?? e.ts));
    }
  }
  const out: Sample[] = [];
  for (const [id, startTime] of profiles) {
    const nodes = new Map<number, ProfileNode>();
    const kinds = new Map<number, SampleKind>();
    const stackOf = (nodeId: number): CallFrame[] => {
      const frames: CallFrame[] = [];
      for (let n = nodes.get(nodeId); n !== undefined; n = n.parent === undefined ? undefined : nodes.get(n.parent)) frames.push(n.callFrame);
      return frames;
    };
    const kindOf = (nodeId: number): SampleKind => {
      const known = kinds.get(nodeId);
      if (known) return known;
      const frames = stackOf(nodeId);
      const kind: SampleKind = frames.some((f) => f.url && isExtension(f.url))
        ? 'extension'
        : frames.some((f) => !NATIVE.has(f.functionName))
          ? 'pageScript'
          : frames[0]?.functionName === '(garbage collector)'
            ? 'gc'
            : 'native';
      kinds.set(nodeId, kind);
      return kind;
    };
    let t = startTime;
    const times: { ts: number; node: number }[] = [];
    const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.pid === thread.pid && e.id === id).sort((a, b) => a.ts - b.ts);
    for (const chunk of chunks) {
      const data = chunk.args?.data as ChunkData | undefined;
      for (const n of data?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
      const samples = data?.cpuProfile?.samples ?? [];
      const deltas = data?.timeDeltas ?? [];
      for (let i = 0; i < samples.length; i++) {
        t += deltas[i] ?? 0;
        times.push({ ts: t, node: samples[i]! });
      }
    }
    times.sort((a, b) => a.ts - b.ts);
    for (let i = 0; i < times.length; i++) {
      const gap = i + 1 < times.length ? times[i + 1]!.ts - times[i]!.ts : 0;
      const node = times[i]!.node;
      const stack = stackOf(node);
      const functions = stack.map((f) => f.functionName);
      if (functions[0] === '(idle)') continue;
      const own = stack.find((f) => f.url && isExtension(f.url));
      out.push({ ts: times[i]!.ts, weightUs: gap > maxGapUs ? 0 : gap, kind: kindOf(node), functions, ...(own ? { extensionFrame: frameLabel(own) } : {}) });
    }
  }
  return out.sort((a, b) => a.ts - b.ts);
}

function frameLabel(f: CallFrame): string {
  const path = (f.url ?? '').replace(/^[a-z-]+:\/\/[^/]+/, '');
  return `${f.functionName || '(anonymous)'} ${path}:${(f.lineNumber ?? 0) + 1}:${(f.columnNumber ?? 0) + 1}`;
}

/** The outermost task events on the thread, longer than `minMs`, that overlap the page-clock window. */
export function tasksIn(events: TraceEvent[], thread: RendererThread, fromMs: number, toMs: number, minMs: number): TraceEvent[] {
  const from = thread.navigationTs + fromMs * 1000;
  const to = thread.navigationTs + toMs * 1000;
  const candidates = events
    .filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && TASK_NAMES.has(e.name) && e.dur !== undefined)
    .filter((e) => e.ts + e.dur! > from && e.ts < to)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  // Both task event names may wrap the same task, one inside the other: keep the outer one.
  const outer: TraceEvent[] = [];
  for (const e of candidates) {
    const last = outer[outer.length - 1];
    if (last && e.ts >= last.ts && e.ts + e.dur! <= last.ts + last.dur!) continue;
    outer.push(e);
  }
  return outer.filter((e) => e.dur! > minMs * 1000);
}

/** The longest outermost task overlapping the window, in ms (0 when there is none). */
export function longestTaskMs(events: TraceEvent[], thread: RendererThread, fromMs: number, toMs: number): number {
  return tasksIn(events, thread, fromMs, toMs, 0).reduce((m, e) => Math.max(m, e.dur! / 1000), 0);
}

const ms1 = (us: number) => Math.round(us / 100) / 10;

/** Splits each task's time by the samples that fall in it. */
export function attributeTasks(events: TraceEvent[], thread: RendererThread, tasks: TraceEvent[], samples: Sample[]): TaskAttribution[] {
  const rendering = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.dur !== undefined && isRendering(e.name));
  return tasks.map((task) => {
    const end = task.ts + task.dur!;
    const inside = rendering.filter((e) => e.ts >= task.ts && e.ts < end);
    /** The innermost rendering event around `ts`: the shortest one that contains it. */
    const renderingAt = (ts: number) =>
      inside.filter((e) => e.ts <= ts && ts < e.ts + e.dur!).reduce<TraceEvent | undefined>((best, e) => (best === undefined || e.dur! < best.dur! ? e : best), undefined);
    const us: Record<Share, number> = { extension: 0, pageScript: 0, rendering: 0, gc: 0, other: 0 };
    const byEvent = new Map<string, number>();
    const byFrame = new Map<string, number>();
    for (const s of samples) {
      if (s.ts >= end) break;
      const from = Math.max(s.ts, task.ts);
      const to = Math.min(s.ts + s.weightUs, end);
      if (to <= from) continue;
      const w = to - from;
      if (s.kind === 'native') {
        const r = renderingAt(s.ts);
        if (r) {
          us.rendering += w;
          byEvent.set(r.name, (byEvent.get(r.name) ?? 0) + w);
        } else us.other += w;
      } else us[s.kind] += w;
      if (s.extensionFrame) byFrame.set(s.extensionFrame, (byFrame.get(s.extensionFrame) ?? 0) + w);
    }
    const covered = Object.values(us).reduce((a, b) => a + b, 0);
    return {
      startMs: ms1(task.ts - thread.navigationTs),
      durationMs: ms1(task.dur!),
      ms: { extension: ms1(us.extension), pageScript: ms1(us.pageScript), rendering: ms1(us.rendering), gc: ms1(us.gc), other: ms1(us.other) },
      unsampledMs: ms1(Math.max(0, task.dur! - covered)),
      rendering: [...byEvent.entries()].map(([name, w]) => ({ name, ms: ms1(w) })).sort((a, b) => b.ms - a.ms),
      extension: [...byFrame.entries()]
        .map(([name, w]) => ({ name, ms: ms1(w) }))
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 5),
    };
  });
}

/** Sampled time of the given kinds (or, with `fn`, of stacks holding that function) between two trace times. */
export function sampledUs(samples: Sample[], fromTs: number, toTs: number, match: (s: Sample) => boolean): number {
  let total = 0;
  for (const s of samples) {
    if (s.ts >= toTs) break;
    const from = Math.max(s.ts, fromTs);
    const to = Math.min(s.ts + s.weightUs, toTs);
    if (to > from && match(s)) total += to - from;
  }
  return total;
}

/** Trace time of the first User Timing mark of that name on the thread. */
export function markTs(events: TraceEvent[], thread: RendererThread, name: string): number | null {
  const mark = events.find((e) => e.name === name && e.pid === thread.pid && (e.cat ?? '').includes('blink.user_timing'));
  return mark ? mark.ts : null;
}
