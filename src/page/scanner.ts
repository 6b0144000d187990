import { PageResolver, type Occurrence } from '../matcher/resolve';
import type { MentionsAnswer, PageContext } from '../protocol/messages';
import type { Lexicon } from '../schema/lexicon';
import type { MarkStyle } from '../settings/settings';
import { ContextTally, type Region } from './context';
import { MentionSummary } from './mention-summary';
import { Highlighter } from './highlighter';
import { DATELINE_MAX, factSources, pageLang, publishedDay } from './published';
import { RegionMap } from './regions';
import { composedParent, pointAt, readableText, textBlocks, type BlockOptions, type TextBlock } from './text-blocks';
import { nearWatch, samplePoints, visibleRoots, type NearWatch, type ObserverFactory } from './viewport-first';

/** Where a mark lies in the page's text nodes. */
export interface MarkSpan {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
}

/** One marked occurrence, with the text nodes it covers so hovering finds it. */
export interface Mark {
  key: number;
  kind: 'person' | 'summit';
  id: string;
  form: string;
  range: MarkSpan;
}

interface BlockRecord {
  block: TextBlock;
  region: Region;
  marks: Map<number, Mark>;
}

export interface ScannerOptions extends BlockOptions {
  lexicon: Lexicon;
  style: MarkStyle;
  detect: { person: boolean; summit: boolean };
  /** Called (at most once per slice) when the set of mentions changed. */
  onChange(): void;
  /**
   * Watches block elements for nearing the viewport (an IntersectionObserver).
   * With it, only blocks near what the reader sees have their ranges drawn;
   * without it, every range is drawn as soon as it is found.
   */
  observeNear?: ObserverFactory<Element>;
}

/** User Timing marks of the first page scan: in DevTools' performance panel, and read by `npm run bench`. */
export const SCAN_MARKS = { start: 'summit-lens:scan-start', firstVisible: 'summit-lens:first-visible', end: 'summit-lens:scan-end' } as const;

/** During a long scan, marks appear in batches this far apart (see Highlighter.pending). */
const FLUSH_EVERY_MS = 1000;

/** Main-thread budget per slice: well under the 50 ms that counts as a long task. */
const SLICE_MS = 8;

/**
 * Budget of a slice of the viewport's own blocks: with the page's own work in
 * the same frame, the marks on screen are painted within one frame (16 ms) of
 * the scan's start (docs/decisions/0032).
 */
const VISIBLE_SLICE_MS = 4;

const INLINE_PARENT = /^(A|ABBR|B|BDI|BDO|CITE|DATA|DFN|EM|FONT|I|LABEL|MARK|Q|S|SMALL|SPAN|STRONG|SUB|SUP|TIME|U|INS|DEL|NOBR)$/;

/**
 * Lets the page run between slices. Not `scheduler.yield()`: its continuation
 * outranks the page's own timers and network callbacks, so on a 1 MB page the
 * page's scripts stood still for the whole scan (a 10 ms heartbeat saw a
 * 400 ms gap although no slice was long). A background-priority task runs
 * after everything the page has queued; `setTimeout` is the fallback.
 */
export function yieldToMain(win: Window, priority: 'background' | 'user-blocking' = 'background'): Promise<void> {
  const scheduler = (win as unknown as { scheduler?: { postTask?: (fn: () => void, options: { priority: string }) => Promise<void> } }).scheduler;
  if (typeof scheduler?.postTask === 'function') return scheduler.postTask(() => undefined, { priority });
  return new Promise((resolve) => win.setTimeout(resolve, 0));
}

/** Short blocks from the top of the page looked at for a dateline. */
const DATELINE_LINES = 40;
/** Characters of text the page's script is guessed from when it declares no language. */
const LANG_SAMPLE = 4000;

/** Text nodes looked at per attribute change, so a page animating a huge subtree costs little. */
const REVEAL_WALK_LIMIT = 5000;

/** Is `node` in `root`, crossing into shadow trees (which `Node.contains` does not)? */
function composedContains(root: Node, node: Node): boolean {
  for (let current: Node | null = node; current !== null; current = composedParent(current)) if (current === root) return true;
  return false;
}

/** A root inside another root is covered by the outer scan. */
function hasAncestorIn(node: Node, roots: Set<Node>): boolean {
  for (let p = node.parentNode; p !== null; p = p.parentNode) if (roots.has(p)) return true;
  return false;
}

/** The nearest element that is not inline: changed text inside it is rescanned as a whole. */
function blockRootOf(node: Node, body: Node): Node {
  let current: Node | null = node.nodeType === 1 ? node : node.parentNode;
  while (current !== null && current !== body && current.nodeType === 1 && INLINE_PARENT.test((current as Element).tagName.toUpperCase())) {
    current = current.parentNode;
  }
  return current ?? body;
}

/**
 * Finds and marks mentions on a live page: scans in slices that yield to the
 * page, follows DOM changes by rescanning only the blocks they touch, and
 * answers hover hit-tests from the marks it keeps.
 */
export class PageScanner {
  private readonly resolver: PageResolver;
  private readonly regions = new RegionMap();
  private readonly highlighter: Highlighter;
  private readonly blocks = new Map<number, BlockRecord>();
  private readonly blockOfNode = new WeakMap<Text, number>();
  private readonly marksOfNode = new WeakMap<Text, Mark[]>();
  private readonly queue: Node[] = [];
  /** Open shadow roots the scan entered: hit tests look into them, and forgetting a host forgets them. */
  private readonly shadowRoots = new Set<ShadowRoot>();
  private readonly blockOptions: BlockOptions;
  /** Blocks whose ranges the browser draws; without `near`, all of them. */
  private readonly drawn = new Set<number>();
  /**
   * The browser's ranges, made only for marks handed to it: a StaticRange
   * costs Blink ~40 bytes and its wrapper as much again, 0.5 MB for every
   * mark of the 1 MB page (docs/decisions/0032).
   */
  private readonly ranges = new Map<Mark, StaticRange>();
  private readonly near: NearWatch<Element> | null;
  /**
   * The mentions summed up as they come and go. Its page order is where the
   * first walk passed each block, including those `scanPage` scanned ahead
   * of it: mentions list forms in the order the page uses them, not the order
   * they were found in.
   */
  private readonly summary = new MentionSummary();
  /** What the page context is ranked from, kept up to date the same way. */
  private readonly tally = new ContextTally();
  /** Mentions added or removed so far: with the blocks, what tells a page context computed before from one due now. */
  private changes = 0;
  private walking = false;
  private walked = 0;
  private nextBlock = 1;
  private running: Promise<void> | null = null;
  /**
   * True exactly while a drain loop can still take from the queue. `running`
   * is not that: a drain that never yields has left its loop by the time it
   * returns, but `running` is cleared a microtask later, so a second root
   * queued in the same task (two live-blog entries added at once) waited for
   * a scan that had already ended.
   */
  private draining = false;
  private detect: { person: boolean; summit: boolean };
  private stopped = false;
  private scrollFrame = 0;
  /** Longest slice so far, for the benchmark and the hostile-page tests. */
  longestSliceMs = 0;

  /** Differs after any block or mention is added or dropped: what the page context is computed from. */
  get revision(): string {
    return `${this.nextBlock}:${this.blocks.size}:${this.changes}`;
  }

  constructor(
    private readonly doc: Document,
    private readonly options: ScannerOptions,
  ) {
    this.resolver = new PageResolver(options.lexicon);
    this.blockOptions = {
      ...options,
      onShadowRoot: (root) => {
        if (this.shadowRoots.has(root)) return;
        this.shadowRoots.add(root);
        options.onShadowRoot?.(root);
      },
    };
    this.highlighter = new Highlighter(doc.defaultView!, options.style);
    this.detect = options.detect;
    this.near = options.observeNear ? nearWatch(options.observeNear, (ids) => this.draw(ids), precedes) : null;
    if (this.near) doc.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
  }

  /** After a scroll, the window of observed blocks moves to what is under the viewport (see `nearWatch`). */
  private readonly onScroll = (): void => {
    if (this.scrollFrame !== 0) return;
    const win = this.doc.defaultView!;
    this.scrollFrame = win.requestAnimationFrame(() => {
      this.scrollFrame = 0;
      const hits: Element[] = [];
      for (const y of [0.25, 0.5, 0.75]) {
        const hit = this.doc.elementFromPoint(win.innerWidth / 2, win.innerHeight * y);
        if (hit !== null && !(this.options.isOwnUi?.(hit) ?? false)) hits.push(hit);
      }
      this.near?.relocate(hits);
    });
  };

  get highlightsSupported(): boolean {
    return this.highlighter.supported;
  }

  /**
   * The first scan of a page: the blocks under the viewport first, drawn in
   * slices short enough for the next frame, then the rest of `root` in the
   * background. Resolves when the whole of `root` is scanned.
   */
  async scanPage(root: Node): Promise<void> {
    const win = this.doc.defaultView!;
    const timing = win.performance;
    timing.mark?.(SCAN_MARKS.start);
    // The scanner was built in the task that calls this, its matcher compiled by code not yet warm: 40–60 ms of
    // CPU on the bench's 1 MB page. The first slice gets a task of its own, so neither passes 50 ms; at
    // user-blocking priority, as a loading page's own tasks would hold a user-visible one back by a frame or two.
    await yieldToMain(win, 'user-blocking');
    if (this.stopped) return;
    const roots = visibleRoots(
      samplePoints({ width: win.innerWidth, height: win.innerHeight }),
      (p) => caretAt(this.doc, p.x, p.y)?.node ?? null,
      (node) => blockRootOf(node, this.doc.body ?? this.doc.documentElement),
      (candidate) => candidate !== root && root.contains(candidate),
    );
    const seen: Element[] = [];
    let shown = false;
    for (let next = roots.next(); ; ) {
      const start = timing.now();
      let changed = false;
      // Hit tests and blocks alike count against the slice: what is left waits for the next one.
      while (!next.done && timing.now() - start < VISIBLE_SLICE_MS) {
        if (next.value.nodeType === 1) seen.push(next.value as Element);
        for (const block of textBlocks(next.value, this.blockOptions)) {
          if (this.blockOfNode.has(block.nodes[0]!)) continue;
          changed = this.add(block, true) || changed;
          if (timing.now() - start > VISIBLE_SLICE_MS) break;
        }
        next = roots.next();
      }
      // Chromium repaints the whole page after every change to the highlights (150–400 ms a frame on a 5 MB
      // page): the first marks go at once, the rest of the viewport's in one more change once it is scanned.
      if (!shown && this.highlighter.flush()) {
        shown = true;
        timing.mark?.(SCAN_MARKS.firstVisible);
      }
      this.longestSliceMs = Math.max(this.longestSliceMs, timing.now() - start);
      if (changed) this.options.onChange();
      await yieldToMain(win);
      if (this.stopped) return;
      if (next.done) break;
    }
    this.highlighter.flush();
    this.near?.relocate(seen);
    this.walking = true;
    await this.scan(root);
    this.walking = false;
    if (this.stopped) return;
    this.settlePublished();
    // A page with nothing drawn shows it is read all the same.
    this.highlighter.register();
    timing.mark?.(SCAN_MARKS.end);
  }

  /** Queues a subtree; resolves when everything queued so far is scanned. */
  scan(root: Node): Promise<void> {
    this.queue.push(root);
    if (!this.draining) {
      this.draining = true;
      const run: Promise<void> = this.drain().finally(() => {
        if (this.running === run) this.running = null;
      });
      this.running = run;
    }
    return this.running!;
  }

  /**
   * A shadow root attached after its host was scanned (a custom element whose
   * definition loaded late): scanned and watched from now on, once.
   */
  scanShadowRoot(root: ShadowRoot): void {
    if (this.stopped || this.shadowRoots.has(root)) return;
    this.blockOptions.onShadowRoot!(root);
    void this.scan(root);
  }

  /** Rescans what the mutations touched, never the whole page. */
  onMutations(records: MutationRecord[], isOwnUi: (node: Node) => boolean): void {
    const body = this.doc.body ?? this.doc.documentElement;
    const roots = new Set<Node>();
    let removed = false;
    for (const record of records) {
      if (isOwnUi(record.target)) continue;
      if (record.type === 'characterData') {
        roots.add(blockRootOf(record.target, body));
      } else if (record.type === 'attributes') {
        // A class or style change can reveal text that was hidden when it was
        // scanned ("read more"); only then is the element worth a rescan.
        for (const root of this.revealedRoots(record.target)) roots.add(root);
      } else {
        for (const node of record.removedNodes) {
          this.forget(node);
          removed = true;
        }
        for (const added of record.addedNodes) {
          if (isOwnUi(added)) continue;
          const isBlockElement = added.nodeType === 1 && !INLINE_PARENT.test((added as Element).tagName.toUpperCase());
          roots.add(isBlockElement ? added : blockRootOf(record.target, body));
        }
      }
    }
    for (const root of roots) {
      if (!root.isConnected || hasAncestorIn(root, roots)) continue;
      this.forget(root);
      void this.scan(root);
    }
    if (removed) this.options.onChange();
  }

  /** Blocks under `element` that are readable now but were not when scanned. */
  private revealedRoots(element: Node): Node[] {
    const body = this.doc.body ?? this.doc.documentElement;
    const roots: Node[] = [];
    for (const text of readableText(element, this.blockOptions, REVEAL_WALK_LIMIT)) {
      if (!this.blockOfNode.has(text) && /\S/.test(text.data)) roots.push(blockRootOf(text, body));
    }
    return roots;
  }

  setStyle(style: MarkStyle): void {
    this.highlighter.setStyle(style);
  }

  setDetect(detect: { person: boolean; summit: boolean }): void {
    this.detect = detect;
    this.highlighter.clear();
    for (const [id, record] of this.blocks) {
      if (!this.isDrawn(id)) continue;
      for (const mark of record.marks.values()) if (this.detect[mark.kind]) this.highlighter.add(mark.kind, this.rangeOf(mark));
    }
    this.highlighter.flush();
    this.options.onChange();
  }

  /** Blocks the first walk has not reached yet, and those added by later changes, follow in the order they were found. */
  mentions(): MentionsAnswer {
    return { mentions: this.summary.mentions(this.detect) };
  }

  /**
   * What the page is about, from the sums the scan keeps of its blocks and
   * mentions (see `ContextTally`); the few facts a page states about itself
   * are read by selector. Computed when asked, so it follows the page as it
   * changes.
   */
  context(): PageContext {
    let sample = '';
    for (const record of this.blocks.values()) {
      if (sample.length >= LANG_SAMPLE) break;
      sample += ` ${record.block.text.slice(0, LANG_SAMPLE)}`;
    }
    const { lexicon } = this.options;
    return this.tally.context({
      title: this.resolver.probe(this.doc.title),
      participants: lexicon.participants,
      years: lexicon.years ?? {},
      published: this.published(),
      lang: pageLang(this.doc.documentElement.getAttribute('lang'), sample),
    });
  }

  /** The day the page says it was published: its metadata, else a short dateline among its first blocks. */
  private published(): string | null {
    const lines: string[] = [];
    for (const record of this.blocks.values()) {
      if (lines.length >= DATELINE_LINES) break;
      if (record.region === 'aside') continue;
      const line = record.block.text.trim();
      if (line.length <= DATELINE_MAX) lines.push(line);
    }
    return publishedDay(factSources(this.doc, lines));
  }

  /**
   * A date in someone's term is evidence for a shared surname (`Bush`); the
   * page's own day counts once the whole page is known. Only the day the page
   * states in its markup (metadata, JSON-LD, `<time>`, the URL): a visible
   * line can be a history article's first sentence ("On 2 December 1989,
   * Bush and …"), which would date every later Bush to 1989.
   */
  private settlePublished(): void {
    const { added, removed } = this.resolver.setPublished(publishedDay(factSources(this.doc, [])));
    if (added.length === 0 && removed.length === 0) return;
    this.apply(removed, added);
    this.highlighter.flush();
    this.options.onChange();
  }

  /** The mark under the pointer, confirmed against its rendered boxes. */
  hitTest(x: number, y: number): Mark | null {
    const point = caretAt(this.doc, x, y, this.shadowRoots);
    if (point === null || point.node.nodeType !== 3) return null;
    const marks = this.marksOfNode.get(point.node as Text);
    if (!marks) return null;
    // Marks can nest (`Biden–Putin summit` and its `Putin`): the innermost one under the pointer is what it points at.
    let best: Mark | null = null;
    for (const mark of marks) {
      if (!this.detect[mark.kind] || (best !== null && mark.form.length >= best.form.length)) continue;
      const range = this.doc.createRange();
      try {
        range.setStart(mark.range.startContainer, mark.range.startOffset);
        range.setEnd(mark.range.endContainer, mark.range.endOffset);
      } catch {
        continue;
      }
      for (const rect of range.getClientRects()) {
        if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) {
          best = mark;
          break;
        }
      }
    }
    return best;
  }

  /** The rectangle of the line box of `mark` nearest to the pointer (a name can wrap). */
  anchorRect(mark: Mark, near?: { x: number; y: number }): DOMRect | null {
    const range = this.doc.createRange();
    try {
      range.setStart(mark.range.startContainer, mark.range.startOffset);
      range.setEnd(mark.range.endContainer, mark.range.endOffset);
    } catch {
      return null;
    }
    const rects = [...range.getClientRects()];
    if (rects.length === 0) return null;
    if (!near) return rects[0]!;
    return rects.reduce((best, r) => (Math.abs((r.top + r.bottom) / 2 - near.y) < Math.abs((best.top + best.bottom) / 2 - near.y) ? r : best));
  }

  /** The next mark in document order after `after` (or the first), for keyboard use. */
  next(after: Mark | null): Mark | null {
    const all: Mark[] = [];
    for (const record of this.blocks.values()) for (const mark of record.marks.values()) if (this.detect[mark.kind] && mark.range.startContainer.isConnected) all.push(mark);
    all.sort((a, b) => {
      if (a.range.startContainer === b.range.startContainer) return a.range.startOffset - b.range.startOffset;
      return a.range.startContainer.compareDocumentPosition(b.range.startContainer) & 4 ? -1 : 1;
    });
    if (all.length === 0) return null;
    const at = after ? all.findIndex((m) => m.key === after.key) : -1;
    return all[(at + 1) % all.length]!;
  }

  stop(): void {
    this.stopped = true;
    this.queue.length = 0;
    this.near?.disconnect();
    this.doc.removeEventListener('scroll', this.onScroll, { capture: true });
    if (this.scrollFrame !== 0) this.doc.defaultView?.cancelAnimationFrame(this.scrollFrame);
    this.highlighter.destroy();
  }

  private async drain(): Promise<void> {
    const win = this.doc.defaultView!;
    const now = () => win.performance.now();
    let flushed = now();
    while (this.moreQueued()) {
      const root = this.queue.shift()!;
      if (!root.isConnected) continue;
      let sliceStart = now();
      let changed = false;
      for (const block of textBlocks(root, this.blockOptions)) {
        if (this.stopped) return;
        // Already scanned by `scanPage` because it was on screen.
        const known = this.blockOfNode.get(block.nodes[0]!);
        if (known !== undefined) {
          if (this.walking) this.summary.place(known, this.walked++);
          continue;
        }
        changed = this.add(block) || changed;
        const elapsed = now() - sliceStart;
        if (elapsed > SLICE_MS) {
          this.longestSliceMs = Math.max(this.longestSliceMs, elapsed);
          if (changed) this.options.onChange();
          changed = false;
          if (now() - flushed > FLUSH_EVERY_MS) {
            this.highlighter.flush();
            this.near?.settle();
            flushed = now();
          }
          await yieldToMain(win);
          sliceStart = now();
        }
      }
      this.longestSliceMs = Math.max(this.longestSliceMs, now() - sliceStart);
      if (changed) this.options.onChange();
    }
    this.highlighter.flush();
    this.near?.settle();
  }

  /** Ranges of blocks that came near the viewport go to the browser, one batch per observer callback. */
  private draw(ids: number[]): void {
    for (const id of ids) {
      const record = this.blocks.get(id);
      if (!record || this.drawn.has(id)) continue;
      this.drawn.add(id);
      for (const mark of record.marks.values()) if (this.detect[mark.kind]) this.highlighter.add(mark.kind, this.rangeOf(mark));
    }
    this.highlighter.flush();
  }

  private isDrawn(id: number): boolean {
    return this.near === null || this.drawn.has(id);
  }

  /** Whether the drain loop goes on; `draining` turns false in the very turn it stops. */
  private moreQueued(): boolean {
    this.draining = this.queue.length > 0 && !this.stopped;
    return this.draining;
  }

  /** `visible`: the block is on screen now, so it is drawn without waiting for the observer. */
  private add(block: TextBlock, visible = false): boolean {
    const id = this.nextBlock++;
    const record: BlockRecord = { block, region: this.regions.regionOf(block.nodes[0]!), marks: new Map() };
    this.blocks.set(id, record);
    if (visible) this.drawn.add(id);
    else if (this.walking) this.summary.place(id, this.walked++);
    for (const node of block.nodes) this.blockOfNode.set(node, id);
    const changes = this.resolver.add(id, block.text);
    const evidence = this.resolver.evidence(id)!;
    this.tally.addBlock(id, { region: record.region, cues: evidence.cues, years: evidence.years });
    this.apply(changes.removed, changes.added);
    return changes.added.length > 0 || changes.removed.length > 0;
  }

  /** Drops every block with a text node in `root` (shadow trees of hosts in it included), so a rescan starts clean. */
  private forget(root: Node): void {
    const ids = new Set<number>();
    if (root.nodeType === 3) {
      const id = this.blockOfNode.get(root as Text);
      if (id !== undefined) ids.add(id);
    } else {
      const under = [root];
      for (const shadow of this.shadowRoots) {
        if (shadow === root || !composedContains(root, shadow.host)) continue;
        under.push(shadow);
        // Scanned again, with its host, if the host comes back.
        this.shadowRoots.delete(shadow);
      }
      for (const subtree of under) {
        const walker = this.doc.createTreeWalker(subtree, 0x4);
        for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
          const id = this.blockOfNode.get(n as Text);
          if (id !== undefined) ids.add(id);
        }
      }
    }
    for (const id of ids) {
      const record = this.blocks.get(id);
      if (!record) continue;
      // Un-highlight while the block is still known: `apply` finds a mark through its block, and a
      // text node edited in place keeps its old ranges (now over other words) until they are deleted.
      const changes = this.resolver.remove(id);
      this.apply(changes.removed, changes.added);
      this.blocks.delete(id);
      this.drawn.delete(id);
      this.summary.place(id, undefined);
      this.tally.removeBlock(id);
      this.near?.unwatch(id);
      for (const node of record.block.nodes) {
        this.blockOfNode.delete(node);
        this.marksOfNode.delete(node);
      }
    }
  }

  private apply(removed: Occurrence[], added: Occurrence[]): void {
    this.changes += removed.length + added.length;
    for (const occurrence of removed) {
      this.summary.remove(occurrence);
      this.tally.remove(occurrence.blockId, occurrence.key, occurrence);
      const record = this.blocks.get(occurrence.blockId);
      const mark = record?.marks.get(occurrence.key);
      if (!record || !mark) continue;
      record.marks.delete(occurrence.key);
      const range = this.ranges.get(mark);
      if (range) {
        this.highlighter.delete(mark.kind, range);
        this.ranges.delete(mark);
      }
      this.unindex(record.block, mark);
    }
    for (const occurrence of added) {
      this.summary.add(occurrence);
      this.tally.add(occurrence.blockId, occurrence.key, occurrence);
      const record = this.blocks.get(occurrence.blockId);
      if (!record) continue;
      const start = pointAt(record.block, occurrence.start);
      const end = pointAt(record.block, occurrence.end, true);
      const range: MarkSpan = { startContainer: start.node, startOffset: start.offset, endContainer: end.node, endOffset: end.offset };
      const mark: Mark = { key: occurrence.key, kind: occurrence.kind, id: occurrence.id, form: occurrence.form, range };
      record.marks.set(occurrence.key, mark);
      if (this.isDrawn(occurrence.blockId)) {
        if (this.detect[mark.kind]) this.highlighter.add(mark.kind, this.rangeOf(mark));
      } else {
        this.near!.watch(occurrence.blockId, this.elementOf(record.block));
      }
      this.index(record.block, mark);
    }
  }

  private rangeOf(mark: Mark): StaticRange {
    let range = this.ranges.get(mark);
    if (range === undefined) {
      range = new (this.doc.defaultView as unknown as { StaticRange: typeof StaticRange }).StaticRange(mark.range);
      this.ranges.set(mark, range);
    }
    return range;
  }

  private elementOf(block: TextBlock): Element {
    const root = blockRootOf(block.nodes[0]!, this.doc.body ?? this.doc.documentElement);
    if (root.nodeType === 1) return root as Element;
    return root.nodeType === 11 ? (root as ShadowRoot).host : this.doc.documentElement;
  }

  private coveredNodes(block: TextBlock, mark: Mark): Text[] {
    const first = block.nodes.indexOf(mark.range.startContainer as Text);
    const last = block.nodes.indexOf(mark.range.endContainer as Text);
    return first < 0 || last < 0 ? [] : block.nodes.slice(first, last + 1);
  }

  private index(block: TextBlock, mark: Mark): void {
    for (const node of this.coveredNodes(block, mark)) {
      const list = this.marksOfNode.get(node);
      if (list) list.push(mark);
      else this.marksOfNode.set(node, [mark]);
    }
  }

  private unindex(block: TextBlock, mark: Mark): void {
    for (const node of this.coveredNodes(block, mark)) {
      const list = this.marksOfNode.get(node);
      if (list) this.marksOfNode.set(node, list.filter((m) => m.key !== mark.key));
    }
  }
}

/** Document order, for the observed window of `nearWatch`: an element precedes what it contains. */
function precedes(a: Element, b: Element): boolean {
  return (a.compareDocumentPosition(b) & 4) !== 0;
}

/**
 * Standard `caretPositionFromPoint` where present (Firefox, Chrome 128+), else WebKit's `caretRangeFromPoint`.
 * The shadow roots named are looked into; text in any other is answered as its host.
 */
function caretAt(doc: Document, x: number, y: number, shadowRoots?: Set<ShadowRoot>): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (d.caretPositionFromPoint) {
    const position = shadowRoots && shadowRoots.size > 0 ? d.caretPositionFromPoint(x, y, { shadowRoots: [...shadowRoots] }) : d.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = d.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}
