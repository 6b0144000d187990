/**
 * Runs the content script's own detection on a whole page in Node: the page is
 * loaded into a happy-dom window (scripts off, nothing fetched) and scanned by
 * `PageScanner.scanPage`, the scan the content script starts (src/page/active-page.ts).
 */
import { Window } from 'happy-dom';
import { PageScanner } from '../../src/page/scanner';
import type { Lexicon } from '../../src/schema/lexicon';

export interface Detected {
  /** Person id → occurrences marked. */
  people: Record<string, number>;
  /** The page context's first summit, or null when it lists none. */
  summit: string | null;
  /** The whole context's summits, best first, for the verbose report. */
  summits: { id: string; score: number }[];
}

/** happy-dom has no StaticRange; the scanner keeps one per drawn mark, and only its four fields are read. */
class StaticRangeStandIn {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
  constructor(init: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }) {
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
  }
}

export async function detectPage(html: string, lexicon: Lexicon, url = 'https://news.example/article'): Promise<Detected> {
  const win = new Window({
    url,
    width: 1280,
    height: 800,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true },
  });
  Object.assign(win, { StaticRange: StaticRangeStandIn });
  try {
    const doc = win.document as unknown as Document;
    doc.write(html);
    const scanner = new PageScanner(doc, {
      lexicon,
      style: 'underline',
      detect: { person: true, summit: true },
      onChange: () => undefined,
      // The content script's own test of what a reader cannot see.
      isHidden: (element) => typeof element.checkVisibility === 'function' && !element.checkVisibility({ visibilityProperty: true }),
    });
    await scanner.scanPage(doc.body ?? doc.documentElement);
    const people: Record<string, number> = {};
    for (const m of scanner.mentions().mentions) if (m.kind === 'person') people[m.id] = m.count;
    const summits = scanner.context().summits.map(({ id, score }) => ({ id, score }));
    scanner.stop();
    return { people, summit: summits[0]?.id ?? null, summits };
  } finally {
    await win.happyDOM.close();
  }
}
