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
  extension: [],
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
  // Load 2: a task of the extension's script and GC after the scan's end. Load 3: no long task; its longest is 31 ms.
  const compositing = [{ name: 'LocalFrameView::RunCompositingInputsLifecyclePhase', ms: 84 }, { name: 'Paint', ms: 11 }];
  const pairs = [
    {
      withExtension: load([task(1200, 420, { rendering: 400, other: 20 }, [{ name: 'Layout', ms: 400 }]), task(2100, 102, { rendering: 95, other: 7 }, compositing)], { startMs: 1700, endMs: 6200, extensionMs: 640, gcMs: 30 }),
      control: load([task(1180, 410, { rendering: 395, other: 15 }, [{ name: 'Layout', ms: 395 }])], null),
    },
    {
      withExtension: load(
        [{ ...task(6100, 140, { extension: 80, gc: 55, other: 5 }), extension: [{ name: 'summarize /content-scripts/content.js:1:9000', ms: 80 }] }],
        { startMs: 1650, endMs: 6000, extensionMs: 580, gcMs: 25 },
      ),
      control: load([task(1190, 405, { rendering: 390, other: 15 }, [{ name: 'Layout', ms: 390 }])], null),
    },
    {
      withExtension: load([], { startMs: 1600, endMs: 5800, extensionMs: 600, gcMs: 20 }, 31),
      control: load([], null, 38),
    },
  ];

  it('counts rendering after the scan starts as the extension’s, the page’s first layout not', () => {
    const s = summarizeOwnWork(pairs);
    expect(s.own).toEqual({ median: 95, p95: 135, min: 31, max: 135 });
    expect(s.raw).toEqual({ median: 140, p95: 420, min: 31, max: 420 });
    expect(s.control).toEqual({ median: 405, p95: 410, min: 38, max: 410 });
    expect(s.scanCpu).toEqual({ median: 600, p95: 640, min: 580, max: 640 });
    expect(s.scanWall).toEqual({ median: 4350, p95: 4500, min: 4200, max: 4500 });
  });

  it('tallies the long tasks after the scan started, and the control’s after the same page time', () => {
    const s = summarizeOwnWork(pairs);
    const summarize = [{ name: 'summarize /content-scripts/content.js:1:9000', ms: 80 }];
    expect(s.afterScanStart).toEqual({ tasks: 2, ms: { extension: 80, pageScript: 0, rendering: 95, gc: 55, other: 12 }, unsampledMs: 0, rendering: compositing, extension: summarize });
    expect(s.controlAfterScanStart.tasks).toBe(0);
    expect(s.afterScanEnd).toEqual({ tasks: 1, ms: { extension: 80, pageScript: 0, rendering: 0, gc: 55, other: 5 }, unsampledMs: 0, rendering: [], extension: summarize });
  });

  it('refuses a load with the extension that has no scan marks', () => {
    expect(() => summarizeOwnWork([{ withExtension: load([], null, 0), control: load([], null, 0) }])).toThrow('no scan marks');
    expect(() => summarizeOwnWork([])).toThrow('no traced loads');
  });
});
