/**
 * Items sorted by position, read window by window from the start of the text
 * to its end: each window costs what it returns plus what it skips, so a
 * document is read in linear time however many sentences it has (a page of
 * one 1 MB paragraph included), where filtering the whole list per sentence
 * would be quadratic.
 */
export class Windows<T> {
  private from = 0;

  constructor(
    private readonly items: readonly T[],
    private readonly at: (item: T) => number,
  ) {}

  /** Items positioned in `[start, end)`; windows must not move backwards. */
  take(start: number, end: number): T[] {
    const { items, at } = this;
    while (this.from < items.length && at(items[this.from]!) < start) this.from++;
    const out: T[] = [];
    for (let i = this.from; i < items.length && at(items[i]!) < end; i++) out.push(items[i]!);
    return out;
  }
}
