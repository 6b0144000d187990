/**
 * Cuts long work into slices of at most `budgetMs` of synchronous JS, and keeps
 * the longest slice so tests and the bench can check the 50 ms promise.
 */
export class Slicer {
  longestMs = 0;
  slices = 0;
  private sliceStart = performance.now();

  constructor(private readonly budgetMs = 10) {}

  due(): boolean {
    return performance.now() - this.sliceStart >= this.budgetMs;
  }

  /** Starts timing after a wait this code did not cause (a bundle load, a read). */
  begin(): void {
    this.sliceStart = performance.now();
  }

  /** Ends the current slice; `resume` is what frees the thread (a macrotask, or a pending IDB request). */
  async yield(resume: () => Promise<unknown> = nextTask): Promise<void> {
    this.end();
    await resume();
    this.sliceStart = performance.now();
  }

  /** Closes the last slice of a run without yielding. */
  end(): void {
    this.longestMs = Math.max(this.longestMs, performance.now() - this.sliceStart);
    this.slices++;
  }
}

export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
