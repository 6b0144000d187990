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
    private readonly budgetMs = 5,
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

  /**
   * Awaits input this code does not produce (the next chunk of a stream). A
   * wait of more than a millisecond means the thread was free meanwhile, so it
   * ends the slice; one that resolved at once (data already buffered) does not.
   */
  async wait<T>(input: Promise<T>): Promise<T> {
    const before = this.now();
    const value = await input;
    if (this.now() - before > 1) {
      this.longestMs = Math.max(this.longestMs, before - this.sliceStart);
      this.slices++;
      this.sliceStart = this.now();
    }
    return value;
  }

  /** Closes the last slice of a run without yielding. */
  end(): void {
    this.longestMs = Math.max(this.longestMs, this.now() - this.sliceStart);
    this.slices++;
  }
}

interface PostTask {
  postTask(callback: () => void, options: { priority: 'background' }): Promise<void>;
}

/**
 * A new task, so pending events (messages, timers, IDB callbacks) run before
 * the next slice. At background priority where the browser schedules tasks
 * (Chromium and Firefox): every other task of the worker goes first, which is
 * what seeding is. Elsewhere a timer; never a MessageChannel message, which
 * Chromium runs ahead of timers, so a seed yielding that way starved them.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: PostTask }).scheduler;
  if (scheduler?.postTask) return scheduler.postTask(() => undefined, { priority: 'background' });
  return new Promise((resolve) => setTimeout(resolve, 0));
}
