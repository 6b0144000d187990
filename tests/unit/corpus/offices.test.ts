import { describe, expect, it } from 'vitest';
import { holderOn, holdersOn, OfficeFinder, Offices, officesOf } from '../../../src/corpus/offices';
import type { Office, Person } from '../../../src/schema/index-schema';
import { realGazetteer } from './corpus-fixture';

const g = realGazetteer();
const offices = officesOf(g);
const holder = (office: string, day: string) => offices.holderOn(office, day)?.id ?? null;
const roleOn = (phrase: string, day: string) => {
  const office = offices.finder.officeByForm(phrase);
  return office ? holder(office.id, day) : null;
};

describe('who held an office on a day', () => {
  it('resolves the US secretary of state across four holders', () => {
    expect(roleOn('Ngoại trưởng Mỹ', '2025-08-15')).toBe('rubio');
    expect(roleOn('Ngoại trưởng Mỹ', '2021-06-16')).toBe('blinken');
    expect(roleOn('Ngoại trưởng Mỹ', '2018-07-16')).toBe('pompeo');
    expect(roleOn('госсекретарь США', '2017-07-07')).toBe('tillerson');
    expect(roleOn('Secretary of State', '2016-05-01')).toBe('kerry');
  });

  it('names the Kremlin spokesman in any language', () => {
    expect(roleOn('Người phát ngôn Điện Kremlin', '2017-07-07')).toBe('peskov');
    expect(roleOn('Kremlin spokesman', '2021-06-15')).toBe('peskov');
    expect(roleOn('пресс-секретарь президента РФ', '2025-08-14')).toBe('peskov');
  });

  it('gives a handover day to the successor and the day before to the predecessor', () => {
    expect(holder('us-president', '2025-01-19')).toBe('biden');
    expect(holder('us-president', '2025-01-20')).toBe('trump');
    expect(holder('us-president', '2017-01-20')).toBe('trump');
    expect(holder('us-press-secretary', '2019-07-01')).toBe('grisham');
    expect(holder('ru-president', '2012-05-07')).toBe('putin');
    expect(holder('ru-president', '2012-05-06')).toBe('medvedev');
  });

  it('follows one person through several offices', () => {
    expect(holder('us-national-security-adviser', '2025-08-14')).toBe('rubio');
    expect(holder('us-national-security-adviser', '2025-03-01')).toBe('waltz');
    expect(holder('ru-prime-minister', '2015-01-01')).toBe('medvedev');
    expect(holder('ru-security-council-deputy-chair', '2025-08-16')).toBe('medvedev');
    expect(holder('ch-president', '2021-06-16')).toBe('parmelin');
    expect(holder('ch-president', '2025-08-15')).toBe('keller-sutter');
  });

  it('knows no one for a vacancy, a day before the records, or an unknown office', () => {
    // Tillerson left on 31 March 2018, Pompeo came on 26 April.
    expect(holder('us-secretary-of-state', '2018-04-10')).toBeNull();
    expect(holder('us-press-secretary', '2017-07-24')).toBeNull();
    expect(holder('ru-kremlin-spokesperson', '2010-01-01')).toBeNull();
    expect(holder('us-ambassador-to-mars', '2025-08-15')).toBeNull();
    expect(offices.holdersOn('us-ambassador-to-mars', '2025-08-15')).toEqual([]);
  });

  it('names nobody from a shared office, but lists who held it then', () => {
    expect(holder('us-special-envoy', '2025-08-15')).toBeNull();
    expect(offices.holdersOn('us-special-envoy', '2025-08-15').map((p) => p.id)).toEqual(['witkoff', 'kellogg']);
    expect(holder('us-middle-east-envoy', '2025-08-15')).toBe('witkoff');
    expect(holder('ru-deputy-foreign-minister', '2025-08-15')).toBeNull();
    expect(offices.holdersOn('ru-presidential-aide', '2019-01-01').map((p) => p.id)).toEqual(['ushakov']);
    expect(holder('ru-foreign-policy-aide', '2025-08-16')).toBe('ushakov');
  });

  it('is built once per gazetteer', () => {
    expect(officesOf(g)).toBe(offices);
    expect(officesOf({ ...g })).not.toBe(offices);
    expect(new Offices(g.offices, g.people).holderOn('us-president', '2021-06-16')?.id).toBe('biden');
  });

  it('the plain function sees only terms: two holders at once is no answer', () => {
    const person = (id: string, from: string, to: string | null): Person => ({
      id, name: id, aliases: [], names: [], role: '', roleEn: '', country: 'XX', terms: [{ office: 'xx-chair', from, to }],
    });
    const two = [person('a', '2020-01-01', null), person('b', '2021-01-01', null)];
    expect(holderOn('xx-chair', '2020-06-01', two)?.id).toBe('a');
    expect(holderOn('xx-chair', '2021-06-01', two)).toBeNull();
    expect(holdersOn('xx-chair', '2021-06-01', two).map((p) => p.id)).toEqual(['a', 'b']);
  });
});

describe('finding role phrases', () => {
  const found = (text: string) => offices.find(text).map((m) => [m.text, m.office.id]);

  it('takes the longest form, whatever the case and spacing', () => {
    expect(found('Phó Tổng thống Mỹ JD Vance và Tổng thống Mỹ Donald Trump')).toEqual([
      ['Phó Tổng thống Mỹ', 'us-vice-president'],
      ['Tổng thống Mỹ', 'us-president'],
    ]);
    expect(found('như lời ngoại trưởng  mỹ hôm qua')).toEqual([['ngoại trưởng  mỹ', 'us-secretary-of-state']]);
    expect(found('Chánh Văn phòng Tổng thống Ukraine cho biết')).toEqual([['Chánh Văn phòng Tổng thống Ukraine', 'ua-presidential-office-head']]);
    expect(found('Trợ lý Điện Kremlin phụ trách chính sách đối ngoại cho biết')).toEqual([
      ['Trợ lý Điện Kremlin phụ trách chính sách đối ngoại', 'ru-foreign-policy-aide'],
    ]);
    expect(found('Trong khi đó, Trợ lý Điện Kremlin cho biết')).toEqual([['Trợ lý Điện Kremlin', 'ru-presidential-aide']]);
  });

  it('reads English and Russian, with offsets into the text', () => {
    const text = 'The U.S. Secretary of State told reporters; Как заявил пресс-секретарь президента России, «…»';
    const matches = offices.find(text);
    expect(matches.map((m) => [m.office.id, text.slice(m.start, m.end)])).toEqual([
      ['us-secretary-of-state', 'U.S. Secretary of State'],
      ['ru-kremlin-spokesperson', 'пресс-секретарь президента России'],
    ]);
    expect(found('Alaska\u00a0governor Mike Dunleavy')).toEqual([['Alaska\u00a0governor', 'us-alaska-governor']]);
    expect(found('“Allies are spending more,” NATO’s secretary general told reporters')).toEqual([['NATO’s secretary general', 'nato-secretary-general']]);
    expect(found("Russia's foreign minister said")).toEqual([["Russia's foreign minister", 'ru-foreign-minister']]);
  });

  it('does not match inside a longer word', () => {
    expect(found('NATO chiefs of staff')).toEqual([]);
    expect(found('президенты России и США')).toEqual([]);
  });

  it('answers a whole phrase or nothing', () => {
    expect(offices.finder.officeByForm('GOSSECRETARY')).toBeNull();
    expect(offices.finder.officeByForm('ГОССЕКРЕТАРЬ США')?.id).toBe('us-secretary-of-state');
    expect(offices.finder.officeByForm('Người phát ngôn Bộ Ngoại giao Nga')?.id).toBe('ru-mfa-spokesperson');
    expect(new OfficeFinder([]).find('Tổng thống Mỹ')).toEqual([]);
  });
});

describe('the gazetteer data', () => {
  const byId = new Map(g.people.map((p) => [p.id, p]));

  it('holds every speaker the development set labels, under the same ids', () => {
    const ids = 'putin trump peskov lavrov ushakov rubio biden leavitt tillerson witkoff dunleavy rutte zelensky zakharova merkel pompeo blinken spicer sybiha dmitriev medvedev parmelin merz sanders macron niinisto sullivan bolton hegseth ryabkov yermak vance starmer von-der-leyen stubb psaki siluanov mcmaster';
    expect(ids.split(' ').filter((id) => !byId.has(id))).toEqual([]);
    expect(g.people.length).toBe(70);
    expect(g.offices.length).toBe(35);
  });

  it('leaves out the people the development set keeps unknown', () => {
    const every = g.people.flatMap((p) => p.aliases).join('|');
    for (const name of ['Graham', 'Murkowski', 'Chris Murphy', 'Shaheen', 'Bacon', 'Flake', 'Meloni']) expect(every).not.toContain(name);
  });

  it('gives no bare surname to people whose surname names others too', () => {
    const shorts = (id: string) => byId.get(id)!.names.filter((n) => n.kind === 'short').map((n) => n.form);
    for (const id of ['sanders', 'sullivan', 'kerry', 'boris-johnson', 'theresa-may', 'austin', 'grisham', 'jean-pierre']) expect(shorts(id)).toEqual([]);
    expect(g.distractors).toEqual(expect.arrayContaining(['Bernie Sanders', 'Dan Sullivan', 'Melania Trump']));
  });

  it('gives every person a Latin and a Cyrillic name and at least one office', () => {
    const missing = g.people.filter((p) => !p.names.some((n) => n.lang === 'ru') || !p.names.some((n) => n.lang !== 'ru') || p.terms.length === 0);
    expect(missing.map((p) => p.id)).toEqual([]);
  });

  it('has a phrase in each language for every office, and a holder for each', () => {
    const held = new Set(g.people.flatMap((p) => p.terms.map((t) => t.office)));
    expect(g.offices.filter((o) => !held.has(o.id)).map((o) => o.id)).toEqual([]);
    const langs = (o: Office) => [...new Set(o.forms.map((f) => f.lang))].sort();
    expect(g.offices.filter((o) => langs(o).join() !== 'en,ru,vi').map((o) => o.id)).toEqual([]);
  });
});
