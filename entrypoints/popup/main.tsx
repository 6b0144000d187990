import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createClient } from '@/src/protocol/client';
import type { MentionsAnswer, TabRequest } from '@/src/protocol/messages';
import type { AddThisPageAnswer } from '@/src/reading/article';
import { loadSettings, saveSettings } from '@/src/settings/store';
import { PopupApp } from '@/src/ui/popup/PopupApp';
import { parseRoute, tabIdParam } from '@/src/ui/popup/env';
import '@/src/ui/theme.css';
import '@/src/ui/popup/popup.css';
import '@/src/ui/popup/reading.css';

const ALL_SITES = { origins: ['<all_urls>'] };

/**
 * The web page the popup reports on: the tab named by `?tab=<id>` when the
 * popup is opened as a page (tests, or a tab the user pinned), else the active
 * tab of this window. Opened as a page without `?tab=` (the popover's "see
 * all"), the active tab is this page itself, which is not a web page: null.
 */
async function pageTab(search: string): Promise<{ id: number; url: string | null } | null> {
  const named = tabIdParam(search);
  const tab = named !== null ? await browser.tabs.get(named).catch(() => undefined) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
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
  const activeTab = await pageTab(location.search);
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
