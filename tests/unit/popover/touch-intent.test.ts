import { beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../../src/popover/hover-intent';
import { DEFAULT_TOUCH, TouchIntent } from '../../../src/popover/touch-intent';

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
    this.time += ms;
    for (const [id, t] of [...this.timers]) {
      if (t.at > this.time) continue;
      this.timers.delete(id);
      t.fn();
    }
  }
}

describe('TouchIntent', () => {
  let clock: FakeClock;
  let log: string[];
  let open: string | null;
  let intent: TouchIntent<string>;
  const putin = { mark: 'putin', inLink: false };
  const rubioLink = { mark: 'rubio', inLink: true };

  beforeEach(() => {
    clock = new FakeClock();
    log = [];
    open = null;
    intent = new TouchIntent<string>(
      {
        open: (mark) => {
          open = mark;
          log.push(`open ${mark}`);
        },
        close: () => {
          open = null;
          log.push('close');
        },
        isOpen: () => open !== null,
      },
      clock,
    );
  });

  function tap(x: number, y: number, target: Parameters<TouchIntent<string>['down']>[2]) {
    intent.down(x, y, target);
    clock.advance(80);
    intent.up(x + 2, y + 1);
  }

  it('opens the card on the tap itself, with no dwell', () => {
    tap(100, 200, putin);
    expect(log).toEqual(['open putin']);
  });

  it('a tap on another name switches cards; a tap on the page closes; a tap on the card does nothing', () => {
    tap(100, 200, putin);
    tap(50, 400, { mark: 'trump', inLink: false });
    tap(10, 10, 'card');
    tap(10, 600, null);
    tap(10, 600, null);
    expect(log).toEqual(['open putin', 'open trump', 'close']);
  });

  it('a finger that travels beyond the slop is a scroll: nothing opens, an open card stays until the scroll closes it', () => {
    intent.down(100, 200, putin);
    intent.move(100, 200 - DEFAULT_TOUCH.slopPx - 1);
    intent.up(100, 120);
    expect(log).toEqual([]);
    tap(100, 200, putin);
    intent.down(100, 500, null);
    intent.move(100, 300);
    intent.up(100, 300);
    expect(log).toEqual(['open putin']);
  });

  it('a wobble within the slop is still a tap', () => {
    intent.down(100, 200, putin);
    intent.move(104, 206);
    intent.up(103, 205);
    expect(log).toEqual(['open putin']);
  });

  it('when the browser takes the gesture over (pointercancel), nothing opens', () => {
    intent.down(100, 200, putin);
    intent.cancel();
    intent.up(100, 200);
    expect(log).toEqual([]);
  });

  it('a tap on a name inside a link is left to the link (and closes an open card)', () => {
    tap(100, 200, putin);
    tap(100, 300, rubioLink);
    expect(log).toEqual(['open putin', 'close']);
    expect(intent.consume('click')).toBe(false);
  });

  it('a long press on a name inside a link opens its card and swallows the menu and the click it causes', () => {
    intent.down(100, 300, rubioLink);
    clock.advance(DEFAULT_TOUCH.longPressMs - 1);
    expect(log).toEqual([]);
    clock.advance(1);
    expect(log).toEqual(['open rubio']);
    expect(intent.consume('contextmenu')).toBe(true);
    intent.up(100, 300);
    expect(log).toEqual(['open rubio']);
    expect(intent.consume('click')).toBe(true);
    // Only that one click: the next is the reader's own.
    expect(intent.consume('click')).toBe(false);
  });

  it("the browser's own long press (its context menu) may come first: the card opens then", () => {
    intent.down(100, 300, rubioLink);
    clock.advance(300);
    expect(intent.consume('contextmenu')).toBe(true);
    expect(log).toEqual(['open rubio']);
    clock.advance(1000);
    expect(log).toEqual(['open rubio']);
  });

  it('a long press on a plain name is left to text selection, and one that moves is a scroll', () => {
    intent.down(100, 200, putin);
    clock.advance(2000);
    expect(log).toEqual([]);
    expect(intent.consume('contextmenu')).toBe(false);
    intent.up(100, 200);
    log.length = 0;
    open = null;
    intent.down(100, 300, rubioLink);
    intent.move(100, 340);
    clock.advance(2000);
    expect(intent.consume('contextmenu')).toBe(false);
    intent.up(100, 340);
    expect(log).toEqual([]);
  });
});
