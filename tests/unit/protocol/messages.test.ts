import { describe, expect, it } from 'vitest';
import { packLexicon } from '../../../src/schema/lexicon';
import { badgeText, reportableMentions, validateMentionsAnswer, validateRequest, type EvidenceReason } from '../../../src/protocol/messages';
import { createRouter } from '../../../src/protocol/router';
import { createClient } from '../../../src/protocol/client';

describe('validateRequest', () => {
  it('accepts each well-formed request and copies only known fields', () => {
    expect(validateRequest({ type: 'card', kind: 'person', id: 'putin', extra: 'x' })).toEqual({ type: 'card', kind: 'person', id: 'putin' });
    expect(validateRequest({ type: 'card', kind: 'person', id: 'putin', about: ['alaska-2025', 'geneva-2021'] })).toEqual({
      type: 'card',
      kind: 'person',
      id: 'putin',
      about: ['alaska-2025', 'geneva-2021'],
    });
    expect(validateRequest({ type: 'card', kind: 'summit', id: 'alaska-2025', all: true, about: [] })).toEqual({ type: 'card', kind: 'summit', id: 'alaska-2025', all: true });
    expect(validateRequest({ type: 'search', query: { text: 'hoa binh', person: 'putin', from: '2021-01-01', limit: 20 } })).toEqual({
      type: 'search',
      query: { text: 'hoa binh', person: 'putin', from: '2021-01-01', limit: 20 },
    });
    expect(validateRequest({ type: 'pageMentions', entities: 3 })).toEqual({ type: 'pageMentions', entities: 3 });
    expect(validateRequest({ type: 'siteState', active: false, extra: 1 })).toEqual({ type: 'siteState', active: false });
  });

  it('refuses malformed requests with a reason', () => {
    expect(validateRequest(null)).toBe('message must be an object');
    expect(validateRequest([1])).toBe('message must be an object');
    expect(validateRequest({ type: 'card', kind: 'place', id: 'x' })).toBe('card.kind must be "person" or "summit"');
    expect(validateRequest({ type: 'card', kind: 'person', id: '' })).toBe('card.id must be a non-empty string');
    for (const about of ['alaska-2025', [1], ['a', 'b', 'c', 'd'], [''], [{}]]) {
      expect(validateRequest({ type: 'card', kind: 'person', id: 'putin', about })).toBe('card.about must be a list of at most 3 summit ids');
    }
    expect(validateRequest({ type: 'search', query: { text: 'x'.repeat(501) } })).toBe('search.query.text must be a string of at most 500 characters');
    expect(validateRequest({ type: 'search', query: { text: 'a', from: '15/8' } })).toBe('search.query.from must be YYYY-MM-DD');
    expect(validateRequest({ type: 'pageMentions', entities: -1 })).toBe('pageMentions.entities must be a non-negative integer');
    expect(validateRequest({ type: 'siteState', active: 'yes' })).toBe('siteState.active must be a boolean');
    expect(validateRequest({ type: '__proto__' })).toBe('unknown message type "__proto__"');
  });

  it("a long Russian page's case forms of one person are reported as the first twenty, not refused with the whole frame", () => {
    const cases = (name: string) => [name, `${name}а`, `${name}у`, `${name}ым`, `${name}е`];
    const forms = [...cases('Путин'), ...cases('Владимир Путин'), ...cases('В. Путин'), ...cases('президент Путин'), 'Putin', 'Vladimir Putin', 'ông Putin', 'Tổng thống Putin'];
    expect(forms).toHaveLength(24);
    const raw = { type: 'pageMentions', entities: 1, mentions: [{ id: 'putin', kind: 'person', count: 31, forms }] };
    expect(validateRequest(raw)).toBe('pageMentions.mentions[].forms must be at most 20 non-empty strings of at most 200 characters');
    const reported = reportableMentions(raw.mentions as Parameters<typeof reportableMentions>[0]);
    expect(validateRequest({ ...raw, mentions: reported })).toEqual({ type: 'pageMentions', entities: 1, mentions: [{ id: 'putin', kind: 'person', count: 31, forms: forms.slice(0, 20) }] });
  });

  it('accepts save, unsave and saved, with only the known fields', () => {
    expect(validateRequest({ type: 'save', id: 'q1', savedAt: 0, snapshot: { text: 'x' } })).toEqual({ type: 'save', id: 'q1' });
    expect(validateRequest({ type: 'unsave', id: 'x'.repeat(200) })).toEqual({ type: 'unsave', id: 'x'.repeat(200) });
    expect(validateRequest({ type: 'saved', id: 'q1' })).toEqual({ type: 'saved' });
  });

  it('refuses save and unsave without a well-formed id', () => {
    const reason = (type: string) => `${type}.id must be a non-empty string of at most 200 characters`;
    for (const type of ['save', 'unsave']) {
      for (const id of [undefined, '', 'x'.repeat(201), 42, null, ['q1'], { id: 'q1' }]) {
        expect(validateRequest({ type, id }), `${type} ${JSON.stringify(id)}`).toBe(reason(type));
      }
    }
    expect(validateRequest({ type: 'save' })).toBe(reason('save'));
    expect(validateRequest({ type: 'Save', id: 'q1' })).toBe('unknown message type "Save"');
  });
});

describe('router and client', () => {
  const saves: string[] = [];
  const router = createRouter({
    status: async () => ({ state: 'ready', progress: 1, error: null, hash: 'h', schemaVersion: 2, counts: { documents: 1, people: 2, summits: 3, quotes: 4 } }),
    lexicon: async () => packLexicon({ entries: [], distractors: [], participants: {} }),
    catalog: async () => ({ people: [], summits: [] }),
    card: async (r) => {
      throw new Error(`No ${r.kind} with id ${r.id}`);
    },
    quoteContext: async () => {
      throw new Error('unused');
    },
    search: async () => ({ hits: [], people: [], summits: [], total: 0 }),
    pageMentions: async () => null,
    tabMentions: async () => [],
    siteState: async () => null,
    openCard: async () => null,
    save: async (r) => {
      saves.push(r.id);
      return { quoteId: r.id, savedAt: 1, snapshot: null };
    },
    unsave: async () => null,
    saved: async () => [],
    addArticle: async (r) => ({ document: { id: 'reading-x', title: r.article.title, url: r.article.url, published: r.article.published }, quotes: 0, replaced: false, truncated: false }),
    addPage: async () => ({ ok: false, code: 'no-article', error: 'not asked' }),
    readingList: async () => [],
    readingQuotes: async () => [],
    removeArticle: async () => null,
    reextractArticle: async (r) => ({ document: { id: r.id, title: '', url: 'https://x.example/', published: null }, quotes: 0, replaced: true, truncated: false }),
    exportUserData: async () => '',
    correctQuote: async () => {
      throw new Error('not asked');
    },
    importUserData: async () => ({ documents: 0, quotes: 0, corrections: 0, saved: 0, settings: false }),
  });
  const ask = createClient((message) => router(message, { tabId: null }));

  it('answers a valid request', async () => {
    expect((await ask({ type: 'status' })).counts.quotes).toBe(4);
  });

  it('turns a handler failure and a malformed message into error replies, never a throw', async () => {
    await expect(ask({ type: 'card', kind: 'person', id: 'nobody' })).rejects.toThrow('No person with id nobody');
    expect(await router({ type: 'card' }, { tabId: 1 })).toEqual({ ok: false, error: 'Bad request: card.kind must be "person" or "summit"' });
    expect(await router('{"type":"status"}', { tabId: 1 })).toEqual({ ok: false, error: 'Bad request: message must be an object' });
  });

  it('routes save, unsave and saved to their handlers and refuses a bad id before any handler runs', async () => {
    expect(await ask({ type: 'save', id: 'q1' })).toEqual({ quoteId: 'q1', savedAt: 1, snapshot: null });
    expect(await ask({ type: 'unsave', id: 'q1' })).toBeNull();
    expect(await ask({ type: 'saved' })).toEqual([]);
    expect(await router({ type: 'save', id: '' }, { tabId: null })).toEqual({ ok: false, error: 'Bad request: save.id must be a non-empty string of at most 200 characters' });
    expect(saves).toEqual(['q1']);
  });

  it('client reports a missing background answer clearly', async () => {
    await expect(createClient(async () => undefined)({ type: 'status' })).rejects.toThrow('The Summit Lens background did not answer.');
  });
});

describe('badgeText', () => {
  it('is empty for none and capped at four characters', () => {
    expect([badgeText(0), badgeText(7), badgeText(1200)]).toEqual(['', '7', '999+']);
  });
});

describe('validateMentionsAnswer (the popup draws what a page’s content script answers)', () => {
  const reasons: EvidenceReason[] = [
    { kind: 'title' },
    { kind: 'headline' },
    { kind: 'alias', form: 'Geneva summit', count: 2 },
    { kind: 'place', form: 'Женеве', count: 1 },
    { kind: 'participants', ids: ['biden', 'putin'] },
    { kind: 'year', year: 2021 },
    { kind: 'published', day: '2021-06-16' },
    { kind: 'mentions', count: 3 },
  ];
  const answer = {
    mentions: [{ id: 'geneva-2021', kind: 'summit', count: 3, forms: ['Geneva summit', 'Женеве'] }],
    context: {
      summits: [{ id: 'geneva-2021', score: 13.5, evidence: ['title', 'headline', 'alias “Geneva summit” ×2', 'place “Женеве”', 'participants biden, putin', 'year 2021', 'published 2021-06-16', '3 mentions'], reasons }],
      people: [{ id: 'biden', score: 4 }],
      published: '2021-06-16',
      lang: 'en',
    },
    frames: 2,
  };
  const withReason = (reason: unknown) => ({ ...answer, context: { ...answer.context, summits: [{ ...answer.context.summits[0]!, reasons: [reason] }] } });

  it('copies a well-formed answer, every reason kind included, and drops unknown fields', () => {
    const copy = validateMentionsAnswer({ ...answer, extra: '<b>' });
    expect(copy).toEqual(answer);
    expect(typeof copy !== 'string' && copy.context!.summits[0]!.reasons![0]).not.toBe(reasons[0]);
    const { reasons: _, ...older } = answer.context.summits[0]!;
    expect(validateMentionsAnswer({ mentions: [], context: { ...answer.context, summits: [older] } })).toEqual({ mentions: [], context: { ...answer.context, summits: [older] } });
  });

  it('refuses reasons a hostile page could use to inject or flood, saying which', () => {
    expect(validateMentionsAnswer(withReason({ kind: 'html', form: '<img src=x onerror=alert(1)>' }))).toBe('context.summits[].reasons[].kind "html" is not a kind of evidence');
    expect(validateMentionsAnswer(withReason({ kind: 'alias', form: 'x'.repeat(201), count: 1 }))).toBe('context.summits[].reasons[].form must be a non-empty string of at most 200 characters');
    expect(validateMentionsAnswer(withReason({ kind: 'place', form: 'Helsinki', count: 1e9 }))).toBe('context.summits[].reasons[].count must be an integer from 1 to 1000000');
    expect(validateMentionsAnswer(withReason({ kind: 'mentions', count: 0 }))).toBe('context.summits[].reasons[].count must be an integer from 1 to 1000000');
    expect(validateMentionsAnswer(withReason({ kind: 'participants', ids: Array.from({ length: 21 }, (_, i) => `p${i}`) }))).toBe('context.summits[].reasons[].ids must be 1 to 20 ids');
    expect(validateMentionsAnswer(withReason({ kind: 'participants', ids: ['x'.repeat(201)] }))).toBe('context.summits[].reasons[].ids must be 1 to 20 ids');
    expect(validateMentionsAnswer(withReason({ kind: 'year', year: '2018' }))).toBe('context.summits[].reasons[].year must be a four-digit year');
    expect(validateMentionsAnswer(withReason({ kind: 'published', day: '17/7/2018' }))).toBe('context.summits[].reasons[].day must be YYYY-MM-DD');
    expect(validateMentionsAnswer(withReason('headline'))).toBe('context.summits[].reasons[] must be an object');
    const flood = { ...answer, context: { ...answer.context, summits: [{ ...answer.context.summits[0]!, reasons: Array.from({ length: 201 }, () => ({ kind: 'title' })) }] } };
    expect(validateMentionsAnswer(flood)).toBe('context.summits[].reasons must be an array of at most 200');
  });

  it('refuses the rest of a malformed context or answer', () => {
    const context = (patch: object) => validateMentionsAnswer({ ...answer, context: { ...answer.context, ...patch } });
    expect(context({ summits: Array.from({ length: 101 }, () => answer.context.summits[0]) })).toBe('context.summits must be an array of at most 100');
    expect(context({ summits: [{ ...answer.context.summits[0], score: Infinity }] })).toBe('context.summits[].score must be a finite number');
    expect(context({ summits: [{ ...answer.context.summits[0], evidence: ['x'.repeat(2001)] }] })).toBe('context.summits[].evidence must be at most 64 strings of at most 2000 characters');
    expect(context({ people: [{ id: 'biden' }] })).toBe('context.people[] must be { id, score }');
    expect(context({ published: '2021' })).toBe('context.published must be YYYY-MM-DD or null');
    expect(context({ lang: 'x'.repeat(36) })).toBe('context.lang must be a string of at most 35 characters');
    expect(validateMentionsAnswer({ ...answer, frames: 0 })).toBe('frames must be a positive integer');
    expect(validateMentionsAnswer({ mentions: 'putin' })).toBe('mentions must be an array of at most 500');
    // Forty spellings of one name across a tab's frames are a real page; two hundred and one are not.
    const spellings = (n: number) => ({ mentions: [{ id: 'putin', kind: 'person', count: n, forms: Array.from({ length: n }, (_, i) => `Путин ${i}`) }] });
    expect(validateMentionsAnswer(spellings(40))).toEqual(spellings(40));
    expect(validateMentionsAnswer(spellings(201))).toBe('mentions[].forms must be at most 200 non-empty strings of at most 200 characters');
    expect(validateMentionsAnswer(null)).toBe('the mentions answer must be an object');
  });
});
