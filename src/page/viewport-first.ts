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
 * left to the full walk.
 */
export function visibleRoots<N>(points: Point[], hit: (p: Point) => N | null, rootOf: (node: N) => N, within: (root: N) => boolean): N[] {
  const roots: N[] = [];
  const seen = new Set<N>();
  for (const point of points) {
    const node = hit(point);
    if (node === null) continue;
    const root = rootOf(node);
    if (seen.has(root)) continue;
    seen.add(root);
    if (within(root)) roots.push(root);
  }
  return roots;
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
  disconnect(): void;
}

/**
 * Hands block ids over once their element nears the viewport, all of one
 * observer callback (one frame) in one call, and stops watching them: once
 * drawn, a mark stays, so scrolling back costs nothing.
 */
export function nearWatch<E>(observe: ObserverFactory<E>, onNear: (ids: number[]) => void): NearWatch<E> {
  const idsOf = new Map<E, Set<number>>();
  const elementOf = new Map<number, E>();
  const observer = observe((entries) => {
    const near: number[] = [];
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const ids = idsOf.get(entry.target);
      if (ids === undefined) continue;
      idsOf.delete(entry.target);
      observer.unobserve(entry.target);
      for (const id of ids) {
        elementOf.delete(id);
        near.push(id);
      }
    }
    if (near.length > 0) onNear(near);
  });
  return {
    watch(id, element) {
      if (elementOf.has(id)) return;
      elementOf.set(id, element);
      const ids = idsOf.get(element);
      if (ids) ids.add(id);
      else {
        idsOf.set(element, new Set([id]));
        observer.observe(element);
      }
    },
    unwatch(id) {
      const element = elementOf.get(id);
      if (element === undefined) return;
      elementOf.delete(id);
      const ids = idsOf.get(element)!;
      ids.delete(id);
      if (ids.size === 0) {
        idsOf.delete(element);
        observer.unobserve(element);
      }
    },
    disconnect() {
      observer.disconnect();
      idsOf.clear();
      elementOf.clear();
    },
  };
}
