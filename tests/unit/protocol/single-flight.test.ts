import { describe, expect, it } from 'vitest';
import { singleFlight } from '../../../src/protocol/single-flight';

describe('singleFlight', () => {
  it('shares one run among callers that overlap it', async () => {
    let runs = 0;
    let release!: () => void;
    const run = singleFlight(() => new Promise<number>((resolve) => ((release = () => resolve(++runs)), undefined)));
    const a = run();
    const b = run();
    expect(a).toBe(b);
    release();
    expect(await Promise.all([a, b])).toEqual([1, 1]);
  });

  it('runs again after a run settled (a database deleted after its seed is seeded anew)', async () => {
    let runs = 0;
    const run = singleFlight(async () => ++runs);
    expect(await run()).toBe(1);
    expect(await run()).toBe(2);
  });

  it('runs again after a failure, and the failure reaches every waiting caller', async () => {
    let runs = 0;
    const run = singleFlight(async () => {
      runs++;
      if (runs === 1) throw new Error('quota');
      return runs;
    });
    const [a, b] = [run(), run()];
    await expect(a).rejects.toThrow('quota');
    await expect(b).rejects.toThrow('quota');
    expect(await run()).toBe(2);
  });
});
