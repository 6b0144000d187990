import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createClient } from '@/src/protocol/client';
import type { MentionsAnswer, TabRequest } from '@/src/protocol/messages';
import { loadSettings, saveSettings } from '@/src/settings/store';
import { PopupApp } from '@/src/ui/popup/PopupApp';
import { parseRoute } from '@/src/ui/popup/env';
import '@/src/ui/theme.css';
import '@/src/ui/popup/popup.css';

const ALL_SITES = { origins: ['<all_urls>'] };

async function main() {
  const settings = await loadSettings(browser.storage.local);
  document.documentElement.lang = settings.language;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  // Opened as a page (from the popover's "see all"), the active tab is this page itself.
  const activeTab = tab?.id !== undefined && tab.url && /^https?:/.test(tab.url) ? { id: tab.id, url: tab.url } : null;
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
      }}
    />,
    document.getElementById('app')!,
  );
}

void main();
