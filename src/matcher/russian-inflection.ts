/**
 * Case forms of Russian proper names and place names from their nominative,
 * by the ending of each word, so that `Путина`, `Лавровым`, `на Аляске` and
 * `в Анкоридже` are found from the one form the gazetteer holds.
 *
 * API (also used by the content script):
 * - `declineRussian(nominative, options)` → the six case forms of the phrase;
 * - `russianCaseForms(nominative, options)` → the distinct forms, nominative first.
 *
 * Every word of a multi-word phrase takes the same case (`Владимир Путин` →
 * `Владимира Путина`); in a hyphenated word only the last part declines
 * (`Нью-Йорк` → `Нью-Йорка`). Words ending in -о, -и, -у, -ю, -е, -э or in a
 * non-Cyrillic letter are indeclinable (`Хельсинки`, `Шойгу`, `Рютте`).
 *
 * Known limits of rules by ending: fleeting vowels (`Лев` → `Льва`) and stress
 * (`-ом` vs `-ём`) are not modelled; a woman's consonant-final surname
 * (`Камала Харрис`) stays unchanged only when `gender: 'f'` is passed or the
 * phrase itself ends in a feminine ending (`-ова`, `-ина`, `-ая`).
 */

export const RUSSIAN_CASES = ['nominative', 'genitive', 'dative', 'accusative', 'instrumental', 'prepositional'] as const;
export type RussianCase = (typeof RUSSIAN_CASES)[number];
export type RussianForms = Record<RussianCase, string>;

export interface DeclineOptions {
  /** People are animate (accusative = genitive for masculine names); places are not. */
  kind: 'person' | 'place';
  /** Inferred from the phrase's last word when absent. */
  gender?: 'm' | 'f';
}

type Endings = [gen: string, dat: string, acc: string, ins: string, prep: string];

const CYRILLIC_WORD = /^[А-Яа-яЁё]+$/;
const INDECLINABLE = /[оиуюеэы]$/;
const VELAR_OR_SIBILANT = /[гкхжшчщ]$/;
const SIBILANT_OR_TS = /[жшчщц]$/;
const FEMININE_SURNAME = /(?:ова|ева|ёва|ина|ына|ая|яя)$/;
const POSSESSIVE_SURNAME = /(?:ов|ев|ёв|ин|ын)$/;

export function declineRussian(nominative: string, options: DeclineOptions): RussianForms {
  const words = nominative.trim().split(/\s+/);
  const gender = options.gender ?? (FEMININE_SURNAME.test(words[words.length - 1]!.toLowerCase()) ? 'f' : 'm');
  const perWord = words.map((w, k) => declineCompound(w, { kind: options.kind, gender, surname: options.kind === 'person' && k === words.length - 1 }));
  const forms = {} as RussianForms;
  RUSSIAN_CASES.forEach((c, n) => {
    forms[c] = n === 0 ? words.join(' ') : perWord.map((e) => e[n - 1]!).join(' ');
  });
  return forms;
}

/** The distinct case forms of a phrase, nominative first. */
export function russianCaseForms(nominative: string, options: DeclineOptions): string[] {
  return [...new Set(Object.values(declineRussian(nominative, options)))];
}

interface WordContext {
  kind: DeclineOptions['kind'];
  gender: 'm' | 'f';
  /** The last word of a person's name, where -ов/-ин take the surname instrumental -ым. */
  surname: boolean;
}

function declineCompound(word: string, ctx: WordContext): string[] {
  const dash = word.lastIndexOf('-');
  const head = word.slice(0, dash + 1);
  return declineWord(word.slice(dash + 1), ctx).map((f) => head + f);
}

/** Genitive, dative, accusative, instrumental, prepositional of one word. */
function declineWord(word: string, ctx: WordContext): string[] {
  const lower = word.toLowerCase();
  if (!CYRILLIC_WORD.test(word) || word.length < 2 || INDECLINABLE.test(lower)) return same(word);
  const swap = (cut: number, endings: Endings) => endings.map((e) => word.slice(0, word.length - cut) + e);

  // Adjectival names and place words: Зеленский, Толстой, Белый, Зеленская, Красная.
  if (/(?:ская|цкая|ая)$/.test(lower)) return swap(2, ['ой', 'ой', 'ую', 'ой', 'ой']);
  if (/яя$/.test(lower)) return swap(2, ['ей', 'ей', 'юю', 'ей', 'ей']);
  if (/(?:ский|цкий|ький|[гкх]ий)$/.test(lower) && !(ctx.kind === 'person' && /[гх]ий$/.test(lower))) return adjective(word, 'и', ctx);
  if (ctx.kind === 'place' && /ний$/.test(lower)) return swap(2, ['его', 'ему', 'ий', 'им', 'ем']);
  if (/ый$/.test(lower) || (/ой$/.test(lower) && word.length > 3)) return adjective(word, VELAR_OR_SIBILANT.test(lower.slice(0, -2)) ? 'и' : 'ы', ctx);

  // First declension: Аляска, Женева, Захарова, Мария, Никита, Небензя.
  if (lower.endsWith('ия')) return swap(1, ['и', 'и', 'ю', 'ей', 'и']);
  if (lower.endsWith('я')) return swap(1, ['и', 'е', 'ю', 'ей', 'е']);
  if (lower.endsWith('а')) {
    if (ctx.gender === 'f' && ctx.surname && /(?:ов|ев|ёв|ин|ын)а$/.test(lower)) return swap(1, ['ой', 'ой', 'у', 'ой', 'ой']);
    const stem = lower.slice(0, -1);
    return swap(1, [VELAR_OR_SIBILANT.test(stem) ? 'и' : 'ы', 'е', 'у', SIBILANT_OR_TS.test(stem) ? 'ей' : 'ой', 'е']);
  }

  // A woman's surname without a feminine ending does not decline.
  if (ctx.gender === 'f' && ctx.kind === 'person') return same(word);

  // Second declension: Путин, Трамп, Анкоридж, Сергей, Дмитрий, Игорь, Кремль; Пермь is feminine.
  const animate = ctx.kind === 'person';
  if (lower.endsWith('ий')) return swap(1, ['я', 'ю', animate ? 'я' : 'й', 'ем', 'и']);
  if (lower.endsWith('й')) return swap(1, ['я', 'ю', animate ? 'я' : 'й', 'ем', 'е']);
  if (lower.endsWith('ь')) {
    if (ctx.kind === 'place' && !lower.endsWith('ль')) return swap(1, ['и', 'и', 'ь', 'ью', 'и']);
    return swap(1, ['я', 'ю', animate ? 'я' : 'ь', 'ем', 'е']);
  }
  const ins = ctx.surname && POSSESSIVE_SURNAME.test(lower) ? 'ым' : SIBILANT_OR_TS.test(lower) ? 'ем' : 'ом';
  return swap(0, ['а', 'у', animate ? 'а' : '', ins, 'е']);
}

function adjective(word: string, y: 'и' | 'ы', ctx: WordContext): string[] {
  const stem = word.slice(0, -2);
  return [stem + 'ого', stem + 'ому', ctx.kind === 'person' ? stem + 'ого' : word, stem + y + 'м', stem + 'ом'];
}

function same(word: string): string[] {
  return [word, word, word, word, word];
}
