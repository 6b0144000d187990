import type { Lexicon } from '../schema/lexicon';
import { Folder, foldForm, wordAt, wordBefore } from './normalize';

/**
 * One Aho–Corasick automaton over the folded forms of a lexicon, compiled to a
 * dense DFA: characters are first mapped to a small alphabet of the code
 * units that occur in some form (everything else is class 0), so a scan step
 * is two typed-array reads whatever the script of the page.
 */

/** A match in original offsets. `entryIndex` indexes `lexicon.entries`; a distractor is `-1 - k` for `lexicon.distractors[k]`. */
export interface Hit {
  start: number;
  end: number;
  entryIndex: number;
}

export function distractorOf(hit: Hit): number {
  return -1 - hit.entryIndex;
}

/** Not -1: that is the code of distractor 0. */
const NO = -0x80000000;
const SPACE = 0x20;
const SCAN_LIMIT = 256;
const TLDS = new Set(['com', 'net', 'org', 'gov', 'edu', 'info', 'io', 'ru', 'vn', 'uk', 'us', 'co', 'de', 'fr', 'tv', 'me', 'news']);

function lowerAscii(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

/**
 * A hit inside a URL or e-mail address shown as text is a link, not a
 * mention. The whitespace-delimited token around the hit (bounded, so a page
 * of unbroken text stays linear) is a URL when it has `://`, `www.`, `@` or a
 * common top-level domain right after a dot (`trump.com`, but not
 * `Putin.Ông` from a missing space).
 */
export function insideUrl(units: ArrayLike<number>, n: number, start: number, end: number): boolean {
  let a = start;
  while (a > 0 && start - a < SCAN_LIMIT && units[a - 1] !== SPACE) a--;
  let b = end;
  while (b < n && b - end < SCAN_LIMIT && units[b] !== SPACE) b++;
  for (let i = a; i < b; i++) {
    const c = units[i]!;
    if (c === 0x40) return true;
    if (c === 0x3a && i + 2 < b && units[i + 1] === 0x2f && units[i + 2] === 0x2f) return true;
    if (c === 0x77 && i + 3 < b && units[i + 1] === 0x77 && units[i + 2] === 0x77 && units[i + 3] === 0x2e && (i === a || !wordBefore(units, i))) return true;
    if (c === 0x2e) {
      let j = i + 1;
      let tld = '';
      while (j < b && lowerAscii(units[j]!) && j - i <= 5) tld += String.fromCharCode(units[j++]!);
      if (TLDS.has(tld) && (j === b || !wordAt(units, j, b))) return true;
    }
  }
  return false;
}

export interface Matcher {
  /** Entity and distractor hits, leftmost-longest, whole words, URLs excluded. */
  scan(text: string): Hit[];
  /**
   * `scan` plus, when `aux` is given, every whole-word occurrence of an
   * auxiliary form (cue words, years) as triples `auxIndex, start, end`;
   * auxiliary forms never compete with entity hits.
   */
  scanInto(text: string, hits: Hit[], aux: number[] | null): void;
  /** Every entry index whose form folds to the same string as this one's (Geneva of 1985 and of 2021). */
  alternatives(entryIndex: number): readonly number[];
  readonly states: number;
  readonly classes: number;
}

class Compiled implements Matcher {
  private readonly folder = new Folder();
  private candStart = new Int32Array(64);
  private candEnd = new Int32Array(64);
  private candPat = new Int32Array(64);

  constructor(
    private readonly cls: Uint16Array,
    private readonly delta: Uint16Array | Uint32Array,
    readonly classes: number,
    readonly states: number,
    /** Pattern of a terminal state (first entry index, or distractor code), or NO. */
    private readonly pat: Int32Array,
    private readonly auxOf: Int32Array,
    private readonly depth: Uint16Array,
    /** First state with an output on the suffix chain, self included; 0 for none. */
    private readonly outHead: Uint32Array,
    /** Next state with an output strictly further down the chain. */
    private readonly outNext: Uint32Array,
    private readonly sameForm: Map<number, number[]>,
  ) {}

  alternatives(entryIndex: number): readonly number[] {
    return this.sameForm.get(entryIndex) ?? [entryIndex];
  }

  scan(text: string): Hit[] {
    const hits: Hit[] = [];
    this.scanInto(text, hits, null);
    return hits;
  }

  private growCandidates(): void {
    const size = this.candStart.length * 2;
    const grow = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.candStart = grow(this.candStart);
    this.candEnd = grow(this.candEnd);
    this.candPat = grow(this.candPat);
  }

  scanInto(text: string, hits: Hit[], aux: number[] | null): void {
    const n = this.folder.run(text);
    const units = this.folder.units;
    const map = this.folder.map;
    const { cls, delta, classes, pat, auxOf, depth, outHead, outNext } = this;
    let top = 0;
    let s = 0;
    for (let i = 0; i < n; i++) {
      s = delta[s * classes + cls[units[i]!]!]!;
      let o = outHead[s]!;
      if (o === 0) continue;
      const end = i + 1;
      // Every stored form ends in a word character, so one look at the next unit rules out all outputs here.
      if (end < n && wordAt(units, end, n)) continue;
      while (o !== 0) {
        const start = end - depth[o]!;
        if (start === 0 || !wordBefore(units, start)) {
          const a = auxOf[o]!;
          if (a !== NO && aux !== null) aux.push(a, map[start]!, end < n ? map[end]! : text.length);
          const p = pat[o]!;
          if (p !== NO) {
            // Candidates arrive by end; one that starts no later than an overlapping kept one is
            // further left or longer, so it replaces it; otherwise it loses.
            let keep = true;
            while (top > 0 && this.candEnd[top - 1]! > start) {
              const lastStart = this.candStart[top - 1]!;
              if (start < lastStart || (start === lastStart && end > this.candEnd[top - 1]!)) top--;
              else {
                keep = false;
                break;
              }
            }
            if (keep) {
              if (top === this.candStart.length) this.growCandidates();
              this.candStart[top] = start;
              this.candEnd[top] = end;
              this.candPat[top++] = p;
            }
          }
        }
        o = outNext[o]!;
      }
    }
    for (let t = 0; t < top; t++) {
      const start = this.candStart[t]!;
      const end = this.candEnd[t]!;
      if (insideUrl(units, n, start, end)) continue;
      hits.push({ start: map[start]!, end: end < n ? map[end]! : text.length, entryIndex: this.candPat[t]! });
    }
  }
}

/**
 * Builds the page's matcher. Entries win over an identical distractor (a
 * gazetteer slip must not silence a real name); duplicate forms share one
 * state and are told apart later through `alternatives`.
 */
export function compileMatcher(lexicon: Lexicon, auxForms: readonly string[] = []): Matcher {
  const forms: string[] = [];
  const patOfForm = new Map<string, number>();
  const auxOfForm = new Map<string, number>();
  const sameForm = new Map<number, number[]>();
  const firstEntry = new Map<string, number>();
  lexicon.entries.forEach((entry, i) => {
    const f = foldForm(entry.form);
    if (f === '') return;
    const first = firstEntry.get(f);
    if (first === undefined) {
      firstEntry.set(f, i);
      patOfForm.set(f, i);
      forms.push(f);
      return;
    }
    const group = sameForm.get(first) ?? [first];
    group.push(i);
    for (const member of group) sameForm.set(member, group);
  });
  lexicon.distractors.forEach((d, k) => {
    const f = foldForm(d);
    if (f === '' || patOfForm.has(f)) return;
    patOfForm.set(f, -1 - k);
    forms.push(f);
  });
  auxForms.forEach((a, k) => {
    const f = foldForm(a);
    if (f === '' || auxOfForm.has(f)) return;
    auxOfForm.set(f, k);
    if (!patOfForm.has(f)) forms.push(f);
  });

  const cls = new Uint16Array(0x10000);
  let classes = 1;
  let total = 1;
  for (const f of forms) {
    total += f.length;
    for (let i = 0; i < f.length; i++) {
      const u = f.charCodeAt(i);
      if (cls[u] === 0) cls[u] = classes++;
    }
  }

  // The trie goes straight into the dense table (0 = no child); the BFS below completes each row.
  let delta: Uint16Array | Uint32Array = total > 0xffff ? new Uint32Array(total * classes) : new Uint16Array(total * classes);
  const pat = new Int32Array(total).fill(NO);
  const auxOf = new Int32Array(total).fill(NO);
  const depth = new Uint16Array(total);
  const viaClass = new Uint16Array(total);
  const firstChild = new Uint32Array(total);
  const nextSibling = new Uint32Array(total);
  let states = 1;
  for (const f of forms) {
    let s = 0;
    for (let i = 0; i < f.length; i++) {
      const c = cls[f.charCodeAt(i)]!;
      const at = s * classes + c;
      let t = delta[at]!;
      if (t === 0) {
        t = states++;
        delta[at] = t;
        depth[t] = i + 1;
        viaClass[t] = c;
        nextSibling[t] = firstChild[s]!;
        firstChild[s] = t;
      }
      s = t;
    }
    pat[s] = patOfForm.get(f) ?? NO;
    auxOf[s] = auxOfForm.get(f) ?? NO;
  }

  // Row by row in BFS order, so a failure state's row is complete before it is copied. Copying a
  // whole row natively and re-placing the few children keeps the build linear in states, which
  // matters because it runs once per page in cold, unoptimised code.
  const fail = new Uint32Array(states);
  const outHead = new Uint32Array(states);
  const outNext = new Uint32Array(states);
  const queue = new Uint32Array(states);
  let head = 0;
  let tail = 0;
  queue[tail++] = 0;
  while (head < tail) {
    const s = queue[head++]!;
    const row = s * classes;
    const failRow = fail[s]! * classes;
    for (let t = firstChild[s]!; t !== 0; t = nextSibling[t]!) {
      const f = s === 0 ? 0 : delta[failRow + viaClass[t]!]!;
      fail[t] = f;
      outNext[t] = outHead[f]!;
      outHead[t] = pat[t] !== NO || auxOf[t] !== NO ? t : outHead[f]!;
      queue[tail++] = t;
    }
    if (s !== 0) {
      delta.copyWithin(row, failRow, failRow + classes);
      for (let t = firstChild[s]!; t !== 0; t = nextSibling[t]!) delta[row + viaClass[t]!] = t;
    }
  }
  delta = delta.slice(0, states * classes);
  return new Compiled(cls, delta, classes, states, pat, auxOf, depth, outHead, outNext, sameForm);
}
