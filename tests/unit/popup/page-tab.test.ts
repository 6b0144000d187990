import { describe, expect, it } from 'vitest';
import { pageTabBeside } from '../../../src/ui/popup/page-tab';

// A Firefox for Android window: the popup tab was opened last, over a news page.
const popup = { id: 9, url: 'moz-extension://5b0c6a52/popup.html', lastAccessed: 1_700_000_009_000 };
const news = { id: 4, url: 'https://vnexpress.net/putin-trump-alaska-4926543.html', lastAccessed: 1_700_000_008_000 };
const older = { id: 2, url: 'https://tuoitre.vn/the-gioi.htm', lastAccessed: 1_700_000_001_000 };
const addons = { id: 7, url: 'about:addons', lastAccessed: 1_700_000_008_500 };

describe('pageTabBeside (the page a popup opened as a tab reports on)', () => {
  it('takes the web page the reader was on last, never the popup itself', () => {
    expect(pageTabBeside(popup, [older, news, popup])).toBe(news);
  });

  it('passes over a more recent tab that is not a web page', () => {
    expect(pageTabBeside(popup, [news, addons, popup, older])).toBe(news);
  });

  it('prefers the tab the popup was opened from, even if another was active since', () => {
    expect(pageTabBeside({ ...popup, openerTabId: 2 }, [older, news, popup])).toBe(older);
  });

  it('ignores an opener that is gone or is not a web page', () => {
    expect(pageTabBeside({ ...popup, openerTabId: 31 }, [older, news, popup])).toBe(news);
    expect(pageTabBeside({ ...popup, openerTabId: 7 }, [older, addons, popup])).toBe(older);
  });

  it('keeps tabs whose URL the browser hides (Chromium without the tabs permission)', () => {
    const hidden = [{ id: 3, lastAccessed: 10 }, { id: 5, lastAccessed: 30 }, { id: 9, lastAccessed: 40 }, { id: 6, url: '', lastAccessed: 20 }];
    expect(pageTabBeside({ id: 9 }, hidden)).toEqual({ id: 5, lastAccessed: 30 });
  });

  it('falls back to the first web page where the browser gives no access times', () => {
    expect(pageTabBeside({ id: 9 }, [{ id: 1, url: 'chrome://newtab/' }, { id: 2, url: 'http://127.0.0.1:8080/phone.html' }, { id: 3, url: 'https://e.vn/' }, { id: 9 }])).toEqual({
      id: 2,
      url: 'http://127.0.0.1:8080/phone.html',
    });
  });

  it('is null when the window holds no other web page', () => {
    expect(pageTabBeside(popup, [popup, addons])).toBeNull();
    expect(pageTabBeside(popup, [popup])).toBeNull();
  });
});
