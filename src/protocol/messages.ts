import type { PackedLexicon } from '../schema/lexicon';
import { correctionProblem } from '../reading/corrections';
import { MAX_IMPORT_CHARS, validateArticle, validateSnapshot, type AddedArticle, type AddThisPageAnswer, type ExtractedArticle, type ImportSummary, type PageSnapshot, type ReadingArticleSummary } from '../reading/article';
import type { Catalog, DbStatus, EntityCard, QuoteContext, QuoteView, SavedQuote, SavedQuoteView, SearchQuery, SearchResult } from './views';

/**
 * The one message protocol of the extension. Requests go to the background
 * (from content scripts and the popup); `TabRequest`s go from the popup or the
 * background to a tab's content script. Every incoming message is validated
 * here before anything acts on it, because a content script runs next to
 * hostile pages and a malformed message must get an error, never a crash.
 */

export type EntityKind = 'person' | 'summit';

/** How many of a page's summits a card request may name (`about`). */
export const MAX_ABOUT = 3;

export type Request =
  | { type: 'status' }
  | { type: 'lexicon' }
  | { type: 'catalog' }
  /**
   * `all` asks for every quote (the popup); without it, the top few (the popover).
   * `about` names the summits the asking page is about, best first: a person
   * card then also carries that person's quotes at each of them, however far
   * down the person's newest-first list they are.
   */
  | { type: 'card'; kind: EntityKind; id: string; all?: boolean; about?: string[] }
  | { type: 'quoteContext'; id: string }
  | { type: 'search'; query: SearchQuery }
  /**
   * From each frame's content script: how many entities its own document names and, with
   * `mentions`, which, so the background can count an entity named in two frames once.
   */
  | { type: 'pageMentions'; entities: number; mentions?: Mention[] }
  /** From a tab's top frame: what the tab's other frames reported, for its `mentions` answer. */
  | { type: 'tabMentions' }
  /** From a tab's top frame: whether Summit Lens works on its site now, so the toolbar icon can say so. */
  | { type: 'siteState'; active: boolean }
  /** From the popover: show this card in the popup (or a tab when the browser will not open the popup). */
  | { type: 'openCard'; kind: EntityKind; id: string }
  | { type: 'save'; id: string }
  | { type: 'unsave'; id: string }
  | { type: 'saved' }
  /** From a content script, after the user asked to add its page: the extracted article, for the pipeline and the user's corpus. */
  | { type: 'addArticle'; article: ExtractedArticle }
  /** From a content script, after the user asked to add its page: the page's markup, for extraction in an extension document, then as `addArticle`. */
  | { type: 'addPage'; page: PageSnapshot }
  /** "Your articles", newest added first. */
  | { type: 'readingList' }
  /** The quotes taken from one of the user's articles, in text order. */
  | { type: 'readingQuotes'; id: string }
  | { type: 'removeArticle'; id: string }
  /** Runs the current pipeline again on an added article's stored text. */
  | { type: 'reextractArticle'; id: string }
  /** Sets (or, both null, removes) the user's correction of one of their quotes' speaker and date. */
  | { type: 'correctQuote'; id: string; speaker: string | null; date: string | null }
  /** Everything the user made, as the text of one JSON Lines file. */
  | { type: 'exportUserData' }
  | { type: 'importUserData'; text: string };

export interface Answers {
  status: DbStatus;
  lexicon: PackedLexicon;
  catalog: Catalog;
  card: EntityCard;
  quoteContext: QuoteContext;
  search: SearchResult;
  pageMentions: null;
  tabMentions: FrameReport[];
  siteState: null;
  openCard: null;
  save: SavedQuote;
  unsave: null;
  /** Newest saved first. */
  saved: SavedQuoteView[];
  addArticle: AddedArticle;
  /** A page with no article is a refusal (`ok: false`) answered as a value, so its reason and code reach the page. */
  addPage: AddThisPageAnswer;
  readingList: ReadingArticleSummary[];
  readingQuotes: QuoteView[];
  removeArticle: null;
  reextractArticle: AddedArticle;
  /** The quote as every view now shows it. */
  correctQuote: QuoteView;
  exportUserData: string;
  importUserData: ImportSummary;
}

export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** Errors travel as values: an exception does not survive structured cloning intact in every browser. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export interface Mention {
  id: string;
  kind: EntityKind;
  count: number;
  forms: string[];
}

/**
 * `mentions` answers with the page's detections; `openNext` opens the card of
 * the next mention (keyboard); `addThisPage` adds the page's article to the
 * user's corpus and answers `AddThisPageAnswer` (src/reading/article.ts);
 * with `confirm` (the keyboard command, which has no window of its own) it
 * also says on the page what happened.
 */
export type TabRequest = { type: 'mentions' } | { type: 'openNext' } | { type: 'addThisPage'; confirm?: boolean };
/** One frame's own mentions, as the background holds them for its tab. */
export interface FrameReport {
  frameId: number;
  mentions: Mention[];
}

export interface MentionsAnswer {
  mentions: Mention[];
  /** What the page is about; absent only where the extension is off for the page (it reads nothing there). */
  context?: PageContext;
  /** Documents whose mentions `mentions` adds up: the top one and each frame that named someone; absent means the top document alone. */
  frames?: number;
}

/** A summit the page is about, with why: phrases such as "headline", "alias “Helsinki summit” ×2", "year 2018". */
export interface ContextSummit {
  id: string;
  score: number;
  evidence: string[];
  /** The same evidence as data, for a reader's language (added by decision 0084; `evidence` stays as the contract has it). */
  reasons?: EvidenceReason[];
}

/**
 * One piece of a summit's evidence. `title`/`headline`: named there; `alias`:
 * a phrase that names the summit on its own, `place`: a place name next to a
 * summit cue, each with how often the page writes it; `participants`: all its
 * leaders are on the page; `year`: its year is printed there; `published`: the
 * page is dated in its year; `mentions`: how often the page names it.
 */
export type EvidenceReason =
  | { kind: 'title' }
  | { kind: 'headline' }
  | { kind: 'alias'; form: string; count: number }
  | { kind: 'place'; form: string; count: number }
  | { kind: 'participants'; ids: string[] }
  | { kind: 'year'; year: number }
  | { kind: 'published'; day: string }
  | { kind: 'mentions'; count: number };

/** The page as a whole: its summits best first (empty when it is about none), its people by salience, its date and language. */
export interface PageContext {
  summits: ContextSummit[];
  people: { id: string; score: number }[];
  /** `YYYY-MM-DD`, or null when the page does not say. */
  published: string | null;
  /** Primary language subtag: the page's `lang`, else guessed from its script (vi, ru, else en). */
  lang: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Limits on what one frame may report: a hostile frame cannot make the background hold or count more. */
export const MAX_REPORTED_MENTIONS = 500;
const MAX_REPORTED_FORMS = 20;
const MAX_FORM = 200;
const MAX_COUNT = 1_000_000;
const MAX_ID = 200;
const MAX_QUERY = 500;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID;
}

function optional(value: unknown, check: (v: unknown) => boolean): boolean {
  return value === undefined || check(value);
}

function isDay(value: unknown): boolean {
  return typeof value === 'string' && ISO_DAY.test(value);
}

function validateQuery(value: unknown): SearchQuery | string {
  if (!isRecord(value)) return 'search.query must be an object';
  if (typeof value.text !== 'string' || value.text.length > MAX_QUERY) return 'search.query.text must be a string of at most 500 characters';
  if (!optional(value.person, isId)) return 'search.query.person must be an id';
  if (!optional(value.summit, isId)) return 'search.query.summit must be an id';
  if (!optional(value.from, isDay)) return 'search.query.from must be YYYY-MM-DD';
  if (!optional(value.to, isDay)) return 'search.query.to must be YYYY-MM-DD';
  if (!optional(value.limit, (v) => Number.isInteger(v) && (v as number) > 0 && (v as number) <= 500)) {
    return 'search.query.limit must be an integer from 1 to 500';
  }
  const query: SearchQuery = { text: value.text };
  if (value.person !== undefined) query.person = value.person as string;
  if (value.summit !== undefined) query.summit = value.summit as string;
  if (value.from !== undefined) query.from = value.from as string;
  if (value.to !== undefined) query.to = value.to as string;
  if (value.limit !== undefined) query.limit = value.limit as number;
  return query;
}

/**
 * A frame's mentions as `pageMentions` may carry them: each with at most the
 * spellings the background accepts, the page's first ones. A long Russian page
 * writes one person in more case forms than that, and a report over the limit
 * is refused whole, which would drop the frame from the badge.
 */
export function reportableMentions(mentions: readonly Mention[]): Mention[] {
  return mentions.map((m) => (m.forms.length > MAX_REPORTED_FORMS ? { ...m, forms: m.forms.slice(0, MAX_REPORTED_FORMS) } : m));
}

/** A fresh copy of a frame's mention list, or why it was refused (one entity twice is refused: counts would add up twice). */
function validateMentions(value: unknown, maxForms = MAX_REPORTED_FORMS): Mention[] | string {
  if (!Array.isArray(value) || value.length > MAX_REPORTED_MENTIONS) return `mentions must be an array of at most ${MAX_REPORTED_MENTIONS}`;
  const seen = new Set<string>();
  const mentions: Mention[] = [];
  for (const item of value as unknown[]) {
    if (!isRecord(item)) return 'mentions[] must be objects';
    if (item.kind !== 'person' && item.kind !== 'summit') return 'mentions[].kind must be "person" or "summit"';
    if (!isId(item.id)) return 'mentions[].id must be a non-empty string of at most 200 characters';
    if (!Number.isInteger(item.count) || (item.count as number) < 1 || (item.count as number) > MAX_COUNT) return `mentions[].count must be an integer from 1 to ${MAX_COUNT}`;
    const forms = item.forms;
    if (!Array.isArray(forms) || forms.length > maxForms || !forms.every((f) => typeof f === 'string' && f.length > 0 && f.length <= MAX_FORM)) {
      return `mentions[].forms must be at most ${maxForms} non-empty strings of at most ${MAX_FORM} characters`;
    }
    const key = `${item.kind}:${item.id}`;
    if (seen.has(key)) return `mentions lists ${key} twice`;
    seen.add(key);
    mentions.push({ id: item.id, kind: item.kind, count: item.count as number, forms: [...(forms as string[])] });
  }
  return mentions;
}

/**
 * Limits on a `mentions` answer's page context: above anything a real page
 * gives (the gazetteer has a few dozen summits, each a few dozen forms), low
 * enough that a hostile page cannot make the popup hold or draw more.
 */
const MAX_CONTEXT_SUMMITS = 100;
const MAX_CONTEXT_PEOPLE = 500;
const MAX_EVIDENCE = 64;
/** One per distinct form the page wrote (case and declension apart), plus at most six others. */
const MAX_REASONS = 200;
const MAX_EVIDENCE_TEXT = 2000;
const MAX_PARTICIPANTS = 20;
const MAX_LANG = 35;
/** A tab's answer adds up its frames' forms, and Russian declension gives a name six spellings or more. */
const MAX_ANSWER_FORMS = 200;

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_COUNT;
const isForm = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_FORM;
const isScore = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A fresh copy of one evidence reason, or why it was refused. */
function validateReason(value: unknown): EvidenceReason | string {
  if (!isRecord(value)) return 'must be an object';
  switch (value.kind) {
    case 'title':
    case 'headline':
      return { kind: value.kind };
    case 'alias':
    case 'place':
      if (!isForm(value.form)) return `.form must be a non-empty string of at most ${MAX_FORM} characters`;
      if (!isCount(value.count)) return `.count must be an integer from 1 to ${MAX_COUNT}`;
      return { kind: value.kind, form: value.form, count: value.count };
    case 'participants': {
      const ids = value.ids;
      if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_PARTICIPANTS || !ids.every(isId)) return `.ids must be 1 to ${MAX_PARTICIPANTS} ids`;
      return { kind: 'participants', ids: [...(ids as string[])] };
    }
    case 'year':
      if (!Number.isInteger(value.year) || (value.year as number) < 1000 || (value.year as number) > 9999) return '.year must be a four-digit year';
      return { kind: 'year', year: value.year as number };
    case 'published':
      if (!isDay(value.day)) return '.day must be YYYY-MM-DD';
      return { kind: 'published', day: value.day as string };
    case 'mentions':
      if (!isCount(value.count)) return `.count must be an integer from 1 to ${MAX_COUNT}`;
      return { kind: 'mentions', count: value.count };
    default:
      return `.kind ${JSON.stringify(String(value.kind)).slice(0, 40)} is not a kind of evidence`;
  }
}

function validateContextSummit(value: unknown): ContextSummit | string {
  if (!isRecord(value)) return 'must be an object';
  if (!isId(value.id)) return `.id must be a non-empty string of at most ${MAX_ID} characters`;
  if (!isScore(value.score)) return '.score must be a finite number';
  const evidence = value.evidence;
  if (!Array.isArray(evidence) || evidence.length > MAX_EVIDENCE || !evidence.every((e) => typeof e === 'string' && e.length <= MAX_EVIDENCE_TEXT)) {
    return `.evidence must be at most ${MAX_EVIDENCE} strings of at most ${MAX_EVIDENCE_TEXT} characters`;
  }
  const summit: ContextSummit = { id: value.id, score: value.score, evidence: [...(evidence as string[])] };
  if (value.reasons === undefined) return summit;
  if (!Array.isArray(value.reasons) || value.reasons.length > MAX_REASONS) return `.reasons must be an array of at most ${MAX_REASONS}`;
  const reasons: EvidenceReason[] = [];
  for (const raw of value.reasons as unknown[]) {
    const reason = validateReason(raw);
    if (typeof reason === 'string') return `.reasons[]${reason.startsWith('.') ? reason : ` ${reason}`}`;
    reasons.push(reason);
  }
  return { ...summit, reasons };
}

/** A fresh copy of a page context, or why it was refused. */
export function validatePageContext(value: unknown): PageContext | string {
  if (!isRecord(value)) return 'context must be an object';
  if (!Array.isArray(value.summits) || value.summits.length > MAX_CONTEXT_SUMMITS) return `context.summits must be an array of at most ${MAX_CONTEXT_SUMMITS}`;
  const summits: ContextSummit[] = [];
  for (const raw of value.summits as unknown[]) {
    const summit = validateContextSummit(raw);
    if (typeof summit === 'string') return `context.summits[]${summit.startsWith('.') ? summit : ` ${summit}`}`;
    summits.push(summit);
  }
  if (!Array.isArray(value.people) || value.people.length > MAX_CONTEXT_PEOPLE) return `context.people must be an array of at most ${MAX_CONTEXT_PEOPLE}`;
  const people: PageContext['people'] = [];
  for (const p of value.people as unknown[]) {
    if (!isRecord(p) || !isId(p.id) || !isScore(p.score)) return 'context.people[] must be { id, score }';
    people.push({ id: p.id, score: p.score });
  }
  if (value.published !== null && !isDay(value.published)) return 'context.published must be YYYY-MM-DD or null';
  if (typeof value.lang !== 'string' || value.lang.length > MAX_LANG) return `context.lang must be a string of at most ${MAX_LANG} characters`;
  return { summits, people, published: value.published as string | null, lang: value.lang };
}

/**
 * A fresh copy of a content script's `mentions` answer, or why it was
 * refused: the popup draws it, and the page it comes from may be hostile.
 */
export function validateMentionsAnswer(value: unknown): MentionsAnswer | string {
  if (!isRecord(value)) return 'the mentions answer must be an object';
  const mentions = validateMentions(value.mentions, MAX_ANSWER_FORMS);
  if (typeof mentions === 'string') return mentions;
  const answer: MentionsAnswer = { mentions };
  if (value.context !== undefined) {
    const context = validatePageContext(value.context);
    if (typeof context === 'string') return context;
    answer.context = context;
  }
  if (value.frames !== undefined) {
    if (!Number.isInteger(value.frames) || (value.frames as number) < 1 || (value.frames as number) > MAX_COUNT) return 'frames must be a positive integer';
    answer.frames = value.frames as number;
  }
  return answer;
}

/**
 * Returns a fresh, well-typed copy of the request (never the sender's object,
 * so later mutation by the sender cannot change what was validated) or the
 * reason it was refused.
 */
export function validateRequest(message: unknown): Request | string {
  if (!isRecord(message)) return 'message must be an object';
  switch (message.type) {
    case 'status':
    case 'lexicon':
    case 'catalog':
    case 'saved':
      return { type: message.type };
    case 'openCard':
      if (message.kind !== 'person' && message.kind !== 'summit') return 'openCard.kind must be "person" or "summit"';
      if (!isId(message.id)) return 'openCard.id must be a non-empty string';
      return { type: 'openCard', kind: message.kind, id: message.id };
    case 'card':
      if (message.kind !== 'person' && message.kind !== 'summit') return 'card.kind must be "person" or "summit"';
      if (!isId(message.id)) return 'card.id must be a non-empty string';
      if (!optional(message.all, (v) => typeof v === 'boolean')) return 'card.all must be a boolean';
      if (!optional(message.about, (v) => Array.isArray(v) && v.length <= MAX_ABOUT && v.every(isId))) {
        return `card.about must be a list of at most ${MAX_ABOUT} summit ids`;
      }
      return {
        type: 'card',
        kind: message.kind,
        id: message.id,
        ...(message.all === true ? { all: true } : {}),
        ...(Array.isArray(message.about) && message.about.length > 0 ? { about: [...(message.about as string[])] } : {}),
      };
    case 'quoteContext':
      if (!isId(message.id)) return 'quoteContext.id must be a non-empty string';
      return { type: 'quoteContext', id: message.id };
    case 'search': {
      const query = validateQuery(message.query);
      return typeof query === 'string' ? query : { type: 'search', query };
    }
    case 'pageMentions': {
      if (!Number.isInteger(message.entities) || (message.entities as number) < 0) {
        return 'pageMentions.entities must be a non-negative integer';
      }
      if (message.mentions === undefined) return { type: 'pageMentions', entities: message.entities as number };
      const mentions = validateMentions(message.mentions);
      return typeof mentions === 'string' ? `pageMentions.${mentions}` : { type: 'pageMentions', entities: mentions.length, mentions };
    }
    case 'tabMentions':
      return { type: 'tabMentions' };
    case 'readingList':
    case 'exportUserData':
      return { type: message.type };
    case 'addArticle': {
      const article = validateArticle(message.article);
      return typeof article === 'string' ? article : { type: 'addArticle', article };
    }
    case 'addPage': {
      const page = validateSnapshot(message.page);
      return typeof page === 'string' ? page : { type: 'addPage', page };
    }
    case 'removeArticle':
    case 'reextractArticle':
    case 'readingQuotes':
      if (!isId(message.id)) return `${message.type}.id must be a non-empty string of at most 200 characters`;
      return { type: message.type, id: message.id };
    case 'correctQuote': {
      if (!isId(message.id)) return 'correctQuote.id must be a non-empty string of at most 200 characters';
      const speaker = message.speaker ?? null;
      const date = message.date ?? null;
      const problem = correctionProblem(speaker, date);
      return problem ? `correctQuote: ${problem}` : { type: 'correctQuote', id: message.id, speaker: speaker as string | null, date: date as string | null };
    }
    case 'importUserData':
      if (typeof message.text !== 'string' || message.text.length > MAX_IMPORT_CHARS) return `importUserData.text must be a string of at most ${MAX_IMPORT_CHARS} characters`;
      return { type: 'importUserData', text: message.text };
    case 'siteState':
      if (typeof message.active !== 'boolean') return 'siteState.active must be a boolean';
      return { type: 'siteState', active: message.active };
    case 'save':
    case 'unsave':
      if (!isId(message.id)) return `${message.type}.id must be a non-empty string of at most 200 characters`;
      return { type: message.type, id: message.id };
    default:
      return `unknown message type ${JSON.stringify(String(message.type)).slice(0, 60)}`;
  }
}

export function isTabRequest(message: unknown): message is TabRequest {
  return isRecord(message) && (message.type === 'mentions' || message.type === 'openNext' || message.type === 'addThisPage');
}

/** Chrome shows at most four characters in a badge. */
export function badgeText(entities: number): string {
  if (entities <= 0) return '';
  return entities > 999 ? '999+' : String(entities);
}
