import type { Term } from '../schema/index-schema';
import type { Lexicon, Strength } from '../schema/lexicon';
import { compileMatcher, distractorOf, type Hit, type Matcher } from './automaton';
import { foldForm, wordAt, wordBefore } from './normalize';
import { afterOtherFirstName, afterTitle, afterWomanAddress, opensSentence } from './other-name';
import { withRussianCases } from './russian-forms';
import { beforeOtherName, RoleReader, singledOut, yearsIn, type PageDates } from './shared-surnames';

/**
 * Turns raw hits into mentions, precision first. A page arrives as blocks
 * (and dynamic pages add, change and remove blocks later), so the evidence
 * that decides contextual hits is kept per page as counters, and a hit whose
 * verdict depends on it is re-evaluated only when a counter crosses zero:
 *
 * - `full` and `epithet` person forms, and a summit alias no other summit
 *   could claim, are mentions outright.
 * - A `short` person form (`Trump`) must be capitalised on the page (`trump
 *   card` is not a person), must not follow someone else's first name
 *   (`Tom Ford`, see other-name.ts) and is held back while a distractor containing it
 *   (`Melania Trump`) is on the page and no full form of the person is: on a
 *   page about Melania, a bare `Trump` is as likely to be her.
 * - A `short` form other people share (`Clinton`, `Ford`; marked `shared`,
 *   or the short form of two gazetteer people, like `Bush`) also must not
 *   start another proper name (`Ford Focus`), and names a person only with
 *   evidence (shared-surnames.ts): its own (a role phrase right before it,
 *   or the years printed in its sentence or the page's published day inside
 *   one candidate's term; a date does not count for a person whose distractor
 *   is on the page without their full name), else the page's: the one candidate
 *   whose full name is on the page or whom another occurrence's own evidence
 *   named. Otherwise it stays unmarked.
 * - A summit `place` (`Anchorage`) must be capitalised, have a summit cue in
 *   its own sentence (at most CUE_WINDOW characters away), and have at least
 *   one of the summit's participants mentioned somewhere on the page. The
 *   sentence limit is what keeps "Temperatures in Anchorage fell. The city
 *   assembly moved its meeting online." quiet on a page that also names Trump.
 * - A place or alias several summits share (`Geneva`, `Geneva summit`) goes
 *   to the summit with the most participants on the page, a printed year of
 *   the summit counting as one more; a tie stays unresolved. A shared place
 *   (not an alias) needs a score of two: `Moscow` next to `talks` on a page
 *   that names Putin alone is not the Bush–Putin summit of 2002.
 */

/** Words that put a place in a meeting context (vi, en, ru). */
export const SUMMIT_CUES: readonly string[] = [
  'thượng đỉnh', 'hội nghị', 'cuộc gặp', 'hội đàm', 'gặp mặt', 'gặp gỡ', 'gặp nhau', 'họp báo', 'đàm phán',
  'cuộc họp', 'hội kiến', 'đón tiếp', 'tiếp đón',
  'summit', 'summits', 'meeting', 'meetings', 'meet', 'meets', 'met', 'talks', 'negotiations', 'press conference',
  'news conference', 'sit-down', 'face-to-face', 'handshake',
  'саммит', 'саммита', 'саммите', 'встреча', 'встречи', 'встрече', 'встречу', 'переговоры', 'переговоров',
];

/** A cap on "the same sentence" for text that has no punctuation. */
export const CUE_WINDOW = 150;

export type BlockId = number;

/** One highlighted occurrence; `key` stays the same while the occurrence exists, even if its entity changes. */
export interface Occurrence {
  key: number;
  blockId: BlockId;
  start: number;
  end: number;
  kind: 'person' | 'summit';
  id: string;
  /** The text as it appears in the block. */
  form: string;
  /** The kind of form it is: a summit's `alias` names it outright, a `place` only with the page's evidence. */
  strength: Strength;
}

/** What a block says besides its mentions: the page context weighs it. */
export interface BlockEvidence {
  /** Summit cue words (summit, thượng đỉnh, саммит…) in the block. */
  cues: number;
  /** Years of gazetteer summits printed in the block. */
  years: number[];
}

/** An entity a piece of text outside the blocks (the document title) names, judged by the page's current evidence. */
export interface Probed {
  kind: 'person' | 'summit';
  id: string;
}

/** What to highlight and un-highlight after a call; a changed entity appears in both. */
export interface Changes {
  added: Occurrence[];
  removed: Occurrence[];
}

const FIXED = 0;
const SHORT = 1;
const CONTEXT = 2;
const SHARED = 3;

interface Slot {
  key: number;
  blockId: BlockId;
  start: number;
  end: number;
  form: string;
  rule: typeof FIXED | typeof SHORT | typeof CONTEXT | typeof SHARED;
  strength: Strength;
  /** FIXED: the entity; SHORT: the person; CONTEXT, SHARED: unused. */
  entity: number;
  /** CONTEXT: summits; SHARED: people. */
  candidates: readonly number[];
  /** SHARED: its own evidence; CONTEXT with several summits: the years printed in its sentence (`years`); null otherwise, so the many slots stay small. */
  own: OwnEvidence | null;
  /** CONTEXT: the evidence a candidate needs (see `evaluateContext`). */
  minScore: number;
  /** SHORT: opens its sentence, so its capital says nothing (see `evaluateShort`). */
  initial: boolean;
  /** SHORT: follows a woman's form of address (`Mrs Trump`). */
  woman: boolean;
  /** Entity it currently counts for, or -1. */
  current: number;
}

interface OwnEvidence {
  /** Offices the role phrase right before it names. */
  roles: readonly string[];
  /** Years printed in its sentence. */
  years: readonly number[];
  /** The person this evidence singles out, or -1; counted in `ownEvidence`. */
  person: number;
}

interface Block {
  slots: Slot[];
  /** Persons named by the block's distractor hits, one element per hit. */
  distractedPersons: number[];
  /** Persons whose short form the block uses as a common word (lower case, no title before it), one element per use. */
  commonPersons: number[];
  /** Persons whose short form the block capitalises inside a sentence, where only a name is capitalised; one element per use. */
  midPersons: number[];
  years: number[];
  cues: number;
}

interface Entity {
  kind: 'person' | 'summit';
  id: string;
}

function capitalised(text: string, at: number): boolean {
  const c = text.charAt(at);
  return c === c.toLowerCase() ? c === c.toUpperCase() : true;
}

/** Does folded `outer` contain folded `inner` as whole words? */
function containsWord(outer: string, inner: string): boolean {
  const units = new Uint16Array(outer.length);
  for (let i = 0; i < outer.length; i++) units[i] = outer.charCodeAt(i);
  for (let i = outer.indexOf(inner); i >= 0; i = outer.indexOf(inner, i + 1)) {
    const end = i + inner.length;
    if ((i === 0 || !wordBefore(units, i)) && (end === outer.length || !wordAt(units, end, outer.length))) return true;
  }
  return false;
}

export class PageResolver {
  readonly matcher: Matcher;
  private readonly lexicon: Lexicon;
  private readonly entities: Entity[] = [];
  private readonly entityOfEntry: Int32Array;
  /** Summit entity → participant person entities. */
  private readonly participants: number[][] = [];
  /** Summit entity → index of its year in `yearCount`, or -1. */
  private readonly yearOf: Int32Array;
  private readonly yearCount: Int32Array;
  private readonly yearForms: number[];
  /** Distractor → persons whose short form it contains. */
  private readonly distractorPersons: number[][];
  /** First entry index of a summit hit → the summits it may name. */
  private readonly summitCandidates = new Map<number, { alias: boolean; summits: number[] }>();
  private readonly cueCount = SUMMIT_CUES.length;
  /** Summit forms that hold a person's name (`Trump-Putin summit in Alaska`): first entry index → 1. */
  private readonly namesInside: Uint8Array;

  private readonly strong: Int32Array;
  private readonly shortOn: Int32Array;
  private readonly distracted: Int32Array;
  /** Person → uses of their short form as a common word on the page (`the trump suit`). */
  private readonly commonUse: Int32Array;
  /** Person → their short form capitalised inside a sentence (`said Trump`): the page uses it as a name. */
  private readonly midUse: Int32Array;
  /** Shared surnames: first entry of a form → the people it may name (an array: looked up for every surname hit). */
  private readonly sharedCandidates: (number[] | undefined)[] = [];
  /** Person entity → terms, for people with a shared surname. */
  private readonly termsOf = new Map<number, Term[]>();
  private readonly sharing: Uint8Array;
  private readonly ownEvidence: Int32Array;
  private readonly roles: RoleReader;
  private published: string | null = null;

  private readonly blocks = new Map<BlockId, Block>();
  private readonly shortSlots = new Map<number, Set<Slot>>();
  private readonly contextSlots = new Set<Slot>();
  private readonly sharedSlots = new Set<Slot>();
  /** Evidence for some shared surname changed: every shared slot is judged again. */
  private sharedDirty = false;
  private nextKey = 0;
  private placesDirty = false;
  private readonly dirtyPersons = new Set<number>();

  constructor(gazetteerLexicon: Lexicon) {
    const lexicon = withRussianCases(gazetteerLexicon);
    this.lexicon = lexicon;
    const entityIndex = new Map<string, number>();
    const entityOf = (kind: 'person' | 'summit', id: string): number => {
      const key = `${kind}:${id}`;
      let e = entityIndex.get(key);
      if (e === undefined) {
        e = this.entities.length;
        this.entities.push({ kind, id });
        entityIndex.set(key, e);
      }
      return e;
    };
    this.entityOfEntry = Int32Array.from(lexicon.entries, (entry) => entityOf(entry.kind, entry.id));
    for (const summitId of Object.keys(lexicon.participants)) entityOf('summit', summitId);
    const n = this.entities.length;
    this.strong = new Int32Array(n);
    this.shortOn = new Int32Array(n);
    this.distracted = new Int32Array(n);
    this.commonUse = new Int32Array(n);
    this.midUse = new Int32Array(n);
    this.sharing = new Uint8Array(n);
    this.ownEvidence = new Int32Array(n);
    this.roles = new RoleReader(lexicon.evidence?.offices ?? {});

    for (let e = 0; e < n; e++) {
      const entity = this.entities[e]!;
      const ids = entity.kind === 'summit' ? (lexicon.participants[entity.id] ?? []) : [];
      this.participants.push(ids.map((id) => entityIndex.get(`person:${id}`)).filter((p): p is number => p !== undefined));
    }

    const yearForms: string[] = [];
    this.yearOf = new Int32Array(n).fill(-1);
    for (const [summitId, year] of Object.entries(lexicon.years ?? {})) {
      const e = entityIndex.get(`summit:${summitId}`);
      if (e === undefined || !Number.isInteger(year)) continue;
      let y = yearForms.indexOf(String(year));
      if (y < 0) y = yearForms.push(String(year)) - 1;
      this.yearOf[e] = y;
    }
    this.yearCount = new Int32Array(yearForms.length);
    this.yearForms = yearForms.map(Number);
    for (const [personId, terms] of Object.entries(lexicon.evidence?.terms ?? {})) {
      const e = entityIndex.get(`person:${personId}`);
      if (e !== undefined) this.termsOf.set(e, terms);
    }

    const shortForms: { form: string; person: number }[] = [];
    const placeSummits = new Map<string, Set<number>>();
    lexicon.entries.forEach((entry, i) => {
      const e = this.entityOfEntry[i]!;
      if (entry.kind === 'person' && entry.strength === 'short') shortForms.push({ form: foldForm(entry.form), person: e });
      if (entry.kind === 'summit' && entry.strength === 'place') {
        const f = foldForm(entry.form);
        const set = placeSummits.get(f) ?? new Set<number>();
        set.add(e);
        placeSummits.set(f, set);
      }
    });
    this.distractorPersons = lexicon.distractors.map((d) => {
      const f = foldForm(d);
      return [...new Set(shortForms.filter((s) => s.form !== '' && containsWord(f, s.form)).map((s) => s.person))];
    });
    const sharers = new Map<number, Set<number>>();
    for (const summits of placeSummits.values()) {
      for (const s of summits) {
        const set = sharers.get(s) ?? new Set<number>([s]);
        for (const other of summits) set.add(other);
        sharers.set(s, set);
      }
    }

    this.matcher = compileMatcher(lexicon, [...SUMMIT_CUES, ...yearForms]);

    const shortPeople = new Map<string, Set<number>>();
    for (const { form, person } of shortForms) {
      const set = shortPeople.get(form) ?? new Set<number>();
      set.add(person);
      shortPeople.set(form, set);
    }
    lexicon.entries.forEach((entry, i) => {
      if (entry.kind !== 'person' || entry.strength !== 'short' || this.matcher.alternatives(i)[0] !== i) return;
      const alternatives = this.matcher.alternatives(i).map((a) => lexicon.entries[a]!).filter((a) => a.kind === 'person' && a.strength === 'short');
      const people = [...(shortPeople.get(foldForm(entry.form)) ?? [])];
      if (people.length < 2 && !alternatives.some((a) => a.shared)) return;
      this.sharedCandidates[i] = people;
      for (const p of people) this.sharing[p] = 1;
    });

    lexicon.entries.forEach((entry, i) => {
      // Hits carry the first entry of their form; the others are reached through it.
      if (entry.kind !== 'summit' || this.matcher.alternatives(i)[0] !== i) return;
      const alternatives = this.matcher.alternatives(i).filter((a) => lexicon.entries[a]!.kind === 'summit');
      const alias = alternatives.some((a) => lexicon.entries[a]!.strength === 'alias');
      const summits = new Set<number>();
      for (const a of alternatives) {
        const s = this.entityOfEntry[a]!;
        summits.add(s);
        // An alias of a summit held where another was (`Geneva summit`) may mean either.
        if (alias) for (const other of sharers.get(s) ?? []) summits.add(other);
      }
      this.summitCandidates.set(i, { alias, summits: [...summits] });
    });
    this.namesInside = new Uint8Array(lexicon.entries.length);
    lexicon.entries.forEach((entry, i) => {
      if (entry.kind === 'summit' && this.matcher.alternatives(i)[0] === i && this.peopleInside(entry.form, { start: 0, end: entry.form.length, entryIndex: i }).length > 0) {
        this.namesInside[i] = 1;
      }
    });
  }

  /**
   * The person hits inside a summit hit: the summit's form wins the match,
   * but `Biden–Putin summit` names both leaders too. The form is scanned
   * twice, short of its last and of its first character, so the whole form
   * cannot match again and a name at either edge is still whole in one scan.
   */
  private peopleInside(text: string, hit: Hit): Hit[] {
    const found = new Map<number, Hit>();
    for (const [from, to] of [[hit.start, hit.end - 1], [hit.start + 1, hit.end]] as const) {
      for (const inner of this.matcher.scan(text.slice(from, to))) {
        if (inner.entryIndex < 0 || this.lexicon.entries[inner.entryIndex]!.kind !== 'person') continue;
        const start = from + inner.start;
        if (!found.has(start)) found.set(start, { start, end: from + inner.end, entryIndex: inner.entryIndex });
      }
    }
    return [...found.values()].sort((a, b) => a.start - b.start);
  }

  /** The hits with the people inside summit forms added, each before its summit, so hovering the name finds the person. */
  private withPeopleInside(text: string, hits: Hit[]): Hit[] {
    if (!hits.some((h) => h.entryIndex >= 0 && this.namesInside[h.entryIndex] === 1)) return hits;
    const all: Hit[] = [];
    for (const hit of hits) {
      if (hit.entryIndex >= 0 && this.namesInside[hit.entryIndex] === 1) all.push(...this.peopleInside(text, hit));
      all.push(hit);
    }
    return all;
  }

  /** Scans a block (or rescans it when `blockId` was added before) and settles everything its evidence affects. */
  add(blockId: BlockId, text: string): Changes {
    const changes: Changes = { added: [], removed: [] };
    this.drop(blockId, changes);
    const hits: Hit[] = [];
    const aux: number[] = [];
    this.matcher.scanInto(text, hits, aux);
    const block: Block = { slots: [], distractedPersons: [], commonPersons: [], midPersons: [], years: [], cues: 0 };
    this.blocks.set(blockId, block);

    const cues: number[] = [];
    for (let i = 0; i < aux.length; i += 3) {
      const a = aux[i]!;
      if (a < this.cueCount) {
        cues.push(aux[i + 1]!, aux[i + 2]!);
        block.cues++;
      }
      else {
        const y = a - this.cueCount;
        block.years.push(y);
        if (this.yearCount[y]!++ === 0) this.placesDirty = true;
      }
    }

    const fresh: Slot[] = [];
    for (const hit of this.withPeopleInside(text, hits)) {
      if (hit.entryIndex < 0) {
        for (const p of this.distractorPersons[distractorOf(hit)] ?? []) {
          block.distractedPersons.push(p);
          if (this.distracted[p]!++ === 0) this.distractionChanged(p);
        }
        continue;
      }
      const entry = this.lexicon.entries[hit.entryIndex]!;
      const entity = this.entityOfEntry[hit.entryIndex]!;
      const slot: Slot = {
        key: this.nextKey++,
        blockId,
        start: hit.start,
        end: hit.end,
        form: text.slice(hit.start, hit.end),
        rule: FIXED,
        strength: entry.strength,
        entity,
        candidates: [],
        own: null,
        minScore: 1,
        initial: false,
        woman: false,
        current: -1,
      };
      if (entry.kind === 'person') {
        if (entry.strength === 'short') {
          if (!capitalised(text, hit.start)) {
            if (!afterTitle(text, hit.start)) {
              block.commonPersons.push(entity);
              if (this.commonUse[entity]!++ === 0) this.distractionChanged(entity);
              continue;
            }
          } else if (afterOtherFirstName(text, hit.start)) continue;
          const sharers = this.sharedCandidates[hit.entryIndex];
          if (sharers !== undefined) {
            if (beforeOtherName(text, hit.end)) continue;
            slot.rule = SHARED;
            slot.candidates = sharers;
            const [from, to] = sentenceAround(text, hit);
            slot.own = { roles: this.roles.officesBefore(text, hit.start), years: yearsIn(text.slice(from, to)), person: -1 };
            this.sharedSlots.add(slot);
            fresh.push(slot);
            block.slots.push(slot);
            continue;
          }
          slot.rule = SHORT;
          slot.initial = opensSentence(text, hit.start);
          if (!slot.initial) {
            block.midPersons.push(entity);
            // It only matters where the page also writes the word.
            if (this.midUse[entity]!++ === 0 && this.commonUse[entity]! > 0) this.distractionChanged(entity);
          }
          slot.woman = afterWomanAddress(text, hit.start);
          let set = this.shortSlots.get(entity);
          if (set === undefined) this.shortSlots.set(entity, (set = new Set()));
          set.add(slot);
          fresh.push(slot);
        } else {
          slot.current = entity;
          if (this.strong[entity]!++ === 0) this.strengthened(entity);
          changes.added.push(this.occurrence(slot));
        }
      } else {
        const { alias, summits } = this.summitCandidates.get(hit.entryIndex)!;
        const dated = alias || !capitalised(text, hit.start) ? null : this.yearAfter(text, hit.end, summits);
        if (dated !== null) {
          slot.end = dated.end;
          slot.form = text.slice(hit.start, dated.end);
          slot.entity = slot.current = dated.summit;
          changes.added.push(this.occurrence(slot));
        } else if (alias && summits.length === 1) {
          slot.entity = slot.current = summits[0]!;
          changes.added.push(this.occurrence(slot));
        } else {
          if (!alias && !(capitalised(text, hit.start) && cueInSentence(text, cues, hit))) continue;
          slot.rule = CONTEXT;
          slot.candidates = summits;
          // A bare city that several summits share (Moscow: five of them) names none of them on its
          // own: "Next time in Moscow," on a page about Alaska 2025 is not the Bush–Putin summit of
          // 2002 just because Putin is on the page. It needs two pieces of evidence for one summit:
          // both leaders, or a leader and the summit's year.
          if (!alias && summits.length > 1) slot.minScore = 2;
          if (summits.length > 1) {
            const [from, to] = sentenceAround(text, hit);
            const years = yearsIn(text.slice(from, to));
            if (years.length > 0) slot.own = { roles: [], years, person: -1 };
          }
          this.contextSlots.add(slot);
          fresh.push(slot);
        }
      }
      block.slots.push(slot);
    }
    this.settle(fresh, changes);
    return changes;
  }

  /**
   * The page's published day (`YYYY-MM-DD`, or null when unknown): inside a
   * term it is evidence for a shared surname everywhere on the page.
   */
  setPublished(day: string | null): Changes {
    const changes: Changes = { added: [], removed: [] };
    if (day !== this.published) {
      this.published = day;
      this.sharedDirty = true;
      this.placesDirty = true;
      this.settle([], changes);
    }
    return changes;
  }

  /**
   * `Geneva 2021`, `Helsinki 2018`, `Moskva 2002`: a summit's place followed by
   * its year names that summit outright, as pages write it in kickers, tags and
   * headlines; no cue word or leader is needed. Not `Hamburg 2017/18` (a season).
   */
  private yearAfter(text: string, end: number, summits: readonly number[]): { summit: number; end: number } | null {
    const m = /^[ \u00a0](\d{4})(?![\p{L}\p{N}]|[/–-]\d)/u.exec(text.slice(end, end + 8));
    if (m === null) return null;
    const year = Number(m[1]);
    let found = -1;
    for (const s of summits) {
      const y = this.yearOf[s]!;
      if (y < 0 || this.yearForms[y] !== year) continue;
      if (found >= 0) return null;
      found = s;
    }
    return found < 0 ? null : { summit: found, end: end + m[0].length };
  }

  /** Forgets a block that left the page; mentions elsewhere that relied on it may go too. */
  remove(blockId: BlockId): Changes {
    const changes: Changes = { added: [], removed: [] };
    this.drop(blockId, changes);
    this.settle([], changes);
    return changes;
  }

  /** Current mentions, block by block in the order blocks were added. */
  *mentions(): IterableIterator<Occurrence> {
    for (const block of this.blocks.values()) {
      for (const slot of block.slots) if (slot.current >= 0) yield this.occurrence(slot);
    }
  }

  /** The cue words and summit years of a block, or null for a block it does not hold. */
  evidence(blockId: BlockId): BlockEvidence | null {
    const block = this.blocks.get(blockId);
    return block === undefined ? null : { cues: block.cues, years: block.years.map((y) => this.yearForms[y]!) };
  }

  /**
   * The entities `text` names, without adding it to the page: full names and
   * capitalised short names of people, and every summit an alias or a
   * capitalised place may name (the caller weighs them against what the page
   * already holds). For the document title, which is not part of the body.
   */
  probe(text: string): Probed[] {
    const found = new Map<string, Probed>();
    const add = (e: number) => {
      const entity = this.entities[e]!;
      found.set(`${entity.kind}:${entity.id}`, { kind: entity.kind, id: entity.id });
    };
    for (const hit of this.matcher.scan(text)) {
      if (hit.entryIndex < 0) continue;
      const entry = this.lexicon.entries[hit.entryIndex]!;
      if (entry.kind === 'person') {
        const sharers = this.sharedCandidates[hit.entryIndex];
        // A shared surname in the title is whoever the body already names by it.
        if (sharers !== undefined) {
          if (capitalised(text, hit.start)) for (const p of sharers) if (this.present(p)) add(p);
        } else if (entry.strength !== 'short' || capitalised(text, hit.start)) add(this.entityOfEntry[hit.entryIndex]!);
      } else {
        const { alias, summits } = this.summitCandidates.get(hit.entryIndex)!;
        if (alias || capitalised(text, hit.start)) for (const s of summits) add(s);
      }
    }
    return [...found.values()];
  }

  /** Hits held back for want of evidence, for diagnostics and tests. */
  pendingCount(): number {
    let n = 0;
    for (const block of this.blocks.values()) for (const slot of block.slots) if (slot.current < 0) n++;
    return n;
  }

  private occurrence(slot: Slot): Occurrence {
    const entity = this.entities[slot.current]!;
    return { key: slot.key, blockId: slot.blockId, start: slot.start, end: slot.end, kind: entity.kind, id: entity.id, form: slot.form, strength: slot.strength };
  }

  private present(p: number): boolean {
    return this.strong[p]! + this.shortOn[p]! > 0;
  }

  private strengthened(p: number): void {
    this.dirtyPersons.add(p);
    this.placesDirty = true;
    if (this.sharing[p] === 1) this.sharedDirty = true;
  }

  private distractionChanged(p: number): void {
    this.dirtyPersons.add(p);
    if (this.sharing[p] === 1) this.sharedDirty = true;
  }

  private drop(blockId: BlockId, changes: Changes): void {
    const block = this.blocks.get(blockId);
    if (block === undefined) return;
    this.blocks.delete(blockId);
    for (const slot of block.slots) {
      if (slot.current >= 0) changes.removed.push(this.occurrence(slot));
      if (slot.rule === FIXED) {
        const e = slot.entity;
        if (this.entities[e]!.kind === 'person' && --this.strong[e]! === 0) this.strengthened(e);
      } else if (slot.rule === SHORT) {
        this.shortSlots.get(slot.entity)?.delete(slot);
        if (slot.current >= 0 && --this.shortOn[slot.entity]! === 0 && !this.present(slot.entity)) this.placesDirty = true;
      } else if (slot.rule === SHARED) {
        this.sharedSlots.delete(slot);
        const own = slot.own!.person;
        if (own >= 0 && --this.ownEvidence[own]! === 0) this.sharedDirty = true;
        if (slot.current >= 0 && --this.shortOn[slot.current]! === 0 && !this.present(slot.current)) this.placesDirty = true;
      } else {
        this.contextSlots.delete(slot);
      }
    }
    for (const p of block.distractedPersons) if (--this.distracted[p]! === 0) this.distractionChanged(p);
    for (const p of block.commonPersons) if (--this.commonUse[p]! === 0) this.distractionChanged(p);
    for (const p of block.midPersons) if (--this.midUse[p]! === 0 && this.commonUse[p]! > 0) this.distractionChanged(p);
    for (const y of block.years) if (--this.yearCount[y]! === 0) this.placesDirty = true;
  }

  private settle(fresh: Slot[], changes: Changes): void {
    for (const p of this.dirtyPersons) for (const slot of this.shortSlots.get(p) ?? []) this.evaluateShort(slot, changes);
    this.dirtyPersons.clear();
    for (const slot of fresh) if (slot.rule === SHORT) this.evaluateShort(slot, changes);
    this.settleShared(fresh, changes);
    if (this.placesDirty) for (const slot of this.contextSlots) this.evaluateContext(slot, changes);
    else for (const slot of fresh) if (slot.rule === CONTEXT) this.evaluateContext(slot, changes);
    this.placesDirty = false;
  }

  private evaluateShort(slot: Slot, changes: Changes): void {
    const p = slot.entity;
    // A sentence-initial `Trump` on a page that also writes `trump` as a word (`the trump suit`) is that word, unless the
    // page also names him in full or capitalises the surname inside a sentence (`said Trump`), where only a name is capitalised.
    const word = slot.initial && this.commonUse[p]! > 0 && this.midUse[p] === 0;
    // `Mrs Trump` on a page that names Melania Trump is her, full name of his or not.
    const held = (slot.woman && this.distracted[p]! > 0) || (this.strong[p] === 0 && (this.distracted[p]! > 0 || word));
    const want = held ? -1 : p;
    if (want === slot.current) return;
    const wasPresent = this.present(p);
    if (slot.current >= 0) {
      changes.removed.push(this.occurrence(slot));
      this.shortOn[p]!--;
    }
    slot.current = want;
    if (want >= 0) {
      this.shortOn[p]!++;
      changes.added.push(this.occurrence(slot));
    }
    if (wasPresent !== this.present(p)) this.placesDirty = true;
  }

  /**
   * Own evidence first (it depends only on the slot's surroundings, the
   * published day and the distractor counters), then the verdicts, which also
   * read the other slots' own evidence: a counter crossing zero there sends
   * every shared slot round again.
   */
  private settleShared(fresh: Slot[], changes: Changes): void {
    const all = this.sharedDirty;
    this.sharedDirty = false;
    if (all) for (const slot of this.sharedSlots) this.judgeOwn(slot);
    else for (const slot of fresh) if (slot.rule === SHARED) this.judgeOwn(slot);
    if (all || this.sharedDirty) for (const slot of this.sharedSlots) this.evaluateShared(slot, changes);
    else for (const slot of fresh) if (slot.rule === SHARED) this.evaluateShared(slot, changes);
    this.sharedDirty = false;
  }

  private judgeOwn(slot: Slot): void {
    const evidence = slot.own!;
    const dates: PageDates = { day: this.published, years: evidence.years };
    const { person, byRole } = singledOut(slot.candidates, evidence.roles, dates, (c) => this.termsOf.get(c) ?? []);
    // A date is no evidence for Bill on a page about Hillary: a distractor on the page outweighs it.
    const own = person >= 0 && !byRole && this.distracted[person]! > 0 && this.strong[person] === 0 ? -1 : person;
    if (own === evidence.person) return;
    if (evidence.person >= 0 && --this.ownEvidence[evidence.person]! === 0) this.sharedDirty = true;
    if (own >= 0 && this.ownEvidence[own]!++ === 0) this.sharedDirty = true;
    evidence.person = own;
  }

  private evaluateShared(slot: Slot, changes: Changes): void {
    let want = slot.own!.person;
    if (want < 0) {
      for (const c of slot.candidates) {
        // A full name is no evidence while someone else of that surname is named too (Bill Clinton on a page about Hillary).
        if (this.ownEvidence[c]! + (this.distracted[c]! > 0 ? 0 : this.strong[c]!) === 0) continue;
        if (want >= 0) {
          want = -1;
          break;
        }
        want = c;
      }
    }
    if (want === slot.current) return;
    if (slot.current >= 0) {
      changes.removed.push(this.occurrence(slot));
      if (--this.shortOn[slot.current]! === 0 && !this.present(slot.current)) this.placesDirty = true;
    }
    const before = want >= 0 && !this.present(want);
    slot.current = want;
    if (want >= 0) {
      this.shortOn[want]!++;
      changes.added.push(this.occurrence(slot));
      if (before) this.placesDirty = true;
    }
  }

  private evaluateContext(slot: Slot, changes: Changes): void {
    let best = -1;
    let bestScore = 0;
    let tie = false;
    for (const s of slot.candidates) {
      let score = 0;
      for (const p of this.participants[s]!) if (this.present(p)) score++;
      if (score === 0) continue;
      const y = this.yearOf[s]!;
      if (y >= 0 && this.yearCount[y]! > 0) score++;
      // The page's day says when it was written, a year in the sentence itself which summit it means ("In 1997, also in Helsinki, …").
      if (y >= 0 && this.published !== null && this.published.startsWith(String(this.yearForms[y]))) score++;
      if (y >= 0 && slot.own !== null && slot.own.years.includes(this.yearForms[y]!)) score += 2;
      if (score < slot.minScore) continue;
      if (score > bestScore) {
        best = s;
        bestScore = score;
        tie = false;
      } else if (score === bestScore) {
        tie = true;
      }
    }
    const want = tie ? -1 : best;
    if (want === slot.current) return;
    if (slot.current >= 0) changes.removed.push(this.occurrence(slot));
    slot.current = want;
    if (want >= 0) changes.added.push(this.occurrence(slot));
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xa0;
}

/**
 * Does a sentence end at `i`? A line break does; `.`, `!`, `?` or `…` do
 * when followed by whitespace, except a dot after a short capitalised word
 * (`Mr.`, `U.S.`, `TP.`), which is far more often an abbreviation.
 */
function sentenceEndAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0x0a || c === 0x0d) return true;
  if (c !== 0x2e && c !== 0x21 && c !== 0x3f && c !== 0x2026) return false;
  if (i + 1 < text.length && !isSpace(text.charCodeAt(i + 1))) return false;
  if (c !== 0x2e) return true;
  let a = i;
  while (a > 0 && i - a < 4 && !isSpace(text.charCodeAt(a - 1)) && text.charCodeAt(a - 1) !== 0x2e) a--;
  const first = text.charAt(a);
  return !(a < i && i - a <= 3 && first !== first.toLowerCase());
}

/** The sentence a hit is in, at most CUE_WINDOW characters either side. */
function sentenceAround(text: string, hit: Hit): [number, number] {
  let from = hit.start;
  while (from > 0 && hit.start - from < CUE_WINDOW && !sentenceEndAt(text, from - 1)) from--;
  let to = hit.end;
  while (to < text.length && to - hit.end < CUE_WINDOW && !sentenceEndAt(text, to)) to++;
  return [from, to];
}

function cueInSentence(text: string, cues: number[], hit: Hit): boolean {
  const [from, to] = sentenceAround(text, hit);
  for (let i = 0; i < cues.length; i += 2) {
    if (cues[i]! >= from && cues[i + 1]! <= to) return true;
  }
  return false;
}
