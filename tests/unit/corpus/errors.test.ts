import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../../src/corpus/decode';
import { CorpusError } from '../../../src/corpus/errors';
import { loadGazetteer } from '../../../src/corpus/gazetteer';
import { buildIndex } from '../../../src/corpus/pipeline';
import { decodeBundle } from '../../../src/schema/index-bundle';
import { ROOT, bytes, readInput, realGazetteer, realIndex } from './corpus-fixture';

function errorOf(fn: () => unknown): CorpusError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CorpusError) return e;
    throw e;
  }
  throw new Error('expected a CorpusError');
}

describe('broken articles', () => {
  it('invalid UTF-8 names the file and the line of the first bad byte', () => {
    const good = bytes('Dòng một.\nDòng hai.\nDòng ba có lỗi: ');
    const bad = new Uint8Array([...good, 0xc3, 0x28, ...bytes(' tiếp.\n')]);
    const e = errorOf(() => buildIndex([{ file: 'bad/utf8.txt', bytes: bad }], realGazetteer()));
    expect(e.message).toMatch(/^bad\/utf8\.txt:3: not valid UTF-8/);
    expect(e.line).toBe(3);
  });

  it('a truncated multi-byte sequence at the end is caught too', () => {
    const e = errorOf(() => decodeInput({ file: 't.txt', bytes: new Uint8Array([...bytes('a\nb\n'), 0xe1, 0xba]) }));
    expect(e.message).toBe('t.txt:3: not valid UTF-8 (byte offset 4)');
  });

  it('an empty file', () => {
    expect(errorOf(() => decodeInput({ file: 'e.txt', bytes: new Uint8Array() })).message).toBe('e.txt:1: empty file');
    expect(errorOf(() => decodeInput({ file: 'w.txt', bytes: bytes('  \n\n') })).message).toMatch(/^w\.txt:1: empty/);
  });

  it('a binary file names the line of the first NUL byte', () => {
    const e = errorOf(() => decodeInput({ file: 'b.bin', bytes: new Uint8Array([...bytes('x\ny\n'), 0, 1, 2]) }));
    expect(e.message).toBe('b.bin:3: binary file (NUL byte)');
  });

  it('a page that is nothing but furniture', () => {
    const e = errorOf(() => buildIndex([{ file: 'f.txt', bytes: bytes('Tin bài liên quan\nMột tiêu đề\nHai tiêu đề') }], realGazetteer()));
    expect(e.message).toMatch(/^f\.txt:1: no article text/);
  });
});

describe('broken gazetteer', () => {
  const people = readInput('data/gazetteer/people.json');
  const offices = readInput('data/gazetteer/offices.json');
  const summitsText = readFileSync(join(ROOT, 'data/gazetteer/summits.json'), 'utf8');
  const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

  it('an unknown person id in a summit names the line of the participant', () => {
    const text = summitsText.replace('"participants": ["biden", "putin"]', '"participants": ["biden", "putn"]');
    const e = errorOf(() => loadGazetteer(people, { file: 'g/summits.json', bytes: bytes(text) }, offices));
    expect(e.message).toBe(`g/summits.json:${lineOf(text, '"putn"')}: unknown person id "putn" in summit "geneva-2021"`);
  });

  it('an impossible date', () => {
    const text = summitsText.replace('"date": "2021-06-16"', '"date": "2021-02-30"');
    const e = errorOf(() => loadGazetteer(people, { file: 's.json', bytes: bytes(text) }, offices));
    expect(e.message).toBe(`s.json:${lineOf(text, '"2021-02-30"')}: invalid date in "date": "2021-02-30"`);
  });

  it('a duplicate id names the line of the second entry', () => {
    const text = summitsText.replace('"id": "geneva-2021"', '"id": "alaska-2025"');
    const e = errorOf(() => loadGazetteer(people, { file: 's.json', bytes: bytes(text) }, offices));
    expect(e.message).toMatch(/^s\.json:\d+: duplicate id "alaska-2025"$/);
    const second = text.indexOf('"id": "alaska-2025"', text.indexOf('"id": "alaska-2025"') + 1);
    expect(e.line).toBe(text.slice(0, second).split('\n').length - 1);
  });

  it('a missing field', () => {
    const text = summitsText.replace('"city": "Geneva",', '');
    const e = errorOf(() => loadGazetteer(people, { file: 's.json', bytes: bytes(text) }, offices));
    expect(e.message).toBe(`s.json:${lineOf(text, '"id": "geneva-2021"') - 1}: missing or empty field "city"`);
  });

  const genevaPlace = '"place": { "vi": "Biệt thự La Grange, Geneva, Thụy Sĩ", "en": "Villa La Grange, Geneva, Switzerland", "ru": "Вилла Ла Гранж, Женева, Швейцария" },';
  const withSummits = (text: string) => errorOf(() => loadGazetteer(people, { file: 's.json', bytes: bytes(text) }, offices)).message;

  it('a summit without its place, or with it in Vietnamese only (the older form), names the summit’s or the place’s line', () => {
    expect(summitsText).toContain(genevaPlace);
    const missing = summitsText.replace(genevaPlace, '');
    expect(withSummits(missing)).toBe(`s.json:${lineOf(missing, '"id": "geneva-2021"') - 1}: "place" of summit "geneva-2021" must give it in each language: { "vi": …, "en": …, "ru": … }`);
    const older = summitsText.replace(genevaPlace, '"place": "Biệt thự La Grange, Geneva, Thụy Sĩ",');
    expect(withSummits(older)).toBe(`s.json:${lineOf(older, '"place": "Biệt thự')}: "place" of summit "geneva-2021" must give it in each language: { "vi": …, "en": …, "ru": … }`);
  });

  it('a place without its Russian, or with an empty English, names the language', () => {
    const noRussian = summitsText.replace(genevaPlace, genevaPlace.replace(', "ru": "Вилла Ла Гранж, Женева, Швейцария"', ''));
    expect(withSummits(noRussian)).toBe(`s.json:${lineOf(noRussian, '"place": { "vi": "Biệt thự La Grange')}: missing or empty field "ru"`);
    const emptyEnglish = summitsText.replace(genevaPlace, genevaPlace.replace('"Villa La Grange, Geneva, Switzerland"', '" "'));
    expect(withSummits(emptyEnglish)).toBe(`s.json:${lineOf(emptyEnglish, '"place": { "vi": "Biệt thự La Grange')}: missing or empty field "en"`);
  });

  it('every summit’s place in Vietnamese, English and Russian reaches the index; `place` stays the Vietnamese one', () => {
    const helsinki = realGazetteer().summits.find((s) => s.id === 'helsinki-2018')!;
    expect([helsinki.place, helsinki.placeNames]).toEqual([
      'Phủ Tổng thống, Helsinki, Phần Lan',
      { vi: 'Phủ Tổng thống, Helsinki, Phần Lan', en: 'Presidential Palace, Helsinki, Finland', ru: 'Президентский дворец, Хельсинки, Финляндия' },
    ]);
    for (const s of realGazetteer().summits) {
      expect(s.placeNames!.vi).toBe(s.place);
      // Each language in its own script: no Vietnamese left in the English or Russian place.
      expect(s.placeNames!.en).not.toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
      expect(s.placeNames!.ru).toMatch(/[а-яё]/i);
    }
  });

  it('a summit without an outcome field (null is how to say none is known)', () => {
    const text = summitsText.replace(/,\n\s*"outcome": null\n/, '\n');
    const e = errorOf(() => loadGazetteer(people, { file: 's.json', bytes: bytes(text) }, offices));
    expect(e.message).toMatch(/^s\.json:\d+: missing field "outcome" \(null when unknown\)$/);
  });

  it('invalid JSON names the line', () => {
    const e = errorOf(() => loadGazetteer({ file: 'p.json', bytes: bytes('{\n  "people": [\n    {,}\n  ]\n}') }, readInput('data/gazetteer/summits.json'), offices));
    expect(e.message).toMatch(/^p\.json:3: invalid JSON/);
  });
});

describe('broken offices and terms', () => {
  const summits = readInput('data/gazetteer/summits.json');
  const peopleText = readFileSync(join(ROOT, 'data/gazetteer/people.json'), 'utf8');
  const officesText = readFileSync(join(ROOT, 'data/gazetteer/offices.json'), 'utf8');
  const offices = readInput('data/gazetteer/offices.json');
  const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
  const withPeople = (text: string) => errorOf(() => loadGazetteer({ file: 'p.json', bytes: bytes(text) }, summits, offices));
  const withOffices = (text: string) => errorOf(() => loadGazetteer(readInput('data/gazetteer/people.json'), summits, { file: 'o.json', bytes: bytes(text) }));
  const rubioTerm = '{ "office": "us-secretary-of-state", "from": "2025-01-21", "to": null }';

  it('a term in an office that does not exist', () => {
    const text = peopleText.replace(rubioTerm, rubioTerm.replace('us-secretary-of-state', 'us-secretary-of-stat'));
    expect(withPeople(text).message).toBe(`p.json:${lineOf(text, '"us-secretary-of-stat"')}: unknown office "us-secretary-of-stat"`);
  });

  it('a term that ends before it starts, and an impossible day', () => {
    const backwards = peopleText.replace(rubioTerm, rubioTerm.replace('null', '"2024-12-31"'));
    expect(withPeople(backwards).message).toBe(`p.json:${lineOf(backwards, '"2024-12-31"')}: term in "us-secretary-of-state" ends (2024-12-31) before it starts (2025-01-21)`);
    const impossible = peopleText.replace(rubioTerm, rubioTerm.replace('2025-01-21', '2025-02-29'));
    expect(withPeople(impossible).message).toBe(`p.json:${lineOf(impossible, '"2025-02-29"')}: invalid date in "from": "2025-02-29"`);
  });

  it('two people in one office at once names the later term', () => {
    const text = peopleText.replace(rubioTerm, rubioTerm.replace('2025-01-21', '2024-12-01'));
    expect(withPeople(text).message).toBe(
      `p.json:${lineOf(text, '"2024-12-01"')}: overlapping terms in "us-secretary-of-state": "blinken" (2021-01-26–2025-01-20) and "rubio" (from 2024-12-01)`,
    );
  });

  it('a shared office may have several holders, but not the same person twice at once', () => {
    const envoy = '{ "office": "us-special-envoy", "from": "2025-01-20", "to": null }';
    const twice = peopleText.replace(envoy, `${envoy},\n        { "office": "us-special-envoy", "from": "2025-03-01", "to": null }`);
    expect(withPeople(twice).message).toMatch(/^p\.json:\d+: overlapping terms in "us-special-envoy": "witkoff" twice$/);
  });

  it('one phrase for two offices', () => {
    const text = officesText.replace('{"form": "Ngoại trưởng Nga", "lang": "vi"}', '{"form": "ngoại trưởng  Mỹ", "lang": "vi"}');
    expect(withOffices(text).message).toBe(`o.json:${lineOf(text, '"ngoại trưởng  Mỹ"')}: form "ngoại trưởng  Mỹ" of "ru-foreign-minister" already names "us-secretary-of-state"`);
  });

  it('an office without a phrase in one of the languages, or without its country in the id', () => {
    const noRu = officesText.replace(/,\n\s*\{"form": "генсек НАТО", "lang": "ru"\}(,\n\s*\{"form": "[^"]*", "lang": "ru"\})*/, '');
    expect(withOffices(noRu).message).toBe(`o.json:${lineOf(noRu, '"id": "nato-secretary-general"') - 1}: office "nato-secretary-general" has no ru form`);
    const bareId = officesText.replace('"id": "us-president"', '"id": "president"');
    expect(withOffices(bareId).message).toBe(`o.json:${lineOf(bareId, '"id": "president"') - 1}: office id "president" must start with its country or body, e.g. "us-president"`);
  });
});

describe('build script', () => {
  const run = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/build-index.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });

  it('writes nothing and exits 1 when an input is broken', () => {
    const dir = mkdtempSync(join(tmpdir(), 'summit-corpus-'));
    cpSync(join(ROOT, 'data/corpus'), join(dir, 'corpus'), { recursive: true });
    writeFileSync(join(dir, 'corpus', 'zzz_broken.txt'), new Uint8Array([...bytes('Một dòng.\n'), 0xff, 0xfe]));
    const out = join(dir, 'out', 'summit-index.jsonl');
    const result = run(['--corpus', join(dir, 'corpus'), '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('zzz_broken.txt:2: not valid UTF-8');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('writes the index when every input is sound', () => {
    const dir = mkdtempSync(join(tmpdir(), 'summit-out-'));
    const out = join(dir, 'summit-index.jsonl');
    const result = run(['--out', out]);
    expect(result.status).toBe(0);
    const index = decodeBundle(readFileSync(out, 'utf8'), out);
    expect(index.documents).toHaveLength(5);
    expect(index.quotes).toHaveLength(43);
    expect(index).toEqual(realIndex());
  });
});
