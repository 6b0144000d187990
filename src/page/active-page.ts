import type { Ask } from '../protocol/client';
import { MAX_ABOUT, type Mention, type MentionsAnswer, type PageContext } from '../protocol/messages';
import type { EntityCard } from '../protocol/views';
import type { Lexicon } from '../schema/lexicon';
import type { Settings } from '../settings/settings';
import { createPopoverHost, HOST_TAG, type PopoverHost } from '../popover/host';
import { HoverIntent, DEFAULT_TIMING } from '../popover/hover-intent';
import type { AddThisPageAnswer } from '../reading/article';
import type { PopoverProps } from '../ui/PopoverCard';
import { PageScanner, type Mark } from './scanner';
import { listenForTouch } from './touch-input';
import { ShadowWatch, sizedContainer } from './shadow-roots';
import { isInlineByDefault } from './text-blocks';

export interface PageEnv {
  doc: Document;
  ask: Ask;
  /** This document's mentions, each time they change (after settling): for the tab's badge and "On this page". */
  report(mentions: Mention[]): void;
  /** Adds the page to the user's articles (`addThisPage`); only the top frame's card offers it. */
  addArticle?(): Promise<AddThisPageAnswer>;
  /** The marks' style sheet, for open shadow roots (the document's sheets do not reach into them). */
  shadowCss: string;
}

const OBSERVED = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class', 'style', 'hidden', 'open'] };

/** How long counts settle before the badge is updated. */
const REPORT_DEBOUNCE_MS = 250;

function isOwnUi(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).tagName.toLowerCase() === HOST_TAG;
}

/**
 * Everything the content script does while it is switched on for a page:
 * scanning, marking, hovering and the card. `stop()` undoes all of it, leaving
 * the page as it was.
 */
export class ActivePage {
  private readonly scanner: PageScanner;
  private readonly host: PopoverHost;
  private readonly intent: HoverIntent<Mark>;
  private readonly observer: MutationObserver;
  private readonly shadows: ShadowWatch;
  /** Each card asked for on this page, by kind, id and the page's summits; `card` once it has come. */
  private readonly cards = new Map<string, { answer: Promise<EntityCard>; card?: EntityCard }>();
  private readonly cleanup: (() => void)[] = [];
  private settings: Settings;
  private pointer: { x: number; y: number } | null = null;
  private frame = 0;
  private reportTimer = 0;
  /** What was last reported, serialized: a count or a spelling changing is news too. */
  private lastReported = '';
  private focusOnShow = false;
  private contextMemo: { revision: string; title: string; context: PageContext } | null = null;

  constructor(
    private readonly env: PageEnv,
    lexicon: Lexicon,
    settings: Settings,
  ) {
    const { doc } = env;
    const win = doc.defaultView!;
    this.settings = settings;
    this.scanner = new PageScanner(doc, {
      lexicon,
      style: settings.markStyle,
      detect: settings.detect,
      isOwnUi: isOwnUi as (e: Element) => boolean,
      isHidden: (element) => typeof element.checkVisibility === 'function' && !element.checkVisibility({ visibilityProperty: true }),
      onChange: () => this.scheduleReport(),
      onShadowRoot: (root) => {
        this.observer.observe(root, OBSERVED);
        this.shadows.style(root);
      },
      onCustomElement: (element) => {
        const container = sizedContainer(element, isInlineByDefault);
        if (container !== null) this.shadows.watch(element, container);
      },
      // A screen above and below: marks are drawn before they scroll into sight.
      observeNear: 'IntersectionObserver' in win ? (callback) => new win.IntersectionObserver(callback, { rootMargin: '100% 0px' }) : undefined,
    });
    this.host = createPopoverHost(doc, {
      onEnter: () => this.intent.enterCard(),
      onLeave: () => this.intent.leaveCard(),
      onClose: () => this.intent.close(),
    });
    this.intent = new HoverIntent<Mark>(
      { ...DEFAULT_TIMING, dwellMs: settings.dwellMs },
      {
        // The dwell gives the card's trip to the background time to finish before the card shows.
        prepare: (mark) => this.prepareCard(mark),
        show: (mark) => this.showCard(mark),
        hide: () => this.host.hide(),
        cardRect: () => this.host.rect(),
      },
      { now: () => win.performance.now(), setTimeout: (fn, ms) => win.setTimeout(fn, ms), clearTimeout: (id) => win.clearTimeout(id) },
      (a, b) => a.key === b.key,
    );

    this.observer = new win.MutationObserver((records) => this.scanner.onMutations(records, isOwnUi));
    this.observer.observe(doc.documentElement, OBSERVED);
    this.shadows = new ShadowWatch(win, {
      css: env.shadowCss,
      observeSize: (callback) => new win.ResizeObserver((entries) => callback(entries.map((e) => e.target))),
      onAttached: (root) => this.scanner.scanShadowRoot(root),
    });

    this.listen(doc, 'pointermove', (event) => this.onPointer(event as PointerEvent));
    this.listen(doc, 'keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Escape' && this.intent.current !== null) this.intent.close();
    });
    this.cleanup.push(
      listenForTouch(doc, {
        hitTest: (x, y) => this.scanner.hitTest(x, y),
        isCard: (node) => this.host.contains(node),
        open: (mark, at) => {
          this.pointer = at;
          this.intent.open(mark);
        },
        close: () => this.intent.close(),
        isOpen: () => this.intent.current !== null,
        listen: (target, type, handler, passive) => this.listen(target, type, handler, passive),
      }),
    );
    // The card is placed for the viewport it opened in; scrolling leaves it behind.
    this.listen(win, 'scroll', () => {
      if (this.intent.current !== null && !this.host.contains(doc.activeElement)) this.intent.close();
    });
    this.scanned = this.scanner.scanPage(doc.body ?? doc.documentElement);
  }

  /** Settles when the first walk of the whole page is done, so the page context covers all of it. */
  readonly scanned: Promise<void>;

  mentions(): MentionsAnswer {
    return { ...this.scanner.mentions(), context: this.context() };
  }

  /** The page context, kept until the scanned blocks or the title change: every hover reads it, and most pages sit still. */
  private context(): PageContext {
    const title = this.env.doc.title;
    const { revision } = this.scanner;
    const memo = this.contextMemo;
    if (memo !== null && memo.revision === revision && memo.title === title) return memo.context;
    const context = this.scanner.context();
    this.contextMemo = { revision, title, context };
    return context;
  }

  update(settings: Settings): void {
    const detectChanged = settings.detect.person !== this.settings.detect.person || settings.detect.summit !== this.settings.detect.summit;
    this.settings = settings;
    this.scanner.setStyle(settings.markStyle);
    if (detectChanged) this.scanner.setDetect(settings.detect);
    this.intent.setTiming({ ...DEFAULT_TIMING, dwellMs: settings.dwellMs });
    this.intent.close();
  }

  /** Keyboard path: opens the card of the next mention and moves focus into it. */
  openNext(): void {
    const mark = this.scanner.next(this.intent.current);
    if (mark === null) return;
    const start = mark.range.startContainer.parentElement;
    start?.scrollIntoView({ block: 'center' });
    this.focusOnShow = true;
    this.intent.open(mark);
  }

  stop(): void {
    this.observer.disconnect();
    this.shadows.stop();
    this.intent.close();
    this.host.destroy();
    this.scanner.stop();
    for (const undo of this.cleanup) undo();
    const win = this.env.doc.defaultView!;
    win.cancelAnimationFrame(this.frame);
    win.clearTimeout(this.reportTimer);
    if (this.lastReported !== '' && this.lastReported !== '[]') this.env.report([]);
  }

  private listen(target: EventTarget, type: string, handler: (event: Event) => void, passive = true): void {
    const options = { capture: true, passive };
    target.addEventListener(type, handler, options);
    this.cleanup.push(() => target.removeEventListener(type, handler, options));
  }

  private onPointer(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    this.pointer = { x: event.clientX, y: event.clientY };
    // One hit test per frame, however fast the events come.
    if (this.frame !== 0) return;
    this.frame = this.env.doc.defaultView!.requestAnimationFrame(() => {
      this.frame = 0;
      if (this.pointer === null) return;
      const { x, y } = this.pointer;
      const target = this.host.contains(event.target as Node) ? null : this.scanner.hitTest(x, y);
      this.intent.move(x, y, target);
    });
  }

  private card(mark: Mark, context: PageContext): { answer: Promise<EntityCard>; card?: EntityCard } {
    // The quotes that matter on this page may be far down the person's list: the request names the page's summits.
    const about = context.summits.slice(0, MAX_ABOUT).map((s) => s.id);
    const key = `${mark.kind}:${mark.id}:${about.join(',')}`;
    let entry = this.cards.get(key);
    if (!entry) {
      const made: { answer: Promise<EntityCard>; card?: EntityCard } = {
        answer: this.env.ask({ type: 'card', kind: mark.kind, id: mark.id, ...(about.length > 0 ? { about } : {}) }),
      };
      made.answer.then(
        (card) => (made.card = card),
        () => this.cards.delete(key),
      );
      this.cards.set(key, made);
      entry = made;
    }
    return entry;
  }

  /**
   * The pointer rests on `mark`: its card is asked for now, and drawn out of
   * sight when it comes while the pointer still rests there, so that when the
   * dwell ends the card shows drawn. A card that came before is drawn by the
   * show itself: a pointer crossing a paragraph draws nothing.
   */
  private prepareCard(mark: Mark): void {
    const context = this.context();
    const entry = this.card(mark, context);
    if (entry.card !== undefined) return;
    entry.answer.then(
      (card) => {
        if (this.intent.resting?.key === mark.key) this.host.prepare({ ...this.cardProps(mark), state: { status: 'ready', card }, context });
      },
      () => undefined,
    );
  }

  private cardProps(mark: Mark): Omit<PopoverProps, 'onClose' | 'state'> {
    const props: Omit<PopoverProps, 'onClose' | 'state'> = {
      lang: this.settings.language,
      onOpenFull: () => {
        void this.env.ask({ type: 'openCard', kind: mark.kind, id: mark.id });
        this.intent.close();
      },
      onOpenSummit: (id) => {
        void this.env.ask({ type: 'openCard', kind: 'summit', id });
        this.intent.close();
      },
    };
    const { addArticle } = this.env;
    if (addArticle) {
      props.onAddArticle = async () => {
        const answer = await addArticle();
        // The next card reads the article's quotes too.
        if (answer.ok) this.cards.clear();
        return answer;
      };
    }
    return props;
  }

  private showCard(mark: Mark): void {
    const focus = this.focusOnShow;
    this.focusOnShow = false;
    const anchor = this.scanner.anchorRect(mark, this.pointer ?? undefined);
    if (anchor === null) return;
    const base = this.cardProps(mark);
    const context = this.context();
    const entry = this.card(mark, context);
    // Usually here already: asked for when the pointer came to rest (see `prepareCard`).
    if (entry.card !== undefined) {
      this.host.show(anchor, { ...base, state: { status: 'ready', card: entry.card }, context }, focus);
      return;
    }
    this.host.show(anchor, { ...base, state: { status: 'loading' } }, focus);
    entry.answer.then(
      (card) => {
        if (this.intent.current?.key === mark.key) this.host.update({ ...base, state: { status: 'ready', card }, context });
      },
      (error: unknown) => {
        if (this.intent.current?.key === mark.key) {
          this.host.update({ ...base, state: { status: 'error', message: error instanceof Error ? error.message : String(error) } });
        }
      },
    );
  }

  private scheduleReport(): void {
    const win = this.env.doc.defaultView!;
    win.clearTimeout(this.reportTimer);
    this.reportTimer = win.setTimeout(() => {
      const { mentions } = this.scanner.mentions();
      const key = JSON.stringify(mentions);
      if (key !== this.lastReported) {
        this.lastReported = key;
        this.env.report(mentions);
      }
    }, REPORT_DEBOUNCE_MS);
  }
}
