import { describe, expect, it } from 'vitest';
import type { Quote, SummitIndex } from '../../../src/schema/index-schema';
import { scoreDevset, scores, type GoldArticle, type GoldQuote } from '../../devset/score';

const quote = (over: Partial<Quote> & Pick<Quote, 'text'>): Quote => ({
  id: `d:${over.text}`,
  document: 'vi-01',
  speaker: null,
  summit: 'alaska-2025',
  date: null,
  start: 0,
  end: 0,
  mentions: [],
  kind: 'speech',
  speakerName: null,
  speakerRole: null,
  speakerBasis: 'none',
  dateBasis: 'unknown',
  ...over,
});

const gold = (over: Partial<GoldQuote> & Pick<GoldQuote, 'text'>): GoldQuote => ({
  kind: 'speech',
  speaker: null,
  speakerName: null,
  speakerBasis: 'none',
  date: null,
  dateBasis: 'unknown',
  summit: 'alaska-2025',
  ...over,
});

const index = (quotes: Quote[]): SummitIndex => ({
  version: 1,
  documents: [{ id: 'vi-01', file: 'tests/devset/dev/vi-01.txt', title: '', titleInferred: false, outlet: null, published: '2025-08-16', summit: 'alaska-2025', text: '', sections: [] }],
  people: [],
  summits: [],
  quotes,
  offices: [],
  distractors: [],
});

const article = (quotes: GoldQuote[]): GoldArticle[] => [{ file: 'vi-01.txt', lang: 'vi', published: '2025-08-16', summit: 'alaska-2025', quotes }];

describe('development-set scorer', () => {
  it('pairs quotes by their words, hard wraps, edge punctuation and case aside', () => {
    const report = scoreDevset(
      article([gold({ text: 'Chúng tôi\nđã đồng ý', speaker: 'putin' }), gold({ text: 'We got closer,', speaker: 'trump' }), gold({ text: 'không có' })]),
      index([quote({ text: 'Chúng tôi đã đồng ý', speaker: 'putin' }), quote({ text: 'we got closer', speaker: 'trump' }), quote({ text: 'thừa' })]),
    );
    expect(report.pairs.map((p) => p.found?.text ?? null)).toEqual(['Chúng tôi đã đồng ý', 'we got closer', null]);
    expect(report.spurious.map((s) => s.quote.text)).toEqual(['thừa']);
    const s = scores(report.total);
    expect([s.recall, s.precision]).toEqual([2 / 3, 2 / 3]);
  });

  it('counts a wrong known person and a wrong date, but not an unknown one, against the pipeline', () => {
    const report = scoreDevset(
      article([
        gold({ text: 'a', speaker: 'rubio', speakerBasis: 'role', date: '2025-08-17', dateBasis: 'stated' }),
        gold({ text: 'b', speaker: 'putin', speakerBasis: 'named', date: '2025-08-15', dateBasis: 'summit' }),
        gold({ text: 'c', speakerName: 'Lindsey Graham', speakerBasis: 'named' }),
      ]),
      index([
        quote({ text: 'a', speaker: 'blinken', speakerBasis: 'role', date: '2025-08-15', dateBasis: 'summit' }),
        quote({ text: 'b', speaker: null, date: null }),
        quote({ text: 'c', speakerName: 'lindsey graham', speakerBasis: 'named' }),
      ]),
    );
    const c = report.total;
    expect([c.speech, c.speakerRight, c.wrongKnownPerson, c.dateRight, c.wrongDates]).toEqual([3, 1, 1, 1, 1]);
    expect([c.speakerBasisRight, c.dateBasisRight, c.publishedRight]).toEqual([2, 1, 1]);
  });

  it('scores kind and summit on every matched quote, speaker and date on speech only', () => {
    const report = scoreDevset(
      article([gold({ text: 'Pursuing Peace', kind: 'slogan', summit: 'alaska-2025' }), gold({ text: 'x', summit: 'helsinki-2018', speaker: 'trump' })]),
      index([quote({ text: 'Pursuing Peace', kind: 'scare' }), quote({ text: 'x', speaker: 'trump' })]),
    );
    const s = scores(report.total);
    expect([s.kind, s.summit, s.speaker]).toEqual([0.5, 0.5, 1]);
    expect(report.byLang.vi!.speech).toBe(1);
  });
});
