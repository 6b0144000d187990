import { useEffect, useState } from 'preact/hooks';
import { validateMentionsAnswer, type MentionsAnswer } from '../../protocol/messages';
import type { Catalog } from '../../protocol/views';
import { formatRange, t } from '../../i18n/i18n';
import type { PopupEnv, Route } from './env';
import { evidenceLine } from './page-about';

/** What the active tab is about (its first context summit, with why), then what it mentions, most mentioned first. */
export function PageView({ env, catalog, go }: { env: PopupEnv; catalog: Catalog | null; go(route: Route): void }) {
  const lang = env.settings.language;
  const [answer, setAnswer] = useState<MentionsAnswer | null | undefined>(undefined);
  const [refused, setRefused] = useState<string | null>(null);

  useEffect(() => {
    // The answer comes from a page's content script: drawn only once the protocol's guard has checked and copied it.
    env.pageMentions().then(
      (raw) => {
        const valid = raw === null ? null : validateMentionsAnswer(raw);
        if (typeof valid === 'string') setRefused(valid);
        else setAnswer(valid);
      },
      () => setAnswer(null),
    );
  }, []);

  if (refused !== null) return <p class="notice error" role="alert">{t(lang, 'pageRefused', refused)}</p>;
  // Names come from the catalog: until it arrives, ids would show in their place.
  if (answer === undefined || (catalog === null && answer !== null && answer.mentions.length > 0)) {
    return <p class="notice" aria-busy="true">{t(lang, 'loading')}</p>;
  }
  if (answer === null) return <p class="notice">{t(lang, 'pageUnavailable')}</p>;
  if (answer.mentions.length === 0) return <p class="notice">{t(lang, 'pageNothing')}</p>;
  const people = new Map(catalog!.people.map((p) => [p.id, p.name]));
  const summits = new Map(catalog!.summits.map((s) => [s.id, `${s.title[lang]} · ${s.date.slice(0, 4)}`]));
  const about = answer.context?.summits[0];
  const aboutSummit = about === undefined ? undefined : catalog!.summits.find((s) => s.id === about.id);
  return (
    <>
      {about !== undefined && aboutSummit !== undefined && (
        <section class="page-about" aria-labelledby="page-about-heading">
          <h2 id="page-about-heading">{t(lang, 'aboutHeading')}</h2>
          <button type="button" class="about" onClick={() => go({ view: 'card', kind: 'summit', id: about.id })}>
            <span class="name">{aboutSummit.title[lang]}</span>
            <span class="when">{`${formatRange(lang, aboutSummit.date, aboutSummit.endDate)} · ${aboutSummit.placeNames[lang]}`}</span>
            {about.reasons !== undefined && about.reasons.length > 0 && (
              <span class="evidence">{evidenceLine(about.reasons, lang, (id) => people.get(id) ?? id)}</span>
            )}
          </button>
        </section>
      )}
      <ul class="mentions" aria-label={t(lang, 'tabPage')}>
        {answer.mentions.map((m) => (
          <li key={`${m.kind}:${m.id}`}>
            <button type="button" class="mention" onClick={() => go({ view: 'card', kind: m.kind, id: m.id })}>
              <span class="kind">{t(lang, m.kind === 'person' ? 'person' : 'summit')}</span>
              <span class="name">{(m.kind === 'person' ? people.get(m.id) : summits.get(m.id)) ?? m.id}</span>
              <span class="forms">{m.forms.join(', ')}</span>
              <span class="count">{t(lang, 'mentionCount', m.count)}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
