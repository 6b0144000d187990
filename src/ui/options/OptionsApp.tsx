import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { DEFAULT_SETTINGS, DWELL_RANGE, normalizeSite, type MarkStyle, type Settings, type UiLanguage } from '../../settings/settings';

export interface OptionsEnv {
  settings: Settings;
  save(next: Settings): Promise<void>;
  shortcut: string | null;
}

const STYLES: MarkStyle[] = ['underline', 'background', 'none'];
const STYLE_LABEL = { underline: 'markUnderline', background: 'markBackground', none: 'markNone' } as const;

/** Every change saves at once: open tabs hear it through storage and update without a reload. */
export function OptionsApp({ env }: { env: OptionsEnv }) {
  const [settings, setSettings] = useState(env.settings);
  const [site, setSite] = useState('');
  const [siteError, setSiteError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const lang = settings.language;

  function update(next: Settings) {
    setSettings(next);
    setSaved(false);
    void env.save(next).then(() => setSaved(true));
  }

  function addSite(event: Event) {
    event.preventDefault();
    const host = normalizeSite(site);
    if (host === null || (!host.includes('.') && host !== 'localhost')) {
      setSiteError(t(lang, 'optInvalidSite', site));
      return;
    }
    setSiteError(null);
    setSite('');
    if (!settings.disabledSites.includes(host)) update({ ...settings, disabledSites: [...settings.disabledSites, host].sort() });
  }

  return (
    <main class="options">
      <h1>{t(lang, 'optionsTitle')}</h1>
      <section>
        <label class="row">
          <input type="checkbox" checked={settings.enabled} onChange={(e) => update({ ...settings, enabled: e.currentTarget.checked })} />
          {t(lang, 'optEnabled')}
        </label>
        {env.shortcut && <p class="hint">{t(lang, 'optShortcutHint', env.shortcut)}</p>}
      </section>
      <section>
        <label for="dwell">{t(lang, 'optDwell')}</label>
        <div class="row">
          <input
            id="dwell"
            type="range"
            min={DWELL_RANGE.min}
            max={1000}
            step={50}
            value={settings.dwellMs}
            onInput={(e) => update({ ...settings, dwellMs: Number(e.currentTarget.value) })}
          />
          <output for="dwell">{t(lang, 'optDwellValue', settings.dwellMs)}</output>
        </div>
      </section>
      <fieldset>
        <legend>{t(lang, 'optMarkStyle')}</legend>
        {STYLES.map((style) => (
          <label class="row" key={style}>
            <input type="radio" name="mark" value={style} checked={settings.markStyle === style} onChange={() => update({ ...settings, markStyle: style })} />
            <span class={`sample ${style}`}>{t(lang, STYLE_LABEL[style])}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t(lang, 'optDetect')}</legend>
        <label class="row">
          <input type="checkbox" checked={settings.detect.person} onChange={(e) => update({ ...settings, detect: { ...settings.detect, person: e.currentTarget.checked } })} />
          {t(lang, 'detectPeople')}
        </label>
        <label class="row">
          <input type="checkbox" checked={settings.detect.summit} onChange={(e) => update({ ...settings, detect: { ...settings.detect, summit: e.currentTarget.checked } })} />
          {t(lang, 'detectSummits')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t(lang, 'optReading')}</legend>
        <label class="row">
          <input type="checkbox" checked={settings.autoAdd} onChange={(e) => update({ ...settings, autoAdd: e.currentTarget.checked })} />
          {t(lang, 'optAutoAdd')}
        </label>
        <p class="hint">{t(lang, 'optAutoAddHint')}</p>
      </fieldset>
      <section>
        <label for="lang">{t(lang, 'optLanguage')}</label>
        <select id="lang" value={settings.language} onChange={(e) => update({ ...settings, language: e.currentTarget.value as UiLanguage })}>
          <option value="vi">{t(lang, 'langVi')}</option>
          <option value="en">{t(lang, 'langEn')}</option>
        </select>
      </section>
      <section>
        <h2>{t(lang, 'optSites')}</h2>
        {settings.disabledSites.length === 0 ? (
          <p class="hint">{t(lang, 'optSitesEmpty')}</p>
        ) : (
          <ul class="sites">
            {settings.disabledSites.map((host) => (
              <li key={host}>
                <span>{host}</span>
                <button
                  type="button"
                  class="link"
                  aria-label={t(lang, 'optRemoveSite', host)}
                  onClick={() => update({ ...settings, disabledSites: settings.disabledSites.filter((s) => s !== host) })}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <form class="row" onSubmit={addSite}>
          <input type="text" value={site} placeholder={t(lang, 'optAddSitePlaceholder')} onInput={(e) => setSite(e.currentTarget.value)} aria-label={t(lang, 'optSites')} />
          <button type="submit">{t(lang, 'optAddSite')}</button>
        </form>
        {siteError && <p class="error" role="alert">{siteError}</p>}
      </section>
      <section class="row">
        <button type="button" onClick={() => update({ ...DEFAULT_SETTINGS, language: settings.language })}>
          {t(lang, 'optReset')}
        </button>
        <span class="hint" role="status">{saved ? t(lang, 'optSaved') : ''}</span>
      </section>
    </main>
  );
}
