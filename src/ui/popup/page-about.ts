import { formatDay, t } from '../../i18n/i18n';
import type { UiLanguage } from '../../settings/settings';

/**
 * The page context's evidence for a summit, as one line in the reader's
 * language. The content script writes each piece as a short tagged phrase
 * (`src/page/context.ts`: "title", "headline", "alias “…” ×2", "place “…”",
 * "participants a, b", "year 2018", "published 2018-07-17", "3 mentions"); the
 * phrases go through the `mentions` answer unchanged, so they are read here
 * rather than given a second shape. A phrase of another shape is shown as it
 * came, never dropped.
 */
export function evidenceLine(evidence: readonly string[], lang: UiLanguage, personName: (id: string) => string): string {
  return evidence.map((piece) => evidencePiece(piece, lang, personName)).join(' · ');
}

function evidencePiece(piece: string, lang: UiLanguage, personName: (id: string) => string): string {
  if (piece === 'title') return t(lang, 'aboutTitle');
  if (piece === 'headline') return t(lang, 'aboutHeadline');
  const forms = /^(?:alias|place) (.+)$/.exec(piece);
  if (forms) return forms[1]!;
  const participants = /^participants (.+)$/.exec(piece);
  if (participants) return t(lang, 'aboutParticipants', participants[1]!.split(', ').map(personName).join(', '));
  const year = /^year (\d{4})$/.exec(piece);
  if (year) return t(lang, 'aboutYear', year[1]!);
  const published = /^published (\d{4}-\d{2}-\d{2})$/.exec(piece);
  if (published) return t(lang, 'aboutPublished', formatDay(lang, published[1]!));
  const mentions = /^(\d+) mentions?$/.exec(piece);
  if (mentions) return t(lang, 'aboutMentions', mentions[1]!);
  return piece;
}
