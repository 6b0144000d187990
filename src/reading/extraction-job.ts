import { CorpusError } from '../corpus/errors';
import type { Gazetteer } from '../corpus/gazetteer';
import type { ExtractedArticle, Extraction, PageSnapshot } from './article';
import type { IngestAnswer, IngestRequest } from './extraction-host';
import { ingestArticle } from './ingest';

/**
 * Runs the corpus pipeline on one article; a failure of the pipeline becomes
 * the error the user reads. Only the extraction document imports this module:
 * it is what keeps the pipeline out of the background (decision 0077).
 */
export function pipelineAnswer(article: ExtractedArticle, gazetteer: Gazetteer, addedAt: number): IngestAnswer {
  try {
    return { ok: true, ingested: ingestArticle(article, gazetteer, addedAt) };
  } catch (error) {
    return { ok: false, error: error instanceof CorpusError ? `the article could not be read: ${error.reason}` : error instanceof Error ? error.message : String(error) };
  }
}

/** The extraction document's answer to the background: a page is extracted first, and a page with no article is refused before the pipeline. */
export async function answerIngest(request: IngestRequest, extract: (page: PageSnapshot) => Extraction, gazetteer: () => Promise<Gazetteer>): Promise<IngestAnswer> {
  const { input } = request;
  let article: ExtractedArticle;
  if ('page' in input) {
    const extraction = extract(input.page);
    if (!extraction.ok) return extraction;
    article = extraction.article;
  } else {
    article = input.article;
  }
  return pipelineAnswer(article, await gazetteer(), request.addedAt);
}
