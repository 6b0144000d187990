import { describe, expect, it } from 'vitest';
import { syntheticIndex } from '../../../bench/synthetic-index';
import { buildLexicon, packLexicon, unpackLexicon, type Lexicon } from '../../../src/schema/lexicon';
import { realIndex } from '../corpus/corpus-fixture';

describe('the lexicon as a message carries it', () => {
  it('gives back the real lexicon exactly', () => {
    const lexicon = buildLexicon(realIndex());
    const packed = packLexicon(lexicon);
    expect(unpackLexicon(packed)).toEqual(lexicon);
    // Entity ids once, forms as one string: a handful of values however many forms there are.
    expect(packed.ids.length).toBe(realIndex().people.length + realIndex().summits.length);
    expect(packed.forms.split('\n')).toEqual(lexicon.entries.map((e) => e.form));
    expect(unpackLexicon(structuredClone(packed))).toEqual(lexicon);
  });

  it('keeps summits without participants apart from summits with an empty list', () => {
    const lexicon: Lexicon = {
      entries: [{ form: 'Geneva', kind: 'summit', id: 'geneva-1985', strength: 'place' }],
      distractors: [],
      participants: { 'geneva-1985': [], 'reykjavik-1986': ['gorbachev', 'reagan'] },
      years: { 'geneva-1985': 1985, 'yalta-1945': 1945 },
    };
    expect(unpackLexicon(packLexicon(lexicon))).toEqual(lexicon);
  });

  it('packs a large lexicon into a few values', () => {
    const lexicon = buildLexicon(syntheticIndex(realIndex(), 30));
    const packed = packLexicon(lexicon);
    expect(unpackLexicon(packed)).toEqual(lexicon);
    expect(Object.values(packed).every((v) => typeof v === 'string' || Array.isArray(v))).toBe(true);
  });

  it('refuses a form with a newline, which would split it in two', () => {
    const lexicon: Lexicon = { entries: [{ form: 'Vladimir\nPutin', kind: 'person', id: 'putin', strength: 'full' }], distractors: [], participants: {}, years: {} };
    expect(() => packLexicon(lexicon)).toThrow('a lexicon form holds a newline: "Vladimir\\nPutin"');
  });
});
