import type { DateBasis, IsoDay, PlaceNames, Quote, SpeakerBasis } from '../schema/index-schema';

/**
 * What the background answers with: shaped for display, so the content script
 * and the popup never see raw records or need a second round trip.
 */

export interface PersonRef {
  id: string;
  name: string;
  role: string;
  roleEn: string;
}

export interface SummitRef {
  id: string;
  title: { vi: string; en: string };
  date: IsoDay;
  endDate: IsoDay | null;
  /** In Vietnamese: the contract's field. */
  place: string;
  /** The place in each language (added by decision 0084): what a reader's interface shows. */
  placeNames: PlaceNames;
}

export interface SourceRef {
  document: string;
  title: string;
  outlet: string | null;
  published: IsoDay | null;
}

/**
 * Where a shown quote comes from: the bundled corpus, or an article the user
 * added from their reading (`url` is then the page it was read on).
 */
export interface QuoteSource extends SourceRef {
  origin: 'corpus' | 'reading';
  url: string | null;
}

/** A half-open `[start, end)` range into the string it accompanies. */
export type Span = [number, number];

export interface QuoteView {
  id: string;
  text: string;
  /** Only `speech` has a speaker; the others are shown as what they are, never as someone's words. */
  kind: Quote['kind'];
  speaker: PersonRef | null;
  /** A speaker the gazetteer does not know, as the text names them: shown as a name, with no card to open. */
  speakerName: string | null;
  /** The role phrase the speaker was inferred from, when `speakerBasis` is `role`. */
  speakerRole: string | null;
  speakerBasis: SpeakerBasis;
  /** Null exactly when `dateBasis` is `unknown`: the text does not say when. */
  date: IsoDay | null;
  dateBasis: DateBasis;
  summit: SummitRef | null;
  source: QuoteSource;
  /** Which fields the user corrected by hand (only the user's own quotes can be corrected). */
  corrected?: { speaker: boolean; date: boolean };
  /** People the quote's sentence names, speaker excluded (index quotes; added at stop 19): what the words are about. */
  mentions?: string[];
}

export interface PersonCard {
  kind: 'person';
  person: PersonRef & { country: string; aliases: string[] };
  summits: SummitRef[];
  /** Most relevant first: said by the person, then newest. */
  quotes: QuoteView[];
  quoteCount: number;
  /** For each summit the request's `about` named, best first: the person's place there (added at stop 19). */
  at?: PersonAtSummit[];
  /** Everyone the person sat with at a summit, with those summits' ids newest first (added at stop 19). */
  met?: { person: PersonRef; summits: string[] }[];
}

/** An office as the gazetteer titles it; `leader`: head of state or government. */
export interface OfficeRef {
  id: string;
  title: { vi: string; en: string };
  leader: boolean;
}

/** A person at one summit, from the gazetteer alone: never inferred from news text. */
export interface PersonAtSummit {
  summit: SummitRef;
  /** What was signed or agreed, in one line; null where the gazetteer has none. */
  outcome: { vi: string; en: string } | null;
  participants: PersonRef[];
  /** The summits table lists the person among the participants: only then are `offices` their role there. */
  participant: boolean;
  /** Offices the person held on the summit's first day, heads of state or government first; empty when the gazetteer gives none. */
  offices: OfficeRef[];
  /** For a head of state or government listed there: the other side's leaders there. Empty otherwise. */
  counterparts: PersonRef[];
}

export interface SummitCard {
  kind: 'summit';
  summit: SummitRef & { city: string; venue: string | null; country: string; aliases: string[] };
  participants: PersonRef[];
  quotes: QuoteView[];
  quoteCount: number;
}

export type EntityCard = PersonCard | SummitCard;

export interface QuoteContext {
  quote: QuoteView;
  /** The cleaned document text the quote's offsets point into. */
  text: string;
  start: number;
  end: number;
}

export interface SearchQuery {
  text: string;
  person?: string;
  summit?: string;
  from?: IsoDay;
  to?: IsoDay;
  limit?: number;
}

export interface SearchHit {
  quote: QuoteView;
  score: number;
  /** Matched words, as ranges into `quote.text`. */
  highlights: Span[];
}

export interface SearchResult {
  hits: SearchHit[];
  people: PersonRef[];
  summits: SummitRef[];
  total: number;
}

/** Where the database is, for the popup's loading and error states. */
export interface DbStatus {
  state: 'empty' | 'seeding' | 'ready' | 'failed';
  progress: number;
  error: string | null;
  hash: string | null;
  schemaVersion: number;
  counts: { documents: number; people: number; summits: number; quotes: number };
  /**
   * Whether a complete index answers queries: also true while a newer one seeds
   * or after a failed seed left the previous one in place, so the UI need not
   * grey out on `seeding`/`failed`. `hash` and `counts` describe that index.
   */
  available?: boolean;
  /** The bundle hash being seeded (or that failed), when it differs from `hash`. */
  targetHash?: string | null;
  /** How the last completed seed went, for diagnostics and the benchmark. */
  lastSeed?: SeedStats | null;
}

export interface SeedStats {
  ms: number;
  /** The longest stretch the seed held the thread without yielding. */
  longestSliceMs: number;
  slices: number;
  /** Records written to the index database. */
  records: number;
  readMs: number;
  deriveMs: number;
  writeMs: number;
}

/** Every person and summit, light: the popup's filters and timeline. */
export interface Catalog {
  people: PersonRef[];
  summits: (SummitRef & { participants: string[] })[];
}

/** A quote the user saved, as the main database keeps it: a snapshot, so it still shows after a new index drops or rewords the quote. */
export interface SavedQuote {
  quoteId: string;
  savedAt: number;
  snapshot: {
    text: string;
    speaker: string | null;
    date: IsoDay | null;
    source: string | null;
  } | null;
}

/** A saved quote for the Saved tab: the snapshot taken when it was saved, and the quote as the live index has it now (null once an index dropped it). */
export interface SavedQuoteView extends SavedQuote {
  quote: QuoteView | null;
}
