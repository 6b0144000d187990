import type { Mention } from '../protocol/messages';

/** An occurrence as the summary needs it: which block, where in it, and what it names. */
export interface SummaryOccurrence {
  key: number;
  blockId: number;
  start: number;
  kind: 'person' | 'summit';
  id: string;
  form: string;
}

/** How a form is listed: NFC, whitespace collapsed, so an NFD page or a line break inside a name is one spelling. */
export function listedForm(form: string): string {
  return form.normalize('NFC').replace(/\s+/g, ' ');
}

interface Place {
  blockId: number;
  start: number;
}

interface Row {
  id: string;
  kind: 'person' | 'summit';
  count: number;
  forms: Map<string, Form>;
}

interface Form {
  row: Row;
  name: string;
  /** Where each occurrence of this spelling is, by occurrence key. */
  at: Map<number, Place>;
  /** The first of `at` in page order; null when that is to be worked out again. */
  first: Place | null;
}

/**
 * The page's mentions summed up as the scan goes: one row per entity, most
 * mentioned first (ties by id, so the popup does not reorder between polls),
 * its spellings in the order the page uses them. Each occurrence added or
 * removed costs O(1), and a summary costs O(rows × spellings), whatever the
 * page's size: the badge's report on a 5 MB page used to sort and normalize
 * every one of its occurrences (docs/decisions/0082).
 *
 * Page order is a block's rank (`place`), then the offset in the block;
 * blocks not placed yet follow the placed ones, in the order of their ids.
 */
export class MentionSummary {
  private readonly rows = new Map<string, Row>();
  /** Each block's occurrences, by key, with the spelling they count for. */
  private readonly byBlock = new Map<number, Map<number, Form>>();
  private readonly ranks = new Map<number, number>();

  add(o: SummaryOccurrence): void {
    const rowKey = `${o.kind}:${o.id}`;
    let row = this.rows.get(rowKey);
    if (row === undefined) this.rows.set(rowKey, (row = { id: o.id, kind: o.kind, count: 0, forms: new Map() }));
    const name = listedForm(o.form);
    let form = row.forms.get(name);
    if (form === undefined) row.forms.set(name, (form = { row, name, at: new Map(), first: null }));
    const place = { blockId: o.blockId, start: o.start };
    if (form.first !== null && this.before(place, form.first)) form.first = place;
    else if (form.at.size === 0) form.first = place;
    form.at.set(o.key, place);
    row.count++;
    let inBlock = this.byBlock.get(o.blockId);
    if (inBlock === undefined) this.byBlock.set(o.blockId, (inBlock = new Map()));
    inBlock.set(o.key, form);
  }

  /** Takes back an occurrence `add` was given; one it was not is ignored. */
  remove(o: { key: number; blockId: number }): void {
    const inBlock = this.byBlock.get(o.blockId);
    const form = inBlock?.get(o.key);
    if (inBlock === undefined || form === undefined) return;
    inBlock.delete(o.key);
    if (inBlock.size === 0) this.byBlock.delete(o.blockId);
    const place = form.at.get(o.key)!;
    form.at.delete(o.key);
    if (form.first === place) form.first = null;
    const { row } = form;
    if (form.at.size === 0) row.forms.delete(form.name);
    if (--row.count === 0) this.rows.delete(`${row.kind}:${row.id}`);
  }

  /** Block `blockId` is at `rank` in page order (undefined: not placed). */
  place(blockId: number, rank: number | undefined): void {
    const was = this.rank(blockId);
    if (rank === undefined) this.ranks.delete(blockId);
    else this.ranks.set(blockId, rank);
    const now = this.rank(blockId);
    if (now === was) return;
    for (const [key, form] of this.byBlock.get(blockId) ?? []) {
      if (form.first === null) continue;
      if (form.first.blockId === blockId) {
        // Moved later: another block may now come first.
        if (now > was) form.first = null;
      } else if (now < was) {
        const place = form.at.get(key)!;
        if (this.before(place, form.first)) form.first = place;
      }
    }
  }

  /** The rows of the kinds asked for. */
  mentions(kinds: { person: boolean; summit: boolean }): Mention[] {
    const mentions: Mention[] = [];
    for (const row of this.rows.values()) {
      if (!kinds[row.kind]) continue;
      const forms = [...row.forms.values()];
      for (const form of forms) form.first ??= this.firstOf(form);
      forms.sort((a, b) => (this.before(a.first!, b.first!) ? -1 : 1));
      mentions.push({ id: row.id, kind: row.kind, count: row.count, forms: forms.map((f) => f.name) });
    }
    return mentions.sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || (a.kind < b.kind ? -1 : 1));
  }

  private rank(blockId: number): number {
    return this.ranks.get(blockId) ?? Number.MAX_SAFE_INTEGER / 2 + blockId;
  }

  private before(a: Place, b: Place): boolean {
    const byRank = this.rank(a.blockId) - this.rank(b.blockId);
    return byRank < 0 || (byRank === 0 && a.start < b.start);
  }

  private firstOf(form: Form): Place {
    let first: Place | null = null;
    for (const place of form.at.values()) if (first === null || this.before(place, first)) first = place;
    return first!;
  }
}
