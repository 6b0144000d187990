import type { Mention } from '../protocol/messages';
import type { CardRequest } from './queries';

/** Cards prepared per page: its most-mentioned people and summits, the cards a reader most likely opens. */
export const WARM_CARDS = 6;

/**
 * Cards the background prepares as soon as a page reports its mentions, one
 * at a time, before any is asked for. Answering one fills what a card reads
 * through: the index's record cache (kept for the index's life, a complete
 * index never changes), the user's quotes (kept by the reading service until
 * it changes them) and the offices. Nothing else is kept, so nothing here can
 * go stale; a card answered from warm caches costs well under a millisecond,
 * where the first of a worker's life reads and inflates a dozen records.
 * Keyboard and touch open a card at once, with no dwell to hide that.
 */
export class CardWarmer {
  private readonly warmed = new WeakMap<object, Set<string>>();

  constructor(private readonly answer: (request: CardRequest) => Promise<unknown>) {}

  /** `index` is the live index the cards are read from: a new one (a reseed) is warmed again. */
  async warm(index: object, mentions: readonly Mention[], limit = WARM_CARDS): Promise<void> {
    let done = this.warmed.get(index);
    if (done === undefined) this.warmed.set(index, (done = new Set()));
    const likely = [...mentions].sort((a, b) => b.count - a.count).slice(0, limit);
    for (const { kind, id } of likely) {
      const key = `${kind}:${id}`;
      if (done.has(key)) continue;
      done.add(key);
      await this.answer({ kind, id }).catch(() => undefined);
    }
  }
}
