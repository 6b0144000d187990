import { describe, expect, it } from 'vitest';
import { buildLexicon, packLexicon, unpackLexicon } from '../../../src/schema/lexicon';
import { detectPage } from '../../detset/detect';
import { parseGold, type GoldPage } from '../../detset/read';
import { figures, scoreDetset, type Found } from '../../detset/score';
import { realGazetteer } from '../corpus/corpus-fixture';

const lexicon = unpackLexicon(packLexicon(buildLexicon(realGazetteer())));
const known = { people: new Set(realGazetteer().people.map((p) => p.id)), summits: new Set(realGazetteer().summits.map((s) => s.id)) };

/** Two tiny pages of our own: a Helsinki report with a related box, and a car review whose Ford is the carmaker. */
const HELSINKI = `<!doctype html><html lang="en"><head><title>Putin and Trump in Helsinki</title>
<meta property="article:published_time" content="2018-07-16T20:00:00+03:00"></head><body>
<nav><a href="/">World</a></nav>
<h1>Trump and Putin meet at the Helsinki summit</h1>
<p>Donald Trump and Vladimir Putin talked for two hours. Putin called the talks frank; the president's aides said little.</p>
<p><img alt="Sergei Lavrov"> Mr. trump later said he had misspoken.</p>
<aside class="related"><a href="/1">What Lavrov said about the talks</a></aside>
<script>var who = "Putin";</script>
</body></html>`;
const FORD = `<!doctype html><html lang="en"><head><title>Ford Focus review</title></head><body>
<h1>Ford Focus review</h1><p>Ford says the Focus ends next year; Harrison Ford drives one.</p></body></html>`;

const gold: GoldPage[] = [
  { id: 'helsinki', lang: 'en', summit: 'helsinki-2018', people: { trump: 4, putin: 3, lavrov: 1, biden: 1 } },
  { id: 'ford', lang: 'en', summit: null, people: {} },
];

describe('the detection scorer', () => {
  it('scores what the content script finds on two pages with exact figures', async () => {
    const found = new Map([
      ['helsinki', await detectPage(HELSINKI, lexicon)],
      ['ford', await detectPage(FORD, lexicon)],
    ]);
    // The scan: title, meta, alt text and script do not count; `Mr. trump` does; Biden is a gold person it cannot find.
    expect(found.get('helsinki')).toEqual({ people: { putin: 3, trump: 3, lavrov: 1 }, summit: 'helsinki-2018', summits: [{ id: 'helsinki-2018', score: 9.5 }] });
    expect(found.get('ford')).toEqual({ people: {}, summit: null, summits: [] });
    const report = scoreDetset(gold, found);
    expect(report.pages.map((p) => [p.id, p.people, p.summit])).toEqual([
      ['helsinki', { trump: [4, 3], putin: [3, 3], lavrov: [1, 1], biden: [1, 0] }, { gold: 'helsinki-2018', found: 'helsinki-2018' }],
      ['ford', {}, { gold: null, found: null }],
    ]);
    expect(figures(report.total)).toEqual({
      pairPrecision: 1,
      pairRecall: 3 / 4,
      occurrenceRecall: 7 / 9,
      occurrencePrecision: 1,
      hitsOnEmpty: 0,
      summitRight: 1,
      summitPages: 1,
      summitOnNull: 0,
      nullPages: 1,
    });
  });

  it('counts hits on a page about no one, wrong pairs, and a summit given to a page about none', () => {
    const report = scoreDetset(gold, new Map<string, Found>([
      ['helsinki', { people: { trump: 5, putin: 3, bolton: 2 }, summit: 'helsinki-1997' }],
      ['ford', { people: { ford: 2 }, summit: 'vladivostok-1974' }],
    ]));
    expect(figures(report.total)).toEqual({
      pairPrecision: 2 / 4,
      pairRecall: 2 / 4,
      occurrenceRecall: 7 / 9,
      occurrencePrecision: 7 / 12,
      hitsOnEmpty: 2,
      summitRight: 0,
      summitPages: 1,
      summitOnNull: 1,
      nullPages: 1,
    });
    expect(() => scoreDetset(gold, new Map())).toThrow('no detection for page helsinki');
  });
});

describe('reading gold labels', () => {
  it('takes the format with its optional fields', () => {
    expect(parseGold('dev/a.gold.json', '{"lang":"ru","summit":null,"people":{"putin":2},"note":"n","url":"https://x.example/2025/08/16/a"}', known)).toEqual({
      id: 'a',
      lang: 'ru',
      summit: null,
      people: { putin: 2 },
      note: 'n',
      url: 'https://x.example/2025/08/16/a',
    });
  });

  it('refuses a bad label with the file and what is wrong', () => {
    expect(() => parseGold('b.gold.json', '{"lang":"fr","summit":null,"people":{}}', known)).toThrow('b.gold.json: "lang" must be "vi", "en" or "ru"');
    expect(() => parseGold('b.gold.json', '{"lang":"en","summit":"alaska","people":{}}', known)).toThrow('b.gold.json: "summit" "alaska" is not null nor a summit id');
    expect(() => parseGold('b.gold.json', '{"lang":"en","summit":null,"people":{"Putin":1}}', known)).toThrow('b.gold.json: "Putin" is not a person id');
    expect(() => parseGold('b.gold.json', '{"lang":"en","summit":null,"people":{"putin":0}}', known)).toThrow('b.gold.json: "putin" needs a whole number of occurrences ≥ 1, got 0');
    expect(() => parseGold('b.gold.json', '{"lang":"en",', known)).toThrow('b.gold.json: not JSON');
  });
});
