import type { IsoDay, Office, Person } from '../schema/index-schema';

/**
 * Offices that news names instead of people (`Ngoại trưởng Mỹ`, `Kremlin
 * spokesman`, `госсекретарь США`) and who held them on a given day.
 *
 * Two steps, both pure:
 * - `OfficeFinder` finds role phrases in a text (any of the three languages,
 *   case-insensitive, the longest form at the leftmost place) and says which
 *   office each one names;
 * - `holderOn` / `holdersOn` say who held an office on a day, from the
 *   people's `terms`.
 * `Offices` joins the two for one gazetteer and is what the pipeline calls
 * (through `officesOf(gazetteer)`, which builds it once):
 * `offices.holderOn('us-secretary-of-state', '2021-06-16')` is Blinken.
 *
 * Terms are whole days, both ends included. On a handover day the outgoing
 * holder's `to` equals the successor's `from` (an inauguration at noon); that
 * day belongs to the successor.
 *
 * What a phrase means in its sentence is the caller's business: `cựu Tổng
 * thống Mỹ`, `former Secretary of State` and `бывший госсекретарь` contain the
 * office but do not name its holder on the quote's day.
 */

/** One role phrase found in a text; `start`/`end` are offsets into it. */
export interface OfficeMention {
  start: number;
  end: number;
  /** The phrase as written. */
  text: string;
  office: Office;
}

/** Every person whose term in `officeId` covers `day` (one each, in gazetteer order). */
export function holdersOn(officeId: string, day: IsoDay, people: readonly Person[]): Person[] {
  const covering: { person: Person; from: IsoDay; to: IsoDay | null }[] = [];
  for (const person of people) {
    for (const term of person.terms) {
      if (term.office === officeId && term.from <= day && (term.to === null || day <= term.to)) covering.push({ person, ...term });
    }
  }
  const handedOver = (to: IsoDay | null) => to === day && covering.some((c) => c.from === day);
  const holders: Person[] = [];
  for (const c of covering) if (!handedOver(c.to) && !holders.includes(c.person)) holders.push(c.person);
  return holders;
}

/**
 * The one person in `officeId` on `day`; null when the office was vacant, the
 * gazetteer does not know its holder then, or several people held it. It does
 * not know which offices are shared: `Offices.holderOn` does.
 */
export function holderOn(officeId: string, day: IsoDay, people: readonly Person[]): Person | null {
  const holders = holdersOn(officeId, day, people);
  return holders.length === 1 ? holders[0]! : null;
}

/**
 * Case- and spacing-blind key of a phrase, the same for a form and for text
 * found by the finder; a typographic apostrophe is the typewriter one
 * (`NATO’s secretary general`).
 */
export function formKey(phrase: string): string {
  return phrase.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').replace(/\u2019/gu, "'").trim();
}

/** A form as a pattern: literal text, any run of spaces for a space, either apostrophe for one. */
const pattern = (form: string) =>
  form
    .split(' ')
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['\u2019]"))
    .join('\\s+');

/** Finds role phrases in text. Build once per gazetteer: it compiles every form into one pattern. */
export class OfficeFinder {
  private readonly byKey = new Map<string, Office>();
  private readonly pattern: RegExp | null;

  constructor(offices: readonly Office[]) {
    for (const office of offices) for (const { form } of office.forms) this.byKey.set(formKey(form), office);
    // Longest first: at one place the alternation takes the first form that fits.
    const forms = [...this.byKey.keys()].sort((a, b) => b.length - a.length);
    const body = forms.map(pattern).join('|');
    this.pattern = forms.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'giu');
  }

  /** The office a whole phrase names (`госсекретарь США` → us-secretary-of-state), or null. */
  officeByForm(phrase: string): Office | null {
    return this.byKey.get(formKey(phrase)) ?? null;
  }

  /** Every role phrase in `text` (NFC), left to right, never overlapping. */
  find(text: string): OfficeMention[] {
    if (!this.pattern) return [];
    const found: OfficeMention[] = [];
    for (const m of text.matchAll(this.pattern)) {
      const office = this.byKey.get(formKey(m[0]));
      if (office) found.push({ start: m.index, end: m.index + m[0].length, text: m[0], office });
    }
    return found;
  }
}

/** The offices of one gazetteer with their holders. */
export class Offices {
  readonly finder: OfficeFinder;
  private readonly byId: Map<string, Office>;

  constructor(
    offices: readonly Office[],
    private readonly people: readonly Person[],
  ) {
    this.finder = new OfficeFinder(offices);
    this.byId = new Map(offices.map((o) => [o.id, o]));
  }

  office(id: string): Office | null {
    return this.byId.get(id) ?? null;
  }

  /** Role phrases in `text`; see `OfficeFinder.find`. */
  find(text: string): OfficeMention[] {
    return this.finder.find(text);
  }

  /**
   * The person a role names on `day`: null for an unknown or shared office
   * (`Thứ trưởng Ngoại giao Nga` is one of several), a vacancy, or a day the
   * gazetteer has no holder for.
   */
  holderOn(officeId: string, day: IsoDay): Person | null {
    const office = this.byId.get(officeId);
    if (!office || office.shared) return null;
    return holderOn(officeId, day, this.people);
  }

  /** Everyone known to hold the office on `day`, so a caller can pick the one its text names. */
  holdersOn(officeId: string, day: IsoDay): Person[] {
    return this.byId.has(officeId) ? holdersOn(officeId, day, this.people) : [];
  }
}

const built = new WeakMap<object, Offices>();

/**
 * The `Offices` of one gazetteer, built on first use and kept with it:
 * compiling the finder takes tens of milliseconds, more than a whole article
 * may cost, so a pipeline run per article must not pay it each time.
 */
export function officesOf(gazetteer: { offices: readonly Office[]; people: readonly Person[] }): Offices {
  let offices = built.get(gazetteer);
  if (!offices) {
    offices = new Offices(gazetteer.offices, gazetteer.people);
    built.set(gazetteer, offices);
  }
  return offices;
}
