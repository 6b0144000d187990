import { describe, expect, it } from 'vitest';
import { MAX_PAGE_HTML_CHARS, validateSnapshot } from '../../../src/reading/article';
import { extractArticle } from '../../../src/reading/extract';
import { snapshotPage } from '../../../src/reading/snapshot';
import { validateRequest } from '../../../src/protocol/messages';
import { pageAt, testPage } from './pages';

const URL_WITH_FRAGMENT = 'https://harbor-ledger.example/world/2025/08/17/lavrov-anchorage#comments';
const URL = 'https://harbor-ledger.example/world/2025/08/17/lavrov-anchorage';

describe('snapshotPage', () => {
  it('sends the page\'s whole markup with its doctype, at its address without fragment', () => {
    const doc = testPage('reading-lavrov-anchorage.html', URL_WITH_FRAGMENT);
    const snapshot = snapshotPage(doc, URL_WITH_FRAGMENT);
    expect(snapshot).toEqual({ ok: true, page: { url: URL, html: `<!doctype html>${doc.documentElement.outerHTML}` } });
  });

  it('is taken at one instant: a page that changes afterwards does not change what is extracted', () => {
    const doc = testPage('reading-lavrov-anchorage.html', URL);
    const snapshot = snapshotPage(doc, URL);
    if (!snapshot.ok) throw new Error(snapshot.error);
    for (const p of doc.querySelectorAll('article p')) p.textContent = 'Replaced by the page after the user asked.';
    const result = extractArticle(pageAt(snapshot.page.html, URL), URL);
    if (!result.ok) throw new Error(result.error);
    expect(result.article.paragraphs[1]).toBe('“We came to Anchorage to talk, and we talked for nearly three hours without a single raised voice,” Lavrov told reporters outside the Russian delegation\'s hotel.');
    expect(result.article.paragraphs.join(' ')).not.toContain('Replaced');
  });

  it('refuses, sending nothing, what is not a web page, a page with no article and a page over either cap, each cap stated', () => {
    const lavrov = testPage('reading-lavrov-anchorage.html', URL);
    expect(snapshotPage(lavrov, 'file:///home/me/saved.html')).toEqual({ ok: false, code: 'not-web-page', error: 'only web pages (http or https) can be added' });
    const signIn = 'https://harbor-ledger.example/account/sign-in';
    expect(snapshotPage(testPage('reading-sign-in.html', signIn), signIn)).toEqual({ ok: false, code: 'no-article', error: 'no article found on this page (too little running text)' });
    const length = `<!doctype html>${lavrov.documentElement.outerHTML}`.length;
    expect(snapshotPage(lavrov, URL, { maxElements: 100_000, maxHtmlChars: length - 1 })).toEqual({
      ok: false,
      code: 'too-large',
      error: `the page's markup is ${length} characters; pages over ${length - 1} are not read`,
    });
  });

  it('refuses a page of more elements than the cap by counting them, before reading any text', () => {
    const url = 'https://huge.example/page';
    const doc = pageAt(`<html><body><article>${'<p><b>Putin</b> nói</p>'.repeat(1_000)}</article></body></html>`, url);
    // html, head, body and article count too.
    expect(snapshotPage(doc, url, { maxElements: 2_000, maxHtmlChars: MAX_PAGE_HTML_CHARS })).toEqual({ ok: false, code: 'too-large', error: 'the page has 2004 elements; pages over 2000 are not read' });
  });
});

describe('addPage requests', () => {
  it('carries an http(s) address without fragment and markup within the cap, nothing else', () => {
    expect(validateRequest({ type: 'addPage', page: { url: URL, html: '<p>x</p>', extra: 1 } })).toEqual({ type: 'addPage', page: { url: URL, html: '<p>x</p>' } });
    expect(validateSnapshot({ url: URL_WITH_FRAGMENT, html: '' })).toBe('addPage.page.url must be an http(s) address without fragment');
    expect(validateSnapshot({ url: 'file:///a.html', html: '' })).toBe('addPage.page.url must be an http(s) address without fragment');
    expect(validateSnapshot({ url: URL, html: 'x'.repeat(MAX_PAGE_HTML_CHARS + 1) })).toBe('addPage.page.html must be a string of at most 8000000 characters');
    expect(validateRequest({ type: 'addPage', page: { url: URL } })).toBe('addPage.page.html must be a string of at most 8000000 characters');
    expect(validateRequest({ type: 'addPage' })).toBe('addPage.page must be an object');
  });
});
