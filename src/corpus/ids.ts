/**
 * Stable identifiers. A document is named by its file; a quote by its
 * document and a hash of its words, so editing one paragraph does not rename
 * the quotes of another (an offset-based id would).
 */
export function documentId(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9_-]+/g, '-');
}

export function quoteIds(docId: string, texts: string[]): string[] {
  const seen = new Map<string, number>();
  return texts.map((t) => {
    const h = fnv1a(t);
    const n = seen.get(h) ?? 0;
    seen.set(h, n + 1);
    return n === 0 ? `${docId}:${h}` : `${docId}:${h}-${n + 1}`;
  });
}

/** 32-bit FNV-1a over UTF-16 code units, base 36. */
export function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
