// @vitest-environment happy-dom
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { PageScanner, yieldToMain } from '../../../src/page/scanner';
import { lexicon } from '../matcher/fixture';

/** happy-dom has neither StaticRange nor the highlight registry: minimal stand-ins, observable from the test. */
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
const registry = new Map<string, Set<FakeStaticRange>>();

beforeAll(() => {
  Object.assign(window, { StaticRange: FakeStaticRange, Highlight: class extends Set {} });
  Object.defineProperty(window, 'CSS', { value: { highlights: registry }, configurable: true });
});

function marked(): string[] {
  return [...(registry.get('summit-lens-underline-person') ?? [])].map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset));
}

function scanner(): PageScanner {
  return new PageScanner(document, { lexicon, style: 'underline', detect: { person: true, summit: true }, onChange: () => undefined });
}

function mutations(target: Node, type: 'characterData' | 'childList', removed: Node[] = []): MutationRecord[] {
  return [{ type, target, addedNodes: [] as unknown as NodeList, removedNodes: removed as unknown as NodeList } as unknown as MutationRecord];
}

describe('PageScanner following DOM changes', () => {
  it('un-highlights the old mention when a text node is edited in place', async () => {
    document.body.innerHTML = '<p id="edit">Vladimir Putin spoke first.</p><p>Donald Trump listened.</p>';
    const s = scanner();
    await s.scan(document.body);
    expect(marked()).toEqual(['Vladimir Putin', 'Donald Trump']);
    const text = document.getElementById('edit')!.firstChild as Text;
    text.data = 'Joe Biden spoke first.';
    s.onMutations(mutations(text, 'characterData'), () => false);
    await s.scan(document.body.lastChild!);
    // Before the fix the old range [0, 14) stayed, now underlining "Joe Biden spok".
    expect(marked().sort()).toEqual(['Donald Trump', 'Joe Biden'].sort());
    expect(s.mentions().mentions.map((m) => m.id).sort()).toEqual(['biden', 'trump']);
    s.stop();
  });

  it('un-highlights the mentions of removed content', async () => {
    document.body.innerHTML = '<main><p>Vladimir Putin spoke.</p></main><p>Donald Trump listened.</p>';
    const s = scanner();
    await s.scan(document.body);
    const main = document.querySelector('main')!;
    main.remove();
    s.onMutations(mutations(document.body, 'childList', [main]), () => false);
    expect(marked()).toEqual(['Donald Trump']);
    expect(s.mentions().mentions.map((m) => m.id)).toEqual(['trump']);
    s.stop();
  });
});

describe('yieldToMain', () => {
  it('yields with a background-priority task, so the page’s own timers run first', async () => {
    const postTask = vi.fn((fn: () => void) => Promise.resolve(fn()));
    const setTimeout = vi.fn();
    await yieldToMain({ scheduler: { postTask, yield: vi.fn() }, setTimeout } as unknown as Window);
    expect(postTask).toHaveBeenCalledWith(expect.any(Function), { priority: 'background' });
    expect(setTimeout).not.toHaveBeenCalled();
  });

  it('falls back to a timer without the Prioritized Task Scheduling API', async () => {
    const setTimeout = vi.fn((fn: () => void) => fn());
    await yieldToMain({ setTimeout } as unknown as Window);
    expect(setTimeout).toHaveBeenCalledWith(expect.any(Function), 0);
  });
});
