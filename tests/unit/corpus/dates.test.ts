import { describe, expect, it } from 'vitest';
import { findDates, resolveDate } from '../../../src/corpus/dates';

describe('date resolution', () => {
  it.each([
    ['15/8', 2025, null],
    ['hôm 15/8', 2025, '2025-08-15'],
    ['ngày 16-6', 2021, '2021-06-16'],
    ['ngày 7/7', 2017, '2017-07-07'],
    ['(15/8)', 2025, '2025-08-15'],
    ['tháng 2/2022', 2025, '2022-02'],
    ['tháng 8', 2025, '2025-08'],
    ['năm 2019', 2025, '2019'],
    ['date 2025-08-16', null, '2025-08-16'],
    ['1/4/2025', null, '2025-04-01'],
    ['ngày 16 tháng 6 năm 2021', null, '2021-06-16'],
    ['ngày 16 tháng 6', 2021, '2021-06-16'],
    ['hôm 15/8', null, null],
    ['ngày 30/2', 2021, null],
    ['khoảng 1/5 lãnh thổ', 2025, null],
  ])('%s (year %s) → %s', (expr, year, want) => expect(resolveDate(expr, year)).toBe(want));

  it('marks inferred years and precision', () => {
    const [d] = findDates('họp báo hôm 15/8 tại Alaska', 2025);
    expect(d).toMatchObject({ precision: 'day', yearInferred: true, iso: '2025-08-15' });
    expect(findDates('từ tháng 2/2022 đến nay', 2025)[0]).toMatchObject({ precision: 'month', yearInferred: false, iso: '2022-02' });
  });
});
