import { useEffect, useState } from 'preact/hooks';
import type { EntityKind } from '../../protocol/messages';
import type { EntityCard, QuoteView } from '../../protocol/views';
import { formatDay, formatRange, t } from '../../i18n/i18n';
import { citation, QuoteItem } from '../QuoteItem';
import type { PopupEnv, Route } from './env';
import { SaveButton } from './SaveButton';
import type { Saves } from './saves';

export function CopyButton({ env, quote }: { env: PopupEnv; quote: QuoteView }) {
  const lang = env.settings.language;
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      class="link"
      onClick={(e) => {
        e.stopPropagation();
        void env.copy(citation(lang, quote)).then(() => setCopied(true));
      }}
    >
      {copied ? t(lang, 'copied') : t(lang, 'copyQuote')}
    </button>
  );
}

function newestFirst(quotes: QuoteView[]): QuoteView[] {
  return [...quotes].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id));
}

export function CardView({ env, saves, kind, id, go }: { env: PopupEnv; saves: Saves; kind: EntityKind; id: string; go(route: Route): void }) {
  const lang = env.settings.language;
  const [card, setCard] = useState<EntityCard | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setCard(null);
    env.ask({ type: 'card', kind, id, all: true }).then(setCard, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [kind, id]);

  if (error !== null) return <p class="notice error" role="alert">{t(lang, 'loadFailed', error)}</p>;
  if (card === null) return <p class="notice" aria-busy="true">{t(lang, 'loading')}</p>;

  return (
    <article class="card-view">
      <header>
        <p class="kind">{t(lang, card.kind === 'person' ? 'person' : 'summit')}</p>
        <h2>{card.kind === 'person' ? card.person.name : card.summit.title[lang]}</h2>
        {card.kind === 'person' ? (
          <p class="subtitle">{lang === 'en' ? card.person.roleEn : card.person.role}</p>
        ) : (
          <dl class="facts">
            <dt>{t(lang, 'date')}</dt>
            <dd>{formatRange(lang, card.summit.date, card.summit.endDate)}</dd>
            <dt>{t(lang, 'place')}</dt>
            <dd>{card.summit.placeNames[lang]}</dd>
            <dt>{t(lang, 'participants')}</dt>
            <dd>
              {card.participants.map((p, i) => (
                <>
                  {i > 0 && ', '}
                  <button type="button" class="link" onClick={() => go({ view: 'card', kind: 'person', id: p.id })}>
                    {p.name}
                  </button>
                </>
              ))}
            </dd>
          </dl>
        )}
      </header>
      {card.kind === 'person' && card.summits.length > 0 && (
        <section>
          <h3>{t(lang, 'relatedSummits')}</h3>
          <ul class="summit-list">
            {card.summits.map((s) => (
              <li key={s.id}>
                <button type="button" class="link" onClick={() => go({ view: 'card', kind: 'summit', id: s.id })}>
                  {s.title[lang]}
                </button>{' '}
                <time dateTime={s.date}>{formatDay(lang, s.date)}</time>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h3>{t(lang, 'allQuotesCount', card.quoteCount)}</h3>
        {card.quotes.length === 0 && <p class="muted">{t(lang, 'noQuotes')}</p>}
        {newestFirst(card.quotes).map((quote) => (
          <QuoteItem key={quote.id} lang={lang} quote={quote} top={<SaveButton lang={lang} saves={saves} id={quote.id} />}>
            <div class="actions">
              <button type="button" class="link" onClick={() => go({ view: 'source', quote: quote.id })}>
                {t(lang, 'viewSource')}
              </button>
              <CopyButton env={env} quote={quote} />
            </div>
          </QuoteItem>
        ))}
      </section>
    </article>
  );
}
