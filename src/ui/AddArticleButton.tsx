import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import type { AddThisPageAnswer } from '../reading/article';
import type { UiLanguage } from '../settings/settings';

/** What adding the page answered, in the reader's words: the same lines as the popup's. */
export function addAnswerText(lang: UiLanguage, answer: AddThisPageAnswer): string {
  if (!answer.ok) return t(lang, 'addFailed', answer.error);
  return t(lang, answer.replaced ? 'pageUpdated' : 'pageAdded', answer.document.title, answer.quotes);
}

type State = { step: 'idle' } | { step: 'adding' } | { step: 'done'; ok: boolean; text: string };

/** "Add this article" in the card's footer; it says what happened where the reader clicked. */
export function AddArticleButton({ lang, onAdd }: { lang: UiLanguage; onAdd(): Promise<AddThisPageAnswer> }) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const said = useRef<HTMLParagraphElement>(null);
  // The card scrolls; the answer is the last line of it, so bring it into sight.
  useEffect(() => said.current?.scrollIntoView?.({ block: 'nearest' }), [state]);
  async function add() {
    setState({ step: 'adding' });
    let answer: AddThisPageAnswer;
    try {
      answer = await onAdd();
    } catch (error) {
      answer = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    setState({ step: 'done', ok: answer.ok, text: addAnswerText(lang, answer) });
  }
  return (
    <div class="add-article">
      <button type="button" class="add" disabled={state.step === 'adding'} onClick={() => void add()}>
        {t(lang, state.step === 'adding' ? 'addingPage' : 'addThisArticle')}
      </button>
      {state.step === 'done' && (
        <p ref={said} class={state.ok ? 'added' : 'added failed'} role={state.ok ? 'status' : 'alert'}>
          {state.text}
        </p>
      )}
    </div>
  );
}
