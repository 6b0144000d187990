import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';

export const ROOT = join(__dirname, '..', '..', '..');

/** A page we wrote, parsed as the browser would parse it at `url`. */
export function pageAt(html: string, url: string): Document {
  const window = new Window({ url });
  window.document.write(html);
  return window.document as unknown as Document;
}

export function testPage(file: string, url: string): Document {
  return pageAt(readFileSync(join(ROOT, 'tests/e2e/pages', file), 'utf8'), url);
}
