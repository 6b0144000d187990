// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { PageResolver, type Changes } from '../../../src/matcher/resolve';
import { summarize } from '../support/summarize';
import { ContextTally, pageContext, type ContextBlock, type PageFacts, type Region } from '../../../src/page/context';
import { MentionSummary } from '../../../src/page/mention-summary';
import { RegionMap } from '../../../src/page/regions';
import { textBlocks, type TextBlock } from '../../../src/page/text-blocks';
import { lexicon } from '../matcher/fixture';

/**
 * The incremental summary and context against a full recompute over every
 * occurrence the resolver holds, after each step a live page takes: blocks
 * scanned out of order (the viewport first), appended, removed, edited, and
 * the page's day settled at the end.
 */

const LIVE_PAGE = `
<header class="site-header"><nav><a href="/">Thế giới</a> <a href="/">Chính trị</a></nav></header>
<article>
  <h1 class="headline">Putin and Trump meet in Helsinki</h1>
  <p class="sapo">The Helsinki summit ended with a joint press conference; Vladimir Putin called it frank.</p>
  <p>Vladimir <b>Putin</b> and Donald Trump met for more than two hours in the Finnish capital on Monday, 16 July 2018.</p>
  <p>Trump said the talks in Helsinki were "a good start". Melania Trump stayed at the hotel.</p>
  <p>Ngày 16/7, ông chủ Điện Kremlin và ông chủ Nhà Trắng thứ 45 gặp nhau tại thượng đỉnh Helsinki.</p>
  <p>Three years later Joe Biden met Putin at the Geneva summit; Biden said the summit in Geneva was "good, positive".</p>
  <p>At the summit in Gene\u0300ve Lavrov sat beside Putin, and Sergei
  Lavrov spoke to reporters after it.</p>
  <p>The G20 Hamburg summit of 2017 was their first meeting. Trump met Putin again at Hamburg.</p>
</article>
<aside class="related-links"><h3>Đọc thêm</h3><ul>
  <li><a href="/a">Alaska summit: what we know</a></li><li><a href="/b">Zelensky: no deal without Ukraine</a></li>
  <li><a href="/c">Reagan–Gorbachev summit, 1985</a></li>
</ul></aside>`;

const FACTS: PageFacts = { title: [], participants: { 'helsinki-2018': ['putin', 'trump'], 'geneva-2021': ['putin', 'biden'] }, years: { 'helsinki-2018': 2018, 'hamburg-2017': 2017, 'geneva-2021': 2021 }, published: null, lang: 'en' };

/** The scanner's bookkeeping around the resolver, with both the incremental sums and what a full recompute reads. */
class Page {
  readonly resolver = new PageResolver(lexicon);
  readonly summary = new MentionSummary();
  readonly tally = new ContextTally();
  private readonly ranks = new Map<number, number>();
  private readonly regions = new Map<number, Region>();
  private nextId = 1;
  walked = 0;

  add(text: string, region: Region): number {
    const id = this.nextId++;
    this.regions.set(id, region);
    const changes = this.resolver.add(id, text);
    const evidence = this.resolver.evidence(id)!;
    this.tally.addBlock(id, { region, cues: evidence.cues, years: evidence.years });
    this.apply(changes);
    return id;
  }

  remove(id: number): void {
    this.apply(this.resolver.remove(id));
    this.tally.removeBlock(id);
    this.summary.place(id, undefined);
    this.ranks.delete(id);
    this.regions.delete(id);
  }

  place(id: number): void {
    const rank = this.walked++;
    this.ranks.set(id, rank);
    this.summary.place(id, rank);
  }

  apply(changes: Changes): void {
    for (const o of changes.removed) {
      this.summary.remove(o);
      this.tally.remove(o.blockId, o.key, o);
    }
    for (const o of changes.added) {
      this.summary.add(o);
      this.tally.add(o.blockId, o.key, o);
    }
  }

  /** What the scanner computed before: every occurrence sorted into page order, then summed up. */
  fullMentions(kinds: { person: boolean; summit: boolean }) {
    const rank = (id: number) => this.ranks.get(id) ?? Number.MAX_SAFE_INTEGER / 2 + id;
    const shown = [...this.resolver.mentions()].filter((o) => kinds[o.kind]);
    shown.sort((a, b) => rank(a.blockId) - rank(b.blockId) || a.start - b.start);
    return summarize(shown).mentions;
  }

  /** Every block with its occurrences, in the order the blocks were added. */
  fullContext(facts: PageFacts) {
    const blocks: ContextBlock[] = [];
    for (const [id, region] of this.regions) {
      const evidence = this.resolver.evidence(id)!;
      blocks.push({ region, cues: evidence.cues, years: evidence.years, occurrences: [...this.resolver.mentions()].filter((o) => o.blockId === id) });
    }
    return pageContext({ blocks, ...facts });
  }

  expectSame(facts: PageFacts = FACTS): void {
    for (const kinds of [{ person: true, summit: true }, { person: true, summit: false }, { person: false, summit: true }]) {
      expect(this.summary.mentions(kinds)).toEqual(this.fullMentions(kinds));
    }
    expect(this.tally.context(facts)).toEqual(this.fullContext(facts));
  }
}

function loadBlocks(html: string): { block: TextBlock; region: Region }[] {
  document.body.innerHTML = html;
  const regions = new RegionMap();
  return [...textBlocks(document.body)].map((block) => ({ block, region: regions.regionOf(block.nodes[0]!) }));
}

describe('MentionSummary and ContextTally against a full recompute', () => {
  it('agree on a live page read viewport first, then walked, appended to, cut, edited and dated', () => {
    const blocks = loadBlocks(LIVE_PAGE);
    const page = new Page();
    const ids = new Map<number, number>();
    // The viewport first: two body paragraphs, found before the walk gives them a place.
    for (const at of [5, 6]) ids.set(at, page.add(blocks[at]!.block.text, blocks[at]!.region));
    page.expectSame();
    // A live-blog entry rescanned while the walk is still above it: placed where the walk was, then again where it is.
    ids.set(8, page.add(blocks[8]!.block.text, blocks[8]!.region));
    page.place(ids.get(8)!);
    blocks.forEach(({ block, region }, at) => {
      const known = ids.get(at);
      if (known !== undefined) page.place(known);
      else {
        const id = page.add(block.text, region);
        ids.set(at, id);
        page.place(id);
      }
      page.expectSame();
    });
    const full = page.summary.mentions({ person: true, summit: true });
    expect(full.find((m) => m.id === 'putin')).toEqual({ id: 'putin', kind: 'person', count: 7, forms: ['Putin', 'Vladimir Putin', 'ông chủ Điện Kremlin'] });
    // An NFD spelling is listed as NFC.
    expect(full.find((m) => m.id === 'geneva-2021')?.forms).toEqual(['Genève']);
    expect(full.find((m) => m.id === 'lavrov')?.forms).toEqual(['Lavrov', 'Sergei Lavrov']);
    expect(page.tally.context(FACTS).summits[0]).toEqual({
      id: 'helsinki-2018',
      score: 12.5,
      // Forms in the order they were found: the viewport's paragraph came first.
      evidence: ['headline', 'alias “thượng đỉnh Helsinki”, “Helsinki summit”', 'place “Helsinki” ×2', 'participants putin, trump', 'year 2018', '4 mentions'],
      reasons: [
        { kind: 'headline' },
        { kind: 'alias', form: 'thượng đỉnh Helsinki', count: 1 },
        { kind: 'alias', form: 'Helsinki summit', count: 1 },
        { kind: 'place', form: 'Helsinki', count: 2 },
        { kind: 'participants', ids: ['putin', 'trump'] },
        { kind: 'year', year: 2018 },
        { kind: 'mentions', count: 4 },
      ],
    });

    // Entries appended after the walk (not placed): they follow the page in the order they came.
    const appended = [
      page.add('Update: Donald Trump says a second summit in Helsinki is "very possible".', 'body'),
      page.add('Путин и Трамп провели саммит в Хельсинки.', 'body'),
    ];
    page.expectSame();

    // The paragraph that named Donald Trump in full goes: the bare "Trump" elsewhere may go with it.
    page.remove(ids.get(3)!);
    page.expectSame();
    page.remove(appended[0]!);
    page.expectSame();
    // The headline goes, then the lead: the summit's strongest evidence with them.
    page.remove(ids.get(1)!);
    page.remove(ids.get(2)!);
    page.expectSame();

    // An entry edited in place: dropped and read again under a new id.
    page.remove(ids.get(7)!);
    const edited = page.add('At the summit in Geneva, Lavrov sat beside Putin.', 'body');
    page.expectSame();

    // The page's own day, once the page is known: evidence for every shared surname at once.
    page.apply(page.resolver.setPublished('2021-06-17'));
    page.expectSame({ ...FACTS, published: '2021-06-17', title: [{ kind: 'summit', id: 'geneva-2021' }] });

    // Everything goes: nothing is left over in either.
    for (const id of [...ids.values(), appended[1]!, edited]) page.remove(id);
    expect(page.summary.mentions({ person: true, summit: true })).toEqual([]);
    expect(page.tally.context(FACTS)).toEqual({ summits: [], people: [], published: null, lang: 'en' });
    page.expectSame();
  });
});
