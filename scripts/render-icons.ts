/**
 * Renders assets/icon.svg to public/icon/{size}.png and the dimmed
 * public/icon/off-{size}.png with Chromium, the browser the tests already use.
 * The PNGs are committed: the build only checks them, so it needs no browser.
 *   npm run icons
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { BROWSER_BINARIES } from '../tests/e2e/harness/browsers';
import { ICON_SIZES, iconPath, pngSize, type IconState } from '../src/release/icons';

const ROOT = resolve(import.meta.dirname, '..');
/** Off: a mid-grey tile, legible on light and dark toolbars alike (white is already at the top of brightness). */
const FILTERS: Record<IconState, string> = { on: 'none', off: 'grayscale(1) brightness(1.6)' };

const svg = readFileSync(join(ROOT, 'assets', 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: BROWSER_BINARIES.chromium, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const state of ['on', 'off'] as const) {
    for (const size of ICON_SIZES) {
      await page.setViewportSize({ width: size, height: size });
      const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      await page.setContent(
        `<style>html,body{margin:0;background:transparent}img{display:block;width:${size}px;height:${size}px;filter:${FILTERS[state]}}</style><img src="${src}">`,
      );
      await page.waitForFunction(() => document.querySelector('img')?.complete === true);
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      const out = join(ROOT, 'public', iconPath(size, state));
      pngSize(png, out);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, png);
      console.log(`${out} (${png.length} bytes)`);
    }
  }
} finally {
  await browser.close();
}
