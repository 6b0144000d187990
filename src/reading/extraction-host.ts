import { validateExtraction, validateSnapshot, type Extraction, type PageSnapshot } from './article';

/** The message the background sends the extraction document; every other extension message passes it by. */
export const EXTRACT_PAGE = 'summitLens.extractPage';

export interface ExtractPageRequest {
  type: typeof EXTRACT_PAGE;
  page: PageSnapshot;
}

export function isExtractPageRequest(message: unknown): message is ExtractPageRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { type, page } = message as Record<string, unknown>;
  return type === EXTRACT_PAGE && typeof validateSnapshot(page) !== 'string';
}

/**
 * The extension document Readability runs in (Chrome: an offscreen document;
 * Firefox: a frame of the background page), as the background drives it.
 */
export interface ExtractionDocument {
  /** Opens the document, or finds it open (a restarted Chrome worker does not know it left one). */
  open(): Promise<void>;
  close(): Promise<void>;
  /** The document's answer to an `ExtractPageRequest`. */
  send(request: ExtractPageRequest): Promise<unknown>;
}

export interface IdleTimer {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/**
 * Opens the extraction document when a page is added and closes it once no
 * add has come for `idleMs`: adding is rare, and an open document holds a
 * renderer's memory for nothing. Concurrent adds share one opening; an add
 * during a closing waits for it, so the document is never opened twice.
 */
export class ExtractionHost {
  private opened: Promise<void> | null = null;
  private closing: Promise<void> = Promise.resolve();
  private running = 0;
  private idle: unknown = null;

  constructor(
    private readonly doc: ExtractionDocument,
    private readonly idleMs: number,
    private readonly timer: IdleTimer,
  ) {}

  async extract(page: PageSnapshot): Promise<Extraction> {
    this.running++;
    if (this.idle !== null) {
      this.timer.clear(this.idle);
      this.idle = null;
    }
    try {
      await this.ready();
      const answer = validateExtraction(await this.doc.send({ type: EXTRACT_PAGE, page }));
      if (typeof answer === 'string') throw new Error(`the article could not be extracted: ${answer}`);
      return answer;
    } finally {
      if (--this.running === 0) this.idle = this.timer.set(() => this.shut(), this.idleMs);
    }
  }

  private async ready(): Promise<void> {
    await this.closing;
    if (!this.opened) {
      const opening = this.doc.open();
      this.opened = opening;
      opening.catch(() => {
        if (this.opened === opening) this.opened = null;
      });
    }
    await this.opened;
  }

  private shut(): void {
    this.idle = null;
    if (!this.opened) return;
    this.opened = null;
    // A failed close leaves nothing to undo: the next add finds the document open and uses it.
    this.closing = this.doc.close().catch(() => undefined);
  }
}
