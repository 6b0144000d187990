/**
 * The store screenshots, 1280×800, from the real build in Chromium: for each
 * listing language and colour scheme, the five views `store/<lang>.md` captions
 * (card on a Vietnamese article, popup search, timeline, the card on a
 * phone-sized screen, options). Views smaller than the store's frame are shown
 * at their real size on a plain backdrop beside their caption.
 *   npm run build && npm run store:screenshots
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionSession, type Tab } from '../tests/e2e/harness/browsers';
import { extensionDir, ROOT, waitForIndex } from '../tests/e2e/harness/fixture';
import { startPageServer } from '../tests/e2e/harness/server';
import { rectOfTextInPage } from '../tests/e2e/content-support';
import { parseListing, screenshotCaptions, SCREENSHOT_NAMES as NAMES } from '../src/release/listing';

const LANGS = ['vi', 'en'] as const;
const SCHEMES = ['light', 'dark'] as const;
const FRAME = { width: 1280, height: 800 };

type Lang = (typeof LANGS)[number];
type Scheme = (typeof SCHEMES)[number];

async function setLanguage(session: ExtensionSession, lang: Lang): Promise<void> {
  const tab = await session.newTab(`${session.extensionOrigin}/options.html`);
  await waitForIndex(tab);
  await tab.evaluate(async (l) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    const { settings } = await api.storage.local.get('settings');
    await api.storage.local.set({ settings: { ...(settings as object), language: l } });
  }, lang);
  await tab.close();
}

/** Rests the pointer on `text` and waits for the full card (it grows from "loading" once the quotes arrive). */
async function openCard(tab: Tab, text: string): Promise<void> {
  await tab.waitFor(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0, undefined, 15_000);
  const at = await tab.evaluate(rectOfTextInPage, { text });
  if (!at) throw new Error(`"${text}" is not on the page`);
  await tab.mouseMove(at.x - 40, at.y + 30);
  await tab.mouseMove(at.x, at.y, 5);
  await tab.waitFor(() => {
    const host = document.querySelector('summit-lens-popover');
    return host?.matches(':popover-open') === true && host.getBoundingClientRect().height > 200;
  });
}

async function viewShot(session: ExtensionSession, path: string, size: { width: number; height: number }, ready: () => boolean, act?: (tab: Tab) => Promise<void>): Promise<Buffer> {
  const tab = await session.newTab();
  await tab.setViewport(size.width, size.height);
  // No fade-in (popover.css honours reduced motion): the card is shot fully drawn the moment it is open.
  await (tab.raw as Page).emulateMedia({ reducedMotion: 'reduce' });
  await tab.goto(path);
  await tab.waitFor(ready, undefined, 20_000);
  if (act) await act(tab);
  const png = await (tab.raw as Page).screenshot();
  await tab.close();
  return png;
}

/** A smaller view, at its real size, beside its caption on the store's 1280×800 frame. */
async function framed(session: ExtensionSession, scheme: Scheme, caption: string, shot: Buffer, out: string): Promise<void> {
  const tab = await session.newTab();
  await tab.setViewport(FRAME.width, FRAME.height);
  const page = tab.raw as Page;
  const dark = scheme === 'dark';
  await page.setContent(
    `<body style="margin:0;height:800px;display:flex;align-items:center;gap:56px;padding:0 64px;box-sizing:border-box;background:${dark ? '#111418' : '#e8f0fe'};font:600 34px/1.3 system-ui,'Noto Sans',sans-serif;color:${dark ? '#e8eaed' : '#1b1f24'}">` +
      `<div style="flex:1"><div style="font-size:18px;color:${dark ? '#8ab4f8' : '#0b57d0'};margin-bottom:12px">Summit Lens</div><p id="caption" style="margin:0"></p></div>` +
      `<img id="shot" style="max-height:740px;border-radius:12px;box-shadow:0 8px 32px rgba(0,0,0,.35)"></body>`,
  );
  await page.evaluate(
    ([text, src]) => {
      document.getElementById('caption')!.textContent = text;
      (document.getElementById('shot') as HTMLImageElement).src = src;
    },
    [caption, `data:image/png;base64,${shot.toString('base64')}`] as const,
  );
  await page.waitForFunction(() => (document.getElementById('shot') as HTMLImageElement).complete);
  await page.screenshot({ path: out });
  await tab.close();
}

const server = await startPageServer(join(ROOT, 'tests', 'e2e', 'pages'));
try {
  for (const scheme of SCHEMES) {
    const session = await launchWithExtension('chromium', extensionDir('chromium'), { colorScheme: scheme });
    try {
      for (const lang of LANGS) {
        const captions = screenshotCaptions(parseListing(readFileSync(join(ROOT, 'store', `${lang}.md`), 'utf8'), `store/${lang}.md`));
        const dir = join(ROOT, 'store', 'screenshots', lang, scheme);
        mkdirSync(dir, { recursive: true });
        await setLanguage(session, lang);
        const file = (i: number) => join(dir, `${NAMES[i]}.png`);
        const origin = session.extensionOrigin;

        // The article fills the store's frame as it is: no backdrop, no caption.
        const article = await viewShot(session, `${server.origin}/vi-article.html`, FRAME, () => document.readyState === 'complete', (tab) => openCard(tab, 'Vladimir Putin'));
        writeFileSync(file(0), article);

        const search = await viewShot(session, `${origin}/popup.html#q=${encodeURIComponent('hoa binh')}`, { width: 440, height: 720 }, () => document.querySelectorAll('#results > li').length > 3);
        await framed(session, scheme, captions[1]!, search, file(1));
        const timeline = await viewShot(session, `${origin}/popup.html#view=timeline`, { width: 440, height: 720 }, () => document.querySelectorAll('[data-summit]').length > 5);
        await framed(session, scheme, captions[2]!, timeline, file(2));
        const phone = await viewShot(session, `${server.origin}/vi-article.html`, { width: 390, height: 740 }, () => document.readyState === 'complete', (tab) => openCard(tab, 'Vladimir Putin'));
        await framed(session, scheme, captions[3]!, phone, file(3));
        const options = await viewShot(session, `${origin}/options.html`, { width: 640, height: 740 }, () => document.querySelector('main.options') !== null);
        await framed(session, scheme, captions[4]!, options, file(4));
        console.log(`${dir}: ${NAMES.join(', ')}`);
      }
    } finally {
      await session.close();
    }
  }
} finally {
  await server.close();
}
