/**
 * Helpers shared by the content-script e2e files (content-*.e2e.ts). Every
 * function runs unchanged on Chromium (Playwright) and Firefox (Puppeteer).
 */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { expect } from 'vitest';
import type { Page as PwPage, Frame as PwFrame } from 'playwright-core';
import type { Page as PpPage, Frame as PpFrame } from 'puppeteer-core';
import type { Tab } from './harness/browsers';
import type { Harness } from './harness/fixture';
import type { MentionsAnswer, PageContext } from '../../src/protocol/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';

export interface MentionRow {
  id: string;
  kind: 'person' | 'summit';
  count: number;
  forms: string[];
}

export const HOST = 'summit-lens-popover';
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** An extension page (the popup, opened as a tab) that talks to tabs and storage. */
export function openControl(h: Harness): Promise<Tab> {
  return h.session.newTab(`${h.session.extensionOrigin}/popup.html`);
}

/**
 * Runs in the extension page: the `mentions` answer of every tab's top frame.
 * Chromium hides web tabs' URLs from an extension without host permissions, so
 * tests keep exactly one web tab open and check that only one answered.
 */
function askTopFrames(): Promise<unknown[]> {
  const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
  return api.tabs.query({}).then(async (tabs) => {
    const answers: unknown[] = [];
    for (const tab of tabs) {
      if (tab.id === undefined) continue;
      try {
        const answer = await api.tabs.sendMessage(tab.id, { type: 'mentions' }, { frameId: 0 });
        if (answer !== undefined) answers.push(answer);
      } catch {
        // Extension pages and about:blank have no content script.
      }
    }
    return answers;
  });
}

export async function mentionsOf(control: Tab): Promise<MentionRow[]> {
  return (await answerOf(control)).mentions;
}

/** The whole `mentions` answer of the single web tab, page context included. */
export async function answerOf(control: Tab): Promise<MentionsAnswer> {
  const answers = await control.evaluate(askTopFrames);
  if (answers.length !== 1) throw new Error(`expected one web tab to answer, got ${answers.length}`);
  return answers[0] as MentionsAnswer;
}

/** Polls the tab's answer until its page context is exactly `expected` (it follows the scan and the page's changes). */
export async function waitForContext(control: Tab, expected: PageContext, timeoutMs = 10_000): Promise<MentionsAnswer> {
  const deadline = Date.now() + timeoutMs;
  const want = JSON.stringify(expected);
  for (;;) {
    let answer: MentionsAnswer | null = null;
    try {
      answer = await answerOf(control);
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if ((answer !== null && JSON.stringify(answer.context) === want) || Date.now() > deadline) {
      expect(answer?.context).toEqual(expected);
      return answer!;
    }
    await sleep(100);
  }
}

/** Compact, order-independent view: `id` → `count`. */
export function counts(rows: MentionRow[]): Record<string, number> {
  return Object.fromEntries(rows.map((r) => [r.id, r.count]).sort(([a], [b]) => (a! < b! ? -1 : 1)));
}

/** Polls the mentions until `accept` says yes (the scan is sliced and settles asynchronously). */
export async function waitForMentions(control: Tab, accept: (rows: MentionRow[]) => boolean, timeoutMs = 10_000): Promise<MentionRow[]> {
  const deadline = Date.now() + timeoutMs;
  let rows: MentionRow[] = [];
  for (;;) {
    try {
      rows = await mentionsOf(control);
      if (accept(rows)) return rows;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) return rows;
    await sleep(100);
  }
}

/** Waits until the page's counts are exactly `expected` (sliced scans pass through partial counts on the way). */
export async function waitForCounts(control: Tab, expected: Record<string, number>, timeoutMs = 10_000): Promise<MentionRow[]> {
  const want = JSON.stringify(counts(Object.entries(expected).map(([id, count]) => ({ id, count, kind: 'person', forms: [] }))));
  const rows = await waitForMentions(control, (r) => JSON.stringify(counts(r)) === want, timeoutMs);
  expect(counts(rows)).toEqual(expected);
  return rows;
}

/** Runs in the page: every highlight the page's registry holds, with its size. */
export function highlightSizesInPage(): Record<string, number> {
  const registry = (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights;
  return Object.fromEntries([...registry.entries()].map(([name, set]) => [name, set.size]));
}

export function highlights(tab: Tab): Promise<Record<string, number>> {
  return tab.evaluate(highlightSizesInPage);
}

/** Waits until the page's highlight registry holds exactly `expected` (marks are painted slice by slice). */
export async function waitForHighlights(tab: Tab, expected: Record<string, number>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const want = JSON.stringify(Object.entries(expected).sort(([a], [b]) => (a < b ? -1 : 1)));
  for (;;) {
    const got = await highlights(tab);
    if (JSON.stringify(Object.entries(got).sort(([a], [b]) => (a < b ? -1 : 1))) === want || Date.now() > deadline) {
      expect(got).toEqual(expected);
      return;
    }
    await sleep(100);
  }
}

/** Runs in the page: the text of every range of one highlight, in document order. */
export function highlightTextsInPage(name: string): string[] {
  const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
  const ranges = [...(registry.get(name) ?? [])].map((r) => {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range;
  });
  ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  return ranges.map((r) => r.toString());
}

/** Waits for the content script's User Timing mark that the whole page is scanned: every mention it will find is known. */
export async function waitForScanEnd(tab: Tab, timeoutMs = 15_000): Promise<void> {
  await tab.waitFor(() => performance.getEntriesByName('summit-lens:scan-end', 'mark').length > 0, undefined, timeoutMs);
}

/** The content script is running on the page once its highlights are registered (they are, empty, from the start). */
export async function waitForActive(tab: Tab, style = 'underline'): Promise<void> {
  await tab.waitFor((name) => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has(name), `summit-lens-${style}-person`, 15_000);
}

/**
 * Runs in the page: the viewport rectangle of the `nth` occurrence of `text`
 * (searched in text nodes under `root`), as a Range sees it.
 */
export function rectOfTextInPage(arg: { text: string; nth?: number; root?: string }): { x: number; y: number; left: number; top: number; right: number; bottom: number } | null {
  const root = arg.root ? document.querySelector(arg.root)! : document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    const data = (n as Text).data;
    for (let i = data.indexOf(arg.text); i >= 0; i = data.indexOf(arg.text, i + 1)) {
      if (seen++ !== (arg.nth ?? 0)) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + arg.text.length);
      const r = range.getClientRects()[0]!;
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }
  }
  return null;
}

/** Moves the pointer onto `text` as a reader would (from below-left, in steps) and waits for the card's host. */
export async function hoverText(tab: Tab, text: string, root?: string): Promise<void> {
  const at = await tab.evaluate(rectOfTextInPage, root ? { text, root } : { text });
  if (at === null) throw new Error(`"${text}" is not on the page`);
  await tab.mouseMove(at.x - 40, at.y + 30);
  await tab.mouseMove(at.x, at.y, 5);
  await tab.waitFor(() => document.querySelector('summit-lens-popover') !== null, undefined, 5000);
}

export interface PopoverState {
  present: boolean;
  open: boolean;
  rect: { left: number; top: number; right: number; bottom: number; width: number; height: number } | null;
  viewport: { width: number; height: number };
  /** What the page's own script can see of the card. */
  shadowRoot: unknown;
  lightChildren: number;
  activeIsHost: boolean;
}

/** Runs in the page (main world): the popover host as the page sees it. */
export function popoverInPage(): PopoverState {
  const host = document.querySelector('summit-lens-popover') as HTMLElement | null;
  const viewport = { width: innerWidth, height: innerHeight };
  if (host === null) return { present: false, open: false, rect: null, viewport, shadowRoot: null, lightChildren: 0, activeIsHost: false };
  const r = host.getBoundingClientRect();
  return {
    present: true,
    open: host.matches(':popover-open'),
    rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height },
    viewport,
    shadowRoot: host.shadowRoot,
    lightChildren: host.childNodes.length,
    activeIsHost: document.activeElement === host,
  };
}

export function popover(tab: Tab): Promise<PopoverState> {
  return tab.evaluate(popoverInPage);
}

export function isOpen(tab: Tab): Promise<boolean> {
  return tab.evaluate(() => document.querySelector('summit-lens-popover')?.matches(':popover-open') === true);
}

/** The card is in the top layer, wholly inside the viewport and of a card's size. */
export function expectCardInViewport(state: PopoverState): void {
  expect(state.open).toBe(true);
  const r = state.rect!;
  expect(r.width).toBeGreaterThan(200);
  expect(r.height).toBeGreaterThan(60);
  expect(r.left).toBeGreaterThanOrEqual(0);
  expect(r.top).toBeGreaterThanOrEqual(0);
  expect(r.right).toBeLessThanOrEqual(state.viewport.width);
  expect(r.bottom).toBeLessThanOrEqual(state.viewport.height);
}

type DomNode = { nodeId: number; localName?: string; children?: DomNode[]; shadowRoots?: (DomNode & { shadowRootType?: string })[]; contentDocument?: DomNode };
type Cdp = Awaited<ReturnType<ReturnType<PwPage['context']>['newCDPSession']>>;

/**
 * Chromium only: runs `use` with a DevTools session and the node id of the
 * card's CLOSED shadow root (the page itself cannot reach it). Firefox has no CDP.
 */
async function withCardRootViaCdp<R>(tab: Tab, use: (cdp: Cdp, root: number) => Promise<R>): Promise<R> {
  const page = tab.raw as PwPage;
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const find = (node: DomNode): DomNode | null => {
      if (node.localName === HOST) return node;
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
        const found = find(child);
        if (found) return found;
      }
      return null;
    };
    const host = find(root);
    if (!host?.shadowRoots?.length) throw new Error('no popover host with a shadow root');
    expect(host.shadowRoots[0]!.shadowRootType).toBe('closed');
    return await use(cdp, host.shadowRoots[0]!.nodeId);
  } finally {
    await cdp.detach();
  }
}

export function cardMarkupViaCdp(tab: Tab): Promise<string> {
  return withCardRootViaCdp(tab, async (cdp, nodeId) => {
    const { outerHTML } = (await cdp.send('DOM.getOuterHTML', { nodeId })) as { outerHTML: string };
    return outerHTML.replace(/<style>[\s\S]*?<\/style>/, '');
  });
}

/**
 * Firefox only: calls `functionDeclaration` with the card's CLOSED shadow root
 * over WebDriver BiDi, whose serializer reaches closed shadow roots when asked
 * (`includeShadowTree: "all"`); the page itself still cannot.
 */
async function callOnCardRootViaBidi(tab: Tab, functionDeclaration: string): Promise<unknown> {
  const page = tab.raw as PpPage;
  type Remote = { type: string; value?: unknown; sharedId?: string };
  type Evaluated = { result: { type: string; result?: Remote; exceptionDetails?: { text: string } } };
  const connection = (page.browser() as unknown as { connection: { send(method: string, params: object): Promise<Evaluated> } }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const call = async (declaration: string, args: object[] = []): Promise<Remote> => {
    const { result } = await connection.send('script.callFunction', {
      functionDeclaration: declaration,
      arguments: args,
      awaitPromise: false,
      target: { context },
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
    });
    if (result.type !== 'success' || !result.result) throw new Error(`BiDi call failed: ${result.exceptionDetails?.text ?? result.type}`);
    return result.result;
  };
  const host = await call(`() => document.querySelector('${HOST}')`);
  const shadow = (host.value as { shadowRoot?: Remote & { value?: { mode?: string } } } | undefined)?.shadowRoot;
  if (!shadow?.sharedId) throw new Error('no popover host with a shadow root');
  expect(shadow.value?.mode).toBe('closed');
  return (await call(functionDeclaration, [{ sharedId: shadow.sharedId }])).value;
}

export async function cardMarkupViaBidi(tab: Tab): Promise<string> {
  const html = await callOnCardRootViaBidi(tab, '(root) => root.innerHTML');
  return String(html).replace(/<style>[\s\S]*?<\/style>/, '');
}

/**
 * The centre of the first element matching `selector` inside the card, in
 * viewport pixels, after scrolling the card (not the page) to it as a reader
 * would; null when there is none.
 */
export async function pointInCard(tab: Tab, name: 'chromium' | 'firefox', selector: string): Promise<{ x: number; y: number } | null> {
  if (name === 'firefox') {
    const found = await callOnCardRootViaBidi(
      tab,
      `(root) => { const e = root.querySelector(${JSON.stringify(selector)}); if (!e) return ''; e.scrollIntoView({ block: 'nearest' }); const r = e.getBoundingClientRect(); return (r.left + r.width / 2) + ',' + (r.top + r.height / 2); }`,
    );
    if (!found) return null;
    const [x, y] = String(found).split(',').map(Number);
    return { x: x!, y: y! };
  }
  return withCardRootViaCdp(tab, async (cdp, root) => {
    const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: root, selector })) as { nodeId: number };
    if (nodeId === 0) return null;
    await cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId });
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId })) as { model: { border: number[] } };
    const [x1, y1, , , x3, y3] = model.border;
    return { x: (x1! + x3!) / 2, y: (y1! + y3!) / 2 };
  });
}

/** A click where a reader's pointer is, with the browser's own input pipeline. */
export async function clickAt(tab: Tab, x: number, y: number): Promise<void> {
  await (tab.raw as PwPage | PpPage).mouse.click(x, y);
}

/** The card's markup in either browser. */
export function cardMarkup(tab: Tab, name: 'chromium' | 'firefox'): Promise<string> {
  return name === 'chromium' ? cardMarkupViaCdp(tab) : cardMarkupViaBidi(tab);
}

/** The card's sections in order (`data-section`), and the words of each quote in order. */
export interface CardOutline {
  sections: string[];
  /** The page's summit as the card states it: title · dates · place. */
  pageSummit: string | null;
  /** The page-summit section's lines in order: role, counterpart, the article's day, and, with no quote from it, the note, participants and outcome. */
  lines: string[];
  /** "Met … N times:" and its dates, in order; null when the card has no such section. */
  met: string[] | null;
  quotes: string[];
}

export function cardOutline(markup: string): CardOutline {
  const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').trim();
  const sections = [...markup.matchAll(/data-section="([^"]+)"/g)].map((m) => m[1]!);
  const section = (name: string) => new RegExp(`data-section="${name}"[^>]*>([\\s\\S]*?)</section>`).exec(markup)?.[1];
  const page = section('page-summit');
  const facts = page ? /<p class="facts">([\s\S]*?)<\/p>/.exec(page)?.[1] : undefined;
  const lines = page ? [...page.matchAll(/data-line="[^"]+"[^>]*>([\s\S]*?)<\/p>/g)].map((m) => text(m[1]!)) : [];
  const metSection = section('met');
  const met = metSection === undefined ? null : [text(/<p[^>]*>([\s\S]*?)<\/p>/.exec(metSection)![1]!), ...[...metSection.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => text(m[1]!))];
  const quotes = [...markup.matchAll(/<blockquote[^>]*>([\s\S]*?)<\/blockquote>/g)].map((m) => text(m[1]!).replace(/^“|”$/g, ''));
  return { sections, pageSummit: facts === undefined ? null : text(facts), lines, met, quotes };
}

/** Both drivers' frames offer `url()` and `evaluate()`. */
export type AnyFrame = PwFrame | PpFrame;
export function framesOf(tab: Tab): AnyFrame[] {
  return (tab.raw as PwPage | PpPage).frames() as AnyFrame[];
}
export function frameEvaluate<R, A>(frame: AnyFrame, fn: (arg: A) => R, arg?: A): Promise<R> {
  return (frame as PwFrame).evaluate(fn as never, arg as never) as Promise<R>;
}

/** Writes the settings every tab watches, from an extension page. */
export async function setSettings(control: Tab, patch: Partial<Settings>): Promise<void> {
  await control.evaluate(async (settings) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    await api.storage.local.set({ settings });
  }, { ...DEFAULT_SETTINGS, ...patch });
}

export function resetSettings(control: Tab): Promise<void> {
  return setSettings(control, {});
}

/** Sends a tab request to the top frame of the single web tab. */
export async function sendToTab(control: Tab, message: { type: 'openNext' | 'mentions' }): Promise<void> {
  await control.evaluate(async (msg) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    const tabs = await api.tabs.query({});
    for (const tab of tabs) {
      if (tab.id === undefined || tab.url?.startsWith(location.origin)) continue;
      try {
        await api.tabs.sendMessage(tab.id, msg, { frameId: 0 });
      } catch {
        // No receiver.
      }
    }
  }, message);
}

/** Decodes an 8-bit, non-interlaced RGB/RGBA PNG (what both browsers' screenshots are) to sample pixels. */
export function decodePng(png: Buffer): { width: number; height: number; pixel(x: number, y: number): [number, number, number] } {
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('only 8-bit non-interlaced PNGs');
      channels = data[9] === 6 ? 4 : data[9] === 2 ? 3 : 0;
      if (channels === 0) throw new Error(`unsupported PNG colour type ${data[9]}`);
    } else if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i]!;
      const a = i >= channels ? out[y * stride + i - channels]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + i]! : 0;
      const c = i >= channels && y > 0 ? out[(y - 1) * stride + i - channels]! : 0;
      let v = x;
      if (filter === 1) v = x + a;
      else if (filter === 2) v = x + b;
      else if (filter === 3) v = x + ((a + b) >> 1);
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
      out[y * stride + i] = v & 0xff;
    }
  }
  return {
    width,
    height,
    pixel: (x, y) => {
      const at = Math.round(y) * stride + Math.round(x) * channels;
      return [out[at]!, out[at + 1]!, out[at + 2]!];
    },
  };
}

/** A screenshot of the viewport, decoded, for colour checks both drivers can do. */
export async function grab(tab: Tab): Promise<ReturnType<typeof decodePng>> {
  const path = join(tmpdir(), `summit-lens-grab-${process.pid}-${Date.now()}.png`);
  await tab.screenshot(path);
  try {
    return decodePng(readFileSync(path));
  } finally {
    rmSync(path, { force: true });
  }
}

/** One web tab at a time (the `mentions` answer is per tab), marked before the test runs, closed even when it fails. */
export async function onPage(h: Harness, path: string, test: (tab: Tab) => Promise<void>): Promise<void> {
  const tab = await h.session.newTab(h.url(path));
  try {
    await waitForActive(tab);
    await test(tab);
  } finally {
    await tab.close();
  }
}
