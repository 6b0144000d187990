import { isIsoDay } from '../corpus/iso-day';
import type { Person } from '../schema/index-schema';
import { fold } from '../search/normalize';
import type { ReadingQuote } from './ingest';
import type { QuoteKey } from './postings';

/**
 * A hand correction of one of the user's quotes. It is kept apart from the
 * quote, keyed by the quote's id (which starts with its document's id), so
 * extracting the article again replaces the quote but not what the user said
 * about it, and every view applies it on top of the pipeline's reading.
 */
export interface QuoteCorrection {
  quoteId: string;
  document: string;
  /** The speaker as the user typed them; null when the speaker is not corrected. */
  speaker: string | null;
  /** The day the user gave; null when the date is not corrected. */
  date: string | null;
  correctedAt: number;
}

/** What a view shows as the user's own: which of the quote's fields a correction set. */
export interface Corrected {
  speaker: boolean;
  date: boolean;
}

export type CorrectedQuote = ReadingQuote & { corrected?: Corrected };

export const MAX_SPEAKER_CHARS = 120;

/** Why the fields cannot be a correction, or null. A correction must change something. */
export function correctionProblem(speaker: unknown, date: unknown): string | null {
  if (speaker !== null && (typeof speaker !== 'string' || speaker.trim() === '' || speaker.length > MAX_SPEAKER_CHARS)) {
    return `the speaker must be a name of 1 to ${MAX_SPEAKER_CHARS} characters, or null`;
  }
  if (date !== null && !isIsoDay(date)) return 'the date must be a real day YYYY-MM-DD, or null';
  return null;
}

const key = (name: string) => fold(name).replace(/\s+/g, ' ').trim();

/**
 * The gazetteer person the typed name is, by any of their names in any
 * language with accents and case ignored; null for a name it does not know,
 * which the quote then shows as written, with no card to open.
 */
export function resolveSpeaker(name: string, people: readonly Person[]): string | null {
  const wanted = key(name);
  for (const person of people) {
    if (key(person.name) === wanted || person.aliases.some((a) => key(a) === wanted) || person.names.some((n) => key(n.form) === wanted)) return person.id;
  }
  return null;
}

/** The quote as the user corrected it; the quote itself when there is no correction for it. */
export function applyCorrection(quote: ReadingQuote, correction: QuoteCorrection | undefined, people: readonly Person[]): CorrectedQuote {
  if (!correction || correction.document !== quote.document) return quote;
  const next: CorrectedQuote = { ...quote, corrected: { speaker: correction.speaker !== null, date: correction.date !== null } };
  if (correction.speaker !== null) {
    const id = resolveSpeaker(correction.speaker, people);
    // A corrected speaker makes the words speech: the user said who spoke them.
    Object.assign(next, { kind: 'speech', speaker: id, speakerName: id === null ? correction.speaker.trim() : null, speakerRole: null, speakerBasis: 'named' });
  }
  if (correction.date !== null) Object.assign(next, { date: correction.date, dateBasis: 'stated' });
  return next;
}

/** What search and cards index of a quote, as the user corrected it: the same speaker and date `applyCorrection` shows. */
export function correctKey(key: QuoteKey, correction: QuoteCorrection | undefined, people: readonly Person[]): QuoteKey {
  if (!correction || correction.document !== key.document) return key;
  return {
    ...key,
    speaker: correction.speaker === null ? key.speaker : resolveSpeaker(correction.speaker, people),
    date: correction.date ?? key.date,
  };
}

export function applyCorrections(quotes: readonly ReadingQuote[], corrections: readonly QuoteCorrection[], people: readonly Person[]): CorrectedQuote[] {
  const byId = new Map(corrections.map((c) => [c.quoteId, c]));
  return quotes.map((q) => applyCorrection(q, byId.get(q.id), people));
}
