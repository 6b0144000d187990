/**
 * Every file a built manifest names, so a test can prove the package holds
 * each one: a manifest that points at a missing file is refused by the stores
 * (or shows a blank icon) rather than failing anywhere visible.
 */

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
const iconPaths = (v: unknown): string[] => (typeof v === 'string' ? [v] : isRecord(v) ? Object.values(v).filter((s): s is string => typeof s === 'string') : []);

export function filesNamedBy(manifest: Json): string[] {
  const files: string[] = [...iconPaths(manifest.icons)];
  const action = manifest.action;
  if (isRecord(action)) {
    files.push(...iconPaths(action.default_icon));
    if (typeof action.default_popup === 'string') files.push(action.default_popup);
  }
  const background = manifest.background;
  if (isRecord(background)) {
    if (typeof background.service_worker === 'string') files.push(background.service_worker);
    files.push(...strings(background.scripts));
  }
  for (const key of ['options_ui', 'options_page'] as const) {
    const value = manifest[key];
    if (typeof value === 'string') files.push(value);
    else if (isRecord(value) && typeof value.page === 'string') files.push(value.page);
  }
  for (const script of Array.isArray(manifest.content_scripts) ? manifest.content_scripts : []) {
    if (isRecord(script)) files.push(...strings(script.js), ...strings(script.css));
  }
  if (typeof manifest.default_locale === 'string') files.push(`_locales/${manifest.default_locale}/messages.json`);
  return [...new Set(files.map((f) => f.replace(/^\//, '')))].sort();
}

/** The files a manifest names that `has` says the package lacks, as one message naming each; null when none is missing. */
export function missingFiles(manifest: Json, has: (path: string) => boolean, packageName: string): string | null {
  const missing = filesNamedBy(manifest).filter((f) => !has(f));
  return missing.length ? `${packageName}/manifest.json names files the package lacks: ${missing.join(', ')}` : null;
}
