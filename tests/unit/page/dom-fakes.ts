/** happy-dom has neither StaticRange nor the highlight registry: minimal stand-ins, installed once per test file. */
class FakeStaticRange {
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
  constructor(init: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }) {
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
  }
}

/** Installs the stand-ins; the returned registry is the page's `CSS.highlights`, for tests that look at what was drawn. */
export function installHighlightFakes(): Map<string, Set<FakeStaticRange>> {
  const registry = new Map<string, Set<FakeStaticRange>>();
  Object.assign(window, { StaticRange: FakeStaticRange, Highlight: class extends Set {} });
  Object.defineProperty(window, 'CSS', { value: { highlights: registry }, configurable: true });
  return registry;
}
