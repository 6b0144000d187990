import { describe, expect, it } from 'vitest';
import { activeIn, topPageUrl, type TopClues } from '../../../src/page/frame-site';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';

const clues = (patch: Partial<TopClues>): TopClues => ({ href: null, ancestorOrigins: [], referrer: '', parentIsTop: true, ...patch });
const off = (...sites: string[]) => ({ ...DEFAULT_SETTINGS, disabledSites: sites });

describe('topPageUrl', () => {
  it('reads the top page from the best clue the frame has', () => {
    expect(topPageUrl(clues({ href: 'https://vnexpress.net/a.html', ancestorOrigins: ['https://x.example'] }))).toBe('https://vnexpress.net/a.html');
    // Nested frames: the last ancestor origin is the top page's.
    expect(topPageUrl(clues({ ancestorOrigins: ['https://ads.example', 'https://tuoitre.vn'], referrer: 'https://ads.example/' }))).toBe('https://tuoitre.vn');
    expect(topPageUrl(clues({ referrer: 'https://www.rbc.ru/' }))).toBe('https://www.rbc.ru/');
    // A referrer from a frame's parent that is not the top page says nothing about the top.
    expect(topPageUrl(clues({ referrer: 'https://ads.example/', parentIsTop: false }))).toBeNull();
    // An opaque origin (a sandboxed ancestor) is no site.
    expect(topPageUrl(clues({ ancestorOrigins: ['null'] }))).toBeNull();
  });
});

describe('activeIn', () => {
  it('works in the top document by its own site', () => {
    expect(activeIn(DEFAULT_SETTINGS, { own: 'https://vnexpress.net/', top: null })).toBe(true);
    expect(activeIn(off('vnexpress.net'), { own: 'https://vnexpress.net/', top: null })).toBe(false);
    expect(activeIn({ ...DEFAULT_SETTINGS, enabled: false }, { own: 'https://vnexpress.net/', top: null })).toBe(false);
  });

  it('quiets every frame of a page whose site is off, and a frame whose own site is off anywhere', () => {
    const embed = { own: 'https://player.example/embed/1', top: clues({ ancestorOrigins: ['https://vnexpress.net'] }) };
    expect(activeIn(DEFAULT_SETTINGS, embed)).toBe(true);
    expect(activeIn(off('vnexpress.net'), embed)).toBe(false);
    expect(activeIn(off('player.example'), embed)).toBe(false);
    expect(activeIn(off('vnexpress.net'), { own: 'about:srcdoc', top: clues({ href: 'https://e.vnexpress.net/news/x' }) })).toBe(false);
    expect(activeIn(off('tuoitre.vn'), { own: 'about:srcdoc', top: clues({ href: 'https://e.vnexpress.net/news/x' }) })).toBe(true);
  });

  it('answers for the frame\'s own site when nothing tells it the top page', () => {
    const blind = { own: 'https://player.example/embed/1', top: clues({ parentIsTop: false }) };
    expect(activeIn(off('vnexpress.net'), blind)).toBe(true);
    expect(activeIn(off('player.example'), blind)).toBe(false);
  });
});
