import { browser } from 'wxt/browser';
import type { Extraction, PageSnapshot } from '@/src/reading/article';
import { extractArticle } from '@/src/reading/extract';
import { isExtractPageRequest } from '@/src/reading/extraction-host';

/**
 * The extension document where an added page's markup is parsed and
 * Readability runs (decision 0064): opened by the background when the user
 * adds a page, closed when adding goes idle. The parsed document has no
 * browsing context, so nothing in the page's markup loads or runs here.
 */
function extract(page: PageSnapshot): Extraction {
  try {
    return extractArticle(new DOMParser().parseFromString(page.html, 'text/html'), page.url);
  } catch (error) {
    return { ok: false, code: 'no-article', error: `the page could not be read as an article (${error instanceof Error ? error.message : String(error)})` };
  }
}

// Content scripts' messages to the background reach this document too: only the background's extraction requests are answered.
browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (answer: Extraction) => void) => {
  if (sender.id !== browser.runtime.id || sender.tab !== undefined || !isExtractPageRequest(message)) return undefined;
  sendResponse(extract(message.page));
  return undefined;
});
