/**
 * Cuts long work into slices of at most `budgetMs` of synchronous JS, and keeps
 * the longest slice so the bench can check the 50 ms promise. The clock is
 * injectable so tests can check where the work yields without timing anything.
 */
export class Slicer {
  longestMs = 0;
  slices = 0;
  private sliceStart: number;

  constructor(
    private readonly budgetMs = 10,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.sliceStart = now();
  }

  due(): boolean {
    return this.now() - this.sliceStart >= this.budgetMs;
  }

  /** Starts timing after a wait this code did not cause (a bundle load, a read). */
  begin(): void {
    this.sliceStart = this.now();
  }

  /** Ends the current slice; `resume` is what frees the thread (a macrotask, or a pending IDB request). */
  async yield(resume: () => Promise<unknown> = nextTask): Promise<void> {
    this.end();
    await resume();
    this.sliceStart = this.now();
  }

  /** Closes the last slice of a run without yielding. */
  end(): void {
    this.longestMs = Math.max(this.longestMs, this.now() - this.sliceStart);
    this.slices++;
  }
}

/**
 * A new task, so pending events (messages, IDB callbacks) run before the next
 * slice. A message rather than `setTimeout(0)`, which browsers clamp to 4 ms
 * once timers nest: that would add a second of idle waiting to a seed of a few
 * hundred slices.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
