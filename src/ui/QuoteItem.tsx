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
  return `${quote.source.title} · ${outlet}`;
}

function speakerLine(lang: UiLanguage, quote: QuoteView): string {
  return quote.kind === 'speech' ? (quote.speaker?.name ?? t(lang, 'unknownSpeaker')) : t(lang, NOT_SPEECH[quote.kind]);
}

/** The plain-text citation that "copy" puts on the clipboard. */
export function citation(lang: UiLanguage, quote: QuoteView): string {
  const speaker = speakerLine(lang, quote);
  const outlet = quote.source.outlet ?? t(lang, 'unknownOutlet');
  return `“${quote.text}” — ${speaker}, ${formatDay(lang, quote.date)} (${quote.source.title}, ${outlet})`;
}

/** The id of a quote's words on screen, so its save toggle can say which quote it saves. */
export const quoteWordsId = (quoteId: string) => `words-${quoteId}`;

interface FigureProps {
  lang: UiLanguage;
  words: preact.ComponentChildren;
  speaker: string;
  date: string | null;
  source: string | null;
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
        <time dateTime={props.date ?? undefined}>{formatDay(lang, props.date)}</time>
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
      source={sourceLine(lang, quote)}
      top={props.top}
      // Only a control before the words (the save toggle) refers to them.
      wordsId={props.top ? quoteWordsId(quote.id) : undefined}
    >
      {props.children}
    </QuoteFigure>
  );
}
