import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Gazetteer } from '../src/corpus/gazetteer';
import type { ExtractedArticle } from '../src/reading/article';
import { ingestArticle, type ReadingDocument, type ReadingQuote } from '../src/reading/ingest';
import { encodeUserData } from '../src/reading/transfer';
import { seededRandom } from './random';
import { pseudoWord, shiftDay } from './synthetic-index';

/**
 * A reader's own corpus of `count` articles, as the content script would have
 * extracted them: each one a seed article's lines in a new order under its own
 * address and date, with one lower-case word in ten swapped for a generated
 * one, so the user's vocabulary grows with their reading instead of repeating
 * five articles. Names, quote marks and speech verbs mostly stay, so the
 * pipeline finds speakers and quotes as it does on real news. Deterministic.
 */
export function syntheticArticles(root: string, count: number, seed = 13): ExtractedArticle[] {
  const dir = join(root, 'data/corpus');
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .map((line) => line.replace(/^\s*date \d{4}-\d{2}-\d{2}\s*/, '').trim())
        .filter((line) => line !== '' && line !== '-'),
    );
  const random = seededRandom(seed);
  const vocabulary = Array.from({ length: 5_000 }, () => pseudoWord(random));
  const swap = (line: string) => line.replace(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}\p{N}]*/gu, (w) => (random() < 0.1 ? vocabulary[Math.floor(vocabulary.length * random() ** 2)]! : w));
  return Array.from({ length: count }, (_, i) => {
    const lines = sources[i % sources.length]!;
    const [title, ...rest] = lines;
    for (let k = rest.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [rest[k], rest[j]] = [rest[j]!, rest[k]!];
    }
    return {
      url: `https://bao-ben-cang.example/the-gioi/bai-${String(i).padStart(4, '0')}.html`,
      title: `${title} (${i})`,
      byline: null,
      site: 'Báo Bến Cảng',
      published: shiftDay('2025-08-20', random),
      lang: 'vi',
      paragraphs: rest.map(swap),
      truncated: false,
    };
  });
}

/** The export file of a user who added `articles` through the extension's own pipeline, as *Import* reads it. */
export function syntheticUserFile(articles: readonly ExtractedArticle[], gazetteer: Gazetteer, addedFrom = Date.UTC(2026, 0, 1)): { text: string; documents: number; quotes: number } {
  const documents: ReadingDocument[] = [];
  const quotes: ReadingQuote[] = [];
  articles.forEach((article, i) => {
    const ingested = ingestArticle(article, gazetteer, addedFrom + i * 60_000);
    documents.push(ingested.document);
    quotes.push(...ingested.quotes);
  });
  const text = encodeUserData({ documents, quotes, corrections: [], saved: [], settings: null }, new Date(addedFrom + articles.length * 60_000));
  return { text, documents: documents.length, quotes: quotes.length };
}
