import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { articleUrl, type RefusalCode } from './article';

export type PageRefusal = { ok: false; code: RefusalCode; error: string };

/**
 * The refusals made before an article is read: not a web page, too many
 * elements, Readability's own pre-check says no article. The page makes them
 * before it sends its markup and the extension again on its own parse of that
 * markup, which it cannot take on trust. Imports only Readability's small
 * pre-check, so the content script never carries Readability itself.
 */
export function refusePage(doc: Document, pageUrl: string, maxElements: number): { ok: true; url: string } | PageRefusal {
  const url = articleUrl(pageUrl);
  if (url === null) return { ok: false, code: 'not-web-page', error: 'only web pages (http or https) can be added' };
  const elements = doc.getElementsByTagName('*').length;
  if (elements > maxElements) {
    return { ok: false, code: 'too-large', error: `the page has ${elements} elements; pages over ${maxElements} are not read` };
  }
  if (!isProbablyReaderable(doc)) return { ok: false, code: 'no-article', error: 'no article found on this page (too little running text)' };
  return { ok: true, url };
}
