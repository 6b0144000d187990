import { INDEX_VERSION, type IndexDocument, type Quote, type SummitIndex } from '../schema/index-schema';
import { cleanArticle } from './clean';
import { assumeYear, findDates } from './dates';
import { decodeInput, type InputFile } from './decode';
import { CorpusError } from './errors';
import type { Gazetteer } from './gazetteer';
import { documentId } from './ids';
import { nameMatcherFor, peopleById } from './names';
import { findStrangers, withStrangers } from './speaker-names';
import { extractQuotes } from './quotes';
import { OfficeHolders } from './role-resolution';
import { detectSummit } from './summit-detect';
import { datelineDay } from './metadata';

/**
 * Articles + gazetteer → the bundled index. Pure: no filesystem, no browser
 * globals, so the extension can run it on the page a user is reading.
 * Throws CorpusError (with file and line) on the first broken input.
 */
export function buildIndex(inputs: InputFile[], gazetteer: Gazetteer): SummitIndex {
  const matcher = nameMatcherFor(gazetteer);
  const people = peopleById(gazetteer.people);
  const holders = new OfficeHolders(gazetteer.offices, gazetteer.people);
  const documents: IndexDocument[] = [];
  const quotes: Quote[] = [];
  const seen = new Map<string, string>();

  for (const input of [...inputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const id = documentId(input.file);
    const clash = seen.get(id);
    if (clash) throw new CorpusError(input.file, 1, `document id "${id}" already used by ${clash}`);
    seen.set(id, input.file);

    const cleaned = cleanArticle(decodeInput(input));
    if (cleaned.text.trim() === '') throw new CorpusError(input.file, 1, 'no article text left after removing page furniture');
    const known = matcher.find(cleaned.text);
    const mentions = withStrangers(known, findStrangers(cleaned.text, known));
    const found = findDates(cleaned.text, null, cleaned.published);
    const { summit, talkedOf, inPassing } = detectSummit(cleaned.text, mentions, found, gazetteer.summits, cleaned.published);
    // Dates without a year take the publication's year (found above), else the year of the summit the article is about or quotes about.
    const context = summit ?? talkedOf;
    const assumed = cleaned.published === null && context ? assumeYear(found, Number(context.date.slice(0, 4))) : found;
    // A wire dateline without a year (`HELSINKI, July 16 (Reuters) -`) is the publication day, in the year its summit gives.
    const filed = cleaned.published === null ? datelineDay(cleaned.text, assumed) : null;
    const doc = filed ? { ...cleaned, published: filed } : cleaned;
    const dates = filed ? assumeYear(findDates(doc.text, null, filed), Number(filed.slice(0, 4))) : assumed;

    documents.push({
      id,
      file: input.file,
      title: doc.title,
      titleInferred: doc.titleInferred,
      outlet: doc.outlet,
      published: doc.published,
      summit: summit?.id ?? null,
      text: doc.text,
      sections: doc.sections,
    });
    quotes.push(...extractQuotes({ docId: id, doc, summit, talkedOf, inPassing, summits: gazetteer.summits, people, mentions, dates, holders }));
  }

  return { version: INDEX_VERSION, documents, people: gazetteer.people, summits: gazetteer.summits, quotes, offices: gazetteer.offices, distractors: gazetteer.distractors };
}
