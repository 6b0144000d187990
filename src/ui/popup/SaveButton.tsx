import { t } from '../../i18n/i18n';
import { quoteWordsId } from '../QuoteItem';
import type { UiLanguage } from '../../settings/settings';
import type { Saves } from './saves';

/**
 * The save toggle on a quote. Its name stays "Save" in both states, as a
 * toggle button's must; `aria-pressed`, the filled star and the hint tell
 * whether the quote is saved.
 */
export function SaveButton({ lang, saves, id }: { lang: UiLanguage; saves: Saves; id: string }) {
  const saved = saves.has(id);
  return (
    <button
      type="button"
      class="save"
      aria-pressed={saved}
      // Screen readers reach the toggle before the words (it floats beside them): it names them.
      aria-describedby={quoteWordsId(id)}
      title={t(lang, saved ? 'unsaveHint' : 'saveHint')}
      onClick={(e) => {
        // Inside a search result, whose click opens the source.
        e.stopPropagation();
        if (saved) saves.remove(id);
        else saves.save(id);
      }}
    >
      <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">
        <path d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z" />
      </svg>
      {t(lang, 'saveQuote')}
    </button>
  );
}
