/**
 * Reads a CDP `Profiler` profile for one time window given in the page's
 * clock. The profile has its own clock, so a named busy function run at a
 * known `performance.now()` is located in the samples to align the two.
 */

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface HotFunction {
  name: string;
  /** url:line:column, 1-based. */
  at: string;
  selfMs: number;
  totalMs: number;
  /** Source text at that position (the build is minified, so names alone say little). */
  snippet?: string;
}

export interface Window {
  marker: string;
  /** `performance.now()` when the marker function started. */
  markerAt: number;
  /** Page-clock windows to sum over (the long tasks). */
  windows: [number, number][];
  /** Source of a script url, for snippets. */
  source?: (url: string) => string | null;
}

export function hotFunctions(profile: CpuProfile, w: Window): { functions: HotFunction[] } | { error: string } {
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stack = (id: number): CpuProfileNode[] => {
    const out: CpuProfileNode[] = [];
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) out.push(byId.get(cur)!);
    return out;
  };

  const times: number[] = [];
  let t = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    t += deltas[i] ?? 0;
    times.push(t);
  }
  const markerIndex = samples.findIndex((id) => stack(id).some((n) => n.callFrame.functionName === w.marker));
  if (markerIndex < 0) return { error: 'clock marker not found in the profile' };
  const toPage = (us: number) => (us - times[markerIndex]!) / 1000 + w.markerAt;

  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const frames = new Map<string, CpuProfileNode['callFrame']>();
  const keyOf = (f: CpuProfileNode['callFrame']) => `${f.functionName || '(anonymous)'} ${f.url}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
  for (let i = 0; i < samples.length - 1; i++) {
    const at = toPage(times[i]!);
    if (!w.windows.some(([from, to]) => at >= from && at <= to)) continue;
    const weight = (times[i + 1]! - times[i]!) / 1000;
    const frames_ = stack(samples[i]!);
    const top = frames_[0]!;
    const topKey = keyOf(top.callFrame);
    frames.set(topKey, top.callFrame);
    self.set(topKey, (self.get(topKey) ?? 0) + weight);
    const seen = new Set<string>();
    for (const f of frames_) {
      const k = keyOf(f.callFrame);
      if (seen.has(k) || f.callFrame.functionName === '(root)') continue;
      seen.add(k);
      frames.set(k, f.callFrame);
      total.set(k, (total.get(k) ?? 0) + weight);
    }
  }
  const describe = (k: string): HotFunction => {
    const f = frames.get(k)!;
    const src = f.url ? w.source?.(f.url) : null;
    let snippet: string | undefined;
    if (src) {
      const line = src.split('\n')[f.lineNumber] ?? '';
      snippet = line.slice(f.columnNumber, f.columnNumber + 90);
    }
    return {
      name: f.functionName || '(anonymous)',
      at: `${f.url.replace(/^chrome-extension:\/\/[a-p]{32}/, 'ext:')}:${f.lineNumber + 1}:${f.columnNumber + 1}`,
      selfMs: Math.round((self.get(k) ?? 0) * 10) / 10,
      totalMs: Math.round((total.get(k) ?? 0) * 10) / 10,
      ...(snippet ? { snippet } : {}),
    };
  };
  const bySelf = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k]) => k);
  // Inclusive time of the extension's own functions shows which caller owns the self time above.
  const byTotal = [...total.entries()]
    .filter(([k]) => k.includes('chrome-extension://'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([k]) => k);
  return { functions: [...new Set([...bySelf, ...byTotal])].map(describe) };
}
