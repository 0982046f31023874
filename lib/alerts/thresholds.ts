/**
 * Alert thresholds: the defaults and schema of each rule (its descriptor's, ./rules/), a zod schema for a
 * partial override (set globally, per site or per rig) with messages an operator can act on, and resolution
 * global -> site -> rig (the most specific wins, field by field). Every rule has `enabled`, `forMs` (breach lasts this long before firing) and
 * `clearForMs` (clear this long before resolving); some add their own limit.
 */
import { z } from '../util/zod-browser';
import { RULE_DESCRIPTORS, RULE_KINDS, type RuleDescriptorOf, type RuleKind } from './rules/descriptors';
import { describeValue } from '../util/describe-value';
import { err, ok, type Parsed } from '../util/result';
import { issueMessages, type IssueWording } from '../util/zod-issues';

/** One schema per rule (its descriptor's); the full (resolved) shape. */
const RULE_SCHEMAS = Object.fromEntries(RULE_DESCRIPTORS.map((d) => [d.name, d.thresholds])) as unknown as {
  [K in RuleKind]: RuleDescriptorOf<K>['thresholds'];
};

/** Every rule's thresholds, resolved. */
export type AlertThresholds = { [K in RuleKind]: z.infer<RuleDescriptorOf<K>['thresholds']> };

/** A partial override: any rule, any of its fields. */
const overrideShape = {} as Record<RuleKind, z.ZodType>;
for (const rule of RULE_KINDS) overrideShape[rule] = RULE_SCHEMAS[rule].partial().optional();
/** Validates a partial override (global, a site's or a rig's). */
export const thresholdOverrideSchema = z.strictObject(overrideShape);
/** Any rule, any of its fields, over the thresholds below it. */
export type ThresholdOverride = { [K in RuleKind]?: Partial<AlertThresholds[K]> };

/**
 * Defaults: each rule's descriptor's (./rules/). Unprofitable: margin 0/kWh for 15 minutes; once firing it
 * resolves only when profit per kWh has been at or above margin + 0.002/kWh (the clear band) for 5 minutes.
 * Offline fires as soon as the collector marks a rig offline (HASHWATT_OFFLINE_AFTER_POLLS already counts
 * the polls). Network and price data go stale after 30 minutes, as HASHWATT_NETWORK_STALE_AFTER_S /
 * _PRICE_STALE_AFTER_S do.
 */
export const DEFAULT_THRESHOLDS = Object.fromEntries(
  RULE_DESCRIPTORS.map((d) => [d.name, { ...d.defaults }]),
) as unknown as AlertThresholds;

/** The operator's alert settings: global thresholds, site and rig overrides, rigs in maintenance. */
export interface AlertSettings {
  global: AlertThresholds;
  /** Overrides by site id, applied over `global`. */
  sites: Record<number, ThresholdOverride>;
  /** Overrides by rig id, applied over the rig's site. */
  rigs: Record<number, ThresholdOverride>;
  /** Rigs in maintenance: no pending or firing alerts; a firing one resolves with reason "maintenance". */
  maintenanceRigIds: readonly number[];
}

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
