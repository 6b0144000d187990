import type { Catalog } from '../../protocol/views';
import { formatDay, t } from '../../i18n/i18n';
import type { PopupEnv, Route } from './env';

/**
 * The summits on a vertical time axis, newest on top, one row each (decades
 * apart or days apart, every label stays readable), each row a link to its
 * card. An HTML list rather than a drawing: it reflows, so on a phone's
 * full-page popup the text keeps its size and each row its height instead of
 * a 560-unit picture scaled down to 8 px letters.
 */
export function TimelineView({ env, catalog, go }: { env: PopupEnv; catalog: Catalog | null; go(route: Route): void }) {
  const lang = env.settings.language;
  if (catalog === null) return <p class="notice" aria-busy="true">{t(lang, 'loading')}</p>;
  const summits = [...catalog.summits].sort((a, b) => b.date.localeCompare(a.date));
  const names = new Map(catalog.people.map((p) => [p.id, p.name]));
  return (
    <section class="timeline" aria-label={t(lang, 'timelineTitle')}>
      <h2>{t(lang, 'timelineTitle')}</h2>
      <ol class="timeline-list">
        {summits.map((s, i) => {
          const year = s.date.slice(0, 4);
          const newYear = i === 0 || summits[i - 1]!.date.slice(0, 4) !== year;
          const who = s.participants.map((p) => names.get(p) ?? p).join(' – ');
          return (
            <li key={s.id}>
              <span class="year" aria-hidden="true">
                {newYear ? year : ''}
              </span>
              <a
                href={`#card=summit:${s.id}`}
                data-summit={s.id}
                onClick={(e) => {
                  e.preventDefault();
                  go({ view: 'card', kind: 'summit', id: s.id });
                }}
              >
                <span class="point" aria-hidden="true" />
                <span class="title">{s.title[lang]}</span>
                <span class="meta">
                  {formatDay(lang, s.date)} · {who}
                </span>
              </a>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
