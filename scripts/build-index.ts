/**
 * Builds the bundled index: `npm run index -- [--out FILE] [--corpus DIR] [--gazetteer DIR]`,
 * as JSON Lines (src/schema/index-bundle.ts) with its content hash in the header.
 * The only part of the pipeline that touches the filesystem. On a broken
 * input it prints the CorpusError (file:line: reason) and exits 1 without
 * writing anything: the index is written to a temporary file and renamed
 * into place only once it is complete.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CorpusError } from '../src/corpus/errors';
import { loadGazetteer } from '../src/corpus/gazetteer';
import { buildIndex } from '../src/corpus/pipeline';
import { BUNDLE_FILE, encodeBundle } from '../src/schema/index-bundle';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? process.argv[at + 1] : undefined;
  return value ?? fallback;
}

function read(path: string) {
  return { file: path.replace(/\\/g, '/'), bytes: new Uint8Array(readFileSync(path)) };
}

function main(): number {
  const corpusDir = option('corpus', 'data/corpus');
  const gazetteerDir = option('gazetteer', 'data/gazetteer');
  const out = resolve(option('out', `public/${BUNDLE_FILE}`));
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    const gazetteer = loadGazetteer(read(join(gazetteerDir, 'people.json')), read(join(gazetteerDir, 'summits.json')), read(join(gazetteerDir, 'offices.json')));
    const files = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort();
    const index = buildIndex(files.map((f) => read(join(corpusDir, f))), gazetteer);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(tmp, encodeBundle(index, (text) => createHash('sha256').update(text).digest('hex')));
    renameSync(tmp, out);
    console.log(`wrote ${out}: ${index.documents.length} documents, ${index.quotes.length} quotes`);
    return 0;
  } catch (e) {
    rmSync(tmp, { force: true });
    if (e instanceof CorpusError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}

process.exitCode = main();
