/**
 * Page context in real Chromium and Firefox: the exact `context` of the tab's
 * `mentions` answer on pages of our own (a Helsinki 2018 report, a Geneva 2021
 * report recalling Helsinki, a Putin story and a travel story about no summit,
 * a live blog whose topic changes as entries arrive), and the hover card that
 * follows it: the order of its sections and of its quotes, read from the
 * closed shadow root (CDP in Chromium, WebDriver BiDi in Firefox).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PageContext } from '../../src/protocol/messages';
import type { Tab } from './harness/browsers';
import { BROWSERS, maybeScreenshot, ROOT, useExtension } from './harness/fixture';
import { cardMarkup, cardOutline, hoverText, onPage, openControl, resetSettings, setSettings, sleep, waitForContext, type CardOutline } from './content-support';

/** Putin's newest quotes in the corpus (Alaska 2025), the card's order where the page is about no summit of his with quotes. */
const PUTIN_NEWEST = [
  'phải diễn ra từ lâu',
  'Tất nhiên chúng tôi sẵn sàng hợp tác vì điều đó. Tôi hy vọng những tiến triển mà chúng tôi đã đạt được cùng nhau sẽ giúp chúng ta tiến gần hơn đến mục tiêu đó và mở đường cho hòa bình ở Ukraine',
  'Chúng tôi sẽ luôn ghi nhớ những câu chuyện lịch sử, khi hai nước chúng ta cùng đánh bại kẻ thù chung với tinh thần đồng đội và đồng minh, cũng như cung cấp hỗ trợ và viện trợ cho nhau',
];

const GENEVA_CONTEXT: PageContext = {
  summits: [
    {
      id: 'geneva-2021',
      score: 15,
      evidence: ['title', 'headline', 'alias “Geneva summit” ×2', 'place “Geneva”', 'participants biden, putin', 'year 2021', 'published 2021-06-16', '3 mentions'],
      reasons: [
        { kind: 'title' },
        { kind: 'headline' },
        { kind: 'alias', form: 'Geneva summit', count: 2 },
        { kind: 'place', form: 'Geneva', count: 1 },
        { kind: 'participants', ids: ['biden', 'putin'] },
        { kind: 'year', year: 2021 },
        { kind: 'published', day: '2021-06-16' },
        { kind: 'mentions', count: 3 },
      ],
    },
  ],
  people: [
    { id: 'biden', score: 11 },
    { id: 'putin', score: 9 },
    { id: 'trump', score: 1 },
  ],
  published: '2021-06-16',
  lang: 'en',
};

/** What the Vietnamese article (vi-article.html) is about, with why. */
const VI_ARTICLE_CONTEXT: PageContext = {
  summits: [
    {
      id: 'alaska-2025',
      score: 15.5,
      evidence: ['title', 'headline', 'alias “Thượng đỉnh Alaska”', 'place “Anchorage”, “Alaska”', 'participants trump, putin', 'year 2025', 'published 2025-08-16', '3 mentions'],
      reasons: [
        { kind: 'title' },
        { kind: 'headline' },
        { kind: 'alias', form: 'Thượng đỉnh Alaska', count: 1 },
        { kind: 'place', form: 'Anchorage', count: 1 },
        { kind: 'place', form: 'Alaska', count: 1 },
        { kind: 'participants', ids: ['trump', 'putin'] },
        { kind: 'year', year: 2025 },
        { kind: 'published', day: '2025-08-16' },
        { kind: 'mentions', count: 3 },
      ],
    },
  ],
  people: [
    { id: 'putin', score: 11.5 },
    { id: 'trump', score: 10 },
    { id: 'lavrov', score: 1 },
    { id: 'rubio', score: 1 },
    { id: 'zelensky', score: 1 },
    { id: 'biden', score: 0.25 },
  ],
  published: '2025-08-16',
  lang: 'vi',
};

/** Putin's newest quotes with his words about Trump first: a page naming Trump and about no summit of his with quotes. */
const ABOUT_TRUMP_FIRST = [PUTIN_NEWEST[2]!, PUTIN_NEWEST[0]!, PUTIN_NEWEST[1]!];

const SUMMITS = (JSON.parse(readFileSync(join(ROOT, 'data/gazetteer/summits.json'), 'utf8')) as { summits: { date: string; participants: string[] }[] }).summits;

/** The days two people met, from the summits table itself (both among the participants), newest first, as the card writes them. */
function meetings(a: string, b: string): string[] {
  return SUMMITS.filter((s) => s.participants.includes(a) && s.participants.includes(b))
    .map((s) => s.date)
    .sort()
    .reverse()
    .map((d) => `${Number(d.slice(8))}/${Number(d.slice(5, 7))}/${d.slice(0, 4)}`);
}

for (const name of BROWSERS) {
  describe(`page context in ${name}`, () => {
    const h = useExtension(name);
    let control: Tab;

    beforeAll(async () => {
      control = await openControl(h);
    });

    /** For looking at, not asserting: the card fades in over 150 ms inside a closed shadow root no page-side wait can watch. */
    async function screenshotCard(tab: Tab, file: string): Promise<void> {
      if (!process.env.SCREENSHOTS) return;
      await sleep(300);
      await maybeScreenshot(tab, file);
    }


    /** Rests the pointer on `text` and waits until the card has its content (not the loading state). */
    async function openCard(tab: Tab, text: string): Promise<CardOutline> {
      await tab.bringToFront();
      await hoverText(tab, text);
      const deadline = Date.now() + 5000;
      for (;;) {
        const outline = cardOutline(await cardMarkup(tab, name));
        if (outline.sections.length > 0 || Date.now() > deadline) return outline;
        await new Promise((r) => setTimeout(r, 100));
      }
    }

    it('Helsinki 2018 report (vi): Helsinki first, with why; the card starts with Helsinki and says the corpus has no quote from it', async () => {
      await onPage(h, 'context-helsinki-2018.html', async (tab) => {
        await waitForContext(control, {
          summits: [
            {
              id: 'helsinki-2018',
              score: 16.5,
              evidence: [
                'title',
                'headline',
                'alias “Thượng đỉnh Helsinki”, “thượng đỉnh Helsinki 2018”',
                'place “Helsinki” ×2',
                'participants trump, putin',
                'year 2018',
                'published 2018-07-17',
                '4 mentions',
              ],
              reasons: [
                { kind: 'title' },
                { kind: 'headline' },
                { kind: 'alias', form: 'Thượng đỉnh Helsinki', count: 1 },
                { kind: 'alias', form: 'thượng đỉnh Helsinki 2018', count: 1 },
                { kind: 'place', form: 'Helsinki', count: 2 },
                { kind: 'participants', ids: ['trump', 'putin'] },
                { kind: 'year', year: 2018 },
                { kind: 'published', day: '2018-07-17' },
                { kind: 'mentions', count: 4 },
              ],
            },
          ],
          people: [
            { id: 'putin', score: 9 },
            { id: 'trump', score: 9 },
            { id: 'lavrov', score: 1 },
          ],
          published: '2018-07-17',
          lang: 'vi',
        });
        const card = await openCard(tab, 'Vladimir Putin');
        await screenshotCard(tab, `${name}-card-context-helsinki`);
        expect(card).toEqual({
          sections: ['page-summit', 'met', 'summits', 'quotes'],
          pageSummit: 'Thượng đỉnh Nga - Mỹ tại Helsinki 2018 · 16/7/2018 · Phủ Tổng thống, Helsinki, Phần Lan',
          lines: [
            'Vai trò: Tổng thống Nga',
            'Người đồng cấp: Donald Trump',
            'Bài viết này: 17/7/2018, một ngày sau thượng đỉnh',
            // No quote from Helsinki in the corpus: who took part and what came of it.
            'Kho dữ liệu chưa có phát ngôn nào tại cuộc gặp này.',
            'Thành phần: Donald Trump, Vladimir Putin',
            'Kết quả: Không ký văn kiện nào; hai bên chỉ họp báo chung.',
          ],
          met: [`Đã gặp Donald Trump ${meetings('putin', 'trump').length} lần:`, ...meetings('putin', 'trump')],
          // Putin's words about Trump (named on the page) first, then his newest.
          quotes: ABOUT_TRUMP_FIRST,
        });
        expect(meetings('putin', 'trump')).toEqual(['15/8/2025', '28/6/2019', '16/7/2018', '11/11/2017', '7/7/2017']);
      });
    });

    it('Geneva 2021 report recalling Helsinki (en): Geneva first; the card starts with Geneva and what Putin said there', async () => {
      await onPage(h, 'context-geneva-2021.html', async (tab) => {
        // Helsinki, recalled once in passing, is not what the page is about.
        await waitForContext(control, GENEVA_CONTEXT);
        const card = await openCard(tab, 'Vladimir Putin');
        await screenshotCard(tab, `${name}-card-context-geneva`);
        // Met once: the summits table has one summit with both Putin and Biden among its participants.
        expect(meetings('putin', 'biden')).toEqual(['16/6/2021']);
        expect(card).toEqual({
          sections: ['page-summit', 'met', 'summits'],
          pageSummit: 'Thượng đỉnh Nga - Mỹ tại Geneva 2021 · 16/6/2021 · Biệt thự La Grange, Geneva, Thụy Sĩ',
          lines: ['Vai trò: Tổng thống Nga', 'Người đồng cấp: Joe Biden', 'Bài viết này: 16/6/2021, đúng ngày diễn ra thượng đỉnh'],
          met: ['Đã gặp Joe Biden 1 lần:', '16/6/2021'],
          quotes: ['Nhưng tôi tin rằng có một tia hy vọng trong mắt ông Biden', 'thực dụng về lợi ích của hai nước', 'hiệu quả'],
        });
      });
    });

    it('Geneva 2021 report: Biden’s card, role and counterpart the other way round, Putin’s words about him', async () => {
      await onPage(h, 'context-geneva-2021.html', async (tab) => {
        await waitForContext(control, GENEVA_CONTEXT);
        const biden = await openCard(tab, 'Joe Biden');
        expect(biden).toEqual({
          sections: ['page-summit', 'met'],
          pageSummit: 'Thượng đỉnh Nga - Mỹ tại Geneva 2021 · 16/6/2021 · Biệt thự La Grange, Geneva, Thụy Sĩ',
          lines: ['Vai trò: Tổng thống Mỹ', 'Người đồng cấp: Vladimir Putin', 'Bài viết này: 16/6/2021, đúng ngày diễn ra thượng đỉnh'],
          met: ['Đã gặp Vladimir Putin 1 lần:', '16/6/2021'],
          // Only Putin's words about Biden are on Biden's card, all from Geneva.
          quotes: [
            'Nhưng tôi tin rằng có một tia hy vọng trong mắt ông Biden',
            'có cùng tiếng nói',
            'Không có niềm vui nào trong cuộc sống. Chỉ có ảo ảnh phía chân trời, vì vậy chúng tôi sẽ trân trọng điều đó',
          ],
        });
      });
    });

    it('a Vietnamese article dated after its breadcrumb ("Thế giới › Quân sự › Thứ bảy, 16/8/2025"): the card places the article against the summit', async () => {
      await onPage(h, 'vi-article.html', async (tab) => {
        await waitForContext(control, VI_ARTICLE_CONTEXT);
        const card = await openCard(tab, 'Vladimir Putin');
        await screenshotCard(tab, `${name}-card-vi-article-dateline`);
        expect(card).toEqual({
          sections: ['page-summit', 'met', 'summits'],
          pageSummit: 'Thượng đỉnh Nga - Mỹ tại Alaska 2025 · 15/8/2025 · Căn cứ Elmendorf-Richardson, Anchorage, Alaska, Mỹ',
          lines: ['Vai trò: Tổng thống Nga', 'Người đồng cấp: Donald Trump', 'Bài viết này: 16/8/2025, một ngày sau thượng đỉnh'],
          met: [`Đã gặp Donald Trump ${meetings('putin', 'trump').length} lần:`, ...meetings('putin', 'trump')],
          quotes: PUTIN_NEWEST,
        });
      });
    });

    it('in English, the summit section gives the place as English writes it', async () => {
      await setSettings(control, { language: 'en' });
      try {
        await onPage(h, 'vi-article.html', async (tab) => {
          await waitForContext(control, VI_ARTICLE_CONTEXT);
          const card = await openCard(tab, 'Vladimir Putin');
          await screenshotCard(tab, `${name}-card-page-summit-en`);
          expect(card.sections).toEqual(['page-summit', 'met', 'summits']);
          expect(card.pageSummit).toBe('2025 Russia–United States summit in Alaska · 15 Aug 2025 · Joint Base Elmendorf-Richardson, Anchorage, Alaska, United States');
          expect(card.lines).toEqual(['Role there: President of Russia', 'Counterpart: Donald Trump', 'This article: 16 Aug 2025, the day after the summit']);
        });
      } finally {
        await resetSettings(control);
      }
    });

    it('a Putin story about no summit (ru): no summit section, no "met" for one passing Trump, his words about Trump first', async () => {
      await onPage(h, 'context-putin-no-summit.html', async (tab) => {
        await waitForContext(control, { summits: [], people: [{ id: 'putin', score: 10 }, { id: 'trump', score: 1 }], published: '2025-09-24', lang: 'ru' });
        const card = await openCard(tab, 'Владимир Путин');
        expect(card).toEqual({ sections: ['summits', 'quotes'], pageSummit: null, lines: [], met: null, quotes: ABOUT_TRUMP_FIRST });
      });
    });

    it('a travel story about no summit, with no declared language: nothing, language from the script, date from the dateline', async () => {
      await onPage(h, 'context-no-summit.html', async () => {
        await waitForContext(control, { summits: [], people: [], published: '2025-09-07', lang: 'vi' });
      });
    });

    it('a live blog: the context follows the entries as they arrive', async () => {
      await onPage(h, 'context-liveblog.html', async (tab) => {
        await waitForContext(control, { summits: [], people: [{ id: 'putin', score: 1 }, { id: 'trump', score: 1 }], published: '2025-08-15', lang: 'en' });
        await tab.evaluate(() => {
          const entries = document.getElementById('entries')!;
          for (const text of [
            'Donald Trump and Vladimir Putin meet at Joint Base Elmendorf-Richardson in Anchorage for the Alaska summit.',
            'The Alaska summit talks have ended after nearly three hours, Russian officials say.',
          ]) {
            const entry = document.createElement('div');
            entry.className = 'entry';
            entry.innerHTML = '<time>11:00</time><p></p>';
            entry.querySelector('p')!.textContent = text;
            entries.prepend(entry);
          }
        });
        await waitForContext(control, {
          summits: [
            {
              id: 'alaska-2025',
              score: 8,
              evidence: ['alias “Alaska summit” ×2', 'place “Elmendorf-Richardson”, “Anchorage”', 'participants trump, putin', 'year 2025', 'published 2025-08-15', '4 mentions'],
              reasons: [
                { kind: 'alias', form: 'Alaska summit', count: 2 },
                { kind: 'place', form: 'Elmendorf-Richardson', count: 1 },
                { kind: 'place', form: 'Anchorage', count: 1 },
                { kind: 'participants', ids: ['trump', 'putin'] },
                { kind: 'year', year: 2025 },
                { kind: 'published', day: '2025-08-15' },
                { kind: 'mentions', count: 4 },
              ],
            },
          ],
          people: [
            { id: 'putin', score: 2 },
            { id: 'trump', score: 2 },
          ],
          published: '2025-08-15',
          lang: 'en',
        });
        const card = await openCard(tab, 'Vladimir Putin');
        expect(card).toEqual({
          sections: ['page-summit', 'met', 'summits'],
          pageSummit: 'Thượng đỉnh Nga - Mỹ tại Alaska 2025 · 15/8/2025 · Căn cứ Elmendorf-Richardson, Anchorage, Alaska, Mỹ',
          lines: ['Vai trò: Tổng thống Nga', 'Người đồng cấp: Donald Trump', 'Bài viết này: 15/8/2025, đúng ngày diễn ra thượng đỉnh'],
          met: [`Đã gặp Donald Trump ${meetings('putin', 'trump').length} lần:`, ...meetings('putin', 'trump')],
          // All three from Alaska, in the index's order: the summit's own quotes are not reordered.
          quotes: PUTIN_NEWEST,
        });
      });
    });
  });
}
