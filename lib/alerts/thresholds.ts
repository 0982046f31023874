/**
 * Alert thresholds: the defaults, a zod schema for a partial override (set globally, per site or per rig)
 * with messages an operator can act on, and resolution global -> site -> rig (the most specific wins,
 * field by field). Every rule has `enabled`, `forMs` (breach lasts this long before firing) and
 * `clearForMs` (clear this long before resolving); some add their own limit.
 */
import { z } from '../util/zod-browser';
import { RULE_KINDS, type RuleKind } from './types';
import { describeValue } from '../util/describe-value';
import { err, ok, type Parsed } from '../util/result';
import { issueMessages, type IssueWording } from '../util/zod-issues';

const MINUTE_MS = 60_000;
const WEEK_MS = 7 * 24 * 60 * MINUTE_MS;

const ms = z
  .number({ error: 'must be a number of milliseconds' })
  .int({ error: 'must be a whole number of milliseconds' })
  .min(0, { error: 'must be 0 or more milliseconds' })
  .max(WEEK_MS, { error: `must be at most ${WEEK_MS} ms (7 days)` });
const money = z.number({ error: 'must be a number (per kWh, in the site currency)' }).min(-1000, { error: 'must be -1000 or more' }).max(1000, { error: 'must be 1000 or less' });
const band = z.number({ error: 'must be a number (per kWh, in the site currency)' }).min(0, { error: 'must be 0 or more' }).max(1000, { error: 'must be 1000 or less' });
const pct = z.number({ error: 'must be a percentage' }).gt(0, { error: 'must be above 0 %' }).max(100, { error: 'must be 100 % or less' });
const gapPct = z.number({ error: 'must be a percentage' }).gt(0, { error: 'must be above 0 %' }).max(1000, { error: 'must be 1000 % or less' });
const tempC = z.number({ error: 'must be a temperature in degC' }).min(0, { error: 'must be 0 degC or more' }).max(150, { error: 'must be 150 degC or less' });
const boards = z.number({ error: 'must be a number of boards' }).int({ error: 'must be a whole number of boards' }).min(1, { error: 'must be 1 or more boards' }).max(64, { error: 'must be 64 boards or less' }).nullable();

const common = { enabled: z.boolean({ error: 'must be true or false' }), forMs: ms, clearForMs: ms };
const unprofitable = z.strictObject({
  ...common,
  /** Breached while profit per kWh is below this. */
  marginPerKwh: money,
  /** Hysteresis: a firing alert clears only once profit per kWh >= marginPerKwh + clearBandPerKwh. */
  clearBandPerKwh: band,
});

/** One schema per rule; the full (resolved) shape. */
const RULE_SCHEMAS = {
  'unprofitable-rig': unprofitable,
  'unprofitable-site': unprofitable,
  offline: z.strictObject(common),
  stale: z.strictObject(common),
  'hashrate-low': z.strictObject({ ...common, belowPct: pct }),
  'temp-high': z.strictObject({ ...common, maxC: tempC, clearBandC: z.number({ error: 'must be a number of degC' }).min(0, { error: 'must be 0 degC or more' }).max(50, { error: 'must be 50 degC or less' }) }),
  'fan-stopped': z.strictObject(common),
  'board-missing': z.strictObject({ ...common, expectedBoards: boards }),
  'pool-dead': z.strictObject(common),
  'no-shares': z.strictObject({ ...common, afterMs: ms }),
  'pool-gap': z.strictObject({ ...common, gapPct }),
  'network-stale': z.strictObject({ ...common, afterMs: ms }),
  'price-stale': z.strictObject({ ...common, afterMs: ms }),
} satisfies Record<RuleKind, z.ZodObject>;

export type AlertThresholds = { [K in RuleKind]: z.infer<(typeof RULE_SCHEMAS)[K]> };

/** A partial override: any rule, any of its fields. */
const overrideShape = {} as Record<RuleKind, z.ZodType>;
for (const rule of RULE_KINDS) overrideShape[rule] = RULE_SCHEMAS[rule].partial().optional();
export const thresholdOverrideSchema = z.strictObject(overrideShape);
export type ThresholdOverride = { [K in RuleKind]?: Partial<AlertThresholds[K]> };

/**
 * Defaults. Unprofitable: margin 0/kWh for 15 minutes; once firing it resolves only when profit per kWh
 * has been at or above margin + 0.002/kWh (the clear band) for 5 minutes. Offline fires as soon as the
 * collector marks a rig offline (HASHWATT_OFFLINE_AFTER_POLLS already counts the polls). Network and price
 * data go stale after 30 minutes, as HASHWATT_NETWORK_STALE_AFTER_S / _PRICE_STALE_AFTER_S do.
 */
export const DEFAULT_THRESHOLDS: AlertThresholds = {
  'unprofitable-rig': { enabled: true, forMs: 15 * MINUTE_MS, clearForMs: 5 * MINUTE_MS, marginPerKwh: 0, clearBandPerKwh: 0.002 },
  'unprofitable-site': { enabled: true, forMs: 15 * MINUTE_MS, clearForMs: 5 * MINUTE_MS, marginPerKwh: 0, clearBandPerKwh: 0.002 },
  offline: { enabled: true, forMs: 0, clearForMs: 2 * MINUTE_MS },
  stale: { enabled: true, forMs: 2 * MINUTE_MS, clearForMs: MINUTE_MS },
  'hashrate-low': { enabled: true, forMs: 10 * MINUTE_MS, clearForMs: 5 * MINUTE_MS, belowPct: 80 },
  'temp-high': { enabled: true, forMs: 2 * MINUTE_MS, clearForMs: 5 * MINUTE_MS, maxC: 85, clearBandC: 3 },
  'fan-stopped': { enabled: true, forMs: MINUTE_MS, clearForMs: 2 * MINUTE_MS },
  'board-missing': { enabled: true, forMs: 5 * MINUTE_MS, clearForMs: 5 * MINUTE_MS, expectedBoards: null },
  'pool-dead': { enabled: true, forMs: 2 * MINUTE_MS, clearForMs: 2 * MINUTE_MS },
  'no-shares': { enabled: true, forMs: 0, clearForMs: 2 * MINUTE_MS, afterMs: 15 * MINUTE_MS },
  'pool-gap': { enabled: true, forMs: 15 * MINUTE_MS, clearForMs: 15 * MINUTE_MS, gapPct: 10 },
  'network-stale': { enabled: true, forMs: 0, clearForMs: 0, afterMs: 30 * MINUTE_MS },
  'price-stale': { enabled: true, forMs: 0, clearForMs: 0, afterMs: 30 * MINUTE_MS },
};

/**
 * Threshold messages name the override (`where`, e.g. "site 3 thresholds"), then the rule and setting, in
 * the words the alerts screen and the API have always used; zod-issues.ts formats them.
 */
function thresholdWording(where: string): IssueWording {
  return {
    subject: where,
    custom: (issue, _path, input) => {
      const path = issue.path.map(String).join('.');
      const subject = path ? `${where} ${path}` : where;
      if (issue.code === 'unrecognized_keys') {
        const known = path ? Object.keys(RULE_SCHEMAS[issue.path[0] as RuleKind].shape) : RULE_KINDS;
        return `${subject}: unknown ${path ? 'setting' : 'rule'} ${issue.keys.map((k) => `"${k}"`).join(', ')} (known: ${known.join(', ')})`;
      }
      if (issue.code === 'invalid_type' && issue.expected === 'object') return `${subject} must be an object (got ${describeValue(input)})`;
      return `${subject} ${issue.message} (got ${describeValue(input)})`;
    },
  };
}

/** An override, or the messages naming what is wrong. */
export type ParsedOverride = Parsed<ThresholdOverride>;

/** Validates an override; `where` names it in messages, e.g. "site 3 thresholds". */
export function parseThresholdOverride(input: unknown, where = 'thresholds'): ParsedOverride {
  const result = thresholdOverrideSchema.safeParse(input, { reportInput: true });
  if (result.success) return ok(result.data as ThresholdOverride);
  return err(issueMessages(result.error.issues, thresholdWording(where), Number.MAX_SAFE_INTEGER));
}

/** The effective thresholds: `base` with each override applied in order (global, then site, then rig). */
export function resolveThresholds(base: AlertThresholds, ...overrides: (ThresholdOverride | undefined)[]): AlertThresholds {
  const out = { ...base } as Record<RuleKind, Record<string, unknown>>;
  for (const override of overrides) {
    if (!override) continue;
    for (const rule of RULE_KINDS) {
      const part = override[rule];
      if (!part) continue;
      const defined = Object.fromEntries(Object.entries(part).filter(([, v]) => v !== undefined));
      out[rule] = { ...out[rule], ...defined };
    }
  }
  return out as AlertThresholds;
}
