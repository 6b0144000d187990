import type { PersonAtSummit, QuoteView, SummitRef } from '../protocol/views';
import type { PageDay } from '../popover/relative-day';
import { formatDay, formatRange, t } from '../i18n/i18n';
import type { UiLanguage } from '../settings/settings';
import { QuoteItem } from './QuoteItem';

/** The person's role at the summit as the gazetteer gives it; "not stated" rather than a guess. */
export function roleLine(lang: UiLanguage, place: PersonAtSummit): string {
  const titles = place.offices.map((o) => o.title[lang]).join(' · ');
  if (place.participant) return t(lang, 'roleThere', titles || t(lang, 'roleParticipantUnstated'));
  return t(lang, 'roleThere', titles ? t(lang, 'roleNotStatedThen', titles) : t(lang, 'roleNotStated'));
}

/** "This article: 16/8/2025, the day after the summit"; null when the page states no day. */
export function pageDayLine(lang: UiLanguage, published: string | null, day: PageDay | null): string | null {
  if (published === null || day === null) return null;
  const date = formatDay(lang, published);
  switch (day.kind) {
    case 'same':
      return t(lang, 'pageDaySame', date);
    case 'during':
      return t(lang, 'pageDayDuring', date);
    case 'after':
      return day.days === 1 ? t(lang, 'pageDayAfterOne', date) : t(lang, 'pageDayAfter', date, day.days);
    case 'before':
      return day.days === 1 ? t(lang, 'pageDayBeforeOne', date) : t(lang, 'pageDayBefore', date, day.days);
    case 'far':
      return t(lang, 'pageDayFar', date);
  }
}

export interface PageSummitProps {
  lang: UiLanguage;
  summit: SummitRef;
  place: PersonAtSummit | null;
  published: string | null;
  pageDay: PageDay | null;
  quotes: QuoteView[];
}

/**
 * The summit the page is about, first on a person card: its facts, the
 * person's role and counterpart there, where the article falls, then what was
 * said there, or, when the corpus has nothing from it, who took part and what
 * came of it.
 */
export function PageSummitSection(props: PageSummitProps) {
  const { lang, summit, place, quotes } = props;
  const day = pageDayLine(lang, props.published, props.pageDay);
  return (
    <section class="page-summit" data-section="page-summit">
      <h3>{t(lang, 'pageSummit')}</h3>
      <p class="facts">
        <strong>{summit.title[lang]}</strong> · <time dateTime={summit.date}>{formatRange(lang, summit.date, summit.endDate)}</time> · {summit.placeNames[lang]}
      </p>
      {place !== null && <p class="line" data-line="role">{roleLine(lang, place)}</p>}
      {place !== null && place.counterparts.length > 0 && (
        <p class="line" data-line="counterpart">{t(lang, 'counterpart', place.counterparts.map((p) => p.name).join(', '))}</p>
      )}
      {day !== null && <p class="line muted" data-line="page-day">{day}</p>}
      {quotes.length > 0 ? (
        <div class="summit-quotes">{quotes.map((quote) => <QuoteItem key={quote.id} lang={lang} quote={quote} />)}</div>
      ) : (
        <>
          <p class="muted line" data-line="no-quotes">{t(lang, 'noQuotesAtSummit')}</p>
          {place !== null && place.participants.length > 0 && (
            <p class="line" data-line="participants">{t(lang, 'participantsList', place.participants.map((p) => p.name).join(', '))}</p>
          )}
          {place?.outcome && <p class="line" data-line="outcome">{t(lang, 'outcome', place.outcome[lang])}</p>}
        </>
      )}
    </section>
  );
}
