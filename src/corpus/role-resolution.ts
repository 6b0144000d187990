import type { Person } from '../schema/index-schema';
import { holderOn } from './offices';

/**
 * Holders of every office on one day, computed once per office and day so
 * that a long article pays for the people list once, not once per role
 * phrase. A role phrase is a speaker only when it names exactly one person:
 * a vacancy, a handover that day or a shared office gives null.
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
    if (!holders.has(office)) holders.set(office, holderOn(office, day, this.people)?.id ?? null);
    return holders.get(office)!;
  }
}
