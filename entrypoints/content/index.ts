import { browser } from 'wxt/browser';
import { createClient } from '@/src/protocol/client';
import { isTabRequest, reportableMentions, type Mention, type MentionsAnswer } from '@/src/protocol/messages';
import { DEFAULT_SETTINGS, type Settings } from '@/src/settings/settings';
import { loadSettings, watchSettings } from '@/src/settings/store';
import { ActivePage } from '@/src/page/active-page';
import { activeIn, type FramePlace } from '@/src/page/frame-site';
import { mergeMentions } from '@/src/page/tab-mentions';
import { unpackLexicon } from '@/src/schema/lexicon';
import { addThisPage } from '@/src/reading/add-page';
import { shouldAutoAdd } from '@/src/reading/auto-add';
import { showToast } from '@/src/popover/toast';
import { addAnswerText } from '@/src/ui/AddArticleButton';
import './highlights.css';
import highlightsCss from './highlights.css?inline';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  // srcdoc and about:blank frames (article embeds written by the page's script) are read too.
  matchAboutBlank: true,
  runAt: 'document_idle',
  async main(ctx) {
    // `matchAboutBlank` is for frames a page writes; an empty tab is no page to read.
    if (window === window.top && location.protocol === 'about:') return;
    const ask = createClient((message) => browser.runtime.sendMessage(message));
    const topFrame = window === window.top;
    const place: FramePlace = { own: location.href, top: topFrame ? null : topClues() };
    /** This document's last report: taken back when the document is hidden, given again if it comes back (back/forward cache). */
    let sent: Mention[] = [];
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
        if (!page) {
          sendResponse({ mentions: [] });
          return undefined;
        }
        void withFrames(page.mentions()).then(sendResponse);
        return true;
      }
      page?.openNext();
      return undefined;
    });

    async function start() {
      const lexicon = unpackLexicon(await ask({ type: 'lexicon' }));
      // Settings may have changed while the lexicon was on its way.
      if (ctx.isInvalid || page !== null || latest === null || !activeIn(latest, place)) return;
      page = new ActivePage(
        {
          doc: document,
          ask,
          report,
          shadowCss: highlightsCss,
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
      const active = activeIn(settings, place);
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

    /** Every frame reports its own mentions; the background adds up the tab's, so the badge covers every frame. */
    function report(mentions: Mention[]) {
      sent = reportableMentions(mentions);
      void ask({ type: 'pageMentions', entities: sent.length, mentions: sent }).catch(() => undefined);
    }

    /** The top frame's answer covers the tab: its own mentions, fresh, and what its frames reported. */
    async function withFrames(own: MentionsAnswer): Promise<MentionsAnswer> {
      const others = await ask({ type: 'tabMentions' }).catch(() => []);
      if (others.length === 0) return { ...own, frames: 1 };
      return { ...own, mentions: mergeMentions([own.mentions, ...others.map((o) => o.mentions)]), frames: 1 + others.length };
    }

    // A document leaving (navigation, a frame removed) takes its mentions off the tab's count.
    const onHide = () => {
      if (sent.length > 0) void ask({ type: 'pageMentions', entities: 0, mentions: [] }).catch(() => undefined);
    };
    const onShow = (event: PageTransitionEvent) => {
      if (event.persisted && sent.length > 0) report(sent);
    };
    window.addEventListener('pagehide', onHide);
    window.addEventListener('pageshow', onShow);

    const unwatch = watchSettings(browser.storage.onChanged, apply);
    ctx.onInvalidated(() => {
      unwatch();
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('pageshow', onShow);
      page?.stop();
      page = null;
    });
    apply(await loadSettings(browser.storage.local));
  },
});

/** What this frame can learn about the top page, for the per-site switch (see `activeIn`). */
function topClues() {
  let href: string | null = null;
  try {
    href = window.top!.location.href;
  } catch {
    // A cross-origin top page: only its origin, from the clues below.
  }
  return {
    href,
    ancestorOrigins: location.ancestorOrigins ? [...location.ancestorOrigins] : [],
    referrer: document.referrer,
    parentIsTop: window.parent === window.top,
  };
}
