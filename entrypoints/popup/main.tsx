import { render } from 'preact';
import { browser, type Browser } from 'wxt/browser';
import { createClient } from '@/src/protocol/client';
import type { MentionsAnswer, TabRequest } from '@/src/protocol/messages';
import type { AddThisPageAnswer } from '@/src/reading/article';
import { loadSettings, saveSettings } from '@/src/settings/store';
import { PopupApp } from '@/src/ui/popup/PopupApp';
import { parseRoute, tabIdParam } from '@/src/ui/popup/env';
import { pageTabBeside } from '@/src/ui/popup/page-tab';
import '@/src/ui/theme.css';
import '@/src/ui/popup/popup.css';
import '@/src/ui/popup/reading.css';

const ALL_SITES = { origins: ['<all_urls>'] };

/**
 * The web page the popup reports on: the tab named by `?tab=<id>` (tests, or a
 * tab the user pinned); in the toolbar popup, the active tab of its window;
 * opened as a tab itself (Firefox for Android, the card's "see all"), the page
 * beside it (`pageTabBeside`), since the active tab is then the popup.
 */
async function pageTab(search: string, self: Browser.tabs.Tab | undefined): Promise<{ id: number; url: string | null } | null> {
  const named = tabIdParam(search);
  const tab =
    named !== null
      ? await browser.tabs.get(named).catch(() => undefined)
      : self === undefined
        ? (await browser.tabs.query({ active: true, currentWindow: true }))[0]
        : pageTabBeside(self, await browser.tabs.query({ windowId: self.windowId }));
  if (tab?.id === undefined) return null;
  // Chromium hides a web page's URL from an extension with neither the `tabs`
  // permission nor host permissions (content-script matches do not count):
  // the tab is still asked for its mentions, only the per-site switch needs the URL.
  if (tab.url === undefined || tab.url === '') return { id: tab.id, url: null };
  return /^https?:/.test(tab.url) ? { id: tab.id, url: tab.url } : null;
}

async function main() {
  const settings = await loadSettings(browser.storage.local);
  document.documentElement.lang = settings.language;
  const self = await browser.tabs.getCurrent();
  // A page of its own rather than the toolbar's box: it fills the window, and on a phone it takes phone sizes (popup.css).
  if (self !== undefined) document.documentElement.classList.add('page-view');
  const activeTab = await pageTab(location.search, self);
  const commands = await browser.commands?.getAll().catch(() => []);
  const shortcut = commands?.find((c) => c.name === 'toggle-enabled')?.shortcut || null;
  const request: TabRequest = { type: 'mentions' };

  render(
    <PopupApp
      initial={parseRoute(location.hash) ?? { view: 'search' }}
      env={{
        ask: createClient((message) => browser.runtime.sendMessage(message)),
        settings,
        saveSettings: (next) => saveSettings(browser.storage.local, next),
        activeTab,
        pageMentions: async () =>
          activeTab ? ((await browser.tabs.sendMessage(activeTab.id, request).catch(() => null)) as MentionsAnswer | null) : null,
        copy: (text) => navigator.clipboard.writeText(text),
        hasHostAccess: () => browser.permissions.contains(ALL_SITES),
        requestHostAccess: () => browser.permissions.request(ALL_SITES),
        openOptions: () => void browser.runtime.openOptionsPage(),
        shortcut,
        addThisPage: async () => {
          if (!activeTab) return { ok: false, error: 'no web page to add' };
          const add: TabRequest = { type: 'addThisPage' };
          const answer = (await browser.tabs.sendMessage(activeTab.id, add).catch(() => undefined)) as AddThisPageAnswer | undefined;
          // No content script: a browser page, a page opened before the extension, or a store page.
          return answer ?? { ok: false, error: 'this page cannot be read by Summit Lens (reload it and try again)' };
        },
        download: (fileName, text) => {
          const url = URL.createObjectURL(new Blob([text], { type: 'application/jsonl' }));
          const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
          link.click();
          setTimeout(() => URL.revokeObjectURL(url), 60_000);
        },
      }}
    />,
    document.getElementById('app')!,
  );
}

void main();
