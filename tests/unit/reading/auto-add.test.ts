import { describe, expect, it } from 'vitest';
import type { PageContext } from '../../../src/protocol/messages';
import { shouldAutoAdd } from '../../../src/reading/auto-add';
import { DEFAULT_SETTINGS, parseSettings } from '../../../src/settings/settings';

const aboutGeneva: PageContext = { summits: [{ id: 'geneva-2021', score: 7, evidence: ['headline'] }], people: [{ id: 'biden', score: 3 }], published: '2021-06-17', lang: 'en' };
const aboutNothing: PageContext = { summits: [], people: [{ id: 'putin', score: 2 }], published: null, lang: 'en' };
const on = { ...DEFAULT_SETTINGS, autoAdd: true };
const URL = 'https://news.example/world/geneva-summit';

describe('adding articles as the user reads', () => {
  it('is off by default and off for settings written before the option existed', () => {
    expect(DEFAULT_SETTINGS.autoAdd).toBe(false);
    expect(parseSettings({ enabled: true, markStyle: 'background' }).autoAdd).toBe(false);
    expect(parseSettings({ autoAdd: 'yes' }).autoAdd).toBe(false);
    expect(parseSettings({ autoAdd: true }).autoAdd).toBe(true);
    expect(shouldAutoAdd(DEFAULT_SETTINGS, URL, aboutGeneva)).toBe(false);
  });

  it('adds a page about a summit, never one about no summit or without a context', () => {
    expect(shouldAutoAdd(on, URL, aboutGeneva)).toBe(true);
    expect(shouldAutoAdd(on, URL, aboutNothing)).toBe(false);
    expect(shouldAutoAdd(on, URL, undefined)).toBe(false);
  });

  it('honours the per-site exclusions and the global switch, and leaves non-web pages alone', () => {
    expect(shouldAutoAdd({ ...on, disabledSites: ['news.example'] }, URL, aboutGeneva)).toBe(false);
    expect(shouldAutoAdd({ ...on, disabledSites: ['other.example'] }, URL, aboutGeneva)).toBe(true);
    expect(shouldAutoAdd({ ...on, disabledSites: ['news.example'] }, 'https://live.news.example/a', aboutGeneva)).toBe(false);
    expect(shouldAutoAdd({ ...on, enabled: false }, URL, aboutGeneva)).toBe(false);
    expect(shouldAutoAdd(on, 'file:///home/me/geneva.html', aboutGeneva)).toBe(false);
  });
});
