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

/** The plain-text citation that "copy" puts on the clipboard. */
export function citation(lang: UiLanguage, quote: QuoteView): string {
  const speaker = quote.kind === 'speech' ? (quote.speaker?.name ?? t(lang, 'unknownSpeaker')) : t(lang, NOT_SPEECH[quote.kind]);
  const outlet = quote.source.outlet ?? t(lang, 'unknownOutlet');
  return `“${quote.text}” — ${speaker}, ${formatDay(lang, quote.date)} (${quote.source.title}, ${outlet})`;
}

export function QuoteItem(props: { lang: UiLanguage; quote: QuoteView; highlights?: Span[]; children?: preact.ComponentChildren }) {
  const { lang, quote } = props;
  return (
    <figure class="quote">
      <blockquote>“{highlighted(quote.text, props.highlights)}”</blockquote>
      <figcaption>
        <span class="speaker">{quote.kind === 'speech' ? (quote.speaker?.name ?? t(lang, 'unknownSpeaker')) : t(lang, NOT_SPEECH[quote.kind])}</span>
        {' · '}
        <time dateTime={quote.date ?? undefined}>{formatDay(lang, quote.date)}</time>
        <span class="source">
          {t(lang, 'source')}: {sourceLine(lang, quote)}
        </span>
      </figcaption>
      {props.children}
    </figure>
  );
}
