/**
 * Waits for a state the UI reaches asynchronously (Preact's render after a
 * fake background answers), never for a time: the check runs every 10 ms until
 * it holds. The deadline only names what never came; it sits well inside the
 * unit tests' timeout (vitest.config.ts) so a loaded machine, which slows
 * timers, is not mistaken for a failure.
 */
export async function until(check: () => unknown, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
