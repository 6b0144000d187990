import type { DateBasis, Person, Quote, Summit } from '../schema/index-schema';
import { subjectOf, verbsIn, type Clause } from './attribution';
import type { CleanDocument } from './clean';
import type { DateMention } from './dates';
import { quoteIds } from './ids';
import type { Mention } from './names';
import { nonSpeechKind, type QuoteKind } from './quote-kind';
import { findQuoteSpans, type QuoteSpan } from './quote-marks';
import { QuoteClock } from './quote-dates';
import { SummitFocus } from './summit-detect';
import { Windows } from './windows';
import { ROLE_PHRASES } from './roles';
import { splitSentences, type Range } from './sentences';

export interface QuoteContext {
  docId: string;
  doc: CleanDocument;
  summit: Summit | null;
  summits: Summit[];
  people: Map<string, Person>;
  mentions: Mention[];
  dates: DateMention[];
}

/** Speaker still to be decided by the sentence (`…, nói rằng`), or nobody we know. */
const IMPLICIT = Symbol('implicit');
type Who = string | null | typeof IMPLICIT;

interface Found {
  span: QuoteSpan;
  speaker: string | null;
  kind: QuoteKind;
  date: string | null;
  dateBasis: DateBasis;
  summit: string | null;
  mentions: string[];
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
  let recent: string | null = null;
  const clock = new QuoteClock(doc.published, ctx.summit);
  const [spanAt, mentionAt, dateAt] = [new Windows(spans, (q) => q.open), new Windows(ctx.mentions, (m) => m.start), new Windows(ctx.dates, (d) => d.start)];
  const focus = new SummitFocus(ctx.summit, doc.text, ctx.mentions, ctx.dates, ctx.summits, doc.published);
  let section: number | null | undefined;

  for (const para of doc.paragraphs) {
    if (para.section !== section) {
      section = para.section;
      recent = null;
      clock.section(section !== null);
    }
    clock.paragraph(doc.text.slice(para.start, para.end));
    focus.paragraph();
    let lastInParagraph: string | null = null;
    let previousEndsWithColon = false;
    for (const s of splitSentences(doc.text, para, spans)) {
      const quotes = spanAt.take(s.start, s.end).filter((q) => q.close < s.end);
      const clause: Clause = { text: doc.text, sentence: s, mentions: mentionAt.take(s.start, s.end).filter((m) => m.end <= s.end), quotes };
      const outside = clause.mentions.filter((m) => !quotes.some((q) => m.start > q.open && m.start < q.close));
      const resolve = (m: Mention): string | null => resolveMention(m, ctx, recent);
      const sentenceSpeaker = speakerOfSentence(clause, outside, resolve, recent);
      const named = outside.map(resolve).filter((id): id is string => id !== null);
      const speakers = typeof sentenceSpeaker === 'string' ? [sentenceSpeaker] : sentenceSpeaker === IMPLICIT ? named : [];
      const outsideText = blankQuotes(doc.text, s, quotes);
      const ownDates = dateAt.take(s.start, s.end).filter((d) => d.end <= s.end && !quotes.some((q) => d.start > q.open && d.start < q.close));
      clock.sentence(outsideText, s.start, ownDates, speakers, named);
      focus.sentence(outsideText, ownDates.filter((d) => d.precision === 'day' && d.iso !== null).map((d) => d.iso!));
      let attributed: string | null = null;

      quotes.forEach((q, k) => {
        const boundary = k === 0 ? s.start : quotes[k - 1]!.close + 1;
        const next = quotes[k + 1]?.open ?? s.end;
        const before = doc.text.slice(boundary, q.open);
        let who: Who | undefined;
        if (/:\s*$/u.test(before)) who = orElse(colonSpeaker(clause, outside, boundary, q, resolve), () => sentenceSpeaker);
        else if (/^[\s\p{P}]*$/u.test(before)) who = orElse(after(clause, q, next, resolve), () => continuation(lastInParagraph, previousEndsWithColon ? recent : null));
        else who = orElse(beforeMid(clause, s, q, resolve), () => after(clause, q, next, resolve));
        if (who === IMPLICIT) who = sentenceSpeaker;
        const words = doc.text.slice(q.start, q.end);
        const kind: QuoteKind = who !== undefined ? 'speech' : looksLikeStatement(words, before) ? 'speech' : nonSpeechKind(doc.text.slice(para.start, q.open));
        const speaker = kind === 'speech' && typeof who === 'string' ? who : null;
        if (speaker) {
          attributed = speaker;
          lastInParagraph = speaker;
        }
        const summit = focus.quote(words);
        const when = kind === 'speech' ? clock.dateOf(speaker, summit) : { date: null, dateBasis: 'unknown' as const };
        found.push({
          span: q,
          speaker,
          kind,
          date: when.date,
          dateBasis: when.dateBasis,
          summit: summit?.id ?? null,
          mentions: mentionedPeople(clause.mentions, resolve, speaker),
        });
      });

      const sentenceText = doc.text.slice(s.start, s.end);
      recent = attributed ?? (typeof sentenceSpeaker === 'string' ? sentenceSpeaker : null) ?? recent;
      previousEndsWithColon = /:\s*$/u.test(sentenceText);
    }
  }

  const ids = quoteIds(ctx.docId, found.map((f) => ctx.doc.text.slice(f.span.start, f.span.end)));
  return found.map((f, i) => ({
    id: ids[i]!,
    document: ctx.docId,
    text: doc.text.slice(f.span.start, f.span.end),
    speaker: f.speaker,
    summit: f.summit,
    date: f.date,
    start: f.span.start,
    end: f.span.end,
    mentions: f.mentions,
    kind: f.kind,
    speakerName: null,
    speakerRole: null,
    speakerBasis: f.speaker ? 'named' : 'none',
    dateBasis: f.dateBasis,
  }));
}

/** `undefined` means "no attribution found here"; null is an attribution to someone unknown and must stick. */
function orElse(who: Who | undefined, next: () => Who | undefined): Who | undefined {
  return who !== undefined ? who : next();
}

function resolveMention(m: Mention, ctx: QuoteContext, recent: string | null): string | null {
  if (m.kind === 'name' || m.kind === 'epithet') return m.person;
  if (m.kind === 'pronoun') return recent;
  if (m.kind !== 'role' || m.country === null) return null;
  if (m.leader) {
    const hits = (ctx.summit?.participants ?? []).filter((id) => ctx.people.get(id)?.country === m.country);
    return hits.length === 1 ? hits[0]! : null;
  }
  // An office (`Ngoại trưởng Mỹ`) names whoever holding it the document names.
  const phrase = ctx.doc.text.slice(m.start, m.end).toLowerCase();
  const office = ROLE_PHRASES.find((r) => r.form.toLowerCase() === phrase);
  const named = new Set(ctx.mentions.filter((x) => x.kind === 'name').map((x) => x.person!));
  const holders = [...named].filter((id) => {
    const p = ctx.people.get(id);
    return p && office && p.country === office.country && p.role.toLowerCase().startsWith(office.form.toLowerCase());
  });
  return holders.length === 1 ? holders[0]! : null;
}

function fromSubject(c: Clause, verb: { start: number; end: number }, from: number, resolve: (m: Mention) => string | null): Who {
  const subject = subjectOf(c, verb, from);
  if (subject.type === 'implicit') return IMPLICIT;
  if (subject.type === 'unknown') return null;
  return resolve(subject.mention);
}

/** The sentence's speaker: the subject of its first speech verb, else the first person it names, else the last one. */
function speakerOfSentence(c: Clause, outside: Mention[], resolve: (m: Mention) => string | null, recent: string | null): Who {
  const verbs = verbsIn(c, c.sentence.start, c.sentence.end);
  for (const v of verbs) {
    const who = fromSubject(c, v, c.sentence.start, resolve);
    if (who !== IMPLICIT) return who;
  }
  const limit = verbs[0]?.start ?? c.sentence.end;
  for (const m of outside) {
    if (m.start >= limit || m.kind === 'distractor') continue;
    const who = resolve(m);
    if (who) return who;
  }
  return recent;
}

/** `X nêu rõ: “…”`: the verb before the colon, else whoever the clause before it names first. */
function colonSpeaker(c: Clause, outside: Mention[], from: number, q: QuoteSpan, resolve: (m: Mention) => string | null): Who | undefined {
  const verbs = verbsIn(c, from, q.open);
  const last = verbs[verbs.length - 1];
  if (last) {
    const who = fromSubject(c, last, from, resolve);
    if (who !== IMPLICIT) return who;
  }
  const colon = c.text.lastIndexOf(':', q.open);
  const clauseStart = Math.max(from, c.text.lastIndexOf(',', colon) + 1);
  const subject = outside.find((m) => m.start >= clauseStart && m.end <= colon && m.kind !== 'distractor');
  return subject ? resolve(subject) : undefined;
}

/** `“…”, ông Putin nói`: a speech verb after the quotation whose subject follows the closing mark. */
function after(c: Clause, q: QuoteSpan, to: number, resolve: (m: Mention) => string | null): Who | undefined {
  const verb = verbsIn(c, q.close + 1, to)[0];
  if (!verb) return undefined;
  return fromSubject(c, verb, q.close + 1, resolve);
}

/** `Ông Putin nói rằng Nga “thực sự quan tâm”`: the nearest speech verb before the quotation. */
function beforeMid(c: Clause, s: Range, q: QuoteSpan, resolve: (m: Mention) => string | null): Who | undefined {
  const verbs = verbsIn(c, s.start, q.open);
  const last = verbs[verbs.length - 1];
  return last ? fromSubject(c, last, s.start, resolve) : undefined;
}

/** A quotation standing alone after another one in the paragraph goes on the same speaker's words. */
function continuation(lastInParagraph: string | null, introduced: string | null): Who | undefined {
  return lastInParagraph ?? introduced ?? undefined;
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

function mentionedPeople(mentions: Mention[], resolve: (m: Mention) => string | null, speaker: string | null): string[] {
  const ids = new Set<string>();
  for (const m of mentions) {
    if (m.kind === 'pronoun' || m.kind === 'distractor') continue;
    const id = resolve(m);
    if (id && id !== speaker) ids.add(id);
  }
  return [...ids];
}
