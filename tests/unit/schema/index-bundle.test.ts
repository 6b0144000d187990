import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BundleError, BundleReader, decodeBundle, encodeBundle, parseHeader } from '../../../src/schema/index-bundle';
import { bundleFromText, decodeStream, openBundle, readHeader } from '../../../src/store/bundle-source';
import { realIndex } from '../corpus/corpus-fixture';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A byte stream served in the given pieces, recording how much of it was pulled and whether it was cancelled. */
function byteStream(bytes: Uint8Array, piece: number) {
  const seen = { pulled: 0, cancelled: false };
  let at = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + piece));
      at += piece;
      seen.pulled = at;
    },
    cancel() {
      seen.cancelled = true;
    },
  }, { highWaterMark: 0 });
  return { stream, seen };
}

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

describe('the bundle format', () => {
  const index = realIndex();
  const text = encodeBundle(index, sha256);

  it('gives back the real corpus index exactly, whatever the chunk borders', () => {
    expect(decodeBundle(text)).toEqual(index);
    for (const size of [1, 7, 4096]) {
      const reader = new BundleReader();
      const kinds: string[] = [];
      for (let at = 0; at < text.length; at += size) for (const [kind] of reader.push(text.slice(at, at + size))) kinds.push(kind);
      expect(reader.finish().counts).toEqual({ documents: 5, people: 70, summits: 20, offices: 35, quotes: 43 });
      expect(kinds.length).toBe(173);
      expect(reader.line).toBe(174);
      expect(kinds.indexOf('office')).toBe(90);
    }
  });

  it('puts a hash of the whole content in the header line, changing with any record', () => {
    const header = parseHeader('x', text.slice(0, text.indexOf('\n')));
    expect(header.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(encodeBundle(index, sha256)).toBe(text);
    const reworded = { ...index, quotes: index.quotes.map((q, i) => (i === 10 ? { ...q, text: `${q.text}.` } : q)) };
    expect(parseHeader('x', encodeBundle(reworded, sha256).split('\n')[0]!).hash).not.toBe(header.hash);
    const moreDistractors = { ...index, distractors: [...index.distractors, 'Trump Jr'] };
    expect(parseHeader('x', encodeBundle(moreDistractors, sha256).split('\n')[0]!).hash).not.toBe(header.hash);
  });

  it('refuses what is not a bundle with the file and line', () => {
    const fails = (input: string) => {
      try {
        decodeBundle(input, 'public/summit-index.jsonl');
      } catch (error) {
        expect(error).toBeInstanceOf(BundleError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(fails('')).toBe('public/summit-index.jsonl:1: the file is empty');
    expect(fails(`${JSON.stringify(index)}\n`)).toBe('public/summit-index.jsonl:1: not a Summit Lens index (the first line must be a header with format "summit-lens/index-lines")');
    const lines = text.split('\n');
    expect(fails([...lines.slice(0, 3), '["speech",{"id":"x"}]', ...lines.slice(3)].join('\n'))).toBe(
      'public/summit-index.jsonl:4: a record line must be ["document" | "person" | "summit" | "office" | "quote", {…}]',
    );
    const office = lines.findIndex((l) => l.startsWith('["office",{"id":"ru-kremlin-spokesperson"'));
    expect(fails(lines.map((l, i) => (i === office ? l.replace('"shared":false', '"shared":"no"') : l)).join('\n'))).toBe(
      `public/summit-index.jsonl:${office + 1}: office "ru-kremlin-spokesperson" has no valid "shared"`,
    );
    expect(fails(lines.filter((_, i) => i !== office).join('\n'))).toMatch(/^public\/summit-index\.jsonl:\d+: the header promises 35 offices but the file holds 34/);
    const person = lines.findIndex((l) => l.startsWith('["person",{"id":"lavrov"'));
    expect(fails(lines.map((l, i) => (i === person ? l.replace('"names":[', '"names":{"x":[').replace('],"role"', ']},"role"') : l)).join('\n'))).toBe(
      `public/summit-index.jsonl:${person + 1}: person "lavrov" has no valid "names"`,
    );
  });
});

describe('a bundle from before offices', () => {
  it('is refused with the way out, not read as an index without offices', () => {
    const text = encodeBundle(realIndex(), sha256);
    const header = JSON.parse(text.slice(0, text.indexOf('\n'))) as { counts: Record<string, number> };
    const { offices: _offices, ...oldCounts } = header.counts;
    const old = [JSON.stringify({ ...header, counts: oldCounts }), ...text.split('\n').slice(1).filter((l) => !l.startsWith('["office",'))].join('\n');
    expect(() => decodeBundle(old, 'summit-index.jsonl')).toThrow(
      'summit-index.jsonl:1: header counts have no "offices": the bundle was built by an older version; rebuild it (npm run index)',
    );
  });
});

describe('reading the bundle from a stream', () => {
  const text = encodeBundle(realIndex(), sha256);
  const bytes = new TextEncoder().encode(text);

  it('decodes UTF-8 split anywhere, even inside a Vietnamese letter', async () => {
    const { stream } = byteStream(bytes, 3);
    expect(await collect(decodeStream(stream))).toBe(text);
  });

  it('reads the header line and cancels the rest of the stream', async () => {
    const { stream, seen } = byteStream(bytes, 512);
    const header = await readHeader(decodeStream(stream), 'summit-index.jsonl');
    expect(header.counts.quotes).toBe(43);
    expect(seen.cancelled).toBe(true);
    expect(seen.pulled).toBeLessThan(text.indexOf('\n') + 1024);
  });

  it('opens the file again for the body, from its first line', async () => {
    let opened = 0;
    const bundle = await openBundle(async () => {
      opened++;
      return byteStream(bytes, 4096).stream;
    });
    expect(opened).toBe(1);
    expect(await collect(bundle.text())).toBe(text);
    expect(opened).toBe(2);
  });

  it('fails on bytes that are not UTF-8', async () => {
    const broken = new Uint8Array([...bytes.slice(0, 100), 0xff, 0xfe, ...bytes.slice(100)]);
    await expect(collect(decodeStream(byteStream(broken, 64).stream))).rejects.toThrow(TypeError);
  });

  it('serves a string bundle in chunks', async () => {
    const bundle = bundleFromText(text, 'summit-index.jsonl', 1000);
    let chunks = 0;
    for await (const chunk of bundle.text()) {
      expect(chunk.length).toBeLessThanOrEqual(1000);
      chunks++;
    }
    expect(chunks).toBe(Math.ceil(text.length / 1000));
    expect(bundle.header.hash).toBe(sha256(`${JSON.stringify([1, realIndex().distractors])}\n${text.split('\n').slice(1, -1).join('\n')}`));
  });
});
