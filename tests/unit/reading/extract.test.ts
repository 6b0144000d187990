import { describe, expect, it } from 'vitest';
import { articleUrl, MAX_ARTICLE_CHARS, validateArticle } from '../../../src/reading/article';
import { extractArticle, paragraphsOf } from '../../../src/reading/extract';
import { snapshotPage } from '../../../src/reading/snapshot';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageAt, ROOT, testPage } from './pages';

/** The whole way an added page goes: its markup taken in the page, parsed again in the extension's document, read there. */
function extractVia(page: Document, url: string) {
  const snapshot = snapshotPage(page, url);
  if (!snapshot.ok) return snapshot;
  return extractArticle(pageAt(snapshot.page.html, snapshot.page.url), snapshot.page.url);
}

const LAVROV_URL = 'https://harbor-ledger.example/world/2025/08/17/lavrov-anchorage#comments';

describe('extractArticle', () => {
  it('keeps the English article and drops cookie banner, menu, share bar, caption, related list, comments and footer', () => {
    const doc = testPage('reading-lavrov-anchorage.html', LAVROV_URL);
    const before = doc.documentElement.outerHTML;
    const result = extractVia(doc, LAVROV_URL);
    expect(result).toEqual({
      ok: true,
      article: {
        url: 'https://harbor-ledger.example/world/2025/08/17/lavrov-anchorage',
        title: 'Lavrov says Anchorage talks ran long, no deal on Ukraine yet',
        byline: 'Mara Quill',
        site: 'Harbor Ledger',
        published: '2025-08-17',
        lang: 'en',
        paragraphs: [
          'ANCHORAGE, Alaska — Russian Foreign Minister Sergei Lavrov said on Saturday that the summit between Vladimir Putin and Donald Trump at Joint Base Elmendorf-Richardson had run far longer than planned, and that both delegations had left the table with homework rather than a signed paper.',
          '“We came to Anchorage to talk, and we talked for nearly three hours without a single raised voice,” Lavrov told reporters outside the Russian delegation\'s hotel.',
          'The foreign minister said the two leaders had agreed to keep their teams in contact through the autumn, but he declined to give a date for a second meeting. Officials in Washington described the mood in similar terms, while stressing that no ceasefire had been agreed.',
          'Asked whether Moscow expected a quick result on Ukraine, Lavrov was careful. “Nobody should expect a miracle from one afternoon in Alaska,” he said. “The work is only beginning.”',
          'Analysts in the city noted that the summit was the first meeting of a Russian and an American president on American soil in more than a decade, and that its length alone was being read as a sign that both sides wanted to keep talking.',
        ],
        truncated: false,
      },
    });
    // The page was only read; Readability took apart the extension's own copy.
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('reads a Vietnamese article with its date from JSON-LD and its site from og:site_name', () => {
    const url = 'https://benCang.example/the-gioi/putin-anchorage.html';
    const result = extractVia(testPage('reading-vi-putin-anchorage.html', url), url);
    if (!result.ok) throw new Error(result.error);
    const { paragraphs, ...meta } = result.article;
    expect(meta).toEqual({
      url: 'https://bencang.example/the-gioi/putin-anchorage.html',
      title: 'Ông Putin: Cuộc gặp ở Anchorage mở đường cho đối thoại',
      byline: 'Lê Minh Châu',
      site: 'Báo Bến Cảng',
      published: '2025-08-16',
      lang: 'vi',
      truncated: false,
    });
    expect(paragraphs).toHaveLength(5);
    expect(paragraphs[1]).toBe(
      'Phát biểu tại cuộc họp báo chung sau hội nghị thượng đỉnh ở căn cứ Elmendorf-Richardson, Tổng thống Putin nói: "Chúng tôi đã có cuộc trao đổi thẳng thắn và có ích, hai bên hiểu nhau hơn sau hôm nay".',
    );
    const all = paragraphs.join('\n');
    for (const furniture of ['cookie', 'Chia sẻ', 'Ảnh: Báo Bến Cảng', 'Tin liên quan', 'Bình luận', 'Hy vọng hòa bình sớm đến', 'Trang chủ', 'Lê Minh Châu']) {
      expect(all).not.toContain(furniture);
    }
  });

  it('keeps the article of a live page whose footer has gained thousands of "updated at" lines', () => {
    const url = 'https://bencang.example/the-gioi/putin-anchorage.html';
    const plain = extractVia(testPage('reading-vi-putin-anchorage.html', url), url);
    const ticks = Array.from({ length: 3000 }, (_, i) => `<p>Cập nhật lúc ${1_764_775_000_000 + i}</p>`).join('');
    const html = readFileSync(join(ROOT, 'tests/e2e/pages/reading-vi-putin-anchorage.html'), 'utf8').replace('</footer>', `${ticks}</footer>`);
    const flooded = extractVia(pageAt(html, url), url);
    if (!plain.ok || !flooded.ok) throw new Error('both pages should be read');
    expect(flooded.article.paragraphs).toEqual(plain.article.paragraphs);
    expect(flooded.article.paragraphs.join(' ')).not.toContain('Cập nhật lúc');
  });

  it('still reads a page whose whole text sits inside its footer landmark', () => {
    const url = 'https://odd-layout.example/a';
    const paragraph = 'Ngoại trưởng Lavrov cho biết cuộc gặp kéo dài gần ba giờ và hai bên sẽ tiếp tục liên lạc trong những tháng tới, dù chưa có thỏa thuận nào được ký. ';
    const result = extractArticle(pageAt(`<html><body><footer><h1>Tin Alaska</h1><p>${paragraph.repeat(3)}</p><p>${paragraph.repeat(2)}</p></footer></body></html>`, url), url);
    if (!result.ok) throw new Error(result.error);
    expect(result.article.paragraphs).toEqual([paragraph.repeat(3).trim(), paragraph.repeat(2).trim()]);
  });

  it('refuses a sign-in page with a clear reason', () => {
    const url = 'https://harbor-ledger.example/account/sign-in';
    expect(extractVia(testPage('reading-sign-in.html', url), url)).toEqual({
      ok: false,
      code: 'no-article',
      error: 'no article found on this page (too little running text)',
    });
  });

  it('refuses a home page that is only headlines and links', () => {
    const links = Array.from({ length: 40 }, (_, i) => `<li><a href="/story/${i}">Headline number ${i} about the summit in Alaska and what comes next</a></li>`).join('');
    const url = 'https://harbor-ledger.example/';
    const result = extractArticle(pageAt(`<html><head><title>Harbor Ledger</title></head><body><nav>Menu</nav><ul>${links}</ul></body></html>`, url), url);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.code).toBe('no-article');
  });

  it('refuses what is not a web page', () => {
    const doc = pageAt('<p>x</p>', 'https://example.test/');
    expect(extractArticle(doc, 'file:///home/me/notes.html')).toEqual({ ok: false, code: 'not-web-page', error: 'only web pages (http or https) can be added' });
    expect(extractArticle(doc, 'not a url')).toEqual({ ok: false, code: 'not-web-page', error: 'only web pages (http or https) can be added' });
  });

  it('refuses a page of more elements than the cap before parsing it', () => {
    const url = 'https://huge.example/page';
    const result = extractArticle(pageAt(`<html><body>${'<i></i>'.repeat(2_001)}</body></html>`, url), url, { maxElements: 2_000, maxChars: MAX_ARTICLE_CHARS });
    // html, head and body count too.
    expect(result).toEqual({ ok: false, code: 'too-large', error: 'the page has 2004 elements; pages over 2000 are not read' });
  });

  it('caps an enormous article at a paragraph boundary and says so', () => {
    const paragraph = `${'Tổng thống Putin nói về cuộc gặp ở Alaska và những bước tiếp theo của hai nước. '.repeat(20)}`.trim();
    const body = Array.from({ length: 80 }, () => `<p>${paragraph}</p>`).join('');
    const url = 'https://long.example/a';
    const result = extractArticle(pageAt(`<html lang="vi"><head><title>Bài rất dài</title></head><body><article><h1>Bài rất dài</h1>${body}</article></body></html>`, url), url);
    if (!result.ok) throw new Error(result.error);
    expect(result.article.truncated).toBe(true);
    const total = result.article.paragraphs.reduce((n, p) => n + p.length, 0);
    expect(total).toBeLessThanOrEqual(MAX_ARTICLE_CHARS);
    expect(result.article.paragraphs).toHaveLength(Math.floor(MAX_ARTICLE_CHARS / paragraph.length));
  });

  it('never takes script text, and survives a page whose own prototypes were tampered with', () => {
    const paragraph = 'Ngoại trưởng Lavrov cho biết cuộc gặp kéo dài gần ba giờ và hai bên sẽ tiếp tục liên lạc trong những tháng tới, dù chưa có thỏa thuận nào được ký. ';
    const url = 'https://hostile.example/a';
    const doc = pageAt(
      `<html><body><article><h1>Tin Alaska</h1><p>${paragraph.repeat(3)}</p><script>document.title = "pwned"; window.alert("x")</script><p>${paragraph.repeat(2)}</p></article></body></html>`,
      url,
    );
    (doc.defaultView as unknown as { Object: { prototype: Record<string, unknown> } }).Object.prototype.polluted = 'yes';
    const result = extractArticle(doc, url);
    if (!result.ok) throw new Error(result.error);
    expect(result.article.paragraphs.join(' ')).not.toContain('pwned');
    expect(result.article.paragraphs).toEqual([paragraph.repeat(3).trim(), paragraph.repeat(2).trim()]);
  });

  it('keeps what it sends within what the background accepts, however long the page\'s metadata', () => {
    const url = 'https://long-meta.example/a';
    const long = 'Báo '.repeat(200);
    const paragraph = 'Tổng thống Putin nói về cuộc gặp ở Alaska và những bước tiếp theo của hai nước trong những tháng tới. ';
    const doc = pageAt(`<html><head><title>${long}</title><meta property="og:site_name" content="${long}"><meta name="author" content="${long}"></head><body><article><p>${paragraph.repeat(8)}</p></article></body></html>`, url);
    const result = extractArticle(doc, url);
    if (!result.ok) throw new Error(result.error);
    expect(validateArticle(result.article)).toEqual(result.article);
    expect([result.article.title.length, result.article.site!.length, result.article.byline!.length].every((n) => n <= 300)).toBe(true);
  });
});

describe('paragraphsOf', () => {
  it('ends a paragraph at each block, joins inline text and skips captions and controls', () => {
    const doc = pageAt('<div id="a"><p>One <b>bold</b> line</p>text after<ul><li>first</li><li>second</li></ul><figure><img><figcaption>A caption</figcaption></figure><button>Share</button><p>Last<br>line</p></div>', 'https://x.example/');
    expect(paragraphsOf(doc.getElementById('a')!)).toEqual(['One bold line', 'text after', 'first', 'second', 'Last', 'line']);
  });

  it('reads a page nested 20,000 levels deep without overflowing the stack', () => {
    const doc = pageAt(`<div id="a">${'<span>'.repeat(20_000)}deep${'</span>'.repeat(20_000)}</div>`, 'https://x.example/');
    expect(paragraphsOf(doc.getElementById('a')!)).toEqual(['deep']);
  }, 60_000);
});

describe('articleUrl', () => {
  it('drops the fragment, so a page and its comments anchor are one article', () => {
    expect(articleUrl('https://a.example/x?id=1#comments')).toBe('https://a.example/x?id=1');
    expect(articleUrl('ftp://a.example/x')).toBeNull();
    expect(articleUrl(`https://a.example/${'x'.repeat(2_000)}`)).toBeNull();
  });
});
