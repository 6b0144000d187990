import { describe, expect, it } from 'vitest';
import { nearWatch, samplePoints, visibleRoots, type Entry, type Observer } from '../../../src/page/viewport-first';

describe('samplePoints', () => {
  it('covers a 390×844 phone in reading order: rows top to bottom, left to right in a row', () => {
    const points = samplePoints({ width: 390, height: 844 }, 3, 4);
    expect(points).toEqual([
      { x: 65, y: 106 }, { x: 195, y: 106 }, { x: 325, y: 106 },
      { x: 65, y: 317 }, { x: 195, y: 317 }, { x: 325, y: 317 },
      { x: 65, y: 528 }, { x: 195, y: 528 }, { x: 325, y: 528 },
      { x: 65, y: 739 }, { x: 195, y: 739 }, { x: 325, y: 739 },
    ]);
  });

  it('gives nothing for a frame with no size (a hidden iframe)', () => {
    expect(samplePoints({ width: 0, height: 600 })).toEqual([]);
  });
});

describe('visibleRoots', () => {
  // A page as the hit test sees it: which text node is under each row, and its block.
  const rows: Record<number, string | null> = { 106: 'h1-text', 317: 'p1-text', 528: 'p1-text-2', 739: null };
  const blockOf: Record<string, string> = { 'h1-text': 'h1', 'p1-text': 'p1', 'p1-text-2': 'p1', 'nav-text': 'body' };

  it('lists each block under the points once, in the order the points reach them, leaving misses out', () => {
    const roots = [...visibleRoots(samplePoints({ width: 390, height: 844 }, 3, 4), (p) => rows[p.y] ?? null, (n) => blockOf[n]!, () => true)];
    expect(roots).toEqual(['h1', 'p1']);
  });

  it('leaves the scan root itself (text straight in <body>) and outside blocks to the full walk', () => {
    const hit = (p: { y: number }): string | null => (p.y === 106 ? 'nav-text' : p.y === 317 ? 'p1-text' : null);
    expect([...visibleRoots(samplePoints({ width: 390, height: 844 }, 3, 4), hit, (n) => blockOf[n]!, (root) => root !== 'body')]).toEqual(['p1']);
  });
});

class FakeObserver implements Observer<string> {
  observed = new Set<string>();
  /** Every element ever observed: each keeps its cost in Chromium after `unobserve`. */
  ever = new Set<string>();
  constructor(readonly callback: (entries: Entry<string>[]) => void) {}
  observe(element: string) {
    this.observed.add(element);
    this.ever.add(element);
  }
  unobserve(element: string) {
    this.observed.delete(element);
  }
  disconnect() {
    this.observed.clear();
  }
  report(near: string[], far: string[] = []) {
    this.callback([...near.map((target) => ({ target, isIntersecting: true })), ...far.map((target) => ({ target, isIntersecting: false }))]);
  }
}

/** Elements named `p<n>`: document order is the order of n. */
const precedes = (a: string, b: string) => Number(a.slice(1)) < Number(b.slice(1));

describe('nearWatch', () => {
  function setup() {
    let observer!: FakeObserver;
    const calls: number[][] = [];
    const watch = nearWatch<string>((cb) => (observer = new FakeObserver(cb)), (ids) => calls.push(ids), precedes);
    return { watch, calls, observer: () => observer };
  }

  it('observes each element once however many blocks live in it, and hands them all over in one call when it nears', () => {
    const { watch, calls, observer } = setup();
    watch.watch(1, 'p1');
    watch.watch(2, 'p1');
    watch.watch(3, 'p2');
    watch.watch(1, 'p1');
    watch.settle();
    expect([...observer().observed]).toEqual(['p1', 'p2']);
    observer().report(['p1', 'p2']);
    expect(calls).toEqual([[1, 2, 3]]);
    expect(observer().observed.size).toBe(0);
  });

  it('ignores far entries and elements it no longer watches', () => {
    const { watch, calls, observer } = setup();
    watch.watch(1, 'p1');
    watch.watch(2, 'p2');
    watch.settle();
    observer().report([], ['p1', 'p2']);
    expect(calls).toEqual([]);
    watch.unwatch(2);
    expect([...observer().observed]).toEqual(['p1']);
    observer().report(['p2']);
    expect(calls).toEqual([]);
    observer().report(['p1']);
    expect(calls).toEqual([[1]]);
  });

  it('keeps observing an element while one of its blocks is still watched', () => {
    const { watch, observer } = setup();
    watch.watch(1, 'p1');
    watch.watch(2, 'p1');
    watch.settle();
    watch.unwatch(1);
    expect([...observer().observed]).toEqual(['p1']);
    watch.unwatch(2);
    expect(observer().observed.size).toBe(0);
  });

  describe('observes only a window of the watched elements around the reader', () => {
    function windowed() {
      let observer!: FakeObserver;
      const calls: number[][] = [];
      const watch = nearWatch<string>((cb) => (observer = new FakeObserver(cb)), (ids) => calls.push(ids), precedes, 2);
      // Blocks 1–8 in p1–p8, found in document order by the first walk.
      for (let n = 1; n <= 8; n++) watch.watch(n, `p${n}`);
      watch.settle();
      return { watch, calls, observed: () => [...observer.observed].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))), observer: () => observer };
    }

    it('at first the top of the page, then around the last elements that came near', () => {
      const { calls, observed, observer } = windowed();
      expect(observed()).toEqual(['p1', 'p2']);
      observer().report(['p2']);
      expect(calls).toEqual([[2]]);
      // Two before p2 and two after it, in what is still watched.
      expect(observed()).toEqual(['p1', 'p3', 'p4']);
      observer().report(['p3', 'p4']);
      expect(observed()).toEqual(['p1', 'p5', 'p6']);
      expect(calls).toEqual([[2], [3, 4]]);
    });

    it('follows a jump, and drops what it left from the observer', () => {
      const { watch, observed, observer, calls } = windowed();
      watch.relocate(['p7', 'p6']);
      expect(observed()).toEqual(['p4', 'p5', 'p6', 'p7', 'p8']);
      // An entry from before the jump for an element no longer observed still counts: it is near.
      observer().report(['p1']);
      expect(calls).toEqual([[1]]);
      expect(observed()).toEqual(['p2', 'p3']);
    });

    it('places a block found later (a page change) in document order, observing it only inside the window', () => {
      const { watch, observed } = windowed();
      watch.relocate(['p5']);
      expect(observed()).toEqual(['p3', 'p4', 'p5', 'p6']);
      watch.watch(20, 'p20');
      watch.watch(10, 'p0');
      watch.settle();
      expect(observed()).toEqual(['p3', 'p4', 'p5', 'p6']);
      watch.watch(11, 'p4.5');
      // Only once the scan settles: a walk still above the window would push each block out again.
      expect(observed()).toEqual(['p3', 'p4', 'p5', 'p6']);
      watch.settle();
      expect(observed()).toEqual(['p4', 'p4.5', 'p5', 'p6']);
    });

    it('blocks the walk finds below the reader are observed at once while the window has room', () => {
      let observer!: FakeObserver;
      const watch = nearWatch<string>((cb) => (observer = new FakeObserver(cb)), () => undefined, precedes, 2);
      watch.relocate(['p3']);
      watch.watch(4, 'p4');
      watch.watch(5, 'p5');
      watch.watch(6, 'p6');
      expect([...observer.observed]).toEqual(['p4', 'p5']);
      watch.settle();
      expect([...observer.observed]).toEqual(['p4', 'p5']);
    });

    it('a page opened scrolled down: the walk from the top observes only the blocks around the viewport', () => {
      let observer!: FakeObserver;
      const watch = nearWatch<string>((cb) => (observer = new FakeObserver(cb)), () => undefined, precedes, 2);
      watch.relocate(['p50']);
      for (let n = 1; n <= 40; n++) watch.watch(n, `p${n}`);
      watch.settle();
      for (let n = 41; n <= 100; n++) watch.watch(n, `p${n}`);
      watch.settle();
      expect([...observer.observed].sort()).toEqual(['p48', 'p49', 'p50', 'p51']);
      expect([...observer.ever].sort()).toEqual(['p39', 'p40', 'p48', 'p49', 'p50', 'p51']);
    });

    it('an unwatched element in the window lets the next one in', () => {
      const { watch, observed } = windowed();
      watch.unwatch(1);
      expect(observed()).toEqual(['p2']);
      watch.settle();
      expect(observed()).toEqual(['p2', 'p3']);
      watch.unwatch(8);
      watch.settle();
      expect(observed()).toEqual(['p2', 'p3']);
    });
  });
});
