import type { Tab } from './browsers';
import type { Harness } from './fixture';

/** Driving the toolbar popup, opened as a page (`popup.html`), as a reader would. */

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function openPopup(h: Harness, suffix = ''): Promise<Tab> {
  const popup = await h.session.newTab();
  await popup.setViewport(440, 720);
  await popup.goto(`${h.session.extensionOrigin}/popup.html${suffix}`);
  // Ready once the catalog filled the person filter (the database answers).
  await popup.waitFor(() => (document.querySelector('.filters select')?.children.length ?? 0) > 1 || document.querySelector('.popup main > :not(.search)') !== null, undefined, 30_000);
  return popup;
}

export async function typeQuery(popup: Tab, text: string): Promise<void> {
  await popup.click('input.query');
  await popup.evaluate(() => (document.querySelector('input.query') as HTMLInputElement).select());
  await popup.press('Backspace');
  await popup.type(text);
  await popup.waitFor((t) => {
    const count = document.querySelector('.count')?.textContent ?? '';
    return (document.querySelector('input.query') as HTMLInputElement).value === t && count !== '' && !document.querySelector('[aria-busy]');
  }, text);
  // The debounce fires once typing stops: wait for the results to match the final text.
  await sleep(250);
}

/** Sets the interface language in the extension's storage; popups opened afterwards show it. */
export async function setLanguage(h: Harness, lang: 'vi' | 'en'): Promise<void> {
  const popup = await openPopup(h);
  await popup.evaluate(async (l) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    const { settings } = await api.storage.local.get('settings');
    await api.storage.local.set({ settings: { ...(settings as object), language: l } });
  }, lang);
  await popup.close();
}
