import { Readability } from '@mozilla/readability';
import type { Lang } from '../schema/index-schema';
import { isIsoDay } from '../corpus/iso-day';
import {
  MAX_ARTICLE_CHARS,
  MAX_PAGE_ELEMENTS,
  MAX_TITLE_CHARS,
  MIN_ARTICLE_CHARS,
  type ExtractedArticle,
  type Extraction,
} from './article';
import { refusePage } from './page-refusal';

/** Elements whose text is never article text, whatever Readability kept: captions, asides, controls. */
const SKIPPED = new Set(['FIGCAPTION', 'ASIDE', 'NAV', 'BUTTON', 'FORM', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'SELECT', 'TEXTAREA', 'INPUT']);
/** Elements that end a paragraph of running text. */
const BLOCKS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD',
  'BLOCKQUOTE', 'PRE', 'TABLE', 'TR', 'TD', 'TH', 'FIGURE', 'HR', 'BR',
]);
const LANGS: readonly Lang[] = ['vi', 'en', 'ru'];

export interface ExtractLimits {
  maxElements: number;
  maxChars: number;
}

export const DEFAULT_LIMITS: ExtractLimits = { maxElements: MAX_PAGE_ELEMENTS, maxChars: MAX_ARTICLE_CHARS };

/**
 * The article of a page, with Mozilla's Readability (what Firefox Reader View
 * uses). `doc` is the extension's own parse of the page's markup (never the
 * page the user reads): Readability takes it apart as it works. Refuses, with
 * a reason, what is not one article.
 */
export function extractArticle(doc: Document, pageUrl: string, limits: ExtractLimits = DEFAULT_LIMITS): Extraction {
  const refused = refusePage(doc, pageUrl, limits.maxElements);
  if (!refused.ok) return refused;
  const { url } = refused;

  // Read before Readability moves the article's nodes out of the document.
  const pageTitle = clean(doc.title) || clean(doc.querySelector('h1')?.textContent ?? '');
  const pageDay = dayOf(doc.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime'));
  const pageLang = langOf(doc.documentElement?.getAttribute('lang'));
  withoutPageChrome(doc);
  let parsed: ReturnType<Readability<Element>['parse']>;
  try {
    parsed = new Readability<Element>(doc, { serializer: (node) => node as Element, maxElemsToParse: limits.maxElements }).parse();
  } catch (error) {
    return { ok: false, code: 'no-article', error: `the page could not be read as an article (${error instanceof Error ? error.message : String(error)})` };
  }
  const content = parsed?.content;
  if (!parsed || !content) return { ok: false, code: 'no-article', error: 'no article found on this page' };

  const byline = clean(parsed.byline ?? '').slice(0, MAX_TITLE_CHARS) || null;
  const headline = clean(parsed.title ?? '') || pageTitle;
  const all = withoutByline(paragraphsOf(content), byline).filter((p, i) => !(i === 0 && p === headline));
  const { paragraphs, truncated } = capped(all, limits.maxChars);
  const length = paragraphs.reduce((n, p) => n + p.length, 0);
  if (length < MIN_ARTICLE_CHARS) {
    return { ok: false, code: 'no-article', error: `no article found on this page (${length} characters of running text, at least ${MIN_ARTICLE_CHARS} needed)` };
  }
  // The pipeline takes the first line as the headline when the page gives none.
  const title = headline;

  const article: ExtractedArticle = {
    url,
    title: title.slice(0, MAX_TITLE_CHARS),
    byline,
    site: clean(parsed.siteName ?? '').slice(0, MAX_TITLE_CHARS) || hostOf(url),
    published: dayOf(parsed.publishedTime) ?? pageDay,
    lang: langOf(parsed.lang) ?? pageLang,
    paragraphs,
    truncated,
  };
  return { ok: true, article };
}

/** The page's own landmarks that are never its article: footer, menus, sidebars. */
const PAGE_CHROME = 'footer, nav, aside, [role="contentinfo"], [role="navigation"], [role="complementary"]';

/**
 * Removes the page's footer, menus and sidebars before Readability scores the
 * rest. Readability scores a container by how many paragraphs it holds, so a
 * live page whose footer gains an "updated at …" line every few milliseconds
 * outscores its article after some sixty lines (measured on our Vietnamese
 * test page), and the article is lost. Kept when that would leave less than an
 * article's worth of text: a page built inside its landmarks is still read.
 */
function withoutPageChrome(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  const outermost = [...body.querySelectorAll(PAGE_CHROME)].filter((el) => !el.parentElement?.closest(PAGE_CHROME));
  if (outermost.length === 0) return;
  const chromeChars = outermost.reduce((n, el) => n + (el.textContent?.length ?? 0), 0);
  if ((body.textContent?.length ?? 0) - chromeChars < MIN_ARTICLE_CHARS) return;
  for (const el of outermost) el.remove();
}

/** Text of the article element as paragraphs: a block element ends one, a caption or control adds nothing. */
export function paragraphsOf(root: Element): string[] {
  const out: string[] = [];
  let line = '';
  const flush = () => {
    const text = clean(line);
    if (text !== '') out.push(text);
    line = '';
  };
  // Iterative, so a page nested thousands of levels deep cannot overflow the stack.
  const stack: (Node | 'end')[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === 'end') {
      flush();
      continue;
    }
    if (node.nodeType === 3) {
      line += (node as Text).data;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIPPED.has(tag)) continue;
    const block = BLOCKS.has(tag);
    if (block) {
      flush();
      stack.push('end');
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  flush();
  return out;
}

/** Longer lines that name the author are running text that quotes them, not the credit line. */
const MAX_BYLINE_LINE = 120;

/**
 * Drops the author's credit line (`By Mara Quill · August 17`, or the name
 * alone at the end) that Readability keeps inside the article when the page
 * also states the author in its metadata: it is not the article's text.
 */
function withoutByline(paragraphs: string[], byline: string | null): string[] {
  if (byline === null) return paragraphs;
  const last = paragraphs.length - 1;
  return paragraphs.filter((p, i) => !((i < 2 || i === last) && p.length <= MAX_BYLINE_LINE && p.includes(byline)));
}

function capped(paragraphs: string[], max: number): { paragraphs: string[]; truncated: boolean } {
  let total = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    total += paragraphs[i]!.length;
    if (total > max) return { paragraphs: paragraphs.slice(0, i), truncated: true };
  }
  return { paragraphs, truncated: false };
}

function clean(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/gu, ' ').trim().normalize('NFC');
}

function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}

/** The calendar day as the page wrote it (its own time zone), or null when it gives none that is a real day. */
function dayOf(value: string | null | undefined): string | null {
  const day = /^\s*(\d{4}-\d{2}-\d{2})/.exec(value ?? '')?.[1];
  return day !== undefined && isIsoDay(day) ? day : null;
}

function langOf(value: string | null | undefined): Lang | null {
  const primary = (value ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return LANGS.find((l) => l === primary) ?? null;
}
