/**
 * Character-level normalisation every later rule relies on: NFC (Vietnamese
 * has two encodings for most letters), one line-ending, one kind of space.
 * Returns lines, trimmed, with runs of spaces collapsed.
 */
const ODD_SPACES = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
/** Control characters (a terminal colour code, a bell) are no text: dropped, tab and line breaks aside. */
const CONTROL = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&amp;': '&', '&quot;': '"', '&#39;': "'", '&apos;': "'", '&lt;': '<', '&gt;': '>' };

export function normalizeLines(text: string): string[] {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/&(?:nbsp|amp|quot|#39|apos|lt|gt);/g, (e) => ENTITIES[e] ?? e)
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .replace(ODD_SPACES, ' ')
    .split('\n')
    .map((l) => l.replace(/ {2,}/g, ' ').trim());
}
