import type { ExtractedArticle } from '../../../src/reading/article';
import { pipelineAnswer } from '../../../src/reading/extraction-job';
import type { Ingested } from '../../../src/reading/ingest';
import { ReadingService } from '../../../src/reading/service';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';
import type { SummitStore } from '../../../src/store';
import { realGazetteer } from '../corpus/corpus-fixture';

/** The service's pipeline as the extraction document runs it, in this process: a failure throws its answer's error, as the background does. */
export async function ingestHere(article: ExtractedArticle, addedAt: number): Promise<Ingested> {
  const answer = pipelineAnswer(article, realGazetteer(), addedAt);
  if (!answer.ok) throw new Error(answer.error);
  return answer.ingested;
}

/** A reading service over `store` as a worker that has just woken builds it: nothing in memory yet, the pipeline in this process, a clock stepping 1 ms per reading. */
export function serviceHere(store: SummitStore): ReadingService {
  let clock = 1_000;
  return new ReadingService({
    main: () => store.main(),
    ingest: ingestHere,
    gazetteer: async () => realGazetteer(),
    loadSettings: async () => DEFAULT_SETTINGS,
    saveSettings: async () => undefined,
    now: () => clock++,
  });
}
