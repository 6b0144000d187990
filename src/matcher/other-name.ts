/**
 * "Tom Ford", "Hillary Clinton", "Chelsea Clinton": a bare surname right
 * after a capitalised word is usually the surname of whoever that word names,
 * not of the gazetteer's person with that surname. The exceptions are words
 * that put a title, not a name, before a surname (`President Trump`,
 * `Президент Путин`, `Ông Putin`), days and months (`On Monday Trump said`),
 * and the first word of a sentence, which is capitalised whatever it is
 * (`Встреча Путина с Трампом`; so "Tom Ford" opening a sentence is missed).
 * Vietnamese titles (`Tổng thống Trump`, `ông Putin`) end in a lower-case
 * word and never trigger the rule.
 */

const NOT_NAMES = new Set([
  // Titles and roles written before a surname (en, ru).
  'president', 'vice', 'prime', 'minister', 'secretary', 'senator', 'sen', 'governor', 'gov', 'mr', 'mrs', 'ms', 'dr',
  'general', 'gen', 'chancellor', 'envoy', 'ambassador', 'king', 'queen', 'pope', 'speaker', 'leader', 'chairman',
  'representative', 'rep', 'judge', 'justice', 'mayor', 'aide', 'adviser', 'advisor', 'spokesman', 'spokeswoman',
  'director', 'commander', 'colonel', 'admiral', 'former', 'then', 'candidate', 'nominee', 'says', 'said', 'and', 'but',
  'президент', 'премьер', 'министр', 'глава', 'госсекретарь', 'помощник', 'посол', 'лидер', 'сенатор', 'губернатор',
  'канцлер', 'спикер', 'экс', 'господин', 'генсек',
  'ông', 'bà', 'ngài', 'cựu', 'tân',
  // Days and months (en, ru).
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'понедельник', 'вторник', 'среду', 'среда', 'четверг', 'пятницу', 'пятница', 'субботу', 'суббота', 'воскресенье',
]);

const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;

/** Is the word ending right before `start` (one space away) a capitalised given name of someone else? */
export function afterOtherFirstName(text: string, start: number): boolean {
  if (start < 2 || text.charAt(start - 1) !== ' ') return false;
  let a = start - 1;
  while (a > 0 && (LETTER.test(text.charAt(a - 1)) || text.charAt(a - 1) === '-')) a--;
  const word = text.slice(a, start - 1);
  if (word.length < 2 || !UPPER.test(word.charAt(0)) || word === word.toUpperCase()) return false;
  if (NOT_NAMES.has(word.toLowerCase())) return false;
  if (russianPlaceBefore(text, a, word)) return false;
  // A sentence's first word is capitalised whatever it is (`Встреча Путина`, `Talks` …): only a capital inside a sentence says "name".
  return !opensSentence(text, a);
}

/**
 * `в Вашингтоне Рейган`, `на Аляске Трамп`: Russian puts a place in the
 * prepositional case before the subject. A capitalised word ending in -е/-и
 * right after в, во or на is that place, not a first name.
 */
function russianPlaceBefore(text: string, wordStart: number, word: string): boolean {
  if (!/^\p{Script=Cyrillic}+[еи]$/u.test(word) || wordStart < 3 || text.charAt(wordStart - 1) !== ' ') return false;
  let a = wordStart - 1;
  while (a > 0 && LETTER.test(text.charAt(a - 1))) a--;
  const preposition = text.slice(a, wordStart - 1).toLowerCase();
  return (preposition === 'в' || preposition === 'во' || preposition === 'на') && (a === 0 || !LETTER.test(text.charAt(a - 1)));
}

/** Does the word at `start` open its sentence (or its block), where a capital says nothing about it? */
export function opensSentence(text: string, start: number): boolean {
  let b = start;
  while (b > 0 && (text.charAt(b - 1) === ' ' || text.charAt(b - 1) === '\u00a0')) b--;
  return b === 0 || /[.!?…:;"“”«»(\n\r\t\-–—]/.test(text.charAt(b - 1));
}

/**
 * Titles after which machine-translated and hastily typed text leaves a
 * surname in lower case (`president putin`, `Mr. trump`): there the word can
 * only be the name. Not `Mrs`/`Ms` (a wife's or daughter's surname is not the
 * gazetteer man's) and not Vietnamese forms of address, which precede
 * capitalised names.
 */
const TITLES = new Set([
  'president', 'mr', 'secretary', 'minister', 'senator', 'sen', 'governor', 'gov', 'chancellor', 'envoy', 'premier',
  'президент', 'президента', 'президентом', 'президенту', 'министр', 'госсекретарь', 'господин', 'канцлер',
]);

/** Forms of address for a woman (en, vi, ru). */
const WOMAN_ADDRESS = new Set(['mrs', 'ms', 'madame', 'mme', 'bà', 'госпожа', 'г-жа']);

/** The word right before `start`, one space away, a dot after it allowed, lower-cased; '' when there is none. */
function wordRightBefore(text: string, start: number): string {
  let end = start;
  if (end > 0 && (text.charAt(end - 1) === ' ' || text.charAt(end - 1) === '\u00a0')) end--;
  else return '';
  if (end > 0 && text.charAt(end - 1) === '.') end--;
  let a = end;
  while (a > 0 && (LETTER.test(text.charAt(a - 1)) || (text.charAt(a - 1) === '-' && a - 1 > 0 && LETTER.test(text.charAt(a - 2))))) a--;
  return text.slice(a, end).toLowerCase();
}

/** Is the word right before `start` (one space away, a dot allowed) a title that makes a lower-case surname a name? */
export function afterTitle(text: string, start: number): boolean {
  return TITLES.has(wordRightBefore(text, start));
}

/**
 * `Mrs Trump`, `bà Trump`, `госпожа Трамп`: a woman of that surname. On a page
 * that names one (`Melania Trump`), she is who it means.
 */
export function afterWomanAddress(text: string, start: number): boolean {
  return WOMAN_ADDRESS.has(wordRightBefore(text, start));
}
