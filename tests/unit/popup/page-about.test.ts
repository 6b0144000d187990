import { describe, expect, it } from 'vitest';
import { evidenceLine } from '../../../src/ui/popup/page-about';

const names: Record<string, string> = { putin: 'Vladimir Putin', trump: 'Donald Trump' };
const name = (id: string) => names[id] ?? id;

describe('evidenceLine', () => {
  it('reads each piece of the page context’s evidence in the reader’s language', () => {
    const evidence = ['headline', 'alias “thượng đỉnh Helsinki” ×2', 'place “Helsinki”', 'participants putin, trump', 'year 2018', 'published 2018-07-17', '4 mentions'];
    expect(evidenceLine(evidence, 'vi', name)).toBe(
      'trong tít bài · “thượng đỉnh Helsinki” ×2 · “Helsinki” · có nêu Vladimir Putin, Donald Trump · năm 2018 · đăng 17/7/2018 · nhắc 4 lần',
    );
    expect(evidenceLine(evidence, 'en', name)).toBe(
      'in the headline · “thượng đỉnh Helsinki” ×2 · “Helsinki” · Vladimir Putin, Donald Trump named · the year 2018 · published 17 Jul 2018 · named 4×',
    );
  });

  it('keeps the title and a single mention, and shows a piece of another shape as it came', () => {
    expect(evidenceLine(['title', '1 mention', 'something new'], 'en', name)).toBe('in the page title · named 1× · something new');
  });
});
