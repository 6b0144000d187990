import type { Clock } from './hover-intent';

export interface TouchTiming {
  /** A finger resting this long on a name inside a link opens its card instead of the link's menu. */
  longPressMs: number;
  /** A finger that travels further than this is scrolling or swiping, never tapping. */
  slopPx: number;
}

/** Android's own long-press and touch-slop figures (ViewConfiguration: 400–500 ms, 8 dp). */
export const DEFAULT_TOUCH: TouchTiming = { longPressMs: 500, slopPx: 10 };

/** What is under the finger: a mention (and whether a link holds it), the open card, or nothing. */
export type TouchTarget<T> = { mark: T; inLink: boolean } | 'card' | null;

export interface TouchView<T> {
  open(mark: T): void;
  close(): void;
  isOpen(): boolean;
}

interface Gesture<T> {
  x: number;
  y: number;
  target: TouchTarget<T>;
  moved: boolean;
  longPressed: boolean;
}

/**
 * Decides what a finger means, from touch pointer events alone: a tap on a
 * name opens its card at once (no dwell: there is no hover to wait out), a
 * tap elsewhere closes it, a scroll or swipe never opens one. A name inside
 * a link keeps the tap for the link; a long press there opens the card, and
 * the click and context menu that gesture would cause are swallowed.
 */
export class TouchIntent<T> {
  private gesture: Gesture<T> | null = null;
  private timer: number | null = null;
  /** Set from a long press that opened a card until the click or menu it causes has been swallowed. */
  private swallow = false;

  constructor(
    private readonly view: TouchView<T>,
    private readonly clock: Clock,
    private readonly timing: TouchTiming = DEFAULT_TOUCH,
  ) {}

  down(x: number, y: number, target: TouchTarget<T>): void {
    this.cancelTimer();
    this.swallow = false;
    this.gesture = { x, y, target, moved: false, longPressed: false };
    if (target === null || target === 'card' || !target.inLink) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.longPress();
    }, this.timing.longPressMs);
  }

  move(x: number, y: number): void {
    const g = this.gesture;
    if (g === null || g.moved) return;
    if (Math.hypot(x - g.x, y - g.y) > this.timing.slopPx) {
      g.moved = true;
      this.cancelTimer();
    }
  }

  up(x: number, y: number): void {
    this.move(x, y);
    const g = this.gesture;
    this.gesture = null;
    this.cancelTimer();
    if (g === null || g.moved || g.longPressed || g.target === 'card') return;
    if (g.target === null || g.target.inLink) {
      // A tap on the page, or on a link that is about to be followed.
      if (this.view.isOpen()) this.view.close();
      return;
    }
    this.view.open(g.target.mark);
  }

  /** The browser took the gesture over (a scroll, a pinch): nothing opens. */
  cancel(): void {
    this.gesture = null;
    this.cancelTimer();
  }

  /**
   * Asked on `click` and `contextmenu`: true when the event comes from the
   * long press that opened a card, so the link is not followed and no menu
   * covers the card.
   */
  consume(kind: 'click' | 'contextmenu'): boolean {
    // The browser's own long press can beat our timer to it: its menu then opens the card.
    if (kind === 'contextmenu') this.longPress();
    if (!this.swallow) return false;
    if (kind === 'click') this.swallow = false;
    return true;
  }

  private longPress(): void {
    const g = this.gesture;
    if (g === null || g.moved || g.longPressed || g.target === null || g.target === 'card' || !g.target.inLink) return;
    this.cancelTimer();
    g.longPressed = true;
    this.swallow = true;
    this.view.open(g.target.mark);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
