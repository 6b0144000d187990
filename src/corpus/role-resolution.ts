import type { Person } from '../schema/index-schema';

/**
 * Who held an office on a day: the one person whose term covers it. Two
 * holders (a handover that day, overlapping acting terms) or none give null:
 * a role phrase is a speaker only when it names exactly one person.
 */
export function holderOn(office: string, day: string, people: Iterable<Person>): string | null {
  let found: string | null = null;
  for (const p of people) {
    const held = p.terms.some((t) => t.office === office && t.from <= day && (t.to === null || day <= t.to));
    if (!held) continue;
    if (found !== null) return null;
    found = p.id;
  }
  return found;
}

/**
 * Holders of every office on one day, computed once per day so that a long
 * article pays for the people list once, not once per role phrase.
 */
export class OfficeHolders {
  private readonly byDay = new Map<string, Map<string, string | null>>();

  constructor(private readonly people: Person[]) {}

  on(office: string, day: string): string | null {
    let holders = this.byDay.get(day);
    if (!holders) {
      holders = new Map();
      this.byDay.set(day, holders);
    }
    if (!holders.has(office)) holders.set(office, holderOn(office, day, this.people));
    return holders.get(office)!;
  }
}
