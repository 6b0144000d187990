import type { Office, Person } from '../schema/index-schema';
import { Offices } from './offices';

/**
 * Who a role phrase names on a day, cached per office and day so that a long
 * article pays for the people list once, not once per role phrase.
 * `holder` is the one person in the office (null for a vacancy, a handover
 * that day or a shared office); `candidates` are everyone holding it, so that
 * a shared office (`Trợ lý Điện Kremlin`) can still point back to the one of
 * them the text has named.
 */
export class OfficeHolders {
  private readonly offices: Offices;
  private readonly cache = new Map<string, { holder: string | null; candidates: string[] }>();

  constructor(offices: readonly Office[], people: readonly Person[]) {
    this.offices = new Offices(offices, people);
  }

  on(office: string, day: string): { holder: string | null; candidates: string[] } {
    const key = `${office} ${day}`;
    let found = this.cache.get(key);
    if (!found) {
      found = { holder: this.offices.holderOn(office, day)?.id ?? null, candidates: this.offices.holdersOn(office, day).map((p) => p.id) };
      this.cache.set(key, found);
    }
    return found;
  }
}
