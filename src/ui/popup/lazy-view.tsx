import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import type { UiLanguage } from '../../settings/settings';

/**
 * A view whose code is fetched from the package the first time it is shown,
 * so the popup's first paint does not parse views most openings never show
 * (decision 0077). The module is loaded once per popup; a failed load is
 * shown, and the next showing tries again.
 */
export function lazyView<P extends object>(load: () => Promise<FunctionComponent<P>>, language: (props: P) => UiLanguage): FunctionComponent<P> {
  let loaded: FunctionComponent<P> | null = null;
  let loading: Promise<FunctionComponent<P>> | null = null;
  return function LazyView(props: P) {
    const [View, setView] = useState<FunctionComponent<P> | null>(() => loaded);
    const [error, setError] = useState<string | null>(null);
    useEffect(() => {
      if (View) return;
      let shown = true;
      const attempt = (loading ??= load());
      attempt.then(
        (view) => {
          loaded = view;
          if (shown) setView(() => view);
        },
        (e: unknown) => {
          if (loading === attempt) loading = null;
          if (shown) setError(e instanceof Error ? e.message : String(e));
        },
      );
      return () => {
        shown = false;
      };
    }, []);
    const lang = language(props);
    if (View) return <View {...props} />;
    if (error !== null) return <p class="notice error" role="alert">{t(lang, 'loadFailed', error)}</p>;
    return <p class="notice" aria-busy="true">{t(lang, 'loading')}</p>;
  };
}
