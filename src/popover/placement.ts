export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Placement {
  left: number;
  top: number;
  side: 'below' | 'above';
  /** Set when the card is taller than the room on its side: it scrolls inside this height instead of covering the mention. */
  maxHeight?: number;
}

/** Below this much room the card is pinned to the viewport instead of shrunk: a card this short is of no use. */
export const MIN_CARD_HEIGHT = 120;

/**
 * Puts the card under the mention, or above it when there is more room there,
 * and keeps it inside the viewport with a margin. A card taller than the room
 * on its side is shrunk to that room (its content scrolls), so it never covers
 * the mention the pointer rests on; only in a viewport too small for even
 * MIN_CARD_HEIGHT is it pinned to the viewport's edge.
 */
export function placeCard(anchor: Rect, card: { width: number; height: number }, viewport: { width: number; height: number }, gap = 6, margin = 8): Placement {
  const roomBelow = viewport.height - anchor.bottom - gap - margin;
  const roomAbove = anchor.top - gap - margin;
  const side = card.height <= roomBelow || roomBelow >= roomAbove ? 'below' : 'above';
  const room = Math.floor(side === 'below' ? roomBelow : roomAbove);
  const shrink = card.height > room && room >= MIN_CARD_HEIGHT;
  const height = shrink ? room : card.height;
  let top = side === 'below' ? anchor.bottom + gap : anchor.top - gap - height;
  top = Math.max(margin, Math.min(top, viewport.height - margin - height));
  let left = anchor.left;
  left = Math.max(margin, Math.min(left, viewport.width - margin - card.width));
  const placement: Placement = { left: Math.round(left), top: Math.round(top), side };
  if (shrink) placement.maxHeight = room;
  return placement;
}

function sign(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (ax - cx) * (by - cy) - (bx - cx) * (ay - cy);
}

/**
 * True when `point` lies in the triangle from where the pointer left the
 * mention to the near edge of the card: a pointer travelling there is heading
 * for the card, so the card stays open (the "safe triangle").
 */
export function inSafeTriangle(apex: { x: number; y: number }, card: Rect, point: { x: number; y: number }): boolean {
  const below = card.top >= apex.y;
  const edgeY = below ? card.top : card.bottom;
  const b = { x: card.left, y: edgeY };
  const c = { x: card.right, y: edgeY };
  const d1 = sign(point.x, point.y, apex.x, apex.y, b.x, b.y);
  const d2 = sign(point.x, point.y, b.x, b.y, c.x, c.y);
  const d3 = sign(point.x, point.y, c.x, c.y, apex.x, apex.y);
  const negative = d1 < 0 || d2 < 0 || d3 < 0;
  const positive = d1 > 0 || d2 > 0 || d3 > 0;
  return !(negative && positive);
}
