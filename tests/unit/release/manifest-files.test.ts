import { describe, expect, it } from 'vitest';
import { filesNamedBy, missingFiles } from '../../../src/release/manifest-files';

/** The shape WXT writes for Chrome (a service worker) and Firefox (background scripts), trimmed to what names files. */
const chrome = {
  manifest_version: 3,
  version: '1.0.0',
  icons: { 16: 'icon/16.png', 128: 'icon/128.png' },
  default_locale: 'vi',
  action: { default_title: 'Summit Lens', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' }, default_popup: 'popup.html' },
  background: { service_worker: 'background.js' },
  options_ui: { page: 'options.html' },
  content_scripts: [{ matches: ['<all_urls>'], css: ['content-scripts/content.css'], js: ['content-scripts/content.js'] }],
};
const firefox = { ...chrome, background: { scripts: ['background.js'] }, action: { ...chrome.action, default_icon: '/icon/16.png' } };

describe('files a manifest names', () => {
  it('lists icons, popup, background, options, content scripts and the default locale, once each', () => {
    expect(filesNamedBy(chrome)).toEqual([
      '_locales/vi/messages.json',
      'background.js',
      'content-scripts/content.css',
      'content-scripts/content.js',
      'icon/128.png',
      'icon/16.png',
      'icon/32.png',
      'options.html',
      'popup.html',
    ]);
    expect(filesNamedBy(firefox)).toContain('background.js');
    expect(filesNamedBy(firefox).filter((f) => f === 'icon/16.png')).toHaveLength(1);
  });

  it('a file the package lacks is named in the message', () => {
    const has = (path: string) => path !== 'icon/32.png' && path !== 'options.html';
    expect(missingFiles(chrome, has, 'chrome-mv3')).toBe('chrome-mv3/manifest.json names files the package lacks: icon/32.png, options.html');
    expect(missingFiles(chrome, () => true, 'chrome-mv3')).toBeNull();
  });

  it('ignores fields of the wrong type instead of throwing', () => {
    expect(filesNamedBy({ icons: 'x', action: 3, content_scripts: 'no', background: [] })).toEqual(['x']);
  });
});
