import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { perElementHighlights } from '../../../src/page/highlight-css';

const shipped = readFileSync(join(__dirname, '../../../entrypoints/content/highlights.css'), 'utf8');

describe('perElementHighlights', () => {
  it('puts each of the shipped rules on every element, keeping their declarations', () => {
    const firefox = perElementHighlights(shipped);
    expect(firefox.match(/^::highlight\([a-z-]+\)/gm)).toEqual([
      '::highlight(summit-lens-underline-person)',
      '::highlight(summit-lens-underline-summit)',
      '::highlight(summit-lens-background-person)',
      '::highlight(summit-lens-background-summit)',
    ]);
    expect(firefox).not.toContain(':root::highlight');
    expect(firefox.replace(/^::highlight/gm, ':root::highlight')).toBe(shipped);
  });

  it('ships only :root rules, which Chromium passes down by highlight inheritance', () => {
    expect(shipped.match(/::highlight\(/g)).toHaveLength(4);
    expect(shipped.match(/^:root::highlight\(/gm)).toHaveLength(4);
  });

  it('leaves a selector list with other rules alone apart from the :root highlight ones', () => {
    expect(perElementHighlights(':root::highlight(a), p::selection { color: red }\n:root { --x: 1 }')).toBe('::highlight(a), p::selection { color: red }\n:root { --x: 1 }');
  });
});
