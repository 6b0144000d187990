import { readFileSync } from 'node:fs';
import { cleanArticle } from '../src/corpus/clean';
import { decodeInput } from '../src/corpus/decode';
import { findDates } from '../src/corpus/dates';
const f = process.argv[2]!;
const raw = readFileSync(f);
// @ts-ignore
const doc = cleanArticle(new TextDecoder().decode(raw));
console.log(doc.published, doc.sections.length);
console.log(findDates(doc.text, 2025, doc.published).map((d) => [d.iso, doc.text.slice(d.start, d.end)]));
