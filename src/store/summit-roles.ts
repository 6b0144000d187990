import type { IsoDay, Office, Person, Summit } from '../schema/index-schema';

/**
 * A person's place at a summit, from the gazetteer only: the summits table's
 * participants and the offices people held, by their terms. Nothing here is
 * inferred from news text, so the card never states a role or a counterpart
 * the gazetteer does not give.
 */

type Holder = Pick<Person, 'id' | 'country' | 'terms'>;

function inTerm(day: IsoDay, from: IsoDay, to: IsoDay | null): boolean {
  return from <= day && (to === null || day <= to);
}

/** The offices `person` held on `day`, heads of state or government first, then in the gazetteer's term order. */
export function officesOn(person: Pick<Person, 'terms'>, day: IsoDay, offices: ReadonlyMap<string, Office>): Office[] {
  const held: Office[] = [];
  for (const term of person.terms) {
    const office = offices.get(term.office);
    if (office !== undefined && inTerm(day, term.from, term.to) && !held.includes(office)) held.push(office);
  }
  return held.filter((o) => o.leader).concat(held.filter((o) => !o.leader));
}

/**
 * For a head of state or government listed at the summit: the participants
 * from another country who also led theirs that day. Anyone else gets none:
 * the gazetteer pairs no other offices across countries (a foreign minister
 * with a secretary of state), and a pairing made up here would be a guess.
 */
export function counterpartsAt(person: Holder, summit: Pick<Summit, 'date' | 'participants'>, participants: readonly Holder[], offices: ReadonlyMap<string, Office>): string[] {
  if (!summit.participants.includes(person.id)) return [];
  const leads = (p: Holder) => officesOn(p, summit.date, offices).some((o) => o.leader);
  if (!leads(person)) return [];
  return participants.filter((p) => p.id !== person.id && p.country !== person.country && summit.participants.includes(p.id) && leads(p)).map((p) => p.id);
}

/** Everyone `person` sat with at a summit (both among its participants), each with those summits in the order given (newest first). */
export function metAt(person: string, summits: readonly Pick<Summit, 'id' | 'participants'>[]): { person: string; summits: string[] }[] {
  const met = new Map<string, string[]>();
  for (const summit of summits) {
    if (!summit.participants.includes(person)) continue;
    for (const other of summit.participants) {
      if (other === person) continue;
      const list = met.get(other) ?? [];
      list.push(summit.id);
      met.set(other, list);
    }
  }
  return [...met].map(([id, list]) => ({ person: id, summits: list }));
}
