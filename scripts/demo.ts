// Shows the built extension working on the bundled sample page: with a display,
// a real Chromium window to use; without one, a headless run that hovers a name
// and writes a screenshot of the card.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchWithExtension } from '../tests/e2e/harness/browsers';
import { startPageServer } from '../tests/e2e/harness/server';

const root = resolve(import.meta.dirname, '..');
const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI;
const server = await startPageServer(join(root, 'tests', 'e2e', 'pages'));
const session = await launchWithExtension('chromium', join(root, '.output', 'chrome-mv3'), { headless: !headed });
const url = `${server.origin}/vi-article.html`;
const page = await session.newTab(url);

if (headed) {
  console.log(`Chromium is open on ${url} with Summit Lens loaded: hover a name. Close the window to finish.`);
  await new Promise<void>((done) => (page.raw as { on(event: 'close', fn: () => void): void }).on('close', done));
} else {
  await page.waitFor(() => [...(CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.values()].some((h) => h.size > 0), undefined, 20_000);
  const target = await page.evaluate(() => {
    const text = document.getElementById('p1')!.querySelector('b')!.firstChild!;
    const range = document.createRange();
    range.selectNodeContents(text);
    const box = range.getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  });
  await page.mouseMove(target.x - 60, target.y + 40);
  await page.mouseMove(target.x, target.y, 4);
  await page.waitFor(() => document.querySelector('summit-lens-popover')?.matches(':popover-open') === true, undefined, 5_000);
  await new Promise((r) => setTimeout(r, 600));
  const dir = join(root, 'artifacts', 'demo');
  mkdirSync(dir, { recursive: true });
  const shot = join(dir, 'summit-lens-demo.png');
  await page.screenshot(shot);
  console.log(`No display: ran headless. Summit Lens marked the names on ${url} and showed the card for “Putin”.`);
  console.log(`Screenshot: ${shot}`);
}
await session.close();
await server.close();
