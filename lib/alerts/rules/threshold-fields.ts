/**
 * Threshold schema pieces the rules share, with messages an operator can act on, and the form fields of the
 * timings every rule has. Every rule has `enabled`, `forMs` (breach lasts this long before firing) and
 * `clearForMs` (clear this long before resolving); some add their own limit. Pure.
 */
import { z } from '../../util/zod-browser';
import type { RuleField } from './rule';

/** One minute in milliseconds. */
export const MINUTE_MS = 60_000;
const WEEK_MS = 7 * 24 * 60 * MINUTE_MS;

/** A duration in milliseconds, up to a week. */
export const msSchema = z
  .number({ error: 'must be a number of milliseconds' })
  .int({ error: 'must be a whole number of milliseconds' })
  .min(0, { error: 'must be 0 or more milliseconds' })
  .max(WEEK_MS, { error: `must be at most ${WEEK_MS} ms (7 days)` });

/** `enabled`, `forMs` and `clearForMs`: the fields of every rule's thresholds. */
export const timingShape = { enabled: z.boolean({ error: 'must be true or false' }), forMs: msSchema, clearForMs: msSchema };

/** A rule with no limit of its own. */
export const timingOnlySchema = z.strictObject(timingShape);

/** A rule whose limit is how long something may be missing (`afterMs`). */
export const afterSchema = z.strictObject({ ...timingShape, afterMs: msSchema });

/** "for" and "clear after", which every rule has. */
export const TIMING_FIELDS: readonly RuleField[] = [
  { key: 'forMs', label: 'For (min)', unit: 'minutes' },
  { key: 'clearForMs', label: 'Clear after (min)', unit: 'minutes' },
];

/** The field of `afterSchema`. */
export const AFTER_FIELD: RuleField = { key: 'afterMs', label: 'After (min)', unit: 'minutes' };
