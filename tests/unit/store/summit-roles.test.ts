import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../../src/corpus/gazetteer';
import { counterpartsAt, metAt, officesOn } from '../../../src/store/summit-roles';
import { readInput } from '../corpus/corpus-fixture';

const gazetteer = loadGazetteer(readInput('data/gazetteer/people.json'), readInput('data/gazetteer/summits.json'), readInput('data/gazetteer/offices.json'));
const offices = new Map(gazetteer.offices.map((o) => [o.id, o]));
const person = (id: string) => gazetteer.people.find((p) => p.id === id)!;
const summit = (id: string) => gazetteer.summits.find((s) => s.id === id)!;
const newestFirst = [...gazetteer.summits].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
const titles = (id: string, day: string) => officesOn(person(id), day, offices).map((o) => o.title.en);

describe('offices held on a summit day (real gazetteer)', () => {
  it('the office of the day, not of today', () => {
    expect(titles('putin', summit('geneva-2021').date)).toEqual(['President of Russia']);
    expect(titles('putin', '2010-04-08')).toEqual(['Prime Minister of Russia']);
    expect(titles('biden', summit('geneva-2021').date)).toEqual(['President of the United States']);
    expect(titles('biden', '2015-01-01')).toEqual(['Vice President of the United States']);
    expect(titles('gorbachev', summit('malta-1989').date)).toEqual(['General Secretary of the CPSU']);
  });

  it('every office held that day, heads of state or government first', () => {
    expect(titles('gorbachev', summit('moscow-1991').date)).toEqual(['General Secretary of the CPSU', 'President of the Soviet Union']);
    expect(titles('rubio', summit('alaska-2025').date)).toEqual(['US Secretary of State', 'US National Security Adviser']);
    expect(titles('lavrov', summit('alaska-2025').date)).toEqual(['Foreign Minister of Russia']);
  });

  it('none before a first term or after the last', () => {
    expect(titles('trump', summit('geneva-2021').date)).toEqual([]);
    expect(titles('rubio', summit('helsinki-2018').date)).toEqual([]);
  });
});

describe('counterparts at a summit (real gazetteer)', () => {
  const at = (who: string, where: string) => {
    const s = summit(where);
    return counterpartsAt(person(who), s, s.participants.map(person), offices);
  };

  it('a leader listed at the summit: the other side’s leader there', () => {
    expect(at('putin', 'geneva-2021')).toEqual(['biden']);
    expect(at('biden', 'geneva-2021')).toEqual(['putin']);
    expect(at('putin', 'alaska-2025')).toEqual(['trump']);
    expect(at('gorbachev', 'malta-1989')).toEqual(['bush-ghw']);
    expect(at('brezhnev', 'vladivostok-1974')).toEqual(['ford']);
  });

  it('someone the summits table does not list: none, never guessed', () => {
    expect(at('lavrov', 'alaska-2025')).toEqual([]);
    expect(at('trump', 'geneva-2021')).toEqual([]);
  });
});

describe('who met whom at summits (real summits table, newest first)', () => {
  it('Putin met Trump 5 times, Biden once, Bush 3 times', () => {
    const met = metAt('putin', newestFirst);
    expect(met).toEqual([
      { person: 'trump', summits: ['alaska-2025', 'osaka-2019', 'helsinki-2018', 'danang-2017', 'hamburg-2017'] },
      { person: 'biden', summits: ['geneva-2021'] },
      { person: 'bush-gw', summits: ['bratislava-2005', 'moscow-2002', 'ljubljana-2001'] },
    ]);
  });

  it('Reagan met Gorbachev 4 times; someone at no summit met nobody', () => {
    expect(metAt('reagan', newestFirst)).toEqual([{ person: 'gorbachev', summits: ['moscow-1988', 'washington-1987', 'reykjavik-1986', 'geneva-1985'] }]);
    expect(metAt('lavrov', newestFirst)).toEqual([]);
  });
});
