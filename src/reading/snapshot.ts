import { MAX_PAGE_ELEMENTS, MAX_PAGE_HTML_CHARS, type PageSnapshot, type RefusalCode } from './article';
import { refusePage } from './page-refusal';

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
  const refused = refusePage(doc, pageUrl, limits.maxElements);
  if (!refused.ok) return refused;
  const { url } = refused;
  // Without its doctype a standards page would be parsed again in quirks mode, where a few tags nest differently.
  const html = `${doc.doctype ? `<!doctype ${doc.doctype.name}>` : ''}${doc.documentElement?.outerHTML ?? ''}`;
  if (html.length > limits.maxHtmlChars) {
    return { ok: false, code: 'too-large', error: `the page's markup is ${html.length} characters; pages over ${limits.maxHtmlChars} are not read` };
  }
  return { ok: true, page: { url, html } };
}
