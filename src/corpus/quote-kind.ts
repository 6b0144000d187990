/**
 * Why a quotation has no speaker. A label noun before it (`dòng chữ “Theo
 * đuổi hòa bình”`, `bài hát “…”`) makes it a displayed text or a title;
 * anything else without a speech verb is a scare quote (`‘hòa hợp’`,
 * `“hợp cạ”`): the writer's own word, marked.
 */
export type QuoteKind = 'speech' | 'scare' | 'slogan' | 'title';

const SLOGAN = /(?:dòng chữ|khẩu hiệu|biểu ngữ|băng rôn|tấm biển|thông điệp|hashtag|chữ)\s*(?::\s*)?$/iu;
const TITLE = /(?:bài hát|ca khúc|chương trình|bộ phim|phim|cuốn sách|sách|tác phẩm|chiến dịch|tên gọi|gọi là|mang tên|có tên|tựa đề|tiêu đề|MV|chuyên mục|dự án|hiệp ước|kế hoạch)\s*(?::\s*)?$/iu;

export function nonSpeechKind(textBefore: string): Exclude<QuoteKind, 'speech'> {
  const near = textBefore.slice(-40);
  if (SLOGAN.test(near)) return 'slogan';
  if (TITLE.test(near)) return 'title';
  return 'scare';
}
