import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { connectStore, ensureSeeded, getCatalog } from '../../../src/store';
import { summitRef } from '../../../src/store/views';
import { realGazetteer } from '../corpus/corpus-fixture';
import { bundle, makeIndex, packedBundle } from './fixture';

const alaska = realGazetteer().summits.find((s) => s.id === 'alaska-2025')!;
const ALASKA_PLACES = {
  vi: 'Căn cứ Elmendorf-Richardson, Anchorage, Alaska, Mỹ',
  en: 'Joint Base Elmendorf-Richardson, Anchorage, Alaska, United States',
  ru: 'База Элмендорф-Ричардсон, Анкоридж, Аляска, США',
};

describe('summitRef: the place in each language', () => {
  it('carries the gazetteer’s places in a fresh object', () => {
    const record = { ...alaska, rank: 0 };
    const ref = summitRef(record);
    expect([ref.place, ref.placeNames]).toEqual([ALASKA_PLACES.vi, ALASKA_PLACES]);
    expect(ref.placeNames).not.toBe(record.placeNames);
  });

  it('a record of an index seeded before place names (it serves while the update seeds) gives its Vietnamese place in each language', () => {
    const { placeNames: _, ...older } = alaska;
    expect(summitRef({ ...older, rank: 0 }).placeNames).toEqual({ vi: ALASKA_PLACES.vi, en: ALASKA_PLACES.vi, ru: ALASKA_PLACES.vi });
  });
});

describe('the places through a seed', () => {
  // The store's fixture index with one summit as the gazetteer now gives it.
  const index = makeIndex();
  index.summits = index.summits.map((s) => (s.id === 'alaska-2025' ? { ...s, placeNames: ALASKA_PLACES } : s));

  it.each([
    ['derived on this machine from the bundle', () => bundle(index, 'P')],
    ['from the records packaged at build time', () => packedBundle(index, 'P')],
  ])('reach the catalog when the index is %s', async (_, source) => {
    const store = connectStore({ factory: new IDBFactory(), name: 'views' });
    expect((await ensureSeeded(store, await source())).outcome).toBe('seeded');
    const catalog = await getCatalog((await store.index())!);
    expect(catalog.summits.map((s) => [s.id, s.placeNames.en])).toEqual([
      ['alaska-2025', ALASKA_PLACES.en],
      ['geneva-2021', 'Geneva, CH'],
      ['helsinki-2018', 'Helsinki, FI'],
    ]);
  });
});
