/**
 * Why a write or a lookup was refused, in the domain's words: lib/ never speaks HTTP. The API maps each
 * reason to its status in one place (app/api/reason-status.ts).
 */
import { err, type Err, type Result } from './result';

/** The domain reasons a refusal can have. */
export const REFUSAL_REASONS = ['invalid', 'not-found', 'conflict'] as const;

/** invalid: the request itself is wrong; not-found: what it names does not exist (or is not the caller's); conflict: it clashes with what is stored. */
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** A reason and the message the user sees. */
export interface Refusal {
  reason: RefusalReason;
  message: string;
}

/** A step's outcome: its value, or a Refusal. */
export type Refusable<T> = Result<T, Refusal>;

/** A failed outcome refusing for `reason` with `message`. */
export function refuse(reason: RefusalReason, message: string): Err<Refusal> {
  return err({ reason, message });
}
