import { validateRequest, type Answers, type Reply, type RequestOf, type RequestType } from './messages';

export interface Origin {
  /** Set when the message comes from a content script. */
  tabId: number | null;
  /** The sending frame (0 for the top document) when the message comes from a content script. */
  frameId?: number;
}

export type Handlers = {
  [T in RequestType]: (request: RequestOf<T>, origin: Origin) => Promise<Answers[T]>;
};

/**
 * Validates, dispatches and turns every failure into an error reply, so no
 * message, however malformed, can throw inside the background's listener.
 */
export function createRouter(handlers: Handlers): (message: unknown, origin: Origin) => Promise<Reply<unknown>> {
  return async (message, origin) => {
    const request = validateRequest(message);
    if (typeof request === 'string') return { ok: false, error: `Bad request: ${request}` };
    try {
      const handler = handlers[request.type] as (r: typeof request, o: Origin) => Promise<unknown>;
      return { ok: true, value: await handler(request, origin) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
