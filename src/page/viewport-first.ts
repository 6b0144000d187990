/**
 * Viewport first: which text the reader sees now (scanned before the rest of
 * the page), and which blocks have come near the viewport (the only ones whose
 * ranges are handed to the browser to draw). No browser globals: the caller
 * passes the document's hit test and its IntersectionObserver.
 */

export interface Point {
  x: number;
  y: number;
}

/**
 * Points spread over the viewport, top row first and left to right in a row:
 * reading order, so the blocks found first are those read first.
 */
export function samplePoints(viewport: { width: number; height: number }, columns = 3, rows = 10): Point[] {
  const points: Point[] = [];
  if (viewport.width <= 0 || viewport.height <= 0) return points;
  for (let r = 0; r < rows; r++) {
    const y = Math.round(((r + 0.5) * viewport.height) / rows);
    for (let c = 0; c < columns; c++) points.push({ x: Math.round(((c + 0.5) * viewport.width) / columns), y });
  }
  return points;
}

/**
 * The block roots under `points`, each once, in the order the points first
 * reach them. `hit` is the text node under a point (or null); `rootOf` its
 * block; roots outside `within`, and `within` itself (the whole scan), are
 * left to the full walk. Lazy: a hit test costs 60–230 µs on a 1 MB page, so
 * the caller stops asking once its time for the first frame is spent.
 */
export function* visibleRoots<N>(points: Point[], hit: (p: Point) => N | null, rootOf: (node: N) => N, within: (root: N) => boolean): Generator<N> {
  const seen = new Set<N>();
  for (const point of points) {
    const node = hit(point);
    if (node === null) continue;
    const root = rootOf(node);
    if (seen.has(root)) continue;
    seen.add(root);
    if (within(root)) yield root;
  }
}

/** The part of IntersectionObserver this module uses, so tests can drive it. */
export interface Observer<E> {
  observe(element: E): void;
  unobserve(element: E): void;
  disconnect(): void;
}

export interface Entry<E> {
  target: E;
  isIntersecting: boolean;
}

export type ObserverFactory<E> = (callback: (entries: Entry<E>[]) => void) => Observer<E>;

export interface NearWatch<E> {
  /** Calls back once `element` (the block `id` lives in) comes near the viewport. */
  watch(id: number, element: E): void;
  unwatch(id: number): void;
  /** The reader is now at `elements` (under the viewport): the observed window moves there. */
  relocate(elements: E[]): void;
  /** Observes what `watch` and `unwatch` brought into the window since the last call. */
  settle(): void;
  disconnect(): void;
}

/**
 * Watched elements observed at once on each side of where the reader is. An
 * observed element costs Chromium about 570 bytes of Blink heap, most of it
 * kept after `unobserve` (docs/decisions/0032): observing every block with a
 * mention cost 4.1 MB on the 1 MB bench page.
 */
export const NEAR_SPAN = 64;

/**
 * Hands block ids over once their element nears the viewport, all of one
 * observer callback (one frame) in one call, and stops watching them: once
 * drawn, a mark stays, so scrolling back costs nothing.
 *
 * Only a window of the watched elements is observed: `span` before and after
 * the last ones that came near (at first, the top of the page), in document
 * order (`precedes`). Scrolling on brings the next ones near, which moves the
 * window with the reader; a jump (a link to an anchor, the scrollbar dragged)
 * is followed by `relocate`. Blocks watched during a scan join the window
 * only at `settle()`: while a walk is still above the window's anchor, each
 * new block would push an older one out, and every element once observed
 * keeps its cost.
 */
export function nearWatch<E>(observe: ObserverFactory<E>, onNear: (ids: number[]) => void, precedes: (a: E, b: E) => boolean, span = NEAR_SPAN): NearWatch<E> {
  const idsOf = new Map<E, Set<number>>();
  const elementOf = new Map<number, E>();
  /** Watched elements, each once, in document order. */
  const order: E[] = [];
  const observed = new Set<E>();
  /** The window runs from `span` elements before `from` to `span` after `to`; null is the top of the page. */
  let from: E | null = null;
  let to: E | null = null;
  /** The window as indices into `order`, [lo, hi), and where `to` would go; null once a change moved it. */
  let window: { lo: number; hi: number; toAt: number } | null = null;
  /** `watch` or `unwatch` changed what the window holds. */
  let unsettled = false;

  /** Index of the first watched element that `element` does not follow. */
  const place = (element: E): number => {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (precedes(order[mid]!, element)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const edges = (): { lo: number; hi: number; toAt: number } => {
    if (window === null) {
      const toAt = to === null ? 0 : place(to);
      window = { lo: Math.max(0, (from === null ? 0 : place(from)) - span), hi: Math.min(order.length, toAt + span), toAt };
    }
    return window;
  };
  const rewindow = () => {
    window = null;
    unsettled = false;
    const { lo, hi } = edges();
    const wanted = new Set(order.slice(lo, hi));
    for (const element of observed) {
      if (wanted.has(element)) continue;
      observed.delete(element);
      observer.unobserve(element);
    }
    for (const element of wanted) {
      if (observed.has(element)) continue;
      observed.add(element);
      observer.observe(element);
    }
  };
  /** Drops `element` from the order; returns where it was. */
  const remove = (element: E): number => {
    const at = order.indexOf(element);
    if (at >= 0) order.splice(at, 1);
    if (observed.delete(element)) observer.unobserve(element);
    return at;
  };

  const observer = observe((entries) => {
    const near: number[] = [];
    let first = -1;
    let last = -1;
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const ids = idsOf.get(entry.target);
      if (ids === undefined) continue;
      idsOf.delete(entry.target);
      const at = remove(entry.target);
      if (first < 0 || at <= first) {
        first = at;
        from = entry.target;
      }
      if (at >= last) {
        last = at;
        to = entry.target;
      }
      for (const id of ids) {
        elementOf.delete(id);
        near.push(id);
      }
    }
    if (near.length === 0) return;
    rewindow();
    onNear(near);
  });

  return {
    watch(id, element) {
      if (elementOf.has(id)) return;
      elementOf.set(id, element);
      const ids = idsOf.get(element);
      if (ids) {
        ids.add(id);
        return;
      }
      idsOf.set(element, new Set([id]));
      // The first walk finds blocks in document order: appending is the common case.
      const at = order.length === 0 || precedes(order[order.length - 1]!, element) ? order.length : place(element);
      const { lo, hi, toAt } = edges();
      order.splice(at, 0, element);
      if (at < lo) window = { lo: lo + 1, hi: hi + 1, toAt: toAt + 1 };
      else if (at === hi && hi < toAt + span && (to === null || !precedes(element, to))) {
        // Right after a window with room, below where the reader is: nothing leaves it, so no reason to wait.
        window = { lo, hi: hi + 1, toAt };
        observed.add(element);
        observer.observe(element);
      } else if (at <= hi) {
        unsettled = true;
        window = null;
      }
    },
    unwatch(id) {
      const element = elementOf.get(id);
      if (element === undefined) return;
      elementOf.delete(id);
      const ids = idsOf.get(element)!;
      ids.delete(id);
      if (ids.size > 0) return;
      idsOf.delete(element);
      const wasObserved = observed.has(element);
      const { lo, hi, toAt } = edges();
      const at = remove(element);
      if (wasObserved) {
        unsettled = true;
        window = null;
      } else if (at >= 0 && at < lo) window = { lo: lo - 1, hi: hi - 1, toAt: toAt - 1 };
    },
    relocate(elements) {
      if (elements.length === 0) return;
      from = elements.reduce((a, b) => (precedes(b, a) ? b : a));
      to = elements.reduce((a, b) => (precedes(a, b) ? b : a));
      rewindow();
    },
    settle() {
      if (unsettled) rewindow();
    },
    disconnect() {
      observer.disconnect();
      idsOf.clear();
      elementOf.clear();
      order.length = 0;
      observed.clear();
    },
  };
}
