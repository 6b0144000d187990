import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';
import { GECKO_ID } from '../../../wxt.config';

export type BrowserName = 'chromium' | 'firefox';

export const BROWSER_BINARIES: Record<BrowserName, string> = {
  chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  firefox: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
};

/** Fixed so `moz-extension://UUID/popup.html` is known before the add-on installs. */
const FIREFOX_UUID = '5b0c6a52-8e0e-4d47-9a37-3c1f5d0e7a11';

export interface LaunchOptions {
  colorScheme?: 'light' | 'dark';
  headless?: boolean;
  /** BCP 47 tag for the browser UI language (drives `browser.i18n`). */
  locale?: string;
  /**
   * Firefox rounds `performance.now()` to whole milliseconds outside a
   * cross-origin-isolated page, extension pages included; a bench timing
   * messages of a few milliseconds asks for the full precision.
   */
  preciseTimers?: boolean;
}

/** The subset of a page both drivers offer, so every test runs on both browsers unchanged. */
export interface Tab {
  readonly raw: PwPage | PpPage;
  goto(url: string): Promise<void>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  waitFor<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  mouseMove(x: number, y: number, steps?: number): Promise<void>;
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  click(selector: string): Promise<void>;
  bringToFront(): Promise<void>;
  screenshot(path: string): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  close(): Promise<void>;
}

export interface ExtensionSession {
  name: BrowserName;
  /** `chrome-extension://ID` or `moz-extension://UUID`. */
  extensionOrigin: string;
  newTab(url?: string): Promise<Tab>;
  close(): Promise<void>;
}

async function poll(check: () => Promise<unknown>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

function playwrightTab(page: PwPage): Tab {
  return {
    raw: page,
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    async waitFor(fn, arg, timeoutMs = 10_000) {
      // Polled from here, not with waitForFunction, which takes an async check's pending promise for a truthy answer.
      await poll(() => page.evaluate(fn as never, arg), timeoutMs, 'a condition in the page');
    },
    mouseMove: (x, y, steps = 1) => page.mouse.move(x, y, { steps }),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    click: (selector) => page.click(selector),
    bringToFront: () => page.bringToFront(),
    async screenshot(path) {
      await page.screenshot({ path });
    },
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    close: () => page.close(),
  };
}

function puppeteerTab(page: PpPage): Tab {
  return {
    raw: page,
    async goto(url) {
      // Navigations to moz-extension pages may never resolve on Puppeteer's side:
      // start them and poll the document instead.
      if (url.startsWith('moz-extension:')) {
        void page.goto(url).catch(() => undefined);
        await poll(async () => (await page.evaluate(() => location.href + '|' + document.readyState)) === `${url}|complete`, 15_000, url);
        return;
      }
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    async waitFor(fn, arg, timeoutMs = 10_000) {
      await poll(() => page.evaluate(fn as never, arg), timeoutMs, 'a condition in the page');
    },
    async mouseMove(x, y, steps = 1) {
      await page.mouse.move(x, y, { steps });
    },
    press: (key) => page.keyboard.press(key as never),
    type: (text) => page.keyboard.type(text),
    click: (selector) => page.click(selector),
    bringToFront: () => page.bringToFront(),
    async screenshot(path) {
      await page.screenshot({ path: path as `${string}.png` });
    },
    setViewport: (width, height) => page.setViewport({ width, height }),
    close: () => page.close(),
  };
}

async function launchChromium(extensionDir: string, options: LaunchOptions): Promise<ExtensionSession> {
  const profile = await mkdtemp(join(tmpdir(), 'summit-lens-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: BROWSER_BINARIES.chromium,
    headless: options.headless ?? true,
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'vi-VN',
    viewport: { width: 1280, height: 800 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  // Node's URL gives `null` as the origin of non-special schemes.
  const extensionOrigin = /^chrome-extension:\/\/[a-p]{32}/.exec(worker.url())?.[0] ?? '';
  return {
    name: 'chromium',
    extensionOrigin,
    async newTab(url) {
      const page = await context.newPage();
      if (url) await page.goto(url, { waitUntil: 'load' });
      return playwrightTab(page);
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

async function launchFirefox(extensionDir: string, options: LaunchOptions): Promise<ExtensionSession> {
  const dark = options.colorScheme === 'dark';
  const browser: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: BROWSER_BINARIES.firefox,
    headless: options.headless ?? true,
    args: ['--remote-allow-system-access', '--width=1280', '--height=800'],
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'intl.locale.requested': options.locale ?? 'vi',
      'intl.accept_languages': options.locale ?? 'vi',
      // 0 = dark, 1 = light: the content-side prefers-color-scheme.
      'layout.css.prefers-color-scheme.content-override': dark ? 0 : 1,
      'ui.systemUsesDarkTheme': dark ? 1 : 0,
      ...(options.preciseTimers ? { 'privacy.reduceTimerPrecision': false } : {}),
    },
  });
  await browser.installExtension(extensionDir);
  return {
    name: 'firefox',
    extensionOrigin: `moz-extension://${FIREFOX_UUID}`,
    async newTab(url) {
      const page = await browser.newPage();
      const tab = puppeteerTab(page);
      if (url) await tab.goto(url);
      return tab;
    },
    async close() {
      await browser.close();
    },
  };
}

export async function launchWithExtension(name: BrowserName, extensionDir: string, options: LaunchOptions = {}): Promise<ExtensionSession> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build\` first.`);
  }
  if (!existsSync(BROWSER_BINARIES[name])) {
    throw new Error(`${BROWSER_BINARIES[name]} is missing: run \`sudo apt-get install -y chromium firefox-esr\`.`);
  }
  return name === 'chromium' ? launchChromium(extensionDir, options) : launchFirefox(extensionDir, options);
}
