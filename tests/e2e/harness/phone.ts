import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { BROWSER_BINARIES } from './browsers';
import { extensionDir } from './fixture';

/**
 * Debian Chromium as a phone (touch, mobile viewport, 2× pixels) with the
 * built extension loaded in a fresh profile; `origin` is the extension's.
 */
export async function launchChromiumPhone(profilePrefix: string, viewport: { width: number; height: number }): Promise<{ context: BrowserContext; origin: string; profile: string }> {
  const profile = await mkdtemp(join(tmpdir(), profilePrefix));
  const dir = extensionDir('chromium');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: BROWSER_BINARIES.chromium,
    headless: true,
    locale: 'en-US',
    viewport,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    colorScheme: 'light',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return { context, origin: /^chrome-extension:\/\/[a-p]{32}/.exec(worker.url())![0], profile };
}
