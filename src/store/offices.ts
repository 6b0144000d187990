import { BUNDLE_FILE, BundleReader } from '../schema/index-bundle';
import type { Office } from '../schema/index-schema';

/**
 * The gazetteer's offices, read from the packaged bundle: the index database
 * keeps none (only the lexicon's phrases of a few), and a card names the
 * office a person held at a summit. The bundle lists people, summits, then
 * offices before any document, so the read stops at the first document: a
 * hundred short lines, not the whole index.
 */
export async function bundleOffices(chunks: AsyncIterable<string>, file: string = BUNDLE_FILE): Promise<Office[]> {
  const reader = new BundleReader(file);
  const offices: Office[] = [];
  for await (const chunk of chunks) {
    for (const [kind, record] of reader.push(chunk)) {
      if (kind === 'office') offices.push(record);
      else if (kind === 'document' || kind === 'quote') return offices;
    }
  }
  reader.finish();
  return offices;
}
