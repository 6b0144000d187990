import type { Lexicon, LexiconEntry } from '../schema/lexicon';
import { foldForm } from './normalize';
import { russianCaseForms } from './russian-inflection';

const CYRILLIC = /[\u0400-\u04ff]/;
/** Мелания, Иванка, Лара: Russian women's first names end in -а or -я. */
const FEMININE_FIRST_NAME = /[ая]$/;

/**
 * The lexicon with every Russian name and place in all its cases, so a page
 * that writes `Путина`, `с Трампом`, `в Анкоридже` or `на Аляске` is read as
 * one that writes the nominative the gazetteer holds. Case forms come from
 * the one inflection module the pipeline uses too (russian-inflection.ts),
 * never typed per name. A case form keeps its entry's strength: `Путина` is
 * short and must be capitalised like `Путин`; `Анкоридже` is a place and
 * needs the same summit evidence as `Анкоридж`. Distractors decline too, a
 * woman's by her first name's ending (`Мелании Трамп`, the surname unchanged),
 * or `Трамп` in "встреча с Мелании Трамп" would be him. Summit aliases are
 * phrases (`саммит в Хельсинки`) whose words do not all decline: they stay
 * as written.
 */
export function withRussianCases(lexicon: Lexicon): Lexicon {
  if (lexicon.declined) return lexicon;
  const have = new Set(lexicon.entries.map((e) => `${e.kind}:${e.id}:${foldForm(e.form)}`));
  const added: LexiconEntry[] = [];
  for (const entry of lexicon.entries) {
    if (!CYRILLIC.test(entry.form)) continue;
    const declinable = entry.kind === 'person' ? entry.strength === 'full' || entry.strength === 'short' : entry.strength === 'place';
    if (!declinable) continue;
    for (const form of russianCaseForms(entry.form, { kind: entry.kind === 'person' ? 'person' : 'place' })) {
      const key = `${entry.kind}:${entry.id}:${foldForm(form)}`;
      if (have.has(key)) continue;
      have.add(key);
      added.push({ ...entry, form });
    }
  }
  const distractors = new Set(lexicon.distractors);
  for (const distractor of lexicon.distractors) {
    if (!CYRILLIC.test(distractor)) continue;
    const gender = FEMININE_FIRST_NAME.test(distractor.trim().split(/\s+/)[0]!) ? 'f' : 'm';
    for (const form of russianCaseForms(distractor, { kind: 'person', gender })) distractors.add(form);
  }
  return { ...lexicon, entries: [...lexicon.entries, ...added], distractors: [...distractors], declined: true };
}
