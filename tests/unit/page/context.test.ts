// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { pageContext, type ContextBlock } from '../../../src/page/context';
import { PageScanner } from '../../../src/page/scanner';
import { lexicon } from '../matcher/fixture';
import { installHighlightFakes } from './dom-fakes';

beforeAll(installHighlightFakes);

/** Loads a page into the test document and scans it as the content script does. */
async function contextOf(html: string, title = ''): Promise<ReturnType<PageScanner['context']>> {
  document.documentElement.removeAttribute('lang');
  document.head.innerHTML = html.includes('<head>') ? html.split('<head>')[1]!.split('</head>')[0]! : '';
  document.body.innerHTML = html.includes('<body>') ? html.split('<body>')[1]!.split('</body>')[0]! : html;
  document.title = title;
  const scanner = new PageScanner(document, { lexicon, style: 'underline', detect: { person: true, summit: true }, onChange: () => undefined });
  await scanner.scan(document.body);
  const context = scanner.context();
  scanner.stop();
  return context;
}

const HELSINKI = `<head><meta property="article:published_time" content="2018-07-17T06:10:00+03:00"></head><body>
<header class="site-header"><nav><a href="/">World</a> <a href="/">Politics</a></nav></header>
<article>
<h1>Putin and Trump meet in Helsinki</h1>
<p class="standfirst">The Helsinki summit ended with a joint press conference and no signed text.</p>
<p>Vladimir Putin and Donald Trump met for more than two hours in the Finnish capital on Monday.</p>
<p>Trump said the talks in Helsinki were "a good start". Putin called them frank.</p>
<p>In 2018 the two leaders had met only briefly before, at the G20 Hamburg summit a year earlier.</p>
</article>
<aside class="related-links"><h3>Read more</h3><ul><li><a href="/">Alaska summit: what we know</a></li></ul></aside>
</body>`;

describe('page context from the scan', () => {
  it('ranks the headline summit first, with why, and leaves a related-links box and a passing mention out', async () => {
    const context = await contextOf(HELSINKI, 'Putin and Trump in Helsinki | World News');
    expect(context).toEqual({
      summits: [
        {
          id: 'helsinki-2018',
          score: 15,
          evidence: ['title', 'headline', 'alias “Helsinki summit”', 'place “Helsinki” ×2', 'participants putin, trump', 'year 2018', 'published 2018-07-17', '3 mentions'],
          reasons: [
            { kind: 'title' },
            { kind: 'headline' },
            { kind: 'alias', form: 'Helsinki summit', count: 1 },
            { kind: 'place', form: 'Helsinki', count: 2 },
            { kind: 'participants', ids: ['putin', 'trump'] },
            { kind: 'year', year: 2018 },
            { kind: 'published', day: '2018-07-17' },
            { kind: 'mentions', count: 3 },
          ],
        },
      ],
      people: [
        { id: 'putin', score: 8 },
        { id: 'trump', score: 8 },
      ],
      published: '2018-07-17',
      lang: 'en',
    });
  });

  it('lists no summit on a page that names the leaders but no summit, and reads the language from the script', async () => {
    const context = await contextOf(`<body><article><h1>Ông Putin nói về kinh tế Nga</h1>
      <p class="sapo">Tổng thống Nga Vladimir Putin cho biết tăng trưởng năm nay sẽ chậm lại.</p>
      <p>Ông Putin cũng nhắc tới Tổng thống Mỹ Donald Trump khi nói về thương mại.</p>
      <p>Thứ năm, 4/9/2025</p></article></body>`);
    expect(context).toEqual({ summits: [], people: [{ id: 'putin', score: 6 }, { id: 'trump', score: 1 }], published: '2025-09-04', lang: 'vi' });
  });
});

describe('pageContext ranking', () => {
  const base = { title: [], participants: lexicon.participants, years: lexicon.years ?? {}, published: null, lang: 'en' };
  const mention = (id: string, form: string, strength: 'alias' | 'place' = 'alias') => ({ kind: 'summit' as const, id, form, strength });
  const person = (id: string) => ({ kind: 'person' as const, id, form: id, strength: 'full' as const });

  it('puts the summit a Geneva story is about before Helsinki recalled in passing, and drops the passing one', () => {
    const blocks: ContextBlock[] = [
      { region: 'headline', occurrences: [mention('geneva-2021', 'Geneva summit'), person('biden'), person('putin')], cues: 1, years: [] },
      { region: 'body', occurrences: [mention('geneva-2021', 'Geneva', 'place'), person('biden')], cues: 1, years: [2021] },
      { region: 'body', occurrences: [mention('helsinki-2018', 'Helsinki summit'), person('trump')], cues: 1, years: [2018] },
    ];
    const context = pageContext({ ...base, blocks });
    expect(context.summits.map((s) => s.id)).toEqual(['geneva-2021']);
    expect(context.summits[0]!.evidence).toEqual(['headline', 'alias “Geneva summit”', 'place “Geneva”', 'participants putin, biden', 'year 2021', '2 mentions']);
  });

  it('lets many related links add up to a summit, but below one the body is about', () => {
    const links = Array.from({ length: 8 }, () => ({ region: 'aside' as const, occurrences: [mention('alaska-2025', 'Alaska summit')], cues: 1, years: [] }));
    const body = [{ region: 'body' as const, occurrences: [mention('helsinki-2018', 'Helsinki summit'), mention('helsinki-2018', 'Helsinki summit')], cues: 1, years: [] }];
    expect(pageContext({ ...base, blocks: [...body, ...links] }).summits.map((s) => [s.id, s.score])).toEqual([
      ['helsinki-2018', 2.5],
      ['alaska-2025', 3],
    ].sort((a, b) => (b[1] as number) - (a[1] as number)));
  });

  it('credits the title only to a summit the body mentions', () => {
    const blocks: ContextBlock[] = [{ region: 'body', occurrences: [mention('alaska-2025', 'Alaska summit')], cues: 1, years: [] }];
    const context = pageContext({ ...base, blocks, title: [{ kind: 'summit', id: 'alaska-2025' }, { kind: 'summit', id: 'helsinki-2018' }] });
    expect(context.summits).toEqual([
      {
        id: 'alaska-2025',
        score: 4.5,
        evidence: ['title', 'alias “Alaska summit”', '1 mention'],
        reasons: [{ kind: 'title' }, { kind: 'alias', form: 'Alaska summit', count: 1 }, { kind: 'mentions', count: 1 }],
      },
    ]);
  });
});
