import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SummitIndex } from '../../../src/schema/index-schema';
import type { InputFile } from '../../../src/corpus/decode';
import { loadGazetteer, type Gazetteer } from '../../../src/corpus/gazetteer';
import { buildIndex } from '../../../src/corpus/pipeline';

export const ROOT = join(__dirname, '..', '..', '..');

export function readInput(relative: string): InputFile {
  return { file: relative, bytes: new Uint8Array(readFileSync(join(ROOT, relative))) };
}

export function corpusInputs(): InputFile[] {
  return readdirSync(join(ROOT, 'data/corpus'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readInput(`data/corpus/${f}`));
}

export function rawText(file: string): string {
  return readFileSync(join(ROOT, 'data/corpus', file), 'utf8').normalize('NFC');
}

let gazetteer: Gazetteer | undefined;
export function realGazetteer(): Gazetteer {
  gazetteer ??= loadGazetteer(readInput('data/gazetteer/people.json'), readInput('data/gazetteer/summits.json'), readInput('data/gazetteer/offices.json'));
  return gazetteer;
}

let index: SummitIndex | undefined;
export function realIndex(): SummitIndex {
  index ??= buildIndex(corpusInputs(), realGazetteer());
  return index;
}

export function docByFile(file: string) {
  const doc = realIndex().documents.find((d) => d.file.endsWith(file));
  if (!doc) throw new Error(`no document for ${file}`);
  return doc;
}

export const bytes = (s: string) => new TextEncoder().encode(s);
