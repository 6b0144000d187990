/** Reads one part of the development set (`dev` or `holdout`): its articles as pipeline inputs and their gold labels. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InputFile } from '../../src/corpus/decode';
import type { GoldArticle } from './score';

export const DEVSET_DIR = dirname(fileURLToPath(import.meta.url));

export interface DevsetPart {
  inputs: InputFile[];
  gold: GoldArticle[];
}

export function readDevset(part: 'dev' | 'holdout'): DevsetPart {
  const dir = join(DEVSET_DIR, part);
  const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  return {
    inputs: texts.map((f) => ({ file: `tests/devset/${part}/${f}`, bytes: new Uint8Array(readFileSync(join(dir, f))) })),
    gold: texts.map((f) => ({ file: f, ...(JSON.parse(readFileSync(join(dir, f.replace(/\.txt$/, '.gold.json')), 'utf8')) as Omit<GoldArticle, 'file'>) })),
  };
}
