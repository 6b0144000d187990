import { describe, expect, it } from 'vitest';
import type { ExtractedArticle } from '../../../src/reading/article';
import { extractArticle } from '../../../src/reading/extract';
import { articleText, ingestArticle } from '../../../src/reading/ingest';
import { readingDocumentId } from '../../../src/reading/stored';
import { realGazetteer } from '../corpus/corpus-fixture';
import { testPage } from './pages';

const URL_VI = 'https://bencang.example/the-gioi/putin-anchorage.html';

function viArticle(): ExtractedArticle {
  const result = extractArticle(testPage('reading-vi-putin-anchorage.html', URL_VI), URL_VI);
  if (!result.ok) throw new Error(result.error);
  return result.article;
}

describe('ingestArticle', () => {
  it('runs the corpus pipeline on the added article: speakers, summit and dates as for the bundled corpus, "not stated" where the text does not say', () => {
    const { document, quotes } = ingestArticle(viArticle(), realGazetteer(), 1_700_000_000_000);
    const id = readingDocumentId(URL_VI);
    expect(document).toMatchObject({
      id,
      title: 'Ông Putin: Cuộc gặp ở Anchorage mở đường cho đối thoại',
      outlet: 'Báo Bến Cảng',
      published: '2025-08-16',
      summit: 'alaska-2025',
      url: URL_VI,
      site: 'Báo Bến Cảng',
      byline: 'Lê Minh Châu',
      lang: 'vi',
      truncated: false,
      addedAt: 1_700_000_000_000,
    });
    const source = { document: id, title: document.title, outlet: 'Báo Bến Cảng', published: '2025-08-16', origin: 'reading', url: URL_VI };
    expect(quotes.map(({ id: _id, start: _s, end: _e, ...q }) => q)).toEqual([
      {
        document: id,
        text: 'Chúng tôi đã có cuộc trao đổi thẳng thắn và có ích, hai bên hiểu nhau hơn sau hôm nay',
        speaker: 'putin',
        summit: 'alaska-2025',
        date: '2025-08-15',
        mentions: [],
        kind: 'speech',
        speakerName: null,
        speakerRole: null,
        speakerBasis: 'named',
        dateBasis: 'summit',
        source,
      },
      {
        document: id,
        text: 'Chúng tôi chưa đạt được thỏa thuận cuối cùng, nhưng đã tiến rất gần',
        speaker: 'trump',
        summit: 'alaska-2025',
        date: '2025-08-15',
        mentions: [],
        kind: 'speech',
        speakerName: null,
        speakerRole: null,
        speakerBasis: 'named',
        dateBasis: 'summit',
        source,
      },
    ]);
    for (const q of quotes) expect(document.text.slice(q.start, q.end)).toBe(q.text);
  });

  it('gives one id per address, so the same page added twice replaces its entry', () => {
    const a = ingestArticle(viArticle(), realGazetteer(), 1);
    const b = ingestArticle(viArticle(), realGazetteer(), 2);
    expect(a.document.id).toBe(b.document.id);
    expect(a.quotes.map((q) => q.id)).toEqual(b.quotes.map((q) => q.id));
    expect(readingDocumentId('https://bencang.example/other.html')).not.toBe(a.document.id);
    expect(a.document.id.startsWith('reading-')).toBe(true);
  });

  it('writes the article in the corpus files\' shape: date line, headline, one paragraph a line', () => {
    const article: ExtractedArticle = { url: 'https://x.example/a', title: 'Tiêu đề', byline: null, site: null, published: '2025-08-16', lang: 'vi', paragraphs: ['Đoạn một.', 'Đoạn hai.'], truncated: false };
    expect(articleText(article)).toBe('date 2025-08-16\nTiêu đề\nĐoạn một.\nĐoạn hai.\n');
    expect(articleText({ ...article, published: null })).toBe('Tiêu đề\nĐoạn một.\nĐoạn hai.\n');
  });

  it('keeps the page date unknown when the page gives none, and the site as the host named it', () => {
    const { document, quotes } = ingestArticle({ ...viArticle(), published: null, site: null }, realGazetteer(), 1);
    expect(document.published).toBeNull();
    expect(document.outlet).toBeNull();
    // Without a page date the article is no report from the summit day: only words the text places at the summit get its day (decision 0014).
    expect(quotes.map((q) => [q.speaker, q.date, q.dateBasis])).toEqual([
      ['putin', '2025-08-15', 'summit'],
      ['trump', null, 'unknown'],
    ]);
  });
});
