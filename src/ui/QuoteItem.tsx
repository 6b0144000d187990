import type { QuoteView, Span } from '../protocol/views';
import { formatDay, t } from '../i18n/i18n';
import type { UiLanguage } from '../settings/settings';

const NOT_SPEECH = { scare: 'kindScare', slogan: 'kindSlogan', title: 'kindTitle' } as const;

/** Splits text at highlight ranges; rendered as text nodes and <mark>, never as HTML. */
export function highlighted(text: string, spans: Span[] = []): (string | preact.JSX.Element)[] {
  const parts: (string | preact.JSX.Element)[] = [];
  let at = 0;
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (start < at || end <= start || end > text.length) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

export function sourceLine(lang: UiLanguage, quote: QuoteView): string {
  const outlet = quote.source.outlet ?? t(lang, 'unknownOutlet');
  // An article the user added says so, so it is never taken for the reviewed corpus.
  const origin = quote.source.origin === 'reading' ? `${t(lang, 'fromReading')}: ` : '';
  return `${origin}${quote.source.title} · ${outlet}`;
}

function speakerLine(lang: UiLanguage, quote: QuoteView): string {
  if (quote.kind !== 'speech') return t(lang, NOT_SPEECH[quote.kind]);
  return quote.speaker?.name ?? quote.speakerName ?? t(lang, 'unknownSpeaker');
}

/**
 * What the reader should know about how speaker and date were found, where it
 * is less than the text naming them outright: an inference is shown as one,
 * never passed off as a fact.
 */
export function basisNotes(lang: UiLanguage, quote: QuoteView): string[] {
  const notes: string[] = [];
  // What the user corrected by hand is theirs, never passed off as the text's or the pipeline's.
  if (quote.corrected?.speaker) notes.push(t(lang, 'speakerCorrected'));
  else if (quote.kind === 'speech' && quote.speaker !== null) {
    if (quote.speakerBasis === 'role' && quote.speakerRole !== null) notes.push(t(lang, 'speakerFromRole', quote.speakerRole));
    else if (quote.speakerBasis === 'back-reference') notes.push(t(lang, 'speakerFromEarlier'));
  }
  if (quote.corrected?.date) notes.push(t(lang, 'dateCorrected'));
  else if (quote.date !== null && quote.dateBasis === 'relative') notes.push(t(lang, 'dateFromPublication'));
  else if (quote.date !== null && quote.dateBasis === 'publication') notes.push(t(lang, 'dateIsPublication'));
  return notes;
}

/** A quote's day, or that the text does not give one: never a guessed day. */
const quoteDay = (lang: UiLanguage, day: string | null) => (day === null ? t(lang, 'dateNotStated') : formatDay(lang, day));

/** The plain-text citation that "copy" puts on the clipboard. */
export function citation(lang: UiLanguage, quote: QuoteView): string {
  const speaker = speakerLine(lang, quote);
  const outlet = quote.source.outlet ?? t(lang, 'unknownOutlet');
  const notes = basisNotes(lang, quote);
  const basis = notes.length > 0 ? ` [${notes.join('; ')}]` : '';
  const url = quote.source.url === null ? '' : `, ${quote.source.url}`;
  return `“${quote.text}” — ${speaker}, ${quoteDay(lang, quote.date)}${basis} (${quote.source.title}, ${outlet}${url})`;
}

/** The id of a quote's words on screen, so its save toggle can say which quote it saves. */
export const quoteWordsId = (quoteId: string) => `words-${quoteId}`;

interface FigureProps {
  lang: UiLanguage;
  words: preact.ComponentChildren;
  speaker: string;
  date: string | null;
  source: string | null;
  /** How speaker and date were inferred, where they were (see `basisNotes`). */
  notes?: string[];
  /** Shown before the words: a save toggle, or a note about the quote. */
  top?: preact.ComponentChildren;
  /** Lets a control before the words name them (`aria-describedby`). */
  wordsId?: string;
  class?: string;
  children?: preact.ComponentChildren;
}

/** How a quote looks, whether it comes from the index or from the copy kept when it was saved. */
export function QuoteFigure(props: FigureProps) {
  const { lang } = props;
  return (
    <figure class={props.class ? `quote ${props.class}` : 'quote'}>
      {props.top}
      <blockquote id={props.wordsId}>“{props.words}”</blockquote>
      <figcaption>
        <span class="speaker">{props.speaker}</span>
        {' · '}
        {props.date === null ? <span class="date">{t(lang, 'dateNotStated')}</span> : <time class="date" dateTime={props.date}>{formatDay(lang, props.date)}</time>}
        {props.notes && props.notes.length > 0 && <span class="basis">{props.notes.join(' · ')}</span>}
        {props.source !== null && (
          <span class="source">
            {t(lang, 'source')}: {props.source}
          </span>
        )}
      </figcaption>
      {props.children}
    </figure>
  );
}

export function QuoteItem(props: { lang: UiLanguage; quote: QuoteView; highlights?: Span[]; top?: preact.ComponentChildren; children?: preact.ComponentChildren }) {
  const { lang, quote } = props;
  return (
    <QuoteFigure
      lang={lang}
      words={highlighted(quote.text, props.highlights)}
      speaker={speakerLine(lang, quote)}
      date={quote.date}
      notes={basisNotes(lang, quote)}
      source={sourceLine(lang, quote)}
      top={props.top}
      // Only a control before the words (the save toggle) refers to them.
      wordsId={props.top ? quoteWordsId(quote.id) : undefined}
    >
      {props.children}
    </QuoteFigure>
  );
}
