import { describe, expect, it } from 'vitest';
import { declineRussian, russianCaseForms } from '../../../src/matcher/russian-inflection';

const person = (s: string) => Object.values(declineRussian(s, { kind: 'person' }));
const place = (s: string) => Object.values(declineRussian(s, { kind: 'place' }));

describe('Russian names decline by their ending', () => {
  it('surnames in -ин/-ов take the surname instrumental -ым', () => {
    expect(person('Путин')).toEqual(['Путин', 'Путина', 'Путину', 'Путина', 'Путиным', 'Путине']);
    expect(person('Лавров')).toEqual(['Лавров', 'Лаврова', 'Лаврову', 'Лаврова', 'Лавровым', 'Лаврове']);
    expect(person('Песков')).toEqual(['Песков', 'Пескова', 'Пескову', 'Пескова', 'Песковым', 'Пескове']);
    expect(person('Ушаков')).toEqual(['Ушаков', 'Ушакова', 'Ушакову', 'Ушакова', 'Ушаковым', 'Ушакове']);
  });

  it('other consonant-final names take -ом; persons are animate (accusative = genitive)', () => {
    expect(person('Трамп')).toEqual(['Трамп', 'Трампа', 'Трампу', 'Трампа', 'Трампом', 'Трампе']);
    expect(person('Байден')).toEqual(['Байден', 'Байдена', 'Байдену', 'Байдена', 'Байденом', 'Байдене']);
    expect(person('Владимир')).toEqual(['Владимир', 'Владимира', 'Владимиру', 'Владимира', 'Владимиром', 'Владимире']);
    expect(person('Уиткофф')).toEqual(['Уиткофф', 'Уиткоффа', 'Уиткоффу', 'Уиткоффа', 'Уиткоффом', 'Уиткоффе']);
  });

  it('feminine -ова surnames take -ой and -у', () => {
    expect(person('Захарова')).toEqual(['Захарова', 'Захаровой', 'Захаровой', 'Захарову', 'Захаровой', 'Захаровой']);
  });

  it('adjectival surnames decline as adjectives', () => {
    expect(person('Зеленский')).toEqual(['Зеленский', 'Зеленского', 'Зеленскому', 'Зеленского', 'Зеленским', 'Зеленском']);
    expect(person('Зеленская')).toEqual(['Зеленская', 'Зеленской', 'Зеленской', 'Зеленскую', 'Зеленской', 'Зеленской']);
  });

  it('soft stems, -ий given names and masculine -а/-я names', () => {
    expect(person('Сергей')).toEqual(['Сергей', 'Сергея', 'Сергею', 'Сергея', 'Сергеем', 'Сергее']);
    expect(person('Дмитрий')).toEqual(['Дмитрий', 'Дмитрия', 'Дмитрию', 'Дмитрия', 'Дмитрием', 'Дмитрии']);
    expect(person('Игорь')).toEqual(['Игорь', 'Игоря', 'Игорю', 'Игоря', 'Игорем', 'Игоре']);
    expect(person('Небензя')).toEqual(['Небензя', 'Небензи', 'Небензе', 'Небензю', 'Небензей', 'Небензе']);
  });

  it('every word of a multi-word name takes the same case', () => {
    expect(declineRussian('Владимир Путин', { kind: 'person' })).toEqual({
      nominative: 'Владимир Путин',
      genitive: 'Владимира Путина',
      dative: 'Владимиру Путину',
      accusative: 'Владимира Путина',
      instrumental: 'Владимиром Путиным',
      prepositional: 'Владимире Путине',
    });
    expect(person('Мария Захарова')).toEqual(['Мария Захарова', 'Марии Захаровой', 'Марии Захаровой', 'Марию Захарову', 'Марией Захаровой', 'Марии Захаровой']);
  });

  it('indeclinable endings and non-Cyrillic words stay as they are', () => {
    expect(russianCaseForms('Шойгу', { kind: 'person' })).toEqual(['Шойгу']);
    expect(russianCaseForms('Рютте', { kind: 'person' })).toEqual(['Рютте']);
    expect(russianCaseForms('Рубио', { kind: 'person' })).toEqual(['Рубио']);
    expect(russianCaseForms('Trump', { kind: 'person' })).toEqual(['Trump']);
  });

  it('a woman with a consonant-final surname keeps it when the gender is given', () => {
    expect(person('Камала Харрис').length).toBe(6);
    expect(Object.values(declineRussian('Камала Харрис', { kind: 'person', gender: 'f' }))).toEqual(['Камала Харрис', 'Камалы Харрис', 'Камале Харрис', 'Камалу Харрис', 'Камалой Харрис', 'Камале Харрис']);
  });
});

describe('Russian place names decline by their ending', () => {
  it('first declension, with -и after velars', () => {
    expect(place('Аляска')).toEqual(['Аляска', 'Аляски', 'Аляске', 'Аляску', 'Аляской', 'Аляске']);
    expect(place('Женева')).toEqual(['Женева', 'Женевы', 'Женеве', 'Женеву', 'Женевой', 'Женеве']);
    expect(place('Россия')).toEqual(['Россия', 'России', 'России', 'Россию', 'Россией', 'России']);
  });

  it('consonant-final places are inanimate; -ем after sibilants', () => {
    expect(place('Анкоридж')).toEqual(['Анкоридж', 'Анкориджа', 'Анкориджу', 'Анкоридж', 'Анкориджем', 'Анкоридже']);
    expect(place('Гамбург')).toEqual(['Гамбург', 'Гамбурга', 'Гамбургу', 'Гамбург', 'Гамбургом', 'Гамбурге']);
    expect(place('Кремль')).toEqual(['Кремль', 'Кремля', 'Кремлю', 'Кремль', 'Кремлем', 'Кремле']);
    expect(place('Пермь')).toEqual(['Пермь', 'Перми', 'Перми', 'Пермь', 'Пермью', 'Перми']);
  });

  it('indeclinable places, hyphenated and adjective + noun places', () => {
    expect(russianCaseForms('Хельсинки', { kind: 'place' })).toEqual(['Хельсинки']);
    expect(place('Нью-Йорк')).toEqual(['Нью-Йорк', 'Нью-Йорка', 'Нью-Йорку', 'Нью-Йорк', 'Нью-Йорком', 'Нью-Йорке']);
    expect(place('Белый дом')).toEqual(['Белый дом', 'Белого дома', 'Белому дому', 'Белый дом', 'Белым домом', 'Белом доме']);
    expect(place('Красная площадь')).toEqual(['Красная площадь', 'Красной площади', 'Красной площади', 'Красную площадь', 'Красной площадью', 'Красной площади']);
  });

  it('distinct forms, nominative first', () => {
    expect(russianCaseForms('Аляска', { kind: 'place' })).toEqual(['Аляска', 'Аляски', 'Аляске', 'Аляску', 'Аляской']);
  });
});
