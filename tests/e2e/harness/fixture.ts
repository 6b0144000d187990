import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension, type BrowserName, type ExtensionSession, type LaunchOptions, type Tab } from './browsers';
import { startPageServer, type PageServer } from './server';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

export function extensionDir(name: BrowserName): string {
  return join(ROOT, '.output', name === 'chromium' ? 'chrome-mv3' : 'firefox-mv3');
}

/** Screenshots only on request (`SCREENSHOTS=1`), into a folder git ignores. */
export const SCREENSHOT_DIR = join(ROOT, 'artifacts', 'screenshots');
export async function maybeScreenshot(tab: Tab, name: string): Promise<void> {
  if (!process.env.SCREENSHOTS) return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await tab.screenshot(join(SCREENSHOT_DIR, `${name}.png`));
}

export interface Harness {
  session: ExtensionSession;
  server: PageServer;
  url(path: string): string;
}

/** One browser with the extension and one page server per test file and browser. */
export function useExtension(name: BrowserName, options: LaunchOptions = {}): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    harness.server = await startPageServer(join(ROOT, 'tests', 'e2e', 'pages'));
    harness.session = await launchWithExtension(name, extensionDir(name), options);
    harness.url = (path) => `${harness.server.origin}/${path.replace(/^\//, '')}`;
    await untilSeeded(harness.session);
  });
  afterAll(async () => {
    await harness.session?.close();
    await harness.server?.close();
  });
  return harness;
}

/** From an extension page: waits until the background serves a complete index. */
export async function waitForIndex(tab: Tab): Promise<void> {
  await tab.waitFor(
    async () => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      const reply = (await api.runtime.sendMessage({ type: 'status' })) as { value?: { available?: boolean; state?: string } };
      return reply.value?.available === true && reply.value.state === 'ready';
    },
    undefined,
    30_000,
  );
}

/**
 * Waits for the install's seed, so no test measures a page while the
 * background is still writing its index on the other core.
 */
async function untilSeeded(session: ExtensionSession): Promise<void> {
  const tab = await session.newTab(`${session.extensionOrigin}/options.html`);
  await waitForIndex(tab);
  await tab.close();
}

/**
 * Runs inside an extension page: asks every tab's content script for its
 * mentions and returns the answers of the tabs that have one.
 */
export function askTabsForMentions(): Promise<{ url: string | undefined; answer: unknown }[]> {
  const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
  return api.tabs.query({}).then(async (tabs) => {
    const answers = [];
    for (const tab of tabs) {
      if (tab.id === undefined) continue;
      try {
        answers.push({ url: tab.url, answer: await api.tabs.sendMessage(tab.id, { type: 'mentions' }) });
      } catch {
        // Tabs without a content script (extension pages, about:blank) have no receiver.
      }
    }
    return answers;
  });
}
