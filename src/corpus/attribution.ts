import type { Mention } from './names';
import type { QuoteSpan } from './quote-marks';
import type { Range } from './sentences';
import { findSpeechVerbs, type VerbHit } from './speech-verbs';
import { leadingLookbehind } from './lookbehind';

/**
 * Who a speech verb belongs to, read from the words before it in its clause.
 *  - `person`: a mention (name, epithet, role or pronoun) is the subject;
 *  - `implicit`: the clause has no subject (`…, nói rằng`, `nhưng thêm rằng`),
 *    so it is the sentence's speaker;
 *  - `unknown`: someone the gazetteer does not know (`Người phát ngôn Peskov
 *    cho biết`, `các quan chức cho biết`) — never to be guessed.
 */
export type Subject = { type: 'person'; mention: Mention } | { type: 'implicit' } | { type: 'unknown' };

/**
 * Verbs whose subject may follow them: `said Lavrov`, `according to the
 * minister`, `— заявил Путин`, `по словам Лаврова`. Vietnamese puts the
 * subject first, and `told`/`nói với` are followed by whom they address.
 */
const INVERTS = /^(?:said|says|added|adds|wrote|writes|asked|noted|insisted|stressed|explained|replied|responded|answered|warned|according to|[\u0400-\u04FF][\u0400-\u04FF ]*)$/iu;
/** What may stand between an inverting verb and its subject: `the`, and a title the gazetteer does not list (`said Sen. Thomas Harlan`, `said Majority Leader X`). */
const INVERTED_GAP = /^\s*(?:the\s+)?$/iu;
const INVERTED_TITLE = /^\s*(?:(?:\p{Lu}[\p{L}-]*\.?|\p{Ll}{2,4}\.)\s+){1,3}$/u;
/** Russian puts a time or an addressee between verb and subject: `— сказал вчера Зеленский`, `сообщил в четверг журналистам помощник`. */
const INVERTED_GAP_RU = /^\s*(?:[а-яё-]+\s+){0,3}$/u;
/** A body in the genitive before a name outside the gazetteer: `— сказал зампред Комитета Государственной Думы Олег Рябинин`. */
const INVERTED_BODY_RU = /^\s*(?:[а-яё-]+\s+){1,3}(?:[А-ЯЁ][а-яё-]+\s+){1,3}$/u;
/** After `как`/`as` the subject may come a few words later: `Как подчеркнула на том же брифинге дипломат, …`. */
const INVERTED_GAP_AFTER_AS = /^\s*(?:[\p{Ll}-]+\s+){0,4}$/u;
const AS_BEFORE = /(?<![\p{L}])(?:как|as)\s*$/iu;
/**
 * What follows an inverted subject: the end of the clause or a time or place
 * (`said Lavrov on Friday`), or the medium he spoke to (`сказал Песков "Интерфаксу"`). `said she hoped…` is a reported clause, not an
 * inversion, and its pronoun is not the speaker of the quotation before it.
 */
const INVERTED_END = /^(?:\s*(?:[.,;:!?)–—"“«]|-\s|$)|\s+(?:on|in|at|after|during|before|later|в|на|во|после|по|накануне|журналистам|агентству|телеканалу|порталу)(?![\p{L}]))/iu;
/** `По словам министра, …`, `According to him, …`: a back-reference in the object case, which stands for the sentence's speaker as `он`, `he` would. */
const BACK_REFERENCE_AFTER = /^\s+(?:him|her|министра|дипломата|политолога|эксперта|аналитика|собеседника|собеседницы|сенатора|посла|помощника|пресс-секретаря|депутата|замминистра|замглавы|экс-посла|президента|госсекретаря|главы МИД)\s*[,.]/u;
/** `according to`, `по словам`, `по мнению` and `слова` always put their subject after them. */
const ALWAYS_INVERTED = /^(?:according to|по словам|по мнению|слова)$/iu;

/** Words that may sit between a subject and its verb (`ông Putin cũng nói`, `ông sẽ gọi`, `lẽ ra ông phải nói`; `đọc tuyên bố, trong đó nêu rõ`: the statement's reader). */
const ADVERBS = /^(?:\s|,|cũng|đã|còn|vẫn|thì|lại|sẽ|phải|cần|muốn|có thể|lẽ ra|sau đó|trong đó|từng|ra|thêm|liền|mới|đều|chỉ|đồng thời|nhanh chóng|tiếp tục|hôm nay|trước đó|khi đó|gần đây|không|chưa|also|then|had|has|have|would|will|was|later|again|not|and|but|как|as|также|тоже|и|а|но|ранее|вновь|не)*$/iu;
/**
 * What may stand between a named subject and its verb besides adverbs: when
 * it was said (`ông Graham hôm qua gọi`, `Hegseth last week said`, `Песков вчера заявил`).
 */
const WHEN = /^(?:\s|,|cũng|đã|còn|vẫn|không|hôm qua|hôm nay|hôm \d{1,2}\/\d{1,2}(?:\/\d{4})?|sáng|chiều|tối|nay|qua|yesterday|today|last week|earlier|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|вчера|сегодня|накануне|ранее|в (?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье))*$/iu;
/**
 * Russian puts where and how it was said between subject and verb without commas: `Малышев в беседе с РБК заметил`,
 * `Захарова на брифинге предостерегала`, `госсекретарь в тот же вечер рассказывал`, `Ушаков уже говорил`, `Болтон ещё до
 * саммита предупреждал`.
 */
const CIRCUMSTANCE_RU = /^\s*(?:(?:уже|также|тоже|еще|ещё|вновь|ранее|вчера|сегодня|накануне|тогда|сам|сама)\s+|(?:в|во|на|до|после|перед|накануне)\s+(?:[^\s,.;:!?«»"“”()]+\s+){1,3})+$/u;
/** An affiliation in brackets between a name and its verb: `Hoàng Thị Thu Trang (Viện Nghiên cứu châu Âu) nhận xét`, `Ivan Petrov (MGIMO) said`. */
const PARENTHETICAL = /^\s*\([^()]{1,60}\)\s*(?:(?:cũng|đã|also|then)\s+)?$/u;

/**
 * What may precede a clause's subject: nothing, a live-blog time, a short
 * title the gazetteer does not list (`Thượng nghị sĩ Dân chủ`, `Senator`), or a
 * short time and place (`В 2018 году в Хельсинки Трамп … говорил`).
 * A name there would be a mention of its own, so any five words will do.
 */
const TITLE_ONLY = /^[\s,]*(?:\d{1,2}[:.h]\d{2}\s+)?(?:[\p{L}\p{N}.-]+\s+){0,5}$/u;
const COMPLEMENTISER = leadingLookbehind(/(?<![\p{L}])(?:that|rằng|là|что|будто)(?![\p{L}])/iu);

/** A clause opening with an English verb in the past tense, no subject of its own, and `and` before the speech verb. */
const PREDICATE_AFTER_APPOSITION = /^\s+(?!(?:the|a|an|one|some|it|they|this|that|he|she|we|who|which)\s)[a-z]+ed\s[^,;:]*\sand\s+$/u;

/**
 * Where a clause begins: punctuation, a quotation, or a conjunction joining two predicates. A lawmaker's
 * party and state in brackets (`Sen. Roy Blunt (Mo.) said`, `(D-Va.)`) belong to the name, not a new clause.
 */
const CLAUSE_BREAK = /[,;:–—]|\((?![RDI]-[\p{L}.\s]{1,14}\)|\p{Lu}\p{Ll}{1,4}\.\))|\s-\s|(?<![\p{L}])(?:nhưng|song|và|rồi|đồng thời|trong khi)(?![\p{L}])/giu;

/** A bracket closed before the verb with no clause inside (`Thu Trang (Viện Nghiên cứu châu Âu) nhận xét`) is an affiliation, not a clause break. */
function bracketedBefore(text: string, at: number, verb: number): boolean {
  if (text[at] !== '(') return false;
  const close = text.indexOf(')', at);
  return close > at && close < verb && close - at <= 60 && !/[,;:()]/u.test(text.slice(at + 1, close));
}

export interface Clause {
  text: string;
  sentence: Range;
  mentions: Mention[];
  quotes: QuoteSpan[];
}

/** The subject of `verb`, looking back no further than `from`. */
export function subjectOf(c: Clause, verb: VerbHit, from: number): Subject {
  let clauseStart = from;
  CLAUSE_BREAK.lastIndex = from;
  for (let m = CLAUSE_BREAK.exec(c.text); m && m.index + m[0].length <= verb.start; m = CLAUSE_BREAK.exec(c.text)) {
    if (c.quotes.some((q) => m!.index > q.open && m!.index < q.close) || bracketedBefore(c.text, m.index, verb.start)) continue;
    clauseStart = m.index + m[0].length;
  }
  for (const q of c.quotes) if (q.close < verb.start && q.close >= clauseStart) clauseStart = q.close + 1;
  const pre = c.text.slice(clauseStart, verb.start);
  // `Лавров привел слова Трампа о том, что …`, `Putin cited, according to Trump, …`: whose words these are stands after them, whoever relays them.
  if (ALWAYS_INVERTED.test(c.text.slice(verb.start, verb.end)) && !ADVERBS.test(pre) && !WHEN.test(pre)) {
    const relayed = subjectAfter(c, verb);
    if (relayed) return relayed;
  }
  // Only a time between the clause break and the verb (`Jeanne Shaheen, thành viên …, hôm qua cho rằng`): the subject is before the apposition.
  if (ADVERBS.test(pre) || WHEN.test(pre)) {
    const inverted = subjectAfter(c, verb);
    // `According to a source close to Putin, …`: whose account it is stands after these words or nowhere; never the sentence's speaker.
    if (!inverted && ALWAYS_INVERTED.test(c.text.slice(verb.start, verb.end)) && !BACK_REFERENCE_AFTER.test(c.text.slice(verb.end, verb.end + 40))) return { type: 'unknown' };
    return inverted ?? apposition(c, clauseStart, from) ?? beforeParticiple(c, clauseStart, from) ?? (impersonal(c, verb) ? { type: 'unknown' } : { type: 'implicit' });
  }
  const cyrillicVerb = /[\u0400-\u04FF]/u.test(c.text[verb.start]!);
  // `Trump and Putin both said`, `Трамп и Путин заявили`: two people as one subject; neither alone said it.
  if (jointSubject(c, from, verb.start)) return { type: 'unknown' };
  // `Trump's special envoy said`: a possessor is never the subject, whether or not the gazetteer knows what he possesses.
  const inClause = c.mentions.filter((m) => m.start >= clauseStart && m.end <= verb.start && m.kind !== 'distractor' && !governed(c.text, m) && !POSSESSOR.test(c.text.slice(m.end, m.end + 3)));
  // Russian puts the verb second and the subject after it (`Сегодня тему продолжил замглавы МИД РФ Сергей Рябков`),
  // or has no subject in a clause that follows a participle between commas (`Госсекретарь США, прилетевший …, в
  // интервью заметил`): then the sentence's subject speaks.
  if (inClause.length === 0 && cyrillicVerb) return subjectAfter(c, verb) ?? (impersonal(c, verb) ? { type: 'unknown' } : { type: 'implicit' });
  // Two verbs sharing one subject: `ra tuyên bố hôm 16/8 nói rằng`; but after `said that the president had described`
  // the second verb has a subject of its own that the gazetteer does not know.
  const earlier = verbsIn(c, clauseStart, verb.start);
  if (inClause.length === 0 && earlier.length > 0 && !COMPLEMENTISER.test(c.text.slice(earlier[earlier.length - 1]!.end, verb.start))) return { type: 'implicit' };
  // `Ukraine's foreign minister, Andrii Sybiha, joined a dinner … and asked`: an English predicate right after an
  // apposition has the sentence's subject.
  if (inClause.length === 0 && c.text[clauseStart - 1] === ',' && PREDICATE_AFTER_APPOSITION.test(pre)) return { type: 'implicit' };
  const last = inClause[inClause.length - 1];
  const tail = withoutVerbs(c.text, last?.end ?? 0, verb.start, earlier);
  if (last && (ADVERBS.test(tail) || WHEN.test(tail) || (cyrillicVerb && CIRCUMSTANCE_RU.test(tail)) || PARENTHETICAL.test(tail))) return { type: 'person', mention: last };
  // A title word that is also a back-reference (`Военный эксперт Андрей Малышев`, `the senator Lisa Murkowski`) titles the name after it.
  const first = inClause[0]?.kind === 'pronoun' && inClause[1] && (inClause[1].kind === 'name' || inClause[1].kind === 'stranger') && /^\s(?:[\p{L}-]+\s){0,2}$/u.test(c.text.slice(inClause[0].end, inClause[1].start)) ? inClause[1] : inClause[0];
  // `X said … that the team had described …`: the later verb has a subject of its own, which is not X.
  const reported = earlier.length > 0 && COMPLEMENTISER.test(c.text.slice(earlier[earlier.length - 1]!.end, verb.start));
  if (first && !reported && first.kind !== 'pronoun' && TITLE_ONLY.test(c.text.slice(clauseStart, first.start))) return { type: 'person', mention: first };
  return { type: 'unknown' };
}

const POSSESSOR = /^['’]s(?![\p{L}])/u;

/** `Trump and Putin`, `ông Trump và ông Putin`, `Трамп и Путин`: two people joined, a title or two before the second. */
export const COORDINATION = /^\s*(?:and|và|и|&)\s+(?:[\p{L}.]+\s+){0,2}$/iu;

/** The last two people before the verb, joined by `and`/`và`/`и` with nothing but words between the second and the verb. */
function jointSubject(c: Clause, from: number, to: number): boolean {
  const people = c.mentions.filter((m) => m.start >= from && m.end <= to && m.kind !== 'distractor' && (m.kind !== 'pronoun' || m.offices) && !governed(c.text, m));
  const [a, b] = people.slice(-2);
  if (!a || !b || !/^[\s\p{L}]*$/u.test(c.text.slice(b.end, to)) || !COORDINATION.test(c.text.slice(a.end, b.start))) return false;
  return a.person !== b.person || (a.person === null && a.name !== b.name);
}

/** `Ông viết thêm rằng`: a speech verb right before another (`viết` + `thêm rằng`) is one predicate with it. */
function withoutVerbs(text: string, from: number, to: number, verbs: VerbHit[]): string {
  let out = text.slice(from, to);
  for (const v of verbs) if (v.start >= from && v.end <= to) out = out.slice(0, v.start - from) + ' '.repeat(v.end - v.start) + out.slice(v.end - from);
  return out;
}

/**
 * A preposition right before a mention makes it an object, never the verb's subject: `после беседы с Путиным
 * говорил` is the adviser speaking, `after talks with Putin said`, `Người phát ngôn của Putin nói` likewise.
 */
const PREPOSITION = leadingLookbehind(/(?<![\p{L}])(?:с|со|к|ко|о|об|обо|у|от|для|при|без|между|перед|против|with|to|about|from|for|against|of|với|về|của|cùng)\s+$/iu);

function governed(text: string, m: Mention): boolean {
  const before = text.slice(Math.max(0, m.start - 12), m.start);
  if (!PREPOSITION.test(before)) return false;
  // `…, with the press secretary telling reporters that …`: the subject of an absolute phrase is no object.
  return !(/(?<![\p{L}])with\s+$/iu.test(before) && WITH_SPEAKING.test(text.slice(m.end, m.end + 40)));
}
const WITH_SPEAKING = /^\s+(?:\p{Ll}+ly\s+)?(?:telling|saying|adding|noting|insisting|warning|arguing|calling|describing)(?![\p{L}])/u;

/**
 * A name set off by commas right before the verb's clause is its subject:
 * `rằng người đồng cấp Mỹ khi đó, ông Mike Pompeo, đã gọi …`, `Putin's aide, Yuri Ushakov, said`.
 */
function apposition(c: Clause, clauseStart: number, from: number): Subject | null {
  if (c.text[clauseStart - 1] !== ',') return null;
  const last = c.mentions.filter((m) => m.start >= from && m.end <= clauseStart - 1).pop();
  if (!last || (last.kind !== 'name' && last.kind !== 'stranger') || !/^\s*$/u.test(c.text.slice(last.end, clauseStart - 1))) return null;
  // The name must itself be set off: a comma (or the start of the reported clause) before it.
  const before = c.text.slice(Math.max(from, last.start - 40), last.start);
  return /,\s*(?:\p{L}+\s+){0,1}$/u.test(before) ? { type: 'person', mention: last } : null;
}

/**
 * A participial phrase or a source set off by commas between a subject and its verb: `, asked about it in an interview,`,
 * `, khi được hỏi …,`, `, отвечая на вопрос,`, `, как рассказывал Воронин,` (the one who retells is not the one who spoke).
 */
const PARTICIPLE = /^\s*(?:(?:как|as|theo lời|по словам|according to)\s+|(?:(?:when |if )?(?:asked|pressed|questioned|interviewed|speaking|writing|appearing|answering|responding|replying)|khi được hỏi|được hỏi|trả lời|отвечая|говоря|выступая)(?![\p{L}]))[^,;:]*$/iu;

/**
 * `and the vice president, asked about it in an interview, said …`: the subject stands before the participial phrase,
 * in the clause it closes (after `and`, `и`, `và` or a comma), not the sentence's first speaker.
 */
function beforeParticiple(c: Clause, clauseStart: number, from: number): Subject | null {
  if (c.text[clauseStart - 1] !== ',') return null;
  const open = c.text.lastIndexOf(',', clauseStart - 2);
  if (open < from || !PARTICIPLE.test(c.text.slice(open + 1, clauseStart - 1))) return null;
  const head = c.text.slice(from, open);
  const joint = Math.max(head.lastIndexOf(','), head.lastIndexOf(';'), head.search(/\s(?:and|but|while|и|а|но|và|còn|nhưng)\s(?![\s\S]*\s(?:and|but|while|и|а|но|và|còn|nhưng)\s)/iu));
  const start = from + joint + 1;
  const subject = c.mentions.find((m) => m.start >= start && m.end <= open && m.kind !== 'distractor' && !governed(c.text, m));
  if (subject) return { type: 'person', mention: subject };
  // A subject the gazetteer does not know (`and the vice president, asked …, said`) is somebody, not the sentence's first speaker.
  return joint >= 0 && /\p{L}/u.test(c.text.slice(start, open)) ? { type: 'unknown' } : null;
}

/** A Russian plural with no subject is nobody in particular (`Как сообщили в Кремле`), not the sentence's speaker. */
function impersonal(c: Clause, verb: VerbHit): boolean {
  return /^[\u0400-\u04FF]+и$/u.test(c.text.slice(verb.start, verb.end));
}

/**
 * `"…," said one Republican senator`, `"…," said a senior official`: right after a quotation, an inverted
 * subject nobody can name. (Elsewhere `said a meeting was…` is reported content after a subject before the verb.)
 */
const INDEFINITE = /^\s+(?:a|an|one|another|some|several|two|three|the)\s+\p{L}/iu;

export function indefiniteAfter(c: Clause, verb: VerbHit): boolean {
  return INVERTS.test(c.text.slice(verb.start, verb.end)) && INDEFINITE.test(c.text.slice(verb.end, verb.end + 40));
}

function subjectAfter(c: Clause, verb: VerbHit): Subject | null {
  if (!INVERTS.test(c.text.slice(verb.start, verb.end))) return null;
  const found = c.mentions.findIndex((m) => m.start >= verb.end);
  let next = found >= 0 ? c.mentions[found] : undefined;
  // A title word that doubles as a back-reference (`сенатор`, `the senator`) right before a name is that name's title.
  const named = found >= 0 ? c.mentions[found + 1] : undefined;
  // The gap to the subject ends where its title starts: `according to the analyst Olivia Brandt` has `the` before it.
  const titleStart = next?.start ?? 0;
  // The title may name a body in between: `— полагает эксперт Валдайского клуба Фёдор Лукьянов`, `said the senator from Alaska Lisa Murkowski`.
  if (next?.kind === 'pronoun' && named && (named.kind === 'stranger' || named.kind === 'name') && TITLE_BODY.test(c.text.slice(next.end, named.start))) next = named;
  if (!next || next.kind === 'distractor') return null;
  // `называли Трампа «марионеткой Кремля»`: the one a naming verb puts right before the name it gives is its object.
  if (NAMING.test(c.text.slice(verb.start, verb.end)) && NAME_GIVEN.test(c.text.slice(next.end, next.end + 4))) return null;
  const gap = c.text.slice(verb.end, Math.min(titleStart, next.start));
  const cyrillic = /[\u0400-\u04FF]/u.test(c.text[verb.start]!);
  const titled = (next.kind === 'name' || next.kind === 'stranger') && INVERTED_TITLE.test(gap) || (next.kind === 'stranger' && INVERTED_BODY_RU.test(gap));
  if (!INVERTED_GAP.test(gap) && !titled && !(cyrillic && INVERTED_GAP_RU.test(gap)) && !(AS_BEFORE.test(c.text.slice(Math.max(0, verb.start - 8), verb.start)) && INVERTED_GAP_AFTER_AS.test(gap))) {
    const late = cyrillic ? lateInvertedSubject(c, verb) : null;
    return late ? { type: 'person', mention: late } : null;
  }
  if (!ALWAYS_INVERTED.test(c.text.slice(verb.start, verb.end)) && !INVERTED_END.test(c.text.slice(next.end, next.end + 40))) return null;
  return { type: 'person', mention: next };
}

/** A title's own words between it and the name it titles: up to three, no punctuation. */
const TITLE_BODY = /^\s(?:[\p{L}-]+\s){0,3}$/u;

/** Verbs that give someone a name or a label (`называл`, `назвала`, `называют`). */
const NAMING = /^(?:назва|называ)/iu;
/** The name given, in quotation marks right after the person named. */
const NAME_GIVEN = /^\s*[«„“"]/u;

/** A quotation's closing mark and the dash before a Russian inverted verb: `», — считает`. */
const AFTER_QUOTE_DASH = /[»"“”'’]\s*[,.!?…]?\s*[—–-]\s*$/u;
/** Where the inverted clause ends: punctuation that a title and a name never contain. */
const CLAUSE_END = /[,;:.!?()«»"“”]/u;

/**
 * `«…», — считает директор американской Ассоциации по контролю над вооружениями Дэрил Кимбалл`, `— заявила в
 * четверг на брифинге официальный представитель МИД РФ Мария Захарова`: after a quotation and its dash, a Russian
 * verb may put a long title, time and place before its subject, which is the last name of the clause (the names
 * before it are in the title's genitive). Nobody else said these words, so no earlier person may take them.
 */
function lateInvertedSubject(c: Clause, verb: VerbHit): Mention | null {
  if (!AFTER_QUOTE_DASH.test(c.text.slice(Math.max(c.sentence.start, verb.start - 8), verb.start))) return null;
  const end = c.text.slice(verb.end, c.sentence.end).search(CLAUSE_END);
  const clauseEnd = end < 0 ? c.sentence.end : verb.end + end;
  if (findSpeechVerbs(c.text, verb.end, clauseEnd, c.quotes).length > 0) return null;
  const names = c.mentions.filter((m) => m.start >= verb.end && m.end <= clauseEnd && (m.kind === 'name' || m.kind === 'stranger') && !governed(c.text, m));
  return names[names.length - 1] ?? null;
}

export function verbsIn(c: Clause, from: number, to: number): VerbHit[] {
  return findSpeechVerbs(c.text, from, to, c.quotes);
}
