import type { DateBasis, Summit } from '../schema/index-schema';
import { findDates, type DateMention } from './dates';
import { leadingLookbehind } from './lookbehind';
import { isQuestion } from './interview';
import { findSpeechVerbs } from './speech-verbs';
import { namesSummitAt } from './summit-detect';

/**
 * When a quotation was said. A sentence can fix the time (`hôm 15/8`,
 * `yesterday`, `в субботу`), put the statement at the summit (`tại họp báo`,
 * `at a joint news conference`, `на пресс-конференции`), or move it away from
 * the summit to an unknown day (`trước cuộc gặp`, `earlier this week`,
 * `ранее`, `hours later`). That frame carries to the rest of its paragraph,
 * and beyond it only to the people the frame-setting sentence named while the
 * text points back to them (`Об этом в субботу заявил Песков`, then `— сказал
 * он`); named afresh later, they start another statement. A summit setting is
 * one event its participants share. A live-blog entry (a section, or the text
 * after a paragraph that is only a time stamp: `23:48`, `Aug. 15, 2025, 7:55
 * p.m. ET`) is dated by its stamp, or by the publication day when the stamp
 * has no date. A participant's words recalled from an earlier summit the
 * sentence names were said at it. Unknown is better than wrong: nothing else
 * dates a quote, and the summit day needs text that places the words there.
 */
type When = { type: 'day'; iso: string; basis: 'stated' | 'relative' | 'publication' } | { type: 'summit'; until?: string } | { type: 'elsewhere' } | { type: 'away' };

interface Frame {
  when: When;
  /** Who spoke in the sentence that set the frame; they carry it to later paragraphs. */
  owners: Set<string>;
  /** The participants of the summit event a setting frame names: they share it in its paragraph, later after `về phần mình` or in a report from the summit. */
  event: readonly string[];
  paragraph: number;
  /** The people the sentence that set the frame named, pronouns aside (`Путин и Трамп провели разговор в понедельник`); none for a bare dateline. */
  named: ReadonlySet<string>;
}

const ELSEWHERE = leadingLookbehind(new RegExp(
  '(?<![\\p{L}])(?:' +
    [
      'trước cuộc gặp', 'trước thượng đỉnh', 'trước hội nghị', 'trước cuộc hội đàm', 'trước khi (?:gặp|lên|tới|đến|bay|hội đàm|diễn ra)', 'trước đó', 'đầu tuần', 'cuối tuần',
      'tuần trước', 'tháng trước', 'năm ngoái', 'hôm trước', '(?<!(?:năm|tháng|tuần|gian) )gần đây', 'khi lên chuyên cơ', 'trên chuyên cơ', 'trên đường tới',
      'trên đường đến', 'từng (?:tuyên bố|nói|cho biết|khẳng định|phát biểu|cam kết|dọa|đe dọa)',
      'before the (?:summit|meeting|talks)', 'ahead of', 'earlier this (?:week|month|year)', 'last (?:week|month|year)', 'this week',
      'has (?:long )?(?:said|insisted|argued)', 'had (?:said|told|insisted|warned)', 'in the past', 'recently',
      'перед (?:встречей|саммитом|переговорами)', 'накануне', 'ранее', 'на прошлой неделе', 'на этой неделе', 'в прошлом', 'недавно',
      // Hours or days later is another time.
      '(?:vài|mấy|\\d+) (?:giờ|ngày|tuần) sau', '(?:hours|days) later', 'спустя', 'через (?:несколько )?(?:час|дн|день)\\p{L}*',
      // The days that followed are many days, none of them the summit's.
      '(?:những|các|mấy) (?:giờ|ngày|tuần|tháng) (?:sau đó|tiếp theo|kế tiếp)', 'in the (?:days|weeks|months) (?:that followed|after|since)', 'in the following (?:days|weeks|months)',
      'в (?:следующие|последующие|ближайшие) (?:дни|недели|месяцы)', 'в (?:дни|недели) после',
    ].join('|') +
    ')(?![\\p{L}])',
  'iu',
));
const AT_SUMMIT = leadingLookbehind(new RegExp(
  '(?<![\\p{L}])(?:' +
    [
      'họp báo', 'tại cuộc gặp', 'trong cuộc gặp', 'tại thượng đỉnh', 'tại hội nghị',
      'trong cuộc hội đàm', 'tại cuộc hội đàm', 'khi hội đàm', 'khi được hội đàm', 'bên lề', 'khi đến',
      'news conference', 'press conference', 'at the summit', 'during the (?:talks|meeting|summit)',
      'on the tarmac', 'joint appearance', 'opening remarks', 'on the sidelines',
      'пресс-конференци[яиюей]', 'на переговорах', 'по итогам (?:переговоров|встречи|саммита)',
      'на саммите', 'на полях', 'в ходе (?:переговоров|встречи)',
    ].join('|') +
    ')(?![\\p{L}])',
  'iu',
));

/**
 * Right after the talks: the summit's evening in a report filed from it, but seen from days away it may be
 * hours later, another day where the speaker is (Moscow is a day ahead of Anchorage), so no day at all.
 */
const RIGHT_AFTER = leadingLookbehind(new RegExp(
  '(?<![\\p{L}])(?:' +
    ['ngay sau (?:cuộc gặp|cuộc hội đàm|hội đàm|thượng đỉnh)', '(?:immediately|shortly|right) after the (?:talks|meeting|summit)', 'сразу после (?:переговоров|встречи)'].join('|') +
    ')(?![\\p{L}])',
  'iu',
));

/** Whether a text places anything at a summit setting (a press conference, the talks). */
export function mentionsSummitSetting(text: string): boolean {
  return AT_SUMMIT.test(text) || RIGHT_AFTER.test(text);
}

/**
 * Where reported content starts (`nói rằng`, `said that`, `заявил, что`,
 * `по его словам`, `theo ông`, `said he had…`):
 * a day or a setting after it is what the words are about (`Rubio nói rằng
 * cuộc gặp hôm 15/8…`), not when they were said.
 */
const REPORTED = leadingLookbehind(/(?<![\p{L}])(?:rằng|that|что|будто|по (?:его |ее |её |их )?словам|theo (?:ông|bà|lời))(?![\p{L}])/iu);
/**
 * `said he…`: the content starts after the verb. Matched as the verb and taken
 * from its end, not as a lookbehind in one alternation with `REPORTED`, which
 * V8 would try at every position of every sentence (a tenth of the build's time).
 */
const SAID_PRONOUN = leadingLookbehind(/(?<![\p{L}])(?:said|says|added|told (?:reporters|journalists))\s+(?=(?:he|she|they|we|it|the|his|her|their)\s)/iu);

/** Where reported content starts in `text`, or its length. */
function reportedFrom(text: string): number {
  const conj = REPORTED.exec(text)?.index ?? text.length;
  const said = SAID_PRONOUN.exec(text);
  return said === null ? conj : Math.min(conj, said.index + said[0].length);
}

/** What may stand between a speech verb and the day it was said: `said`, `сообщил в`, `cho biết hôm`, `told reporters on`. */
const VERB_TO_DAY = /^[\s,]*(?:(?:on|в|во|vào)\s+)?$/iu;

/** Travelling to or from the summit: not the summit, but a live entry's stamp still dates the words. */
const TRAVEL = leadingLookbehind(/(?<![\p{L}])(?:trên chuyến bay|trên đường về|aboard|on (?:the|his|her) (?:flight|plane|way) (?:home|back)|на борту|по дороге|в самол[её]те)(?![\p{L}])/iu);

/**
 * An interview introduced as a new one (`In an interview with Fox News, Trump said`, `trong một cuộc phỏng vấn`) is an
 * occasion of its own, whose day the text has not given, unless the sentence puts it at the summit (`in an interview in
 * Helsinki after the news conference`); `the interview` refers back to one already dated.
 */
const NEW_INTERVIEW = leadingLookbehind(/(?<![\p{L}])(?:in an? (?:\p{L}+ )?interview|trong một (?:cuộc|buổi|bài) (?:trả lời )?phỏng vấn)(?![\p{L}])/iu);

/** A routine briefing: a setting, but never the summit's; it leaves the time to the frame in force. */
const ROUTINE = leadingLookbehind(/(?<![\p{L}])(?:họp báo thường kỳ|họp báo hằng ngày|(?:daily|regular|weekly) (?:briefing|news conference|press conference)|(?:еженедельн|регулярн)\p{L}* брифинг\p{L}*)(?![\p{L}])/iu);

/** Future tense: a day after it is when something will happen (`sẽ là trọng tâm của cuộc gặp vào ngày 18/8`). */
const PLAN = leadingLookbehind(/(?<![\p{L}])(?:sẽ|dự kiến|will|(?:is|are|was|were) (?:due|scheduled|set|expected)|plans? to|будет|состоится|планиру\p{L}+|намерен\p{L}*)(?![\p{L}])/iu);

/** A question's topic, up to its comma: `khi được hỏi vì sao …,`, `asked whether …,`, `на вопрос о том, …`. */
const QUESTION = leadingLookbehind(/(?<![\p{L}])(?:được hỏi|asked|на вопрос)\s+(?:về|vì sao|tại sao|liệu|rằng|whether|why|if|how|about|what|о|об|почему)(?![\p{L}])[^,]*,/giu);

/** How long after a summit an article still reports it as news. */
const REPORT_DAYS = 1;

/** The single day of a summit, or null for one that spanned several days. */
function summitDay(summit: Summit | null): string | null {
  if (!summit) return null;
  return summit.endDate === null || summit.endDate === summit.date ? summit.date : null;
}

export interface QuoteDate {
  date: string | null;
  dateBasis: DateBasis;
}

/** Reads a document in order and dates each quotation; one instance per document. */
/**
 * See `QuoteClock.dateOf`; `otherClause`: the words are attributed in a later clause of the sentence than its day;
 * `words`: the quotation itself.
 */
export interface DateOptions {
  byName?: boolean;
  unnamed?: boolean;
  scene?: Summit | null;
  otherClause?: boolean;
  words?: string;
}

/**
 * Words that count time from a summit (`a lot has changed since Helsinki`, `kể từ Helsinki`, `после Хельсинки`,
 * `since the summit`) were said after it; counting from anything else (`kể từ Chiến tranh Lạnh`) says nothing of when.
 */
const SINCE = /(?<![\p{L}])(?:since|kể từ|từ sau|после|со времён|со времени|со времен)\s+(?:the\s+)?/giu;
const MEETING = /^(?:summit|meeting|talks|thượng đỉnh|cuộc gặp|hội nghị|встречи|саммита|переговоров)(?![\p{L}])/iu;

function looksBackAt(words: string, summit: Summit): boolean {
  for (const m of words.matchAll(SINCE)) {
    const after = words.slice(m.index + m[0].length).toLowerCase();
    if (MEETING.test(after) || namesSummitAt(after, summit)) return true;
  }
  return false;
}

export class QuoteClock {
  /** The frame in force before the current sentence. */
  private before: Frame | null = null;
  private own: When | null = null;
  private paragraphIndex = -1;
  /** The people the current sentence refers to outside its quotations. */
  private named = new Set<string>();
  /** Those of them the sentence calls by name or role, not by a pronoun. */
  private namedByName = new Set<string>();
  /** The stamp of the live entry being read: it dates every quote of the entry that no closer frame dates. */
  private entry: When | null = null;
  /** The current paragraph is only an entry's stamp. */
  private stamp = false;
  /** The current sentence reports content (`nhắc lại rằng …`): a summit it names may be that content's. */
  private reported = false;
  /** The last day the text gave, for `cùng ngày`. */
  private lastDay: When | null = null;
  /** The last dated quotation of the paragraph: a continuation by the same speaker shares its date. */
  private lastQuote: { speaker: string | null; paragraph: number; date: QuoteDate } | null = null;
  /** The people and paragraph of the last sentence, for the frame it set. */
  private ownersOfLast: string[] = [];
  private ownParagraph = -1;
  /** The current sentence names a summit setting (`at the news conference`), dated or not. */
  private atSetting = false;
  /** The previous paragraph was a question put to the one who answers next. */
  private asked = false;
  /** The current sentence gives the other side of the same exchange (`Về phần mình, …`). */
  private inTurn = false;

  /**
   * `liveFromSummit`: the document is a live blog that reports the summit's
   * own settings (`kết thúc họp báo`, `at the news conference`); on a page
   * without a date its entries, written as things happened, are dated at the
   * summit as they would be by the publication day.
   */
  constructor(
    private readonly published: string | null,
    private readonly summit: Summit | null,
    private readonly liveFromSummit = false,
  ) {
    const day = summitDay(summit);
    this.fromSummit = day !== null && published !== null && published >= day && Date.parse(published) - Date.parse(day) <= REPORT_DAYS * 86_400_000;
  }

  /**
   * A report published on the summit day or the next: once its text puts the
   * participants at the summit's setting, they speak there in its later
   * paragraphs too, until another frame.
   */
  private readonly fromSummit: boolean;

  /** A new live-blog entry (`entry`) or the end of one: nothing carries across. */
  section(entry: boolean): void {
    this.own = null;
    this.before = null;
    this.entry = !entry ? null : this.published ? { type: 'day', iso: this.published, basis: 'publication' } : this.liveFromSummit ? { type: 'summit' } : null;
  }

  /** The next paragraph, whose text tells whether it stamps a new live entry. */
  paragraph(text: string): void {
    this.paragraphIndex++;
    // An interviewer's question (`— В понедельник Зеленский был в Белом доме. Это меняет картину?`) sets no frame
    // for the answer: its day is when the things it asks about happened, not when the words answered were said.
    if (this.asked) [this.own, this.before] = [null, null];
    this.asked = isQuestion(text);
    const stamp = entryStamp(text, this.published);
    this.stamp = stamp !== undefined;
    if (stamp === undefined) return;
    this.own = null;
    this.before = null;
    this.entry = stamp;
  }

  /**
   * A sentence: `text` (starting at offset `start`) with its quotations
   * blanked, the dates outside them, who speaks in it (the owners of a frame
   * it sets: its speaker, not everyone it mentions) and the people its words
   * outside quotations refer to; `readOut`: it quotes a statement someone read out.
   */
  sentence(text: string, start: number, dates: DateMention[], speakers: string[], named: string[], readOut = false, byName: readonly string[] = named): void {
    if (this.own) this.before = this.current();
    // What a question was about is not where the answer was given (`Khi được hỏi vì sao … trong cuộc họp báo, ông Rubio…`).
    text = text.replace(QUESTION, (q) => ' '.repeat(q.length));
    const content = reportedFrom(text);
    this.reported = content < text.length;
    // A day after the publication is a plan, never when reported words were said.
    const plan = PLAN.exec(text)?.index ?? text.length;
    // …unless a speech verb comes between (`Rubio will travel "…," Bruce said at Tuesday's briefing`): that day is the saying's.
    const afterPlan = plan < text.length ? findSpeechVerbs(text, plan, content, []) : [];
    const planned = (at: number) => at >= plan && !afterPlan.some((v) => v.start < at);
    const given = dates.filter((d) => d.start - start < content && !planned(d.start - start) && text[d.start - start] !== ' ' && (this.published === null || d.iso === null || d.iso.slice(0, 10) <= this.published));
    // A wire dateline is the day the report was filed; a day the sentence states after it (`Moskva, 17/10 (TTXVN) - Tối 16/10, … cho biết`) is when the words were said.
    const stated = given.filter((d) => d.precision === 'day' && !isDateline(text, d.end - start));
    const said = stated.length > 0 ? given.filter((d) => !isDateline(text, d.end - start)) : given;
    // The day right after the speech verb is when the words were said (`сообщил в четверг`, `said Monday`), whatever other day the sentence gives.
    // Only a sentence with two days has a choice to make, so only it pays for the verb search.
    const verbs = said.length > 1 ? findSpeechVerbs(text, 0, content, []) : [];
    const spoken = said.filter((d) => verbs.some((v) => d.start - start >= v.end && VERB_TO_DAY.test(text.slice(v.end, d.start - start))));
    this.own = this.stamp ? null : whenOf(text.slice(0, content), [...spoken, ...said], this.lastDay, this.fromSummit, this.published);
    // A statement read out at a briefing (`tuyên bố do người phát ngôn … đọc tại cuộc họp báo`) is issued at home, not at the summit.
    if (readOut && this.own?.type === 'summit') this.own = null;
    if (this.own?.type === 'day') this.lastDay = this.own;
    const b = this.before;
    if (!this.own && b && b.owners.size === 0 && b.paragraph === this.paragraphIndex) {
      // A dateline naming nobody, then the sentence naming who spoke: `МОСКВА, 16 августа. /ТАСС/. Песков заявил…`.
      // A day of what others did (`Путин и Трамп провели разговор в понедельник. Об этом сообщил Ушаков`) is not when he spoke.
      for (const id of speakers) if (b.named.size === 0 || b.when.type !== 'day' || b.named.has(id)) b.owners.add(id);
    }
    this.named = new Set(named);
    this.namedByName = new Set(byName);
    this.ownersOfLast = [...speakers];
    this.inTurn = IN_TURN.test(text);
    this.atSetting = this.own !== null && this.own.type !== 'elsewhere' && mentionsSummitSetting(text.slice(0, content));
    this.ownParagraph = this.paragraphIndex;
  }

  /**
   * A question put to `speaker` in a sentence of its own (`Вопрос … журналисты задали Ушакову отдельно`): the
   * answer is another exchange, which the frame of their earlier words does not date.
   */
  newExchange(speaker: string): void {
    this.before?.owners.delete(speaker);
    this.ownersOfLast = this.ownersOfLast.filter((id) => id !== speaker);
    if (this.lastQuote?.speaker === speaker) this.lastQuote = null;
  }

  private current(): Frame | null {
    if (!this.own) return this.before;
    // A summit setting, dated or not, is one event its participants share (`Putin said at the news conference … Trump added`).
    const event = (this.own.type === 'summit' || this.atSetting) && this.summit ? this.summit.participants : [];
    return { when: this.own, owners: new Set(this.ownersOfLast), event, paragraph: this.ownParagraph, named: this.namedByName };
  }

  /**
   * The date of a quotation in the current sentence said by `speaker` (null
   * when unknown), about `summit`; `byName`: the sentence names the speaker
   * rather than pointing back (`Как заявил Песков` vs `— сказал он`);
   * `unnamed`: the sentence attributes the words to someone it does not name
   * (`một quan chức giấu tên nói`), who continues nobody's frame; `scene`:
   * the summit the sentence itself names, whose setting (`At his news
   * conference in Geneva`) is not the setting of words about another summit.
   */
  dateOf(speaker: string | null, summit: Summit | null, options: DateOptions = {}): QuoteDate {
    const date = this.undated(speaker, summit, options);
    // Words that count from a summit were said after it, whatever day a setting or a recollection gives them.
    if (summit !== null && date.date !== null && date.date <= (summit.endDate ?? summit.date) && looksBackAt(options.words ?? '', summit)) return { date: null, dateBasis: 'unknown' };
    // Words are said by the time they are printed: a later day (the summit of a briefing held before it) is no one's.
    return this.published !== null && date.date !== null && date.date > this.published ? { date: null, dateBasis: 'unknown' } : date;
  }

  private undated(speaker: string | null, summit: Summit | null, { byName = false, unnamed = false, scene = null, otherClause = false }: DateOptions): QuoteDate {
    // A day the sentence gives for its named speaker's words (`On Monday the president said "…", and the White House has
    // described it as "…"`) is not the day of words its other clause gives to someone else, named or not.
    // The speakers of one summit setting share its day (`At the news conference on Friday, Putin said … while Trump called them …`).
    if (this.own?.type === 'day' && !this.atSetting && (otherClause || (this.ownersOfLast.length > 0 && (unnamed || (speaker !== null && !this.ownersOfLast.includes(speaker)))))) return { date: null, dateBasis: 'unknown' };
    // Whoever is quoted in a sentence that sets a frame owns it too (`…, ông Putin tỏ ra triết lý: “…”`).
    if (this.own && speaker !== null) this.ownersOfLast.push(speaker);
    // A participant's words recalled from an earlier summit (`In Helsinki, …`, `nhà lãnh đạo Nga khi đó`) were said there.
    const recalled = summit !== null && summit !== this.summit && speaker !== null && summit.participants.includes(speaker);
    if (recalled && !this.reported && this.own?.type !== 'day' && this.own?.type !== 'elsewhere' && summitDay(summit) !== null) return resolve({ type: 'summit' }, summit);
    if (this.own?.type === 'summit' && scene !== null && scene !== summit) return { date: null, dateBasis: 'unknown' };
    const f = this.before;
    const participant = f !== null && speaker !== null && f.event.includes(speaker);
    // Put at the event by `về phần mình` or by a report from the summit, a participant speaks there in later paragraphs too, as the frame's own speaker does.
    if (participant && (this.inTurn || this.fromSummit)) f!.owners.add(speaker!);
    // Named afresh paragraphs after the lead, a speaker starts another statement (`по словам Ушакова`); a pronoun continues the same one.
    const restated = f !== null && byName && f.paragraph < this.paragraphIndex - 1 && f.when.type !== 'summit';
    // …and the pronouns after that point back to the new statement, not to the lead's frame.
    if (restated && speaker !== null) f!.owners.delete(speaker);
    // A frame belongs to whoever its sentence named; a quote of nobody named inherits it only as a bare continuation.
    const owned = f !== null && speaker !== null && (f.owners.has(speaker) || (participant && f.paragraph === this.paragraphIndex)) && !restated;
    const continuation = f !== null && speaker === null && !unnamed && this.named.size === 0 && f.paragraph === this.paragraphIndex;
    const carried = f && (owned || continuation) ? f.when : this.entry;
    // A speaker's own dated frame outweighs a mention of the summit setting (`по его словам, на пресс-конференции…`).
    const date =
      this.own?.type === 'summit' && carried?.type === 'day' && owned
        ? resolve(carried, summit)
        : // Away from the summit: a live entry's stamp still dates the words; a speaker's frame from the summit does not.
          this.own?.type === 'away'
          ? resolve(this.entry?.type === 'day' ? this.entry : null, summit)
          : resolve(this.own ?? carried, summit);
    const last = this.lastQuote;
    // `“…,” Biden said. “…”`: a continuation in the same paragraph shares the date of the words it continues.
    if (date.date === null && !this.own && last && last.paragraph === this.paragraphIndex && (speaker === last.speaker || (speaker === null && !unnamed && this.named.size === 0))) return last.date;
    if (date.date !== null) this.lastQuote = { speaker, paragraph: this.paragraphIndex, date };
    return date;
  }
}

/** What follows a wire dateline's day: the agency (`17/10 (TTXVN)`, `19 августа. /ТАСС/.`, `July 16 (Reuters)`). */
const DATELINE_AGENCY = /^\s*(?:\(\p{Lu}[\p{L}\s]*\)|[.,]\s*\/\p{Lu}+\/)/u;

function isDateline(sentence: string, end: number): boolean {
  return DATELINE_AGENCY.test(sentence.slice(end, end + 24));
}

const TIME_STAMP = /^\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?\s?m\.?)?(?:\s*\(?(?:ET|EDT|EST|AKDT|PT|MSK|UTC|GMT(?:\s?[+-]\s?\d{1,2})?)\)?)?$/iu;

/**
 * A paragraph that is only a live entry's stamp: its day (the publication day
 * for a bare time), null for a bare time on a page without a date, undefined
 * when the paragraph is no stamp.
 */
function entryStamp(text: string, published: string | null): When | null | undefined {
  const t = text.trim();
  if (t.length > 60 || !/\d[:.h]\d{2}/u.test(t)) return undefined;
  const date = findDates(t, null, published).find((d) => d.start === 0 && d.precision === 'day' && d.iso !== null);
  if (!TIME_STAMP.test(date ? t.slice(date.end).replace(/^[,\s–-]+/u, '') : t)) return undefined;
  const iso = date?.iso ?? published;
  if (iso === null) return null;
  return { type: 'day', iso, basis: iso === published ? 'publication' : 'stated' };
}

/** The other side of the exchange just reported: `về phần mình`, `for his part`, `в свою очередь`. */
const IN_TURN = leadingLookbehind(/(?<![\p{L}])(?:về phần mình|về phía mình|for (?:his|her|their) part|in (?:his|her) turn|в свою очередь|со своей стороны)(?![\p{L}])/iu);

/** The day the text last gave, repeated: `cùng ngày`, `the same day`, `в тот же день`. */
const SAME_DAY = leadingLookbehind(/(?<![\p{L}])(?:cùng ngày|the same day|later that day|в тот же день|в этот же день)(?![\p{L}])/iu);

/**
 * Words from a book (`hồi ký`, `in his memoir`, `в мемуарах`) were written on a day the text does not give; a day the
 * sentence names (`gọi chiều 16/7 là "…"`) is what they are about.
 */
const BOOK = leadingLookbehind(/(?<![\p{L}])(?:hồi ký|cuốn sách|memoirs?|in (?:his|her|their) book|мемуар\p{L}*|в (?:своей |своих )?книге)(?![\p{L}])/iu);

/** Years back (`Bảy năm trước, trên bục họp báo…`, `Three years ago, at the joint press conference`): a summit setting of another year. */
const YEARS_AGO = leadingLookbehind(new RegExp(
  '(?<![\\p{L}])(?:(?:\\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mấy|vài) năm trước|(?:\\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|several|a few) years? ago|' +
    '(?:\\d+|год|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|несколько) (?:год|года|лет) назад)(?![\\p{L}])',
  'iu',
));
/** How recent a summit may be and still be one that a sentence puts years back: a year, less the slack of `một năm trước` for eleven months. */
const YEAR_BACK_DAYS = 300;

function whenOf(sentence: string, dates: DateMention[], lastDay: When | null, fromSummit: boolean, published: string | null): When | null {
  if (BOOK.test(sentence)) return { type: 'elsewhere' };
  const day = dates.find((d) => d.precision === 'day' && d.iso !== null);
  if (day) return { type: 'day', iso: day.iso!, basis: day.basis };
  if (lastDay && SAME_DAY.test(sentence)) return lastDay;
  if (ELSEWHERE.test(sentence)) return { type: 'elsewhere' };
  if (ROUTINE.test(sentence)) return null;
  if (TRAVEL.test(sentence)) return { type: 'away' };
  if (AT_SUMMIT.test(sentence)) {
    if (published === null || !YEARS_AGO.test(sentence)) return { type: 'summit' };
    return { type: 'summit', until: new Date(Date.parse(published) - YEAR_BACK_DAYS * 86_400_000).toISOString().slice(0, 10) };
  }
  if (NEW_INTERVIEW.test(sentence)) return { type: 'elsewhere' };
  if (RIGHT_AFTER.test(sentence)) return fromSummit ? { type: 'summit' } : { type: 'elsewhere' };
  return null;
}

function resolve(when: When | null, summit: Summit | null): QuoteDate {
  if (when?.type === 'day') return { date: when.iso, dateBasis: when.basis };
  if (when?.type === 'summit') {
    const day = summitDay(summit);
    if (day && (when.until === undefined || day <= when.until)) return { date: day, dateBasis: 'summit' };
  }
  return { date: null, dateBasis: 'unknown' };
}
