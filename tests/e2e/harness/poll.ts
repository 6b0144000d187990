/**
 * Waits for a state, never for a time: calls `check` until it gives a truthy
 * value, for what the page cannot signal itself (a closed
 * shadow root, another tab, a touch pipeline). A check that throws is tried
 * again; its last error is in the timeout's message.
 */
export async function poll<T>(check: () => Promise<T | null | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 40));
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}
