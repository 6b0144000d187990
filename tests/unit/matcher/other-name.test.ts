import { describe, expect, it } from 'vitest';
import { afterOtherFirstName } from '../../../src/matcher/other-name';

const at = (text: string, surname: string) => afterOtherFirstName(text, text.indexOf(surname));

describe('a surname after someone else’s first name', () => {
  it('belongs to that name inside a sentence', () => {
    expect(at('The collection by designer Tom Ford sold out.', 'Ford')).toBe(true);
    expect(at('Then-candidate Hillary Clinton spoke in Ohio.', 'Clinton')).toBe(true);
    expect(at('Выступила Хиллари Клинтон.', 'Клинтон')).toBe(true);
  });

  it('not after a title, a day or month, a lower-case word, or as the first word of a sentence', () => {
    expect(at('Russian President Putin and US President Trump met.', 'Trump')).toBe(false);
    expect(at('She said on Monday Trump would call.', 'Trump')).toBe(false);
    expect(at('Встреча Путина с Трампом прошла.', 'Путина')).toBe(false);
    expect(at('Президент Путин заявил.', 'Путин')).toBe(false);
    expect(at('Tổng thống Trump và ông Putin.', 'Trump')).toBe(false);
    expect(at('Ông Putin nói.', 'Putin')).toBe(false);
    expect(at('Tom Ford opened the show.', 'Ford')).toBe(false);
    expect(at('Putin spoke.', 'Putin')).toBe(false);
  });
});
