import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listingProblems, parseListing, SCREENSHOT_NAMES, screenshotCaptions } from '../../../src/release/listing';
import { pngSize } from '../../../src/release/icons';

const STORE = resolve(import.meta.dirname, '../../../store');
const read = (lang: string) => parseListing(readFileSync(join(STORE, `${lang}.md`), 'utf8'), `store/${lang}.md`);

describe('store listing', () => {
  it('Vietnamese and English have every field, within the stores\' limits', () => {
    expect(listingProblems({ 'store/vi.md': read('vi'), 'store/en.md': read('en') })).toEqual([]);
  });

  it('explains the permissions and the content script in both languages, and says nothing is collected', () => {
    const en = read('en');
    const vi = read('vi');
    expect(en.permissions).toMatch(/^- storage: /m);
    expect(vi.permissions).toMatch(/^- storage: /m);
    expect(en.permissions).toMatch(/^- offscreen \(Chrome only\): /m);
    expect(vi.permissions).toMatch(/^- offscreen \(chỉ trên Chrome\): /m);
    expect(en.permissions).toContain('content script');
    expect(vi.permissions).toContain('content script');
    expect(en.privacy).toContain('collects nothing and sends nothing');
    expect(vi.privacy).toContain('không thu thập gì và không gửi gì');
    expect(screenshotCaptions(vi)[0]).toBe('Thẻ trên một bài báo tiếng Việt: ai, những hội nghị nào, đã nói gì.');
  });

  it('five 1280×800 screenshots per language and colour scheme, from `npm run store:screenshots`', () => {
    const missing: string[] = [];
    for (const lang of ['vi', 'en']) {
      for (const scheme of ['light', 'dark']) {
        for (const name of SCREENSHOT_NAMES) {
          const path = join(STORE, 'screenshots', lang, scheme, `${name}.png`);
          if (!existsSync(path)) missing.push(path);
          else expect(pngSize(readFileSync(path), path)).toEqual({ width: 1280, height: 800 });
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('a field missing in one language, an unknown heading or a long summary is named', () => {
    const en = parseListing('## name\nSummit Lens\n## summary\n' + 'x'.repeat(140) + '\n## screenshots\n1. one\n', 'en.md');
    expect(listingProblems({ 'en.md': en })).toEqual([
      'en.md: "## description" is missing or empty',
      'en.md: "## permissions" is missing or empty',
      'en.md: "## privacy" is missing or empty',
      'en.md: the summary has 140 characters, the limit is 132',
      'en.md: 1 screenshot captions, expected 5',
    ]);
    expect(() => parseListing('## summmary\ntext', 'vi.md')).toThrow('vi.md: unknown section "## summmary"');
  });
});
