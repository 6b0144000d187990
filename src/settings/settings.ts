/**
 * The user's choices, kept with the browser's storage API (not IndexedDB) so
 * every open tab hears a change through `storage.onChanged` without a reload.
 */

export type MarkStyle = 'underline' | 'background' | 'none';
export type UiLanguage = 'vi' | 'en';

export interface Settings {
  enabled: boolean;
  /** Hostnames where the extension stays dormant. */
  disabledSites: string[];
  dwellMs: number;
  markStyle: MarkStyle;
  detect: { person: boolean; summit: boolean };
  language: UiLanguage;
  /**
   * Add articles about a summit to the user's own corpus as they are read.
   * Off by default: adding is the user's act unless they ask for it.
   */
  autoAdd: boolean;
}

export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledSites: [],
  dwellMs: 350,
  markStyle: 'underline',
  detect: { person: true, summit: true },
  language: 'vi',
  autoAdd: false,
};

export const DWELL_RANGE = { min: 0, max: 2000 } as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads whatever storage holds, keeping each valid field and defaulting the
 * rest: a value written by an older version or damaged by hand never stops the
 * extension, and one bad field does not discard the others.
 */
export function parseSettings(raw: unknown): Settings {
  const value = isRecord(raw) ? raw : {};
  const detect = isRecord(value.detect) ? value.detect : {};
  const dwell = value.dwellMs;
  return {
    enabled: typeof value.enabled === 'boolean' ? value.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: Array.isArray(value.disabledSites)
      ? [...new Set(value.disabledSites.filter((s): s is string => typeof s === 'string').map(normalizeSite).filter((s): s is string => s !== null))]
      : [],
    dwellMs:
      typeof dwell === 'number' && Number.isFinite(dwell)
        ? Math.round(Math.min(DWELL_RANGE.max, Math.max(DWELL_RANGE.min, dwell)))
        : DEFAULT_SETTINGS.dwellMs,
    markStyle: value.markStyle === 'background' || value.markStyle === 'none' || value.markStyle === 'underline' ? value.markStyle : DEFAULT_SETTINGS.markStyle,
    detect: {
      person: typeof detect.person === 'boolean' ? detect.person : true,
      summit: typeof detect.summit === 'boolean' ? detect.summit : true,
    },
    language: value.language === 'en' || value.language === 'vi' ? value.language : DEFAULT_SETTINGS.language,
    autoAdd: typeof value.autoAdd === 'boolean' ? value.autoAdd : DEFAULT_SETTINGS.autoAdd,
  };
}

/** A site is its hostname, lower-cased, without a leading `www.`. */
export function normalizeSite(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  if (trimmed === '') return null;
  let host: string;
  try {
    host = new URL(trimmed.includes('://') ? trimmed : `http://${trimmed}`).hostname;
  } catch {
    return null;
  }
  host = host.replace(/^www\./, '').replace(/\.$/, '');
  return host === '' ? null : host;
}

/** A site switched off also switches off its subdomains. */
export function isSiteDisabled(settings: Settings, url: string): boolean {
  const site = normalizeSite(url);
  if (site === null) return false;
  return settings.disabledSites.some((off) => site === off || site.endsWith(`.${off}`));
}

export function isActiveOn(settings: Settings, url: string): boolean {
  return settings.enabled && !isSiteDisabled(settings, url);
}

/** Switching a site back on also lifts a switch-off inherited from its parent domain. */
export function toggleSite(settings: Settings, url: string): Settings {
  const site = normalizeSite(url);
  if (site === null) return settings;
  const covers = (off: string) => site === off || site.endsWith(`.${off}`);
  const disabledSites = settings.disabledSites.some(covers)
    ? settings.disabledSites.filter((off) => !covers(off))
    : [...settings.disabledSites, site].sort();
  return { ...settings, disabledSites };
}
