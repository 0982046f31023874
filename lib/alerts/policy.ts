/**
 * The notification policy (noise control), validated: how long to wait to group a site's alerts into one
 * notification, the cooldown between two notifications of one group on one channel, and how often a
 * firing alert nobody acknowledged is sent again. Pure.
 */
import { z } from '../util/zod-browser';
import { err, ok, type Parsed } from '../util/result';
import { issueMessages, type IssueWording } from '../util/zod-issues';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

const ms = (what: string, max: number) =>
  z
    .number({ error: `${what} must be a number of milliseconds` })
    .int({ error: `${what} must be a whole number of milliseconds` })
    .min(0, { error: `${what} must be 0 or more milliseconds` })
    .max(max, { error: `${what} must be at most ${max} ms` });

export const notifyPolicySchema = z.strictObject({
  /** A new alert waits this long so others of its site join the same notification. */
  groupWaitMs: ms('groupWaitMs', 10 * MINUTE_MS),
  /** At most one notification per group and channel in this time; what comes in between is sent together after. */
  cooldownMs: ms('cooldownMs', DAY_MS),
  /** A firing alert not acknowledged (and not snoozed) is sent again after this long; 0 never re-sends. */
  renotifyMs: ms('renotifyMs', 7 * DAY_MS),
});
export type NotifyPolicy = z.infer<typeof notifyPolicySchema>;

/** Defaults: group for 30 s, at most one notification per site and channel every 2 minutes, re-notify every 4 hours. */
export const DEFAULT_NOTIFY_POLICY: NotifyPolicy = { groupWaitMs: 30_000, cooldownMs: 2 * MINUTE_MS, renotifyMs: 4 * 60 * MINUTE_MS };

/** A policy, or the messages naming what is wrong. */
export type ParsedPolicy = Parsed<NotifyPolicy>;

/** Policy messages are the schema's own (each field's rule in words), unknown fields listed with the known ones. */
const POLICY_WORDING: IssueWording = {
  subject: 'the policy',
  custom: (i) =>
    i.code === 'unrecognized_keys' ? `unknown field ${i.keys.join(', ')} (known: groupWaitMs, cooldownMs, renotifyMs)` : i.message,
};

/** Validates a partial policy over `base`; unknown fields and bad values are named. */
export function parseNotifyPolicy(input: unknown, base: NotifyPolicy = DEFAULT_NOTIFY_POLICY): ParsedPolicy {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return err(['the policy must be a JSON object']);
  const result = notifyPolicySchema.partial().safeParse(input);
  if (!result.success) {
    return err(issueMessages(result.error.issues, POLICY_WORDING, Number.MAX_SAFE_INTEGER));
  }
  const defined = Object.fromEntries(Object.entries(result.data).filter(([, v]) => v !== undefined));
  return ok({ ...base, ...defined });
}
