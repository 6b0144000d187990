import type { Mention, MentionsAnswer } from '../../../src/protocol/messages';
import type { Occurrence } from '../../../src/matcher/resolve';

/**
 * The reference the content script's incremental summary (src/page/mention-summary.ts)
 * must equal, recomputed from every occurrence at once. The answer to `{ type: 'mentions' }`: one row per entity, most mentioned
 * first (ties by id, so the popup does not reorder between polls), with the
 * distinct spellings in the order the page used them. Forms are shown NFC with
 * whitespace collapsed, so an NFD page or a line break inside a name does not
 * list the same spelling twice.
 */
export function summarize(occurrences: Iterable<Occurrence>): MentionsAnswer {
  const rows = new Map<string, Mention & { seen: Set<string> }>();
  for (const o of occurrences) {
    const key = `${o.kind}:${o.id}`;
    let row = rows.get(key);
    if (row === undefined) {
      row = { id: o.id, kind: o.kind, count: 0, forms: [], seen: new Set() };
      rows.set(key, row);
    }
    row.count++;
    const form = o.form.normalize('NFC').replace(/\s+/g, ' ');
    if (!row.seen.has(form)) {
      row.seen.add(form);
      row.forms.push(form);
    }
  }
  const mentions = [...rows.values()].map(({ id, kind, count, forms }) => ({ id, kind, count, forms }));
  mentions.sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || (a.kind < b.kind ? -1 : 1));
  return { mentions };
}
