/**
 * Builds the bundled index: `npm run index -- [--out FILE] [--corpus DIR] [--gazetteer DIR]`,
 * as JSON Lines (src/schema/index-bundle.ts) with its content hash in the header.
 * The only part of the pipeline that touches the filesystem. On a broken
 * input it prints the CorpusError (file:line: reason) and exits 1 without
 * writing anything: the index is written to a temporary file and renamed
 * into place only once it is complete. Beside it go the database records
 * derived from it (src/store/packed.ts), so the extension need not derive
 * them on the user's machine.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { CorpusError } from '../src/corpus/errors';
import { loadGazetteer } from '../src/corpus/gazetteer';
import { buildIndex } from '../src/corpus/pipeline';
import { BUNDLE_FILE, encodeBundle, parseHeader } from '../src/schema/index-bundle';
import { encodeRecords, RECORDS_FILE } from '../src/store/packed';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? process.argv[at + 1] : undefined;
  return value ?? fallback;
}

function read(path: string) {
  return { file: path.replace(/\\/g, '/'), bytes: new Uint8Array(readFileSync(path)) };
}

async function main(): Promise<number> {
  const corpusDir = option('corpus', 'data/corpus');
  const gazetteerDir = option('gazetteer', 'data/gazetteer');
  const out = resolve(option('out', `public/${BUNDLE_FILE}`));
  const tmp = `${out}.${process.pid}.tmp`;
  const recordsOut = join(dirname(out), RECORDS_FILE);
  const recordsTmp = `${recordsOut}.${process.pid}.tmp`;
  try {
    const gazetteer = loadGazetteer(read(join(gazetteerDir, 'people.json')), read(join(gazetteerDir, 'summits.json')), read(join(gazetteerDir, 'offices.json')));
    const files = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort();
    const index = buildIndex(files.map((f) => read(join(corpusDir, f))), gazetteer);
    mkdirSync(dirname(out), { recursive: true });
    const bundle = encodeBundle(index, (text) => createHash('sha256').update(text).digest('hex'));
    const { hash } = parseHeader(out, bundle.slice(0, bundle.indexOf('\n')));
    writeFileSync(tmp, bundle);
    // After the bundle is encoded: deriving the records takes the index's objects over.
    writeFileSync(recordsTmp, await encodeRecords(index, hash, (bytes) => createHash('sha256').update(bytes).digest('hex'), (bytes) => deflateRawSync(bytes, { level: 9 })));
    // The records' text format before layout 3 (docs/decisions/0045): public/ is packaged whole, so a checkout's old file must not ship.
    rmSync(join(dirname(out), 'summit-index.records.jsonl'), { force: true });
    renameSync(recordsTmp, recordsOut);
    renameSync(tmp, out);
    console.log(`wrote ${out}: ${index.documents.length} documents, ${index.quotes.length} quotes`);
    return 0;
  } catch (e) {
    rmSync(tmp, { force: true });
    rmSync(recordsTmp, { force: true });
    if (e instanceof CorpusError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}

process.exitCode = await main();
