import { CorpusError } from '../corpus/errors';
import type { Gazetteer } from '../corpus/gazetteer';
import { buildIndex } from '../corpus/pipeline';
import type { QuoteSource } from '../protocol/views';
import type { IndexDocument, IsoDay, Lang, Quote } from '../schema/index-schema';
import type { ExtractedArticle } from './article';
import { readingDocumentId } from './stored';

/** An article the user added, as the main database keeps it: what the pipeline made of it and where it was read. */
export interface ReadingDocument extends IndexDocument {
  url: string;
  /** The site as the page names itself, or its host. */
  site: string | null;
  byline: string | null;
  lang: Lang | null;
  truncated: boolean;
  addedAt: number;
  /** The extracted paragraphs the pipeline ran on, so the article can be extracted again after a pipeline update. */
  paragraphs: string[];
  /** The date the page itself stated (`published` may come from the text when it stated none). */
  pagePublished: IsoDay | null;
}

/** A quote of an added article; its source is copied in so showing it reads no article. */
export interface ReadingQuote extends Quote {
  source: QuoteSource & { origin: 'reading'; url: string };
}

export interface Ingested {
  document: ReadingDocument;
  quotes: ReadingQuote[];
}

/**
 * The text the pipeline reads, in the corpus files' own shape: an optional
 * `date` line, the headline, then one paragraph a line. So the user's article
 * goes through exactly the cleaning, quote, speaker and date rules of the
 * bundled corpus.
 */
export function articleText(article: ExtractedArticle): string {
  const lines = [article.title, ...article.paragraphs];
  if (article.published !== null) lines.unshift(`date ${article.published}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Runs the corpus pipeline on one extracted article. Throws CorpusError when the
 * pipeline finds nothing it can keep (for instance a page of captions only).
 */
export function ingestArticle(article: ExtractedArticle, gazetteer: Gazetteer, now: number): Ingested {
  const id = readingDocumentId(article.url);
  const bytes = new TextEncoder().encode(articleText(article));
  const index = buildIndex([{ file: `${id}.txt`, bytes }], gazetteer);
  const built = index.documents[0];
  if (!built) throw new CorpusError(`${id}.txt`, 1, 'the pipeline kept no article');
  // The page's own metadata is better than what the text alone reveals; the pipeline's reading stands where the page says nothing.
  const document: ReadingDocument = {
    ...built,
    title: article.title || built.title,
    titleInferred: article.title === '' && built.titleInferred,
    outlet: article.site ?? built.outlet,
    published: article.published ?? built.published,
    url: article.url,
    site: article.site,
    byline: article.byline,
    lang: article.lang,
    truncated: article.truncated,
    addedAt: now,
    paragraphs: article.paragraphs,
    pagePublished: article.published,
  };
  const source = { document: id, title: document.title, outlet: document.outlet, published: document.published, origin: 'reading' as const, url: article.url };
  const quotes = index.quotes.map((q) => ({ ...q, source: { ...source } }));
  return { document, quotes };
}
