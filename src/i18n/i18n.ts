import vi from '../../public/_locales/vi/messages.json';
import en from '../../public/_locales/en/messages.json';
import type { UiLanguage } from '../settings/settings';

/**
 * The `_locales` files are the one source of every interface string: the
 * browser reads them for the manifest, and the UI reads them here so the user's
 * chosen language wins over the browser's (which `i18n.getMessage` cannot do).
 */
export type MessageKey = keyof typeof vi;

const CATALOGS: Record<UiLanguage, Record<string, { message: string }>> = { vi, en };

export function t(lang: UiLanguage, key: MessageKey, ...substitutions: (string | number)[]): string {
  const template = CATALOGS[lang][key]?.message ?? vi[key].message;
  return template.replace(/\$(\d)/g, (_, n: string) => String(substitutions[Number(n) - 1] ?? ''));
}

const FORMATS: Record<UiLanguage, Intl.DateTimeFormat> = {
  vi: new Intl.DateTimeFormat('vi-VN', { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
};

/** Formats a `YYYY-MM-DD` day as a reader of `lang` writes it; UTC so no time zone shifts the day. */
export function formatDay(lang: UiLanguage, day: string | null): string {
  if (day === null) return t(lang, 'unknownDate');
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : FORMATS[lang].format(date);
}

export function formatRange(lang: UiLanguage, start: string, end: string | null): string {
  return end === null || end === start ? formatDay(lang, start) : `${formatDay(lang, start)} – ${formatDay(lang, end)}`;
}
