import { render } from 'preact';
import { PopoverCard, type PopoverProps } from '../ui/PopoverCard';
import { placeCard, type Rect } from './placement';
import { dragOffset, sheetMaxHeight, swipeCloses, usesSheet } from './sheet';
import css from '../ui/popover.css?inline';

/**
 * The host's own styles, important, in a `:host` rule of its shadow root: an
 * important declaration from inside the shadow tree beats every important one
 * of the page, its inline styles included, so page CSS cannot move, hide or
 * restyle the host. Not in the host's style attribute: there Firefox spells
 * `all: initial !important` out as important zero letter and word spacing,
 * which the accessibility audit flags (axe's avoid-inline-spacing). Where the
 * card goes is given as custom properties, which `all` leaves alone.
 */
const HOST_STYLE = [
  'all: initial',
  'position: fixed',
  'right: auto',
  'margin: 0',
  'padding: 0',
  'border: 0',
  'background: transparent',
  'overflow: visible',
  'z-index: 2147483647',
  'display: block',
  'width: var(--sl-width, auto)',
  'height: auto',
  'color-scheme: light dark',
  'left: var(--sl-left, 0)',
  'top: var(--sl-top, 0)',
  'bottom: var(--sl-bottom, auto)',
]
  .map((rule) => `${rule} !important`)
  .join('; ');

export const HOST_TAG = 'summit-lens-popover';

export interface PopoverHost {
  /** Renders and shows the card next to `anchor`; `focus` for keyboard opening. */
  show(anchor: Rect, props: Omit<PopoverProps, 'onClose'>, focus: boolean): void;
  /**
   * Draws a card while the host is hidden and out of the page (its data came
   * during the dwell), so that showing it only attaches and places it; does
   * nothing while a card is shown.
   */
  prepare(props: Omit<PopoverProps, 'onClose'>): void;
  /** Re-renders in place (data arrived) without moving focus. */
  update(props: Omit<PopoverProps, 'onClose'>): void;
  hide(): void;
  rect(): Rect | null;
  contains(node: Node | null): boolean;
  isOwn(element: Element): boolean;
  destroy(): void;
}

interface CloseWatcherLike {
  addEventListener(type: 'close', listener: () => void): void;
  destroy(): void;
}

type CloseWatcherCtor = new () => CloseWatcherLike;

export interface HostEvents {
  onEnter(): void;
  onLeave(): void;
  onClose(): void;
}

/**
 * The card lives in a closed shadow root (the page can reach neither its DOM
 * nor its data) on a host in the top layer (`popover`), so no fixed header or
 * z-index of the page can cover it.
 */
export function createPopoverHost(doc: Document, events: HostEvents): PopoverHost {
  const host = doc.createElement(HOST_TAG);
  const topLayer = 'showPopover' in host;
  if (topLayer) host.setAttribute('popover', 'manual');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = `:host { ${HOST_STYLE} }\n${css}`;
  const mount = doc.createElement('div');
  mount.setAttribute('role', 'dialog');
  mount.setAttribute('aria-labelledby', 'sl-title');
  mount.tabIndex = -1;
  shadow.append(style, mount);
  // A finger entering and leaving the card is a tap, not a pointer resting on it (see TouchIntent).
  host.addEventListener('pointerenter', (event) => {
    if (event.pointerType !== 'touch') events.onEnter();
  });
  host.addEventListener('pointerleave', (event) => {
    if (event.pointerType !== 'touch') events.onLeave();
  });
  host.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      events.onClose();
    }
  });

  let anchor: Rect | null = null;
  let visible = false;
  let sheet = false;
  let watcher: CloseWatcherLike | null = null;
  let drag: { id: number; y: number; t: number } | null = null;

  // Dragging the sheet's handle or header down closes it. Both are `touch-action: none`,
  // so the browser never turns that drag into a scroll and keeps sending its moves.
  mount.addEventListener('pointerdown', (event) => {
    if (!sheet || !(event.target as Element).closest?.('.grabber, .head')) return;
    if ((event.target as Element).closest('button')) return;
    drag = { id: event.pointerId, y: event.clientY, t: event.timeStamp };
    (event.target as Element).setPointerCapture?.(event.pointerId);
  });
  mount.addEventListener('pointermove', (event) => {
    if (drag === null || event.pointerId !== drag.id) return;
    sheetBox()?.style.setProperty('transform', `translateY(${dragOffset(event.clientY - drag.y)}px)`);
  });
  const release = (event: PointerEvent, cancelled: boolean) => {
    if (drag === null || event.pointerId !== drag.id) return;
    const { y, t } = drag;
    drag = null;
    const box = sheetBox();
    const closes = !cancelled && box !== null && swipeCloses(event.clientY - y, event.timeStamp - t, box.getBoundingClientRect().height);
    box?.style.removeProperty('transform');
    if (closes) events.onClose();
  };
  mount.addEventListener('pointerup', (event) => release(event, false));
  mount.addEventListener('pointercancel', (event) => release(event, true));

  function sheetBox(): HTMLElement | null {
    return sheet ? (mount.firstElementChild as HTMLElement | null) : null;
  }

  function draw(props: Omit<PopoverProps, 'onClose'>) {
    const card = <PopoverCard {...props} onClose={events.onClose} />;
    render(
      sheet ? (
        <div class="sheet">
          <div class="grabber" aria-hidden="true">
            <span />
          </div>
          {card}
        </div>
      ) : (
        card
      ),
      mount,
    );
  }

  /** On a phone the back gesture closes the sheet, through the platform's own close request (no history entry is added). */
  function watchBack() {
    const Ctor = (doc.defaultView as unknown as { CloseWatcher?: CloseWatcherCtor } | null)?.CloseWatcher;
    if (!sheet || watcher !== null || typeof Ctor !== 'function') return;
    try {
      watcher = new Ctor();
      watcher.addEventListener('close', () => {
        watcher = null;
        events.onClose();
      });
    } catch {
      // Refused without a user gesture: the sheet still closes by tap, swipe and Esc.
      watcher = null;
    }
  }

  function viewport() {
    const view = doc.defaultView;
    return { width: view?.innerWidth ?? 1024, height: view?.innerHeight ?? 768 };
  }

  function position() {
    if (anchor === null) return;
    const room = viewport();
    if (sheet) {
      mount.style.setProperty('--sl-room', `${sheetMaxHeight(anchor, room)}px`);
      // Through the custom properties: the `:host` rule's own `!important` outranks the host's style attribute.
      host.style.setProperty('--sl-left', '0px', 'important');
      host.style.setProperty('--sl-top', 'auto', 'important');
      host.style.setProperty('--sl-bottom', '0px', 'important');
      host.style.setProperty('--sl-width', '100%', 'important');
      return;
    }
    host.style.setProperty('--sl-bottom', 'auto', 'important');
    host.style.setProperty('--sl-width', 'auto', 'important');
    // Measure the card at its natural height, not the room it was given last time.
    mount.style.removeProperty('--sl-room');
    const card = mount.firstElementChild?.getBoundingClientRect();
    const place = placeCard(anchor, { width: card?.width ?? 380, height: card?.height ?? 200 }, room);
    if (place.maxHeight !== undefined) mount.style.setProperty('--sl-room', `${place.maxHeight}px`);
    host.style.setProperty('--sl-left', `${place.left}px`, 'important');
    host.style.setProperty('--sl-top', `${place.top}px`, 'important');
  }

  function attach() {
    if (!host.isConnected) (doc.body ?? doc.documentElement).append(host);
    if (topLayer && !host.matches(':popover-open')) host.showPopover();
  }

  return {
    show(rect, props, focus) {
      anchor = rect;
      sheet = usesSheet(viewport());
      mount.classList.toggle('as-sheet', sheet);
      attach();
      visible = true;
      draw(props);
      position();
      watchBack();
      if (focus) mount.focus();
    },
    prepare(props) {
      if (!visible) draw(props);
    },
    update(props) {
      if (!visible) return;
      draw(props);
      position();
    },
    hide() {
      visible = false;
      anchor = null;
      drag = null;
      watcher?.destroy();
      watcher = null;
      render(null, mount);
      if (topLayer && host.isConnected && host.matches(':popover-open')) host.hidePopover();
      host.remove();
    },
    rect() {
      if (!visible) return null;
      const r = mount.firstElementChild?.getBoundingClientRect();
      return r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null;
    },
    contains: (node) => node !== null && (node === host || host.contains(node)),
    isOwn: (element) => element === host,
    destroy() {
      watcher?.destroy();
      watcher = null;
      render(null, mount);
      host.remove();
    },
  };
}
