import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import type { BrowserName, Tab } from './browsers';

/**
 * axe-core, the standard accessibility engine, run inside a real page of the
 * built extension. Its source is evaluated through the driver (DevTools
 * protocol or WebDriver BiDi), which the extension pages' CSP does not govern,
 * so nothing about the shipped pages changes for the audit.
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
}

/** One line per violation and node: `rule (impact): target — what fails`, empty when the page passes. */
export async function axeViolations(tab: Tab, include?: string): Promise<string[]> {
  const raw = tab.raw as unknown as { evaluate(source: string): Promise<unknown> };
  if (!(await tab.evaluate(() => 'axe' in globalThis))) await raw.evaluate(AXE_SOURCE);
  const result = await tab.evaluate(async (selector) => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe;
    const { violations } = await axe.run(selector ? { include: [[selector]] } : document, { resultTypes: ['violations'] });
    return violations.map((v) => ({ ...v, nodes: v.nodes.map((n) => ({ target: n.target.map(String), failureSummary: n.failureSummary })) }));
  }, include);
  return result.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' > ')} — ${(n.failureSummary ?? v.help).replace(/\s+/g, ' ').slice(0, 300)}`));
}

const LEND = 'function (root) { Object.defineProperty(root.host, "shadowRoot", { configurable: true, get: () => root }); }';

/**
 * Lends the page's main world the card's CLOSED shadow root as its host's
 * `shadowRoot`, so axe walks the real card in place — its real styles,
 * colours and top-layer position — while the shipped code keeps its root
 * closed. The driver reaches the root from outside the page: Chromium through
 * the DevTools protocol, Firefox through WebDriver BiDi, which serialises a
 * closed root too. Only this tab's main world, only for the audit.
 */
export async function lendClosedShadowRoot(tab: Tab, hostTag: string, browser: BrowserName): Promise<void> {
  if (browser === 'firefox') {
    await lendViaBidi(tab.raw as PpPage, hostTag);
    return;
  }
  const page = tab.raw as PwPage;
  const cdp = await page.context().newCDPSession(page);
  try {
    type DomNode = { nodeId: number; localName?: string; children?: DomNode[]; shadowRoots?: (DomNode & { shadowRootType?: string })[] };
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const find = (node: DomNode): DomNode | null => {
      if (node.localName === hostTag) return node;
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
        const found = find(child);
        if (found) return found;
      }
      return null;
    };
    const shadow = find(root)?.shadowRoots?.[0];
    if (shadow?.shadowRootType !== 'closed') throw new Error(`no <${hostTag}> with a closed shadow root on the page`);
    // Resolved in the page's own (default) world: the content script's isolated world holds a wrapper of its own.
    const contexts: { id: number; auxData?: { isDefault?: boolean; frameId?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (event: { context: (typeof contexts)[number] }) => contexts.push(event.context));
    await cdp.send('Runtime.enable');
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const main = contexts.find((c) => c.auxData?.isDefault === true && c.auxData.frameId === frameTree.frame.id);
    if (!main) throw new Error('no main-world context for the page');
    const { object } = (await cdp.send('DOM.resolveNode', { nodeId: shadow.nodeId, executionContextId: main.id })) as { object: { objectId: string } };
    const lent = (await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: LEND, arguments: [{ objectId: object.objectId }] })) as { exceptionDetails?: unknown };
    if (lent.exceptionDetails) throw new Error(`lending the shadow root of <${hostTag}> failed: ${JSON.stringify(lent.exceptionDetails)}`);
  } finally {
    await cdp.detach();
  }
}

/** Puppeteer's BiDi element handle: its remote value and the protocol realm it lives in (not part of Puppeteer's typed API). */
interface BidiHandle {
  remoteValue(): { value?: { shadowRoot?: { sharedId?: string; value?: { mode?: string } } } };
  realm: { realm: { callFunction(fn: string, awaitPromise: boolean, options: { arguments: { sharedId: string }[] }): Promise<{ type: string }> } };
}

async function lendViaBidi(page: PpPage, hostTag: string): Promise<void> {
  const host = (await page.$(hostTag)) as unknown as BidiHandle | null;
  const shadow = host?.remoteValue().value?.shadowRoot;
  if (!host || !shadow?.sharedId || shadow.value?.mode !== 'closed') throw new Error(`no <${hostTag}> with a closed shadow root on the page`);
  const result = await host.realm.realm.callFunction(LEND, false, { arguments: [{ sharedId: shadow.sharedId }] });
  if (result.type !== 'success') throw new Error(`lending the shadow root of <${hostTag}> failed: ${JSON.stringify(result)}`);
}
