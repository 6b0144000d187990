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
  const summitsText = readFileSync(join(ROOT, 'data/gazetteer/summits.json'), 'utf8');
  const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

  it('an unknown person id in a summit names the line of the participant', () => {
    const text = summitsText.replace('"participants": ["biden", "putin"]', '"participants": ["biden", "putn"]');
    const e = errorOf(() => loadGazetteer(people, { file: 'g/summits.json', bytes: bytes(text) }));
    expect(e.message).toBe(`g/summits.json:${lineOf(text, '"putn"')}: unknown person id "putn" in summit "geneva-2021"`);
  });

  it('an impossible date', () => {
    const text = summitsText.replace('"date": "2021-06-16"', '"date": "2021-02-30"');
    const e = errorOf(() => loadGazetteer(people, { file: 's.json', bytes: bytes(text) }));
    expect(e.message).toBe(`s.json:${lineOf(text, '"2021-02-30"')}: invalid date in "date": "2021-02-30"`);
  });

  it('a duplicate id names the line of the second entry', () => {
    const text = summitsText.replace('"id": "geneva-2021"', '"id": "alaska-2025"');
    const e = errorOf(() => loadGazetteer(people, { file: 's.json', bytes: bytes(text) }));
    expect(e.message).toMatch(/^s\.json:\d+: duplicate id "alaska-2025"$/);
    const second = text.indexOf('"id": "alaska-2025"', text.indexOf('"id": "alaska-2025"') + 1);
    expect(e.line).toBe(text.slice(0, second).split('\n').length - 1);
  });

  it('a missing field', () => {
    const text = summitsText.replace('"place": "Biệt thự La Grange, Geneva, Thụy Sĩ",', '');
    const e = errorOf(() => loadGazetteer(people, { file: 's.json', bytes: bytes(text) }));
    expect(e.message).toBe(`s.json:${lineOf(text, '"id": "geneva-2021"') - 1}: missing or empty field "place"`);
  });

  it('invalid JSON names the line', () => {
    const e = errorOf(() => loadGazetteer({ file: 'p.json', bytes: bytes('{\n  "people": [\n    {,}\n  ]\n}') }, people));
    expect(e.message).toMatch(/^p\.json:3: invalid JSON/);
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
