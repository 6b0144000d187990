import type { Ask } from '../protocol/client';
import type { AddThisPageAnswer } from './article';
import { extractArticle } from './extract';

/**
 * The content script's answer to `addThisPage`: the article extracted here,
 * where the page is, and the pipeline and storage in the background. A page
 * with no article is refused here and nothing is sent.
 */
export async function addThisPage(doc: Document, url: string, ask: Ask): Promise<AddThisPageAnswer> {
  let extraction;
  try {
    extraction = extractArticle(doc, url);
  } catch (error) {
    return { ok: false, code: 'failed', error: `the page could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!extraction.ok) return { ok: false, code: extraction.code, error: extraction.error };
  try {
    return { ok: true, ...(await ask({ type: 'addArticle', article: extraction.article })) };
  } catch (error) {
    return { ok: false, code: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
}
