import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { SavedQuoteView } from '../../protocol/views';
import { t } from '../../i18n/i18n';
import { QuoteFigure, QuoteItem } from '../QuoteItem';
import { CopyButton } from './CardView';
import type { PopupEnv, Route } from './env';
import type { Saves } from './saves';

interface ItemProps {
  env: PopupEnv;
  saved: SavedQuoteView;
  onRemove(): void;
  go(route: Route): void;
}

function SavedItem({ env, saved, onRemove, go }: ItemProps) {
  const lang = env.settings.language;
  const remove = (
    <button type="button" class="link remove" onClick={onRemove}>
      {t(lang, 'removeSaved')}
    </button>
  );
  if (saved.quote !== null) {
    const quote = saved.quote;
    return (
      <QuoteItem lang={lang} quote={quote}>
        <div class="actions">
          <button type="button" class="link" onClick={() => go({ view: 'source', quote: quote.id })}>
            {t(lang, 'viewSource')}
          </button>
          <CopyButton env={env} quote={quote} />
          {remove}
        </div>
      </QuoteItem>
    );
  }
  const snapshot = saved.snapshot;
  const gone = <p class="gone-note">{t(lang, snapshot ? 'savedGone' : 'savedGoneEmpty')}</p>;
  if (snapshot === null) {
    return (
      <figure class="quote gone">
        {gone}
        <div class="actions">{remove}</div>
      </figure>
    );
  }
  return (
    <QuoteFigure lang={lang} class="gone" top={gone} words={snapshot.text} speaker={snapshot.speaker ?? t(lang, 'unknownSpeaker')} date={snapshot.date} source={snapshot.source}>
      <div class="actions">{remove}</div>
    </QuoteFigure>
  );
}

/** The Saved tab: what the user kept, newest first, including quotes a newer index no longer has. */
export function SavedView({ env, saves, go }: { env: PopupEnv; saves: Saves; go(route: Route): void }) {
  const lang = env.settings.language;
  const section = useRef<HTMLElement>(null);
  const removedAt = useRef<number | null>(null);

  // Another popup may have changed the list since, or a new index the quotes.
  useEffect(() => saves.refresh(), []);

  // A removed item takes its focused button with it: focus moves to the next one, or to the heading,
  // in the same commit (a layout effect), so a key pressed between the render and a later effect never lands on the body.
  useLayoutEffect(() => {
    const at = removedAt.current;
    const focused = document.activeElement;
    if (at === null || (focused !== null && focused !== document.body)) return;
    removedAt.current = null;
    const buttons = section.current?.querySelectorAll<HTMLElement>('button.remove');
    (buttons?.[Math.min(at, buttons.length - 1)] ?? section.current?.querySelector<HTMLElement>('h2'))?.focus();
  }, [saves.list]);

  if (saves.list === null) {
    return saves.loadError !== null ? (
      <p class="notice error" role="alert">
        {t(lang, 'loadFailed', saves.loadError)}
      </p>
    ) : (
      <p class="notice" aria-busy="true">
        {t(lang, 'loading')}
      </p>
    );
  }
  return (
    <section class="saved" ref={section} aria-labelledby="saved-title">
      <h2 id="saved-title" tabIndex={-1}>
        {t(lang, 'savedTitle')}
      </h2>
      {saves.list.length === 0 ? (
        <p class="saved-empty">{t(lang, 'savedEmpty')}</p>
      ) : (
        <ol class="saved-list">
          {saves.list.map((saved, i) => (
            <li key={saved.quoteId}>
              <SavedItem
                env={env}
                saved={saved}
                go={go}
                onRemove={() => {
                  removedAt.current = i;
                  saves.remove(saved.quoteId);
                }}
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
