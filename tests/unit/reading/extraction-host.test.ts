import { describe, expect, it } from 'vitest';
import type { Extraction, PageSnapshot } from '../../../src/reading/article';
import { EXTRACT_PAGE, ExtractionHost, isExtractPageRequest, type ExtractionDocument, type ExtractPageRequest } from '../../../src/reading/extraction-host';

const PAGE: PageSnapshot = { url: 'https://a.example/story', html: '<!doctype html><html><body><p>text</p></body></html>' };
const ARTICLE = { url: PAGE.url, title: 'Story', byline: null, site: 'a.example', published: null, lang: 'en', paragraphs: ['text'], truncated: false };
const IDLE_MS = 15_000;

/** A document that records what the host did to it, and a timer the test fires by hand. */
function setup(answer: (request: ExtractPageRequest) => unknown = () => ({ ok: true, article: ARTICLE })) {
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
      log.push(`send ${request.page.url}`);
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
    const answers = await Promise.all([host.extract(PAGE), host.extract({ ...PAGE, url: 'https://b.example/' })]);
    expect(answers).toEqual([{ ok: true, article: ARTICLE }, { ok: true, article: ARTICLE }]);
    expect(log).toEqual(['open', 'send https://a.example/story', 'send https://b.example/']);
    expect(timers.size).toBe(1);
    fireIdle();
    expect(log.at(-1)).toBe('close');
  });

  it('an add before the idle time keeps the document open; one after it opens it again, once the close is done', async () => {
    const { host, log, timers, fireIdle, finishClose } = setup();
    await host.extract(PAGE);
    await host.extract(PAGE);
    expect(timers.size).toBe(1);
    expect(log).toEqual(['open', `send ${PAGE.url}`, `send ${PAGE.url}`]);
    fireIdle();
    const again = host.extract(PAGE);
    await Promise.resolve();
    // Chrome allows one offscreen document: no opening while the last one is closing.
    expect(log).toEqual(['open', `send ${PAGE.url}`, `send ${PAGE.url}`, 'close']);
    finishClose();
    await again;
    expect(log.slice(4)).toEqual(['open', `send ${PAGE.url}`]);
  });

  it('passes a refusal through, and turns a missing or malformed answer into a clear error', async () => {
    const refusal: Extraction = { ok: false, code: 'no-article', error: 'no article found on this page' };
    expect(await setup(() => refusal).host.extract(PAGE)).toEqual(refusal);
    await expect(setup(() => undefined).host.extract(PAGE)).rejects.toThrow('the article could not be extracted: the extraction document gave no answer');
    await expect(setup(() => ({ ok: false, code: 'exploded', error: 'x' })).host.extract(PAGE)).rejects.toThrow('the article could not be extracted: the extraction document gave a malformed refusal');
    await expect(setup(() => ({ ok: true, article: { ...ARTICLE, url: 'javascript:alert(1)' } })).host.extract(PAGE)).rejects.toThrow(
      'the article could not be extracted: addArticle.article.url must be an http(s) address',
    );
  });

  it('a document that failed to open is opened again by the next add', async () => {
    const { host, log, failOpen, fireIdle } = setup();
    failOpen(true);
    await expect(host.extract(PAGE)).rejects.toThrow('offscreen: no more documents');
    failOpen(false);
    expect(await host.extract(PAGE)).toEqual({ ok: true, article: ARTICLE });
    expect(log).toEqual(['open', 'open', `send ${PAGE.url}`]);
    fireIdle();
    expect(log.at(-1)).toBe('close');
  });
});

describe('isExtractPageRequest', () => {
  it('knows only the background\'s request with a well-formed page', () => {
    expect(isExtractPageRequest({ type: EXTRACT_PAGE, page: PAGE })).toBe(true);
    expect(isExtractPageRequest({ type: 'addPage', page: PAGE })).toBe(false);
    expect(isExtractPageRequest({ type: EXTRACT_PAGE, page: { url: 'file:///x', html: '' } })).toBe(false);
    expect(isExtractPageRequest(null)).toBe(false);
  });
});
