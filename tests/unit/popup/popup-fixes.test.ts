import { describe, expect, it } from 'vitest';
import { tabIdParam } from '../../../src/ui/popup/env';

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
