import { describe, expect, it } from 'vitest';
import { tabIdParam } from '../../../src/ui/popup/env';
import { summitPlace } from '../../../src/ui/popup/CardView';

describe('tabIdParam (popup.html?tab=<id>)', () => {
  it('reads a tab id', () => {
    expect(tabIdParam('?tab=42')).toBe(42);
    expect(tabIdParam('?x=1&tab=1535433420')).toBe(1535433420);
  });
  it('ignores a missing or malformed id', () => {
    expect(tabIdParam('')).toBeNull();
    expect(tabIdParam('?tab=')).toBeNull();
    expect(tabIdParam('?tab=-1')).toBeNull();
    expect(tabIdParam('?tab=1e3')).toBeNull();
    expect(tabIdParam('?tab=abc')).toBeNull();
    expect(tabIdParam('?tab=12345678901')).toBeNull();
  });
});

describe('summitPlace', () => {
  const helsinki = { place: 'Phủ Tổng thống, Helsinki, Phần Lan', venue: 'Presidential Palace', city: 'Helsinki' };
  it('shows the Vietnamese place once, without the English venue name repeated', () => {
    expect(summitPlace('vi', helsinki)).toBe('Phủ Tổng thống, Helsinki, Phần Lan');
  });
  it('shows venue and city in English, and the place when there is no venue', () => {
    expect(summitPlace('en', helsinki)).toBe('Presidential Palace, Helsinki');
    expect(summitPlace('en', { place: 'Helsinki, Phần Lan', venue: null, city: 'Helsinki' })).toBe('Helsinki');
    expect(summitPlace('en', { place: 'X', venue: null, city: '' })).toBe('X');
  });
});
