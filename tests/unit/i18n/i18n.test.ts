import { describe, expect, it } from 'vitest';
import vi from '../../../public/_locales/vi/messages.json';
import en from '../../../public/_locales/en/messages.json';
import { formatDay, formatRange, t } from '../../../src/i18n/i18n';

describe('i18n', () => {
  it('Vietnamese and English catalogs have exactly the same keys, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const catalog of [vi, en]) {
      for (const [key, entry] of Object.entries(catalog)) expect(entry.message.trim(), key).not.toBe('');
    }
  });

  it('substitutes placeholders', () => {
    expect(t('vi', 'openAll', 12)).toBe('Xem tất cả 12 phát ngôn');
    expect(t('en', 'searchNoResults', 'hoa binh')).toBe('No results for “hoa binh”.');
  });

  it('formats days for each language without a time-zone shift', () => {
    expect(formatDay('vi', '2025-08-15')).toBe('15/8/2025');
    expect(formatDay('en', '2025-08-15')).toBe('15 Aug 2025');
    expect(formatDay('en', null)).toBe('date unknown');
    expect(formatRange('en', '1985-11-19', '1985-11-20')).toBe('19 Nov 1985 – 20 Nov 1985');
  });
});
