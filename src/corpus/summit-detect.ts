import { russianCaseForms } from '../matcher/russian-inflection';
import type { Summit } from '../schema/index-schema';
import type { DateMention } from './dates';
import type { Mention } from './names';
import { leadingLookbehind } from './lookbehind';
import { findQuoteSpans } from './quote-marks';

/**
 * Which summit a document is about, from its text: phrases that name a summit
 * outright (`thượng đỉnh Alaska`) weigh most. A place (`Anchorage`, `Женеве`)
 * or a date on the summit's day counts when the text names every participant
 * and a meeting, or was published within days of the summit, or names a
 * participant and the summit's year; a place alone is not enough (Geneva
 * hosted two summits and a student contest, `Moskva` appears in most articles
 * about Russia and in every talk of a next meeting). Summits sharing a place are told apart by
 * the participants the text names, then by the year nearest the publication.
 * `summit` counts only places the narration names; `talkedOf` also those in
 * quoted words, which still tell the year of a page that gives none.
 */
export function detectSummit(
  text: string,
  mentions: Mention[],
  dates: DateMention[],
  summits: Summit[],
  published: string | null = null,
): { summit: Summit | null; talkedOf: Summit | null; inPassing: Summit | null } {
  const named = namedPeople(mentions);
  const lower = text.toLowerCase();
  const all = phraseHits(lower, summits);
  const narrated = { ...all, places: narratedPlaces(lower, all) };
  const lead = Math.ceil(lower.length * LEAD_SHARE);
  let leadPlaces: Map<Summit, number> | null = null;
  const inLead = (s: Summit) => (leadPlaces ??= narratedPlaces(lower, all, lead)).has(s) || dates.some((d) => d.start < lead && d.precision === 'day' && onSummitDay(d, s));
  // Long after a summit, a page that names it only in passing further down (`cuộc gặp gần nhất, tại Anchorage hôm 15/8`) is about something else.
  const lateMention = (s: Summit) => published !== null && !timelyFor(s, published) && (all.aliases.get(s) ?? 0) === 0 && !inLead(s);
  const summit = bestSummit(summits, (s) => (lateMention(s) ? 0 : summitScore(s, narrated, lower, named, dates, published)));
  const before = summit === null ? bestSummit(summits, (s) => summitScore(s, narrated, lower, named, dates, published)) : null;
  return { summit, talkedOf: bestSummit(summits, (s) => summitScore(s, all, lower, named, dates, published, true)), inPassing: before };
}

function bestSummit(summits: Summit[], score: (s: Summit) => number): Summit | null {
  let best: { summit: Summit; score: number } | null = null;
  let tie = false;
  for (const s of summits) {
    const n = score(s);
    if (n <= 0) continue;
    if (!best || n > best.score) {
      best = { summit: s, score: n };
      tie = false;
    } else if (n === best.score) tie = true;
  }
  return best && !tie ? best.summit : null;
}

const TIMELY_DAYS = 14;
/** The share of a page that leads it: headline, standfirst and the first paragraphs, where a page says what it is about. */
const LEAD_SHARE = 0.4;

function timelyFor(s: Summit, published: string | null): boolean {
  return published !== null && Math.abs(Date.parse(published) - Date.parse(s.date)) <= TIMELY_DAYS * 86_400_000;
}
const MEETING_WORDS = leadingLookbehind(/(?<![\p{L}])(?:thượng đỉnh|cuộc gặp|gặp|gặp nhau|gặp gỡ|hội đàm|hội nghị|summit|talks|meeting|meet|met|саммит\p{L}*|переговор\p{L}*|встреч\p{L}*)(?![\p{L}])/iu);

/** `pageYear`: the page's own year counts as the text naming it (a date line the cleaner took out of the text). */
function summitScore(s: Summit, hits: PhraseHits, lower: string, named: Set<string>, dates: DateMention[], published: string | null, pageYear = false): number {
  const aliases = hits.aliases.get(s) ?? 0;
  const participants = s.participants.filter((p) => named.has(p)).length;
  const timely = timelyFor(s, published);
  const places = hits.places.get(s) ?? 0;
  const days = dates.filter((d) => d.precision === 'day' && onSummitDay(d, s)).length;
  const evidence = places + days;
  const all = participants === s.participants.length;
  // A place or day ties the text to a summit only with its participants and a meeting, near its date, or with its year.
  const grounded = aliases > 0 || (evidence > 0 && ((all && MEETING_WORDS.test(lower)) || timely || (participants > 0 && (countPhrase(lower, s.date.slice(0, 4)) > 0 || (pageYear && published?.slice(0, 4) === s.date.slice(0, 4))))));
  if (!grounded) return 0;
  return aliases * 5 + evidence * 2 + participants * 2 + (timely ? 6 : 0) + yearCloseness(s, published);
}

/** Tie-breaker between summits in one place: the one nearer the publication (Helsinki 2018 over 1997 in 2025). */
function yearCloseness(s: Summit, published: string | null): number {
  if (published === null) return 0;
  return 1 / (1 + Math.abs(Number(published.slice(0, 4)) - Number(s.date.slice(0, 4))));
}

interface PhraseHits {
  aliases: Map<Summit, number>;
  places: Map<Summit, number>;
  /** Where each place was found, for counting only those outside quotations. */
  placeAt: { at: number; summits: Summit[] }[];
}

interface PhraseIndex {
  aliases: RegExp;
  places: RegExp;
  byPhrase: Map<string, { aliasOf: Summit[]; placeOf: Summit[] }>;
}

const phraseCache = new WeakMap<Summit[], PhraseIndex>();

/** The last text's hits: the document summit and the per-quote focus read the same text one after the other. */
let lastHits: { lower: string; summits: Summit[]; hits: PhraseHits } | null = null;

/** One pass over the text for all aliases and one for all places, instead of one search per phrase and summit. */
function phraseHits(lower: string, summits: Summit[]): PhraseHits {
  if (lastHits && lastHits.summits === summits && lastHits.lower === lower) return lastHits.hits;
  const hits = scanPhrases(lower, summits);
  lastHits = { lower, summits, hits };
  return hits;
}

function scanPhrases(lower: string, summits: Summit[]): PhraseHits {
  let index = phraseCache.get(summits);
  if (!index) {
    const byPhrase = new Map<string, { aliasOf: Summit[]; placeOf: Summit[] }>();
    const entry = (p: string) => byPhrase.get(p) ?? byPhrase.set(p, { aliasOf: [], placeOf: [] }).get(p)!;
    for (const s of summits) {
      for (const a of new Set(s.aliases.map((x) => x.toLowerCase()))) entry(a).aliasOf.push(s);
      for (const p of placeForms(s)) entry(p).placeOf.push(s);
    }
    const alternation = (phrases: string[]) =>
      leadingLookbehind(new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases.sort((a, b) => b.length - a.length).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') || '(?!)'})(?![\\p{L}\\p{N}])`, 'gu'));
    const all = [...byPhrase.entries()];
    index = { byPhrase, aliases: alternation(all.filter(([, e]) => e.aliasOf.length > 0).map(([p]) => p)), places: alternation(all.filter(([, e]) => e.placeOf.length > 0).map(([p]) => p)) };
    phraseCache.set(summits, index);
  }
  const placeAt: { at: number; summits: Summit[] }[] = [];
  const count = (re: RegExp, of: (e: { aliasOf: Summit[]; placeOf: Summit[] }) => Summit[], at?: typeof placeAt) => {
    const counts = new Map<Summit, number>();
    re.lastIndex = 0;
    for (let m = re.exec(lower); m; m = re.exec(lower)) {
      const hit = of(index!.byPhrase.get(m[0])!);
      at?.push({ at: m.index, summits: hit });
      for (const s of hit) counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    return counts;
  };
  return { aliases: count(index.aliases, (e) => e.aliasOf), places: count(index.places, (e) => e.placeOf, placeAt), placeAt };
}

const placeCache = new WeakMap<Summit, string[]>();
/** A summit's places in lower case, Russian ones in every case (`на Аляске`, `в Анкоридже`). */
/** Whether lower-case `text` opens on a name of summit `s` (`helsinki`, `хельсинки`, `thượng đỉnh alaska`). */
export function namesSummitAt(text: string, s: Summit): boolean {
  return placeForms(s).some((p) => text.startsWith(p)) || s.aliases.some((a) => text.startsWith(a.toLowerCase()));
}

function placeForms(s: Summit): string[] {
  let forms = placeCache.get(s);
  if (!forms) {
    forms = [...new Set(s.places.flatMap((p) => (/[\u0400-\u04FF]/.test(p) ? russianCaseForms(p, { kind: 'place' }) : [p])).map((p) => p.toLowerCase()))];
    placeCache.set(s, forms);
  }
  return forms;
}

/**
 * Places outside quotations: a place in someone's words (`the understandings reached in Anchorage`,
 * `дух Анкориджа`) is what they talk about, not where the article is; only the narration places the article.
 */
function narratedPlaces(lower: string, hits: PhraseHits, before = lower.length): Map<Summit, number> {
  const quoted = findQuoteSpans(lower).filter((q) => !q.nested);
  const counts = new Map<Summit, number>();
  let k = 0;
  for (const { at, summits } of hits.placeAt) {
    if (at >= before) break;
    while (k < quoted.length && quoted[k]!.end <= at) k++;
    if (k < quoted.length && quoted[k]!.start <= at) continue;
    for (const s of summits) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return counts;
}

function namedPeople(mentions: Mention[]): Set<string> {
  return new Set(mentions.filter((m) => (m.kind === 'name' || m.kind === 'epithet') && m.person !== null).map((m) => m.person!));
}

/**
 * The summit each quotation is about. In an article about one summit, a
 * sentence may recall another (`In Helsinki, the mood was warmer…`, `Tại Dinh
 * Tổng thống Phần Lan hôm 16/7/2018, ông Trump nói: …`): its alias, place or
 * day, outside the quotation, names it; failing that, the quotation's own
 * words may name one. A recalled summit holds for the rest of its paragraph,
 * and `khi đó`, `at the time` later go back to the summit last named.
 * Only summits the document gives some evidence for can be recalled, and an
 * article about no summit has none for any quote.
 */
/** Back to the moment last named (`nhà lãnh đạo Nga khi đó`, `at the time`); `trong khi đó` is "meanwhile". */
const AT_THAT_TIME = leadingLookbehind(/(?<![\p{L}])(?<!trong )(?:khi đó|lúc đó|khi ấy|lúc ấy|lúc bấy giờ|at the time|тогда)(?![\p{L}])/iu);

/** A new reported clause between two quotations of a sentence. */
const NEW_CLAUSE = leadingLookbehind(/(?<![\p{L}])(?:that|rằng|là|что|будто)(?![\p{L}])/iu);

/** Words that speak of the present, against a summit recalled from the past. */
const NOW = leadingLookbehind(/(?<![\p{L}])(?:present|current|now|this time|hiện nay|hiện tại|bây giờ|lần này|нынешн\p{L}*|сейчас|теперь|на этот раз)(?![\p{L}])/iu);

/**
 * A lead that only joins the next quotation to the previous one of the sentence (`…», но теперь «…`, `…," but now "…`):
 * its `now` is the quoted speaker's, still inside the words reported, not the writer's turn back to the present.
 */
const JOINED_NOW = /^[\s\p{P}]*(?:(?:but|and|yet|но|и|а|nhưng|và|mà)\s+)?(?:now|this time|bây giờ|lần này|сейчас|теперь|на этот раз)[\s\p{P}]*$/iu;

export class SummitFocus {
  private readonly candidates: Summit[];
  private paragraphSummit: Summit | null = null;
  /** The summit a sentence last named, for a later `khi đó`, `at the time`. */
  private lastNamed: Summit | null = null;
  private current: Summit | null;
  private sentenceNamed = false;
  /** On a page about no summit: the summit its quoted words speak of (see `detectSummit`), which they may name. */
  private readonly spokenOf: Summit[];
  /** The summit a quotation of the current sentence named in its words, on a page about no summit. */
  private quotedInSentence: Summit | null = null;
  /** The current sentence has quoted words already. */
  private quotedBefore = false;

  constructor(
    private readonly doc: Summit | null,
    text: string,
    mentions: Mention[],
    dates: DateMention[],
    private readonly summits: Summit[],
    published: string | null,
    talkedOf: Summit | null = null,
    /** The summit a page about none names in passing (see `detectSummit`): a sentence giving its place and day recalls it. */
    private readonly inPassing: Summit | null = null,
  ) {
    const named = namedPeople(mentions);
    const lower = doc === null ? '' : text.toLowerCase();
    const hits = phraseHits(lower, summits);
    const scored = doc === null ? [] : summits.map((s) => ({ s, score: s === doc ? Infinity : summitScore(s, hits, lower, named, dates, published) }));
    this.candidates = scored.filter((x) => x.score > 0).sort((a, b) => b.score - a.score).map((x) => x.s);
    this.spokenOf = doc === null && talkedOf !== null ? [talkedOf] : [];
    this.current = doc;
  }

  paragraph(): void {
    this.paragraphSummit = null;
  }

  /** A sentence: its words outside quotations, the days it states and the people it names there. */
  sentence(outside: string, days: string[], people: readonly string[] = []): void {
    const lower = outside.toLowerCase();
    this.quotedInSentence = null;
    this.quotedBefore = false;
    const named = this.named(lower, days) ?? this.meetingElsewhere(lower, people) ?? (this.lastNamed && AT_THAT_TIME.test(outside) ? this.lastNamed : null);
    this.sentenceNamed = named !== null;
    if (named) this.paragraphSummit = this.lastNamed = named;
    this.current = this.paragraphSummit ?? this.doc;
  }

  /**
   * A past meeting the sentence places somewhere the document's summit was not (`nhắc lại cuộc gặp ở Helsinki ba
   * năm trước, khi ông Putin nói…`), although the rest of the document gave that summit no weight: the one
   * earlier summit held there by someone the sentence names, else null. Talk of a next meeting (`sẽ gặp ở
   * Moskva`, `invited him to Moscow`) recalls nothing.
   */
  private meetingElsewhere(lower: string, people: readonly string[]): Summit | null {
    const doc = this.doc;
    if (doc === null || people.length === 0 || !MEETING_WORDS.test(lower) || AHEAD.test(lower)) return null;
    const docPlaces = placeForms(doc);
    const held = this.summits.filter(
      (s) => s !== doc && s.date < doc.date && s.participants.some((p) => people.includes(p)) && placeForms(s).some((p) => !docPlaces.includes(p) && meetingAt(lower, p)),
    );
    return held.length === 1 ? held[0]! : null;
  }

  /**
   * The summit of one quotation of the current sentence (`words`: the quoted
   * words; `lead`: the sentence's words between the previous quotation and
   * this one, where `the present U.S. leader`, `lần này` turn back from a
   * recalled summit to the document's).
   */
  quote(words: string, lead = ''): Summit | null {
    // A page about no summit: words that name one of its people's summits (`дух Анкориджа`) are about it, and so is
    // the speech that goes on in the sentence (`…», но «его нельзя…»`) until a new reported clause (`and that …`).
    if (this.doc === null) {
      const goesOn = this.quotedInSentence !== null && !NEW_CLAUSE.test(lead);
      return (this.quotedInSentence = this.spokenIn(words.toLowerCase()) ?? (goesOn ? this.quotedInSentence : null) ?? this.paragraphSummit);
    }
    const joined = this.quotedBefore && JOINED_NOW.test(lead);
    this.quotedBefore = true;
    if (this.current !== this.doc && NOW.test(lead) && !joined) return this.doc;
    if (this.doc === null || this.sentenceNamed) return this.current;
    return this.named(words.toLowerCase(), []) ?? this.current;
  }

  private spokenIn(lower: string): Summit | null {
    if (this.spokenOf.length === 0) return null;
    const hits = this.spokenOf.filter((s) => s.aliases.some((a) => countPhrase(lower, a.toLowerCase()) > 0) || placeForms(s).some((p) => countPhrase(lower, p) > 0));
    return hits.length === 1 ? hits[0]! : null;
  }

  /** The summit the current sentence names outside its quotations, if any. */
  scene(): Summit | null {
    return this.sentenceNamed ? this.current : null;
  }

  private named(lower: string, days: string[]): Summit | null {
    const passing = this.inPassing;
    if (this.doc === null && passing !== null) return placeForms(passing).some((p) => countPhrase(lower, p) > 0) && days.some((day) => day === passing.date) ? passing : null;
    // With no other summit in view, every sentence is about the document's.
    if (this.doc === null || this.candidates.length < 2) return null;
    const byWords = this.candidates.filter((s) => s.aliases.some((a) => countPhrase(lower, a.toLowerCase()) > 0) || placeForms(s).some((p) => countPhrase(lower, p) > 0));
    if (byWords.length > 0) return byWords.includes(this.doc) ? this.doc : byWords[0]!;
    return this.candidates.find((s) => days.some((day) => day >= s.date && day <= (s.endDate ?? s.date))) ?? null;
  }
}

/** Words of a meeting still to come. */
const AHEAD = leadingLookbehind(/(?<![\p{L}])(?:sẽ|tới|tiếp theo|lần sau|mời|will|would|could|next|invit\p{L}*|следующ\p{L}*|пригла\p{L}*|будет|может|состоится)(?![\p{L}])/iu);

/** How near a meeting word stands to a place it puts the meeting at (`cuộc gặp ở Helsinki`, `the Helsinki summit`). */
const MEETING_REACH = 24;

function meetingAt(lower: string, place: string): boolean {
  for (let i = lower.indexOf(place); i >= 0; i = lower.indexOf(place, i + place.length)) {
    const before = lower[i - 1];
    const after = lower[i + place.length];
    if ((before !== undefined && /[\p{L}\p{N}]/u.test(before)) || (after !== undefined && /[\p{L}\p{N}]/u.test(after))) continue;
    if (MEETING_WORDS.test(lower.slice(Math.max(0, i - MEETING_REACH), i)) || MEETING_WORDS.test(lower.slice(i + place.length, i + place.length + MEETING_REACH))) return true;
  }
  return false;
}

function onSummitDay(d: DateMention, s: Summit): boolean {
  const md = `${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  const first = s.date.slice(5);
  const last = (s.endDate ?? s.date).slice(5);
  const sameYear = d.yearInferred || d.year === null || (d.year >= Number(s.date.slice(0, 4)) && d.year <= Number((s.endDate ?? s.date).slice(0, 4)));
  return sameYear && md >= first && md <= last;
}

function countPhrase(text: string, phrase: string): number {
  let n = 0;
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + phrase.length)) {
    const before = text[i - 1];
    const after = text[i + phrase.length];
    if ((before === undefined || !/[\p{L}\p{N}]/u.test(before)) && (after === undefined || !/[\p{L}\p{N}]/u.test(after))) n++;
  }
  return n;
}
