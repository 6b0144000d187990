import type { Gazetteer } from '../corpus/gazetteer';
import type { EntityCard, QuoteContext, QuoteView, SearchQuery, SearchResult } from '../protocol/views';
import { parseSettings, type Settings } from '../settings/settings';
import type { Outcome } from '../store/outcome';
import { listReadingArticles, putReadingArticle, putReadingCorrection, readingCorrections, readingCorrectionsOf, readingDocument, readingPostings, readingQuote, readingQuotesAfter, readingQuotesById, readingQuotesOf, readUserRecords, removeReadingArticle, writeUserRecords } from '../store/reading';
import type { LiveIndex } from '../store/reader';
import type { SummitDb } from '../store/schema';
import type { AddedArticle, ExtractedArticle, ImportSummary, ReadingArticleSummary } from './article';
import { applyCorrection, applyCorrections, correctionProblem, type CorrectedQuote } from './corrections';
import type { Ingested } from './ingest';
import { READING_PREFIX, storedArticle } from './stored';
import { ReadingIndex } from './reading-index';
import { searchWithReading } from './search';
import { decodeUserData, encodeUserData } from './transfer';
import { readingQuoteContext, readingQuoteView, withReadingQuotes } from './views';

/** The warm-up's slices: articles whose terms are mapped, quotes read, per task. */
const WARM_ARTICLES = 100;
const WARM_QUOTES = 500;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface ReadingDeps {
  main(): Promise<SummitDb>;
  /**
   * Runs the corpus pipeline on one article. In the extension it runs in the
   * extraction document, so the background does not carry the pipeline
   * (decision 0077). Throws the pipeline's failure as a readable error.
   */
  ingest(article: ExtractedArticle, addedAt: number): Promise<Ingested>;
  gazetteer(): Promise<Gazetteer>;
  loadSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
  now(): number;
}

/**
 * What the background does for the user's own corpus. The articles' stored
 * word indexes are read once per worker life and kept until this service
 * changes them (every write goes through it), so a search neither reads the
 * whole store nor looks at every quote each time; until the quotes themselves
 * are read, after the first answer, search and cards read only those they show.
 */
export class ReadingService {
  private quotes: Promise<ReadingIndex> | null = null;

  constructor(private readonly deps: ReadingDeps) {}

  /** The user's quotes with their corrections applied, so search and cards see what the user said. */
  private async load(): Promise<ReadingIndex> {
    const db = await this.deps.main();
    const [postings, corrections, gazetteer] = await Promise.all([readingPostings(db), readingCorrections(db), this.deps.gazetteer()]);
    return new ReadingIndex(postings, new Map(corrections.map((c) => [c.quoteId, c])), gazetteer.people);
  }

  /**
   * The quotes at these ranks of `reading`, corrected; null for one removed
   * since `reading` was read. Each is read once per index: a hover comes back
   * to the same person, and the next change replaces the index and its quotes.
   */
  private async fetch(reading: ReadingIndex, ranks: readonly number[]): Promise<(CorrectedQuote | null)[]> {
    const ids = ranks.map((n) => reading.keys[n]!.id);
    const missing = ids.filter((id) => !reading.full.has(id));
    if (missing.length > 0) {
      const [quotes, gazetteer] = await Promise.all([readingQuotesById(await this.deps.main(), missing), this.deps.gazetteer()]);
      for (const q of quotes) if (q) reading.full.set(q.id, applyCorrection(q, reading.corrections.get(q.id), gazetteer.people));
    }
    return ids.map((id) => reading.full.get(id) ?? null);
  }

  private cached(): Promise<ReadingIndex> {
    if (!this.quotes) {
      const loading = this.load();
      // In a task of its own, after the request that waited for the load has been answered.
      loading.then((index) => setTimeout(() => void this.warm(loading, index).catch(() => undefined), 0)).catch(() => undefined);
      loading.catch(() => {
        if (this.quotes === loading) this.quotes = null;
      });
      this.quotes = loading;
    }
    return this.quotes;
  }

  /**
   * What a wake left for later: the term → articles map, then every quote
   * read in full, so the first card of each person and the first page of each
   * search read nothing more (a read per card put the cards' p95 above the
   * no-articles figure). Both in slices, each a task of its own: in one piece
   * (the map, then 7,921 quotes in one read) they held up the searches typed
   * right after the first one. Stops when a change has replaced the index.
   */
  private async warm(loading: Promise<ReadingIndex>, index: ReadingIndex): Promise<void> {
    while (!index.prepare(WARM_ARTICLES)) {
      await nextTask();
      if (this.quotes !== loading) return;
    }
    const gazetteer = await this.deps.gazetteer();
    for (let after: string | null = null; ; ) {
      await nextTask();
      const quotes = await readingQuotesAfter(await this.deps.main(), after, WARM_QUOTES);
      if (this.quotes !== loading) return;
      for (const q of quotes) if (!index.full.has(q.id)) index.full.set(q.id, applyCorrection(q, index.corrections.get(q.id), gazetteer.people));
      if (quotes.length < WARM_QUOTES) return;
      after = quotes[quotes.length - 1]!.id;
    }
  }

  private changed(): void {
    this.quotes = null;
  }

  /**
   * Runs the current pipeline again on an added article's stored text, as
   * after an update of the extension; it keeps the day it was added.
   */
  async reextract(id: string): Promise<AddedArticle> {
    const document = await readingDocument(await this.deps.main(), id);
    if (!document) throw new Error(`no article "${id}" in your articles`);
    return this.add(storedArticle(document), document.addedAt);
  }

  async add(article: ExtractedArticle, addedAt = this.deps.now()): Promise<AddedArticle> {
    return this.store(await this.deps.ingest(article, addedAt));
  }

  /** Keeps what the pipeline made of an article, replacing the entry of the same address. */
  async store({ document, quotes }: Ingested): Promise<AddedArticle> {
    try {
      const { replaced } = await putReadingArticle(await this.deps.main(), document, quotes);
      return { document: { id: document.id, title: document.title, url: document.url, published: document.published }, quotes: quotes.length, replaced, truncated: document.truncated };
    } catch (error) {
      if (error instanceof DOMException && error.name === 'QuotaExceededError') throw new Error('the browser has no room left for this article; nothing was stored (remove some articles and try again)');
      throw error;
    } finally {
      this.changed();
    }
  }

  async list(): Promise<ReadingArticleSummary[]> {
    return listReadingArticles(await this.deps.main());
  }

  async quotesOf(index: LiveIndex, id: string): Promise<QuoteView[]> {
    const db = await this.deps.main();
    const [quotes, corrections, gazetteer] = await Promise.all([readingQuotesOf(db, id), readingCorrectionsOf(db, id), this.deps.gazetteer()]);
    const read = index.read();
    return Promise.all(applyCorrections(quotes, corrections, gazetteer.people).map((q) => readingQuoteView(read, q)));
  }

  /**
   * Corrects a quote's speaker or date by hand (null leaves that field to the
   * pipeline; both null removes the correction), and answers the quote as
   * every view now shows it.
   */
  async correct(index: LiveIndex, quoteId: string, speaker: string | null, date: string | null): Promise<QuoteView> {
    const problem = correctionProblem(speaker, date);
    if (problem) throw new Error(problem);
    const db = await this.deps.main();
    const found = await readingQuote(db, quoteId);
    if (!found) throw new Error(`no quote "${quoteId}" in your articles`);
    const correction = { quoteId, document: found.quote.document, speaker: speaker?.trim() ?? null, date, correctedAt: this.deps.now() };
    try {
      if (!(await putReadingCorrection(db, correction))) throw new Error(`no quote "${quoteId}" in your articles`);
    } finally {
      this.changed();
    }
    const applied = applyCorrection(found.quote, speaker === null && date === null ? undefined : correction, (await this.deps.gazetteer()).people);
    return readingQuoteView(index.read(), applied);
  }

  async remove(id: string): Promise<void> {
    try {
      if (!(await removeReadingArticle(await this.deps.main(), id))) throw new Error(`no article "${id}" in your articles`);
    } finally {
      this.changed();
    }
  }

  async search(index: LiveIndex, query: SearchQuery): Promise<Outcome<SearchResult>> {
    const reading = await this.cached();
    return searchWithReading(index, reading, (ranks) => this.fetch(reading, ranks), query);
  }

  async card(index: LiveIndex, card: EntityCard, limit?: number, about?: readonly string[]): Promise<EntityCard> {
    const reading = await this.cached();
    return withReadingQuotes(index, card, reading, (ranks) => this.fetch(reading, ranks), limit, about);
  }

  /** Null when the id is not one of the user's quotes, so the caller asks the index. */
  async quoteContext(index: LiveIndex, id: string): Promise<QuoteContext | null> {
    if (!id.startsWith(READING_PREFIX)) return null;
    const db = await this.deps.main();
    const found = await readingQuote(db, id);
    if (!found) throw new Error(`no quote "${id}" in your articles`);
    const [corrections, gazetteer] = await Promise.all([readingCorrectionsOf(db, found.document.id), this.deps.gazetteer()]);
    const quote = applyCorrection(found.quote, corrections.find((c) => c.quoteId === id), gazetteer.people);
    return readingQuoteContext(await readingQuoteView(index.read(), quote), found.quote, found.document);
  }

  async exportText(): Promise<string> {
    const records = await readUserRecords(await this.deps.main());
    const settings = (await this.deps.loadSettings()) as unknown as Record<string, unknown>;
    return encodeUserData({ ...records, settings }, new Date(this.deps.now()));
  }

  /** Checks the whole file first: a bad file throws naming its line and changes nothing. */
  async importText(text: string): Promise<ImportSummary> {
    const data = decodeUserData(text);
    try {
      await writeUserRecords(await this.deps.main(), data);
    } finally {
      this.changed();
    }
    if (data.settings) await this.deps.saveSettings(parseSettings(data.settings));
    return { documents: data.documents.length, quotes: data.quotes.length, corrections: data.corrections.length, saved: data.saved.length, settings: data.settings !== null };
  }
}
