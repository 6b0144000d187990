import { describe, expect, it } from 'vitest';
import { leadingLookbehind } from '../../../src/corpus/lookbehind';

/** Every match of a global regex as [index, text, ...captures], iterating with exec as the pipeline does. */
function all(re: RegExp, text: string): unknown[][] {
  const out: unknown[][] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push([m.index, ...m, re.lastIndex]);
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}

const WORDS = '(?<![\\p{L}])(?:rằng|that|что|theo (?:ông|bà))(?![\\p{L}])';
const TEXT = 'Ông nói rằng thatthat không phải là that; Rằng, «что» — чтобы THAT, theo ông 😀that, nhưng whatthat và (that).';

describe('leadingLookbehind', () => {
  it('finds the same matches, in order, with the same lastIndex after each, as the pattern it was given', () => {
    const plain = new RegExp(WORDS, 'giu');
    const fast = leadingLookbehind(new RegExp(WORDS, 'giu'));
    expect(all(fast, TEXT)).toEqual(all(plain, TEXT));
    expect(all(fast, TEXT).map((m) => m[1])).toEqual(['rằng', 'that', 'Rằng', 'что', 'THAT', 'theo ông', 'that', 'that']);
  });

  it('leaves an alternation as it is: the lookbehind guards its first branch only (`(?<!A)x|y` matches the `y` of `Ay`)', () => {
    const re = /(?<![\p{L}])that|said/u;
    expect(leadingLookbehind(re)).toBe(re);
    expect(leadingLookbehind(re).exec('hesaid that')?.index).toBe(2);
    // Inside a group the alternation is the body's, and the pattern is still taken apart.
    const grouped = /(?<![\p{L}])(?:that|said)/u;
    expect(leadingLookbehind(grouped)).not.toBe(grouped);
  });

  it('skips a hit whose preceding letter fails the lookbehind and finds the next one (`whatthat`, then `that`)', () => {
    const fast = leadingLookbehind(/(?<![\p{L}])that(?![\p{L}])/gu);
    expect(all(fast, 'whatthat that')).toEqual([[9, 'that', 13]]);
  });

  it('reads a letter outside the basic plane before the hit as one character', () => {
    const letter = '\u{1D4D0}';
    const plain = /(?<![\p{L}])(?:ab|b)/gu;
    const fast = leadingLookbehind(/(?<![\p{L}])(?:ab|b)/gu);
    const text = `${letter}ab 😀ab ${letter}b b`;
    expect(all(fast, text)).toEqual(all(plain, text));
    expect(all(fast, text).map((m) => m[0])).toEqual([7, 14]);
  });

  it('keeps captures and applies several leading lookbehinds together', () => {
    const source = '(?<![\\p{L}])(?<!trong )(khi đó|lúc đó) (\\d+)';
    const text = 'trong khi đó 1, khi đó 2, bởi vậy lúc đó 3, lúckhi đó 4';
    expect(all(leadingLookbehind(new RegExp(source, 'giu')), text)).toEqual(all(new RegExp(source, 'giu'), text));
    expect(all(leadingLookbehind(new RegExp(source, 'giu')), text).map((m) => m[3])).toEqual(['2', '3']);
  });

  it('answers test and a non-global exec from the start of the text, leaving lastIndex alone', () => {
    const fast = leadingLookbehind(new RegExp(WORDS, 'iu'));
    fast.lastIndex = 50;
    expect(fast.test('không thatthat nào')).toBe(false);
    expect(fast.exec('không, that')?.index).toBe(7);
    expect(fast.lastIndex).toBe(50);
  });

  it('works through replace, matchAll and split like the pattern it was given', () => {
    const source = '(?<![\\p{L}\\d])(\\d{1,2})/(\\d{1,2})';
    const text = 'hôm 15/8, a15/8, 16/8';
    expect(text.replace(leadingLookbehind(new RegExp(source, 'gu')), '$2.$1')).toBe(text.replace(new RegExp(source, 'gu'), '$2.$1'));
    expect([...text.matchAll(leadingLookbehind(new RegExp(source, 'gu')))].map((m) => [m.index, m[0]])).toEqual([
      [4, '15/8'],
      [17, '16/8'],
    ]);
    expect(text.split(leadingLookbehind(new RegExp(source, 'u')))).toEqual(text.split(new RegExp(source, 'u')));
  });

  it('returns a pattern it cannot take apart unchanged', () => {
    for (const re of [/that/giu, /(?<=a)b/u, /(?<!(a))b/u, /(?<![\p{L}])b/uy, /(?<![\p{L}])b/v]) expect(leadingLookbehind(re)).toBe(re);
  });
});
