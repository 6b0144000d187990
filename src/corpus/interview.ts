import type { Mention } from './names';

/**
 * Interviews laid out as questions and answers (`PV: …` / `PGS.TS X: …`,
 * `Q: …`, `Вопрос: … Ответ: …`, or dash dialogue where each question is a
 * `— …?` paragraph). Within an answer the interviewee speaks in the first
 * person (`Как я говорю коллегам: «…»`, `Như tôi vẫn nói với sinh viên: "…"`),
 * so those words are theirs: the guest the headline or the intro names before
 * the first question. Only a guest outside the gazetteer is taken (the
 * person the page was made to interview); a known name in the intro is as
 * likely the subject of the talk as its guest, and guessing would put words in
 * the wrong mouth.
 */
export interface Interview {
  /** Index of the first question paragraph. */
  firstQuestion: number;
  /** The guest's name as written in its first mention. */
  guest: string;
}

const QUESTION = /^(?:PV|Phóng viên|Hỏi|Q|Question|Вопрос|Корр\.|Корреспондент)\s*[:.]\s|^[—–-]\s.*\?\s*$/u;
/** An answer opening with its speaker's surname: `Almond: …`, `Kessling: …`. */
const ANSWER_LABEL = /^\s*(\p{Lu}[\p{Ll}'’-]+):\s/u;
/** Two questions make a layout; one `Q:` can be a quoted exchange in a report. */
const MIN_QUESTIONS = 2;

/**
 * Only a questioner's label before a quotation (`Q: "Did the president …?"`, `Вопрос: «…»`): the quoted words are
 * the question, the asker's, never the one asked. Words quoted later in a question are someone else's.
 */
export function onlyQuestionLabel(before: string): boolean {
  return QUESTION_LABEL.test(before.trim());
}
const QUESTION_LABEL = /^(?:PV|Phóng viên|Hỏi|Q|Question|Вопрос|Корр\.|Корреспондент)\s*[:.]$/u;

export function isQuestion(paragraph: string): boolean {
  return QUESTION.test(paragraph.trim());
}

export function findInterview(text: string, paragraphs: readonly { start: number; end: number }[], mentions: readonly Mention[]): Interview | null {
  const questions = paragraphs.map((p, k) => (isQuestion(text.slice(p.start, p.end)) ? k : -1)).filter((k) => k >= 0);
  if (questions.length < MIN_QUESTIONS) return null;
  const firstQuestion = questions[0]!;
  const introEnd = paragraphs[firstQuestion]!.start;
  const strangers = mentions.filter((m) => m.start < introEnd && m.kind === 'stranger' && m.name);
  // Answers labelled with the guest's surname (`Almond: It means…`) tell the guest from a place or a byline in the intro.
  const labels = new Set(paragraphs.slice(firstQuestion).map((p) => ANSWER_LABEL.exec(text.slice(p.start, p.end))?.[1]).filter((l): l is string => l !== undefined));
  const guest = strangers.find((m) => labels.has(m.name!.split(' ').pop()!)) ?? strangers[0];
  return guest ? { firstQuestion, guest: guest.name! } : null;
}

/** A first-person speaker next to the quotation: `tôi vẫn nói`, `Я бы сказал так:`, `— так я говорю коллегам`, `as I told them`. */
const FIRST_PERSON_BEFORE = /(?<![\p{L}])(?:[Tt]ôi|[Яя]|I)\s+(?:\p{L}+\s+){0,2}?(?:nói|bảo|gọi|сказал[аи]?|скажу|говорю|повторяю|называю|said|say|tell|told|call)(?![\p{L}])[^“”«»"]*$/u;
const FIRST_PERSON_AFTER = /^[\s\p{P}]*(?:(?:так|как|như|as)\s+)?(?:[Tt]ôi|[Яя]|I)\s+(?:\p{L}+\s+){0,2}?(?:nói|bảo|gọi|сказал[аи]?|говорю|повторяю|называю|said|say|tell|told|call)(?![\p{L}])/u;

export function firstPersonSpeech(before: string, after: string): boolean {
  return FIRST_PERSON_BEFORE.test(before) || FIRST_PERSON_AFTER.test(after);
}
