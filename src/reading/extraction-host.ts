import { validateArticle, validateExtraction, validateSnapshot, type ExtractedArticle, type PageSnapshot, type RefusalCode } from './article';
import type { Ingested } from './ingest';
import { validateIngested } from './transfer';

/** The message the background sends the extraction document; every other extension message passes it by. */
export const INGEST = 'summitLens.ingest';

/** A page's markup to extract and then run through the pipeline, or an article already extracted (added as such, or stored and extracted again). */
export type IngestInput = { page: PageSnapshot } | { article: ExtractedArticle };

export interface IngestRequest {
  type: typeof INGEST;
  input: IngestInput;
  /** When the user added the article: the entry keeps it, and extracting again keeps the first day. */
  addedAt: number;
}

/**
 * The document's answer: the pipeline's records, a page refused before the
 * pipeline (with the refusal's code, which the user sees), or the pipeline's
 * own failure (no code).
 */
export type IngestAnswer = { ok: true; ingested: Ingested } | { ok: false; code?: RefusalCode; error: string };

export type Ingestion = { ok: true; ingested: Ingested } | { ok: false; code: RefusalCode; error: string };

export function isIngestRequest(message: unknown): message is IngestRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { type, input, addedAt } = message as Record<string, unknown>;
  if (type !== INGEST || !Number.isFinite(addedAt) || typeof input !== 'object' || input === null) return false;
  const { page, article } = input as Record<string, unknown>;
  return page !== undefined ? typeof validateSnapshot(page) !== 'string' : typeof validateArticle(article) !== 'string';
}

/** Checks what the extraction document answered, so a broken or missing answer becomes a clear error. */
export function validateIngestAnswer(value: unknown): IngestAnswer | string {
  if (typeof value !== 'object' || value === null || typeof (value as { ok?: unknown }).ok !== 'boolean') return 'the extraction document gave no answer';
  const answer = value as Record<string, unknown>;
  if (answer.ok) {
    const ingested = validateIngested(answer.ingested);
    return typeof ingested === 'string' ? `the extraction document gave a malformed article (${ingested})` : { ok: true, ingested };
  }
  if (answer.code === undefined) return typeof answer.error === 'string' ? { ok: false, error: answer.error } : 'the extraction document gave a malformed failure';
  const refusal = validateExtraction(answer);
  return typeof refusal === 'string' || refusal.ok ? 'the extraction document gave a malformed refusal' : refusal;
}

/**
 * The extension document the corpus pipeline runs in, Readability first when
 * a page is added (Chrome: an offscreen document; Firefox: a frame of the
 * background page), as the background drives it.
 */
export interface ExtractionDocument {
  /** Opens the document, or finds it open (a restarted Chrome worker does not know it left one). */
  open(): Promise<void>;
  close(): Promise<void>;
  /** The document's answer to an `IngestRequest`. */
  send(request: IngestRequest): Promise<unknown>;
}

export interface IdleTimer {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/**
 * Opens the extraction document when an article is added and closes it once no
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

  /** The pipeline's records for `input`, or the refusal of a page that has no article to read. Throws the pipeline's failure. */
  async ingest(input: IngestInput, addedAt: number): Promise<Ingestion> {
    this.running++;
    if (this.idle !== null) {
      this.timer.clear(this.idle);
      this.idle = null;
    }
    try {
      await this.ready();
      const answer = validateIngestAnswer(await this.doc.send({ type: INGEST, input, addedAt }));
      if (typeof answer === 'string') throw new Error(`the article could not be extracted: ${answer}`);
      if (answer.ok) return answer;
      if (answer.code === undefined) throw new Error(answer.error);
      return { ok: false, code: answer.code, error: answer.error };
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
