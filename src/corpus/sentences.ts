import type { QuoteSpan } from './quote-marks';

export interface Range {
  start: number;
  end: number;
}

/**
 * Abbreviations whose full stop does not end a sentence: English titles and
 * short forms (`Sen. Chris Murphy`, `U.S. officials`, `Aug. 15`) and Russian
 * ones (`т.е.`, `в 2018 г. Путин`, `проф. Иванов`).
 */
const ABBREVIATION =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Amb|Pres|Prof|Rev|St|Jr|Sr|No|vs|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|U\.S|U\.N|U\.K|E\.U|D\.C|т\.е|т\.д|т\.п|т\.к|г|гг|им|ул|проф|акад|ген|др|см|тыс|млн|млрд|руб|TS|ThS|PGS|GS|TP|Q)$/u;

/**
 * Sentences of one paragraph. A full stop inside a quotation does not end the
 * sentence that carries it (`“A. B”, ông nói.` is one sentence), and an
 * initial (`George W. Bush`) or an abbreviation (`Sen.`, `т.е.`) is not a
 * sentence end.
 */
export function splitSentences(text: string, paragraph: Range, quotes: QuoteSpan[]): Range[] {
  // Sentence ends come in order, so one pointer walks the quotations (sorted by their opening mark).
  let k = 0;
  const inside = (i: number) => {
    while (k < quotes.length && quotes[k]!.close <= i) k++;
    for (let j = k; j < quotes.length && quotes[j]!.open < i; j++) if (i < quotes[j]!.close) return true;
    return false;
  };
  const out: Range[] = [];
  let start = paragraph.start;
  const re = /[.!?…]+[”’)"]*(\s+)(?=[\p{Lu}“‘"(\d])/gu;
  re.lastIndex = paragraph.start;
  for (let m = re.exec(text); m && m.index + m[0].length - m[1]!.length < paragraph.end; m = re.exec(text)) {
    // A full stop right before a closing mark ends the sentence too (`…would not "derail." Mr. Trump was…`);
    // one inside the quotation (`“A. B”, ông nói.`) does not.
    if (inside(m.index) && !/^[.!?…]+[”"]/u.test(m[0])) continue;
    const before = text.slice(Math.max(start, m.index - 8), m.index);
    // An initial, alone or after another (`George W. Bush`, `H.R. McMaster`), ends no sentence.
    if (initial(text.slice(Math.max(start, m.index - 40), m.index)) || (m[0].startsWith('.') && !m[0].startsWith('..') && ABBREVIATION.test(before))) continue;
    const end = m.index + m[0].length - m[1]!.length;
    out.push({ start, end });
    start = m.index + m[0].length;
  }
  if (start < paragraph.end) out.push({ start, end: paragraph.end });
  return out;
}

/**
 * A capital letter alone is an initial after a given name or another initial (`George W.`, `H.R.`, `J. D.`), or at the
 * start of the sentence; after a lowercase word it is a word of its own that can end a sentence (`viết trên X. Ông`,
 * `posted on X. He`, `в соцсети X. Он`).
 */
function initial(before: string): boolean {
  if (!/(?:^|[\s.])\p{Lu}$/u.test(before.slice(-2))) return false;
  return !/(?:^|\s)\p{Ll}[\p{L}'’-]*\s\p{Lu}$/u.test(before);
}
