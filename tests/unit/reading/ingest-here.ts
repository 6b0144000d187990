import type { ExtractedArticle } from '../../../src/reading/article';
import { pipelineAnswer } from '../../../src/reading/extraction-job';
import type { Ingested } from '../../../src/reading/ingest';
import { realGazetteer } from '../corpus/corpus-fixture';

/** The service's pipeline as the extraction document runs it, in this process: a failure throws its answer's error, as the background does. */
export async function ingestHere(article: ExtractedArticle, addedAt: number): Promise<Ingested> {
  const answer = pipelineAnswer(article, realGazetteer(), addedAt);
  if (!answer.ok) throw new Error(answer.error);
  return answer.ingested;
}
