import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUNDLE_FILE, decodeBundle } from '../../../src/schema/index-bundle';
import type { SummitIndex } from '../../../src/schema/index-schema';

/** The index the build packaged (`npm run index`), as the extension reads it. */
export function bundledIndex(root = resolve(import.meta.dirname, '../../..')): SummitIndex {
  return decodeBundle(readFileSync(join(root, 'public', BUNDLE_FILE), 'utf8'));
}
