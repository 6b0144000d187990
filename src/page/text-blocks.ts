/**
 * Turns a page into text blocks: runs of text nodes joined across inline
 * elements, so `Vladimir <b>Putin</b>` reads as one name, with a map from
 * block offsets back to each text node. Works on any `Document` passed in,
 * without browser globals, so the same code runs in tests.
 */

/** Elements whose text a reader would not want marked, or that are not prose. */
const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'CODE', 'PRE', 'KBD', 'SAMP', 'VAR', 'SVG', 'MATH', 'CANVAS', 'IFRAME', 'OBJECT', 'HEAD', 'TITLE',
]);

/** Inline elements: text on both sides of them belongs to the same block. */
const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'LABEL', 'MARK', 'Q',
  'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'INS', 'DEL', 'NOBR', 'WBR',
]);

/** Inline by default: the HTML inline elements, and custom elements (a name with a dash) unless styled otherwise. */
export function isInlineByDefault(element: Element): boolean {
  return INLINE.has(element.tagName.toUpperCase()) || element.localName.includes('-');
}

/** The numeric `NodeFilter`/`Node` constants, so no global is needed. */
const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const FILTER_SKIP = 3;
const TEXT_NODE = 3;
const HAS_WORD = /\S/;
const NO_SPACE_END = /\S$/;
const NO_SPACE_START = /^\S/;

export interface TextBlock {
  text: string;
  nodes: Text[];
  /** `starts[i]` is the offset of `nodes[i]` in `text`. */
  starts: number[];
}

export interface BlockOptions {
  /** Elements of the extension's own UI. */
  isOwnUi?: (element: Element) => boolean;
  /** Hidden elements; checked once per element that holds text. */
  isHidden?: (element: Element) => boolean;
  /** Told of each open shadow root the walk enters, so the caller can watch it for changes. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /**
   * Told of each custom element (a name with a dash) that has no shadow root
   * yet: one may attach when its definition loads, and no DOM change says so.
   */
  onCustomElement?: (element: Element) => void;
}

/** The parent in the composed tree: a shadow root's is its host. */
export function composedParent(node: Node): Node | null {
  return node.parentNode ?? (node.nodeType === 11 ? ((node as ShadowRoot).host ?? null) : null);
}

function isEditable(element: Element): boolean {
  const value = element.getAttribute('contenteditable');
  return value !== null && value !== 'false';
}

function rejectsSubtree(element: Element, options: BlockOptions): boolean {
  return (
    SKIPPED.has(element.tagName.toUpperCase()) ||
    element.hasAttribute('hidden') ||
    isEditable(element) ||
    (options.isOwnUi?.(element) ?? false)
  );
}

/**
 * `<a>Tin liên quan</a><a>Ông chủ…</a>`: text in sibling elements is separate
 * items even with no whitespace between them, so their words must not fuse;
 * `Put<b>in</b>` (one element inside the other's parent) is one word.
 */
function separateItems(previous: Text, next: Text): boolean {
  const a = previous.parentNode;
  const b = next.parentNode;
  if (a === null || b === null || a === b) return false;
  return !a.contains(b) && !b.contains(a);
}

/** Is `node` itself, or an element it is in (through shadow hosts), a region the walk rejects? */
function insideSkipped(node: Node, options: BlockOptions): boolean {
  for (let current: Node | null = node; current !== null; current = composedParent(current)) {
    if (current.nodeType === 1 && rejectsSubtree(current as Element, options)) return true;
  }
  return false;
}

/**
 * Text nodes a reader can see under `root`, in document order, at most
 * `limit` of them: what a block scan would read, without building blocks.
 */
export function* readableText(root: Node, options: BlockOptions, limit: number): Generator<Text> {
  if (insideSkipped(root, options)) return;
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT, {
    acceptNode: (node) =>
      node.nodeType === TEXT_NODE ? FILTER_ACCEPT : rejectsSubtree(node as Element, options) ? FILTER_REJECT : FILTER_SKIP,
  });
  const hidden = new Map<Element, boolean>();
  let seen = 0;
  for (let node = walker.nextNode(); node !== null && seen < limit; node = walker.nextNode(), seen++) {
    const parent = node.parentElement;
    if (parent !== null && options.isHidden) {
      let isHidden = hidden.get(parent);
      if (isHidden === undefined) hidden.set(parent, (isHidden = options.isHidden(parent)));
      if (isHidden) continue;
    }
    yield node as Text;
  }
}

/** The nearest ancestor that is not inline: text under the same one is one block. */
function blockOf(node: Node, root: Node): Node {
  let current = node.parentNode;
  while (current !== null && current !== root && current.nodeType === 1 && INLINE.has((current as Element).tagName.toUpperCase())) {
    current = current.parentNode;
  }
  return current ?? root;
}

/**
 * Walks `root` in document order and yields its blocks, open shadow roots
 * included (each shadow root's text is its own blocks, read where its host
 * stands). A generator, so the caller can stop between blocks and yield the
 * main thread on huge pages.
 */
export function* textBlocks(root: Node, options: BlockOptions = {}): Generator<TextBlock> {
  const doc = root.ownerDocument ?? (root as Document);
  // The walker filters what is under `root`, never `root` itself: a rescan that
  // starts at a `<pre>`, a `<script>` or an editable box (a comment being typed,
  // a script a tag manager injects) must skip it just as the first scan did.
  if (insideSkipped(root, options)) return;
  const hiddenCache = new Map<Element, boolean>();
  // A skipped element inside a paragraph (`<code>`, a hidden span) ends the
  // block, so no name is ever matched across text the reader cannot see.
  let broken = false;
  /** Shadow roots of hosts the walker passed since the last text node, in document order. */
  const shadows: ShadowRoot[] = [];
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT, {
    acceptNode(node) {
      if (node.nodeType !== TEXT_NODE) {
        const element = node as Element;
        if (rejectsSubtree(element, options)) {
          broken = true;
          return FILTER_REJECT;
        }
        // Not only custom elements host shadow roots (div, span, p and others may); the read costs
        // little next to the tag checks made above, so every element is asked.
        const shadow = element.shadowRoot;
        if (shadow !== null) shadows.push(shadow);
        else if (options.onCustomElement && element.localName.includes('-')) options.onCustomElement(element);
        return FILTER_SKIP;
      }
      return (node as Text).data.length === 0 ? FILTER_SKIP : FILTER_ACCEPT;
    },
  });

  let current: TextBlock | null = null;
  let currentBlock: Node | null = null;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (shadows.length > 0) {
      // A shadow tree's text renders in place of its host's children: the block so far ends there.
      if (current !== null && HAS_WORD.test(current.text)) yield current;
      current = null;
      yield* shadowBlocks(shadows.splice(0), options);
    }
    const text = node as Text;
    const parent = text.parentElement;
    if (parent !== null && options.isHidden) {
      let hidden = hiddenCache.get(parent);
      if (hidden === undefined) {
        hidden = options.isHidden(parent);
        hiddenCache.set(parent, hidden);
      }
      if (hidden) {
        broken = true;
        continue;
      }
    }
    const block = blockOf(text, root);
    if (current === null || block !== currentBlock || broken) {
      broken = false;
      if (current !== null && HAS_WORD.test(current.text)) yield current;
      current = { text: '', nodes: [], starts: [] };
      currentBlock = block;
    } else if (NO_SPACE_END.test(current.text) && NO_SPACE_START.test(text.data) && separateItems(current.nodes[current.nodes.length - 1]!, text)) {
      // The separator belongs to no node; offsets on it map to a node's end.
      current.text += ' ';
    }
    current.starts.push(current.text.length);
    current.nodes.push(text);
    current.text += text.data;
  }
  if (current !== null && HAS_WORD.test(current.text)) yield current;
  yield* shadowBlocks(shadows, options);
}

function* shadowBlocks(roots: ShadowRoot[], options: BlockOptions): Generator<TextBlock> {
  for (const shadow of roots) {
    options.onShadowRoot?.(shadow);
    yield* textBlocks(shadow, options);
  }
}

export interface NodePoint {
  node: Text;
  offset: number;
}

/** Maps a block offset to the text node and offset it falls in. */
export function pointAt(block: TextBlock, offset: number, preferEnd = false): NodePoint {
  let lo = 0;
  let hi = block.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = block.starts[mid]!;
    if (start < offset || (!preferEnd && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  const node = block.nodes[lo]!;
  // An offset on an inserted separator maps to the end of the node before it.
  return { node, offset: Math.min(offset - block.starts[lo]!, node.data.length) };
}
