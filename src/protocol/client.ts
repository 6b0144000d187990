import type { Answers, Reply, RequestOf, RequestType } from './messages';

/** The transport, injected so this module needs no browser global. */
export type Send = (message: unknown) => Promise<unknown>;

export type Ask = <T extends RequestType>(request: RequestOf<T>) => Promise<Answers[T]>;

export function createClient(send: Send): Ask {
  return async (request) => {
    const reply = (await send(request)) as Reply<never> | undefined;
    if (reply === undefined || reply === null || typeof reply !== 'object') {
      throw new Error('The Summit Lens background did not answer.');
    }
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  };
}
