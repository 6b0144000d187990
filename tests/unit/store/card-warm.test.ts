import { describe, expect, it } from 'vitest';
import type { Mention } from '../../../src/protocol/messages';
import { CardWarmer } from '../../../src/store/card-warm';
import type { CardRequest } from '../../../src/store/queries';

const mention = (kind: Mention['kind'], id: string, count: number): Mention => ({ kind, id, count, forms: [id] });

describe('CardWarmer', () => {
  it('answers the most-mentioned cards first, one at a time, each once per index', async () => {
    const asked: string[] = [];
    let running = 0;
    const warmer = new CardWarmer(async (request: CardRequest) => {
      running++;
      expect(running).toBe(1);
      asked.push(`${request.kind}:${request.id}`);
      await Promise.resolve();
      running--;
    });
    const index = {};
    const page = [mention('person', 'lavrov', 1), mention('person', 'putin', 7), mention('summit', 'alaska-2025', 3), mention('person', 'trump', 5)];
    await warmer.warm(index, page, 3);
    expect(asked).toEqual(['person:putin', 'person:trump', 'summit:alaska-2025']);
    // The page changed (a live blog): only the card not warmed yet is answered.
    await warmer.warm(index, [...page, mention('person', 'rubio', 9)], 3);
    expect(asked).toEqual(['person:putin', 'person:trump', 'summit:alaska-2025', 'person:rubio']);
    // A new live index (a reseed) is read afresh.
    await warmer.warm({}, page, 1);
    expect(asked.slice(4)).toEqual(['person:putin']);
  });

  it('goes on past a card that cannot be answered (an id the index does not have)', async () => {
    const asked: string[] = [];
    const warmer = new CardWarmer(async (request: CardRequest) => {
      asked.push(request.id);
      if (request.id === 'gone') throw new Error('no person "gone" in the index');
    });
    await warmer.warm({}, [mention('person', 'gone', 2), mention('person', 'putin', 1)]);
    expect(asked).toEqual(['gone', 'putin']);
  });
});
