import { describe, expect, it } from 'vitest';
import { inSafeTriangle, placeCard } from '../../../src/popover/placement';

const viewport = { width: 1000, height: 700 };
const card = { width: 360, height: 300 };

describe('placeCard', () => {
  it('goes below the mention when there is room', () => {
    expect(placeCard({ left: 100, top: 100, right: 160, bottom: 120 }, card, viewport)).toEqual({ left: 100, top: 126, side: 'below' });
  });

  it('flips above near the bottom edge', () => {
    expect(placeCard({ left: 100, top: 600, right: 160, bottom: 620 }, card, viewport)).toEqual({ left: 100, top: 294, side: 'above' });
  });

  it('stays inside the right edge', () => {
    expect(placeCard({ left: 900, top: 100, right: 960, bottom: 120 }, card, viewport).left).toBe(632);
  });

  it('shrinks a card taller than the room on its side instead of covering the mention', () => {
    const anchor = { left: 10, top: 340, right: 60, bottom: 360 };
    const tall = placeCard(anchor, { width: 300, height: 690 }, viewport);
    expect(tall).toEqual({ left: 10, top: 366, side: 'below', maxHeight: 326 });
    // A name near the right edge, a bit above the middle: 460 px do not fit below, and above has less room.
    const right = placeCard({ left: 900, top: 320, right: 1000, bottom: 343 }, { width: 380, height: 460 }, { width: 1280, height: 800 });
    expect(right).toEqual({ left: 892, top: 349, side: 'below', maxHeight: 443 });
    expect(right.top + right.maxHeight!).toBeLessThanOrEqual(800 - 8);
    // Above: the card ends just over the mention and starts no higher than the margin.
    const above = placeCard({ left: 10, top: 500, right: 60, bottom: 520 }, { width: 300, height: 690 }, viewport);
    expect(above).toEqual({ left: 10, top: 8, side: 'above', maxHeight: 486 });
    expect(above.top + above.maxHeight!).toBe(500 - 6);
  });

  it('pins the card to the viewport only when no side has room for a useful card', () => {
    const tiny = { width: 400, height: 200 };
    const pinned = placeCard({ left: 10, top: 90, right: 60, bottom: 110 }, { width: 300, height: 150 }, tiny);
    expect(pinned).toEqual({ left: 10, top: 42, side: 'below' });
  });
});

describe('inSafeTriangle', () => {
  const cardBelow = { left: 100, top: 200, right: 400, bottom: 500 };
  it('accepts points on the way from the exit point to the card', () => {
    expect(inSafeTriangle({ x: 150, y: 120 }, cardBelow, { x: 200, y: 180 })).toBe(true);
  });
  it('rejects points moving away', () => {
    expect(inSafeTriangle({ x: 150, y: 120 }, cardBelow, { x: 150, y: 100 })).toBe(false);
    expect(inSafeTriangle({ x: 150, y: 120 }, cardBelow, { x: 30, y: 190 })).toBe(false);
  });
});
