// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ask } from '../../../src/protocol/client';
import type { MentionsAnswer } from '../../../src/protocol/messages';
import type { Catalog, SummitCard } from '../../../src/protocol/views';
import { DEFAULT_SETTINGS, type UiLanguage } from '../../../src/settings/settings';
import { summitRef } from '../../../src/store/views';
import { CardView } from '../../../src/ui/popup/CardView';
import { PageView } from '../../../src/ui/popup/PageView';
import type { PopupEnv } from '../../../src/ui/popup/env';
import type { Saves } from '../../../src/ui/popup/saves';
import { realGazetteer } from '../corpus/corpus-fixture';
import { until } from '../support/until';

/** Helsinki 2018 as the real gazetteer gives it, through the store's view. */
const gazetteer = realGazetteer();
const helsinki = summitRef({ ...gazetteer.summits.find((s) => s.id === 'helsinki-2018')!, rank: 0 });
const people = gazetteer.people.filter((p) => p.id === 'putin' || p.id === 'trump').map((p) => ({ id: p.id, name: p.name, role: p.role, roleEn: p.roleEn }));
const catalog: Catalog = { people, summits: [{ ...helsinki, participants: ['trump', 'putin'] }] };

/** The Vietnamese Helsinki article's answer, as the content script sends it. */
const answer: MentionsAnswer = {
  mentions: [{ id: 'helsinki-2018', kind: 'summit', count: 3, forms: ['thượng đỉnh Helsinki', 'Helsinki'] }],
  context: {
    summits: [
      {
        id: 'helsinki-2018',
        score: 12,
        evidence: ['headline', 'alias “thượng đỉnh Helsinki” ×2', 'place “Helsinki”', 'participants trump, putin', 'year 2018', '3 mentions'],
        reasons: [
          { kind: 'headline' },
          { kind: 'alias', form: 'thượng đỉnh Helsinki', count: 2 },
          { kind: 'place', form: 'Helsinki', count: 1 },
          { kind: 'participants', ids: ['trump', 'putin'] },
          { kind: 'year', year: 2018 },
          { kind: 'mentions', count: 3 },
        ],
      },
    ],
    people: [],
    published: null,
    lang: 'vi',
  },
};

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) render(null, root);
  root = null;
});

function env(language: UiLanguage, pageMentions: unknown, ask: Ask = (() => Promise.reject(new Error('not asked'))) as Ask): PopupEnv {
  return { settings: { ...DEFAULT_SETTINGS, language }, ask, pageMentions: async () => pageMentions as MentionsAnswer } as PopupEnv;
}

async function pageAbout(language: UiLanguage, raw: unknown): Promise<HTMLElement> {
  root = document.createElement('div');
  render(<PageView env={env(language, raw)} catalog={catalog} go={() => undefined} />, root);
  await until(() => root!.querySelector('.page-about, .notice:not([aria-busy])'), 'the page view');
  return root;
}

describe('popup "On this page": the summit’s place and evidence in the reader’s language', () => {
  it('English: the place in English, the evidence line from the reasons', async () => {
    const view = await pageAbout('en', answer);
    expect(view.querySelector('.page-about .when')!.textContent).toBe('16 Jul 2018 · Presidential Palace, Helsinki, Finland');
    expect(view.querySelector('.page-about .evidence')!.textContent).toBe(
      'in the headline · “thượng đỉnh Helsinki” ×2 · “Helsinki” · Donald Trump, Vladimir Putin named · the year 2018 · named 3×',
    );
  });

  it('Vietnamese: the place as the gazetteer writes it in Vietnamese', async () => {
    const view = await pageAbout('vi', answer);
    expect(view.querySelector('.page-about .when')!.textContent).toBe('16/7/2018 · Phủ Tổng thống, Helsinki, Phần Lan');
    expect(view.querySelector('.page-about .evidence')!.textContent).toBe(
      'trong tít bài · “thượng đỉnh Helsinki” ×2 · “Helsinki” · có nêu Donald Trump, Vladimir Putin · năm 2018 · nhắc 3 lần',
    );
  });

  it('an answer whose reasons break the protocol is refused whole: nothing of it is drawn', async () => {
    const hostile = structuredClone(answer) as unknown as { context: { summits: { reasons: unknown[] }[] } };
    hostile.context.summits[0]!.reasons.push({ kind: 'html', form: '<img src=x onerror=alert(1)>' });
    const view = await pageAbout('en', hostile);
    expect(view.querySelector('.page-about')).toBeNull();
    expect(view.querySelector('.notice')!.textContent).toBe(
      'This page’s answer could not be read, so nothing of it is shown (context.summits[].reasons[].kind "html" is not a kind of evidence).',
    );
  });
});

describe('popup summit card: the place in the reader’s language', () => {
  const card: SummitCard = { kind: 'summit', summit: { ...helsinki, city: 'Helsinki', venue: 'Presidential Palace', country: 'FI', aliases: [] }, participants: people, quotes: [], quoteCount: 0 };

  async function placeOn(language: UiLanguage): Promise<string | null> {
    root = document.createElement('div');
    const ask = (async () => card) as unknown as Ask;
    render(<CardView env={env(language, null, ask)} saves={{} as Saves} kind="summit" id="helsinki-2018" go={() => undefined} />, root);
    await until(() => root!.querySelector('.facts'), 'the summit card');
    const terms = [...root.querySelectorAll('.facts dt')].map((dt) => dt.textContent);
    return root.querySelectorAll('.facts dd')[terms.indexOf(language === 'en' ? 'Place' : 'Địa điểm')]!.textContent;
  }

  it('English and Vietnamese', async () => {
    expect(await placeOn('en')).toBe('Presidential Palace, Helsinki, Finland');
    expect(await placeOn('vi')).toBe('Phủ Tổng thống, Helsinki, Phần Lan');
  });
});
