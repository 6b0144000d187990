/**
 * A large news-like page for the real-browser scan bench: the real corpus
 * paragraphs (Vietnamese) shuffled with English wire-style sentences naming
 * the summit's leaders, cut into many small elements so the page has tens of
 * thousands of text nodes, as a long live blog or an infinite-scroll front
 * page does. Deterministic (fixed seed), so every run loads the same bytes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom as random } from '../random';

export interface BigPage {
  html: string;
  /** Characters of text content (what a TreeWalker over text nodes reads). */
  textChars: number;
  /** Text nodes the generator wrote (whitespace-only ones between tags excluded). */
  textNodes: number;
  htmlBytes: number;
}

const ENGLISH = [
  'Russian President Vladimir Putin said on Friday that talks with Donald Trump in Anchorage had been "constructive".',
  'Trump told reporters aboard Air Force One that he would call Volodymyr Zelensky before the weekend.',
  'Ukrainian President Volodymyr Zelensky said no deal about Ukraine could be made without Ukraine at the table.',
  'Joe Biden and Putin met at the Villa La Grange in Geneva in June 2021, their only summit.',
  'Putin was accompanied by foreign minister Sergei Lavrov and aide Yuri Ushakov.',
  'Secretary of State Marco Rubio and envoy Steve Witkoff joined Trump for the three-hour meeting.',
  'Zelensky is expected in Washington on Monday, officials said, as European leaders push for a ceasefire.',
  'The Kremlin said an invitation for Trump to visit Moscow still stood after the Alaska summit.',
  'Biden had warned Putin in Geneva that cyberattacks on critical infrastructure were off-limits.',
  'Markets barely moved after the summit; oil prices fell slightly in Asian trading.',
  'Weather in Anchorage will stay cool and wet through the weekend, with highs near 60F.',
  'The city assembly moved its meeting online because of the road closures downtown.',
];

const SEED = 0xb16;


function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function corpusParagraphs(root: string): string[] {
  const dir = join(root, 'data/corpus');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/\n+/))
    .map((p) => p.trim())
    .filter((p) => p.length > 40);
}

/**
 * Splits a paragraph into runs at word boundaries and wraps some runs in
 * inline elements, so one paragraph yields several text nodes and names end
 * up split across `<b>`/`<a>` boundaries now and then, as on real sites.
 */
function inlineRuns(text: string, next: () => number, count: { nodes: number }): string {
  const words = text.split(' ');
  const out: string[] = [];
  let i = 0;
  while (i < words.length) {
    const take = 2 + Math.floor(next() * 6);
    const run = words.slice(i, i + take).join(' ');
    i += take;
    const sep = i < words.length ? ' ' : '';
    const roll = next();
    if (roll < 0.2) out.push(`<b>${escape(run)}</b>${sep}`);
    else if (roll < 0.35) out.push(`<a href="#r${Math.floor(next() * 1e6)}">${escape(run)}</a>${sep}`);
    else if (roll < 0.42) out.push(`<em>${escape(run)}</em>${sep}`);
    else out.push(escape(run) + sep);
    count.nodes++;
  }
  return out.join('');
}

export function bigPage(root: string, minTextChars = 1_100_000): BigPage {
  const next = random(SEED);
  const paragraphs = corpusParagraphs(root);
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)]!;
  const count = { nodes: 0 };
  let textChars = 0;
  const body: string[] = [];
  let section = 0;
  while (textChars < minTextChars) {
    section++;
    const title = `${section}. ${pick(ENGLISH).slice(0, 60)}`;
    body.push(`<section><h2>${escape(title)}</h2>`);
    textChars += title.length;
    count.nodes++;
    for (let p = 0; p < 6; p++) {
      const text = next() < 0.6 ? pick(paragraphs) : `${pick(ENGLISH)} ${pick(ENGLISH)}`;
      body.push(`<p>${inlineRuns(text, next, count)}</p>`);
      textChars += text.length;
    }
    // A "related stories" list: many short link-only items, the sibling-item case.
    body.push('<ul class="related">');
    for (let l = 0; l < 4; l++) {
      const text = pick(ENGLISH).slice(0, 40 + Math.floor(next() * 60));
      body.push(`<li><a href="#s${section}-${l}">${escape(text)}</a></li>`);
      textChars += text.length;
      count.nodes++;
    }
    body.push('</ul></section>');
  }
  const html = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Summit Lens bench page</title>
<style>body{font:16px/1.5 Georgia,serif;max-width:760px;margin:0 auto;padding:0 16px}h2{font:700 20px Arial,sans-serif}</style>
</head><body><main>
${body.join('\n')}
</main></body></html>`;
  return { html, textChars, textNodes: count.nodes, htmlBytes: Buffer.byteLength(html) };
}
