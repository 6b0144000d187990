/** What the popup knows of a tab: the fields `tabs.query` gives without the `tabs` permission (Chromium hides `url`). */
export interface TabInfo {
  id?: number;
  url?: string;
  lastAccessed?: number;
  openerTabId?: number;
}

const mayBeWebPage = (tab: TabInfo) => tab.url === undefined || tab.url === '' || /^https?:/.test(tab.url);

/**
 * The web page a popup opened as a tab reports on. Such a popup (Firefox for
 * Android shows the toolbar popup this way; the card's "see all" opens one) is
 * itself the active tab, so the page is another tab of its window: the one it
 * was opened from when the browser says so, else the one the reader was on
 * last. Tabs known not to be web pages are passed over; a tab whose URL the
 * browser hides may be one, and is kept.
 */
export function pageTabBeside(self: TabInfo, windowTabs: readonly TabInfo[]): TabInfo | null {
  const others = windowTabs.filter((tab) => tab.id !== undefined && tab.id !== self.id && mayBeWebPage(tab));
  const opener = others.find((tab) => tab.id === self.openerTabId);
  if (opener) return opener;
  let latest: TabInfo | null = null;
  for (const tab of others) if (latest === null || (tab.lastAccessed ?? -Infinity) > (latest.lastAccessed ?? -Infinity)) latest = tab;
  return latest;
}
