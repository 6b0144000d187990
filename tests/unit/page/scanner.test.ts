// @vitest-environment happy-dom
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { PageScanner, yieldToMain } from '../../../src/page/scanner';
import { lexicon } from '../matcher/fixture';
import { installHighlightFakes } from './dom-fakes';

let registry: ReturnType<typeof installHighlightFakes>;

beforeAll(() => {
  registry = installHighlightFakes();
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
    // Waits for the rescan by queueing an empty block behind it (rescanning a block already scanned would mark it twice).
    await s.scan(document.body.appendChild(document.createElement('div')));
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

describe('PageScanner in open shadow roots', () => {
  it('marks names in shadow trees, follows edits inside them, and forgets them with their host', async () => {
    document.body.innerHTML = '<p>Sergei Lavrov spoke.</p><section id="host"></section><p>Donald Trump listened.</p>';
    const host = document.getElementById('host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p id="in">Vladimir Putin said</p><quote-box></quote-box>';
    shadow.querySelector('quote-box')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Volodymyr Zelensky</p>';
    const seen: ShadowRoot[] = [];
    const s = new PageScanner(document, { lexicon, style: 'underline', detect: { person: true, summit: true }, onChange: () => undefined, onShadowRoot: (r) => seen.push(r) });
    await s.scan(document.body);
    expect(marked()).toEqual(['Sergei Lavrov', 'Vladimir Putin', 'Volodymyr Zelensky', 'Donald Trump']);
    expect(seen).toHaveLength(2);

    const text = shadow.getElementById('in')!.firstChild as Text;
    text.data = 'Joe Biden said';
    s.onMutations(mutations(text, 'characterData'), () => false);
    await s.scan(document.body.appendChild(document.createElement('div')));
    expect(s.mentions().mentions.map((m) => m.id).sort()).toEqual(['biden', 'lavrov', 'trump', 'zelensky']);

    host.remove();
    s.onMutations(mutations(document.body, 'childList', [host]), () => false);
    expect(marked()).toEqual(['Sergei Lavrov', 'Donald Trump']);
    expect(s.mentions().mentions.map((m) => m.id).sort()).toEqual(['lavrov', 'trump']);
    s.stop();
  });

  it('reads a shadow root attached after the scan once, however often it is handed over', async () => {
    document.body.innerHTML = '<late-byline id="late"></late-byline>';
    const s = scanner();
    await s.scan(document.body);
    expect(s.mentions().mentions).toEqual([]);
    const root = document.getElementById('late')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>Ronald Reagan will travel.</p>';
    s.scanShadowRoot(root);
    s.scanShadowRoot(root);
    await s.scan(document.body.appendChild(document.createElement('div')));
    expect(s.mentions().mentions).toEqual([{ id: 'reagan', kind: 'person', count: 1, forms: ['Ronald Reagan'] }]);
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

describe('PageScanner and text revealed later', () => {
  function hiddenAware(): PageScanner {
    return new PageScanner(document, {
      lexicon,
      style: 'underline',
      detect: { person: true, summit: true },
      onChange: () => undefined,
      isHidden: (element) => element.closest('.collapsed') !== null,
    });
  }
  const attributes = (target: Node) => [{ type: 'attributes', target, addedNodes: [], removedNodes: [] } as unknown as MutationRecord];

  it('marks a "read more" section once a class change shows it, rescanning only that block', async () => {
    registry.clear();
    document.body.innerHTML = '<p>Donald Trump arrived.</p><div id="more" class="collapsed"><p>Vladimir Putin waited.</p></div><pre>Putin()</pre>';
    const s = hiddenAware();
    await s.scan(document.body);
    expect(marked()).toEqual(['Donald Trump']);
    const trumpRange = [...registry.get('summit-lens-underline-person')!][0];
    document.getElementById('more')!.classList.remove('collapsed');
    s.onMutations(attributes(document.getElementById('more')!), () => false);
    await s.scan(document.createTextNode(''));
    expect(marked()).toEqual(['Donald Trump', 'Vladimir Putin']);
    // The untouched block kept its range object: it was not rescanned.
    expect([...registry.get('summit-lens-underline-person')!][0]).toBe(trumpRange);
    s.stop();
  });

  it('ignores attribute changes that reveal nothing, including code it never marks', async () => {
    registry.clear();
    document.body.innerHTML = '<p>Donald Trump arrived.</p><pre>Putin()</pre><div class="collapsed"><p>Vladimir Putin</p></div>';
    const s = hiddenAware();
    await s.scan(document.body);
    const before = [...registry.get('summit-lens-underline-person')!];
    document.body.classList.add('scrolled');
    s.onMutations(attributes(document.body), () => false);
    await s.scan(document.createTextNode(''));
    expect([...registry.get('summit-lens-underline-person')!]).toEqual(before);
    s.stop();
  });
});

describe('PageScanner drawing only what nears the viewport', () => {
  /** Stands in for IntersectionObserver: the test says which elements are near. */
  let report: (near: Element[]) => void = () => undefined;
  const observed = new Set<Element>();
  function nearAware(): PageScanner {
    return new PageScanner(document, {
      lexicon,
      style: 'underline',
      detect: { person: true, summit: true },
      onChange: () => undefined,
      observeNear: (callback) => {
        report = (near) => callback(near.map((target) => ({ target, isIntersecting: true })));
        return { observe: (e) => observed.add(e), unobserve: (e) => observed.delete(e), disconnect: () => observed.clear() };
      },
    });
  }

  it('finds every mention but hands the browser only the ranges of blocks that came near, and keeps them', async () => {
    registry.clear();
    observed.clear();
    document.body.innerHTML = '<p id="a">Vladimir Putin spoke.</p><p id="b">Donald Trump listened.</p><p id="c">Nobody here.</p><p id="d">Sergei Lavrov left.</p>';
    const s = nearAware();
    await s.scanPage(document.body);
    expect(s.mentions().mentions.map((m) => m.id).sort()).toEqual(['lavrov', 'putin', 'trump']);
    expect(marked()).toEqual([]);
    // Only blocks with a mention are watched.
    expect([...observed].map((e) => e.id)).toEqual(['a', 'b', 'd']);
    report([document.getElementById('b')!]);
    expect(marked()).toEqual(['Donald Trump']);
    report([document.getElementById('a')!, document.getElementById('d')!]);
    expect(marked().sort()).toEqual(['Donald Trump', 'Sergei Lavrov', 'Vladimir Putin']);
    expect(observed.size).toBe(0);
    s.stop();
  });

  it('puts its highlights in the page’s registry with the first ranges it hands over, or at the end of a scan that drew none', async () => {
    registry.clear();
    observed.clear();
    document.body.innerHTML = '<p id="a">Vladimir Putin spoke.</p><p id="b">Nobody here.</p>';
    const s = nearAware();
    await s.scan(document.body);
    // Every change to the registry costs Chromium a repaint of the whole page: none while nothing is drawn.
    expect([...registry.keys()]).toEqual([]);
    report([document.getElementById('a')!]);
    expect([...registry.keys()]).toEqual(['summit-lens-underline-person', 'summit-lens-underline-summit']);
    s.setStyle('background');
    expect([...registry.keys()]).toEqual(['summit-lens-background-person', 'summit-lens-background-summit']);
    s.stop();
    expect([...registry.keys()]).toEqual([]);

    document.body.innerHTML = '<p>Nobody here.</p>';
    const empty = nearAware();
    await empty.scanPage(document.body);
    expect([...registry.keys()]).toEqual(['summit-lens-underline-person', 'summit-lens-underline-summit']);
    empty.stop();
  });

  it('makes a browser range only for a mark it hands over, and the same one when a kind is switched back on', async () => {
    registry.clear();
    observed.clear();
    document.body.innerHTML = '<p id="a">Vladimir Putin spoke.</p><p id="b">Donald Trump and Sergei Lavrov listened.</p>';
    const made: unknown[] = [];
    const Original = (window as unknown as { StaticRange: new (init: object) => object }).StaticRange;
    (window as unknown as { StaticRange: unknown }).StaticRange = class extends Original {
      constructor(init: object) {
        super(init);
        made.push(this);
      }
    };
    try {
      const s = nearAware();
      await s.scanPage(document.body);
      expect(s.mentions().mentions.map((m) => m.count)).toEqual([1, 1, 1]);
      expect(made).toEqual([]);
      report([document.getElementById('b')!]);
      expect(made).toHaveLength(2);
      const drawn = [...registry.get('summit-lens-underline-person')!];
      s.setDetect({ person: false, summit: true });
      s.setDetect({ person: true, summit: true });
      expect([...registry.get('summit-lens-underline-person')!]).toEqual(drawn);
      expect(made).toHaveLength(2);
      s.stop();
    } finally {
      (window as unknown as { StaticRange: unknown }).StaticRange = Original;
    }
  });

  it('after a scroll, observes the blocks around what is under the viewport instead of those at the top', async () => {
    registry.clear();
    observed.clear();
    document.body.innerHTML = Array.from({ length: 300 }, (_, i) => `<p id="p${i}">Vladimir Putin, đoạn ${i}.</p>`).join('');
    const s = nearAware();
    await s.scanPage(document.body);
    const ids = () => [...observed].map((e) => Number(e.id.slice(1))).sort((a, b) => a - b);
    // Nothing under the viewport in this DOM without layout: the window starts at the top of the page.
    expect(ids()).toEqual(Array.from({ length: 64 }, (_, i) => i));
    const doc = document as unknown as { elementFromPoint: (x: number, y: number) => Element | null };
    const original = doc.elementFromPoint;
    doc.elementFromPoint = () => document.getElementById('p200');
    try {
      document.dispatchEvent(new Event('scroll'));
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      expect(ids()).toEqual(Array.from({ length: 128 }, (_, i) => 136 + i));
      report([document.getElementById('p200')!]);
      expect(marked()).toEqual(['Vladimir Putin']);
    } finally {
      doc.elementFromPoint = original;
      s.stop();
    }
  });

  it('turning a kind off and on again redraws only the blocks already drawn', async () => {
    registry.clear();
    observed.clear();
    document.body.innerHTML = '<p id="a">Vladimir Putin spoke.</p><p id="b">Donald Trump listened.</p>';
    const s = nearAware();
    await s.scanPage(document.body);
    report([document.getElementById('a')!]);
    s.setDetect({ person: false, summit: true });
    expect(marked()).toEqual([]);
    s.setDetect({ person: true, summit: true });
    expect(marked()).toEqual(['Vladimir Putin']);
    s.stop();
  });

  it('a block edited after it was drawn is watched again under its new id and drawn when near', async () => {
    registry.clear();
    observed.clear();
    document.body.innerHTML = '<p id="a">Vladimir Putin spoke.</p>';
    const s = nearAware();
    await s.scanPage(document.body);
    const p = document.getElementById('a')!;
    report([p]);
    const text = p.firstChild as Text;
    text.data = 'Donald Trump spoke.';
    s.onMutations(mutations(text, 'characterData'), () => false);
    await s.scan(document.createTextNode(''));
    expect(marked()).toEqual([]);
    expect([...observed]).toEqual([p]);
    report([p]);
    expect(marked()).toEqual(['Donald Trump']);
    s.stop();
  });
});

describe('PageScanner.scanPage', () => {
  it('scans what is under the viewport first, yet lists forms in the order the page uses them', async () => {
    registry.clear();
    document.body.innerHTML = '<main><p id="early">Zelenskyy arrived.</p><p id="seen">Later Volodymyr Zelenskyy spoke, and Zelenskyy left.</p></main>';
    const seen = document.getElementById('seen')!.firstChild!;
    // The reader is scrolled to the second paragraph: every sample point lands on it.
    const doc = document as unknown as { caretPositionFromPoint?: unknown };
    doc.caretPositionFromPoint = () => ({ offsetNode: seen, offset: 0 });
    try {
      const s = scanner();
      await s.scanPage(document.body);
      // Found (and drawn) in the order: the on-screen paragraph, then the rest.
      expect(marked()).toEqual(['Volodymyr Zelenskyy', 'Zelenskyy', 'Zelenskyy']);
      expect(s.mentions().mentions).toEqual([{ id: 'zelensky', kind: 'person', count: 3, forms: ['Zelenskyy', 'Volodymyr Zelenskyy'] }]);
      expect(performance.getEntriesByName('summit-lens:scan-end', 'mark').length).toBeGreaterThan(0);
      s.stop();
    } finally {
      delete doc.caretPositionFromPoint;
    }
  });
});

describe('PageScanner and the page’s own day', () => {
  it('gives a bare shared surname to the person in office on the day the page says it was published, once the page is scanned', async () => {
    const { buildLexicon } = await import('../../../src/schema/lexicon');
    const { realGazetteer } = await import('../corpus/corpus-fixture');
    const real = buildLexicon(realGazetteer());
    const meta = document.createElement('meta');
    meta.setAttribute('property', 'article:published_time');
    meta.setAttribute('content', '2001-06-16T09:00:00+02:00');
    document.head.appendChild(meta);
    document.body.innerHTML = '<main><h1>Bush meets Putin in Slovenia</h1><p>Bush arrived at the castle before noon.</p></main>';
    try {
      const s = new PageScanner(document, { lexicon: real, style: 'underline', detect: { person: true, summit: true }, onChange: () => undefined });
      await s.scanPage(document.body);
      // 2001: the son's term, not the father's (1989–1993); with him named, "Slovenia" next to "meets" is their summit.
      expect(s.mentions().mentions.map((m) => [m.id, m.count])).toEqual([
        ['bush-gw', 2],
        ['ljubljana-2001', 1],
        ['putin', 1],
      ]);
      s.stop();
      meta.remove();
      const undated = new PageScanner(document, { lexicon: real, style: 'underline', detect: { person: true, summit: true }, onChange: () => undefined });
      await undated.scanPage(document.body);
      // No day: the bare Bush could be either; the summit still has a participant (Putin) and its place.
      expect(undated.mentions().mentions.map((m) => m.id)).toEqual(['ljubljana-2001', 'putin']);
      undated.stop();
    } finally {
      meta.remove();
    }
  });
});
