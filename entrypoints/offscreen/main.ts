import { browser } from 'wxt/browser';
import type { Gazetteer } from '@/src/corpus/gazetteer';
import type { Extraction, PageSnapshot } from '@/src/reading/article';
import { bundledGazetteer } from '@/src/reading/bundled-gazetteer';
import { extractArticle } from '@/src/reading/extract';
import { answerIngest } from '@/src/reading/extraction-job';
import { isIngestRequest } from '@/src/reading/extraction-host';
import { BUNDLE_FILE } from '@/src/schema/index-bundle';

/**
 * The extension document where an added article is read (decisions 0064 and
 * 0077): a page's markup is parsed and Readability runs, then the corpus
 * pipeline, whose records go back to the background to be stored. Opened by
 * the background when the user adds an article, closed when adding goes idle.
 * The parsed document has no browsing context, so nothing in the page's markup
 * loads or runs here.
 */
function extract(page: PageSnapshot): Extraction {
  try {
    return extractArticle(new DOMParser().parseFromString(page.html, 'text/html'), page.url);
  } catch (error) {
    return { ok: false, code: 'no-article', error: `the page could not be read as an article (${error instanceof Error ? error.message : String(error)})` };
  }
}

async function readGazetteer(): Promise<Gazetteer> {
  const response = await fetch(browser.runtime.getURL(`/${BUNDLE_FILE}` as never));
  if (!response.ok) throw new Error(`the extension package did not give ${BUNDLE_FILE} (status ${response.status})`);
  return bundledGazetteer(await response.text());
}

let gazetteer: Promise<Gazetteer> | null = null;
/** Read once per document life; a failed read is tried again at the next add. */
const gazetteerOnce = () =>
  (gazetteer ??= readGazetteer().catch((error: unknown) => {
    gazetteer = null;
    throw error;
  }));
// Read as the document opens, while the first page is still on its way.
void gazetteerOnce().catch(() => undefined);

// Content scripts' messages to the background reach this document too: only the background's requests are answered.
browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (answer: unknown) => void) => {
  if (sender.id !== browser.runtime.id || sender.tab !== undefined || !isIngestRequest(message)) return undefined;
  answerIngest(message, extract, gazetteerOnce).then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }));
  return true;
});
