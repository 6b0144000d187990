/**
 * Index build throughput: synthesises a large corpus from the real articles
 * (paragraphs shuffled, files renamed, fixed seed so every run builds the same
 * bytes), builds the index in-process and compares with a baseline that only
 * decodes, NFC-normalises and splits the same bytes into lines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InputFile } from '../src/corpus/decode';
import { loadGazetteer } from '../src/corpus/gazetteer';
import { buildIndex } from '../src/corpus/pipeline';
import { seededRandom as random } from './random';

export interface IndexBuildBench {
  articles: number;
  megabytes: number;
  seconds: number;
  mbPerSecond: number;
  baselineSeconds: number;
  /** Build time over baseline time on the same bytes. */
  ratio: number;
  peakRssMb: number;
  single: SingleArticleBench;
}

/** One article of about 20 kB through the whole pipeline, as the extension will run it on a page. */
export interface SingleArticleBench {
  kilobytes: number;
  runs: number;
  medianMs: number;
  p95Ms: number;
  /** Decode + NFC + split lines of the same bytes, median of the same number of runs. */
  baselineMedianMs: number;
}

const ROOT = join(import.meta.dirname, '..');
const SEED = 0x5eed;


function shuffle<T>(items: T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function synthesiseCorpus(articles: number, seed = SEED): InputFile[] {
  const dir = join(ROOT, 'data/corpus');
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      // Keep the first block (headline or metadata) in place; shuffle the rest.
      const blocks = text.includes('\n\n') ? text.split(/\n{2,}/) : text.split('\n');
      return { name: f.replace(/\.txt$/, ''), head: blocks[0]!, rest: blocks.slice(1), sep: text.includes('\n\n') ? '\n\n' : '\n' };
    });
  const next = random(seed);
  const encoder = new TextEncoder();
  return Array.from({ length: articles }, (_, i) => {
    const src = sources[i % sources.length]!;
    const text = [src.head, ...shuffle(src.rest, next)].join(src.sep);
    return { file: `synthetic/${String(i).padStart(6, '0')}_${src.name}.txt`, bytes: encoder.encode(text) };
  });
}

/** About `bytes` of article: the seed articles' paragraphs, shuffled with a fixed seed, under one headline. */
export function synthesiseArticle(bytes: number, seed = SEED): InputFile {
  const dir = join(ROOT, 'data/corpus');
  const paragraphs = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/\n{2,}/).slice(1));
  const next = random(seed);
  const encoder = new TextEncoder();
  const parts = ['Tổng thống Putin và Tổng thống Trump gặp nhau tại Alaska'];
  while (encoder.encode(parts.join('\n\n')).length < bytes) parts.push(...shuffle(paragraphs, next));
  let text = parts.join('\n\n');
  while (encoder.encode(text).length > bytes) text = text.slice(0, text.lastIndexOf('\n\n'));
  return { file: 'synthetic/single.txt', bytes: encoder.encode(text) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!;
}

function benchSingle(gazetteer: Parameters<typeof buildIndex>[1], runs: number): SingleArticleBench {
  const article = synthesiseArticle(20_000);
  for (let i = 0; i < 10; i++) {
    buildIndex([article], gazetteer);
    baseline([article]);
  }
  const build: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < runs; i++) {
    build.push(seconds(() => buildIndex([article], gazetteer)) * 1000);
    base.push(seconds(() => baseline([article])) * 1000);
  }
  return { kilobytes: round(article.bytes.length / 1000), runs, medianMs: round(median(build)), p95Ms: round(p95(build)), baselineMedianMs: round(median(base)) };
}

function baseline(inputs: InputFile[]): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lines = 0;
  for (const input of inputs) lines += decoder.decode(input.bytes).normalize('NFC').split('\n').length;
  return lines;
}

function seconds(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export async function benchIndexBuild(opts?: { articles?: number }): Promise<IndexBuildBench> {
  const articles = opts?.articles ?? 10_000;
  const read = (f: string): InputFile => ({ file: f, bytes: new Uint8Array(readFileSync(join(ROOT, f))) });
  const gazetteer = loadGazetteer(read('data/gazetteer/people.json'), read('data/gazetteer/summits.json'), read('data/gazetteer/offices.json'));
  const inputs = synthesiseCorpus(articles);
  const megabytes = inputs.reduce((n, i) => n + i.bytes.length, 0) / 1e6;

  // Warm both paths so JIT compilation is not billed to either.
  const warm = inputs.slice(0, Math.min(50, inputs.length));
  baseline(warm);
  buildIndex(warm, gazetteer);

  const single = benchSingle(gazetteer, 50);
  const baselineSeconds = seconds(() => baseline(inputs));
  let quotes = 0;
  const buildSeconds = seconds(() => {
    quotes = buildIndex(inputs, gazetteer).quotes.length;
  });
  if (quotes === 0) throw new Error('benchmark corpus produced no quotes');
  return {
    articles,
    megabytes: round(megabytes),
    seconds: round(buildSeconds),
    mbPerSecond: round(megabytes / buildSeconds),
    baselineSeconds: round(baselineSeconds),
    ratio: round(buildSeconds / baselineSeconds),
    peakRssMb: round(process.resourceUsage().maxRSS / 1024),
    single,
  };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
