/**
 * Markdown left over from HTML-to-text conversion: images carry no text,
 * links keep their text, table pipes are layout. A line that is nothing but
 * markup becomes empty and is dropped by the caller.
 */
const IMAGE = /!\[[^\]]*\]\([^)]*\)/g;
const LINK = /\[([^\]]*)\]\((?:[a-z]+:)?\/\/[^)]*\)/gi;
const BARE_URL_LINE = /^(?:https?:\/\/|www\.)\S+$/i;

export function stripMarkup(line: string): string {
  let out = line.replace(IMAGE, ' ').replace(LINK, '$1');
  // The pipe pattern has no literal to search for and tries every position: skip it on the many lines without a pipe.
  if (out.includes('|')) out = out.replace(/^\s*\|+\s*|\s*\|+\s*$/g, '');
  out = out.replace(/ {2,}/g, ' ').trim();
  if (BARE_URL_LINE.test(out)) return '';
  return out;
}

/** Host names of every URL in the raw text, in order of appearance. */
export function urlHosts(text: string): string[] {
  const hosts: string[] = [];
  for (const m of text.matchAll(/https?:\/\/(?:www\.)?([a-z0-9.-]+\.[a-z]{2,})/gi)) hosts.push(m[1]!.toLowerCase());
  return hosts;
}
