import { useEffect, useState } from 'preact/hooks';
import type { Catalog, DbStatus } from '../../protocol/views';
import { t } from '../../i18n/i18n';
import { isSiteDisabled, normalizeSite, toggleSite, type Settings } from '../../settings/settings';
import { CardView } from './CardView';
import type { PopupEnv, Route } from './env';
import { lazyView } from './lazy-view';
import { PageView } from './PageView';
import { SavedView } from './SavedView';
import { useSaves } from './saves';
import { SearchView } from './SearchView';
import { SourceView } from './SourceView';

// The views most openings never show load when first opened (decision 0077): the search, the page's mentions, saved quotes and cards come with the popup.
const ReadingView = lazyView(() => import('./ReadingView').then((m) => m.ReadingView), ({ env }) => env.settings.language);
const TimelineView = lazyView(() => import('./TimelineView').then((m) => m.TimelineView), ({ env }) => env.settings.language);

const STATUS_POLL_MS = 400;

function StatusNotice({ env, status }: { env: PopupEnv; status: DbStatus | null }) {
  const lang = env.settings.language;
  if (status === null || status.available) {
    return status?.state === 'failed' ? <p class="notice error" role="alert">{t(lang, 'dbFailed', status.error ?? '')}</p> : null;
  }
  if (status.state === 'failed') return <p class="notice error" role="alert">{t(lang, 'dbFailed', status.error ?? '')}</p>;
  return (
    <p class="notice" role="status">
      {t(lang, 'dbSeeding', Math.round(status.progress * 100))}
    </p>
  );
}

function SiteSwitch({ env, settings, onChange }: { env: PopupEnv; settings: Settings; onChange(next: Settings): void }) {
  const lang = settings.language;
  const url = env.activeTab?.url;
  const site = url ? normalizeSite(url) : null;
  if (!settings.enabled) return <p class="site off">{t(lang, 'globalOff')}</p>;
  if (site === null || !/^https?:/.test(url ?? '')) return null;
  const off = isSiteDisabled(settings, url!);
  return (
    <div class="site">
      <span>{t(lang, off ? 'siteOff' : 'siteOn', site)}</span>
      <button type="button" class="link" onClick={() => onChange(toggleSite(settings, url!))}>
        {t(lang, off ? 'turnOnSite' : 'turnOffSite')}
      </button>
    </div>
  );
}

export function PopupApp({ env, initial }: { env: PopupEnv; initial: Route }) {
  const [settings, setSettings] = useState(env.settings);
  const [route, setRoute] = useState<Route>(initial);
  const [history, setHistory] = useState<Route[]>([]);
  const [status, setStatus] = useState<DbStatus | null>(null);
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [hostAccess, setHostAccess] = useState(true);
  const saves = useSaves(env.ask);
  const lang = settings.language;
  const liveEnv = { ...env, settings };

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const poll = () => {
      env.ask({ type: 'status' }).then(
        (s) => {
          if (stopped) return;
          setStatus(s);
          if (s.available) env.ask({ type: 'catalog' }).then(setCatalog, () => undefined);
          else timer = setTimeout(poll, STATUS_POLL_MS);
        },
        (e: unknown) => {
          if (stopped) return;
          const error = e instanceof Error ? e.message : String(e);
          setStatus({ state: 'failed', progress: 0, error, hash: null, schemaVersion: 0, counts: { documents: 0, people: 0, summits: 0, quotes: 0 }, available: false, targetHash: null });
          timer = setTimeout(poll, STATUS_POLL_MS * 5);
        },
      );
    };
    poll();
    env.hasHostAccess().then(setHostAccess, () => undefined);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  function go(next: Route) {
    setHistory((h) => [...h, route]);
    setRoute(next);
  }

  function back() {
    const previous = history[history.length - 1];
    setHistory((h) => h.slice(0, -1));
    setRoute(previous ?? { view: 'search' });
  }

  function changeSettings(next: Settings) {
    setSettings(next);
    void env.saveSettings(next);
  }

  const tabs: { view: 'search' | 'page' | 'timeline' | 'saved'; label: string }[] = [
    { view: 'search', label: t(lang, 'tabSearch') },
    { view: 'page', label: t(lang, 'tabPage') },
    { view: 'timeline', label: t(lang, 'tabTimeline') },
    { view: 'saved', label: t(lang, 'tabSaved') },
  ];
  const isTab = tabs.some((tab) => tab.view === route.view) || route.view === 'reading';
  const savedCount = saves.list?.length ?? 0;

  return (
    <div class="popup">
      {/* Every part of the popup sits in a landmark: title, site switch and view tabs in the banner, the rest in main. */}
      <header>
        <div class="bar">
          <h1>Summit Lens</h1>
          <div class="bar-links">
            {/* Beside the tabs, not among them: four tabs are what fits a 400 px popup on one line. */}
            <button
              type="button"
              class="link reading-link"
              aria-current={route.view === 'reading' ? 'page' : undefined}
              onClick={() => {
                setHistory([]);
                setRoute({ view: 'reading' });
              }}
            >
              {t(lang, 'tabReading')}
            </button>
            <button type="button" class="link" onClick={() => env.openOptions()}>
              {t(lang, 'options')}
            </button>
          </div>
        </div>
        <SiteSwitch env={liveEnv} settings={settings} onChange={changeSettings} />
        <div class="tabs" role="tablist">
          {tabs.map((tab) => (
            <button
              type="button"
              role="tab"
              key={tab.view}
              aria-selected={route.view === tab.view}
              onClick={() => {
                setHistory([]);
                setRoute({ view: tab.view });
              }}
            >
              {tab.label}
              {tab.view === 'saved' && savedCount > 0 && <span class="badge">{savedCount}</span>}
            </button>
          ))}
        </div>
      </header>
      <main>
        {!hostAccess && (
          <div class="notice permission" role="alert">
            <p>{t(lang, 'permissionNeeded')}</p>
            <button type="button" class="primary" onClick={() => env.requestHostAccess().then(setHostAccess, () => undefined)}>
              {t(lang, 'grantPermission')}
            </button>
          </div>
        )}
        <StatusNotice env={liveEnv} status={status} />
        {saves.changeError !== null && (
          <p class="notice error" role="alert">
            {t(lang, 'saveFailed', saves.changeError)}
          </p>
        )}
        {!isTab && (
          <button type="button" class="link back" onClick={back}>
            ← {t(lang, 'back')}
          </button>
        )}
        {route.view === 'search' && <SearchView env={liveEnv} catalog={catalog} saves={saves} initialQuery={route.query ?? ''} go={go} />}
        {route.view === 'page' && <PageView env={liveEnv} catalog={catalog} go={go} />}
        {route.view === 'timeline' && <TimelineView env={liveEnv} catalog={catalog} go={go} />}
        {route.view === 'saved' && <SavedView env={liveEnv} saves={saves} go={go} />}
        {route.view === 'reading' && <ReadingView env={liveEnv} go={go} />}
        {route.view === 'card' && <CardView key={`${route.kind}:${route.id}`} env={liveEnv} saves={saves} kind={route.kind} id={route.id} go={go} />}
        {route.view === 'source' && <SourceView key={route.quote} env={liveEnv} saves={saves} quote={route.quote} go={go} />}
      </main>
    </div>
  );
}
