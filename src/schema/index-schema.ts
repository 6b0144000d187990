/**
 * The one schema of the bundled index: what the corpus pipeline writes, what the
 * background seeds into IndexedDB and what every message carries. Fields may be
 * added; the fields of the published contract (issue 3) are never renamed.
 */

/** A calendar day, `YYYY-MM-DD`. */
export type IsoDay = string;

export type Lang = 'vi' | 'en' | 'ru';

/**
 * One way of naming an entity on a page.
 * `full`: names exactly one entity anywhere (`Vladimir Putin`, `Путин`).
 * `short`: a surname or place that names the entity only when nothing on the
 * page points elsewhere (`Trump` next to `Melania Trump`, `Anchorage` in a
 * weather report); the matcher decides from context.
 * `epithet`: a description that names one person in this corpus
 * (`ông chủ Điện Kremlin`).
 */
export interface NameForm {
  form: string;
  lang: Lang;
  kind: 'full' | 'short' | 'epithet';
}

export interface Person {
  id: string;
  /** Display name (Vietnamese press usage, which is the Latin form). */
  name: string;
  /** Every surface form, all languages, for search and the contract. */
  aliases: string[];
  names: NameForm[];
  role: string;
  /** Role in English, for the English interface. */
  roleEn: string;
  /** ISO 3166 alpha-2. */
  country: string;
  /** `f` for a woman; absent for a man. Keeps `bà`, `she`, `она` from pointing back to a man and `ông`, `he`, `он` to a woman. */
  gender?: 'f';
  /**
   * Offices held, with their terms, so that a role phrase plus a date names
   * one person (`Ngoại trưởng Mỹ` on 2025-08-15 is Rubio, on 2021-06-16 Blinken).
   */
  terms: Term[];
  /**
   * Other people in the news share the surname (Clinton, Ford): a bare short
   * form names this person only with evidence on the page (see
   * src/matcher/shared-surnames.ts). Absent means false.
   */
  sharedSurname?: boolean;
}

/** One person's time in one office; `to` null while still in office. */
export interface Term {
  office: string;
  from: IsoDay;
  to: IsoDay | null;
}

/**
 * An office that news names instead of its holder (`Ngoại trưởng Mỹ`,
 * `US Secretary of State`, `госсекретарь США`). Who is meant depends on the
 * date, through the holders' `terms`.
 */
export interface Office {
  id: string;
  country: string;
  /** Head of state or government. */
  leader: boolean;
  /**
   * Several people hold it at once (deputy ministers, special envoys), so the
   * phrase alone never names one of them: holders may overlap in time.
   */
  shared: boolean;
  title: { vi: string; en: string };
  forms: { form: string; lang: Lang }[];
}

/** A summit's place in each language of the pages and the corpus. */
export interface PlaceNames {
  vi: string;
  en: string;
  ru: string;
}

export interface Summit {
  id: string;
  /** First day of the meeting. */
  date: IsoDay;
  /** Last day when the meeting spanned several days. */
  endDate: IsoDay | null;
  /** Human-readable place in Vietnamese, e.g. `Anchorage, Alaska, Mỹ` (the contract's field). */
  place: string;
  /**
   * The place as each language writes it (`place` is `placeNames.vi`). Every
   * index built since decision 0084 has it; an index seeded before it lacks
   * it, and serves until the update's seed replaces it.
   */
  placeNames?: PlaceNames;
  city: string;
  venue: string | null;
  country: string;
  participants: string[];
  /** Display titles. */
  title: { vi: string; en: string };
  /** Phrases that name the summit on their own (`thượng đỉnh Alaska`, `Geneva summit`). */
  aliases: string[];
  /** Place names that name the summit only next to a summit cue and its leaders. */
  places: string[];
  /** One line on what was signed or agreed; null where the gazetteer has none. */
  outcome: { vi: string; en: string } | null;
}

export interface Section {
  /** Headline of a live-blog entry. */
  title: string;
  start: number;
  end: number;
}

export interface IndexDocument {
  id: string;
  file: string;
  title: string;
  outlet: string | null;
  published: IsoDay | null;
  summit: string | null;
  /** Cleaned, NFC text; every offset in the index points into it. */
  text: string;
  sections: Section[];
  /**
   * Added by the corpus pipeline: true when the page shows no headline and
   * `title` was taken from the first live-blog entry or the lead sentence, so
   * the interface can present it as a description rather than a headline.
   */
  titleInferred: boolean;
}

export interface Quote {
  id: string;
  document: string;
  /** The quoted words without quotation marks; equals `document.text.slice(start, end)`. */
  text: string;
  speaker: string | null;
  summit: string | null;
  date: IsoDay | null;
  start: number;
  end: number;
  /** People named in the quote or its sentence, speaker excluded. */
  mentions: string[];
  /**
   * Added by the corpus pipeline: why the quotation marks are there.
   * `speech`: words someone said or wrote (speaker null when the text does not
   * say who); `scare`: the writer's own marked word (`‘hòa hợp’`); `slogan`:
   * displayed text such as a backdrop; `title`: a name of a song, programme or
   * document. Only `speech` quotes ever carry a speaker, so hover cards can
   * skip the rest without guessing.
   */
  kind: 'speech' | 'scare' | 'slogan' | 'title';
  /**
   * The speaker as the text names them when they are not in the gazetteer
   * (`Lindsey Graham`); `speaker` is then null. Null when `speaker` is set or
   * nobody is named: never the nearest known person.
   */
  speakerName: string | null;
  /** The role phrase as written when `speakerBasis` is `role` (`Ngoại trưởng Mỹ`). */
  speakerRole: string | null;
  speakerBasis: SpeakerBasis;
  dateBasis: DateBasis;
}

/**
 * How the speaker was found. `named`: in the quote's own sentence by name;
 * `back-reference`: a pronoun or description pointing to someone named earlier
 * (`ông`, `vị ngoại trưởng`); `role`: an office resolved through its holder on
 * the quote's date; `none`: not a speech quote, or nobody can be named.
 */
export type SpeakerBasis = 'named' | 'back-reference' | 'role' | 'none';

/**
 * How the date was found. `stated`: the text gives the day; `relative`: a day
 * counted from the publication (`hôm qua`, `yesterday`); `summit`: the text
 * places the words at the summit itself; `publication`: said on the day the
 * article was published (a live entry, `hôm nay`); `unknown`: `date` is null.
 */
export type DateBasis = 'stated' | 'relative' | 'summit' | 'publication' | 'unknown';

export interface SummitIndex {
  version: number;
  documents: IndexDocument[];
  people: Person[];
  summits: Summit[];
  quotes: Quote[];
  offices: Office[];
  /**
   * Names that contain a person's short form but name someone else
   * (`Melania Trump`, `Hunter Biden`); a match inside one is not a mention.
   */
  distractors: string[];
}

export const INDEX_VERSION = 1;
