import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../../src/corpus/gazetteer';
import { BundleError } from '../../../src/schema/index-bundle';
import { bundleFromText } from '../../../src/store/bundle-source';
import { bundleOffices } from '../../../src/store/offices';
import { readInput } from '../corpus/corpus-fixture';
import { bundleText, makeIndex } from './fixture';

const { offices } = loadGazetteer(readInput('data/gazetteer/people.json'), readInput('data/gazetteer/summits.json'), readInput('data/gazetteer/offices.json'));
const text = bundleText({ ...makeIndex(), offices }, 'h1');

describe('offices from the bundle', () => {
  it('reads every office, in small chunks that cut lines anywhere', async () => {
    const read = await bundleOffices(bundleFromText(text, 'summit-index.jsonl', 97).text());
    expect(read.map((o) => o.id)).toEqual(offices.map((o) => o.id));
    expect(read.find((o) => o.id === 'ru-foreign-minister')?.title).toEqual({ vi: 'Ngoại trưởng Nga', en: 'Foreign Minister of Russia' });
  });

  it('stops at the first document: a bundle cut short after it still gives the offices', async () => {
    const cut = text.slice(0, text.indexOf('\n', text.indexOf('["document"')) + 1);
    expect((await bundleOffices(bundleFromText(cut).text())).length).toBe(offices.length);
  });

  it('a broken line before the documents is an error naming file and line', async () => {
    const broken = text.replace('["office",', '["office" ');
    const line = broken.slice(0, broken.indexOf('["office" ')).split('\n').length;
    await expect(bundleOffices(bundleFromText(broken, 'b.jsonl').text(), 'b.jsonl')).rejects.toThrow(BundleError);
    await expect(bundleOffices(bundleFromText(broken, 'b.jsonl').text(), 'b.jsonl')).rejects.toThrow(`b.jsonl:${line}`);
  });
});
