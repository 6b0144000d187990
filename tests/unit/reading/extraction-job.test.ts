import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PageSnapshot } from '../../../src/reading/article';
import { extractArticle } from '../../../src/reading/extract';
import { INGEST } from '../../../src/reading/extraction-host';
import { answerIngest } from '../../../src/reading/extraction-job';
import { ingestArticle } from '../../../src/reading/ingest';
import { realGazetteer } from '../corpus/corpus-fixture';
import { pageAt, ROOT } from './pages';

const snapshot = (file: string, url: string): PageSnapshot => ({ url, html: readFileSync(join(ROOT, 'tests/e2e/pages', file), 'utf8') });
const extract = (page: PageSnapshot) => extractArticle(pageAt(page.html, page.url), page.url);

/** The gazetteer as the document reads it once, counting the reads. */
function gazetteer() {
  let reads = 0;
  return { read: async () => (reads++, realGazetteer()), reads: () => reads };
}

describe('answerIngest', () => {
  it('extracts a page and answers what the pipeline makes of its article', async () => {
    const page = snapshot('reading-vi-putin-anchorage.html', 'https://bencang.example/the-gioi/putin-anchorage.html');
    const answer = await answerIngest({ type: INGEST, input: { page }, addedAt: 7 }, extract, gazetteer().read);
    const extracted = extract(page);
    if (!extracted.ok) throw new Error(extracted.error);
    expect(answer).toEqual({ ok: true, ingested: ingestArticle(extracted.article, realGazetteer(), 7) });
    expect(answer.ok && answer.ingested.quotes.map((q) => q.speaker)).toEqual(['putin', 'trump']);
  });

  it('refuses a page with no article before the pipeline, with the refusal\'s code', async () => {
    const names = gazetteer();
    const page = snapshot('reading-sign-in.html', 'https://harbor-ledger.example/account/sign-in');
    expect(await answerIngest({ type: INGEST, input: { page }, addedAt: 7 }, extract, names.read)).toEqual({
      ok: false,
      code: 'no-article',
      error: 'no article found on this page (too little running text)',
    });
    expect(names.reads()).toBe(0);
  });

  it('answers the pipeline\'s failure, without a code, for an article it keeps nothing of', async () => {
    const article = { url: 'https://bencang.example/anh', title: '', byline: null, site: null, published: null, lang: 'vi' as const, paragraphs: ['Ảnh: Báo Bến Cảng'], truncated: false };
    expect(await answerIngest({ type: INGEST, input: { article }, addedAt: 7 }, extract, gazetteer().read)).toEqual({
      ok: false,
      error: 'the article could not be read: no article text left after removing page furniture',
    });
  });
});
