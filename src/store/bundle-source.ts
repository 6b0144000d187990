import { BUNDLE_FILE, BundleError, parseHeader, type BundleHeader } from '../schema/index-bundle';

/**
 * The bundled index as seeding sees it: the header, read on every start to
 * decide whether to seed, and the whole text, read only when it must.
 */
export interface IndexBundle {
  file: string;
  header: BundleHeader;
  /** The bundle's text from its first line on, in chunks of any size; each call reads it afresh. */
  text(): AsyncIterable<string>;
  /**
   * The records derived from it at build time (`packed.ts`), when packaged:
   * a seed reads these instead of deriving them. Each call reads afresh.
   */
  records?(): AsyncIterable<Uint8Array>;
}

/** Bytes decoded at a time: a couple of milliseconds of work for Vietnamese text. */
const DECODE_BYTES = 64 * 1024;
/** A header is a few kB; a first line longer than this is not one. */
const MAX_HEADER_CHARS = 1 << 20;

/** UTF-8 bytes to text chunk by chunk; cancels the stream when the reader stops early. */
export async function* decodeStream(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // A packaged file can arrive as one chunk of many megabytes: decoding it whole would hold the thread.
      for (let at = 0; at < value.length; at += DECODE_BYTES) yield decoder.decode(value.subarray(at, at + DECODE_BYTES), { stream: true });
    }
    finished = true;
    const tail = decoder.decode();
    if (tail) yield tail;
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** Bytes handed on at a time: a packaged file can arrive as one chunk of many megabytes. */
const BYTE_CHUNK = 1 << 20;

/** A byte stream in chunks of at most `BYTE_CHUNK`; cancels the stream when the reader stops early. */
export async function* byteChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (let at = 0; at < value.length; at += BYTE_CHUNK) yield value.subarray(at, at + BYTE_CHUNK);
    }
    finished = true;
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** Reads up to the first newline only; the rest of the bundle is never decoded. */
export async function readHeader(chunks: AsyncIterable<string>, file: string): Promise<BundleHeader> {
  let head = '';
  for await (const chunk of chunks) {
    const end = chunk.indexOf('\n');
    if (end >= 0) return parseHeader(file, head + chunk.slice(0, end));
    head += chunk;
    if (head.length > MAX_HEADER_CHARS) throw new BundleError(file, 1, 'the first line is too long to be a header');
  }
  if (head.trim() === '') throw new BundleError(file, 1, 'the file is empty');
  return parseHeader(file, head);
}

/**
 * A bundle read from a byte stream (the packaged file); `open` is called once
 * per read, and so is `openRecords` for the records derived from it.
 */
export async function openBundle(open: () => Promise<ReadableStream<Uint8Array>>, file: string = BUNDLE_FILE, openRecords?: () => Promise<ReadableStream<Uint8Array>>): Promise<IndexBundle> {
  const header = await readHeader(decodeStream(await open()), file);
  const bundle: IndexBundle = {
    file,
    header,
    async *text() {
      yield* decodeStream(await open());
    },
  };
  if (openRecords) {
    bundle.records = async function* () {
      yield* byteChunks(await openRecords());
    };
  }
  return bundle;
}

async function* chunked(text: string, chunkChars: number): AsyncGenerator<string> {
  for (let at = 0; at < text.length; at += chunkChars) yield text.slice(at, at + chunkChars);
}

/** A bundle held as a string (tests, the benchmark in Node), served in chunks like a stream; `records` is its records file, if any. */
export function bundleFromText(text: string, file: string = BUNDLE_FILE, chunkChars = 64 * 1024, records?: Uint8Array): IndexBundle {
  const end = text.indexOf('\n');
  const bundle: IndexBundle = {
    file,
    header: parseHeader(file, end >= 0 ? text.slice(0, end) : text),
    text: () => chunked(text, chunkChars),
  };
  if (records !== undefined) {
    bundle.records = async function* () {
      for (let at = 0; at < records.length; at += chunkChars) yield records.subarray(at, at + chunkChars);
    };
  }
  return bundle;
}
