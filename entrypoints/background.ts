import { browser } from 'wxt/browser';
import { badgeText, type EntityKind } from '@/src/protocol/messages';
import { createRouter, type Origin } from '@/src/protocol/router';
import { singleFlight } from '@/src/protocol/single-flight';
import type { Outcome } from '@/src/store/outcome';
import {
  connectStore,
  ensureSeeded,
  getCard,
  getCatalog,
  getLexicon,
  getQuoteContext,
  getStatus,
  listSavedViews,
  openBundle,
  saveQuote,
  unsaveQuote,
  type LiveIndex,
  type SeedReport,
} from '@/src/store';
import { loadSettings, saveSettings, watchSettings } from '@/src/settings/store';
import { iconSet } from '@/src/release/icons';
import { routeHash } from '@/src/ui/popup/env';
import { BUNDLE_FILE } from '@/src/schema/index-bundle';
import type { Office } from '@/src/schema/index-schema';
import { decodeStream } from '@/src/store/bundle-source';
import { bundleOffices } from '@/src/store/offices';
import { CardWarmer } from '@/src/store/card-warm';
import type { CardRequest } from '@/src/store/queries';
import type { EntityCard } from '@/src/protocol/views';
import { RECORDS_FILE } from '@/src/store/packed';
import type { Gazetteer } from '@/src/corpus/gazetteer';
import { ReadingService } from '@/src/reading/service';
import { bundledGazetteer } from '@/src/reading/bundled-gazetteer';
import { ExtractionHost, type ExtractionDocument } from '@/src/reading/extraction-host';
import { TabMentions, type TabMentionsState } from '@/src/page/tab-mentions';

const ALL_QUOTES = 500;
/** `storage.session` key of every tab's per-frame mentions: the worker can stop between two frames' reports. */
const TAB_MENTIONS_KEY = 'tabMentions';
/** Chrome stops a worker after 30 s without events or extension calls; a long seed calls one this often. */
const KEEP_ALIVE_MS = 10_000;
/** The extraction document closes this long after the last add: well inside the 30 s after which Chrome may stop the worker that would close it. */
const EXTRACTION_IDLE_MS = 15_000;
const EXTRACTION_PAGE = '/offscreen.html';

/** A file packaged with the extension, never inlined into scripts; read from the package, not the network. */
async function packaged(file: string): Promise<ReadableStream<Uint8Array>> {
  const response = await fetch(browser.runtime.getURL(`/${file}` as never));
  if (!response.ok || !response.body) throw new Error(`the extension package did not give ${file} (status ${response.status})`);
  return response.body;
}

/** Progress handler that keeps the worker alive through a seed longer than its idle timeout. */
function keepingAlive(): () => void {
  let last = Date.now();
  return () => {
    if (Date.now() - last < KEEP_ALIVE_MS) return;
    last = Date.now();
    void browser.runtime.getPlatformInfo().catch(() => undefined);
  };
}

function unwrap<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

async function packagedGazetteer(): Promise<Gazetteer> {
  return bundledGazetteer(await new Response(await packaged(BUNDLE_FILE)).text());
}

/**
 * Where an added page is parsed and Readability runs, outside every page
 * (decision 0064), and then the corpus pipeline, which the worker does not
 * carry (decision 0077). Chrome's worker has no DOM: an offscreen document, whose
 * permission shows no install warning. Firefox's background is a page: a
 * frame of it, loaded only while pages are being added.
 */
function extractionDocument(): ExtractionDocument {
  const send = (request: unknown) => browser.runtime.sendMessage(request);
  if (import.meta.env.FIREFOX) {
    let frame: HTMLIFrameElement | null = null;
    return {
      open: () =>
        new Promise<void>((resolve, reject) => {
          if (frame) return resolve();
          const created = document.createElement('iframe');
          created.addEventListener('load', () => resolve(), { once: true });
          created.addEventListener('error', () => reject(new Error('the extraction document did not load')), { once: true });
          created.src = browser.runtime.getURL(EXTRACTION_PAGE);
          frame = created;
          document.documentElement.append(created);
        }),
      close: async () => {
        frame?.remove();
        frame = null;
      },
      send,
    };
  }
  const url = browser.runtime.getURL(EXTRACTION_PAGE);
  return {
    open: async () => {
      const open = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
      if (open.length > 0) return;
      await chrome.offscreen.createDocument({ url, reasons: ['DOM_PARSER'], justification: 'Reads the article of a page the user adds to their corpus, with Readability, outside the page.' });
    },
    close: () => chrome.offscreen.closeDocument(),
    send,
  };
}

export default defineBackground(() => {
  const store = connectStore();
  let gazetteer: Promise<Gazetteer> | null = null;
  // Read once per worker life, at the first card: the first lines of the bundle, not the index.
  let offices: Promise<Map<string, Office>> | null = null;
  const officesById = () =>
    (offices ??= packaged(BUNDLE_FILE)
      .then((stream) => bundleOffices(decodeStream(stream)))
      .then((list) => new Map(list.map((o) => [o.id, o])))
      .catch((error: unknown) => {
        offices = null;
        throw error;
      }));
  const extraction = new ExtractionHost(extractionDocument(), EXTRACTION_IDLE_MS, { set: (run, ms) => setTimeout(run, ms), clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) });
  const reading = new ReadingService({
    main: () => store.main(),
    ingest: async (article, addedAt) => {
      const ingestion = await extraction.ingest({ article }, addedAt);
      // An article already extracted is never refused as a page is: a refusal here is the pipeline's.
      if (!ingestion.ok) throw new Error(ingestion.error);
      return ingestion.ingested;
    },
    gazetteer: () =>
      (gazetteer ??= packagedGazetteer().catch((error: unknown) => {
        gazetteer = null;
        throw error;
      })),
    loadSettings: () => loadSettings(browser.storage.local),
    saveSettings: (settings) => saveSettings(browser.storage.local, settings),
    now: () => Date.now(),
  });
  // Everything below is read again from IndexedDB on each wake: the worker can
  // be stopped between any two messages. One seed at a time; each start reads
  // only the bundle's header line to learn whether the live index is current.
  const seed = singleFlight(async (): Promise<SeedReport> => ensureSeeded(store, () => openBundle(() => packaged(BUNDLE_FILE), BUNDLE_FILE, () => packaged(RECORDS_FILE)), { onProgress: keepingAlive() }));

  /** The live index. Only when there is none (first install, or its database is gone) does an answer wait for a seed. */
  async function live(): Promise<LiveIndex> {
    const index = await store.index();
    if (index) return index;
    const report = await seed();
    const seeded = await store.index();
    if (!seeded) throw new Error(report.error ?? 'The index is not loaded yet.');
    return seeded;
  }

  let tabMentions: Promise<TabMentions> | null = null;
  function mentionsOfTabs(): Promise<TabMentions> {
    return (tabMentions ??= browser.storage.session
      .get(TAB_MENTIONS_KEY)
      .then((stored) => TabMentions.fromState((stored[TAB_MENTIONS_KEY] as TabMentionsState | undefined) ?? {}))
      .catch(() => new TabMentions()));
  }

  /** Applies a change to the tabs' mentions, keeps it for the next wake, and shows `tabId`'s badge from the whole tab. */
  async function changeMentions(tabId: number, change: (tabs: TabMentions) => void): Promise<void> {
    const tabs = await mentionsOfTabs();
    change(tabs);
    await browser.storage.session.set({ [TAB_MENTIONS_KEY]: tabs.toState() }).catch(() => undefined);
    // The tab may be gone by now.
    await browser.action.setBadgeText({ tabId, text: badgeText(tabs.entities(tabId)) }).catch(() => undefined);
  }

  /** The card's "see all" as a tab beside the page it came from, which that tab's "On this page" then reports on. */
  async function openCard(kind: EntityKind, id: string, from: number | null) {
    const hash = routeHash({ view: 'card', kind, id });
    const page = browser.runtime.getURL(`/popup.html${hash}` as never);
    await browser.tabs.create(from === null ? { url: page } : { url: page, openerTabId: from });
  }

  async function cardOf(request: CardRequest & { all?: boolean }): Promise<EntityCard> {
    const index = await live();
    const limit = request.all ? ALL_QUOTES : undefined;
    // Without the offices (a bundle that cannot be read) the card still shows, its role "not stated".
    return reading.card(index, unwrap(await getCard(index, request, limit, officesById().catch(() => new Map<string, Office>()))), limit, request.about);
  }
  const warmer = new CardWarmer(cardOf);

  const route = createRouter({
    status: async () => {
      const status = await getStatus(await store.main());
      // An empty database (deleted by the user or the browser) is rebuilt from the bundle.
      if (!status.available && status.state === 'empty') void seed().catch(() => undefined);
      return status;
    },
    lexicon: async () => {
      // Every page asks for the lexicon on load, well before its first card: the offices are read by then.
      void officesById().catch(() => undefined);
      return getLexicon(await live());
    },
    catalog: async () => getCatalog(await live()),
    card: cardOf,
    quoteContext: async (request) => {
      const index = await live();
      return (await reading.quoteContext(index, request.id)) ?? unwrap(await getQuoteContext(index, request.id));
    },
    search: async (request) => unwrap(await reading.search(await live(), request.query)),
    pageMentions: async (request, origin: Origin) => {
      const { tabId, frameId = 0 } = origin;
      if (tabId === null) return null;
      if (request.mentions) {
        const { mentions } = request;
        await changeMentions(tabId, (tabs) => tabs.report(tabId, frameId, mentions));
        void live().then((index) => warmer.warm(index, mentions), () => undefined);
      } else if (frameId === 0) {
        // A count without the list cannot be joined with other frames': it stands for the tab.
        await browser.action.setBadgeText({ tabId, text: badgeText(request.entities) });
      }
      return null;
    },
    // Only the top frame reads the tab's other frames: a frame from another site learns nothing of the page around it.
    tabMentions: async (_request, origin: Origin) => (origin.tabId === null || origin.frameId !== 0 ? [] : (await mentionsOfTabs()).others(origin.tabId, 0)),
    siteState: async (request, origin: Origin) => {
      // A tab's own icon wins over the global one, so a site switched off shows dimmed even while Summit Lens is on.
      if (origin.tabId !== null) await browser.action.setIcon({ tabId: origin.tabId, path: iconSet(request.active ? 'on' : 'off') });
      return null;
    },
    openCard: async (request, origin: Origin) => {
      await openCard(request.kind, request.id, origin.tabId);
      return null;
    },
    save: async (request) => unwrap(await saveQuote(await store.main(), await live(), request.id)),
    unsave: async (request) => {
      await unsaveQuote(await store.main(), request.id);
      return null;
    },
    saved: async () => listSavedViews(await store.main(), await live()),
    addArticle: async (request) => reading.add(request.article),
    addPage: async (request) => {
      const ingestion = await extraction.ingest({ page: request.page }, Date.now());
      if (!ingestion.ok) return { ok: false, code: ingestion.code, error: ingestion.error };
      return { ok: true, ...(await reading.store(ingestion.ingested)) };
    },
    readingList: async () => reading.list(),
    readingQuotes: async (request) => reading.quotesOf(await live(), request.id),
    removeArticle: async (request) => {
      await reading.remove(request.id);
      return null;
    },
    reextractArticle: async (request) => reading.reextract(request.id),
    correctQuote: async (request) => reading.correct(await live(), request.id, request.speaker, request.date),
    exportUserData: async () => reading.exportText(),
    importUserData: async (request) => reading.importText(request.text),
  });

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (reply: unknown) => void) => {
    // Only this extension's own pages and content scripts are answered.
    if (sender.id !== browser.runtime.id) return undefined;
    void route(message, { tabId: sender.tab?.id ?? null, frameId: sender.frameId }).then(sendResponse);
    return true;
  });

  browser.commands?.onCommand.addListener(async (command) => {
    if (command === 'toggle-enabled') {
      const settings = await loadSettings(browser.storage.local);
      await saveSettings(browser.storage.local, { ...settings, enabled: !settings.enabled });
    } else if (command === 'open-next-mention' || command === 'add-this-page') {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      const message = command === 'add-this-page' ? { type: 'addThisPage', confirm: true } : { type: 'openNext' };
      if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
    }
  });

  browser.tabs.onRemoved.addListener((tabId) => void changeMentions(tabId, (tabs) => tabs.clearTab(tabId)));

  browser.runtime.onInstalled.addListener(() => void seed().catch(() => undefined));
  void seed().catch(() => undefined);
  void browser.action.setBadgeBackgroundColor({ color: '#0b57d0' });
  // Pages the content script never runs on (browser pages, the store) show the global state.
  const showGlobal = (enabled: boolean) => void browser.action.setIcon({ path: iconSet(enabled ? 'on' : 'off') }).catch(() => undefined);
  watchSettings(browser.storage.onChanged, (settings) => showGlobal(settings.enabled));
  void loadSettings(browser.storage.local).then((settings) => showGlobal(settings.enabled));
});
