import type { PageContext } from '../protocol/messages';
import { isActiveOn, type Settings } from '../settings/settings';

/**
 * Whether a page the user is reading joins their corpus without being asked:
 * only with the option on, on a site where Summit Lens is active (per-site
 * exclusions hold), on a web page, and when the page is about a summit (its
 * context names one). Readability still decides whether it is an article.
 */
export function shouldAutoAdd(settings: Settings, url: string, context: PageContext | undefined): boolean {
  if (!settings.autoAdd || !isActiveOn(settings, url)) return false;
  if (!/^https?:/i.test(url)) return false;
  return (context?.summits.length ?? 0) > 0;
}
