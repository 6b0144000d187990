import { inSafeTriangle, type Rect } from './placement';

export interface HoverTiming {
  /** Pointer must rest this long on a mention before the card shows. */
  dwellMs: number;
  /** Time the card waits before hiding once the pointer has left. */
  graceMs: number;
  /** Faster than this, the pointer is crossing text, not reading it. */
  maxSpeedPxPerMs: number;
}

/** Figures from Wikipedia page previews and 10ten (see shared/notes/hover-ux.md). */
export const DEFAULT_TIMING: HoverTiming = { dwellMs: 350, graceMs: 300, maxSpeedPxPerMs: 0.5 };

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export interface HoverView<T> {
  /**
   * The pointer has come onto `target` and the dwell runs: its card may
   * follow, so what it needs can be fetched now and be there when it shows.
   */
  prepare?(target: T): void;
  show(target: T): void;
  hide(): void;
  /** The open card's rectangle, for the safe triangle. */
  cardRect(): Rect | null;
}

/**
 * Decides when the card opens and closes from pointer events alone, so the
 * same rules run in the page and in unit tests with a fake clock.
 */
export class HoverIntent<T> {
  private shown: T | null = null;
  private pending: T | null = null;
  private dwellTimer: number | null = null;
  private graceTimer: number | null = null;
  private last: { x: number; y: number; t: number } | null = null;
  private exitPoint: { x: number; y: number } | null = null;
  private insideCard = false;

  constructor(
    private timing: HoverTiming,
    private readonly view: HoverView<T>,
    private readonly clock: Clock,
    private readonly same: (a: T, b: T) => boolean = Object.is,
  ) {}

  setTiming(timing: HoverTiming): void {
    this.timing = timing;
  }

  get current(): T | null {
    return this.shown;
  }

  /** The mention whose dwell is running, if any. */
  get resting(): T | null {
    return this.pending;
  }

  /** `target` is the mention under the pointer, or null. */
  move(x: number, y: number, target: T | null): void {
    const t = this.clock.now();
    const speed = this.last && t > this.last.t ? Math.hypot(x - this.last.x, y - this.last.y) / (t - this.last.t) : 0;
    this.last = { x, y, t };
    if (this.insideCard) return;

    if (this.shown !== null) {
      if (target !== null && this.same(target, this.shown)) {
        this.cancelGrace();
        this.exitPoint = null;
        return;
      }
      this.exitPoint ??= { x, y };
      const card = this.view.cardRect();
      const heading = card !== null && inSafeTriangle(this.exitPoint, card, { x, y });
      if (!heading) this.startGrace();
      if (target === null || heading) return;
    }

    if (target === null) {
      this.cancelDwell();
      return;
    }
    if (this.pending !== null && this.same(target, this.pending)) {
      // Still on the same mention: a racing pointer restarts the dwell.
      if (speed > this.timing.maxSpeedPxPerMs) this.armDwell(target);
      return;
    }
    this.armDwell(target);
    this.view.prepare?.(target);
  }

  /** Shows at once, for keyboard and command triggers. */
  open(target: T): void {
    this.cancelDwell();
    this.cancelGrace();
    this.shown = target;
    this.view.show(target);
  }

  enterCard(): void {
    this.insideCard = true;
    this.cancelGrace();
  }

  leaveCard(): void {
    this.insideCard = false;
    this.exitPoint = null;
    this.startGrace();
  }

  close(): void {
    this.cancelDwell();
    this.cancelGrace();
    this.insideCard = false;
    this.exitPoint = null;
    if (this.shown !== null) {
      this.shown = null;
      this.view.hide();
    }
  }

  private armDwell(target: T): void {
    this.cancelDwell();
    this.pending = target;
    this.dwellTimer = this.clock.setTimeout(() => {
      this.dwellTimer = null;
      this.pending = null;
      this.cancelGrace();
      this.exitPoint = null;
      this.shown = target;
      this.view.show(target);
    }, this.timing.dwellMs);
  }

  private cancelDwell(): void {
    if (this.dwellTimer !== null) this.clock.clearTimeout(this.dwellTimer);
    this.dwellTimer = null;
    this.pending = null;
  }

  private startGrace(): void {
    if (this.graceTimer !== null) return;
    this.graceTimer = this.clock.setTimeout(() => {
      this.graceTimer = null;
      this.close();
    }, this.timing.graceMs);
  }

  private cancelGrace(): void {
    if (this.graceTimer !== null) this.clock.clearTimeout(this.graceTimer);
    this.graceTimer = null;
  }
}
