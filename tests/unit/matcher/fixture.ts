import type { NameForm, Person, Summit, SummitIndex } from '../../../src/schema/index-schema';
import { buildLexicon, type Lexicon } from '../../../src/schema/lexicon';

/**
 * A hand-made gazetteer in the shape the real one will have, so the matcher is
 * tested through `buildLexicon` exactly as the content script receives it.
 */

function person(id: string, name: string, country: string, names: [string, NameForm['kind'], NameForm['lang']?][]): Person {
  return {
    id,
    name,
    aliases: names.map(([form]) => form),
    names: names.map(([form, kind, lang]) => ({ form, kind, lang: lang ?? 'en' })),
    role: '',
    roleEn: '',
    country,
    terms: [],
  };
}

function summit(id: string, date: string, city: string, participants: string[], aliases: string[], places: string[]): Summit {
  return {
    id,
    date,
    endDate: null,
    place: city,
    city,
    venue: null,
    country: '',
    participants,
    title: { vi: id, en: id },
    aliases,
    places,
    outcome: null,
  };
}

export const index: Pick<SummitIndex, 'people' | 'summits' | 'distractors'> = {
  people: [
    person('putin', 'Vladimir Putin', 'RU', [
      ['Vladimir Putin', 'full'],
      ['Putin', 'short'],
      ['Путин', 'full', 'ru'],
      ['Владимир Путин', 'full', 'ru'],
      ['ông chủ Điện Kremlin', 'epithet', 'vi'],
    ]),
    person('trump', 'Donald Trump', 'US', [
      ['Donald Trump', 'full'],
      ['Trump', 'short'],
      ['Трамп', 'full', 'ru'],
      ['ông chủ Nhà Trắng thứ 45', 'epithet', 'vi'],
    ]),
    person('zelensky', 'Volodymyr Zelensky', 'UA', [
      ['Volodymyr Zelensky', 'full'],
      ['Volodymyr Zelenskiy', 'full'],
      ['Volodymyr Zelenskyy', 'full'],
      ['Zelensky', 'short'],
      ['Zelenskiy', 'short'],
      ['Zelenskyy', 'short'],
      ['Зеленский', 'full', 'ru'],
    ]),
    person('biden', 'Joe Biden', 'US', [
      ['Joe Biden', 'full'],
      ['Biden', 'short'],
    ]),
    person('lavrov', 'Sergei Lavrov', 'RU', [
      ['Sergei Lavrov', 'full'],
      ['Sergey Lavrov', 'full'],
      ['Lavrov', 'short'],
    ]),
    person('reagan', 'Ronald Reagan', 'US', [
      ['Ronald Reagan', 'full'],
      ['Reagan', 'short'],
    ]),
    person('gorbachev', 'Mikhail Gorbachev', 'SU', [
      ['Mikhail Gorbachev', 'full'],
      ['Gorbachev', 'short'],
      ['Горбачёв', 'full', 'ru'],
    ]),
  ],
  summits: [
    summit('alaska-2025', '2025-08-15', 'Anchorage', ['putin', 'trump'], ['thượng đỉnh Alaska', 'hội nghị thượng đỉnh Alaska', 'Alaska summit'], ['Alaska', 'Anchorage']),
    summit('geneva-2021', '2021-06-16', 'Geneva', ['putin', 'biden'], ['Geneva summit', 'thượng đỉnh Geneva'], ['Geneva', 'Genève', 'Giơ-ne-vơ']),
    summit('geneva-1985', '1985-11-19', 'Geneva', ['reagan', 'gorbachev'], ['Reagan–Gorbachev summit'], ['Geneva']),
    summit('hamburg-2017', '2017-07-07', 'Hamburg', ['putin', 'trump'], ['G20 Hamburg summit'], ['Hamburg', 'G20 Hamburg']),
    summit('helsinki-2018', '2018-07-16', 'Helsinki', ['putin', 'trump'], ['Helsinki summit', 'thượng đỉnh Helsinki'], ['Helsinki']),
  ],
  distractors: ['Melania Trump', 'Ivanka Trump', 'Donald Trump Jr.', 'Hunter Biden', 'Jill Biden'],
};

export const lexicon: Lexicon = buildLexicon(index);

export function entryIndex(form: string): number {
  const i = lexicon.entries.findIndex((e) => e.form === form);
  if (i < 0) throw new Error(`no entry ${form}`);
  return i;
}
