import { formatDay, t } from '../../i18n/i18n';
import type { EvidenceReason } from '../../protocol/messages';
import type { UiLanguage } from '../../settings/settings';

/**
 * The page context's evidence for a summit, as one line in the reader's
 * language, from the reasons the content script gives as data
 * (`src/page/context.ts`). Forms are shown as the page wrote them; the forms
 * of one kind that follow each other share a piece ("“Anchorage”, “Alaska”").
 */
export function evidenceLine(reasons: readonly EvidenceReason[], lang: UiLanguage, personName: (id: string) => string): string {
  const pieces: string[] = [];
  let formsOf: EvidenceReason['kind'] | null = null;
  for (const reason of reasons) {
    const text = reasonText(reason, lang, personName);
    const isForm = reason.kind === 'alias' || reason.kind === 'place';
    if (isForm && formsOf === reason.kind) pieces[pieces.length - 1] += `, ${text}`;
    else pieces.push(text);
    formsOf = isForm ? reason.kind : null;
  }
  return pieces.join(' · ');
}

function reasonText(reason: EvidenceReason, lang: UiLanguage, personName: (id: string) => string): string {
  switch (reason.kind) {
    case 'title':
      return t(lang, 'aboutTitle');
    case 'headline':
      return t(lang, 'aboutHeadline');
    case 'alias':
    case 'place':
      return reason.count > 1 ? `“${reason.form}” ×${reason.count}` : `“${reason.form}”`;
    case 'participants':
      return t(lang, 'aboutParticipants', reason.ids.map(personName).join(', '));
    case 'year':
      return t(lang, 'aboutYear', reason.year);
    case 'published':
      return t(lang, 'aboutPublished', formatDay(lang, reason.day));
    case 'mentions':
      return t(lang, 'aboutMentions', reason.count);
  }
}
