/**
 * The content script on realistic pages, in real Chromium and Firefox: exact
 * mentions (ids, counts, forms) from the tab's `mentions` answer, and exactly
 * the marks the page's own highlight registry holds.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tab } from './harness/browsers';
import { BROWSERS, maybeScreenshot, useExtension } from './harness/fixture';
import {
  counts,
  highlights,
  highlightTextsInPage,
  mentionsOf,
  onPage,
  openControl,
  waitForCounts,
  waitForHighlights,
  waitForMentions,
  waitForScanEnd,
  type MentionRow,
} from './content-support';

const EMPTY_MARKS = { 'summit-lens-underline-person': 0, 'summit-lens-underline-summit': 0 };

/** A Vietnamese page, written NFC here and served decomposed (NFD), with old-style tone placement (hoà, Thuỵ, khoẻ). */
const VI_NFD_PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Thượng đỉnh Nga - Mỹ: hy vọng hoà bình</title>
<style>body{font:17px/1.6 Arial,sans-serif;margin:0} header,footer{background:#9f224e;color:#fff;padding:10px 24px} main{max-width:720px;margin:20px auto}</style></head>
<body>
<header><strong>Báo Thế Giới</strong> <nav><a href="#">Thời sự</a> <a href="#">Quốc tế</a> <a href="#">Kinh doanh</a></nav></header>
<main><article>
<h1 id="h1">Ông Pu-tin và ông Đô-nan Trăm: hy vọng hoà bình sau thượng đỉnh Alaska</h1>
<p id="p1">Tổng thống Nga Vla-đi-mia Pu-tin và người đồng cấp Mỹ đã hội đàm gần ba tiếng tại Anchorage, Alaska ngày 15/8.</p>
<p id="p2">Ngoại trưởng Xéc-gây La-vrốp cho biết Nga muốn một nền hoà bình bền vững và sẵn sàng gặp lại ở Thuỵ Sĩ.</p>
<p id="p3">Năm 2021, ông chủ Điện Kremlin từng gặp ông Biden tại thượng đỉnh Giơ-ne-vơ, Thuỵ Sĩ, trong bầu không khí được mô tả là khoẻ khoắn, hoà nhã.</p>
<figure><figcaption>Khung cảnh hội trường. Ảnh: TTXVN</figcaption></figure>
</article>
<aside><strong>Tin liên quan</strong><ul><li><a href="#">Thượng đỉnh Helsinki 2018: ông Trăm và ông Pu-tin</a></li></ul></aside>
<section><h2>Ý kiến</h2><textarea>Ông Pu-tin và ông Đô-nan Trăm</textarea><div contenteditable="true">Vla-đi-mia Pu-tin</div></section>
</main>
<footer>© Báo Thế Giới · Thuỵ Sĩ · Hoà Bình</footer>
</body></html>`.normalize('NFD');

for (const name of BROWSERS) {
  describe(`content script on realistic pages in ${name}`, () => {
    const h = useExtension(name);
    let control: Tab;

    beforeAll(async () => {
      control = await openControl(h);
      h.server.route('/vi-nfd.html', VI_NFD_PAGE);
    });


    async function settled(expected: Record<string, number>): Promise<MentionRow[]> {
      const rows = await waitForMentions(control, (r) => JSON.stringify(counts(r)) === JSON.stringify(expected));
      expect(counts(rows)).toEqual(expected);
      return rows;
    }

    it('English wire story: possessives, an en dash, Russian, split names; URLs, Trumpet, inputs and a shared city give nothing', async () => {
      await onPage(h, 'en-alaska-article.html', async (tab) => {
        const rows = await settled({ 'alaska-2025': 5, lavrov: 2, putin: 7, trump: 5, zelensky: 3 });
        const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
        // Forms in the order the page uses them: `Putin's`/`Putin’s` count as Putin, `Путин`/`Трамп` in Cyrillic.
        expect(byId.putin).toEqual({ id: 'putin', kind: 'person', count: 7, forms: ['Putin', 'Vladimir Putin', 'Путин'] });
        expect(byId.trump).toEqual({ id: 'trump', kind: 'person', count: 5, forms: ['Trump', 'Donald Trump', 'Трамп'] });
        expect(byId.zelensky!.forms).toEqual(['Volodymyr Zelenskyy', 'Zelenskyy']);
        // `<b>Sergey</b> <i>Lavrov</i>` is one name across its tags.
        expect(byId.lavrov!.forms).toEqual(['Sergey Lavrov', 'Lavrov']);
        // The dateline's ANCHORAGE has a cue (talks) in its sentence; the caption's base name has none;
        // `в Анкоридже` is Anchorage in the prepositional case, next to `переговоры`.
        expect(byId['alaska-2025']).toEqual({ id: 'alaska-2025', kind: 'summit', count: 5, forms: ['Alaska', 'ANCHORAGE', 'Анкоридже', 'Alaska summit'] });
        await waitForHighlights(tab, { 'summit-lens-underline-person': 17, 'summit-lens-underline-summit': 5 });

        const marked = await tab.evaluate(highlightTextsInPage, 'summit-lens-underline-person');
        // The h1: "Putin's … Trump–Putin summit": both names around the en dash.
        expect(marked.slice(0, 3)).toEqual(['Putin', 'Trump', 'Putin']);
        // Nothing inside the URL paragraph, the Trumpet paragraph, the search box, the button, the comment inputs or JSON-LD.
        const perParagraph = await tab.evaluate(() => {
          const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
          const hits: Record<string, number> = {};
          for (const set of registry.values()) {
            for (const r of set) {
              const holder = (r.startContainer.parentElement?.closest('p, h1, li, figcaption, textarea, [contenteditable], button, form, script') as HTMLElement | null);
              const key = holder?.id || holder?.tagName.toLowerCase() || '?';
              hits[key] = (hits[key] ?? 0) + 1;
            }
          }
          return hits;
        });
        expect(perParagraph).toEqual({ headline: 4, caption: 2, p1: 5, p2: 1, p3: 2, p4: 1, p5: 3, p6: 1, li: 3 });
        await maybeScreenshot(tab, `${name}-content-en-article`);
        });
    });

    it('Vietnamese page served in NFD with old tone placement: every name found, reported NFC, marked on the NFD text', async () => {
      await onPage(h, 'vi-nfd.html', async (tab) => {
        expect(await tab.evaluate(() => document.getElementById('p2')!.textContent === document.getElementById('p2')!.textContent!.normalize('NFD'))).toBe(true);
        const rows = await settled({ 'alaska-2025': 3, biden: 1, 'geneva-2021': 1, 'helsinki-2018': 1, lavrov: 1, putin: 4, trump: 1 });
        const forms = Object.fromEntries(rows.map((r) => [r.id, r.forms]));
        expect(forms).toEqual({
          putin: ['Pu-tin', 'Vla-đi-mia Pu-tin', 'ông chủ Điện Kremlin'],
          'alaska-2025': ['thượng đỉnh Alaska', 'Anchorage', 'Alaska'],
          trump: ['Đô-nan Trăm'],
          lavrov: ['Xéc-gây La-vrốp'],
          biden: ['Biden'],
          'geneva-2021': ['thượng đỉnh Giơ-ne-vơ'],
          'helsinki-2018': ['Thượng đỉnh Helsinki 2018'],
        });
        await waitForHighlights(tab, { 'summit-lens-underline-person': 7, 'summit-lens-underline-summit': 5 });
        // The marks cover exactly the decomposed characters of the page.
        const people = await tab.evaluate(highlightTextsInPage, 'summit-lens-underline-person');
        expect(people).toEqual(['Pu-tin', 'Đô-nan Trăm', 'Vla-đi-mia Pu-tin', 'Xéc-gây La-vrốp', 'ông chủ Điện Kremlin', 'Biden', 'Pu-tin'].map((f) => f.normalize('NFD')));
        const summits = await tab.evaluate(highlightTextsInPage, 'summit-lens-underline-summit');
        expect(summits).toEqual(['thượng đỉnh Alaska', 'Anchorage', 'Alaska', 'thượng đỉnh Giơ-ne-vơ', 'Thượng đỉnh Helsinki 2018'].map((f) => f.normalize('NFD')));
        });
    });

    for (const [page, why] of [
      ['anchorage-weather.html', 'Anchorage weather with meeting/talks/summit cues but no leaders'],
      ['hamburg-football.html', 'HSV vs St. Pauli: Hamburg, Hamburger SV, meeting/met/talks'],
      ['melania-fashion.html', 'Melania Trump fashion: "Mrs Trump" is held back while the distractor is there and no full name of Donald Trump is'],
      ['shared-surnames-other-people.html', 'a Ford Focus, Tom Ford and Hillary Clinton: shared surnames with no evidence for Gerald Ford or Bill Clinton'],
      ['cooking.html', 'Baked Alaska, Moscow Mule, a trump card and a summit of meringue'],
    ] as const) {
      it(`negative control shows nothing: ${why}`, async () => {
        await onPage(h, page, async (tab) => {
          // Asserted once the whole page is scanned, so "nothing" is the scan's answer, not its not having run yet.
          await waitForScanEnd(tab);
          expect(await mentionsOf(control)).toEqual([]);
          expect(await highlights(tab)).toEqual(EMPTY_MARKS);
        });
      });
    }

    it('a bare "Bush" is the father while the page dates him, and nobody once the son is named too', async () => {
      await onPage(h, 'shared-surnames-bush-malta.html', async (tab) => {
        await settled({ 'bush-ghw': 3, gorbachev: 1, 'malta-1989': 1 });
        await waitForHighlights(tab, { 'summit-lens-underline-person': 4, 'summit-lens-underline-summit': 1 });
        expect(await tab.evaluate(highlightTextsInPage, 'summit-lens-underline-person')).toEqual(['Bush', 'Mikhail Gorbachev', 'Bush', 'Bush']);
        await tab.evaluate(() => {
          const p = document.createElement('p');
          p.textContent = 'Twelve years later his son George W. Bush took office.';
          document.getElementById('late')!.append(p);
        });
        // The first Bush keeps its own evidence (1989 in its sentence); the others could now be either.
        const rows = await settled({ 'bush-ghw': 1, 'bush-gw': 1, gorbachev: 1, 'malta-1989': 1 });
        expect(rows.find((r) => r.id === 'bush-gw')!.forms).toEqual(['George W. Bush']);
        await waitForHighlights(tab, { 'summit-lens-underline-person': 3, 'summit-lens-underline-summit': 1 });
        expect(await tab.evaluate(highlightTextsInPage, 'summit-lens-underline-person')).toEqual(['Bush', 'Mikhail Gorbachev', 'George W. Bush']);
      });
    });

    it('skips inputs, textarea, select, button, contenteditable, code, kbd, pre, script, style, noscript, template, svg and hidden text', async () => {
      await onPage(h, 'skips.html', async (tab) => {
        const rows = await settled({ lavrov: 1, putin: 2, trump: 1, zelensky: 1 });
        // The only Trump is the `visibility:visible` span inside a `visibility:hidden` block: a reader sees it.
        expect(rows.find((r) => r.id === 'trump')!.forms).toEqual(['Donald Trump']);
        // Drawing is viewport-first and settles after the mentions (failed once in Firefox with Trump not yet drawn).
        await waitForHighlights(tab, { 'summit-lens-underline-person': 5, 'summit-lens-underline-summit': 0 });
        expect(await tab.evaluate(highlightTextsInPage, 'summit-lens-underline-person')).toEqual(['Putin', 'Vladimir Putin', 'Donald Trump', 'Sergei Lavrov', 'Volodymyr Zelensky']);
        expect(await tab.evaluate(() => {
          const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
          return [...registry.get('summit-lens-underline-person')!].some((r) => r.startContainer.parentElement?.id === 'shown-in-ghost');
        })).toBe(true);

        // Typing a name into the page's editor (and a script a tag manager injects) must not mark it either.
        await tab.evaluate(() => {
          const editor = document.querySelector('#editor p')!;
          editor.append(document.createTextNode(' and Donald Trump'));
          (editor.firstChild as Text).appendData(', again Vladimir Putin');
          const pre = document.querySelector('pre')!;
          pre.append(document.createTextNode('\nSergei Lavrov'));
          const script = document.createElement('script');
          script.type = 'application/ld+json';
          script.textContent = '{"author":"Donald Trump"}';
          document.body.append(script);
          const style = document.createElement('style');
          style.textContent = '/* Vladimir Putin */';
          document.body.append(style);
          const area = document.createElement('textarea');
          area.textContent = 'Donald Trump';
          document.body.append(area);
        });
        await tab.click('#editor');
        await tab.type(' Sergei Lavrov met Volodymyr Zelensky');
        expect(await tab.evaluate(() => document.getElementById('editor')!.textContent)).toContain('Volodymyr Zelensky');
        await waitForCounts(control, { lavrov: 1, putin: 2, trump: 1, zelensky: 1 });
        await waitForHighlights(tab, { 'summit-lens-underline-person': 5, 'summit-lens-underline-summit': 0 });
        });
    });
  });
}
