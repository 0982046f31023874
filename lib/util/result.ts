/**
 * The one shape of a fallible step that does not throw: `{ ok: true, value }` or `{ ok: false, error }`.
 * `ok`/`error` (not `success`/`data` as zod names them) because `if (!r.ok)` reads as the question a
 * caller asks, and one payload key per side means callers never guess which word this file chose.
 */

/** A success carrying its value. */
export type Ok<T> = { ok: true; value: T };

/** A failure carrying why (a message, a list of messages, a Refusal, ...). */
export type Err<E> = { ok: false; error: E };

/** What a fallible step that does not throw returns: its value, or why it failed. */
export type Result<T, E> = Ok<T> | Err<E>;

/** What an input parser returns: the checked value, or the messages naming what is wrong and why. */
export type Parsed<T> = Result<T, string[]>;

/** A success with `value` (none: undefined, for steps that only succeed or fail). */
export function ok(): Ok<undefined>;
export function ok<T>(value: T): Ok<T>;
export function ok<T>(value?: T): Ok<T | undefined> {
  return { ok: true, value };
}

/** A failure with `error`. */
export function err<E>(error: E): Err<E> {
  return { ok: false, error };
}
