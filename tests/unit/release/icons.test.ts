import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIcons, iconPath, iconSet, ICON_SIZES, pngSize } from '../../../src/release/icons';

const PUBLIC = resolve(import.meta.dirname, '../../../public');
const readPublic = (path: string) => (existsSync(join(PUBLIC, path)) ? readFileSync(join(PUBLIC, path)) : null);

describe('icons', () => {
  it('names every size in both states, as the manifest and setIcon take them', () => {
    expect(iconSet('on')).toEqual({ 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 96: 'icon/96.png', 128: 'icon/128.png' });
    expect(iconPath(16, 'off')).toBe('icon/off-16.png');
  });

  it('the committed PNGs exist at their sizes', () => {
    expect(() => checkIcons(readPublic)).not.toThrow();
    for (const size of ICON_SIZES) expect(pngSize(readPublic(iconPath(size, 'off'))!, 'off')).toEqual({ width: size, height: size });
  });

  it('a missing or mis-sized icon is an error that names the file', () => {
    const withoutOff48 = (path: string) => (path === 'icon/off-48.png' ? null : readPublic(path));
    expect(() => checkIcons(withoutOff48)).toThrow('Icons: public/icon/off-48.png is missing (run `npm run icons`)');
    const wrongSize = (path: string) => (path === 'icon/32.png' ? readPublic('icon/16.png') : readPublic(path));
    expect(() => checkIcons(wrongSize)).toThrow('public/icon/32.png is 16×16, expected 32×32');
    expect(() => pngSize(new TextEncoder().encode('<svg/>'), 'icon/16.png')).toThrow('icon/16.png is not a PNG file');
  });
});
