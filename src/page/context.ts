import type { ContextSummit, EvidenceReason, PageContext } from '../protocol/messages';
import type { Strength } from '../schema/lexicon';

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

interface SummitTally {
  /** Mentions times the weight of their region. */
  weight: number;
  cues: number;
  mentions: number;
  headline: boolean;
  /** Distinct forms by kind, in page order, with their counts. */
  forms: Map<string, { strength: Strength; count: number }>;
}

const round = (n: number) => Math.round(n * 100) / 100;

function formsOf(forms: Map<string, { strength: Strength; count: number }>, kind: 'alias' | 'place'): { kind: 'alias' | 'place'; form: string; count: number }[] {
  return [...forms].filter(([, f]) => (kind === 'alias' ? f.strength === 'alias' : f.strength !== 'alias')).map(([form, f]) => ({ kind, form, count: f.count }));
}

function formsEvidence(parts: readonly { kind: 'alias' | 'place'; form: string; count: number }[]): string | null {
  if (parts.length === 0) return null;
  return `${parts[0]!.kind} ${parts.map((f) => (f.count > 1 ? `“${f.form}” ×${f.count}` : `“${f.form}”`)).join(', ')}`;
}

export function pageContext(input: ContextInput): PageContext {
  const summits = new Map<string, SummitTally>();
  const people = new Map<string, number>();
  const yearsOnPage = new Set<number>();
  for (const block of input.blocks) {
    const weight = REGION_WEIGHT[block.region];
    for (const year of block.years) yearsOnPage.add(year);
    const cueBonus = block.cues > 0 ? CUE_BONUS * weight : 0;
    const cued = new Set<string>();
    for (const o of block.occurrences) {
      if (o.kind === 'person') {
        people.set(o.id, (people.get(o.id) ?? 0) + weight);
        continue;
      }
      let tally = summits.get(o.id);
      if (tally === undefined) summits.set(o.id, (tally = { weight: 0, cues: 0, mentions: 0, headline: false, forms: new Map() }));
      tally.weight += weight;
      tally.mentions++;
      if (block.region === 'headline') tally.headline = true;
      const form = o.form.normalize('NFC').replace(/\s+/g, ' ');
      const seen = tally.forms.get(form);
      if (seen) seen.count++;
      else tally.forms.set(form, { strength: o.strength, count: 1 });
      if (cueBonus > 0 && !cued.has(o.id)) {
        cued.add(o.id);
        tally.cues += cueBonus;
      }
    }
  }

  const inTitle = new Set(input.title.map((e) => `${e.kind}:${e.id}`));
  for (const [id, score] of people) if (inTitle.has(`person:${id}`)) people.set(id, score + REGION_WEIGHT.headline);
  const publishedYear = input.published === null ? null : Number(input.published.slice(0, 4));

  const ranked: ContextSummit[] = [];
  for (const [id, tally] of summits) {
    const evidence: string[] = [];
    const reasons: EvidenceReason[] = [];
    let score = tally.weight + tally.cues;
    const titled = inTitle.has(`summit:${id}`);
    if (titled) {
      score += REGION_WEIGHT.headline;
      evidence.push('title');
      reasons.push({ kind: 'title' });
    }
    if (tally.headline) {
      evidence.push('headline');
      reasons.push({ kind: 'headline' });
    }
    for (const kind of ['alias', 'place'] as const) {
      const forms = formsOf(tally.forms, kind);
      const line = formsEvidence(forms);
      if (line !== null) evidence.push(line);
      reasons.push(...forms);
    }
    const participants = input.participants[id] ?? [];
    if (participants.length > 0 && participants.every((p) => people.has(p))) {
      score += EVIDENCE_BONUS;
      evidence.push(`participants ${participants.join(', ')}`);
      reasons.push({ kind: 'participants', ids: [...participants] });
    }
    const year = input.years[id];
    if (year !== undefined && yearsOnPage.has(year)) {
      score += EVIDENCE_BONUS;
      evidence.push(`year ${year}`);
      reasons.push({ kind: 'year', year });
    }
    if (year !== undefined && publishedYear === year) {
      score += EVIDENCE_BONUS;
      evidence.push(`published ${input.published}`);
      reasons.push({ kind: 'published', day: input.published! });
    }
    evidence.push(tally.mentions === 1 ? '1 mention' : `${tally.mentions} mentions`);
    reasons.push({ kind: 'mentions', count: tally.mentions });
    if (tally.weight >= MIN_MENTION_WEIGHT || titled || tally.headline) ranked.push({ id, score: round(score), evidence, reasons });
  }
  ranked.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));

  return {
    summits: ranked,
    people: [...people].map(([id, score]) => ({ id, score: round(score) })).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)),
    published: input.published,
    lang: input.lang,
  };
}
