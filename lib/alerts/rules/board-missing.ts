/**
 * Rule "board-missing": a board that reports no chips or no hash rate, a gap in the board numbering, or fewer
 * boards than expected. Pure.
 */
import { z } from '../../util/zod-browser';
import { readingRule } from './rig-rule';
import type { RuleDescriptor } from './rule';
import { MINUTE_MS, timingShape } from './threshold-fields';

const thresholds = z.strictObject({
  ...timingShape,
  expectedBoards: z
    .number({ error: 'must be a number of boards' })
    .int({ error: 'must be a whole number of boards' })
    .min(1, { error: 'must be 1 or more boards' })
    .max(64, { error: 'must be 64 boards or less' })
    .nullable(),
});

/** The rule, described. `expectedBoards` null: judged by the boards the rig reports. */
export const boardMissingDescriptor = {
  name: 'board-missing',
  label: 'Hash board missing',
  scope: 'rig',
  severity: 'warning',
  title: (s: string) => `${s} is missing a hash board`,
  description: 'A hash board reports no chips or no hash rate, is absent from the numbering, or the rig has fewer boards than expected.',
  thresholds,
  defaults: { enabled: true, forMs: 5 * MINUTE_MS, clearForMs: 5 * MINUTE_MS, expectedBoards: null },
  limits: [{ key: 'expectedBoards', label: 'Expected boards (or auto)', unit: 'plain', nullable: true }],
} as const satisfies RuleDescriptor<'board-missing', typeof thresholds>;

/** The rule: every online rig. */
export const boardMissingRule = readingRule(boardMissingDescriptor, (reading, t) => {
  const dead = reading.boards.filter((b) => b.chips === 0 || b.hashrateThs === 0).map((b) => b.index);
  const present = new Set(reading.boards.map((b) => b.index));
  const highest = Math.max(-1, ...present, (t.expectedBoards ?? 0) - 1);
  const absent: number[] = [];
  for (let i = 0; i <= highest; i++) if (!present.has(i)) absent.push(i);
  const missing = [...new Set([...dead, ...absent])].sort((a, b) => a - b);
  const detail = missing.length
    ? `board ${missing.join(', ')} missing or dead (${reading.boards.length - dead.length} hashing)`
    : `${reading.boards.length} boards hashing`;
  return { breached: missing.length > 0, value: missing.length, detail };
});
