import type { Section } from '../schema/index-schema';
import { stripCaption } from './captions';
import { dropFurniture } from './furniture';
import { isLiveBlog, splitSections } from './liveblog';
import { stripMarkup, urlHosts } from './markup';
import { detectOutlet, pagePublished, takePublished } from './metadata';
import { normalizeLines } from './normalize';
import { endsSentence, wordCount } from './punctuation';
import { canonicalQuotes } from './quote-marks';
import { looksHardWrapped, reflow, wrapWidth } from './reflow';

/** A cleaned article: the text the index stores and what cleaning learnt about it. */
export interface CleanDocument {
  text: string;
  title: string;
  /** The page shows no headline; the title was taken from a section or the lead. */
  titleInferred: boolean;
  published: string | null;
  outlet: string | null;
  sections: Section[];
  /** Paragraph ranges in `text`, in order. */
  paragraphs: { start: number; end: number; section: number | null }[];
}

export const PARAGRAPH_BREAK = '\n\n';
const MAX_HEADLINE = 200;
const MAX_LEAD_TITLE = 120;

/**
 * Raw article text → cleaned text. Each step works on the whole text and
 * produces new text; every offset the index stores is computed afterwards on
 * the final string, so no offset has to be carried through the steps.
 */
export function cleanArticle(raw: string): CleanDocument {
  const normalized = normalizeLines(raw);
  const taken = takePublished(normalized);
  const page = pagePublished(taken.lines);
  // The page's own date line repeating the scraper's day is furniture too: left in, it would read as a live entry's stamp.
  const published = taken.published ?? page.published;
  const body = page.published === published ? page.lines : taken.lines;
  const outlet = detectOutlet(body, urlHosts(raw));
  const liveBlog = isLiveBlog(body);
  const withoutMarkup = body.map(stripMarkup);
  const withoutFurniture = dropFurniture(withoutMarkup, { liveBlog }).map((l) => (l === '' ? l : stripCaption(l)));
  const hardWrapped = looksHardWrapped(withoutFurniture);
  const width = wrapWidth(withoutFurniture);

  const paragraphs: CleanDocument['paragraphs'] = [];
  const sections: Section[] = [];
  let text = '';
  const append = (p: string, section: number | null) => {
    if (text !== '') text += PARAGRAPH_BREAK;
    paragraphs.push({ start: text.length, end: text.length + p.length, section });
    text += p;
  };

  const rawSections = liveBlog ? splitSections(withoutFurniture) : [{ title: null, lines: withoutFurniture }];
  for (const raw of rawSections) {
    const body = reflow(raw.lines, hardWrapped, width).map(canonicalQuotes);
    if (raw.title === null) {
      body.forEach((p) => append(p, null));
      continue;
    }
    const index = sections.length;
    const title = canonicalQuotes(raw.title);
    append(title, index);
    const start = paragraphs[paragraphs.length - 1]!.start;
    body.forEach((p) => append(p, index));
    sections.push({ title, start, end: text.length });
  }

  const { title, titleInferred } = chooseTitle(text, paragraphs, sections);
  return { text, title, titleInferred, published, outlet, sections, paragraphs };
}

function chooseTitle(text: string, paragraphs: CleanDocument['paragraphs'], sections: Section[]) {
  const first = paragraphs[0];
  if (!first) return { title: '', titleInferred: true };
  const firstText = text.slice(first.start, first.end);
  if (sections.length > 0) return { title: sections[0]!.title, titleInferred: true };
  if (paragraphs.length > 1 && firstText.length <= MAX_HEADLINE && !endsSentence(firstText.replace(/[?!]$/u, '')) && wordCount(firstText) >= 3) {
    return { title: firstText, titleInferred: false };
  }
  return { title: leadTitle(firstText), titleInferred: true };
}

function leadTitle(paragraph: string): string {
  if (paragraph.length <= MAX_LEAD_TITLE) return paragraph;
  const cut = paragraph.lastIndexOf(' ', MAX_LEAD_TITLE);
  return `${paragraph.slice(0, cut > 0 ? cut : MAX_LEAD_TITLE)}…`;
}
