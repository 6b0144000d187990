import { describe, expect, it } from 'vitest';
import { packLexicon } from '../../../src/schema/lexicon';
import { badgeText, validateRequest } from '../../../src/protocol/messages';
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
