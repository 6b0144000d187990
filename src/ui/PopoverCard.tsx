import type { PageContext } from '../protocol/messages';
import type { EntityCard } from '../protocol/views';
import { planCard } from '../popover/relevance';
import type { AddThisPageAnswer } from '../reading/article';
import { formatDay, formatRange, t } from '../i18n/i18n';
import type { UiLanguage } from '../settings/settings';
import { AddArticleButton } from './AddArticleButton';
import { MetSection } from './MetSection';
import { PageSummitSection } from './PageSummitSection';
import { QuoteItem } from './QuoteItem';

/** Quotes shown on hover; the rest are one click away in the popup. */
export const POPOVER_QUOTES = 3;
/** Related summits on hover, newest first; the card in the popup lists them all. */
export const POPOVER_SUMMITS = 3;

export interface PopoverProps {
  lang: UiLanguage;
  state: { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; card: EntityCard };
  /** What the page is about: the card puts its summit and the quotes relevant to it first. */
  context?: PageContext | null;
  onOpenFull(): void;
  /** Opens a summit's card (the dates under "met N times"); absent where no card can be opened. */
  onOpenSummit?(id: string): void;
  onClose(): void;
  /** Adds the page under the card to the user's articles; absent where the page cannot be added (a frame). */
  onAddArticle?(): Promise<AddThisPageAnswer>;
}

function Header(props: { lang: UiLanguage; card: EntityCard; onClose(): void }) {
  const { lang, card } = props;
  const kind = t(lang, card.kind === 'person' ? 'person' : 'summit');
  const title = card.kind === 'person' ? card.person.name : card.summit.title[lang];
  const subtitle =
    card.kind === 'person'
      ? lang === 'en' ? card.person.roleEn : card.person.role
      : `${formatRange(lang, card.summit.date, card.summit.endDate)} · ${card.summit.placeNames[lang]}`;
  // Not <header>: inside the card it would be a second banner landmark on the reader's page.
  return (
    <div class="head">
      <p class="kind">{kind}</p>
      <h2 id="sl-title">{title}</h2>
      <p class="subtitle">{subtitle}</p>
      <button type="button" class="close" aria-label={t(lang, 'close')} title={t(lang, 'close')} onClick={props.onClose}>
        ×
      </button>
    </div>
  );
}

export function PopoverCard(props: PopoverProps) {
  const { lang, state } = props;
  if (state.status === 'loading') return <div class="card" aria-busy="true"><p class="muted">{t(lang, 'loading')}</p></div>;
  if (state.status === 'error') return <div class="card" role="alert"><p class="muted">{t(lang, 'loadFailed', state.message)}</p></div>;
  const { card } = state;
  const plan = planCard(card, props.context ?? null);
  const summits = plan.summits.slice(0, POPOVER_SUMMITS);
  const moreSummits = plan.summits.length - summits.length;
  const summitQuotes = plan.summitQuotes.slice(0, POPOVER_QUOTES);
  const quotes = plan.quotes.slice(0, POPOVER_QUOTES - summitQuotes.length);
  const page = plan.pageSummit;
  return (
    <div class="card">
      <Header lang={lang} card={card} onClose={props.onClose} />
      {page !== null && (
        <PageSummitSection lang={lang} summit={page} place={plan.place} published={props.context?.published ?? null} pageDay={plan.pageDay} quotes={summitQuotes} />
      )}
      {plan.met !== null && <MetSection lang={lang} person={plan.met.person} summits={plan.met.summits} onOpenSummit={props.onOpenSummit} />}
      {card.kind === 'summit' && card.participants.length > 0 && (
        <section data-section="participants">
          <h3>{t(lang, 'participants')}</h3>
          <p>{card.participants.map((p) => p.name).join(', ')}</p>
        </section>
      )}
      {summits.length > 0 && (
        <section data-section="summits">
          <h3>{t(lang, 'relatedSummits')}</h3>
          <ul class="summits">
            {summits.map((s) => (
              <li key={s.id}>
                <span>{s.title[lang]}</span> <time dateTime={s.date}>{formatDay(lang, s.date)}</time>
              </li>
            ))}
            {moreSummits > 0 && <li class="more">+{moreSummits}</li>}
          </ul>
        </section>
      )}
      {card.quotes.length === 0 ? (
        <section data-section="quotes">
          <h3>{t(lang, 'quotes')}</h3>
          <p class="muted">{t(lang, 'noQuotes')}</p>
        </section>
      ) : (
        quotes.length > 0 && (
          <section data-section="quotes">
            <h3>{t(lang, 'quotes')}</h3>
            {quotes.map((quote) => <QuoteItem key={quote.id} lang={lang} quote={quote} />)}
          </section>
        )
      )}
      <footer>
        <button type="button" class="open" onClick={props.onOpenFull}>
          {card.quoteCount > POPOVER_QUOTES ? t(lang, 'openAll', card.quoteCount) : t(lang, 'openCard')} →
        </button>
        {props.onAddArticle && <AddArticleButton lang={lang} onAdd={props.onAddArticle} />}
      </footer>
    </div>
  );
}
