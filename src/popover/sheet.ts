import type { Rect } from './placement';

/** Below this width the card is a bottom sheet (Material's "compact" window class ends at 600 dp). */
export const SHEET_BELOW_WIDTH = 600;
/** The sheet never takes more of the screen than this, so the page stays in sight above it. */
export const SHEET_MAX_FRACTION = 0.7;
/** ...and never less than this, even to leave the tapped name uncovered: a shorter sheet shows too little. */
export const SHEET_MIN_FRACTION = 0.4;

export function usesSheet(viewport: { width: number }): boolean {
  return viewport.width < SHEET_BELOW_WIDTH;
}

/**
 * The sheet's greatest height: as tall as the room under the tapped name
 * (so the name stays visible above it), between the two fractions of the
 * viewport's height.
 */
export function sheetMaxHeight(anchor: Rect | null, viewport: { height: number }, gap = 8): number {
  const most = Math.floor(viewport.height * SHEET_MAX_FRACTION);
  const least = Math.floor(viewport.height * SHEET_MIN_FRACTION);
  if (anchor === null) return most;
  const below = Math.floor(viewport.height - anchor.bottom - gap);
  return Math.max(least, Math.min(most, below));
}

/** How far the sheet follows a finger dragging its handle: down only. */
export function dragOffset(dy: number): number {
  return Math.max(0, dy);
}

/** A drag this fast (px/ms) closes the sheet however short it is: a flick. */
export const FLICK_SPEED = 0.5;
/** A flick must still travel this far, so a shaky tap on the handle does not close it. */
export const FLICK_MIN_PX = 24;

/** Released after dragging down `dy` px in `ms`: closed by a long enough drag (30% of the sheet, at most 120 px) or a flick. */
export function swipeCloses(dy: number, ms: number, sheetHeight: number): boolean {
  if (dy >= Math.min(120, sheetHeight * 0.3)) return true;
  return dy >= FLICK_MIN_PX && ms > 0 && dy / ms >= FLICK_SPEED;
}
