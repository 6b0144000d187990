import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { articleUrl, MAX_PAGE_ELEMENTS, MAX_PAGE_HTML_CHARS, type PageSnapshot, type RefusalCode } from './article';

export interface SnapshotLimits {
  maxElements: number;
  maxHtmlChars: number;
}

export const DEFAULT_SNAPSHOT_LIMITS: SnapshotLimits = { maxElements: MAX_PAGE_ELEMENTS, maxHtmlChars: MAX_PAGE_HTML_CHARS };

export type Snapshot = { ok: true; page: PageSnapshot } | { ok: false; code: RefusalCode; error: string };

/**
 * What the content script does when the user adds its page: the cheap
 * refusals (not a web page, too many elements, Readability's own pre-check
 * says no article) and then the page's markup, read in one synchronous call,
 * so a page that changes meanwhile gives one state or the other, never half
 * of each. Readability itself runs in an extension document, so the page
 * never parses or compiles it. The content script's isolated world does not
 * see what the page did to its own prototypes.
 */
export function snapshotPage(doc: Document, pageUrl: string, limits: SnapshotLimits = DEFAULT_SNAPSHOT_LIMITS): Snapshot {
  const url = articleUrl(pageUrl);
  if (url === null) return { ok: false, code: 'not-web-page', error: 'only web pages (http or https) can be added' };
  const elements = doc.getElementsByTagName('*').length;
  if (elements > limits.maxElements) {
    return { ok: false, code: 'too-large', error: `the page has ${elements} elements; pages over ${limits.maxElements} are not read` };
  }
  if (!isProbablyReaderable(doc)) return { ok: false, code: 'no-article', error: 'no article found on this page (too little running text)' };
  // Without its doctype a standards page would be parsed again in quirks mode, where a few tags nest differently.
  const html = `${doc.doctype ? `<!doctype ${doc.doctype.name}>` : ''}${doc.documentElement?.outerHTML ?? ''}`;
  if (html.length > limits.maxHtmlChars) {
    return { ok: false, code: 'too-large', error: `the page's markup is ${html.length} characters; pages over ${limits.maxHtmlChars} are not read` };
  }
  return { ok: true, page: { url, html } };
}
