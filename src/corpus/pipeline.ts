import { INDEX_VERSION, type IndexDocument, type Quote, type SummitIndex } from '../schema/index-schema';
import { cleanArticle } from './clean';
import { assumeYear, findDates } from './dates';
import { decodeInput, type InputFile } from './decode';
import { CorpusError } from './errors';
import type { Gazetteer } from './gazetteer';
import { documentId } from './ids';
import { nameMatcherFor, peopleById } from './names';
import { extractQuotes } from './quotes';
import { detectSummit } from './summit-detect';

/**
 * Articles + gazetteer → the bundled index. Pure: no filesystem, no browser
 * globals, so the extension can run it on the page a user is reading.
 * Throws CorpusError (with file and line) on the first broken input.
 */
export function buildIndex(inputs: InputFile[], gazetteer: Gazetteer): SummitIndex {
  const matcher = nameMatcherFor(gazetteer);
  const people = peopleById(gazetteer.people);
  const documents: IndexDocument[] = [];
  const quotes: Quote[] = [];
  const seen = new Map<string, string>();

  for (const input of [...inputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const id = documentId(input.file);
    const clash = seen.get(id);
    if (clash) throw new CorpusError(input.file, 1, `document id "${id}" already used by ${clash}`);
    seen.set(id, input.file);

    const doc = cleanArticle(decodeInput(input));
    if (doc.text.trim() === '') throw new CorpusError(input.file, 1, 'no article text left after removing page furniture');
    const mentions = matcher.find(doc.text);
    const found = findDates(doc.text, null, doc.published);
    const summit = detectSummit(doc.text, mentions, found, gazetteer.summits, doc.published);
    // Dates without a year take the publication's year (found above), else the year of the summit the article is about.
    const dates = doc.published === null && summit ? assumeYear(found, Number(summit.date.slice(0, 4))) : found;

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
    quotes.push(...extractQuotes({ docId: id, doc, summit, summits: gazetteer.summits, people, mentions, dates }));
  }

  return { version: INDEX_VERSION, documents, people: gazetteer.people, summits: gazetteer.summits, quotes, offices: gazetteer.offices, distractors: gazetteer.distractors };
}
