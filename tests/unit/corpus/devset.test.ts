import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/corpus/pipeline';
import { readDevset } from '../../devset/read';
import { scoreDevset, scores } from '../../devset/score';
import { realGazetteer } from './corpus-fixture';

/**
 * A ratchet on the development set (tests/devset/dev only; the holdout is
 * never scored in tests; the floors are reset only when a scored holdout joins
 * dev, or new articles labelled before any run join it: session 18's nine new articles and first holdout,
 * session 19's second holdout and six new articles, its third holdout; session 20's fourth holdout; session 21's fifth): the figures the pipeline reached, so a change that
 * loses ground on unseen-style text fails here, not on a user's page.
 * Session 19, after the second holdout joined (88 articles, 778 quotes): speaker 0.934 → 0.939, wrong known
 * person 0.003 → 0, summit 0.969 → 0.984, date 0.857 → 0.866, wrong dates 3 → 0, published 0.977 → 1.00
 * (before → after the rules of decision 0016's session-19 amendment; recall 0.997, precision 0.990, kind 0.921).
 * Session 19, after the third holdout joined (100 articles, 906 quotes): speaker 0.930 → 0.937, wrong known person
 * 0.005 → 0, summit 0.983 → 0.983, date 0.853 → 0.858, wrong dates 3 → 0, speaker basis 0.878 → 0.883 (before → after
 * the rules of decisions 0013 and 0014's third-holdout amendments; recall 0.998, precision 0.990, kind 0.921).
 * Session 20, reach on the same 100 articles (decision 0012's session-20 amendment): speaker 0.937 → 0.975 (vi 0.954 →
 * 0.985, en 0.909 → 0.954, ru 0.949 → 0.989), wrong known person 0 → 0, speaker basis 0.883 → 0.916, kind 0.921 → 0.934,
 * date 0.858 → 0.869, wrong dates 0 → 0, summit 0.983 → 0.983. Every rule behind it has texts of our own in
 * speakers-reach.test.ts; the gap to the next blind part is the measure that counts.
 * Session 20, after the fourth holdout joined (112 articles, 1045 quotes): wrong known person 0.005 (4 quotes) → 0, wrong
 * dates 7 → 0 (en 4 → 0, ru 2 → 0, vi 1 → 0), speaker 0.946 → 0.952 (vi 0.959 → 0.965, en 0.934 → 0.937, ru 0.941 →
 * 0.951), summit 0.976 → 0.977, date 0.847 → 0.850, speaker basis 0.891 → 0.892 (before → after the rules of decisions
 * 0013, 0014 and 0016's fourth-holdout amendments; recall 0.998, precision 0.989, kind 0.923). Texts of our own for
 * each rule in holdout-four-rules.test.ts.
 * Session 21, structural rules written on new texts of our own, not on dev's misses (decision 0012's session-21
 * amendment): speaker 0.952 → 0.952 (odd half 0.957 → 0.957, even 0.946 → 0.946), wrong known person 0 → 0, date 0.850
 * → 0.853 (odd 0.856 → 0.863, even 0.843 → 0.843), wrong dates 0 → 0, summit 0.977 → 0.977, speaker basis 0.892 →
 * 0.892. Texts of our own for each rule in structural-rules.test.ts.
 * Session 21, after the fifth holdout joined (124 articles, 1176 quotes; scored once first: speaker 0.77, wrong known
 * person 0.05, 9 wrong dates): rules that withhold rather than guess (decisions 0012–0016, session-21 fifth-holdout
 * amendments) took wrong known person 0.0051 (6 quotes) → 0 and wrong dates 9 → 0 (vi 8 → 0, ru 1 → 0), speaker 0.932 →
 * 0.938 (vi 0.942 → 0.949, en 0.920 → 0.920, ru 0.930 → 0.944; odd half 0.936 → 0.943, even 0.927 → 0.932), date 0.829
 * → 0.832 (odd 0.836 → 0.840, even 0.821 → 0.823), speaker basis 0.881 → 0.882, summit 0.962 → 0.969 (odd 0.961 → 0.973,
 * even 0.963 → 0.963; vi 0.951 → 0.968); recall, precision and kind unchanged. Texts of our own
 * for each rule in holdout-five-rules.test.ts.
 * Raise the floors when the pipeline improves; never lower them to land a change.
 */
describe('quotes on the development set', () => {
  const { inputs, gold } = readDevset('dev');
  const report = scoreDevset(gold, buildIndex(inputs, realGazetteer()));
  const s = scores(report.total);

  it('labels only speakers the gazetteer knows', () => {
    const ids = new Set(realGazetteer().people.map((p) => p.id));
    const unknown = gold.flatMap((a) => a.quotes.map((q) => q.speaker)).filter((id) => id !== null && !ids.has(id));
    expect(unknown).toEqual([]);
  });

  it('finds the labelled quotes and little else', () => {
    expect(s.recall).toBeGreaterThanOrEqual(0.998);
    expect(s.precision).toBeGreaterThanOrEqual(0.987);
    expect(s.kind).toBeGreaterThanOrEqual(0.917);
  });

  it('never puts words in a wrong known mouth, and names the speaker of at least 93.7 % of speech quotes', () => {
    expect(s.wrongKnownPerson).toBe(0);
    expect(s.speaker).toBeGreaterThanOrEqual(0.937);
    expect(s.speakerBasis).toBeGreaterThanOrEqual(0.881);
  });

  it('puts quotes at their own summit and dates them without guessing', () => {
    expect(s.summit).toBeGreaterThanOrEqual(0.968);
    expect(s.date).toBeGreaterThanOrEqual(0.832);
    expect(s.wrongDates).toBe(0);
    expect(s.published).toBeGreaterThanOrEqual(0.991);
  });
});
