import { beforeEach, describe, expect, it } from 'vitest';
import { HoverIntent, type Clock } from '../../../src/popover/hover-intent';
import type { Rect } from '../../../src/popover/placement';

class FakeClock implements Clock {
  time = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  private next = 1;
  now = () => this.time;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.next++;
    this.timers.set(id, { at: this.time + ms, fn });
    return id;
  };
  clearTimeout = (id: number) => {
    this.timers.delete(id);
  };
  advance(ms: number) {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].fn();
    }
    this.time = end;
  }
}

describe('HoverIntent', () => {
  let clock: FakeClock;
  let log: string[];
  let card: Rect | null;
  let intent: HoverIntent<string>;

  beforeEach(() => {
    clock = new FakeClock();
    log = [];
    card = null;
    intent = new HoverIntent(
      { dwellMs: 300, graceMs: 300, maxSpeedPxPerMs: 0.5 },
      {
        show: (t) => {
          log.push(`show ${t}`);
          card = { left: 100, top: 130, right: 400, bottom: 400 };
        },
        hide: () => {
          log.push('hide');
          card = null;
        },
        cardRect: () => card,
      },
      clock,
    );
  });

  it('shows after the dwell, not before', () => {
    intent.move(120, 110, 'putin');
    clock.advance(299);
    expect(log).toEqual([]);
    clock.advance(1);
    expect(log).toEqual(['show putin']);
  });

  it('shows nothing while the pointer races across a mention', () => {
    intent.move(100, 110, 'putin');
    for (let i = 1; i <= 10; i++) {
      clock.advance(50);
      intent.move(100 + i * 40, 110, 'putin');
    }
    expect(log).toEqual([]);
    clock.advance(300);
    expect(log).toEqual(['show putin']);
  });

  it('cancels the dwell when the pointer leaves the mention', () => {
    intent.move(120, 110, 'putin');
    clock.advance(200);
    intent.move(120, 200, null);
    clock.advance(500);
    expect(log).toEqual([]);
  });

  it('keeps the card open along the safe triangle and inside the card', () => {
    intent.move(150, 110, 'putin');
    clock.advance(300);
    intent.move(150, 121, null);
    clock.advance(100);
    intent.move(170, 126, null);
    intent.enterCard();
    clock.advance(1000);
    expect(log).toEqual(['show putin']);
    intent.leaveCard();
    clock.advance(299);
    expect(log).toEqual(['show putin']);
    clock.advance(1);
    expect(log).toEqual(['show putin', 'hide']);
  });

  it('hides after the grace period when the pointer moves away', () => {
    intent.move(150, 110, 'putin');
    clock.advance(300);
    intent.move(150, 121, null);
    intent.move(150, 60, null);
    clock.advance(300);
    expect(log).toEqual(['show putin', 'hide']);
  });

  it('returning to the mention within the grace period keeps the card', () => {
    intent.move(150, 110, 'putin');
    clock.advance(300);
    intent.move(150, 60, null);
    clock.advance(200);
    intent.move(150, 110, 'putin');
    clock.advance(1000);
    expect(log).toEqual(['show putin']);
  });

  it('asks the view to prepare a card once per mention the pointer comes onto, as its dwell starts', () => {
    const prepared: string[] = [];
    const shown: string[] = [];
    const preparing = new HoverIntent<string>(
      { dwellMs: 300, graceMs: 300, maxSpeedPxPerMs: 0.5 },
      { prepare: (t) => prepared.push(t), show: (t) => shown.push(t), hide: () => undefined, cardRect: () => null },
      clock,
    );
    preparing.move(100, 110, 'putin');
    expect(prepared).toEqual(['putin']);
    expect(preparing.resting).toBe('putin');
    // Racing on along the same mention restarts its dwell, not its preparation.
    for (let i = 1; i <= 5; i++) {
      clock.advance(20);
      preparing.move(100 + i * 40, 110, 'putin');
    }
    preparing.move(400, 110, 'trump');
    preparing.move(400, 200, null);
    expect(preparing.resting).toBeNull();
    clock.advance(1000);
    expect(prepared).toEqual(['putin', 'trump']);
    expect(shown).toEqual([]);
    preparing.move(120, 110, 'putin');
    clock.advance(300);
    expect(prepared).toEqual(['putin', 'trump', 'putin']);
    expect(shown).toEqual(['putin']);
  });

  it('close() hides at once (Esc) and open() shows at once (keyboard)', () => {
    intent.open('trump');
    intent.close();
    expect(log).toEqual(['show trump', 'hide']);
  });
});
