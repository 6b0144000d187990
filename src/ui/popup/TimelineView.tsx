import type { Catalog } from '../../protocol/views';
import { formatDay, t } from '../../i18n/i18n';
import type { PopupEnv, Route } from './env';

const WIDTH = 560;
const ROW = 34;
const AXIS_X = 64;

/**
 * The summits drawn on a vertical time axis, newest on top, one evenly spaced
 * row each (decades apart or days apart, every label stays readable), each
 * point a focusable link to its card: narrow popups have height to spare, not
 * width.
 */
export function TimelineView({ env, catalog, go }: { env: PopupEnv; catalog: Catalog | null; go(route: Route): void }) {
  const lang = env.settings.language;
  if (catalog === null) return <p class="notice" aria-busy="true">{t(lang, 'loading')}</p>;
  const summits = [...catalog.summits].sort((a, b) => b.date.localeCompare(a.date));
  const names = new Map(catalog.people.map((p) => [p.id, p.name]));
  const height = summits.length * ROW + 24;
  return (
    <section class="timeline" aria-label={t(lang, 'timelineTitle')}>
      <h2>{t(lang, 'timelineTitle')}</h2>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="list" aria-label={t(lang, 'timelineTitle')}>
        <line x1={AXIS_X} y1={8} x2={AXIS_X} y2={height - 8} class="axis" />
        {summits.map((s, i) => {
          const y = 20 + i * ROW;
          const year = s.date.slice(0, 4);
          const newYear = i === 0 || summits[i - 1]!.date.slice(0, 4) !== year;
          const who = s.participants.map((p) => names.get(p) ?? p).join(' – ');
          const label = `${s.title[lang]}, ${formatDay(lang, s.date)}, ${who}`;
          return (
            <g key={s.id} role="listitem">
              {newYear && (
                <text x={AXIS_X - 12} y={y + 4} text-anchor="end" class="year">
                  {year}
                </text>
              )}
              <a
                href={`#card=summit:${s.id}`}
                data-summit={s.id}
                onClick={(e) => {
                  e.preventDefault();
                  go({ view: 'card', kind: 'summit', id: s.id });
                }}
              >
                {/* The link's name (SVG's own <title>) reads the two drawn lines as one phrase, beginning with the visible title. */}
                <title>{label}</title>
                <circle cx={AXIS_X} cy={y} r={7} class="point" />
                <text x={AXIS_X + 16} y={y - 1} class="title">
                  {s.title[lang]}
                </text>
                <text x={AXIS_X + 16} y={y + 13} class="meta">
                  {formatDay(lang, s.date)} · {who}
                </text>
              </a>
            </g>
          );
        })}
      </svg>
    </section>
  );
}
