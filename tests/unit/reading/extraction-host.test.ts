import { describe, expect, it } from 'vitest';
import type { PageSnapshot } from '../../../src/reading/article';
import { extractArticle } from '../../../src/reading/extract';
import { INGEST, ExtractionHost, isIngestRequest, validateIngestAnswer, type ExtractionDocument, type IngestRequest } from '../../../src/reading/extraction-host';
import { ingestArticle } from '../../../src/reading/ingest';
import { realGazetteer } from '../corpus/corpus-fixture';
import { testPage } from './pages';

const URL_VI = 'https://bencang.example/the-gioi/putin-anchorage.html';
const PAGE: PageSnapshot = { url: URL_VI, html: '<!doctype html><html><body><p>text</p></body></html>' };
const extracted = extractArticle(testPage('reading-vi-putin-anchorage.html', URL_VI), URL_VI);
if (!extracted.ok) throw new Error(extracted.error);
const ARTICLE = extracted.article;
/** What the pipeline makes of a real article: the answer the document gives for it. */
const INGESTED = ingestArticle(ARTICLE, realGazetteer(), 1_000);
const IDLE_MS = 15_000;

const what = (request: IngestRequest) => ('page' in request.input ? `page ${request.input.page.url}` : `article ${request.input.article.url}`);

/** A document that records what the host did to it, and a timer the test fires by hand. */
function setup(answer: (request: IngestRequest) => unknown = () => ({ ok: true, ingested: INGESTED })) {
  const log: string[] = [];
  let closing: (() => void) | null = null;
  let failOpen = false;
  const doc: ExtractionDocument = {
    open: async () => {
      log.push('open');
      if (failOpen) throw new Error('offscreen: no more documents');
    },
    close: () => {
      log.push('close');
      return new Promise<void>((resolve) => (closing = resolve));
    },
    send: async (request) => {
      log.push(`send ${what(request)} at ${request.addedAt}`);
      return answer(request);
    },
  };
  const timers = new Map<number, () => void>();
  let next = 0;
  const host = new ExtractionHost(doc, IDLE_MS, {
    set: (run, ms) => {
      expect(ms).toBe(IDLE_MS);
      timers.set(++next, run);
      return next;
    },
    clear: (handle) => timers.delete(handle as number),
  });
  const fireIdle = () => {
    for (const [id, run] of [...timers]) {
      timers.delete(id);
      run();
    }
  };
  return { host, log, timers, fireIdle, finishClose: () => closing?.(), failOpen: (fail: boolean) => (failOpen = fail) };
}

describe('ExtractionHost', () => {
  it('opens the document once for adds that overlap, and closes it only once adding has been idle', async () => {
    const { host, log, timers, fireIdle } = setup();
    const answers = await Promise.all([host.ingest({ page: PAGE }, 5), host.ingest({ article: ARTICLE }, 6)]);
    expect(answers).toEqual([{ ok: true, ingested: INGESTED }, { ok: true, ingested: INGESTED }]);
    expect(log).toEqual(['open', `send page ${URL_VI} at 5`, `send article ${URL_VI} at 6`]);
    expect(timers.size).toBe(1);
    fireIdle();
    expect(log.at(-1)).toBe('close');
  });

  it('an add before the idle time keeps the document open; one after it opens it again, once the close is done', async () => {
    const { host, log, timers, fireIdle, finishClose } = setup();
    await host.ingest({ page: PAGE }, 1);
    await host.ingest({ page: PAGE }, 2);
    expect(timers.size).toBe(1);
    expect(log).toEqual(['open', `send page ${URL_VI} at 1`, `send page ${URL_VI} at 2`]);
    fireIdle();
    const again = host.ingest({ page: PAGE }, 3);
    await Promise.resolve();
    // Chrome allows one offscreen document: no opening while the last one is closing.
    expect(log).toEqual(['open', `send page ${URL_VI} at 1`, `send page ${URL_VI} at 2`, 'close']);
    finishClose();
    await again;
    expect(log.slice(4)).toEqual(['open', `send page ${URL_VI} at 3`]);
  });

  it('passes a refusal through, throws the pipeline\'s own failure, and turns a missing or malformed answer into a clear error', async () => {
    const refusal = { ok: false, code: 'no-article', error: 'no article found on this page' } as const;
    expect(await setup(() => refusal).host.ingest({ page: PAGE }, 1)).toEqual(refusal);
    await expect(setup(() => ({ ok: false, error: 'the article could not be read: the pipeline kept no article' })).host.ingest({ article: ARTICLE }, 1)).rejects.toThrow(
      /^the article could not be read: the pipeline kept no article$/,
    );
    await expect(setup(() => undefined).host.ingest({ page: PAGE }, 1)).rejects.toThrow('the article could not be extracted: the extraction document gave no answer');
    await expect(setup(() => ({ ok: false, code: 'exploded', error: 'x' })).host.ingest({ page: PAGE }, 1)).rejects.toThrow('the article could not be extracted: the extraction document gave a malformed refusal');
  });

  it('a document that failed to open is opened again by the next add', async () => {
    const { host, log, failOpen, fireIdle } = setup();
    failOpen(true);
    await expect(host.ingest({ page: PAGE }, 1)).rejects.toThrow('offscreen: no more documents');
    failOpen(false);
    expect(await host.ingest({ page: PAGE }, 2)).toEqual({ ok: true, ingested: INGESTED });
    expect(log).toEqual(['open', 'open', `send page ${URL_VI} at 2`]);
    fireIdle();
    expect(log.at(-1)).toBe('close');
  });
});

describe('validateIngestAnswer', () => {
  it('keeps the pipeline\'s records, each quote\'s source rebuilt from its document', () => {
    expect(INGESTED.quotes.length).toBe(2);
    const claimed = { ...INGESTED, quotes: INGESTED.quotes.map((q) => ({ ...q, source: { ...q.source, url: 'https://elsewhere.example/' } })) };
    expect(validateIngestAnswer({ ok: true, ingested: claimed })).toEqual({ ok: true, ingested: INGESTED });
  });

  it('refuses records an import would refuse, naming the first problem', () => {
    const [first, second] = INGESTED.quotes;
    const malformed = (ingested: unknown) => validateIngestAnswer({ ok: true, ingested });
    expect(malformed({ document: INGESTED.document })).toBe('the extraction document gave a malformed article (the answer is not {document, quotes})');
    expect(malformed({ ...INGESTED, document: { ...INGESTED.document, url: 'javascript:alert(1)' } })).toBe('the extraction document gave a malformed article (document: "url" must be an http or https address)');
    expect(malformed({ ...INGESTED, document: { ...INGESTED.document, url: 'https://elsewhere.example/' } })).toBe('the extraction document gave a malformed article (document: "id" is not the id of its address)');
    expect(malformed({ ...INGESTED, quotes: [first, { ...second!, text: 'words it never had' }] })).toBe(
      'the extraction document gave a malformed article (quote 2: "text" is not the words of its document at "start".."end")',
    );
    expect(malformed({ ...INGESTED, quotes: [first, first] })).toBe(`the extraction document gave a malformed article (quote 2: "${first!.id}" appears twice)`);
  });
});

describe('isIngestRequest', () => {
  it('knows only the background\'s request with a well-formed page or article', () => {
    expect(isIngestRequest({ type: INGEST, input: { page: PAGE }, addedAt: 1 })).toBe(true);
    expect(isIngestRequest({ type: INGEST, input: { article: ARTICLE }, addedAt: 1 })).toBe(true);
    expect(isIngestRequest({ type: 'addPage', input: { page: PAGE }, addedAt: 1 })).toBe(false);
    expect(isIngestRequest({ type: INGEST, input: { page: { url: 'file:///x', html: '' } }, addedAt: 1 })).toBe(false);
    expect(isIngestRequest({ type: INGEST, input: { article: { ...ARTICLE, paragraphs: 'text' } }, addedAt: 1 })).toBe(false);
    expect(isIngestRequest({ type: INGEST, input: { page: PAGE } })).toBe(false);
    expect(isIngestRequest(null)).toBe(false);
  });
});
