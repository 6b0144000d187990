import { browser } from 'wxt/browser';
import { badgeText, type EntityKind } from '@/src/protocol/messages';
import { createRouter, type Origin } from '@/src/protocol/router';
import { singleFlight } from '@/src/protocol/single-flight';
import type { Outcome } from '@/src/store/outcome';
import {
  connectSummitDb,
  ensureSeeded,
  getCard,
  getCatalog,
  getLexicon,
  getQuoteContext,
  getStatus,
  search,
  type SeedReport,
} from '@/src/store';
import { loadSettings, saveSettings } from '@/src/settings/store';
import { routeHash } from '@/src/ui/popup/env';
import type { SummitIndex } from '@/src/schema/index-schema';

/** Packaged with the extension, never inlined into scripts; read from the package, not the network. */
const BUNDLE_PATH = '/summit-index.json';
const ALL_QUOTES = 500;

async function hashText(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function unwrap<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

export default defineBackground(() => {
  const handle = connectSummitDb();
  // Everything below is derived again from IndexedDB on each wake: the worker
  // can be stopped between any two messages.
  // One seed at a time; once it settled, the next `ready()` that finds the
  // database empty (deleted under us, or a failed seed) starts a new one.
  const seed = singleFlight(async (): Promise<SeedReport> => {
    const db = await handle.get();
    const response = await fetch(browser.runtime.getURL(BUNDLE_PATH as never));
    const text = await response.text();
    const hash = await hashText(text);
    return ensureSeeded(db, { hash, load: async () => JSON.parse(text) as SummitIndex });
  });

  /** Answers come from whatever complete index the database holds; only an empty one waits for the seed. */
  async function ready() {
    const db = await handle.get();
    const status = await getStatus(db);
    if (!status.available) await seed();
    return db;
  }

  async function openCard(kind: EntityKind, id: string) {
    const hash = routeHash({ view: 'card', kind, id });
    const page = browser.runtime.getURL(`/popup.html${hash}` as never);
    await browser.tabs.create({ url: page });
  }

  const route = createRouter({
    status: async () => {
      const status = await getStatus(await handle.get());
      // An empty database (deleted by the user or the browser) is rebuilt from the bundle.
      if (!status.available && status.state === 'empty') void seed().catch(() => undefined);
      return status;
    },
    lexicon: async () => {
      const lexicon = await getLexicon(await ready());
      if (lexicon === null) throw new Error('The index is not loaded yet.');
      return lexicon;
    },
    catalog: async () => getCatalog(await ready()),
    card: async (request) => unwrap(await getCard(await ready(), request, request.all ? ALL_QUOTES : undefined)),
    quoteContext: async (request) => unwrap(await getQuoteContext(await ready(), request.id)),
    search: async (request) => unwrap(await search(await ready(), request.query)),
    pageMentions: async (request, origin: Origin) => {
      if (origin.tabId !== null) {
        await browser.action.setBadgeText({ tabId: origin.tabId, text: badgeText(request.entities) });
      }
      return null;
    },
    openCard: async (request) => {
      await openCard(request.kind, request.id);
      return null;
    },
  });

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (reply: unknown) => void) => {
    // Only this extension's own pages and content scripts are answered.
    if (sender.id !== browser.runtime.id) return undefined;
    void route(message, { tabId: sender.tab?.id ?? null }).then(sendResponse);
    return true;
  });

  browser.commands?.onCommand.addListener(async (command) => {
    if (command === 'toggle-enabled') {
      const settings = await loadSettings(browser.storage.local);
      await saveSettings(browser.storage.local, { ...settings, enabled: !settings.enabled });
    } else if (command === 'open-next-mention') {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, { type: 'openNext' }).catch(() => undefined);
    }
  });

  browser.runtime.onInstalled.addListener(() => void seed().catch(() => undefined));
  void seed().catch(() => undefined);
  void browser.action.setBadgeBackgroundColor({ color: '#0b57d0' });
});
