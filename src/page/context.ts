import type { ContextSummit, EvidenceReason, PageContext } from '../protocol/messages';
import type { Strength } from '../schema/lexicon';
import { listedForm } from './mention-summary';

/**
 * What a page is about, from what the scan already holds: its mentions block
 * by block, each block weighed by where it sits (a headline says more than a
 * related-links box), plus the document title, the summit years and cue words
 * the scan saw, and the page's date. No second walk of the page.
 *
 * A summit is what the page is about when it is in the headline or title, or
 * its mentions weigh `MIN_MENTION_WEIGHT` (two in the body, one in the lead,
 * eight in a related-links box): a single passing "the Helsinki summit" in a
 * story about something else lists nothing, however many of its leaders the
 * story names. The title, cue words next to it, a printed year, its
 * participants on the page and a publication date in its year then only rank
 * the summits that qualified.
 */

/** Where a block sits on the page, and how much a mention there says about the page. */
export const REGION_WEIGHT = { headline: 3, lead: 2, body: 1, aside: 0.25 } as const;
export type Region = keyof typeof REGION_WEIGHT;

export const MIN_MENTION_WEIGHT = 2;
/** A block with summit cue words adds this much (times its weight) to each summit named in it. */
const CUE_BONUS = 0.5;
const EVIDENCE_BONUS = 1;

export interface ContextOccurrence {
  kind: 'person' | 'summit';
  id: string;
  form: string;
  strength: Strength;
}

export interface ContextBlock {
  region: Region;
  occurrences: readonly ContextOccurrence[];
  cues: number;
  years: readonly number[];
}

export interface ContextInput {
  blocks: Iterable<ContextBlock>;
  /** Entities the document title names (see `PageResolver.probe`). */
  title: readonly { kind: 'person' | 'summit'; id: string }[];
  participants: Readonly<Record<string, readonly string[]>>;
  years: Readonly<Record<string, number>>;
  published: string | null;
  lang: string;
}

interface FormTally {
  /** Each occurrence of the form by its position in page order, with the kind of form it is there. */
  at: Map<number, Strength>;
  /** The least of `at`'s positions; null when that is to be worked out again. */
  first: number | null;
}

interface SummitTally {
  /** Mentions times the weight of their region. */
  weight: number;
  /** Cue bonuses of the blocks that name it. */
  cues: number;
  mentions: number;
  /** Its mentions in headline blocks. */
  headlines: number;
  /** Distinct forms (listed as `listedForm` shows them). */
  forms: Map<string, FormTally>;
}

interface BlockTally {
  weight: number;
  headline: boolean;
  years: readonly number[];
  /** The block's cue bonus for each summit it names. */
  cueBonus: number;
  /** Mentions of each summit in the block. */
  summits: Map<string, number>;
}

const round = (n: number) => Math.round(n * 100) / 100;

function firstOf(form: FormTally): number {
  let first = Number.POSITIVE_INFINITY;
  for (const position of form.at.keys()) if (position < first) first = position;
  return first;
}

/** The summit's spellings of one kind, the page's first spelling first. */
function formsOf(forms: Map<string, FormTally>, kind: 'alias' | 'place'): { kind: 'alias' | 'place'; form: string; count: number; first: number }[] {
  const parts: { kind: 'alias' | 'place'; form: string; count: number; first: number }[] = [];
  for (const [form, tally] of forms) {
    tally.first ??= firstOf(tally);
    const isAlias = tally.at.get(tally.first) === 'alias';
    if (isAlias === (kind === 'alias')) parts.push({ kind, form, count: tally.at.size, first: tally.first });
  }
  return parts.sort((a, b) => a.first - b.first);
}

function formsEvidence(parts: readonly { kind: 'alias' | 'place'; form: string; count: number }[]): string | null {
  if (parts.length === 0) return null;
  return `${parts[0]!.kind} ${parts.map((p) => (p.count > 1 ? `“${p.form}” ×${p.count}` : `“${p.form}”`)).join(', ')}`;
}

/** What the page says about itself besides its blocks. */
export type PageFacts = Omit<ContextInput, 'blocks'>;

/**
 * The sums `pageContext` ranks from, kept up to date as blocks and mentions
 * come and go: each costs O(1), and the context is then ranked from one row
 * per entity, never from every mention again (docs/decisions/0082). A
 * mention's position orders the forms (the page's first spelling first); its
 * block must be added before it and removed after its last mention.
 */
export class ContextTally {
  private readonly blocks = new Map<number, BlockTally>();
  private readonly yearsOnPage = new Map<number, number>();
  private readonly people = new Map<string, { weight: number; mentions: number }>();
  private readonly summits = new Map<string, SummitTally>();

  addBlock(id: number, block: { region: Region; cues: number; years: readonly number[] }): void {
    const weight = REGION_WEIGHT[block.region];
    this.blocks.set(id, { weight, headline: block.region === 'headline', years: block.years, cueBonus: block.cues > 0 ? CUE_BONUS * weight : 0, summits: new Map() });
    for (const year of block.years) this.yearsOnPage.set(year, (this.yearsOnPage.get(year) ?? 0) + 1);
  }

  removeBlock(id: number): void {
    const block = this.blocks.get(id);
    if (block === undefined) return;
    this.blocks.delete(id);
    for (const year of block.years) {
      const left = this.yearsOnPage.get(year)! - 1;
      if (left === 0) this.yearsOnPage.delete(year);
      else this.yearsOnPage.set(year, left);
    }
  }

  add(blockId: number, position: number, o: ContextOccurrence): void {
    const block = this.blocks.get(blockId);
    if (block === undefined) return;
    if (o.kind === 'person') {
      const person = this.people.get(o.id);
      if (person === undefined) this.people.set(o.id, { weight: block.weight, mentions: 1 });
      else {
        person.weight += block.weight;
        person.mentions++;
      }
      return;
    }
    let tally = this.summits.get(o.id);
    if (tally === undefined) this.summits.set(o.id, (tally = { weight: 0, cues: 0, mentions: 0, headlines: 0, forms: new Map() }));
    tally.weight += block.weight;
    tally.mentions++;
    if (block.headline) tally.headlines++;
    const inBlock = block.summits.get(o.id) ?? 0;
    block.summits.set(o.id, inBlock + 1);
    if (inBlock === 0) tally.cues += block.cueBonus;
    const name = listedForm(o.form);
    const form = tally.forms.get(name);
    if (form === undefined) tally.forms.set(name, { at: new Map([[position, o.strength]]), first: position });
    else {
      form.at.set(position, o.strength);
      if (form.first !== null && position < form.first) form.first = position;
    }
  }

  /** Takes back what `add` was given for the same block, position and occurrence. */
  remove(blockId: number, position: number, o: ContextOccurrence): void {
    const block = this.blocks.get(blockId);
    if (block === undefined) return;
    if (o.kind === 'person') {
      const person = this.people.get(o.id);
      if (person === undefined) return;
      person.weight -= block.weight;
      if (--person.mentions === 0) this.people.delete(o.id);
      return;
    }
    const tally = this.summits.get(o.id);
    const form = tally?.forms.get(listedForm(o.form));
    if (tally === undefined || form === undefined || !form.at.delete(position)) return;
    if (form.first === position) form.first = null;
    if (form.at.size === 0) tally.forms.delete(listedForm(o.form));
    tally.weight -= block.weight;
    if (block.headline) tally.headlines--;
    const inBlock = block.summits.get(o.id)! - 1;
    if (inBlock === 0) {
      block.summits.delete(o.id);
      tally.cues -= block.cueBonus;
    } else block.summits.set(o.id, inBlock);
    if (--tally.mentions === 0) this.summits.delete(o.id);
  }

  context(facts: PageFacts): PageContext {
    const people = new Map<string, number>();
    for (const [id, person] of this.people) people.set(id, person.weight);
    const inTitle = new Set(facts.title.map((e) => `${e.kind}:${e.id}`));
    for (const [id, score] of people) if (inTitle.has(`person:${id}`)) people.set(id, score + REGION_WEIGHT.headline);
    const publishedYear = facts.published === null ? null : Number(facts.published.slice(0, 4));

    const ranked: ContextSummit[] = [];
    for (const [id, tally] of this.summits) {
      const evidence: string[] = [];
      const reasons: EvidenceReason[] = [];
      let score = tally.weight + tally.cues;
      const titled = inTitle.has(`summit:${id}`);
      if (titled) {
        score += REGION_WEIGHT.headline;
        evidence.push('title');
        reasons.push({ kind: 'title' });
      }
      const headline = tally.headlines > 0;
      if (headline) {
        evidence.push('headline');
        reasons.push({ kind: 'headline' });
      }
      for (const kind of ['alias', 'place'] as const) {
        const forms = formsOf(tally.forms, kind);
        const line = formsEvidence(forms);
        if (line !== null) evidence.push(line);
        for (const { form, count } of forms) reasons.push({ kind, form, count });
      }
      const participants = facts.participants[id] ?? [];
      if (participants.length > 0 && participants.every((p) => people.has(p))) {
        score += EVIDENCE_BONUS;
        evidence.push(`participants ${participants.join(', ')}`);
        reasons.push({ kind: 'participants', ids: [...participants] });
      }
      const year = facts.years[id];
      if (year !== undefined && this.yearsOnPage.has(year)) {
        score += EVIDENCE_BONUS;
        evidence.push(`year ${year}`);
        reasons.push({ kind: 'year', year });
      }
      if (year !== undefined && publishedYear === year) {
        score += EVIDENCE_BONUS;
        evidence.push(`published ${facts.published}`);
        reasons.push({ kind: 'published', day: facts.published! });
      }
      evidence.push(tally.mentions === 1 ? '1 mention' : `${tally.mentions} mentions`);
      reasons.push({ kind: 'mentions', count: tally.mentions });
      if (tally.weight >= MIN_MENTION_WEIGHT || titled || headline) ranked.push({ id, score: round(score), evidence, reasons });
    }
    ranked.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));

    return {
      summits: ranked,
      people: [...people].map(([id, score]) => ({ id, score: round(score) })).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)),
      published: facts.published,
      lang: facts.lang,
    };
  }
}

/** The context of blocks read in one go, in page order: what `ContextTally` keeps up to date. */
export function pageContext(input: ContextInput): PageContext {
  const tally = new ContextTally();
  let id = 0;
  let position = 0;
  for (const block of input.blocks) {
    tally.addBlock(id, block);
    for (const o of block.occurrences) tally.add(id, position++, o);
    id++;
  }
  return tally.context(input);
}
