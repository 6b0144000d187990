import { isActiveOn, type Settings } from '../settings/settings';

/** What a document can learn about the page it is embedded in; every part may be missing. */
export interface FramePlace {
  /** This document's own URL (`about:srcdoc` for a srcdoc frame). */
  own: string;
  /** Null in the top document itself. */
  top: TopClues | null;
}

export interface TopClues {
  /** The top page's URL, readable only from a same-origin frame. */
  href: string | null;
  /** `location.ancestorOrigins`, nearest first (Chromium; not every Firefox has it). */
  ancestorOrigins: string[];
  /** `document.referrer`, worth something only when the parent is the top page. */
  referrer: string;
  parentIsTop: boolean;
}

/** The top page's URL or origin as far as the frame can tell, else null. */
export function topPageUrl(clues: TopClues): string | null {
  if (clues.href) return clues.href;
  const outermost = clues.ancestorOrigins[clues.ancestorOrigins.length - 1];
  if (outermost && outermost !== 'null') return outermost;
  return clues.parentIsTop && clues.referrer !== '' ? clues.referrer : null;
}

/**
 * Summit Lens works in a document only where both the top page's site and the
 * document's own are switched on: switching off the site in the address bar
 * quiets every frame of its tabs, and a site switched off stays quiet embedded
 * in another. A frame that cannot learn the top page answers for its own site.
 */
export function activeIn(settings: Settings, place: FramePlace): boolean {
  if (!isActiveOn(settings, place.own)) return false;
  const top = place.top ? topPageUrl(place.top) : null;
  return top === null || isActiveOn(settings, top);
}
