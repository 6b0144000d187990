/**
 * Reads one part of the detection set (`dev` or `holdout`, tests/detset/README.md):
 * each page's HTML and its gold labels, checked against the gazetteer so a typo
 * in an id is an error with the file's name, not a silent miss.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DETSET_DIR = dirname(fileURLToPath(import.meta.url));

export interface GoldPage {
  /** The page's id: its file name without `.html`. */
  id: string;
  lang: 'vi' | 'en' | 'ru';
  /** The summit a careful reader says the page is about; null when it is about none. */
  summit: string | null;
  /** Every gazetteer person the page's visible text names, with how many times. */
  people: Record<string, number>;
  note?: string;
  /** Optional: the address the page was served from (a date in it is the page's day, as on the web). */
  url?: string;
}

export interface DetsetPage {
  gold: GoldPage;
  html: string;
}

export interface KnownIds {
  people: ReadonlySet<string>;
  summits: ReadonlySet<string>;
}

const LANGS = new Set(['vi', 'en', 'ru']);

/** Checks one gold file's shape and ids; throws with the file's name and what is wrong. */
export function parseGold(file: string, text: string, known: KnownIds): GoldPage {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message})`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`${file}: expected an object`);
  const g = raw as Record<string, unknown>;
  if (typeof g.lang !== 'string' || !LANGS.has(g.lang)) throw new Error(`${file}: "lang" must be "vi", "en" or "ru"`);
  if (g.summit !== null && (typeof g.summit !== 'string' || !known.summits.has(g.summit))) {
    throw new Error(`${file}: "summit" ${JSON.stringify(g.summit)} is not null nor a summit id of data/gazetteer/summits.json`);
  }
  if (g.people === null || typeof g.people !== 'object' || Array.isArray(g.people)) throw new Error(`${file}: "people" must be an object`);
  const people: Record<string, number> = {};
  for (const [id, count] of Object.entries(g.people as Record<string, unknown>)) {
    if (!known.people.has(id)) throw new Error(`${file}: "${id}" is not a person id of data/gazetteer/people.json`);
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) throw new Error(`${file}: "${id}" needs a whole number of occurrences ≥ 1, got ${JSON.stringify(count)}`);
    people[id] = count;
  }
  if (g.note !== undefined && typeof g.note !== 'string') throw new Error(`${file}: "note" must be a string`);
  if (g.url !== undefined && typeof g.url !== 'string') throw new Error(`${file}: "url" must be a string`);
  const id = file.replace(/^.*\//, '').replace(/\.gold\.json$/, '');
  return { id, lang: g.lang as GoldPage['lang'], summit: g.summit as string | null, people, ...(g.note === undefined ? {} : { note: g.note as string }), ...(g.url === undefined ? {} : { url: g.url as string }) };
}

/** The pages of one part, in file-name order; a page without its gold file (or the reverse) is an error. */
export function readDetset(part: 'dev' | 'holdout', known: KnownIds, dir = join(DETSET_DIR, part)): DetsetPage[] {
  if (!existsSync(dir)) throw new Error(`no ${part} part at ${dir}`);
  const files = readdirSync(dir).sort();
  const pages: DetsetPage[] = [];
  for (const file of files.filter((f) => f.endsWith('.html'))) {
    const goldFile = join(dir, file.replace(/\.html$/, '.gold.json'));
    if (!existsSync(goldFile)) throw new Error(`${join(dir, file)}: no gold file ${goldFile}`);
    pages.push({ gold: parseGold(goldFile, readFileSync(goldFile, 'utf8'), known), html: readFileSync(join(dir, file), 'utf8') });
  }
  for (const file of files.filter((f) => f.endsWith('.gold.json'))) {
    if (!existsSync(join(dir, file.replace(/\.gold\.json$/, '.html')))) throw new Error(`${join(dir, file)}: no page ${file.replace(/\.gold\.json$/, '.html')}`);
  }
  return pages;
}
