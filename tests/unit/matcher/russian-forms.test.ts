import { describe, expect, it } from 'vitest';
import { PageResolver } from '../../../src/matcher/resolve';
import { summarize } from '../support/summarize';
import { withRussianCases } from '../../../src/matcher/russian-forms';
import { packLexicon, unpackLexicon, type Lexicon } from '../../../src/schema/lexicon';

const lexicon: Lexicon = {
  entries: [
    { form: 'Владимир Путин', kind: 'person', id: 'putin', strength: 'full' },
    { form: 'Путин', kind: 'person', id: 'putin', strength: 'short' },
    { form: 'Дональд Трамп', kind: 'person', id: 'trump', strength: 'full' },
    { form: 'Трамп', kind: 'person', id: 'trump', strength: 'short' },
    { form: 'саммит в Анкоридже', kind: 'summit', id: 'alaska-2025', strength: 'alias' },
    { form: 'Анкоридж', kind: 'summit', id: 'alaska-2025', strength: 'place' },
    { form: 'Аляска', kind: 'summit', id: 'alaska-2025', strength: 'place' },
    { form: 'Хельсинки', kind: 'summit', id: 'helsinki-2018', strength: 'place' },
  ],
  distractors: ['Мелания Трамп'],
  participants: { 'alaska-2025': ['trump', 'putin'], 'helsinki-2018': ['trump', 'putin'] },
  years: { 'alaska-2025': 2025, 'helsinki-2018': 2018 },
};

function read(...blocks: string[]) {
  const resolver = new PageResolver(lexicon);
  blocks.forEach((text, i) => resolver.add(i, text));
  return summarize(resolver.mentions()).mentions.map((m) => [m.id, m.count, m.forms]);
}

describe('Russian case forms in the content script', () => {
  it('adds the case forms of names and places, not of alias phrases, keeping each entry’s strength', () => {
    const expanded = withRussianCases(lexicon);
    const forms = (id: string, strength: string) => expanded.entries.filter((e) => e.id === id && e.strength === strength).map((e) => e.form);
    expect(forms('putin', 'short')).toEqual(['Путин', 'Путина', 'Путину', 'Путиным', 'Путине']);
    expect(forms('alaska-2025', 'alias')).toEqual(['саммит в Анкоридже']);
    expect(forms('alaska-2025', 'place')).toEqual(['Анкоридж', 'Аляска', 'Анкориджа', 'Анкориджу', 'Анкориджем', 'Анкоридже', 'Аляски', 'Аляске', 'Аляску', 'Аляской']);
    expect(forms('helsinki-2018', 'place')).toEqual(['Хельсинки']);
    expect(expanded.distractors).toEqual(['Мелания Трамп', 'Мелании Трамп', 'Меланию Трамп', 'Меланией Трамп']);
  });

  it('finds people and places in the cases a Russian report writes them', () => {
    expect(read('Переговоры Владимира Путина и Дональда Трампа на Аляске длились почти три часа.', 'Встреча Путина с Трампом в Анкоридже прошла на военной базе.')).toEqual([
      ['alaska-2025', 2, ['Аляске', 'Анкоридже']],
      ['putin', 2, ['Владимира Путина', 'Путина']],
      ['trump', 2, ['Дональда Трампа', 'Трампом']],
    ]);
  });

  it('keeps a case form of a place as quiet as the nominative without a summit cue, and Melania in any case is not Trump', () => {
    expect(read('Путин сказал, что погода в Анкоридже была холодной.')).toEqual([['putin', 1, ['Путин']]]);
    expect(read('Журналисты спросили Меланию Трамп о платье.', 'Трампу это понравилось.')).toEqual([]);
  });

  it('is done once: the lexicon a tab receives is declined already, and the tab reads a page exactly as if it declined it itself', () => {
    const sent = unpackLexicon(JSON.parse(JSON.stringify(packLexicon(withRussianCases(lexicon)))) as ReturnType<typeof packLexicon>);
    expect(sent.declined).toBe(true);
    expect(withRussianCases(sent)).toBe(sent);
    const page = ['Переговоры Владимира Путина и Дональда Трампа на Аляске длились почти три часа.', 'Журналисты спросили Меланию Трамп о платье.', 'Встреча Путина с Трампом в Анкоридже.'];
    const mentions = (lex: Lexicon) => {
      const resolver = new PageResolver(lex);
      page.forEach((text, i) => resolver.add(i, text));
      return summarize(resolver.mentions()).mentions;
    };
    expect(mentions(sent)).toEqual(mentions(lexicon));
    expect(mentions(sent).map((m) => m.id)).toEqual(['alaska-2025', 'putin', 'trump']);
  });
});
