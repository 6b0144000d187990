import { TouchIntent, type TouchTarget } from '../popover/touch-intent';
import type { Mark } from './scanner';

/** Elements a tap already means something on: a name inside one keeps the tap for it. */
const ACTIVATES = 'a[href], [role="link"], [role="button"], summary';

export interface TouchDeps {
  hitTest(x: number, y: number): Mark | null;
  isCard(node: Node | null): boolean;
  open(mark: Mark, at: { x: number; y: number }): void;
  close(): void;
  isOpen(): boolean;
  /** Registers a listener that `stop()` removes. */
  listen(target: EventTarget, type: string, handler: (event: Event) => void, passive: boolean): void;
}

function inActivatable(mark: Mark): boolean {
  const start = mark.range.startContainer;
  const element = start.nodeType === 1 ? (start as Element) : start.parentElement;
  return element?.closest(ACTIVATES) != null;
}

/**
 * Wires touch pointers to a `TouchIntent`. Only `pointerType === 'touch'`
 * events count here; mouse and pen go through hover as before, so a laptop
 * with a touch screen gets both.
 */
/** Returns what `stop()` calls: a long press still pending must not open a card afterwards. */
export function listenForTouch(doc: Document, deps: TouchDeps): () => void {
  const win = doc.defaultView!;
  let at = { x: 0, y: 0 };
  const intent = new TouchIntent<Mark>(
    { open: (mark) => deps.open(mark, at), close: () => deps.close(), isOpen: () => deps.isOpen() },
    { now: () => win.performance.now(), setTimeout: (fn, ms) => win.setTimeout(fn, ms), clearTimeout: (id) => win.clearTimeout(id) },
  );
  const touch = (event: Event): event is PointerEvent => (event as PointerEvent).pointerType === 'touch' && (event as PointerEvent).isPrimary;

  deps.listen(doc, 'pointerdown', (event) => {
    if (!touch(event)) return;
    at = { x: event.clientX, y: event.clientY };
    let target: TouchTarget<Mark> = 'card';
    if (!deps.isCard(event.target as Node)) {
      const mark = deps.hitTest(event.clientX, event.clientY);
      target = mark === null ? null : { mark, inLink: inActivatable(mark) };
    }
    intent.down(event.clientX, event.clientY, target);
  }, true);
  deps.listen(doc, 'pointermove', (event) => {
    if (touch(event)) intent.move(event.clientX, event.clientY);
  }, true);
  deps.listen(doc, 'pointerup', (event) => {
    if (touch(event)) intent.up(event.clientX, event.clientY);
  }, true);
  deps.listen(doc, 'pointercancel', (event) => {
    if (touch(event)) intent.cancel();
  }, true);
  for (const kind of ['click', 'contextmenu'] as const) {
    deps.listen(doc, kind, (event) => {
      if (intent.consume(kind)) {
        event.preventDefault();
        event.stopPropagation();
      }
    }, false);
  }
  return () => intent.cancel();
}
