/** A notice's host: inline and important, so page CSS cannot move or hide it (as the card's host). */
const TOAST_STYLE = [
  'all: initial',
  'position: fixed',
  'right: 16px',
  'bottom: 16px',
  'left: auto',
  'top: auto',
  'z-index: 2147483647',
  'display: block',
  'margin: 0',
  'max-width: min(360px, calc(100vw - 32px))',
]
  .map((rule) => `${rule} !important`)
  .join('; ');

const CSS = `
div { box-sizing: border-box; padding: 10px 14px; border-radius: 8px; background: #1b1f24; color: #ffffff;
  font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif; box-shadow: 0 8px 28px rgba(0, 0, 0, 0.25); cursor: pointer; }
div.failed { background: #b3261e; }
`;

export const TOAST_TAG = 'summit-lens-toast';
/** Long enough to read a title; a click closes it sooner. */
export const TOAST_MS = 6000;

/**
 * Says on the page what a keyboard command did, where the reader is looking:
 * a short line in a closed shadow root (the page can read neither it nor its
 * text), replacing any earlier one, gone after a few seconds or on a click.
 */
export function showToast(doc: Document, text: string, failed: boolean): void {
  doc.querySelector(TOAST_TAG)?.remove();
  const host = doc.createElement(TOAST_TAG);
  host.setAttribute('style', TOAST_STYLE);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const line = doc.createElement('div');
  line.setAttribute('role', failed ? 'alert' : 'status');
  if (failed) line.className = 'failed';
  line.textContent = text;
  shadow.append(style, line);
  line.addEventListener('click', () => host.remove());
  (doc.body ?? doc.documentElement).append(host);
  doc.defaultView?.setTimeout(() => host.remove(), TOAST_MS);
}
