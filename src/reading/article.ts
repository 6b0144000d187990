import type { IsoDay, Lang } from '../schema/index-schema';

/**
 * An article as the content script extracted it from the page the user reads:
 * plain text in paragraphs, never HTML, and only what the page itself states
 * (null where it does not say).
 */
export interface ExtractedArticle {
  url: string;
  title: string;
  byline: string | null;
  site: string | null;
  published: IsoDay | null;
  lang: Lang | null;
  /** Paragraphs, furniture removed. */
  paragraphs: string[];
  /** True when the page was longer than `MAX_ARTICLE_CHARS` and its end was left out. */
  truncated: boolean;
}

/** About forty printed pages: longer pages are cut at a paragraph and say so. */
export const MAX_ARTICLE_CHARS = 100_000;
/** Readability's own default reports fewer characters than this as "no article". */
export const MIN_ARTICLE_CHARS = 400;
/** A page with more elements than this is refused rather than parsed for seconds. */
export const MAX_PAGE_ELEMENTS = 100_000;
export const MAX_TITLE_CHARS = 300;
export const MAX_URL_CHARS = 2_000;
/**
 * The page's markup the content script sends for extraction: 8 M characters
 * (16 MB in memory) holds any news page we have seen several times over, inline
 * scripts included, and stays far under a browser's 64 MB message limit.
 */
export const MAX_PAGE_HTML_CHARS = 8_000_000;

/**
 * A page as the content script hands it to the extension when the user adds
 * it: its address (without fragment) and its markup as it was at that
 * instant. Readability runs on it in an extension document, never in the page.
 */
export interface PageSnapshot {
  url: string;
  html: string;
}

export type RefusalCode = 'no-article' | 'too-large' | 'not-web-page';

export type Extraction = { ok: true; article: ExtractedArticle } | { ok: false; code: RefusalCode; error: string };

/** The page's address without its fragment, so `#comments` and the article are one entry; null for what is not a web page. */
export function articleUrl(pageUrl: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(pageUrl);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  parsed.hash = '';
  const href = parsed.href;
  return href.length <= MAX_URL_CHARS ? href : null;
}

/** What adding a page answers: the contract of the content script's `addThisPage` reply. */
export interface AddedArticle {
  document: { id: string; title: string; url: string; published: IsoDay | null };
  quotes: number;
  /** The same address was added before; its entry was replaced, not duplicated. */
  replaced: boolean;
  truncated: boolean;
}

export type AddThisPageAnswer = ({ ok: true } & AddedArticle) | { ok: false; error: string; code?: RefusalCode | 'failed' };

/** Checks a page a content script sent for extraction: an http(s) address and markup within the cap. */
export function validateSnapshot(value: unknown): PageSnapshot | string {
  if (!isRecord(value)) return 'addPage.page must be an object';
  if (typeof value.url !== 'string' || articleUrl(value.url) !== value.url) return 'addPage.page.url must be an http(s) address without fragment';
  if (typeof value.html !== 'string' || value.html.length > MAX_PAGE_HTML_CHARS) return `addPage.page.html must be a string of at most ${MAX_PAGE_HTML_CHARS} characters`;
  return { url: value.url, html: value.html };
}

/** Checks what the extraction document answered, so a broken or missing answer becomes a clear error. */
export function validateExtraction(value: unknown): Extraction | string {
  if (!isRecord(value) || typeof value.ok !== 'boolean') return 'the extraction document gave no answer';
  if (!value.ok) {
    const code = value.code;
    if ((code !== 'no-article' && code !== 'too-large' && code !== 'not-web-page') || typeof value.error !== 'string') return 'the extraction document gave a malformed refusal';
    return { ok: false, code, error: value.error };
  }
  const article = validateArticle(value.article);
  return typeof article === 'string' ? article : { ok: true, article };
}

/** One line of "Your articles". */
export interface ReadingArticleSummary {
  id: string;
  title: string;
  url: string;
  site: string | null;
  published: IsoDay | null;
  addedAt: number;
  quotes: number;
  truncated: boolean;
}

export interface ImportSummary {
  documents: number;
  quotes: number;
  corrections: number;
  saved: number;
  settings: boolean;
}

/** The name an export is saved under; here, beside the import's size cap, so the popup names the file without carrying the import's checks (decision 0077). */
export const USER_FILE_NAME = 'summit-lens-my-corpus.jsonl';

/** An export as large as this holds thousands of articles; a larger file is refused before it is read. */
export const MAX_IMPORT_CHARS = 32 * 1024 * 1024;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const nullableString = (v: unknown, max: number) => v === null || (typeof v === 'string' && v.length <= max);

/**
 * Checks an article a content script sent before the pipeline sees it: a
 * page can shape what its content script extracts, never how large it is or
 * which fields it has. Returns a fresh copy or the reason it was refused.
 */
export function validateArticle(value: unknown): ExtractedArticle | string {
  if (!isRecord(value)) return 'addArticle.article must be an object';
  if (typeof value.url !== 'string' || value.url.length > MAX_URL_CHARS || !/^https?:\/\//.test(value.url)) return 'addArticle.article.url must be an http(s) address';
  if (typeof value.title !== 'string' || value.title.length > MAX_TITLE_CHARS) return `addArticle.article.title must be a string of at most ${MAX_TITLE_CHARS} characters`;
  if (!nullableString(value.byline, MAX_TITLE_CHARS)) return 'addArticle.article.byline must be a short string or null';
  if (!nullableString(value.site, MAX_TITLE_CHARS)) return 'addArticle.article.site must be a short string or null';
  if (!(value.published === null || (typeof value.published === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.published)))) return 'addArticle.article.published must be YYYY-MM-DD or null';
  if (!(value.lang === null || value.lang === 'vi' || value.lang === 'en' || value.lang === 'ru')) return 'addArticle.article.lang must be vi, en, ru or null';
  if (typeof value.truncated !== 'boolean') return 'addArticle.article.truncated must be a boolean';
  const paragraphs = value.paragraphs;
  if (!Array.isArray(paragraphs) || !paragraphs.every((p) => typeof p === 'string')) return 'addArticle.article.paragraphs must be a list of strings';
  const length = (paragraphs as string[]).reduce((n, p) => n + p.length, 0);
  if (length > MAX_ARTICLE_CHARS) return `addArticle.article is ${length} characters; at most ${MAX_ARTICLE_CHARS} are read`;
  return {
    url: value.url,
    title: value.title,
    byline: value.byline as string | null,
    site: value.site as string | null,
    published: value.published as string | null,
    lang: value.lang,
    paragraphs: [...(paragraphs as string[])],
    truncated: value.truncated,
  };
}
