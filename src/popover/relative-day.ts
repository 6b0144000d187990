import type { IsoDay } from '../schema/index-schema';

/**
 * Where the page's publication day falls against a summit's days, for a line
 * such as "this article: 16/8/2025, the day after the summit". Days are
 * calendar days as written (no time zone). Beyond `NEAR_DAYS` a count of days
 * no longer helps the reader place the article, so only the date is said.
 */
export type PageDay =
  | { kind: 'same' }
  | { kind: 'during' }
  | { kind: 'before'; days: number }
  | { kind: 'after'; days: number }
  | { kind: 'far' };

export const NEAR_DAYS = 30;

const DAY_MS = 86_400_000;

function dayNumber(day: IsoDay): number | null {
  const time = Date.parse(`${day}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(time) ? time / DAY_MS : null;
}

/** Null when the page states no publication day (nothing is said then) or a day is not a calendar day. */
export function pageDayAgainst(published: IsoDay | null, summit: { date: IsoDay; endDate: IsoDay | null }): PageDay | null {
  if (published === null) return null;
  const page = dayNumber(published);
  const first = dayNumber(summit.date);
  const last = summit.endDate === null ? first : dayNumber(summit.endDate);
  if (page === null || first === null || last === null) return null;
  if (page < first) return first - page <= NEAR_DAYS ? { kind: 'before', days: first - page } : { kind: 'far' };
  if (page > last) return page - last <= NEAR_DAYS ? { kind: 'after', days: page - last } : { kind: 'far' };
  return first === last ? { kind: 'same' } : { kind: 'during' };
}
