import { describe, expect, it } from 'vitest';
import { dragOffset, sheetMaxHeight, swipeCloses, usesSheet } from '../../../src/popover/sheet';

describe('bottom sheet', () => {
  it('is used on phone widths (360, 390, 412 px) and not from 600 px on', () => {
    expect([360, 390, 412, 599].map((width) => usesSheet({ width }))).toEqual([true, true, true, true]);
    expect([600, 768, 1280].map((width) => usesSheet({ width }))).toEqual([false, false, false]);
  });

  it('leaves a name near the top in sight, up to 70% of the screen', () => {
    const phone = { height: 844 };
    // Name at 110–135 px: 844 − 135 − 8 = 701 px of room, capped at 590 (70%).
    expect(sheetMaxHeight({ left: 10, top: 110, right: 200, bottom: 135 }, phone)).toBe(590);
    // Name at 400–425: the sheet stops 8 px under it.
    expect(sheetMaxHeight({ left: 10, top: 400, right: 200, bottom: 425 }, phone)).toBe(411);
    // Name at the bottom: never below 40% (337 px), even if that covers the name.
    expect(sheetMaxHeight({ left: 10, top: 780, right: 200, bottom: 805 }, phone)).toBe(337);
    expect(sheetMaxHeight(null, { height: 640 })).toBe(448);
  });

  it('follows the finger down only', () => {
    expect(dragOffset(-30)).toBe(0);
    expect(dragOffset(45)).toBe(45);
  });

  it('closes on a long drag (30% of the sheet, at most 120 px) or a flick, not on a short slow one', () => {
    expect(swipeCloses(120, 2000, 590)).toBe(true);
    expect(swipeCloses(100, 2000, 300)).toBe(true);
    expect(swipeCloses(80, 2000, 300)).toBe(false);
    expect(swipeCloses(40, 60, 590)).toBe(true);
    expect(swipeCloses(20, 10, 590)).toBe(false);
    expect(swipeCloses(-200, 100, 590)).toBe(false);
  });
});
