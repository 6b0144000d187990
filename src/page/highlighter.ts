import type { MarkStyle } from '../settings/settings';

export type MarkKind = 'person' | 'summit';

/** Names registered with `CSS.highlights`; styled by the content script's CSS file. */
export function highlightName(style: MarkStyle, kind: MarkKind): string {
  return `summit-lens-${style}-${kind}`;
}

interface HighlightCtor {
  new (...ranges: AbstractRange[]): Set<AbstractRange>;
}

interface HighlightApi {
  registry: Map<string, Set<AbstractRange>>;
  Highlight: HighlightCtor;
}

function highlightApi(win: Window): HighlightApi | null {
  const w = win as unknown as { CSS?: { highlights?: Map<string, Set<AbstractRange>> }; Highlight?: HighlightCtor };
  return w.CSS?.highlights && w.Highlight ? { registry: w.CSS.highlights, Highlight: w.Highlight } : null;
}

/**
 * Marks ranges with the CSS Custom Highlight API: the page's DOM, layout,
 * selection and copy stay untouched. Where the API is missing nothing is
 * drawn, and hovering still works from the ranges themselves.
 */
export class Highlighter {
  private readonly api: HighlightApi | null;
  private readonly sets: Record<MarkKind, Set<AbstractRange>> | null;
  /**
   * Ranges not yet handed to the browser. Chromium reprocesses every range of
   * a registered highlight on each frame after it changes, so adding them a
   * slice at a time made a 1 MB page's scan quadratic (frames of 150–600 ms,
   * all native); adding them in few batches keeps each frame short.
   */
  private readonly pending: [MarkKind, AbstractRange][] = [];
  private style: MarkStyle;
  /**
   * Whether the highlights are in the page's registry. They join it with the
   * first ranges, or when the scan ends with none drawn (`register`), not
   * before: Chromium repaints the whole page after any change to the
   * registry, 150–400 ms on a 5 MB page (docs/decisions/0082).
   */
  private registered = false;

  constructor(win: Window, style: MarkStyle) {
    this.api = highlightApi(win);
    this.style = style;
    this.sets = this.api ? { person: new this.api.Highlight(), summit: new this.api.Highlight() } : null;
  }

  get supported(): boolean {
    return this.api !== null;
  }

  /** Queues a range; it shows at the next `flush()`. */
  add(kind: MarkKind, range: AbstractRange): void {
    if (this.sets) this.pending.push([kind, range]);
  }

  /** Hands the queued ranges to the browser; true if there were any. */
  flush(): boolean {
    if (!this.sets || this.pending.length === 0) return false;
    for (const [kind, range] of this.pending) this.sets[kind].add(range);
    this.pending.length = 0;
    this.register();
    return true;
  }

  delete(kind: MarkKind, range: AbstractRange): void {
    if (!this.sets) return;
    if (!this.sets[kind].delete(range)) {
      const at = this.pending.findIndex(([, r]) => r === range);
      if (at >= 0) this.pending.splice(at, 1);
    }
  }

  setStyle(style: MarkStyle): void {
    if (style === this.style) return;
    const registered = this.registered;
    this.unregister();
    this.style = style;
    if (registered) this.register();
  }

  /** Puts the highlights in the page's registry, empty or not, once: the page is being read. */
  register(): void {
    if (this.registered) return;
    this.registered = true;
    if (!this.api || !this.sets || this.style === 'none') return;
    this.api.registry.set(highlightName(this.style, 'person'), this.sets.person);
    this.api.registry.set(highlightName(this.style, 'summit'), this.sets.summit);
  }

  clear(): void {
    this.pending.length = 0;
    this.sets?.person.clear();
    this.sets?.summit.clear();
  }

  destroy(): void {
    this.clear();
    this.unregister();
  }

  private unregister(): void {
    this.registered = false;
    if (!this.api) return;
    for (const kind of ['person', 'summit'] as const) this.api.registry.delete(highlightName(this.style, kind));
  }
}
