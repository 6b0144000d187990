import { describe, expect, it } from 'vitest';
import type { TaskAttribution } from '../../../bench/browser/attribution';
import { summarizeOwnWork, type TracedLoad } from '../../../bench/browser/own-work';
import { percentile, spread } from '../../../bench/stats';

const task = (startMs: number, durationMs: number, ms: Partial<TaskAttribution['ms']>, rendering: TaskAttribution['rendering'] = []): TaskAttribution => ({
  startMs,
  durationMs,
  ms: { extension: 0, pageScript: 0, rendering: 0, gc: 0, other: 0, ...ms },
  unsampledMs: 0,
  rendering,
});

const load = (longTasks: TaskAttribution[], scan: TracedLoad['scan'], longestTaskMs = Math.max(0, ...longTasks.map((t) => t.durationMs))): TracedLoad => ({
  window: { fromMs: 900, toMs: 7000 },
  longestTaskMs,
  longTasks,
  extensionMs: 0,
  scan,
  knownWorkMs: 0,
});

describe('stats', () => {
  it('takes nearest-rank percentiles and states the whole range', () => {
    const xs = [12, 3, 7, 30, 9, 15, 4, 8, 11, 6];
    expect(percentile(xs, 50)).toBe(8);
    expect(percentile(xs, 95)).toBe(30);
    expect(spread(xs)).toEqual({ median: 8, p95: 30, min: 3, max: 30 });
    expect(spread([1.234, 1.236], 2)).toEqual({ median: 1.23, p95: 1.24, min: 1.23, max: 1.24 });
    expect(() => spread([])).toThrow('spread of no samples');
  });
});

describe('the extension’s own work against its control', () => {
  // Load 1: the page's first layout (before the scan) is long, then a compositing update after it.
  // Load 2: no long task at all; its longest task is 31 ms.
  const compositing = [{ name: 'LocalFrameView::RunCompositingInputsLifecyclePhase', ms: 84 }, { name: 'Paint', ms: 11 }];
  const pairs = [
    {
      withExtension: load([task(1200, 420, { rendering: 400, other: 20 }, [{ name: 'Layout', ms: 400 }]), task(2100, 102, { rendering: 95, other: 7 }, compositing)], { startMs: 1700, endMs: 6200, extensionMs: 640, gcMs: 30 }),
      control: load([task(1180, 410, { rendering: 395, other: 15 }, [{ name: 'Layout', ms: 395 }])], null),
    },
    {
      withExtension: load([], { startMs: 1650, endMs: 6000, extensionMs: 580, gcMs: 25 }, 31),
      control: load([task(1190, 405, { rendering: 390, other: 15 }, [{ name: 'Layout', ms: 390 }])], null),
    },
  ];

  it('counts rendering after the scan starts as the extension’s, the page’s first layout not', () => {
    const s = summarizeOwnWork(pairs);
    expect(s.own).toEqual({ median: 31, p95: 95, min: 31, max: 95 });
    expect(s.raw).toEqual({ median: 31, p95: 420, min: 31, max: 420 });
    expect(s.control).toEqual({ median: 405, p95: 410, min: 405, max: 410 });
    expect(s.scanCpu).toEqual({ median: 580, p95: 640, min: 580, max: 640 });
    expect(s.scanWall).toEqual({ median: 4350, p95: 4500, min: 4350, max: 4500 });
  });

  it('tallies the long tasks after the scan started, and the control’s after the same page time', () => {
    const s = summarizeOwnWork(pairs);
    expect(s.afterScanStart).toEqual({ tasks: 1, ms: { extension: 0, pageScript: 0, rendering: 95, gc: 0, other: 7 }, unsampledMs: 0, rendering: compositing });
    expect(s.controlAfterScanStart.tasks).toBe(0);
  });

  it('refuses a load with the extension that has no scan marks', () => {
    expect(() => summarizeOwnWork([{ withExtension: load([], null, 0), control: load([], null, 0) }])).toThrow('no scan marks');
    expect(() => summarizeOwnWork([])).toThrow('no traced loads');
  });
});
