import type { QuoteKind } from './quote-kind';

/**
 * Quotations that are not speech even beside a speech verb: words cited as
 * words (`lẽ ra phải nói "không" thay vì "có"`, `the word "accepted"`,
 * `so-called "drone wall"`), nicknames (`называют «Зверем»`) and names of programmes, media, places and events
 * (`chương trình “Hannity”`, `заявил он "Интерфаксу"`, `на вилле «Ла Гранж»`).
 */
const WORD_CUE = /(?:(?<!dòng )chữ|(?<![\p{L}])từ|cụm từ|khái niệm|(?<![\p{L}])word(?: like)?|(?<![\p{L}])term|so-called|cái gọi là|слово|слова|термин|так называем\p{L}*)\s*$/iu;
const NAME_CUE =
  /(?:cuốn|chương trình|kênh|đài|mang tên|có tên|tựa đề|(?<![\p{L}])(?:program|programme|show|book|film)|телеканал\p{L}*|радиостанци\p{L}*|газет\p{L}*|журнал\p{L}*|агентств\p{L}*|форум\p{L}*|вилл\p{L}*|программ\p{L}*|книг\p{L}*|фильм\p{L}*)\s*$/iu;
/** A nickname is the writer's mark, not a title: `biệt danh “Quái thú”`, `называют «Зверем»`. */
const NICKNAME_CUE = /(?:biệt danh|biệt hiệu|nicknamed|dubbed|прозвали|прозвище|называ\p{L}*)\s*$/iu;
const YES_NO = /^(?:không|có|yes|no|да|нет)$/iu;
/** One to three capitalised words or numbers and nothing else: a name (`Россия 1`, `Ла Гранж`, `Hannity`). */
const PROPER = /^\p{Lu}[\p{L}\d'’.-]*(?: (?:\p{Lu}[\p{L}\d'’.-]*|\d+)){0,2}$/u;

/** The kind of a quotation the words around it show is not speech, or null. `before`: the text of its sentence up to the mark. */
export function citedKind(before: string, words: string): Exclude<QuoteKind, 'speech'> | null {
  const near = before.slice(-30);
  if (YES_NO.test(words.trim()) || WORD_CUE.test(near) || NICKNAME_CUE.test(near)) return 'scare';
  if (NAME_CUE.test(near) || (PROPER.test(words.trim()) && !/:\s*$/u.test(near))) return 'title';
  return null;
}
