import { describe, expect, it } from 'vitest';
import { fold, foldForm } from '../../../src/matcher/normalize';

describe('fold', () => {
  it('folds old and new Vietnamese tone placement to one form', () => {
    expect(fold('hoà bình').text).toBe(fold('hòa bình').text);
    expect(fold('thuỷ thủ').text).toBe(fold('thủy thủ').text);
    expect(fold('Uỷ ban').text).toBe(fold('Ủy ban').text);
    expect(fold('khoá').text).toBe(fold('khóa').text);
    expect(fold('hoè').text).toBe(fold('hòe').text);
  });

  it('keeps Vietnamese diacritics distinct', () => {
    expect(fold('Nga').text).not.toBe(fold('ngà').text);
    expect(fold('Nga').text).not.toBe(fold('ngã').text);
    expect(fold('Mỹ').text).not.toBe(fold('my').text);
    expect(fold('hội nghị').text).not.toBe(fold('hồi nghi').text);
  });

  it('gives NFC, NFD and composed-base-plus-tone input the same folded text', () => {
    const nfc = 'Thượng đỉnh Nga – Mỹ tại Anchorage, người đồng cấp'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    // "Unicode tổ hợp": precomposed ơ/ê with a separate combining tone, as some Vietnamese keyboards type it.
    const mixed = 'Thu\u031bo\u031b\u0323ng \u0111i\u0309nh Nga – M\u1ef9 ta\u0323i Anchorage, ng\u01b0\u01a1\u0300i \u0111\u00f4\u0300ng c\u00e2\u0301p';
    expect(fold(nfd).text).toBe(fold(nfc).text);
    expect(fold(mixed).text).toBe(fold(nfc).text);
  });

  it('folds case, including Vietnamese capitals and Cyrillic', () => {
    expect(fold('ĐIỆN KREMLIN').text).toBe(fold('điện kremlin').text);
    expect(fold('ỦY BAN').text).toBe(fold('ủy ban').text);
    expect(fold('ПУТИН').text).toBe('путин');
    expect(fold('Горбачёв').text).toBe(fold('горбачев').text);
  });

  it('unifies apostrophes, spaces and dashes', () => {
    expect(fold('Putin’s').text).toBe("putin's");
    expect(fold('Putin\u02bcs').text).toBe("putin's");
    expect(fold('Donald\u00a0Trump').text).toBe('donald trump');
    expect(fold('Donald\u202fTrump').text).toBe('donald trump');
    expect(fold('Donald \n  Trump').text).toBe('donald trump');
    expect(fold('Trump–Putin Trump—Putin Trump‑Putin Trump−Putin').text).toBe('trump-putin trump-putin trump-putin trump-putin');
    expect(fold('Pu\u00adtin\u200b').text).toBe('putin');
  });

  it('maps every folded unit back to the original offset', () => {
    // A decomposed capital with its mark and a doubled space: both change lengths.
    const f = fold('O\u0302ng  Putin');
    expect(f.text).toBe('ông putin');
    expect(Array.from(f.map)).toEqual([0, 2, 3, 4, 6, 7, 8, 9, 10, 11]);
  });

  it('moves a tone to the end of its vowel cluster and maps it to the character that bore it', () => {
    const f = fold('hòa');
    expect(f.text).toBe('hoa\u0300');
    expect(Array.from(f.map)).toEqual([0, 1, 2, 1, 3]);
  });
});

describe('foldForm', () => {
  it('drops edge punctuation so the boundary falls on the last letter', () => {
    expect(foldForm('Donald Trump Jr.')).toBe('donald trump jr');
    expect(foldForm(' “Putin” ')).toBe('putin');
    expect(foldForm('...')).toBe('');
  });
});
