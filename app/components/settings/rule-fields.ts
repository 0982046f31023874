/**
 * Alert rules as the settings form edits them: a name per rule, the fields of each (times in minutes,
 * limits in their own units), which rules an override at a scope can change, and the conversions between
 * the form's strings and a ThresholdOverride. Pure.
 */
import type { AlertThresholds, ThresholdOverride } from '../../../lib/alerts/thresholds';
import { RULE_KINDS, RULE_SCOPE, type RuleKind } from '../../../lib/alerts/types';
import { err, ok, type Parsed } from '../../../lib/util/result';

/** A rule in words. */
export const RULE_LABEL: Readonly<Record<RuleKind, string>> = {
  'unprofitable-rig': 'Rig losing money',
  'unprofitable-site': 'Site losing money',
  offline: 'Rig offline',
  stale: 'Rig data stale',
  'hashrate-low': 'Hash rate low',
  'temp-high': 'Temperature high',
  'fan-stopped': 'Fan stopped',
  'board-missing': 'Hash board missing',
  'pool-dead': 'No working pool',
  'no-shares': 'No accepted shares',
  'pool-gap': 'Pool reports less than rigs',
  'network-stale': 'Network data stale',
  'price-stale': 'BTC price stale',
};

/** How a field is shown: milliseconds as minutes, everything else as stored. */
export type RuleFieldUnit = 'minutes' | 'plain';

/** One editable field of a rule. */
export interface RuleField {
  key: string;
  /** Short label with its unit. */
  label: string;
  unit: RuleFieldUnit;
  /** null is allowed, typed as "auto". */
  nullable?: boolean;
}

/** "for" and "clear after", which every rule has. */
export const TIMING_FIELDS: readonly RuleField[] = [
  { key: 'forMs', label: 'For (min)', unit: 'minutes' },
  { key: 'clearForMs', label: 'Clear after (min)', unit: 'minutes' },
];

const PER_KWH = { key: 'marginPerKwh', label: 'Margin (/kWh, site currency)', unit: 'plain' } as const;
const BAND_KWH = { key: 'clearBandPerKwh', label: 'Clear band (/kWh)', unit: 'plain' } as const;
const AFTER = { key: 'afterMs', label: 'After (min)', unit: 'minutes' } as const;

/** Each rule's own limits, beyond enabled and the timings. */
export const RULE_LIMITS: Readonly<Record<RuleKind, readonly RuleField[]>> = {
  'unprofitable-rig': [PER_KWH, BAND_KWH],
  'unprofitable-site': [PER_KWH, BAND_KWH],
  offline: [],
  stale: [],
  'hashrate-low': [{ key: 'belowPct', label: 'Below (% of expected)', unit: 'plain' }],
  'temp-high': [
    { key: 'maxC', label: 'Max (°C)', unit: 'plain' },
    { key: 'clearBandC', label: 'Clear band (°C)', unit: 'plain' },
  ],
  'fan-stopped': [],
  'board-missing': [{ key: 'expectedBoards', label: 'Expected boards (or auto)', unit: 'plain', nullable: true }],
  'pool-dead': [],
  'no-shares': [AFTER],
  'pool-gap': [{ key: 'gapPct', label: 'Gap (%)', unit: 'plain' }],
  'network-stale': [AFTER],
  'price-stale': [AFTER],
};

/** Every editable field of a rule: timings, then its limits. */
export function ruleFields(rule: RuleKind): RuleField[] {
  return [...TIMING_FIELDS, ...RULE_LIMITS[rule]];
}

/** Where an override is set. */
export type RuleScopeRef = { kind: 'global' } | { kind: 'site'; id: number } | { kind: 'rig'; id: number; siteId: number };

/**
 * The rules an override at this scope changes: everything globally; a site's own rule and its rigs'
 * rules per site; rig rules per rig. Pool and fleet rules read the global thresholds only.
 */
export function rulesAtScope(scope: RuleScopeRef): RuleKind[] {
  if (scope.kind === 'global') return [...RULE_KINDS];
  if (scope.kind === 'site') return RULE_KINDS.filter((r) => RULE_SCOPE[r] === 'rig' || RULE_SCOPE[r] === 'site');
  return RULE_KINDS.filter((r) => RULE_SCOPE[r] === 'rig');
}

const MINUTE_MS = 60_000;

/** A stored value as the form shows it ("15" for 900000 ms, "auto" for null). */
export function displayValue(field: RuleField, value: unknown): string {
  if (value === null) return field.nullable ? 'auto' : '';
  if (typeof value !== 'number') return '';
  if (field.unit === 'minutes') return String(Math.round((value / MINUTE_MS) * 1000) / 1000);
  return String(value);
}

/** The form of one rule at one scope: strings per field ('' inherits) and enabled (undefined inherits). */
export interface RuleFormRow {
  enabled: boolean | undefined;
  values: Record<string, string>;
}
export type RulesForm = Partial<Record<RuleKind, RuleFormRow>>;

/** The override set at a scope, as form rows. */
export function formFromOverride(override: ThresholdOverride | undefined, rules: readonly RuleKind[]): RulesForm {
  const form: RulesForm = {};
  for (const rule of rules) {
    const part = (override?.[rule] ?? {}) as Record<string, unknown>;
    const values: Record<string, string> = {};
    for (const f of ruleFields(rule)) values[f.key] = f.key in part ? displayValue(f, part[f.key]) : '';
    form[rule] = { enabled: typeof part.enabled === 'boolean' ? part.enabled : undefined, values };
  }
  return form;
}

export type BuiltOverride = Parsed<ThresholdOverride>;

/** The form as an override holding only the fields set at this scope (so `{}` clears the scope). */
export function overrideFromForm(form: RulesForm): BuiltOverride {
  const override: Record<string, Record<string, unknown>> = {};
  const errors: string[] = [];
  for (const rule of RULE_KINDS) {
    const row = form[rule];
    if (!row) continue;
    const part: Record<string, unknown> = {};
    if (row.enabled !== undefined) part.enabled = row.enabled;
    for (const f of ruleFields(rule)) {
      const text = (row.values[f.key] ?? '').trim();
      if (text === '') continue;
      if (f.nullable && text.toLowerCase() === 'auto') {
        part[f.key] = null;
        continue;
      }
      const n = Number(text.replace(',', '.'));
      if (!Number.isFinite(n)) {
        errors.push(`${RULE_LABEL[rule]}: ${f.label} must be a number${f.nullable ? ' or "auto"' : ''} (got "${text}")`);
        continue;
      }
      part[f.key] = f.unit === 'minutes' ? Math.round(n * MINUTE_MS) : n;
    }
    if (Object.keys(part).length > 0) override[rule] = part;
  }
  return errors.length > 0 ? err(errors) : ok(override as ThresholdOverride);
}

/** The inherited value of a field as a placeholder ("15", "auto", "on"). */
export function inheritedText(inherited: AlertThresholds, rule: RuleKind, field: RuleField): string {
  return displayValue(field, (inherited[rule] as Record<string, unknown>)[field.key]);
}
