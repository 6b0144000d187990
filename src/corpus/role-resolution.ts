import type { Office, Person } from '../schema/index-schema';
import { holdersOn } from './offices';

/**
 * Who a role phrase names on a day, cached per office and day so that a long
 * article pays for the people list once, not once per role phrase.
 * `holder` is the one person in the office (null for a vacancy, a handover
 * that day or a shared office); `candidates` are everyone holding it, so that
 * a shared office (`Trợ lý Điện Kremlin`) can still point back to the one of
 * them the text has named.
 */
export class OfficeHolders {
  private readonly shared: Set<string>;
  private readonly cache = new Map<string, { holder: string | null; candidates: string[] }>();

  constructor(
    offices: readonly Office[],
    private readonly people: readonly Person[],
  ) {
    this.shared = new Set(offices.filter((o) => o.shared).map((o) => o.id));
  }

  on(office: string, day: string): { holder: string | null; candidates: string[] } {
    const key = `${office} ${day}`;
    let found = this.cache.get(key);
    if (!found) {
      const candidates = holdersOn(office, day, this.people).map((p) => p.id);
      found = { holder: candidates.length === 1 && !this.shared.has(office) ? candidates[0]! : null, candidates };
      this.cache.set(key, found);
    }
    return found;
  }
}
