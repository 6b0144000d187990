import { parseSettings, SETTINGS_KEY, type Settings } from './settings';

/** The slice of `browser.storage` used here, passed in so this module has no browser global. */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface ChangeEvents {
  addListener(listener: (changes: Record<string, { newValue?: unknown }>, areaName: string) => void): void;
  removeListener(listener: (changes: Record<string, { newValue?: unknown }>, areaName: string) => void): void;
}

export async function loadSettings(area: SettingsArea): Promise<Settings> {
  return parseSettings((await area.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

export async function saveSettings(area: SettingsArea, settings: Settings): Promise<void> {
  await area.set({ [SETTINGS_KEY]: parseSettings(settings) });
}

/** Calls `onChange` with the parsed settings whenever any page saves them; returns the unsubscribe. */
export function watchSettings(events: ChangeEvents, onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
    if (areaName === 'local' && SETTINGS_KEY in changes) onChange(parseSettings(changes[SETTINGS_KEY]!.newValue));
  };
  events.addListener(listener);
  return () => events.removeListener(listener);
}
