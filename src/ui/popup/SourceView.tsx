import { useEffect, useRef, useState } from 'preact/hooks';
import type { QuoteContext } from '../../protocol/views';
import { formatDay, t } from '../../i18n/i18n';
import { CopyButton } from './CardView';
import type { PopupEnv, Route } from './env';
import { basisNotes, quoteWordsId } from '../QuoteItem';
import { SaveButton } from './SaveButton';
import type { Saves } from './saves';

/** The cleaned article with the quote marked in place, so a reader can check its context. */
export function SourceView({ env, saves, quote, go }: { env: PopupEnv; saves: Saves; quote: string; go(route: Route): void }) {
  const lang = env.settings.language;
  const [context, setContext] = useState<QuoteContext | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mark = useRef<HTMLElement>(null);

  useEffect(() => {
    env.ask({ type: 'quoteContext', id: quote }).then(setContext, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [quote]);

  useEffect(() => {
    mark.current?.scrollIntoView({ block: 'center' });
  }, [context]);

  if (error !== null) return <p class="notice error" role="alert">{t(lang, 'loadFailed', error)}</p>;
  if (context === null) return <p class="notice" aria-busy="true">{t(lang, 'loading')}</p>;
  const { quote: q, text, start, end } = context;
  return (
    <article class="source-view">
      <header>
        <p class="kind">{q.source.origin === 'reading' ? t(lang, 'fromReading') : t(lang, 'source')}</p>
        <h2>{q.source.title}</h2>
        <p class="subtitle">
          {q.source.outlet ?? t(lang, 'unknownOutlet')} · {formatDay(lang, q.source.published)}
        </p>
        <p class="actions">
          {q.speaker && (
            <button type="button" class="link" onClick={() => go({ view: 'card', kind: 'person', id: q.speaker!.id })}>
              {q.speaker.name}
            </button>
          )}
          {!q.speaker && q.speakerName !== null && <span class="speaker-name">{q.speakerName}</span>}
          {q.summit && (
            <button type="button" class="link" onClick={() => go({ view: 'card', kind: 'summit', id: q.summit!.id })}>
              {q.summit.title[lang]}
            </button>
          )}
          {q.source.url !== null && (
            <a class="link original" href={q.source.url} target="_blank" rel="noopener noreferrer">
              {t(lang, 'openOriginal')}
            </a>
          )}
          <CopyButton env={env} quote={q} />
          <SaveButton lang={lang} saves={saves} id={q.id} />
        </p>
        {basisNotes(lang, q).length > 0 && <p class="basis">{basisNotes(lang, q).join(' · ')}</p>}
      </header>
      <div class="article" tabIndex={0}>
        {text.slice(0, start)}
        <mark ref={mark} id={quoteWordsId(q.id)}>
          {text.slice(start, end)}
        </mark>
        {text.slice(end)}
      </div>
    </article>
  );
}
