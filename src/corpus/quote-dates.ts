import type { Summit } from '../schema/index-schema';
import type { DateMention } from './dates';

/**
 * When a quotation was said. A sentence can fix the time (`hôm 15/8`), put
 * the statement at the summit (`tại họp báo`, `sau cuộc gặp`), or move it
 * away from the summit to an unknown day (`trước cuộc gặp`, `đầu tuần này`).
 * That frame carries to following sentences until another cue, and restarts
 * at each live-blog entry. A carried frame dates only what summit
 * participants said: the article is about their meeting, not about when an
 * aide or a third party spoke.
 */
export type Frame = { type: 'day'; iso: string } | { type: 'summit' } | { type: 'elsewhere' };

const ELSEWHERE =
  /(?<![\p{L}])(?:trước cuộc gặp|trước thượng đỉnh|trước hội nghị|trước cuộc hội đàm|trước khi|trước đó|đầu tuần|cuối tuần|tuần trước|tháng trước|năm ngoái|hôm qua|hôm trước|gần đây|khi lên chuyên cơ|trên chuyên cơ|trên đường tới|trên đường đến|từng (?:tuyên bố|nói|cho biết|khẳng định|phát biểu|cam kết|dọa|đe dọa))(?![\p{L}])/iu;
const AT_SUMMIT =
  /(?<![\p{L}])(?:họp báo|tại cuộc gặp|trong cuộc gặp|sau cuộc gặp|sau hội nghị|sau thượng đỉnh|tại thượng đỉnh|tại hội nghị|trong cuộc hội đàm|sau cuộc hội đàm|tại cuộc hội đàm|khi hội đàm|khi được hội đàm|bên lề|khi đến)(?![\p{L}])/iu;

/** The frame a sentence sets, or null when it sets none. */
export function frameOf(sentence: string, dates: DateMention[]): Frame | null {
  const day = dates.find((d) => d.precision === 'day' && d.iso !== null);
  if (day) return { type: 'day', iso: day.iso! };
  if (ELSEWHERE.test(sentence)) return { type: 'elsewhere' };
  if (AT_SUMMIT.test(sentence)) return { type: 'summit' };
  return null;
}

/** The single day of a summit, or null for one that spanned several days. */
function summitDay(summit: Summit | null): string | null {
  if (!summit) return null;
  return summit.endDate === null || summit.endDate === summit.date ? summit.date : null;
}

export function quoteDate(own: Frame | null, carried: Frame | null, speaker: string, summit: Summit | null): string | null {
  if (own) return frameDate(own, summit);
  if (!carried || !summit?.participants.includes(speaker)) return null;
  return frameDate(carried, summit);
}

function frameDate(frame: Frame, summit: Summit | null): string | null {
  if (frame.type === 'day') return frame.iso;
  if (frame.type === 'summit') return summitDay(summit);
  return null;
}
