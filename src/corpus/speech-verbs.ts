import type { QuoteSpan } from './quote-marks';
import { leadingLookbehind } from './lookbehind';

/**
 * Verbs that introduce what someone said or wrote. Longer forms first so that
 * `nói thêm rằng` is one verb, not `nói` followed by noise.
 */
const VERBS = [
  'nói thêm rằng', 'nói thêm', 'nói rằng', 'nói với', 'nói về', 'nói', 'cho biết', 'cho rằng', 'tuyên bố rằng', 'tuyên bố',
  'phát biểu', 'khẳng định', 'nhấn mạnh', 'bày tỏ', 'nêu rõ', 'chia sẻ', 'nhận xét', 'nhận định', 'thêm rằng', 'viết',
  'tweet', 'đăng tải', 'trả lời', 'kêu gọi', 'cảnh báo', 'thừa nhận', 'tiết lộ', 'lưu ý', 'giải thích', 'nhắc lại rằng', 'nhắc lại', 'nhắc rằng',
  'ca ngợi', 'phủ nhận', 'bác bỏ', 'xác nhận', 'thông báo', 'đánh giá', 'mô tả', 'trấn an',
  'cam kết', 'nhận xét rằng', 'dọa', 'đe dọa', 'chỉ trích', 'khen ngợi', 'hứa', 'gọi', 'đáp', 'đáp lại', 'chúc', 'ví', 'đề xuất', 'hối thúc', 'kể lại', 'kể', 'yêu cầu', 'đề nghị',
  'đăng trên', 'đăng lên', 'cho hay', 'bình luận', 'bổ sung', 'tiếp lời', 'dự báo', 'dự đoán', 'quả quyết',
  'khuyến cáo', 'tâm sự', 'phàn nàn', 'than phiền',
];

/**
 * English reported speech: past tense and the present of wire copy and
 * headlines (`Lavrov says`). `according to` and `quoted … as saying` put the
 * speaker after the verb, which attribution reads after it.
 */
const ENGLISH = [
  'said', 'says', 'told', 'tells', 'added', 'adds', 'according to', 'warned', 'warns', 'insisted', 'insists', 'stated',
  'noted', 'asked', 'wrote', 'writes', 'tweeted', 'replied', 'responded', 'answered', 'retorted', 'countered', 'explained', 'stressed', 'emphasized',
  'emphasised', 'argued', 'acknowledged', 'admitted', 'recalled', 'remarked', 'declared', 'announced', 'claimed',
  'commented', 'suggested', 'predicted', 'vowed', 'promised', 'conceded', 'cautioned', 'complained', 'boasted',
  'joked', 'quipped', 'observed', 'mused', 'recounted', 'reiterated', 'confirmed', 'denied', 'testified', 'assured',
  'contended', 'maintained', 'lamented', 'concluded', 'pointed out', 'saying', 'telling', 'as saying', 'described', 'called', 'calling', 'calls', 'describes', 'dismissed', 'labeled', 'labelled', 'branded', 'termed', 'urged', 'pledged',
];

/**
 * Russian verbs of speech in the past tense, every gender and number
 * (`заявил`, `заявила`, `заявили`), and `по словам`, `по мнению`, `как считает`,
 * `слова Трампа о том, что…`.
 */
const RUSSIAN_STEMS = [
  'заявил', 'сказал', 'отметил', 'подчеркнул', 'добавил', 'сообщил', 'пояснил', 'указал', 'уточнил', 'написал', 'признал',
  'заверил', 'предупредил', 'напомнил', 'ответил', 'рассказал', 'констатировал', 'резюмировал', 'заключил', 'продолжил',
  'высказал', 'посетовал', 'пообещал', 'призвал', 'считает', 'говорит', 'заявляет', 'отмечает', 'подчёркивает',
  'подчеркивает', 'говорил', 'настаивал', 'убежден', 'убеждён', 'оценил', 'прокомментировал', 'процитировал', 'назвал', 'заметил',
  'охарактеризовал', 'допустил', 'выразил', 'возразил', 'парировал', 'подытожил', 'объяснил', 'предположил', 'спрогнозировал',
  'посоветовал', 'пишет', 'полагает',
  // The imperfective past of the same verbs (`рассказывал журналистам`, `предостерегала от попыток`), a report of what was said over time.
  'рассказывал', 'заявлял', 'отмечал', 'подчеркивал', 'подчёркивал', 'предупреждал', 'предостерегал', 'допускал', 'утверждал',
  'уверял', 'повторил', 'повторял', 'пояснял', 'указывал', 'признавал', 'напоминал', 'сообщал', 'обещал', 'называл',
  // `ограничился фразой «…»`: said no more than the words quoted.
  'ограничился', 'ограничилась',
];
const RUSSIAN = ['выразился', 'выразилась', 'признался', 'призналась', 'высказался', 'высказалась', 'поделился', 'поделилась', 'назвав', 'называет', 'по мнению', 'слова', 'по словам', 'по его словам', 'по ее словам', 'по её словам', 'как считает', 'как сказал', 'как отметил'];

const escape = (v: string) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ALTERNATIVES = [
  ...[...VERBS, ...ENGLISH, ...RUSSIAN].map(escape),
  ...RUSSIAN_STEMS.map((v) => (v.endsWith('л') ? `${escape(v)}(?:а|и|о)?` : escape(v))),
].sort((a, b) => b.length - a.length);

const VERB_RE = leadingLookbehind(new RegExp(`(?<![\\p{L}\\d])(?:${ALTERNATIVES.join('|')})(?![\\p{L}\\d])`, 'giu'));

/**
 * Vietnamese verbs that are also nouns: after a preposition or a classifier (`Trong tuyên bố hôm 16/8`,
 * `theo đánh giá của`, `một phát biểu`) they name a statement, and whoever is named next is its author,
 * not the subject of a verb.
 */
const NOUNISH = new Set(['bình luận', 'dự báo', 'dự đoán', 'tuyên bố', 'phát biểu', 'thông báo', 'đánh giá', 'cam kết', 'đề xuất', 'nhận định', 'nhận xét', 'cảnh báo', 'chia sẻ', 'trả lời', 'yêu cầu', 'đề nghị']);
const NOUN_BEFORE = /(?<![\p{L}])(?:trong|theo|qua|bản|một|các|những|lời|câu|bài|cuộc|nhà|số|sau|tại|với|của|rằng|là)\s+$/iu;

export interface VerbHit {
  start: number;
  end: number;
}

/**
 * Speech verbs in `[from, to)` of `text`, ignoring words inside quotations.
 * The search runs on that slice only: a search from `from` over the whole
 * text would read on to the next verb however far away, once per sentence.
 */
export function findSpeechVerbs(text: string, from: number, to: number, quotes: QuoteSpan[]): VerbHit[] {
  const hits: VerbHit[] = [];
  // One character either side keeps the word-boundary lookarounds true to the full text.
  const lead = from > 0 ? 1 : 0;
  const window = text.slice(from - lead, Math.min(text.length, to + 1));
  const limit = to - from + lead;
  VERB_RE.lastIndex = lead;
  for (let m = VERB_RE.exec(window); m && m.index + m[0].length <= limit; m = VERB_RE.exec(window)) {
    const start = from - lead + m.index;
    if (quotes.some((q) => start > q.open && start < q.close)) continue;
    if (NOUNISH.has(m[0].toLowerCase()) && NOUN_BEFORE.test(window.slice(Math.max(0, m.index - 12), m.index))) continue;
    hits.push({ start, end: start + m[0].length });
  }
  return hits;
}
