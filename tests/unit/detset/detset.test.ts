import { describe, expect, it } from 'vitest';
import { buildLexicon, packLexicon, unpackLexicon } from '../../../src/schema/lexicon';
import { detectPage, type Detected } from '../../detset/detect';
import { readDetset } from '../../detset/read';
import { figures, scoreDetset } from '../../detset/score';
import { realGazetteer } from '../corpus/corpus-fixture';

/**
 * A ratchet on the detection set (tests/detset/dev only; the holdout is never
 * scored in tests): the figures the content script's scan reached, so a change
 * that loses ground on pages it was not written for fails here.
 * Session 20, 18 pages: pairs precision 0.986 → 1, recall 1 → 1; occurrence recall 0.956 → 1,
 * precision 0.968 → 1; hits on pages about no one 1 → 0; summit right 9/10 → 10/10, given on
 * pages about none 1/8 → 0/8 (docs/decisions/0078). Then three pages written after those rules (21 pages): occurrence
 * recall 201/202 (a surname after `в Вашингтоне`), 202/202 after the Russian-place rule; all else 1 and 0. A 22nd
 * page, an English live blog written after all of them: 15/15 occurrences, its summit first. A 23rd, Malta 1989 in
 * Vietnamese naming both Bushes: 224/225 (`Tổng thống Bush` with no year in its sentence stays unmarked, 0051).
 * Pages 19–23 were written after the rules they check; pages 1–18 are what the rules were written on.
 * Then the 14 blind held-out pages (`*-h*`), scored once and moved in: 404 of 406 found are right (two bare
 * "Clinton"s meaning Hillary given to Bill on a page that also names "President Clinton's 1997 meeting"), so
 * occurrence precision is 0.995 on the 37 pages, not a rule getting worse.
 * Raise the floors when detection improves; never lower them to land a change.
 */
describe('detection on the detection set', async () => {
  const gazetteer = realGazetteer();
  const lexicon = unpackLexicon(packLexicon(buildLexicon(gazetteer)));
  const pages = readDetset('dev', { people: new Set(gazetteer.people.map((p) => p.id)), summits: new Set(gazetteer.summits.map((s) => s.id)) });
  const found = new Map<string, Detected>();
  for (const page of pages) found.set(page.gold.id, await detectPage(page.html, lexicon, page.gold.url));
  const f = figures(scoreDetset(pages.map((p) => p.gold), found).total);

  it('holds at least 37 pages in the three languages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(37);
    expect(new Set(pages.map((p) => p.gold.lang))).toEqual(new Set(['vi', 'en', 'ru']));
  });

  it('names the people each page names, and no one else', () => {
    expect(f.pairPrecision).toBeGreaterThanOrEqual(1);
    expect(f.pairRecall).toBeGreaterThanOrEqual(1);
    expect(f.hitsOnEmpty).toBe(0);
  });

  it('finds their occurrences', () => {
    expect(f.occurrenceRecall).toBeGreaterThanOrEqual(0.995);
    expect(f.occurrencePrecision).toBeGreaterThanOrEqual(0.995);
  });

  it('puts the page’s own summit first, and none on pages about no summit', () => {
    expect(f.summitRight).toBe(f.summitPages);
    expect(f.summitOnNull).toBe(0);
  });
});
