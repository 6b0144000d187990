import { browser } from 'wxt/browser';
import { createClient } from '@/src/protocol/client';
import { isTabRequest } from '@/src/protocol/messages';
import { DEFAULT_SETTINGS, isActiveOn, type Settings } from '@/src/settings/settings';
import { loadSettings, watchSettings } from '@/src/settings/store';
import { ActivePage } from '@/src/page/active-page';
import { unpackLexicon } from '@/src/schema/lexicon';
import { addThisPage } from '@/src/reading/add-page';
import { shouldAutoAdd } from '@/src/reading/auto-add';
import { showToast } from '@/src/popover/toast';
import { addAnswerText } from '@/src/ui/AddArticleButton';
import './highlights.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_idle',
  async main(ctx) {
    const ask = createClient((message) => browser.runtime.sendMessage(message));
    const topFrame = window === window.top;
    let page: ActivePage | null = null;
    let starting: Promise<void> | null = null;
    let latest: Settings | null = null;

    // Dormant until switched on: this listener and the settings watcher are all that runs.
    browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (answer: unknown) => void) => {
      if (sender.id !== browser.runtime.id || !isTabRequest(message) || !topFrame) return undefined;
      // Asked for explicitly (popup, card, keyboard): works on sites where marking is switched off too.
      if (message.type === 'addThisPage') {
        void addThisPage(document, location.href, ask).then((answer) => {
          if (message.confirm === true) showToast(document, addAnswerText(latest?.language ?? DEFAULT_SETTINGS.language, answer), !answer.ok);
          sendResponse(answer);
        });
        return true;
      }
      if (message.type === 'mentions') {
        sendResponse(page ? page.mentions() : { mentions: [] });
        return undefined;
      }
      page?.openNext();
      return undefined;
    });

    async function start() {
      const lexicon = unpackLexicon(await ask({ type: 'lexicon' }));
      // Settings may have changed while the lexicon was on its way.
      if (ctx.isInvalid || page !== null || latest === null || !isActiveOn(latest, location.href)) return;
      page = new ActivePage(
        {
          doc: document,
          ask,
          reportCount: (entities) => {
            if (topFrame) void ask({ type: 'pageMentions', entities }).catch(() => undefined);
          },
          addArticle: topFrame ? () => addThisPage(document, location.href, ask) : undefined,
        },
        lexicon,
        latest,
      );
      if (topFrame) void autoAdd(page);
    }

    // Once per page load at most: a page about a summit joins the user's articles if they asked for that.
    let autoAdded = false;
    async function autoAdd(active: ActivePage) {
      // The page context costs a pass over the scan's blocks: only worth it for a user who chose auto-add.
      if (!latest?.autoAdd) return;
      await active.scanned;
      if (autoAdded || page !== active || latest === null || !shouldAutoAdd(latest, location.href, active.mentions().context)) return;
      autoAdded = true;
      await addThisPage(document, location.href, ask).catch(() => undefined);
    }

    let reported: boolean | null = null;
    function apply(settings: Settings) {
      latest = settings;
      const active = isActiveOn(settings, location.href);
      if (topFrame && active !== reported) {
        reported = active;
        void ask({ type: 'siteState', active }).catch(() => undefined);
      }
      if (active) {
        if (page) page.update(settings);
        else starting ??= start().finally(() => (starting = null));
      } else if (page) {
        page.stop();
        page = null;
      }
    }

    const unwatch = watchSettings(browser.storage.onChanged, apply);
    ctx.onInvalidated(() => {
      unwatch();
      page?.stop();
      page = null;
    });
    apply(await loadSettings(browser.storage.local));
  },
});
