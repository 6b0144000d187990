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

  it('pins a card taller than either side to the viewport', () => {
    const tall = placeCard({ left: 10, top: 340, right: 60, bottom: 360 }, { width: 300, height: 690 }, viewport);
    expect(tall.top).toBe(8);
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
