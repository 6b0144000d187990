/**
 * Folding for matching. Both the lexicon forms and page text go through the
 * same fold, so any deterministic canonical form works; the one chosen is:
 * lower case, Vietnamese letters with their quality marks composed into one
 * code unit (â ê ô ơ ư ă đ) and the tone mark (grave, acute, tilde, hook,
 * dot below) moved to the end of its vowel cluster as a combining mark. That
 * last step is what makes old and new tone placement (`hoà`/`hòa`,
 * `thuỷ`/`thủy`) and NFC/NFD/"Unicode tổ hợp" input fold to the same units.
 *
 * Diacritics are kept: in Vietnamese they tell words apart (`Nga` Russia,
 * `ngà` ivory, `ngã` fall; `Mỹ`/`my`), and the gazetteer lists the foreign
 * spellings that carry marks (`Genève`) as forms of their own.
 *
 * Every folded unit records the original offset it came from, so a hit found
 * in folded text is reported on the exact original characters.
 */

const TONE_MARKS = [0, 0x300, 0x301, 0x303, 0x309, 0x323] as const;
const VOWELS = 'aăâeêioôơuưy';

// INFO bits: 0-2 tone index into TONE_MARKS, 3 vowel, 4-6 class.
const VOWEL = 8;
const CLS_SHIFT = 4;
const CLS_CHAR = 0;
const CLS_SPACE = 1;
const CLS_DROP = 2;
const CLS_TONE = 3;
const CLS_MARK = 4;

const SPACE = 0x20;
const HYPHEN = 0x2d;
const APOSTROPHE = 0x27;

/** Below this every code unit is looked up; above it only a few are special. */
const TABLE = 0x2100;
const CORE = new Uint16Array(TABLE);
const INFO = new Uint8Array(TABLE);
/** (core << 16 | combining mark) → composed core, for decomposed input. */
const COMPOSE = new Map<number, number>();

function toneIndex(mark: number): number {
  return TONE_MARKS.indexOf(mark as (typeof TONE_MARKS)[number]);
}

function setCode(u: number, core: number, info: number): void {
  CORE[u] = core;
  INFO[u] = info;
}

function initTables(): void {
  for (let u = 0; u < TABLE; u++) CORE[u] = u;
  const ranges: [number, number][] = [[0x41, 0x590], [0x1e00, 0x1f00]];
  for (const [from, to] of ranges) {
    for (let u = from; u < to; u++) {
      const ch = String.fromCharCode(u);
      if (u >= 0x300 && u < 0x370) {
        const d = ch.normalize('NFD');
        const tone = d.length === 1 ? toneIndex(d.charCodeAt(0)) : -1;
        if (tone > 0) setCode(u, d.charCodeAt(0), (CLS_TONE << CLS_SHIFT) | tone);
        else setCode(u, u, CLS_MARK << CLS_SHIFT);
        continue;
      }
      const d = ch.toLowerCase().normalize('NFD');
      const base = d.charAt(0);
      let tone = 0;
      let core = base;
      // Marks that do not compose into one unit are dropped, here and for decomposed input alike.
      for (let k = 1; k < d.length; k++) {
        const mark = d.charCodeAt(k);
        const t = toneIndex(mark);
        if (t > 0 && tone === 0) {
          tone = t;
          continue;
        }
        const next = (core + d.charAt(k)).normalize('NFC');
        if (next.length !== 1) break;
        COMPOSE.set((core.charCodeAt(0) << 16) | mark, next.charCodeAt(0));
        core = next;
      }
      setCode(u, core.charCodeAt(0), tone | (VOWELS.includes(core) ? VOWEL : 0));
    }
  }
  // Russian print mostly drops the diaeresis of ё (Горбачёв/Горбачев).
  setCode(0x401, 0x435, 0);
  setCode(0x451, 0x435, 0);
  COMPOSE.set((0x435 << 16) | 0x308, 0x435);
  for (const u of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f]) {
    setCode(u, SPACE, CLS_SPACE << CLS_SHIFT);
  }
  for (let u = 0x2000; u <= 0x200a; u++) setCode(u, SPACE, CLS_SPACE << CLS_SHIFT);
  // Soft hyphen, zero-width space/joiners, word joiner, grapheme joiner: invisible inside words.
  for (const u of [0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0x34f]) setCode(u, u, CLS_DROP << CLS_SHIFT);
  for (let u = 0x2010; u <= 0x2015; u++) setCode(u, HYPHEN, 0);
  for (const u of [0x2018, 0x2019, 0x201b, 0x2032, 0x2bc, 0x60, 0xb4]) setCode(u, APOSTROPHE, 0);
}
initTables();

/** Past the table: returns the folded unit, or -1 for whitespace, -2 for an invisible. */
function foldHigh(u: number): number {
  if (u === 0x3000) return -1;
  if (u === 0xfeff) return -2;
  if (u === 0x2212 || u === 0xfe58 || u === 0xfe63 || u === 0xff0d) return HYPHEN;
  return u;
}

const WORD_RE = /[\p{L}\p{N}\p{M}]/u;
/** Lazily filled: 0 unknown, 1 word, 2 not; a regex test per distinct unit, once. */
const WORD = new Uint8Array(0x10000);

function isWordCodePoint(cp: number): boolean {
  if (cp < 0x10000) {
    let v = WORD[cp]!;
    if (v === 0) {
      v = WORD_RE.test(String.fromCharCode(cp)) ? 1 : 2;
      WORD[cp] = v;
    }
    return v === 1;
  }
  return WORD_RE.test(String.fromCodePoint(cp));
}

/** Letter, digit or combining mark at `k` (reads a surrogate pair whole). */
export function wordAt(units: ArrayLike<number>, k: number, n: number): boolean {
  const c = units[k]!;
  if (c >= 0xd800 && c < 0xdc00 && k + 1 < n) {
    const lo = units[k + 1]!;
    if (lo >= 0xdc00 && lo < 0xe000) return isWordCodePoint(((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000);
  }
  return isWordCodePoint(c);
}

/** Letter, digit or combining mark ending just before `k`. */
export function wordBefore(units: ArrayLike<number>, k: number): boolean {
  const c = units[k - 1]!;
  if (c >= 0xdc00 && c < 0xe000 && k >= 2) {
    const hi = units[k - 2]!;
    if (hi >= 0xd800 && hi < 0xdc00) return isWordCodePoint(((hi - 0xd800) << 10) + (c - 0xdc00) + 0x10000);
  }
  return isWordCodePoint(c);
}

/**
 * Reusable fold buffers: a page is folded block by block, and reusing one
 * buffer keeps the per-block cost to the work itself.
 */
export class Folder {
  units = new Uint16Array(1024);
  /** `map[i]`: original offset of folded unit `i`; `map[length]` is the original length. */
  map = new Uint32Array(1025);
  length = 0;

  private grow(min: number): void {
    const size = Math.max(min, this.units.length * 2);
    const units = new Uint16Array(size);
    units.set(this.units);
    const map = new Uint32Array(size + 1);
    map.set(this.map);
    this.units = units;
    this.map = map;
  }

  run(text: string): number {
    const n = text.length;
    // Typical expansion is under 1.2× (one extra unit per toned syllable); grow on demand beyond.
    if (this.units.length < n + (n >> 2) + 8) this.grow(n + (n >> 2) + 8);
    let units = this.units;
    let map = this.map;
    let cap = units.length;
    let k = 0;
    let pendingTone = 0;
    let pendingAt = 0;
    // The last emitted unit is a vowel whose cluster may still take a tone.
    let inCluster = false;
    // The last emitted unit is a letter a following combining mark may compose with.
    let lastIsCore = false;
    for (let j = 0; j < n; j++) {
      const u = text.charCodeAt(j);
      let core: number;
      let info: number;
      if (u < TABLE) {
        core = CORE[u]!;
        info = INFO[u]!;
      } else {
        const f = foldHigh(u);
        core = f < 0 ? SPACE : f;
        info = f === -1 ? CLS_SPACE << CLS_SHIFT : f === -2 ? CLS_DROP << CLS_SHIFT : 0;
      }
      const cls = info >> CLS_SHIFT;
      if (k + 2 > cap) {
        this.grow(k + 2);
        units = this.units;
        map = this.map;
        cap = units.length;
      }
      if (cls === CLS_CHAR) {
        const isVowel = (info & VOWEL) !== 0;
        if (pendingTone !== 0 && !isVowel) {
          units[k] = pendingTone;
          map[k++] = pendingAt;
          pendingTone = 0;
        }
        units[k] = core;
        map[k++] = j;
        inCluster = isVowel;
        lastIsCore = true;
        const tone = info & 7;
        if (tone !== 0) {
          if (isVowel) {
            if (pendingTone !== 0) {
              units[k] = pendingTone;
              map[k++] = pendingAt;
              lastIsCore = false;
            }
            pendingTone = TONE_MARKS[tone]!;
            pendingAt = j;
          } else {
            units[k] = TONE_MARKS[tone]!;
            map[k++] = j;
            lastIsCore = false;
          }
        }
      } else if (cls === CLS_SPACE) {
        if (pendingTone !== 0) {
          units[k] = pendingTone;
          map[k++] = pendingAt;
          pendingTone = 0;
        }
        inCluster = false;
        lastIsCore = false;
        if (k === 0 || units[k - 1] !== SPACE) {
          units[k] = SPACE;
          map[k++] = j;
        }
      } else if (cls === CLS_TONE) {
        if (inCluster) {
          if (pendingTone !== 0) {
            units[k] = pendingTone;
            map[k++] = pendingAt;
            lastIsCore = false;
          }
          pendingTone = core;
          pendingAt = j;
        } else {
          units[k] = core;
          map[k++] = j;
          lastIsCore = false;
        }
      } else if (cls === CLS_MARK && lastIsCore) {
        const composed = COMPOSE.get((units[k - 1]! << 16) | core);
        if (composed !== undefined) {
          units[k - 1] = composed;
          inCluster = (INFO[composed]! & VOWEL) !== 0;
        }
      }
    }
    if (pendingTone !== 0) {
      units[k] = pendingTone;
      map[k++] = pendingAt;
    }
    map[k] = n;
    this.length = k;
    return k;
  }
}

export interface Folded {
  text: string;
  /** `map[i]` is the original offset of `text[i]`; `map[text.length]` is the original length. */
  map: Uint32Array;
}

const shared = new Folder();

// Native decoding is an order of magnitude faster than fromCharCode in chunks. Typed arrays are
// little-endian on every platform browsers run on; a lone surrogate decodes to U+FFFD, one unit for one.
const utf16 = new TextDecoder('utf-16le');

function unitsToString(units: Uint16Array, n: number): string {
  return utf16.decode(units.subarray(0, n));
}

export function fold(text: string): Folded {
  const n = shared.run(text);
  return { text: unitsToString(shared.units, n), map: shared.map.slice(0, n + 1) };
}

/**
 * A lexicon form as the automaton stores it: folded, with leading and trailing
 * non-word characters dropped (`Donald Trump Jr.` → `donald trump jr`), since
 * whole-word matching places the boundary at the last letter.
 */
export function foldForm(form: string): string {
  const n = shared.run(form);
  const units = shared.units;
  let a = 0;
  let b = n;
  while (a < b && !wordAt(units, a, b)) a++;
  while (b > a && !wordBefore(units, b)) b--;
  return unitsToString(units.subarray(a), b - a);
}
