import type { DateBasis, Person, Quote, SpeakerBasis, Summit } from '../schema/index-schema';
import { COORDINATION, indefiniteAfter, subjectOf, verbsIn, type Clause } from './attribution';
import type { CleanDocument } from './clean';
import type { DateMention } from './dates';
import { quoteIds } from './ids';
import { findInterview, firstPersonSpeech, isQuestion, onlyQuestionLabel } from './interview';
import type { Mention } from './names';
import { nonSpeechKind, type QuoteKind } from './quote-kind';
import { findQuoteSpans, type QuoteSpan } from './quote-marks';
import { mentionsSummitSetting, QuoteClock } from './quote-dates';
import { citedKind } from './cited-words';
import { OfficeHolders } from './role-resolution';
import { SummitFocus } from './summit-detect';
import { Windows } from './windows';
import { splitSentences, type Range } from './sentences';
import { leadingLookbehind } from './lookbehind';

export interface QuoteContext {
  docId: string;
  doc: CleanDocument;
  summit: Summit | null;
  /** The summit the page's quoted words speak of, where its narration is about none (`the spirit of Anchorage`). */
  talkedOf?: Summit | null;
  inPassing?: Summit | null;
  summits: Summit[];
  people: Map<string, Person>;
  mentions: Mention[];
  dates: DateMention[];
  /** Office holders by day, shared by every document of a build. */
  holders: OfficeHolders;
}

/**
 * Who said it and how the text tells: `id` for a gazetteer person, else
 * `name` as written for someone outside it; `role` is the office phrase
 * when that is all the text gives.
 */
export interface Speaker {
  id: string | null;
  name: string | null;
  role: string | null;
  basis: Exclude<SpeakerBasis, 'none'>;
}

/** Speaker still to be decided by the sentence (`…, nói rằng`); null is somebody the text does not name. */
const IMPLICIT = Symbol('implicit');
type Who = Speaker | null | typeof IMPLICIT;

interface Found {
  span: QuoteSpan;
  speaker: Speaker | null;
  kind: QuoteKind;
  date: string | null;
  dateBasis: DateBasis;
  summit: string | null;
  mentions: string[];
  /** The quotation stands in a heading (headline, entry title), where news repeats words its body attributes. */
  heading: boolean;
}

/**
 * Every quotation of a cleaned document with its speaker, summit and date.
 * Reads paragraph by paragraph, sentence by sentence, keeping the last
 * person the text was about (for `ông nói`) and the time frame (for dates);
 * both restart at each live-blog entry, whose order is not the order of events.
 */
export function extractQuotes(ctx: QuoteContext): Quote[] {
  const { doc } = ctx;
  const spans = findQuoteSpans(doc.text).filter((s) => !s.nested);
  const found: Found[] = [];
  const namedAt = firstNamed(ctx.mentions);
  let recent: Speaker | null = null;
  /** The speaker before `recent`, for a pronoun of their gender that `recent` cannot take (`…," she added` after his words). */
  let earlier: Speaker | null = null;
  const clock = new QuoteClock(doc.published, ctx.summit, doc.sections.length > 0 && mentionsSummitSetting(doc.text));
  const [spanAt, mentionAt, dateAt] = [new Windows(spans, (q) => q.open), new Windows(ctx.mentions, (m) => m.start), new Windows(ctx.dates, (d) => d.start)];
  const focus = new SummitFocus(ctx.summit, doc.text, ctx.mentions, ctx.dates, ctx.summits, doc.published, ctx.talkedOf ?? null, ctx.inPassing ?? null);
  let section: number | null | undefined;
  let sectionStart = 0;

  const standfirst = headlineStandfirst(doc, spans, ctx.mentions, (m) => resolveMention(m, { text: doc.text, recent: null, opener: null, day: doc.published, pageDay: true, holders: ctx.holders, summit: ctx.summit, people: ctx.people, namedAt, sectionStart: 0, sentence: [], earlier: null }));
  const interview = findInterview(doc.text, doc.paragraphs, ctx.mentions);
  for (const [paraIndex, para] of doc.paragraphs.entries()) {
    const paraText = doc.text.slice(para.start, para.end);
    const answer = interview !== null && paraIndex > interview.firstQuestion && !isQuestion(paraText);
    if (para.section !== section) {
      section = para.section;
      sectionStart = para.start;
      recent = null;
      earlier = null;
      clock.section(section !== null);
    }
    // A live-blog entry stamped with its time starts afresh even where the page has no separators: entries run newest first.
    if (ENTRY_STAMP.test(doc.text.slice(para.start, Math.min(para.end, para.start + 40)))) [recent, earlier] = [null, null];
    clock.paragraph(doc.text.slice(para.start, para.end));
    focus.paragraph();
    let lastInParagraph: Speaker | null = null;
    let previousEndsWithColon = false;
    /** The person the previous sentence of the paragraph introduced by name, quoting nothing (`Американист Глеб Саввин настроен осторожно.`). */
    let introduced: Speaker | null = null;
    /** Whom the paragraph has called by name so far: a pronoun after that name (`Pompeo pushed back. "…," he told the panel`) restates the speaker as the name would; a role phrase (`Theo đặc phái viên Mỹ`) does not. */
    const namedHere = new Set<string>();
    for (const s of splitSentences(doc.text, para, spans)) {
      const quotes = spanAt.take(s.start, s.end).filter((q) => q.close < s.end);
      const clause: Clause = { text: doc.text, sentence: s, mentions: mentionAt.take(s.start, s.end).filter((m) => m.end <= s.end), quotes };
      const outside = clause.mentions.filter((m) => !quotes.some((q) => m.start > q.open && m.start < q.close));
      const outsideText = blankQuotes(doc.text, s, quotes);
      const ownDates = dateAt.take(s.start, s.end).filter((d) => d.end <= s.end && !quotes.some((q) => d.start > q.open && d.start < q.close));
      const ownDays = ownDates.filter((d) => d.precision === 'day' && d.iso !== null).map((d) => d.iso!);
      focus.sentence(outsideText, ownDays, outside.filter((m) => m.person !== null).map((m) => m.person!));
      // An office names its holder on the day the words were said: the sentence's own day, else its summit's, else the page's.
      const day = ownDays[0] ?? focus.quote('')?.date ?? doc.published;
      const pageDay = ownDays.length === 0 && !focus.quote('');
      const here: Resolver = { text: doc.text, recent, opener: opener(doc.text, s, outside), day, pageDay, holders: ctx.holders, summit: focus.quote(''), people: ctx.people, namedAt, sectionStart, sentence: outside, earlier };
      const resolve = (m: Mention): Speaker | null => resolveMention(m, here);
      const sentenceSpeaker = speakerOfSentence(clause, outside, resolve, recent);
      const resolved = outside.map(resolve);
      const named = resolved.filter((x): x is Speaker => x !== null).map(speakerKey);
      const speakers = sentenceSpeaker === IMPLICIT ? named : sentenceSpeaker ? [speakerKey(sentenceSpeaker)] : [];
      const reader = statementReader(doc.text, outside, resolve);
      const byName = resolved.filter((x, i): x is Speaker => x !== null && outside[i]!.kind !== 'pronoun').map(speakerKey);
      clock.sentence(outsideText, s.start, ownDates, speakers, named, reader !== null, byName);
      // A paragraph opening on a question answered (`Отвечая на вопрос корреспондента …, дипломат …`) reports another
      // exchange than the lead's; within a dated paragraph (`sáng 15/8 … Trả lời câu hỏi …`) the answer shares its day.
      if (sentenceSpeaker && sentenceSpeaker !== IMPLICIT && doc.text.slice(para.start, s.start).trim() === '' && ANSWERING.test(outsideText)) clock.newExchange(speakerKey(sentenceSpeaker));
      // The last speech quote's speaker, null when the text does not say who: a pronoun after it must not reach further back.
      let attributed: Speaker | null | undefined;

      quotes.forEach((q, k) => {
        const boundary = k === 0 ? s.start : quotes[k - 1]!.close + 1;
        const next = quotes[k + 1]?.open ?? s.end;
        const before = doc.text.slice(boundary, q.open);
        let who: Who | undefined;
        if (/:\s*$/u.test(before)) who = messageAuthor(doc.text, boundary, q.open, outside, resolve) ?? orElse(colonSpeaker(clause, outside, boundary, q, resolve), () => sentenceSpeaker);
        else if (/^[\s\p{P}]*$/u.test(before)) who = orElse(after(clause, q, next, resolve), () => continuation(lastInParagraph, previousEndsWithColon ? recent : null) ?? (k === 0 && /^[\s\p{P}]*$/u.test(doc.text.slice(q.close + 1, s.end)) ? (introduced ?? undefined) : undefined));
        else who = orElse(beforeMid(clause, s, q, resolve), () => after(clause, q, next, resolve));
        if (who === undefined || (who === IMPLICIT && !sentenceSpeaker)) who = orElse(accordingTo(doc.text, boundary, q, outside.filter((m) => m.start >= boundary), resolve), () => who);
        if (who === undefined) who = headlineSpeaker(doc.text, s, outside, resolve) ?? (standfirst?.quote === q ? standfirst.speaker : undefined);
        if (who === IMPLICIT) who = sentenceSpeaker;
        if (!who && reader && reader.at < q.open) who = reader.speaker;
        // First-person words are the interviewee's in an answer; elsewhere the writer's, whom the text does not name.
        if (firstPersonSpeech(before, doc.text.slice(q.close + 1, next))) who = answer ? guestOf(interview!.guest, paraText) : null;
        who = possessorsWords(doc.text, boundary, q.open, outside, resolve) ?? who;
        // `Q: "Did the president accept …?"`: a reporter the text does not name asks; the official asked answers next.
        if (onlyQuestionLabel(doc.text.slice(para.start, q.open))) who = null;
        // `Q&A: 'Geneva reset the thermostat…'` over an interview: a headline naming nobody quotes the guest.
        if (interview && paraIndex === 0 && !outside.some((m) => m.start < q.open)) who = { id: null, name: interview.guest, role: null, basis: 'named' };
        const words = doc.text.slice(q.start, q.end);
        const cited = citedKind(doc.text.slice(s.start, q.open), words);
        const kind: QuoteKind = cited ?? (who !== undefined ? 'speech' : looksLikeStatement(words, before) ? 'speech' : nonSpeechKind(doc.text.slice(para.start, q.open)));
        const speaker = kind === 'speech' && who && who !== IMPLICIT ? who : null;
        if (kind === 'speech') attributed = speaker;
        if (speaker) lastInParagraph = speaker;
        const summit = focus.quote(words, before);
        const when = kind === 'speech' ? clock.dateOf(speaker ? speakerKey(speaker) : null, summit, { byName: speaker?.basis === 'named' || (speaker?.basis === 'back-reference' && namedHere.has(speakerKey(speaker))), unnamed: who === null, scene: focus.scene(), otherClause: laterClause(clause, q, ownDates), words }) : { date: null, dateBasis: 'unknown' as const };
        found.push({
          span: q,
          speaker,
          kind,
          date: when.date,
          dateBasis: when.dateBasis,
          summit: summit?.id ?? null,
          mentions: mentionedPeople(clause.mentions, resolve, speaker?.id ?? null),
          heading: paraIndex === 0 || isHeading(paraText),
        });
      });

      const sentenceText = doc.text.slice(s.start, s.end);
      const subject = sentenceSpeaker === IMPLICIT ? undefined : sentenceSpeaker;
      const following: Speaker | null = attributed ?? subject ?? (attributed === null || subject === null ? null : recent);
      if (following && recent && speakerKey(following) !== speakerKey(recent)) earlier = recent;
      recent = following;
      // `A reporter asked Leavitt whether …`: the one asked answers next (`"…," she said`), not the one asking.
      const asked = attributed === undefined ? addressee(doc.text, s, outside, resolve) : null;
      if (asked) {
        recent = asked;
        clock.newExchange(speakerKey(asked));
      }
      for (const m of outside) {
        const sp = m.kind === 'name' || m.kind === 'stranger' ? resolve(m) : null;
        if (sp) namedHere.add(speakerKey(sp));
      }
      previousEndsWithColon = /:\s*$/u.test(sentenceText);
      introduced = quotes.length === 0 && sentenceSpeaker && sentenceSpeaker !== IMPLICIT && sentenceSpeaker.basis === 'named' && outside.some((m) => m.kind === 'name' || m.kind === 'stranger') ? sentenceSpeaker : null;
    }
  }

  echoHeadings(doc.text, found);
  const ids = quoteIds(ctx.docId, found.map((f) => ctx.doc.text.slice(f.span.start, f.span.end)));
  return found.map((f, i) => ({
    id: ids[i]!,
    document: ctx.docId,
    text: doc.text.slice(f.span.start, f.span.end),
    speaker: f.speaker?.id ?? null,
    summit: f.summit,
    date: f.date,
    start: f.span.start,
    end: f.span.end,
    mentions: f.mentions,
    kind: f.kind,
    speakerName: f.speaker && !f.speaker.id ? f.speaker.name : null,
    speakerRole: f.speaker?.basis === 'role' ? f.speaker.role : null,
    speakerBasis: f.speaker?.basis ?? 'none',
    dateBasis: f.dateBasis,
  }));
}

/**
 * `Theo ông, hai bên "đã hiểu nhau hơn"`, `According to the senator, the deal is "not dead"`, `По его словам, ни о каких
 * уступках «за спиной Украины» речь не идет`: a sentence that opens by naming whose account it gives quotes that
 * person, even a fragment no verb introduces. Words cited as words stay words (`cited-words.ts` decides first).
 */
const ACCORDING_TO = /^[\s\p{P}]*(?:[Tt]heo(?: lời| nhận định của| đánh giá của)?|[Aa]ccording to|[Ii]n the view of|[Ii]n the words of|[Пп]о словам|[Пп]о мнению|[Пп]о оценке)\s+(?:[\p{L}.-]+\s+){0,5}$/u;
/**
 * The title between `theo`/`according to` and the name (`nhà phân tích`, `the analyst`, `политолога`) is a few words
 * of its own; a link word makes the name someone else's (`a source close to Putin`, `nguồn tin thân cận với ông Putin`).
 */
const NOT_A_TITLE = /(?<![\p{L}])(?:của|với|về|từ|gần|thân cận|phía|nguồn|báo|tờ|hãng|of|to|with|from|close|near|about|source|sources|people|report|reports|media|с|со|к|от|у|о|об|близк\p{L}*|источник\p{L}*|СМИ|газет\p{L}*)(?![\p{L}])/iu;
const ACCORDING_TO_RU = /^[\s\p{P}]*по\s+(его|её|ее)\s+(?:словам|мнению|оценке)\s*,/iu;

function accordingTo(text: string, from: number, q: QuoteSpan, outside: Mention[], resolve: (m: Mention) => Speaker | null): Speaker | undefined {
  const ru = ACCORDING_TO_RU.exec(text.slice(from, q.open));
  if (ru) {
    const start = from + ru[0].indexOf(ru[1]!);
    return resolve({ start, end: start + ru[1]!.length, kind: 'pronoun', person: null, country: null, leader: false }) ?? undefined;
  }
  // `Theo bà Nguyễn Thị Lan,`: a title or pronoun before the name is the name's.
  if (!outside[0]) return undefined;
  const first = titleOf(text, outside[0], outside[1]) ? outside[1] : outside[0];
  if (!first || first.end > q.open || first.kind === 'distractor' || !ACCORDING_TO.test(text.slice(from, outside[0].start)) || NOT_A_TITLE.test(text.slice(from, outside[0].start))) return undefined;
  if (!/^\s*,/u.test(text.slice(first.end, first.end + 3))) return undefined;
  return resolve(first) ?? undefined;
}

/** A short paragraph with no closing full stop: a headline, a standfirst title or a live entry's title. */
function isHeading(paragraph: string): boolean {
  const words = paragraph.trim().split(/\s+/u);
  return words.length <= 20 && !/[.!?…]$/u.test(paragraph.trim().replace(/[\s"'“”‘’«»„]+$/u, ''));
}

/** Lower case, one space, no punctuation at either end: how the same words are compared in two places. */
function wordsKey(text: string): string {
  return text.toLowerCase().replace(/\s+/gu, ' ').replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
}

/**
 * `'Nobody walked away with nothing': a Finnish diplomat on …` over a body where Väisänen says "Nobody walked away with
 * nothing, and …": a heading repeats words its body attributes, so an unattributed heading quotation of three words
 * or more takes the speaker, kind and date of the body quotation that contains it, if every such quotation agrees.
 */
function echoHeadings(text: string, found: Found[]): void {
  for (const f of found) {
    if (!f.heading || f.speaker || (f.kind !== 'speech' && f.kind !== 'scare')) continue;
    const key = wordsKey(text.slice(f.span.start, f.span.end));
    if (key.split(' ').length < 3) continue;
    const echoes = found.filter((g) => g !== f && g.speaker && g.kind === 'speech' && wordsKey(text.slice(g.span.start, g.span.end)).includes(key));
    const first = echoes[0];
    if (!first || echoes.some((g) => speakerKey(g.speaker!) !== speakerKey(first.speaker!))) continue;
    Object.assign(f, { speaker: first.speaker, kind: 'speech', date: first.date, dateBasis: first.dateBasis });
  }
}

const ENTRY_STAMP = /^(?:\d{1,2}[:h]\d{2}|[A-Z][a-z]{2,4}\.? \d{1,2}, \d{4}, \d{1,2}:\d{2})(?:\s?[ap]\.?m\.?)?(?:\s+(?:ET|GMT|UTC|МСК))?(?:\s|$)/u;

/** `Đặc phái viên Witkoff: Nga chấp nhận “…”`, `Putin: 'We agreed'`: a headline or entry title naming its speaker before a colon. */
function headlineSpeaker(text: string, s: Range, outside: Mention[], resolve: (m: Mention) => Speaker | null): Speaker | undefined {
  const first = outside[0];
  if (!first || first.kind === 'pronoun' || first.kind === 'distractor') return undefined;
  if (!/^[\s\p{P}]*(?:\S+\s+){0,3}$/u.test(text.slice(s.start, first.start)) || !/^\s*:/u.test(text.slice(first.end, first.end + 3))) return undefined;
  return resolve(first) ?? undefined;
}

/**
 * A headline that opens with a quotation followed by whom it is from (`«Это была встреча-разведка»
 * Политолог Вероника Ланская — о том, что…`, `"…" Lavrov on the talks`): the quotation is theirs.
 */
function headlineStandfirst(doc: CleanDocument, spans: QuoteSpan[], mentions: Mention[], resolve: (m: Mention) => Speaker | null): { quote: QuoteSpan; speaker: Speaker } | null {
  const title = doc.paragraphs[0];
  const quote = spans[0];
  if (!title || !quote || quote.close >= title.end || !/^[\s\p{P}]*$/u.test(doc.text.slice(title.start, quote.open))) return null;
  const first = mentions.find((m) => m.start > quote.close && m.kind !== 'pronoun');
  // The standfirst may be joined to the headline or stand as the next paragraph.
  const limit = doc.paragraphs[1]?.end ?? title.end;
  if (!first || first.start >= limit || first.kind === 'distractor') return null;
  if (!/^[\s\p{P}]*(?:\S+\s+){0,3}$/u.test(doc.text.slice(quote.close + 1, first.start))) return null;
  if (!/^\s*(?:[—–:]|-\s|on\s|о\s|về\s)/u.test(doc.text.slice(first.end, first.end + 4))) return null;
  const speaker = resolve(first);
  return speaker ? { quote, speaker } : null;
}

/** The guest, named where their answer opens with their name (`PGS.TS Trần Quốc Hưng: …`), else known from the intro. */
function guestOf(guest: string, paragraph: string): Speaker {
  // The label may be the full name or the surname alone (`Almond: …`).
  const label = paragraph.indexOf(guest) >= 0 ? guest : guest.split(' ').pop()!;
  const labelled = paragraph.indexOf(label) >= 0 && paragraph.indexOf(':') > paragraph.indexOf(label) && paragraph.indexOf(label) < 40;
  return { id: null, name: guest, role: null, basis: labelled ? 'named' : 'back-reference' };
}

/** One key per speaker, for the date frames their sentences own: the id, or the name as written. */
function speakerKey(s: Speaker): string {
  return s.id ?? `name:${s.name ?? ''}`;
}

/** `undefined` means "no attribution found here"; null is an attribution to someone unknown and must stick. */
function orElse(who: Who | undefined, next: () => Who | undefined): Who | undefined {
  return who !== undefined ? who : next();
}

interface Resolver {
  text: string;
  /** The last speaker or subject, for pronouns. */
  recent: Speaker | null;
  /** The person the current sentence opens with, which a later pronoun in it stands for (`Väisänen laughed… "…," she said`). */
  opener: Mention | null;
  /** The day an office phrase is read on. */
  day: string | null;
  /** Whether that day is only the page's, no day or summit of the sentence's own. */
  pageDay: boolean;
  holders: OfficeHolders;
  /** The summit the sentence is about, whose participants a counterpart phrase picks from. */
  summit: Summit | null;
  people: Map<string, Person>;
  namedAt: Map<string, number[]>;
  sectionStart: number;
  /** The sentence's mentions outside quotations, for a pronoun of the other gender than its subject's. */
  sentence: Mention[];
  /** The speaker before `recent`. */
  earlier: Speaker | null;
}

function opener(text: string, s: Range, outside: Mention[]): Mention | null {
  const first = outside[0];
  if (!first || !['name', 'epithet', 'stranger', 'role'].includes(first.kind)) return null;
  return /^[\s\p{P}]*$/u.test(text.slice(s.start, first.start)) ? first : null;
}

/** Where each person is named by name, in text order. */
function firstNamed(mentions: Mention[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const m of mentions) {
    if ((m.kind !== 'name' && m.kind !== 'epithet') || !m.person) continue;
    const list = out.get(m.person) ?? [];
    list.push(m.start);
    out.set(m.person, list);
  }
  return out;
}

/** Whether `id` is named between `from` and `to`: an office phrase after the name only points back to that person. */
function namedBetween(namedAt: Map<string, number[]>, id: string, from: number, to: number): boolean {
  const starts = namedAt.get(id);
  if (!starts) return false;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < starts.length && starts[lo]! < to;
}

function resolveMention(m: Mention, r: Resolver): Speaker | null {
  if ((m.kind === 'name' || m.kind === 'epithet') && m.person) return { id: m.person, name: null, role: null, basis: 'named' };
  if (m.kind === 'stranger' && m.name) return { id: null, name: m.name, role: null, basis: 'named' };
  // A pronoun carries how its antecedent was identified: a role stays a role.
  if (m.kind === 'pronoun') {
    const other = otherGenderReferent(m, r);
    if (other !== undefined) return other;
    const gender = pronounGender(r.text.slice(m.start, m.end));
    let antecedent = r.opener && r.opener.end <= m.start ? resolveMention(r.opener, { ...r, opener: null }) : r.recent;
    // `"He was right," she added` after his words: she is the one speaking before him, if only her gender fits.
    if (antecedent && r.earlier && antecedent === r.recent && !sameGender(gender, speakerGender(antecedent, r.people)) && sameGender(gender, speakerGender(r.earlier, r.people))) antecedent = r.earlier;
    if (m.offices) return officeNoun(m, m.offices, antecedent, r);
    if (!antecedent || !sameGender(gender, speakerGender(antecedent, r.people))) return null;
    return { ...antecedent, basis: antecedent.basis === 'role' ? 'role' : 'back-reference' };
  }
  if (m.kind === 'role' && !m.office && m.leader && m.country) return counterpart(m, r);
  if (m.kind !== 'role' || !m.office || !r.day) return null;
  // `the former secretary of state`, `cựu Ngoại trưởng Mỹ`, `бывший госсекретарь` is never the holder on the day; `the then
  // secretary`, `тогдашний госсекретарь` is the holder on the sentence's own day or summit, not on the page's.
  const qualifier = r.text.slice(Math.max(0, m.start - 16), m.start);
  if (FORMER.test(qualifier) || (r.pageDay && (THEN.test(qualifier) || THEN_AFTER.test(r.text.slice(m.end, m.end + 16))))) return null;
  const { holder, candidates } = r.holders.on(m.office, r.day);
  // A role word after the holder's name points back to them; for a shared office, only that way can it name anyone.
  const named = candidates.filter((id) => namedBetween(r.namedAt, id, r.sectionStart, m.start));
  if (named.length === 1) return { id: named[0]!, name: null, role: null, basis: 'back-reference' };
  return holder ? { id: holder, name: null, role: r.text.slice(m.start, m.end), basis: 'role' } : null;
}

/**
 * `the secretary`, `госсекретарь`: the antecedent if they held one of the offices on the day, else the one holder of
 * them the section has named; otherwise nobody. `the secretary general`, `the governor of Texas` are other offices.
 */
function officeNoun(m: Mention, offices: string[], antecedent: Speaker | null, r: Resolver): Speaker | null {
  if (!r.day || OTHER_OFFICE_AFTER.test(r.text.slice(m.end, m.end + 12))) return null;
  const candidates = [...new Set(offices.flatMap((o) => r.holders.on(o, r.day!).candidates))];
  if (antecedent?.id && candidates.includes(antecedent.id)) return { ...antecedent, basis: antecedent.basis === 'role' ? 'role' : 'back-reference' };
  const named = candidates.filter((id) => namedBetween(r.namedAt, id, r.sectionStart, m.start));
  return named.length === 1 ? { id: named[0]!, name: null, role: null, basis: 'back-reference' } : null;
}
const OTHER_OFFICE_AFTER = /^[\s-]+(?:of|general|генерал)(?![\p{L}])/iu;

const FORMER = /(?<![\p{L}])(?:former|ex-|one-time|onetime|cựu|nguyên|бывш(?:ий|его|ему|им|ая|ей|ую)|экс-)\s*$/iu;
const THEN_AFTER = /^\s*(?:khi đó|khi ấy|lúc đó|lúc ấy|thời đó|at the time)(?![\p{L}])/iu;
const THEN = /(?<![\p{L}])(?:then-?|тогдашн(?:ий|его|ему|им|яя|ей|юю))\s*$/iu;

/**
 * `She also recalled Trump's verdict, when he said …`: after a pronoun of one gender for the person the text is
 * about, a pronoun of the other gender in the same sentence is someone else — the person named between them,
 * or nobody. Undefined when the rule does not apply.
 */
function otherGenderReferent(m: Mention, r: Resolver): Speaker | null | undefined {
  const gender = pronounGender(r.text.slice(m.start, m.end));
  if (gender === null) return undefined;
  const first = r.sentence.find((x) => x.kind === 'pronoun' && x.start < m.start);
  const firstGender = first ? pronounGender(r.text.slice(first.start, first.end)) : null;
  if (!first || firstGender === null || firstGender === gender) return undefined;
  const between = r.sentence.filter((x) => x.start > first.end && x.end <= m.start && (x.kind === 'name' || x.kind === 'stranger')).pop();
  const who = between ? resolveMention(between, { ...r, opener: null }) : null;
  return who && sameGender(gender, speakerGender(who, r.people)) ? { ...who, basis: who.basis === 'role' ? 'role' : 'back-reference' } : null;
}

type Gender = 'f' | 'm' | null;

const FEMALE_PRONOUN = /^(?:bà|bà ấy|cô|cô ấy|chị|chị ấy|nữ .+|she|the spokeswoman|the congresswoman|она|её|ее|собеседница)$/iu;
const MALE_PRONOUN = /^(?:ông|ông ấy|ngài|anh|anh ấy|he|the spokesman|the congressman|он|его|собеседник)$/iu;

function pronounGender(form: string): Gender {
  return FEMALE_PRONOUN.test(form) ? 'f' : MALE_PRONOUN.test(form) ? 'm' : null;
}

/** A known person's gender from the gazetteer; a stranger's only where a Russian name shows it (`Дарья Миронец`, `Алина Сорокина`). */
function speakerGender(s: Speaker, people: Map<string, Person>): Gender {
  if (s.id) return people.get(s.id)?.gender === 'f' ? 'f' : 'm';
  const words = (s.name ?? '').toLowerCase().split(/\s+/u);
  const first = words[0] ?? '';
  const last = words[words.length - 1] ?? '';
  if (!/^[\u0400-\u04FF]/u.test(first)) return null;
  // Endings that only one gender has in any case: `Сорокиной`, `Ланская`; `Сухоруков`, `Андрей`.
  if (/(?:ой|ая|яя|ую)$/u.test(last) || (/[ая]$/u.test(first) && !/(?:ов|ев|ёв|ин|ын|ий)$/u.test(last))) return 'f';
  if (/(?:ов|ев|ёв|ин|ын|ий|ым)$/u.test(last) || /[бвгджзйклмнпрстфхцчшщ]$/u.test(first)) return 'm';
  return null;
}

/** A pronoun of one gender never points back to a person of the other: no speaker beats the wrong one. */
function sameGender(a: Gender, b: Gender): boolean {
  return a === null || b === null || a === b;
}

/**
 * `người đồng cấp Nga`: the one participant of the sentence's summit from that country, when the one it is the
 * counterpart of is a participant too; after `Ngoại trưởng Mỹ` it is another foreign minister, whom no summit names.
 */
function counterpart(m: Mention, r: Resolver): Speaker | null {
  const participants = r.summit?.participants ?? [];
  if (r.recent && (r.recent.id === null || !participants.includes(r.recent.id))) return null;
  const hits = participants.filter((id) => r.people.get(id)?.country === m.country);
  if (hits.length !== 1) return null;
  const id = hits[0]!;
  if (namedBetween(r.namedAt, id, r.sectionStart, m.start)) return { id, name: null, role: null, basis: 'back-reference' };
  return { id, name: null, role: r.text.slice(m.start, m.end), basis: 'role' };
}

function fromSubject(c: Clause, verb: { start: number; end: number }, from: number, resolve: (m: Mention) => Speaker | null): Who {
  const subject = subjectOf(c, verb, from);
  if (subject.type === 'implicit') return IMPLICIT;
  if (subject.type === 'unknown') return null;
  return resolve(subject.mention);
}

/** The sentence's speaker: the subject of its first speech verb, else the first person it names, else the last one. */
function speakerOfSentence(c: Clause, outside: Mention[], resolve: (m: Mention) => Speaker | null, recent: Speaker | null): Who {
  const verbs = verbsIn(c, c.sentence.start, c.sentence.end);
  for (const v of verbs) {
    const who = fromSubject(c, v, c.sentence.start, resolve);
    // A verb opening the sentence with no subject is a participial phrase (`Trả lời phỏng vấn đài NBC hôm 17/8, Ngoại trưởng…`).
    if (who === null && SENTENCE_OPENING.test(c.text.slice(c.sentence.start, v.start))) continue;
    // A verb in a relative clause (`Priya Raman, who … wrote its recent study`) is not the sentence's.
    if (who === null && RELATIVE_CLAUSE.test(c.text.slice(c.sentence.start, v.start))) continue;
    if (who !== IMPLICIT) return who;
    // A subject cut off from its verb by an apposition: `Senator Lisa Murkowski, the Alaska Republican, said`.
    const first = outside.find((m) => m.start < v.start && m.kind !== 'distractor' && m.kind !== 'pronoun' && !possessive(c.text, m));
    const subject = first ? resolve(first) : null;
    if (subject) return subject;
  }
  const limit = verbs[0]?.start ?? c.sentence.end;
  // A subordinate clause (`Cuối buổi, khi ông Putin gợi ý…, ông Trump mỉm cười`) does not hold the sentence's subject.
  const sub = SUBORDINATE.exec(c.text.slice(c.sentence.start, limit));
  const skip = sub ? { start: c.sentence.start + sub.index, end: c.sentence.start + sub.index + sub[0].length } : null;
  for (const [k, m] of outside.entries()) {
    if ((skip && m.start >= skip.start && m.start < skip.end) || m.start >= limit || m.kind === 'distractor' || titleOf(c.text, m, outside[k + 1]) || HOST.test(c.text.slice(Math.max(c.sentence.start, m.start - 40), m.start))) continue;
    // `Trump's own account came in an interview …`: the one whose account it is speaks in what follows.
    if (possessive(c.text, m)) {
      if (!OWN_WORDS.test(c.text.slice(m.end, m.end + 30))) continue;
    }
    const who = resolve(m);
    if (who) return coordinated(c.text, m, outside, k, who, resolve) ? null : who;
  }
  // `The foreign ministry spokeswoman, in a post…, wrote`: a subject the gazetteer cannot name is somebody, not the last person named.
  // A transcript's speaker label (`BEN ALDER: A listener … wrote in to ask`) stands before the sentence's own subject.
  const opening = c.text.slice(c.sentence.start, limit).replace(TRANSCRIPT_LABEL, '');
  if (verbs.length > 0 && (COMMON_SUBJECT.test(opening) || JOINT_SUBJECT.test(opening))) return null;
  return carried(recent);
}

/**
 * `Trump and Putin shook hands`, `Ông Trump và ông Putin bắt tay`, `Трамп и Путин пожали руки`: two people joined as
 * one subject are equally salient, so the sentence has no one speaker and a later `he`, `ông`, `он` names neither.
 */
function coordinated(text: string, m: Mention, outside: Mention[], k: number, who: Speaker, resolve: (m: Mention) => Speaker | null): boolean {
  const other = outside.slice(k + 1).find((x) => x.kind !== 'pronoun' || x.offices);
  if (!other || other.kind === 'distractor' || !COORDINATION.test(text.slice(m.end, other.start))) return false;
  const second = resolve(other);
  return second !== null && speakerKey(second) !== speakerKey(who);
}
/** The verb's clause opens with a relative pronoun after a comma: `X, who …`, `X, который …`. */
const RELATIVE_CLAUSE = /,\s*(?:who|which|whose|который|которая|которые|которого|которой)\s[^,;:]*$/iu;

/** Nothing but punctuation, or an outlet's tag (`(Dân Việt)`, `(TTXVN) -`), before a sentence's first word. */
const SENTENCE_OPENING = /^[\s\p{P}]*(?:\([^()]{1,30}\)[\s\p{Pd}]*)?$/u;

/**
 * A common-noun subject (`The spokeswoman`, `A senior official`, `One European diplomat`, `Một quan chức`,
 * `Представитель Белого дома`), which no mention names, at the start of the sentence or after an opening phrase
 * (`In Kyiv, a senior Ukrainian official … said`).
 */
const COMMON_SUBJECT = /(?:^[\s\p{P}]*(?:The|A|An|One|Another|Some|Một|Các|Những)|,\s+(?:the|a|an|one|another|some|một|các|những))\s+(?:\p{Lu}[\p{L}.-]*\s+){0,2}\p{Ll}|^[\s\p{P}]*(?:Представител[ьи]|Источник|Источники|Чиновник|Сотрудник|Один из|Одна из|Кто-то из)(?![\p{L}])/u;

/** A transcript turn's label in capitals: `BEN ALDER:`, `ВЕДУЩИЙ:`, `PV:`. */
const TRANSCRIPT_LABEL = /^[\s\p{P}]*\p{Lu}[\p{Lu}.'’ -]*\p{Lu}:\s+/u;

/** Both sides at once (`Hai bên ra "Tuyên bố chung …", trong đó khẳng định`, `Both leaders said`, `Стороны заявили`): no one person speaks. */
const JOINT_SUBJECT = /^[\s\p{P}]*(?:hai (?:bên|phía|nước|nhà lãnh đạo|tổng thống|ngoại trưởng)|cả hai (?:bên|phía|nhà lãnh đạo)|both (?:sides|leaders|presidents|men|countries|delegations)|the two (?:sides|leaders|presidents|men|countries|delegations)|(?:обе|две) стороны|стороны|оба (?:лидера|президента)|лидеры (?:двух )?стран)(?![\p{L}])/iu;

/**
 * A back-reference word that titles the name right after it (`Эксперт ПИР-Центра Вадим Корнилов`, `the senator Lisa
 * Murkowski`, `nhà nghiên cứu Lê Minh`) introduces that person; it points back to nobody.
 */
function titleOf(text: string, m: Mention, next: Mention | undefined): boolean {
  return m.kind === 'pronoun' && next !== undefined && (next.kind === 'name' || next.kind === 'stranger') && TITLE_GAP.test(text.slice(m.end, next.start));
}
const TITLE_GAP = /^\s(?:[\p{L}-]+\s){0,2}$/u;

/**
 * The quotation is attributed by a speech verb of a later clause than the sentence's day and first speech verb: `On
 * Monday the president said "…", and the White House has described the meeting as "…"`, `Вчера Песков заявил, что
 * «…», а в МИД назвали это «…»`. A clause of its own is a break and a subject before its verb.
 */
function laterClause(c: Clause, q: QuoteSpan, days: readonly { start: number }[]): boolean {
  // A verb opening its clause is a participle (`Sáng nay, trả lời hãng TASS, người phát ngôn … cho biết`), no predicate of its own.
  const verbs = verbsIn(c, c.sentence.start, q.open).filter((v) => /\p{L}/u.test(c.text.slice(c.sentence.start, v.start).split(/[,;:]/u).pop()!));
  const [first, own] = [verbs[0], verbs[verbs.length - 1]];
  if (!first || !own || first === own || days.length === 0 || days.some((d) => d.start > first.start)) return false;
  const between = c.text.slice(first.end, own.start);
  // `Песков во вторник назвал … «…», но добавил, что …`: a second predicate of the same subject is no clause of its own.
  return NEW_CLAUSE.test(between) && !SAME_SUBJECT.test(between);
}
const SAME_SUBJECT = /[;,]\s*(?:(?:and|but|then|also|và|nhưng|rồi|cũng|đồng thời|а|но|и|затем|потом|также|тоже)\s+)+$/iu;
const NEW_CLAUSE = /(?:[;,]\s*(?:and|but|while|whereas|và|nhưng|còn|trong khi|а|но|и|тогда как)?|\s(?:while|whereas|but|còn|trong khi|а|но|тогда как))\s+(?:[\p{L}'’.-]+\s+){1,6}$/u;

/** A speaker carried over from an earlier sentence is known by reference, unless only a role ever identified them. */
function carried(s: Speaker | null): Speaker | null {
  return s && s.basis === 'named' ? { ...s, basis: 'back-reference' } : s;
}

const SUBORDINATE = leadingLookbehind(/(?<![\p{L}])(?:khi|sau khi|trước khi|trong khi|when|after|before|while|as|когда|после того как|пока)\s[^,]*,/iu);

/** `Putin's foreign policy aide, Yuri Ushakov, said`: the possessor is not the subject. */
/** The one who asks on a show (`Fox News host Sean Hannity`, `ведущий Олег Ветров`, `người dẫn chương trình …`): never the guest whose words follow. */
const HOST = /(?<![\p{L}])(?:host|anchor|moderator|interviewer|ведущ\p{L}*|người dẫn(?: chương trình)?|MC)\s+(?:\(?\p{Lu}[\p{L}.)-]*\s+){0,3}$/u;
/** What a possessor gives of their own: `'s own account`, `'s version`, `'s answer`. */
const OWN_WORDS = /^['’]s\s+(?:own\s+)?(?:account|version|answer|reply|response|remarks|words|comments|explanation|telling)(?![\p{L}])/iu;

function possessive(text: string, m: Mention): boolean {
  return /^['’]s(?![\p{L}])/u.test(text.slice(m.end, m.end + 3));
}
/**
 * `In a statement read by spokesman Dmitry Peskov, the Kremlin said …`, `в заявлении, которое зачитала
 * Мария Захарова`, `tuyên bố do người phát ngôn Maria Zakharova đọc`: an institution's statement is
 * quoted in the words of the person who read it out, the only one the text names (as a ministry's
 * briefing is its spokesperson's). A person's own message read out by an aide names its author instead
 * (`read out a message from the president`), and is not matched here.
 */
const READ_BY = /(?:(?<![\p{L}])read(?: out)? by|(?<![\p{L}])зачита(?:л|ла|ли|вший|вшая)|(?<![\p{L}])do)\s+(?:(?:[\p{Ll}-]+|\p{Lu}{2,})\s+){0,5}$/u;
const VI_READ = /^\s*(?:đọc|tuyên đọc)(?![\p{L}])/u;

function statementReader(text: string, outside: Mention[], resolve: (m: Mention) => Speaker | null): { at: number; speaker: Speaker } | null {
  for (const m of outside) {
    if (m.kind !== 'name' && m.kind !== 'stranger' && m.kind !== 'role') continue;
    const before = READ_BY.exec(text.slice(Math.max(0, m.start - 80), m.start));
    if (!before) continue;
    if (before[0].startsWith('do') && !VI_READ.test(text.slice(m.end, m.end + 12))) continue;
    const speaker = resolve(m);
    if (speaker) return { at: m.end, speaker };
  }
  return null;
}

/** `asked Leavitt`, `hỏi ông Rubio`, `спросил Лаврова`, `журналисты задали Ушакову`: a question's addressee right after the verb. */
const ASKED = leadingLookbehind(/(?<![\p{L}])(?:asked|pressed|questioned|hỏi|chất vấn|спросил[аи]?|задал[аи]?(?: (?:вопрос|вопросы))?|переспросил[аи]?)\s+(?:(?:отдельно|также|тоже|и)\s+)?$/iu);

/** A sentence that opens on the question its speaker answers: `Answering a question about …`, `Trả lời câu hỏi …`, `Отвечая на вопрос …` (`Asked whether …` and `Khi được hỏi` go on an interview's exchange). */
const ANSWERING = /^[\s\p{P}]*(?:(?:answering|responding to|replying to|in (?:answer|response|reply) to)\s+(?:a |the |an )?(?:\p{L}+\s+){0,2}?question|(?:trả lời|đáp lại)\s+(?:các |những )?câu hỏi|(?:отвечая|в ответ)\s+на\s+(?:\p{L}+\s+)?вопрос|на вопрос)(?![\p{L}])/iu;

function addressee(text: string, s: Range, outside: Mention[], resolve: (m: Mention) => Speaker | null): Speaker | null {
  for (const m of outside) {
    if ((m.kind !== 'name' && m.kind !== 'stranger' && m.kind !== 'role') || !ASKED.test(text.slice(Math.max(s.start, m.start - 20), m.start))) continue;
    return resolve(m);
  }
  return null;
}

/**
 * `read out a message from the president: "…"`, `a letter from Putin`: the words are the author's,
 * whoever reads or posts them.
 */
const MESSAGE_FROM = leadingLookbehind(/(?<![\p{L}])(?:message|letter|note|statement|post|greeting|thông điệp|bức thư|lá thư|послание|письмо|обращение)\s+(?:from|của|от)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.-]*\s+){0,3}$/iu);

function messageAuthor(text: string, from: number, to: number, outside: Mention[], resolve: (m: Mention) => Speaker | null): Speaker | null {
  for (const m of outside) {
    if (m.start < from || m.end > to || (m.kind !== 'name' && m.kind !== 'stranger' && m.kind !== 'role')) continue;
    if (MESSAGE_FROM.test(text.slice(Math.max(from, m.start - 30), m.start))) return resolve(m);
  }
  return null;
}

/** `Blinken's answer was, "…"`, `in Lavrov's words, "…"`, `câu trả lời của ông Rubio là: "…"`: the possessor's words. */
const WORDS_AFTER_POSSESSOR = /^['’]s\s+(?:answer|reply|response|retort|words|verdict|message)(?:\s+(?:was|were|is|came))?[\s,:]*$/iu;
const WORDS_BEFORE_POSSESSOR = /(?<![\p{L}])(?:(?:câu )?trả lời|lời đáp|lời)\s+của\s+$/iu;

function possessorsWords(text: string, from: number, to: number, outside: Mention[], resolve: (m: Mention) => Speaker | null): Speaker | null {
  const m = outside.filter((x) => x.start >= from && x.end <= to && (x.kind === 'name' || x.kind === 'stranger' || x.kind === 'role')).pop();
  if (!m) return null;
  const english = WORDS_AFTER_POSSESSOR.test(text.slice(m.end, to));
  const vietnamese = WORDS_BEFORE_POSSESSOR.test(text.slice(Math.max(from, m.start - 20), m.start)) && /^\s*(?:là)?[\s,:]*$/u.test(text.slice(m.end, to));
  return english || vietnamese ? resolve(m) : null;
}

/** A clause of three words or more before a colon: it has a subject of its own. */
const UNNAMED_SUBJECT = /^\s*\S+\s+\S+\s+\S+/u;

/** `X nêu rõ: “…”`: the verb before the colon, else whoever the clause before it names first. */
function colonSpeaker(c: Clause, outside: Mention[], from: number, q: QuoteSpan, resolve: (m: Mention) => Speaker | null): Who | undefined {
  const verbs = verbsIn(c, from, q.open);
  const last = verbs[verbs.length - 1];
  if (last) {
    const who = fromSubject(c, last, from, resolve);
    if (who !== IMPLICIT) return who;
  }
  const colon = c.text.lastIndexOf(':', q.open);
  const clauseStart = Math.max(from, c.text.lastIndexOf(',', colon) + 1);
  // `Журналист спросил Пескова: «…?»`: the one asked does not ask.
  const subject = outside.find((m) => m.start >= clauseStart && m.end <= colon && m.kind !== 'distractor' && !ASKED.test(c.text.slice(Math.max(clauseStart, m.start - 20), m.start)));
  if (subject) return resolve(subject);
  if (last) return IMPLICIT;
  // Someone the text does not name asks or says it (`Кто-то из журналистов выкрикнул вопрос: «…»`).
  return UNNAMED_SUBJECT.test(c.text.slice(clauseStart, colon)) ? null : undefined;
}

/** `“…”, ông Putin nói`: a speech verb after the quotation whose subject follows the closing mark. */
function after(c: Clause, q: QuoteSpan, to: number, resolve: (m: Mention) => Speaker | null): Who | undefined {
  const verb = verbsIn(c, q.close + 1, to)[0];
  if (!verb) return undefined;
  const who = fromSubject(c, verb, q.close + 1, resolve);
  return who === IMPLICIT && /^[\s\p{P}]*$/u.test(c.text.slice(q.close + 1, verb.start)) && indefiniteAfter(c, verb) ? null : who;
}

/** `Ông Putin nói rằng Nga “thực sự quan tâm”`: the nearest speech verb before the quotation. */
function beforeMid(c: Clause, s: Range, q: QuoteSpan, resolve: (m: Mention) => Speaker | null): Who | undefined {
  const verbs = verbsIn(c, s.start, q.open);
  const last = verbs[verbs.length - 1];
  if (!last) return undefined;
  const who = fromSubject(c, last, s.start, resolve);
  // `Ông cho biết ông Putin đã nói … rằng "…", đồng thời cảnh báo "…"`: a verb with no subject after `đồng thời`/`and`
  // shares the subject of the verb it is joined to, not the sentence's speaker.
  const joined = verbs[verbs.length - 2];
  if (who === IMPLICIT && joined && JOINED_PREDICATE.test(c.text.slice(joined.end, last.start))) {
    const shared = fromSubject(c, joined, s.start, resolve);
    if (shared && shared !== IMPLICIT) return shared;
  }
  // `Lavrov nói rằng ông Trump đã nghe ông Putin khẳng định … và "chấp nhận …"`: a verb inside what another speaker
  // reported, its own object given before a new predicate, is part of the report; the quoted predicate is the reporter's.
  const outer = verbs.length > 1 ? verbs[0]! : null;
  if (outer && who && who !== IMPLICIT && REPORTED_CONTENT.test(c.text.slice(outer.start, last.start)) && NEW_PREDICATE.test(c.text.slice(last.end, q.open))) {
    const first = fromSubject(c, outer, s.start, resolve);
    if (first && first !== IMPLICIT && speakerKey(first) !== speakerKey(who)) return first;
  }
  return who;
}

/** `, đồng thời`, `and`, `, и` right before a verb. */
const JOINED_PREDICATE = /(?:,\s*|\s)(?:đồng thời|and|và|и)\s+(?:(?:cũng|also|также|còn)\s+)?$/iu;
/** Where reported content starts after a speech verb. */
const REPORTED_CONTENT = /(?<![\p{L}])(?:rằng|that|что)(?![\p{L}])/iu;
/** Words after the verb's own object, then `and` opening another predicate before the quotation. */
const NEW_PREDICATE = /\p{L}[^,;:]*\s(?:và|and|и)\s+(?:[\p{L}-]+\s+){0,2}$/iu;

/** A quotation standing alone after another one in the paragraph goes on the same speaker's words. */
function continuation(lastInParagraph: Speaker | null, introduced: Speaker | null): Who | undefined {
  return lastInParagraph ?? carried(introduced) ?? undefined;
}

/** A whole quoted sentence with nobody named: reported speech of an unknown speaker, not a scare quote. */
function looksLikeStatement(words: string, before: string): boolean {
  return /^[\s\p{P}]*$/u.test(before) && /^\p{Lu}/u.test(words) && words.split(/\s+/).length >= 6;
}

function blankQuotes(text: string, s: Range, quotes: QuoteSpan[]): string {
  let out = text.slice(s.start, s.end);
  for (const q of quotes) out = out.slice(0, q.open - s.start + 1) + ' '.repeat(q.close - q.open - 1) + out.slice(q.close - s.start);
  return out;
}

function mentionedPeople(mentions: Mention[], resolve: (m: Mention) => Speaker | null, speaker: string | null): string[] {
  const ids = new Set<string>();
  for (const m of mentions) {
    if (m.kind === 'pronoun' || m.kind === 'distractor') continue;
    const id = resolve(m)?.id;
    if (id && id !== speaker) ids.add(id);
  }
  return [...ids];
}
