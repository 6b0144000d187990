import type { Ask } from '../protocol/client';
import type { AddThisPageAnswer } from './article';
import { snapshotPage } from './snapshot';

/**
 * The content script's answer to `addThisPage`: the page's markup goes to the
 * background, which extracts the article in an extension document, runs the
 * pipeline and stores it. A page refused here (not a web page, too large, no
 * article by Readability's pre-check) sends nothing.
 */
export async function addThisPage(doc: Document, url: string, ask: Ask): Promise<AddThisPageAnswer> {
  let snapshot;
  try {
    snapshot = snapshotPage(doc, url);
  } catch (error) {
    return { ok: false, code: 'failed', error: `the page could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!snapshot.ok) return { ok: false, code: snapshot.code, error: snapshot.error };
  try {
    return await ask({ type: 'addPage', page: snapshot.page });
  } catch (error) {
    return { ok: false, code: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
}
