import { useEffect, useRef, useState } from 'preact/hooks';
import { USER_FILE_NAME, type ReadingArticleSummary } from '../../reading/article';
import type { QuoteView } from '../../protocol/views';
import { formatDay, t } from '../../i18n/i18n';
import { QuoteItem } from '../QuoteItem';
import type { PopupEnv, Route } from './env';

const quoteCount = (lang: PopupEnv['settings']['language'], n: number) => (n === 1 ? t(lang, 'readingQuoteOne') : t(lang, 'readingQuoteCount', n));

type Note = { kind: 'status' | 'error'; text: string } | null;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

interface CorrectProps {
  env: PopupEnv;
  quote: QuoteView;
  onDone(quote: QuoteView | null): void;
}

/**
 * Corrects a quote's speaker or date by hand. An empty field leaves that one
 * to the extraction; the correction is stored apart, so extracting the
 * article again keeps it.
 */
function CorrectForm({ env, quote, onDone }: CorrectProps) {
  const lang = env.settings.language;
  const [speaker, setSpeaker] = useState(quote.corrected?.speaker ? (quote.speaker?.name ?? quote.speakerName ?? '') : '');
  const [date, setDate] = useState(quote.corrected?.date ? (quote.date ?? '') : '');
  const [error, setError] = useState<string | null>(null);
  const current = quote.speaker?.name ?? quote.speakerName ?? t(lang, 'unknownSpeaker');

  async function send(nextSpeaker: string | null, nextDate: string | null) {
    try {
      onDone(await env.ask({ type: 'correctQuote', id: quote.id, speaker: nextSpeaker, date: nextDate }));
    } catch (e) {
      setError(t(lang, 'correctFailed', message(e)));
    }
  }

  function save(event: Event) {
    event.preventDefault();
    const who = speaker.trim() === '' ? null : speaker.trim();
    const when = date === '' ? null : date;
    if (who === null && when === null) setError(t(lang, 'correctNothing'));
    else void send(who, when);
  }

  return (
    <form class="correct-form" onSubmit={save}>
      <label>
        {t(lang, 'correctSpeaker')}
        <input type="text" name="speaker" maxLength={120} placeholder={current} value={speaker} onInput={(e) => setSpeaker((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <label>
        {t(lang, 'correctDate')}
        <input type="date" name="date" value={date} onInput={(e) => setDate((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <div class="actions">
        <button type="submit" class="primary correct-save">
          {t(lang, 'correctSave')}
        </button>
        <button type="button" class="link correct-cancel" onClick={() => onDone(null)}>
          {t(lang, 'correctCancel')}
        </button>
        {quote.corrected && (
          <button type="button" class="link correct-undo" onClick={() => void send(null, null)}>
            {t(lang, 'correctUndo')}
          </button>
        )}
      </div>
      {error !== null && (
        <p class="notice error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function ArticleQuotes({ env, id, go }: { env: PopupEnv; id: string; go(route: Route): void }) {
  const lang = env.settings.language;
  const [quotes, setQuotes] = useState<QuoteView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState<string | null>(null);
  useEffect(() => {
    env.ask({ type: 'readingQuotes', id }).then(setQuotes, (e: unknown) => setError(message(e)));
  }, [id]);
  if (error !== null) return <p class="notice error">{t(lang, 'loadFailed', error)}</p>;
  if (quotes === null) return <p class="notice" aria-busy="true">{t(lang, 'loading')}</p>;
  const done = (next: QuoteView | null) => {
    if (next) setQuotes(quotes.map((q) => (q.id === next.id ? next : q)));
    setCorrecting(null);
  };
  return (
    <ol class="reading-quotes">
      {quotes.map((quote) => (
        <li key={quote.id} data-quote={quote.id}>
          <QuoteItem lang={lang} quote={quote}>
            <div class="actions">
              <button type="button" class="link" onClick={() => go({ view: 'source', quote: quote.id })}>
                {t(lang, 'viewSource')}
              </button>
              <button type="button" class="link correct" aria-expanded={correcting === quote.id} onClick={() => setCorrecting(correcting === quote.id ? null : quote.id)}>
                {t(lang, 'correctQuote')}
              </button>
            </div>
            {correcting === quote.id && <CorrectForm env={env} quote={quote} onDone={done} />}
          </QuoteItem>
        </li>
      ))}
    </ol>
  );
}

interface ItemProps {
  env: PopupEnv;
  article: ReadingArticleSummary;
  onRemove(): void;
  onReextract(): void;
  go(route: Route): void;
  /** Counts the list's reloads. */
  generation: number;
}

function ArticleItem({ env, article, onRemove, onReextract, go, generation }: ItemProps) {
  const lang = env.settings.language;
  const [open, setOpen] = useState(false);
  return (
    <article class="reading-item" data-id={article.id}>
      <h3 class="reading-name">{article.title}</h3>
      <p class="reading-meta">
        <span class="reading-site">{article.site ?? t(lang, 'unknownOutlet')}</span>
        {' · '}
        {article.published === null ? <span class="date">{t(lang, 'dateNotStated')}</span> : <time class="date" dateTime={article.published}>{formatDay(lang, article.published)}</time>}
        {' · '}
        <span class="reading-count">{quoteCount(lang, article.quotes)}</span>
      </p>
      {article.truncated && <p class="reading-note">{t(lang, 'readingTruncated')}</p>}
      <div class="actions">
        {article.quotes > 0 && (
          <button type="button" class="link quotes-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
            {quoteCount(lang, article.quotes)} {open ? '▴' : '▾'}
          </button>
        )}
        <a class="link original" href={article.url} target="_blank" rel="noopener noreferrer">
          {t(lang, 'openOriginal')}
        </a>
        <button type="button" class="link reextract" onClick={onReextract}>
          {t(lang, 'reextractArticle')}
        </button>
        <button type="button" class="link remove" onClick={onRemove}>
          {t(lang, 'removeArticle')}
        </button>
      </div>
      {/* Keyed by the list's generation, so quotes shown before an extraction are read again after it. */}
      {open && <ArticleQuotes key={generation} env={env} id={article.id} go={go} />}
    </article>
  );
}

/** "Your articles": add the page in the tab, list what was added, open, remove, export and import. */
export function ReadingView({ env, go }: { env: PopupEnv; go(route: Route): void }) {
  const lang = env.settings.language;
  const [articles, setArticles] = useState<ReadingArticleSummary[] | null>(null);
  const [generation, setGeneration] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);
  const file = useRef<HTMLInputElement>(null);

  const refresh = () =>
    env.ask({ type: 'readingList' }).then(
      (list) => {
        setArticles(list);
        setGeneration((g) => g + 1);
        setLoadError(null);
      },
      (e: unknown) => setLoadError(message(e)),
    );
  useEffect(() => void refresh(), []);

  async function add() {
    if (env.activeTab === null) {
      setNote({ kind: 'error', text: t(lang, 'noPageToAdd') });
      return;
    }
    setBusy(true);
    setNote({ kind: 'status', text: t(lang, 'addingPage') });
    try {
      const answer = await env.addThisPage();
      if (answer.ok) setNote({ kind: 'status', text: t(lang, answer.replaced ? 'pageUpdated' : 'pageAdded', answer.document.title, answer.quotes) });
      else setNote({ kind: 'error', text: t(lang, 'addFailed', answer.error) });
    } catch (e) {
      setNote({ kind: 'error', text: t(lang, 'addFailed', message(e)) });
    } finally {
      setBusy(false);
      await refresh();
    }
  }

  async function remove(id: string) {
    try {
      await env.ask({ type: 'removeArticle', id });
      setNote(null);
    } catch (e) {
      setNote({ kind: 'error', text: t(lang, 'removeFailed', message(e)) });
    }
    await refresh();
  }

  async function reextract(id: string) {
    try {
      const answer = await env.ask({ type: 'reextractArticle', id });
      setNote({ kind: 'status', text: t(lang, 'reextracted', answer.document.title, answer.quotes) });
    } catch (e) {
      setNote({ kind: 'error', text: t(lang, 'reextractFailed', message(e)) });
    }
    await refresh();
  }

  async function exportFile() {
    try {
      const text = await env.ask({ type: 'exportUserData' });
      env.download(USER_FILE_NAME, text);
      setNote({ kind: 'status', text: t(lang, 'exported', articles?.length ?? 0, USER_FILE_NAME) });
    } catch (e) {
      setNote({ kind: 'error', text: t(lang, 'exportFailed', message(e)) });
    }
  }

  async function importFile(chosen: File | undefined) {
    if (!chosen) return;
    try {
      const summary = await env.ask({ type: 'importUserData', text: await chosen.text() });
      setNote({ kind: 'status', text: t(lang, 'imported', summary.documents, summary.quotes, summary.saved) });
    } catch (e) {
      setNote({ kind: 'error', text: t(lang, 'importFailed', message(e)) });
    } finally {
      if (file.current) file.current.value = '';
      await refresh();
    }
  }

  return (
    <section class="reading" aria-labelledby="reading-title">
      <h2 id="reading-title">{t(lang, 'readingTitle')}</h2>
      <p class="reading-intro">{t(lang, 'readingIntro')}</p>
      <div class="reading-controls">
        <button type="button" class="primary add-page" disabled={busy} onClick={() => void add()}>
          {t(lang, 'addThisPage')}
        </button>
        <button type="button" class="link export" onClick={() => void exportFile()}>
          {t(lang, 'exportUserData')}
        </button>
        <label class="link import">
          {t(lang, 'importUserData')}
          <input ref={file} type="file" accept=".jsonl,application/jsonl,text/plain" onChange={(e) => void importFile((e.currentTarget as HTMLInputElement).files?.[0])} />
        </label>
      </div>
      {note !== null && (
        <p class={note.kind === 'error' ? 'notice error reading-note-line' : 'notice reading-note-line'} role={note.kind === 'error' ? 'alert' : 'status'}>
          {note.text}
        </p>
      )}
      {loadError !== null && (
        <p class="notice error" role="alert">
          {t(lang, 'loadFailed', loadError)}
        </p>
      )}
      {articles !== null &&
        (articles.length === 0 ? (
          <p class="reading-empty">{t(lang, 'readingEmpty')}</p>
        ) : (
          <ol class="reading-list">
            {articles.map((article) => (
              <li key={article.id}>
                <ArticleItem env={env} article={article} go={go} generation={generation} onRemove={() => void remove(article.id)} onReextract={() => void reextract(article.id)} />
              </li>
            ))}
          </ol>
        ))}
    </section>
  );
}
