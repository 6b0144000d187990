import { describe, expect, it } from 'vitest';
import type { EvidenceReason } from '../../../src/protocol/messages';
import { evidenceLine } from '../../../src/ui/popup/page-about';

const names: Record<string, string> = { putin: 'Vladimir Putin', trump: 'Donald Trump' };
const name = (id: string) => names[id] ?? id;

/** What the content script gives for the Vietnamese Helsinki article (see tests/unit/page/context.test.ts). */
const helsinki: EvidenceReason[] = [
  { kind: 'headline' },
  { kind: 'alias', form: 'thượng đỉnh Helsinki', count: 2 },
  { kind: 'place', form: 'Helsinki', count: 1 },
  { kind: 'participants', ids: ['putin', 'trump'] },
  { kind: 'year', year: 2018 },
  { kind: 'published', day: '2018-07-17' },
  { kind: 'mentions', count: 4 },
];

describe('evidenceLine', () => {
  it('says each reason in the reader’s language, forms as the page wrote them', () => {
    expect(evidenceLine(helsinki, 'vi', name)).toBe(
      'trong tít bài · “thượng đỉnh Helsinki” ×2 · “Helsinki” · có nêu Vladimir Putin, Donald Trump · năm 2018 · đăng 17/7/2018 · nhắc 4 lần',
    );
    expect(evidenceLine(helsinki, 'en', name)).toBe(
      'in the headline · “thượng đỉnh Helsinki” ×2 · “Helsinki” · Vladimir Putin, Donald Trump named · the year 2018 · published 17 Jul 2018 · named 4×',
    );
  });

  it('joins the forms of one kind in a piece, keeps a Russian form as written, and a person the catalog lacks by id', () => {
    const alaska: EvidenceReason[] = [
      { kind: 'title' },
      { kind: 'alias', form: 'саммит на Аляске', count: 1 },
      { kind: 'alias', form: 'Alaska summit', count: 3 },
      { kind: 'place', form: 'Анкоридже', count: 2 },
      { kind: 'place', form: 'Alaska', count: 1 },
      { kind: 'participants', ids: ['trump', 'putin', 'witkoff'] },
      { kind: 'mentions', count: 1 },
    ];
    expect(evidenceLine(alaska, 'en', name)).toBe(
      'in the page title · “саммит на Аляске”, “Alaska summit” ×3 · “Анкоридже” ×2, “Alaska” · Donald Trump, Vladimir Putin, witkoff named · named 1×',
    );
  });

  it('is empty for no reasons', () => {
    expect(evidenceLine([], 'vi', name)).toBe('');
  });
});
