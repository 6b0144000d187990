import { describe, expect, it } from 'vitest';
import { pageDayAgainst } from '../../../src/popover/relative-day';

const alaska = { date: '2025-08-15', endDate: null };
const moscow1988 = { date: '1988-05-29', endDate: '1988-06-02' };

describe('the page day against the summit', () => {
  it('says nothing when the page states no publication day', () => {
    expect(pageDayAgainst(null, alaska)).toBeNull();
  });

  it('same day, the day before, the day after', () => {
    expect(pageDayAgainst('2025-08-15', alaska)).toEqual({ kind: 'same' });
    expect(pageDayAgainst('2025-08-14', alaska)).toEqual({ kind: 'before', days: 1 });
    expect(pageDayAgainst('2025-08-16', alaska)).toEqual({ kind: 'after', days: 1 });
  });

  it('counts days across a month and a year end', () => {
    expect(pageDayAgainst('2025-08-12', alaska)).toEqual({ kind: 'before', days: 3 });
    expect(pageDayAgainst('2025-09-01', alaska)).toEqual({ kind: 'after', days: 17 });
    expect(pageDayAgainst('2022-01-02', { date: '2021-12-31', endDate: null })).toEqual({ kind: 'after', days: 2 });
  });

  it('a summit over several days: during it, and counted from its last day after it', () => {
    expect(pageDayAgainst('1988-05-29', moscow1988)).toEqual({ kind: 'during' });
    expect(pageDayAgainst('1988-06-02', moscow1988)).toEqual({ kind: 'during' });
    expect(pageDayAgainst('1988-06-03', moscow1988)).toEqual({ kind: 'after', days: 1 });
    expect(pageDayAgainst('1988-05-28', moscow1988)).toEqual({ kind: 'before', days: 1 });
  });

  it('far apart: only the date, from the 31st day on', () => {
    expect(pageDayAgainst('2025-09-14', alaska)).toEqual({ kind: 'after', days: 30 });
    expect(pageDayAgainst('2025-09-15', alaska)).toEqual({ kind: 'far' });
    expect(pageDayAgainst('2025-07-15', alaska)).toEqual({ kind: 'far' });
    expect(pageDayAgainst('2018-07-17', alaska)).toEqual({ kind: 'far' });
  });

  it('a day that is not a calendar day says nothing', () => {
    expect(pageDayAgainst('2025-8-16', alaska)).toBeNull();
  });
});
