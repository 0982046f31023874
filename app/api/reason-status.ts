/** The one place a domain refusal (lib/util/refusal.ts) becomes an HTTP status and a JSON error reply. */
import type { Refusal, RefusalReason } from '../../lib/util/refusal';
import { problem } from './request';

/** The HTTP status of each refusal reason. */
export const REASON_STATUS: Readonly<Record<RefusalReason, number>> = {
  invalid: 400,
  'not-found': 404,
  conflict: 409,
};

/** The HTTP status for `reason`. */
export function reasonStatus(reason: RefusalReason): number {
  return REASON_STATUS[reason];
}

/** The `{ ok: false, error }` reply for a refusal, with its reason's status. */
export function refusalReply(refusal: Refusal) {
  return problem(reasonStatus(refusal.reason), refusal.message);
}
