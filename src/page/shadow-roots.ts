/**
 * The browser side of reading open shadow roots: the marks' styles inside each
 * one, and custom elements whose shadow root is attached after they were
 * scanned. No globals: the window is passed in.
 */

/** The part of ResizeObserver used here, so tests can drive it. */
export interface SizeObserver {
  observe(element: Element): void;
  unobserve(element: Element): void;
  disconnect(): void;
}

export interface ShadowWatchOptions {
  /**
   * The `::highlight()` rules of the content script's style sheet. A document's
   * style sheets do not reach into shadow trees, so each shadow root gets them too.
   */
  css: string;
  observeSize: (callback: (elements: Element[]) => void) => SizeObserver;
  /** A watched element now has an open shadow root. */
  onAttached(root: ShadowRoot): void;
}

/** The element that holds `element`'s box: an inline element (a custom element by default is one) reports no size of its own. */
export function sizedContainer(element: Element, isInline: (element: Element) => boolean): Element | null {
  let current: Element | null = element;
  do {
    const parent: Node | null = current.parentNode;
    current = parent === null ? null : parent.nodeType === 11 ? (parent as ShadowRoot).host : (parent as Element);
  } while (current !== null && current.nodeType === 1 && isInline(current));
  return current !== null && current.nodeType === 1 ? current : null;
}

export class ShadowWatch {
  private readonly styled = new WeakSet<ShadowRoot>();
  /** Held weakly: a feed that replaces its components keeps no dead shadow tree alive through us. */
  private readonly styledRefs = new Set<WeakRef<ShadowRoot>>();
  /** Custom elements without a shadow root yet, by the element whose size they change when they render. */
  private readonly waiting = new Map<Element, Set<Element>>();
  private readonly watched = new WeakSet<Element>();
  private readonly sizes: SizeObserver;
  private sheet: CSSStyleSheet | null = null;

  constructor(
    private readonly win: Window,
    private readonly options: ShadowWatchOptions,
  ) {
    // A custom element that upgrades renders into its new shadow root, and the box holding it
    // changes size: the one sign of it that reaches outside the shadow tree.
    this.sizes = options.observeSize((containers) => {
      for (const container of containers) {
        const elements = this.waiting.get(container);
        if (!elements) continue;
        for (const element of elements) {
          const root = element.shadowRoot;
          if (root === null && element.isConnected) continue;
          elements.delete(element);
          if (root !== null) options.onAttached(root);
        }
        if (elements.size > 0) continue;
        this.waiting.delete(container);
        this.sizes.unobserve(container);
      }
    });
  }

  /** Styles the marks inside `root`, once; the page's own sheets stay as they were, before ours. */
  style(root: ShadowRoot): void {
    if (this.styled.has(root)) return;
    const sheet = this.ownSheet();
    if (sheet === null) return;
    this.styled.add(root);
    this.styledRefs.add(new WeakRef(root));
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  /** Waits for `element` (a custom element without a shadow root) to get one; `container` holds its box (see `sizedContainer`). */
  watch(element: Element, container: Element): void {
    if (this.watched.has(element)) return;
    this.watched.add(element);
    const elements = this.waiting.get(container);
    if (elements) elements.add(element);
    else {
      this.waiting.set(container, new Set([element]));
      this.sizes.observe(container);
    }
  }

  stop(): void {
    this.sizes.disconnect();
    this.waiting.clear();
    const sheet = this.sheet;
    for (const ref of this.styledRefs) {
      const root = ref.deref();
      if (root) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
    }
    this.styledRefs.clear();
  }

  private ownSheet(): CSSStyleSheet | null {
    if (this.sheet === null) {
      try {
        const sheet = new (this.win as unknown as { CSSStyleSheet: typeof CSSStyleSheet }).CSSStyleSheet();
        sheet.replaceSync(this.options.css);
        this.sheet = sheet;
      } catch {
        // No constructable style sheets: the marks in shadow roots count and answer hovers, unpainted.
        return null;
      }
    }
    return this.sheet;
  }
}
