import type { Ask } from '../../protocol/client';
import type { EntityKind, MentionsAnswer } from '../../protocol/messages';
import type { Settings } from '../../settings/settings';
import type { AddThisPageAnswer } from '../../reading/article';

/** Where the popup opens: its default view, or a card or quote the popover asked for. */
export type Route =
  | { view: 'search'; query?: string }
  | { view: 'page' }
  | { view: 'timeline' }
  | { view: 'saved' }
  | { view: 'reading' }
  | { view: 'card'; kind: EntityKind; id: string }
  | { view: 'source'; quote: string };

/**
 * Everything the popup needs from the browser, injected so the UI is plain
 * Preact that tests render without an extension around it.
 */
export interface PopupEnv {
  ask: Ask;
  settings: Settings;
  saveSettings(next: Settings): Promise<void>;
  /** The tab the popup was opened over, when it is a web page; `url` is null where the browser hides it (Chromium without `tabs`). */
  activeTab: { id: number; url: string | null } | null;
  /** The active tab's content script answer, or null when it has none. */
  pageMentions(): Promise<MentionsAnswer | null>;
  copy(text: string): Promise<void>;
  /** Firefox MV3 treats host access as optional: false until the user grants it. */
  hasHostAccess(): Promise<boolean>;
  requestHostAccess(): Promise<boolean>;
  openOptions(): void;
  shortcut: string | null;
  /** Asks the active tab's content script to add its article (`addThisPage`). */
  addThisPage(): Promise<AddThisPageAnswer>;
  /** Saves text as a file the user keeps (the export). */
  download(fileName: string, text: string): void;
}

export function parseRoute(hash: string): Route | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const card = params.get('card');
  if (card) {
    const [kind, id] = card.split(':');
    if ((kind === 'person' || kind === 'summit') && id) return { view: 'card', kind, id };
  }
  const quote = params.get('quote');
  if (quote) return { view: 'source', quote };
  const q = params.get('q');
  if (q !== null) return { view: 'search', query: q };
  const view = params.get('view');
  if (view === 'page' || view === 'timeline' || view === 'search' || view === 'saved' || view === 'reading') return { view };
  return null;
}

export function routeHash(route: Route): string {
  switch (route.view) {
    case 'card':
      return `#card=${route.kind}:${encodeURIComponent(route.id)}`;
    case 'source':
      return `#quote=${encodeURIComponent(route.quote)}`;
    case 'search':
      return route.query ? `#q=${encodeURIComponent(route.query)}` : '#view=search';
    default:
      return `#view=${route.view}`;
  }
}

/** `?tab=<id>`: the tab the popup reports on when it is opened as a page; null when absent or not a tab id. */
export function tabIdParam(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}
