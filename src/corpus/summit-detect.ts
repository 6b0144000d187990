import type { Summit } from '../schema/index-schema';
import type { DateMention } from './dates';
import type { Mention } from './names';

/**
 * Which summit a document is about, from its text: phrases that name a summit
 * outright (`thượng đỉnh Alaska`) weigh most; a bare place (`Anchorage`,
 * `Geneva`) or a date matching the summit's day counts only when every
 * participant of that summit is named in the document, since Geneva hosted
 * two summits and `Moskva` appears in most articles about Russia.
 */
export function detectSummit(text: string, mentions: Mention[], dates: DateMention[], summits: Summit[]): Summit | null {
  const named = new Set(mentions.filter((m) => m.kind === 'name' || m.kind === 'epithet').map((m) => m.person));
  const lower = text.toLowerCase();
  let best: { summit: Summit; score: number } | null = null;
  let tie = false;
  for (const s of summits) {
    const aliases = s.aliases.reduce((n, a) => n + countPhrase(lower, a.toLowerCase()), 0);
    const allNamed = s.participants.every((p) => named.has(p));
    const places = allNamed ? s.places.reduce((n, p) => n + countPhrase(text, p), 0) : 0;
    const days = allNamed ? dates.filter((d) => d.precision === 'day' && onSummitDay(d, s)).length : 0;
    if (aliases === 0 && places + days === 0) continue;
    const score = aliases * 5 + places * 2 + days * 2 + (allNamed ? 1 : 0);
    if (!best || score > best.score) {
      best = { summit: s, score };
      tie = false;
    } else if (score === best.score) tie = true;
  }
  return best && !tie ? best.summit : null;
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
