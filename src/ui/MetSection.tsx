import type { PersonRef, SummitRef } from '../protocol/views';
import { formatDay, t } from '../i18n/i18n';
import type { UiLanguage } from '../settings/settings';

export interface MetProps {
  lang: UiLanguage;
  person: PersonRef;
  summits: SummitRef[];
  /** Opens a summit's card; without it the dates are plain text. */
  onOpenSummit?(id: string): void;
}

/** "Met Joe Biden once: 16/6/2021", each date a way to that summit's card. */
export function MetSection(props: MetProps) {
  const { lang, person, summits, onOpenSummit } = props;
  const count = summits.length === 1 ? t(lang, 'metOnce', person.name) : t(lang, 'metTimes', person.name, summits.length);
  return (
    <section data-section="met">
      <h3>{t(lang, 'metHeading')}</h3>
      <p class="line">{count}</p>
      <ul class="met-dates">
        {summits.map((s) => {
          const date = formatDay(lang, s.date);
          return (
            <li key={s.id}>
              {onOpenSummit ? (
                <button type="button" class="met-date" title={s.title[lang]} aria-label={t(lang, 'openSummitCard', `${date}, ${s.title[lang]}`)} onClick={() => onOpenSummit(s.id)}>
                  <time dateTime={s.date}>{date}</time>
                </button>
              ) : (
                <time dateTime={s.date} title={s.title[lang]}>{date}</time>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
