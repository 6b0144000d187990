import { describe, expect, it } from 'vitest';
import { fold, hasMarks, parseQuery, tokenize, toned } from '../../../src/search/normalize';

describe('fold', () => {
  it('strips Vietnamese diacritics, maps đ to d and lowercases', () => {
    expect(fold('Hòa Bình')).toBe('hoa binh');
    expect(fold('Đàm phán')).toBe('dam phan');
    expect(fold('NGƯỜI')).toBe('nguoi');
    expect(fold('Путин')).toBe('путин');
  });

  it('folds decomposed input like composed input', () => {
    expect(fold('ho\u0300a')).toBe(fold('hòa'));
  });
});

describe('toned', () => {
  it('equates old and new tone placement but keeps the tone', () => {
    expect(toned('hoà')).toBe(toned('hòa'));
    expect(toned('thuỷ')).toBe(toned('thủy'));
    expect(toned('hòa')).not.toBe(toned('hoa'));
    expect(toned('hòa')).not.toBe(toned('hóa'));
  });
});

describe('tokenize', () => {
  it('gives offsets into the original text', () => {
    const text = 'Ông Putin: "hoà bình"';
    const tokens = tokenize(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Ông', 'Putin', 'hoà', 'bình']);
    expect(tokens.map((t) => t.fold)).toEqual(['ong', 'putin', 'hoa', 'binh']);
  });
});

describe('parseQuery', () => {
  it('treats the last word as a prefix unless the query ends with a space', () => {
    expect(parseQuery('hoa bi').map((w) => w.prefix)).toEqual([false, true]);
    expect(parseQuery('hoa bi ').map((w) => w.prefix)).toEqual([false, false]);
  });

  it('records whether the user typed accents', () => {
    expect(parseQuery('hòa binh').map((w) => w.marked)).toEqual([true, false]);
    expect(hasMarks('Putin')).toBe(false);
  });
});
