import { describe, expect, it } from 'vitest';
import type { ExtractedArticle } from '../../../src/reading/article';
import { ingestArticle } from '../../../src/reading/ingest';
import { decodeUserData, encodeUserData, type UserData } from '../../../src/reading/transfer';
import { realGazetteer } from '../corpus/corpus-fixture';

const article: ExtractedArticle = {
  url: 'https://tin.example/putin',
  title: 'Ông Putin nói về Alaska',
  byline: null,
  site: 'Tin',
  published: '2025-08-16',
  lang: 'vi',
  paragraphs: ['Tổng thống Putin nói: "Chúng tôi đã nói chuyện thẳng thắn với Tổng thống Trump".', 'Cuộc gặp diễn ra tại Anchorage, Alaska, và kéo dài gần ba giờ đồng hồ.'],
  truncated: false,
};

function data(): UserData {
  const { document, quotes } = ingestArticle(article, realGazetteer(), 5);
  const corrections = [{ quoteId: quotes[0]!.id, document: document.id, speaker: 'Vladimir Putin', date: '2025-08-15', correctedAt: 7 }];
  return { documents: [document], quotes, corrections, saved: [{ quoteId: quotes[0]!.id, savedAt: 9, snapshot: null }], settings: { language: 'en' } };
}

const encoded = () => encodeUserData(data(), new Date('2026-12-03T06:00:00Z')).split('\n');
const decodeLines = (lines: string[]) => () => decodeUserData(lines.join('\n'));

describe('user data file', () => {
  it('round-trips every record', () => {
    expect(decodeUserData(encoded().join('\n'))).toEqual(data());
  });

  it('names the line and the field of every kind of damage', () => {
    const lines = encoded();
    const at = (i: number, text: string) => lines.map((l, k) => (k === i ? text : l));
    expect(decodeLines(at(1, '{not json'))).toThrow('summit-lens-my-corpus.jsonl:2: not valid JSON');
    expect(decodeLines(at(1, '["document"]'))).toThrow('summit-lens-my-corpus.jsonl:2: each line after the first must be ["kind", {record}]');
    expect(decodeLines(at(1, lines[1]!.replace('https://tin.example/putin', 'javascript:alert(1)')))).toThrow('summit-lens-my-corpus.jsonl:2: document: "url" must be an http or https address');
    expect(decodeLines(at(1, lines[1]!.replace('"published":"2025-08-16"', '"published":"2025-02-30"')))).toThrow('summit-lens-my-corpus.jsonl:2: document: "published" must be YYYY-MM-DD or null');
    expect(decodeLines(at(2, lines[2]!.replace('"kind":"speech"', '"kind":"shout"')))).toThrow('summit-lens-my-corpus.jsonl:3: quote: "kind" must be speech, scare, slogan or title');
    expect(decodeLines([lines[0]!, lines[2]!, lines[1]!, ...lines.slice(3)])).toThrow('summit-lens-my-corpus.jsonl:2: quote: "document" must name a document of an earlier line');
    expect(decodeLines(at(3, '["note", {}]'))).toThrow('summit-lens-my-corpus.jsonl:4: unknown kind "note" (expected document, quote, correction, saved or settings)');
    expect(decodeLines(at(0, lines[0]!.replace('"version":1', '"version":7')))).toThrow('summit-lens-my-corpus.jsonl:1: export version 7 is not one this version reads (1)');
    expect(decodeLines([...lines.slice(0, 3), lines[2]!, ...lines.slice(3)])).toThrow(/^summit-lens-my-corpus.jsonl:4: quote ".+" appears twice$/);
    expect(() => decodeUserData('')).toThrow('summit-lens-my-corpus.jsonl:1: the file is empty');
  });

  it('checks correction lines against the quotes before them, and reads a file from before corrections', () => {
    const lines = encoded();
    const c = lines.findIndex((l) => l.startsWith('["correction"'));
    expect(c).toBe(3);
    const at = (text: string) => lines.map((l, k) => (k === c ? text : l));
    expect(decodeLines(at(lines[c]!.replace('"date":"2025-08-15"', '"date":"2025-13-01"')))).toThrow('summit-lens-my-corpus.jsonl:4: correction: the date must be a real day YYYY-MM-DD, or null');
    expect(decodeLines(at(lines[c]!.replace('"speaker":"Vladimir Putin"', '"speaker":""')))).toThrow('summit-lens-my-corpus.jsonl:4: correction: the speaker must be a name of 1 to 120 characters, or null');
    expect(decodeLines(at(lines[c]!.replace('"speaker":"Vladimir Putin"', '"speaker":null').replace('"date":"2025-08-15"', '"date":null')))).toThrow('summit-lens-my-corpus.jsonl:4: correction: a correction must give a speaker or a date');
    expect(decodeLines(at(lines[c]!.replace(/"quoteId":"[^"]+"/, '"quoteId":"reading-x:q9"')))).toThrow('summit-lens-my-corpus.jsonl:4: correction: "quoteId" must name a quote of an earlier line');
    expect(decodeLines(at(lines[c]!.replace(/"document":"[^"]+"/, '"document":"reading-other"')))).toThrow('summit-lens-my-corpus.jsonl:4: correction: "document" must be its quote\'s document');
    expect(decodeLines([...lines.slice(0, c + 1), lines[c]!, ...lines.slice(c + 1)])).toThrow(/^summit-lens-my-corpus.jsonl:5: correction of ".+" appears twice$/);
    expect(decodeLines(lines.filter((_, k) => k !== c))).toThrow('summit-lens-my-corpus.jsonl:1: the header counts 1 corrections but the file has 0 (cut short?)');

    const before = lines.filter((_, k) => k !== c).map((l, k) => (k === 0 ? l.replace('"corrections":1,', '') : l));
    expect(before[0]).not.toContain('corrections');
    expect(decodeUserData(before.join('\n'))).toEqual({ ...data(), corrections: [] });
  });

  it('rebuilds each quote\'s source from its document, so a file cannot make a quote claim another page', () => {
    const lines = encoded();
    const forged = lines.map((l, k) => (k === 2 ? l.replace('"url":"https://tin.example/putin"', '"url":"https://elsewhere.example/"') : l));
    expect(decodeUserData(forged.join('\n')).quotes[0]!.source.url).toBe('https://tin.example/putin');
  });
});
