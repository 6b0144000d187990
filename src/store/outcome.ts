/**
 * Requests arrive from content scripts as untyped messages, so lookups answer a
 * bad or unknown id with a value the UI can show instead of throwing across the
 * message boundary.
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: { code: 'bad-request' | 'not-found' | 'not-ready'; message: string } };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });

export const fail = <T = never>(code: 'bad-request' | 'not-found' | 'not-ready', message: string): Outcome<T> => ({
  ok: false,
  error: { code, message },
});

export const MAX_ID_LENGTH = 200;

export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;
}
