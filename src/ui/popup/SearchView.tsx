import { useEffect, useRef, useState } from 'preact/hooks';
import type { Catalog, SearchQuery, SearchResult } from '../../protocol/views';
import { t } from '../../i18n/i18n';
import { QuoteItem } from '../QuoteItem';
import type { PopupEnv, Route } from './env';
import { SaveButton } from './SaveButton';
import type { Saves } from './saves';

/** Searches a reader would try first; also shows that diacritics are optional. */
const SUGGESTIONS = ['hoa binh', 'Putin', 'Zelensky', 'thỏa thuận', 'Geneva', 'Moskva'];
const DEBOUNCE_MS = 120;

interface Props {
  env: PopupEnv;
  catalog: Catalog | null;
  saves: Saves;
  initialQuery: string;
  go(route: Route): void;
}

export function SearchView({ env, catalog, saves, initialQuery, go }: Props) {
  const lang = env.settings.language;
  const [text, setText] = useState(initialQuery);
  const [person, setPerson] = useState('');
  const [summit, setSummit] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => input.current?.focus(), []);

  useEffect(() => {
    const filtered = person !== '' || summit !== '' || from !== '' || to !== '';
    if (text.trim() === '' && !filtered) {
      setResult(null);
      return;
    }
    let stale = false;
    const query: SearchQuery = { text, limit: 50 };
    if (person) query.person = person;
    if (summit) query.summit = summit;
    if (from) query.from = from;
    if (to) query.to = to;
    const timer = setTimeout(() => {
      env.ask({ type: 'search', query }).then(
        (r) => {
          if (stale) return;
          setResult(r);
          setError(null);
          setActive(0);
        },
        (e: unknown) => !stale && setError(e instanceof Error ? e.message : String(e)),
      );
    }, DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [text, person, summit, from, to]);

  const hits = result?.hits ?? [];

  function onKeyDown(event: KeyboardEvent) {
    if (hits.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = (active + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
      setActive(next);
      list.current?.children[next]?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      const hit = hits[active];
      if (hit) go({ view: 'source', quote: hit.quote.id });
    }
  }

  return (
    <section class="search" aria-label={t(lang, 'tabSearch')}>
      <input
        ref={input}
        type="search"
        class="query"
        value={text}
        placeholder={t(lang, 'searchPlaceholder')}
        aria-label={t(lang, 'searchLabel')}
        aria-controls="results"
        aria-activedescendant={hits.length > 0 ? `hit-${active}` : undefined}
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <div class="filters">
        <label>
          {t(lang, 'filterPerson')}
          <select value={person} onChange={(e) => setPerson(e.currentTarget.value)}>
            <option value="">{t(lang, 'filterAny')}</option>
            {catalog?.people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        <label>
          {t(lang, 'filterSummit')}
          <select value={summit} onChange={(e) => setSummit(e.currentTarget.value)}>
            <option value="">{t(lang, 'filterAny')}</option>
            {catalog?.summits.map((s) => <option key={s.id} value={s.id}>{s.title[lang]} ({s.date.slice(0, 4)})</option>)}
          </select>
        </label>
        <label>
          {t(lang, 'filterFrom')}
          <input type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        </label>
        <label>
          {t(lang, 'filterTo')}
          <input type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        </label>
      </div>
      {error !== null && <p class="notice error" role="alert">{t(lang, 'loadFailed', error)}</p>}
      {result === null && error === null && (
        <div class="empty">
          <p>{t(lang, 'searchEmptyTitle')}:</p>
          <div class="chips">
            {SUGGESTIONS.map((s) => (
              <button type="button" key={s} class="chip" onClick={() => setText(s)}>
                {s}
              </button>
            ))}
          </div>
        </div>
      )}
      {result !== null && (
        <>
          {(result.people.length > 0 || result.summits.length > 0) && (
            <div class="entities">
              {result.people.map((p) => (
                <button type="button" key={p.id} class="chip entity" onClick={() => go({ view: 'card', kind: 'person', id: p.id })}>
                  {p.name}
                </button>
              ))}
              {result.summits.map((s) => (
                <button type="button" key={s.id} class="chip entity" onClick={() => go({ view: 'card', kind: 'summit', id: s.id })}>
                  {s.title[lang]} · {s.date.slice(0, 4)}
                </button>
              ))}
            </div>
          )}
          <p class="count" aria-live="polite">
            {result.total === 0 ? t(lang, 'searchNoResults', text) : t(lang, 'searchResultCount', result.total)}
          </p>
          {/* A plain list, not a listbox: an option's content is presentational, so the save toggle inside would be lost to
              assistive technology. Each result has its own button to the source; the whole row stays a click target for the mouse. */}
          <ol id="results" class="results" ref={list} aria-label={t(lang, 'quotes')}>
            {hits.map((hit, i) => (
              <li
                key={hit.quote.id}
                id={`hit-${i}`}
                aria-current={i === active ? 'true' : undefined}
                class={i === active ? 'active' : ''}
                onClick={() => go({ view: 'source', quote: hit.quote.id })}
                onMouseMove={() => setActive(i)}
              >
                <QuoteItem lang={lang} quote={hit.quote} highlights={hit.highlights} top={<SaveButton lang={lang} saves={saves} id={hit.quote.id} />}>
                  <div class="actions">
                    <button
                      type="button"
                      class="link"
                      onClick={(e) => {
                        e.stopPropagation();
                        go({ view: 'source', quote: hit.quote.id });
                      }}
                    >
                      {t(lang, 'viewSource')}
                    </button>
                  </div>
                </QuoteItem>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
