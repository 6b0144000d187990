import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isActiveOn, isSiteDisabled, normalizeSite, parseSettings, toggleSite } from '../../../src/settings/settings';

describe('parseSettings', () => {
  it('returns the defaults for nothing stored', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid fields and repairs damaged ones independently', () => {
    const parsed = parseSettings({
      enabled: false,
      disabledSites: ['https://www.VnExpress.net/the-gioi', 42, '', 'dantri.com.vn', 'dantri.com.vn'],
      dwellMs: 99999,
      markStyle: 'blink',
      detect: { person: false, summit: 'yes' },
      language: 'en',
    });
    expect(parsed).toEqual({
      enabled: false,
      disabledSites: ['vnexpress.net', 'dantri.com.vn'],
      dwellMs: 2000,
      markStyle: 'underline',
      detect: { person: false, summit: true },
      language: 'en',
      autoAdd: false,
    });
  });
});

describe('sites', () => {
  it('normalises hosts', () => {
    expect(normalizeSite('https://WWW.Reuters.com/world/')).toBe('reuters.com');
    expect(normalizeSite('tuoitre.vn')).toBe('tuoitre.vn');
    expect(normalizeSite('   ')).toBeNull();
  });

  it('switching a domain off covers its subdomains but not look-alikes', () => {
    const s = { ...DEFAULT_SETTINGS, disabledSites: ['example.com'] };
    expect(isSiteDisabled(s, 'https://news.example.com/a')).toBe(true);
    expect(isSiteDisabled(s, 'https://badexample.com/a')).toBe(false);
    expect(isActiveOn(s, 'https://example.com/')).toBe(false);
    expect(isActiveOn({ ...s, enabled: false }, 'https://other.org/')).toBe(false);
  });

  it('toggles a site off and back on, lifting an inherited switch-off', () => {
    const off = toggleSite(DEFAULT_SETTINGS, 'https://vnexpress.net/x');
    expect(off.disabledSites).toEqual(['vnexpress.net']);
    expect(toggleSite(off, 'https://e.vnexpress.net/').disabledSites).toEqual([]);
  });
});
