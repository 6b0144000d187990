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

export function installHighlightFakes(): void {
  Object.assign(window, { StaticRange: FakeStaticRange, Highlight: class extends Set {} });
  Object.defineProperty(window, 'CSS', { value: { highlights: new Map() }, configurable: true });
}
