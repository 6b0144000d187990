import { documentId, fnv1a } from '../corpus/ids';
import type { ExtractedArticle } from './article';
import type { ReadingDocument } from './ingest';

/**
 * What the background knows of an added article's entry without the corpus
 * pipeline, which runs in the extraction document (decision 0077): its id and
 * the input it was made from.
 */
export const READING_PREFIX = 'reading-';

/** The article as it was extracted, from what its entry keeps: the input of extracting it again. */
export function storedArticle(document: ReadingDocument): ExtractedArticle {
  return {
    url: document.url,
    title: document.title,
    byline: document.byline,
    site: document.site,
    published: document.pagePublished,
    lang: document.lang,
    paragraphs: document.paragraphs,
    truncated: document.truncated,
  };
}

/** One id per address: adding the same page again replaces the entry instead of adding a second one. */
export function readingDocumentId(url: string): string {
  return documentId(`${READING_PREFIX}${fnv1a(url)}${fnv1a(`${url.length}:${url}`)}.txt`);
}
