import { describe, expect, it } from 'vitest';
import { MAX_FRAMES_PER_TAB, TabMentions, mergeMentions } from '../../../src/page/tab-mentions';
import { validateRequest, type Mention } from '../../../src/protocol/messages';

const putin = (count: number, forms = ['Vladimir Putin']): Mention => ({ id: 'putin', kind: 'person', count, forms });
const lavrov: Mention = { id: 'lavrov', kind: 'person', count: 1, forms: ['Sergei Lavrov'] };
const alaska: Mention = { id: 'alaska-2025', kind: 'summit', count: 2, forms: ['Anchorage', 'thượng đỉnh Alaska'] };

describe('TabMentions', () => {
  it('counts an entity named in two frames once, and keeps tabs apart', () => {
    const tabs = new TabMentions();
    tabs.report(7, 0, [putin(2), lavrov]);
    tabs.report(7, 12, [putin(1, ['Путина']), alaska]);
    tabs.report(8, 0, [lavrov]);
    expect(tabs.entities(7)).toBe(3);
    expect(tabs.entities(8)).toBe(1);
    expect(tabs.entities(9)).toBe(0);
    expect(tabs.others(7, 0)).toEqual([{ frameId: 12, mentions: [putin(1, ['Путина']), alaska] }]);
    expect(tabs.others(7, 12)).toEqual([{ frameId: 0, mentions: [putin(2), lavrov] }]);
  });

  it('replaces a frame\'s list on each report, drops it on an empty one, and forgets a closed tab', () => {
    const tabs = new TabMentions();
    tabs.report(7, 0, [lavrov]);
    tabs.report(7, 3, [putin(4), alaska]);
    tabs.report(7, 3, [alaska]);
    expect(tabs.entities(7)).toBe(2);
    tabs.report(7, 3, []);
    expect(tabs.others(7, 0)).toEqual([]);
    expect(tabs.entities(7)).toBe(1);
    tabs.clearTab(7);
    expect(tabs.entities(7)).toBe(0);
    expect(tabs.toState()).toEqual({});
  });

  it('takes no new frame past the cap, while the frames it holds still update', () => {
    const tabs = new TabMentions();
    for (let frame = 0; frame < MAX_FRAMES_PER_TAB; frame++) expect(tabs.report(1, frame, [{ id: `p${frame}`, kind: 'person', count: 1, forms: ['x'] }])).toBe(true);
    expect(tabs.report(1, 9999, [lavrov])).toBe(false);
    expect(tabs.entities(1)).toBe(MAX_FRAMES_PER_TAB);
    expect(tabs.report(1, 5, [lavrov])).toBe(true);
    expect(tabs.entities(1)).toBe(MAX_FRAMES_PER_TAB);
    expect(tabs.report(1, 6, [])).toBe(true);
    expect(tabs.report(1, 9999, [alaska])).toBe(true);
  });

  it('survives the worker: the state read back is the state written', () => {
    const tabs = new TabMentions();
    tabs.report(7, 0, [putin(2), lavrov]);
    tabs.report(7, 12, [alaska]);
    const state = JSON.parse(JSON.stringify(tabs.toState()));
    expect(state).toEqual({ 7: { 0: [putin(2), lavrov], 12: [alaska] } });
    const back = TabMentions.fromState(state);
    expect(back.entities(7)).toBe(3);
    expect(back.others(7, 0)).toEqual([{ frameId: 12, mentions: [alaska] }]);
  });
});

describe('mergeMentions', () => {
  it('adds counts, joins spellings in the order first seen, and sorts most mentioned first, ties by id', () => {
    const merged = mergeMentions([
      [putin(1), lavrov],
      [alaska, putin(2, ['Путина', 'Vladimir Putin'])],
      [{ id: 'zelensky', kind: 'person', count: 1, forms: ['Zelensky'] }],
    ]);
    expect(merged).toEqual([
      { id: 'putin', kind: 'person', count: 3, forms: ['Vladimir Putin', 'Путина'] },
      { id: 'alaska-2025', kind: 'summit', count: 2, forms: ['Anchorage', 'thượng đỉnh Alaska'] },
      { id: 'lavrov', kind: 'person', count: 1, forms: ['Sergei Lavrov'] },
      { id: 'zelensky', kind: 'person', count: 1, forms: ['Zelensky'] },
    ]);
  });

  it('leaves the lists it was given as they were', () => {
    const own = [putin(1)];
    mergeMentions([own, [putin(5, ['Putin'])]]);
    expect(own).toEqual([putin(1)]);
  });
});

describe('a frame\'s report, as the background validates it', () => {
  it('accepts a well-formed list and counts its entities itself', () => {
    expect(validateRequest({ type: 'pageMentions', entities: 99, mentions: [putin(2), lavrov] })).toEqual({ type: 'pageMentions', entities: 2, mentions: [putin(2), lavrov] });
    expect(validateRequest({ type: 'pageMentions', entities: 0, mentions: [] })).toEqual({ type: 'pageMentions', entities: 0, mentions: [] });
  });

  it('refuses what a hostile frame could send to inflate or confuse the tab', () => {
    const bad = (mentions: unknown) => validateRequest({ type: 'pageMentions', entities: 1, mentions });
    expect(bad('putin')).toBe('pageMentions.mentions must be an array of at most 500');
    expect(bad(Array.from({ length: 501 }, (_, i) => ({ id: `p${i}`, kind: 'person', count: 1, forms: ['x'] })))).toBe('pageMentions.mentions must be an array of at most 500');
    expect(bad([{ ...lavrov, kind: 'place' }])).toBe('pageMentions.mentions[].kind must be "person" or "summit"');
    expect(bad([{ ...lavrov, id: '' }])).toBe('pageMentions.mentions[].id must be a non-empty string of at most 200 characters');
    expect(bad([{ ...lavrov, count: 0 }])).toBe('pageMentions.mentions[].count must be an integer from 1 to 1000000');
    expect(bad([{ ...lavrov, count: 1e9 }])).toBe('pageMentions.mentions[].count must be an integer from 1 to 1000000');
    expect(bad([{ ...lavrov, count: 1.5 }])).toBe('pageMentions.mentions[].count must be an integer from 1 to 1000000');
    expect(bad([{ ...lavrov, forms: ['x'.repeat(201)] }])).toBe('pageMentions.mentions[].forms must be at most 20 non-empty strings of at most 200 characters');
    expect(bad([{ ...lavrov, forms: [1] }])).toBe('pageMentions.mentions[].forms must be at most 20 non-empty strings of at most 200 characters');
    expect(bad([lavrov, { ...lavrov, count: 3 }])).toBe('pageMentions.mentions lists person:lavrov twice');
  });

  it('copies what it accepts, so the sender cannot change it afterwards', () => {
    const mentions = [putin(1)];
    const request = validateRequest({ type: 'pageMentions', entities: 1, mentions }) as { mentions: Mention[] };
    mentions[0]!.forms.push('changed');
    expect(request.mentions[0]!.forms).toEqual(['Vladimir Putin']);
  });
});
