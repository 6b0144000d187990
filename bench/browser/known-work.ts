/**
 * Checks the sampler-based time against a workload of known length: a busy
 * loop run in the content script's isolated world (where the scan runs), ten
 * slices of 20 ms each ending its task, timed by the loop itself. The trace's
 * samples of that function should add up to the loop's own time, and the
 * main thread's CPU time over the same span (CDP `Performance.getMetrics`
 * `ThreadTime`) should not be less: if it is, the thread was descheduled and
 * sampled time is not CPU time on this machine at that moment.
 */
import type { Page } from 'playwright-core';

export const KNOWN_WORK_FUNCTION = 'summitBenchKnownWork';
const SLICES = 10;
const SLICE_MS = 20;

export interface KnownWorkCheck {
  world: 'content script' | 'main';
  /** The loop's own wall time, summed over its slices. */
  loopMs: number;
  /** Main-thread CPU time from before the first slice to after the last. */
  threadCpuMs: number;
  /** Filled in from the trace once it has been read. */
  sampledMs?: number;
}

const WORK = `(async () => {
  function ${KNOWN_WORK_FUNCTION}(ms) {
    const t0 = performance.now();
    let x = 0;
    while (performance.now() - t0 < ms) x++;
    return performance.now() - t0;
  }
  let total = 0;
  for (let i = 0; i < ${SLICES}; i++) {
    total += ${KNOWN_WORK_FUNCTION}(${SLICE_MS});
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return total;
})()`;

interface Context {
  id: number;
  origin: string;
  auxData?: { type?: string; isDefault?: boolean };
}

export async function knownWorkCheck(page: Page): Promise<KnownWorkCheck> {
  const session = await page.context().newCDPSession(page);
  try {
    const contexts: Context[] = [];
    session.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as Context));
    // Existing contexts are reported before `Runtime.enable` answers.
    await session.send('Runtime.enable');
    const isolated = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://'));
    const main = contexts.find((c) => c.auxData?.isDefault === true);
    const context = isolated ?? main;
    if (!context) throw new Error('no execution context to run the known workload in');
    await session.send('Performance.enable');
    const threadSeconds = async () => {
      const { metrics } = await session.send('Performance.getMetrics');
      const t = metrics.find((m) => m.name === 'ThreadTime')?.value;
      if (t === undefined) throw new Error('no ThreadTime metric');
      return t;
    };
    const before = await threadSeconds();
    const run = (await session.send('Runtime.evaluate', { expression: WORK, contextId: context.id, awaitPromise: true, returnByValue: true })) as { result: { value?: number } };
    const after = await threadSeconds();
    if (typeof run.result.value !== 'number') throw new Error('the known workload returned no time');
    return { world: isolated ? 'content script' : 'main', loopMs: Math.round(run.result.value * 10) / 10, threadCpuMs: Math.round((after - before) * 10_000) / 10 };
  } finally {
    await session.detach().catch(() => undefined);
  }
}
