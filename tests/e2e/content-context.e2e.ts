/**
 * Page context in real Chromium and Firefox: the exact `context` of the tab's
 * `mentions` answer on pages of our own (a Helsinki 2018 report, a Geneva 2021
 * report recalling Helsinki, a Putin story and a travel story about no summit,
 * a live blog whose topic changes as entries arrive), and the hover card that
 * follows it: the order of its sections and of its quotes, read from the
 * closed shadow root (CDP in Chromium, WebDriver BiDi in Firefox).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tab } from './harness/browsers';
import { BROWSERS, maybeScreenshot, useExtension } from './harness/fixture';
import { cardMarkup, cardOutline, hoverText, onPage, openControl, sleep, waitForContext, type CardOutline } from './content-support';

/** Putin's newest quotes in the corpus (Alaska 2025), the card's order where the page is about no summit of his with quotes. */
const PUTIN_NEWEST = [
  'phải diễn ra từ lâu',
  'Tất nhiên chúng tôi sẵn sàng hợp tác vì điều đó. Tôi hy vọng những tiến triển mà chúng tôi đã đạt được cùng nhau sẽ giúp chúng ta tiến gần hơn đến mục tiêu đó và mở đường cho hòa bình ở Ukraine',
  'Chúng tôi sẽ luôn ghi nhớ những câu chuyện lịch sử, khi hai nước chúng ta cùng đánh bại kẻ thù chung với tinh thần đồng đội và đồng minh, cũng như cung cấp hỗ trợ và viện trợ cho nhau',
];

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
          sections: ['page-summit', 'summits', 'quotes'],
          pageSummit: 'Thượng đỉnh Nga - Mỹ tại Helsinki 2018 · 16/7/2018 · Phủ Tổng thống, Helsinki, Phần Lan | Kho dữ liệu chưa có phát ngôn nào tại cuộc gặp này.',
          // No quote from Helsinki in the corpus: Putin's newest words follow.
          quotes: PUTIN_NEWEST,
        });
      });
    });

    it('Geneva 2021 report recalling Helsinki (en): Geneva first; the card starts with Geneva and what Putin said there', async () => {
      await onPage(h, 'context-geneva-2021.html', async (tab) => {
        await waitForContext(control, {
          // Helsinki, recalled once in passing, is not what the page is about.
          summits: [
            {
              id: 'geneva-2021',
              score: 15,
              evidence: ['title', 'headline', 'alias “Geneva summit” ×2', 'place “Geneva”', 'participants biden, putin', 'year 2021', 'published 2021-06-16', '3 mentions'],
            },
          ],
          people: [
            { id: 'biden', score: 11 },
            { id: 'putin', score: 9 },
            { id: 'trump', score: 1 },
          ],
          published: '2021-06-16',
          lang: 'en',
        });
        const card = await openCard(tab, 'Vladimir Putin');
        await screenshotCard(tab, `${name}-card-context-geneva`);
        expect(card).toEqual({
          sections: ['page-summit', 'summits'],
          pageSummit: 'Thượng đỉnh Nga - Mỹ tại Geneva 2021 · 16/6/2021 · Biệt thự La Grange, Geneva, Thụy Sĩ',
          quotes: ['Nhưng tôi tin rằng có một tia hy vọng trong mắt ông Biden', 'thực dụng về lợi ích của hai nước', 'hiệu quả'],
        });
      });
    });

    it('a Putin story about no summit (ru): no summit, and the card keeps its usual order', async () => {
      await onPage(h, 'context-putin-no-summit.html', async (tab) => {
        await waitForContext(control, { summits: [], people: [{ id: 'putin', score: 10 }, { id: 'trump', score: 1 }], published: '2025-09-24', lang: 'ru' });
        const card = await openCard(tab, 'Владимир Путин');
        expect(card).toEqual({ sections: ['summits', 'quotes'], pageSummit: null, quotes: PUTIN_NEWEST });
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
          sections: ['page-summit', 'summits'],
          pageSummit: 'Thượng đỉnh Nga - Mỹ tại Alaska 2025 · 15/8/2025 · Căn cứ Elmendorf-Richardson, Anchorage, Alaska, Mỹ',
          quotes: PUTIN_NEWEST,
        });
      });
    });
  });
}
