/**
 * Sizes of what ships, raw and gzip (what a store download and a disk read
 * cost), against budgets. Budgets sit 25–50 % above today's sizes: room for
 * ordinary work, but a doubling (a second copy of a library, the index
 * inlined into a script) fails the run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { RECORDS_FILE } from '../src/store/packed';

export interface BundleItem {
  name: string;
  files: string[];
  bytes: number;
  gzipBytes: number;
  budgetBytes: number;
  budgetGzipBytes: number;
  pass: boolean;
}

const KB = 1000;

/**
 * Measured at 69.3 / 25.0, 37.8 / 12.7, 48.8 / 17.9 and 60.8 / 14.9 kB when set; the records at 139.5 / 27.2 kB.
 * The background's was raised from 55 / 20 kB at 62.3 / 21.2 kB, when it gained the seed from packaged records
 * (decision 0040) beside the seed that derives them.
 */
/**
 * Raised again for 1.0 (decision 0060): the content script carries Readability (≈35 / 12 kB) for
 * "add this page", the page context, touch input, Russian case forms, the add button, its notice and auto-add (145.2 / 51.1 kB measured); the
 * background carries the whole corpus pipeline so an added article goes through the build's own
 * rules (136 / 48 kB measured).
 * Readability then left the content script for an extraction document loaded only when a page is
 * added (decision 0064): content script 157.1 / 54.9 → 121.7 / 43.3 kB, background 152.5 / 54.3 →
 * 154.9 / 55.1 kB; the extraction document's own chunk is 38.2 kB and counts against no page.
 * The corpus pipeline then moved to that document and "Your articles" and the timeline load when
 * opened (decision 0077): background 175.1 / 62.2 → 100.0 / 33.4 kB, popup JS 89.3 / 32.6 → 66.1 /
 * 23.5 kB; the document's chunk is 119.3 kB.
 */
export const BUDGETS = {
  content: { raw: 150 * KB, gzip: 53 * KB },
  background: { raw: 145 * KB, gzip: 50 * KB },
  popup: { raw: 75 * KB, gzip: 27 * KB },
  index: { raw: 160 * KB, gzip: 32 * KB },
  records: { raw: 300 * KB, gzip: 60 * KB },
} as const;

function sizes(dir: string, files: string[]): { bytes: number; gzipBytes: number } {
  let bytes = 0;
  let gzipBytes = 0;
  for (const f of files) {
    const body = readFileSync(join(dir, f));
    bytes += body.length;
    gzipBytes += gzipSync(body, { level: 9 }).length;
  }
  return { bytes, gzipBytes };
}

/** The popup's JavaScript is whatever its page loads: the entry script and the chunks it preloads. */
function popupScripts(dir: string): string[] {
  const html = readFileSync(join(dir, 'popup.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
  if (files.length === 0) throw new Error('popup.html references no script');
  return files;
}

export function benchBundle(extensionDir: string): BundleItem[] {
  const groups: [keyof typeof BUDGETS, string, string[]][] = [
    ['content', 'content script', ['content-scripts/content.js']],
    ['background', 'background', ['background.js']],
    ['popup', 'popup JS', popupScripts(extensionDir)],
    ['index', 'summit-index.jsonl', ['summit-index.jsonl']],
    ['records', RECORDS_FILE, [RECORDS_FILE]],
  ];
  return groups.map(([key, name, files]) => {
    const s = sizes(extensionDir, files);
    const budget = BUDGETS[key];
    return { name, files, ...s, budgetBytes: budget.raw, budgetGzipBytes: budget.gzip, pass: s.bytes <= budget.raw && s.gzipBytes <= budget.gzip };
  });
}
