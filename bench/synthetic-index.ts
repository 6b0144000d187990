import type { IndexDocument, Person, Quote, Summit, SummitIndex } from '../src/schema/index-schema';
import { seededRandom as mulberry32 } from './random';

/**
 * An index `factor` times larger than `base`, shaped like a bigger corpus about
 * the same events: every collection grows by `factor`; most copied quotes keep
 * their real speakers and mentions (so `Putin` still finds many), some move to
 * generated people and summits (generated summits have generated participants:
 * a real person attends a handful of summits, not a thousand); one word in eight is swapped for a generated
 * word so the vocabulary grows too (Heaps' law) instead of repeating the base.
 * Deterministic for a given seed.
 */
export function syntheticIndex(base: SummitIndex, factor: number, seed = 1): SummitIndex {
  const random = mulberry32(seed);
  const vocabulary = Array.from({ length: 20_000 }, () => pseudoWord(random));
  const pick = () => vocabulary[Math.floor(vocabulary.length * random() ** 3)]!;

  const people: Person[] = [...base.people];
  const summits: Summit[] = [...base.summits];
  const documents: IndexDocument[] = [...base.documents];
  const quotes: Quote[] = [...base.quotes];
  const byDoc = new Map<string, Quote[]>();
  for (const q of base.quotes) byDoc.set(q.document, [...(byDoc.get(q.document) ?? []), q]);

  for (let copy = 1; copy < factor; copy++) {
    for (const p of base.people) {
      const name = `${capital(pseudoWord(random))} ${capital(pseudoWord(random))}`;
      people.push({ ...p, id: `${p.id}~${copy}`, name, aliases: [name], names: [{ form: name, lang: 'vi', kind: 'full' }] });
    }
    for (const s of base.summits) {
      const city = capital(pseudoWord(random));
      summits.push({ ...s, id: `${s.id}~${copy}`, participants: s.participants.map((id) => `${id}~${copy}`), date: shiftDay(s.date, random), city, place: city, aliases: [`thượng đỉnh ${city}`], places: [city] });
    }
    for (const doc of base.documents) {
      let text = '';
      let cursor = 0;
      const copied: Quote[] = [];
      for (const q of [...(byDoc.get(doc.id) ?? [])].sort((a, b) => a.start - b.start)) {
        if (q.start < cursor) continue;
        text += doc.text.slice(cursor, q.start);
        const quoteText = q.text.replace(/[\p{L}\p{N}]+/gu, (w) => (random() < 0.125 ? pick() : w));
        const start = text.length;
        text += quoteText;
        cursor = q.end;
        const moved = random() < 0.3;
        copied.push({
          ...q,
          id: `${q.id}~${copy}`,
          document: `${doc.id}~${copy}`,
          text: quoteText,
          start,
          end: text.length,
          speaker: q.speaker && moved ? `${q.speaker}~${copy}` : q.speaker,
          summit: q.summit && moved ? `${q.summit}~${copy}` : q.summit,
          date: q.date ? shiftDay(q.date, random) : null,
        });
      }
      text += doc.text.slice(cursor);
      documents.push({ ...doc, id: `${doc.id}~${copy}`, file: `${copy}-${doc.file}`, text, published: doc.published && shiftDay(doc.published, random) });
      quotes.push(...copied);
    }
  }
  return { ...base, documents, people, summits, quotes };
}


const ONSETS = ['b', 'c', 'ch', 'd', 'đ', 'g', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'nh', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x'];
const RIMES = ['a', 'à', 'á', 'ả', 'ã', 'ạ', 'an', 'ăn', 'ân', 'ương', 'iên', 'ông', 'ốc', 'ười', 'inh', 'ình', 'ao', 'ơi', 'uy', 'êm'];

/** A word of one or two Vietnamese-looking syllables that no real text uses. */
export function pseudoWord(random: () => number): string {
  const syllables = 1 + Math.floor(random() * 2);
  let word = '';
  for (let i = 0; i < syllables; i++) word += ONSETS[Math.floor(random() * ONSETS.length)]! + RIMES[Math.floor(random() * RIMES.length)]!;
  return word;
}

const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

export function shiftDay(day: string, random: () => number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - Math.floor(random() * 3000));
  return date.toISOString().slice(0, 10);
}
