/**
 * Alert rules as the settings form edits them: each rule's label and fields come from its descriptor
 * (lib/alerts/rules/descriptors.ts: times in minutes, limits in their own units); this says which rules an
 * override at a scope can change, and converts between the form's strings and a ThresholdOverride. Pure.
 */
import { RULE_DESCRIPTORS, ruleDescriptor, TIMING_FIELDS, type RuleField, type RuleKind } from '../../../lib/alerts/rules/descriptors';
import type { AlertThresholds, ThresholdOverride } from '../../../lib/alerts/thresholds';
import { err, ok, type Parsed } from '../../../lib/util/result';

/** Every editable field of a rule: timings, then its limits. */
export function ruleFields(rule: RuleKind): RuleField[] {
  return [...TIMING_FIELDS, ...ruleDescriptor(rule).limits];
}

/** Where an override is set. */
export type RuleScopeRef = { kind: 'global' } | { kind: 'site'; id: number } | { kind: 'rig'; id: number; siteId: number };

/**
 * The rules an override at this scope changes: everything globally; a site's own rule and its rigs'
 * rules per site; rig rules per rig. Pool and fleet rules read the global thresholds only.
 */
export function rulesAtScope(scope: RuleScopeRef): RuleKind[] {
  const scopes = scope.kind === 'global' ? ['rig', 'site', 'pool', 'fleet'] : scope.kind === 'site' ? ['rig', 'site'] : ['rig'];
  return RULE_DESCRIPTORS.filter((d) => scopes.includes(d.scope)).map((d) => d.name);
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
/** The rows of the form, by rule (only the rules shown at the scope). */
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

/** The override to send, or the fields that are not numbers. */
export type BuiltOverride = Parsed<ThresholdOverride>;

/** The form as an override holding only the fields set at this scope (so `{}` clears the scope). */
export function overrideFromForm(form: RulesForm): BuiltOverride {
  const override: Record<string, Record<string, unknown>> = {};
  const errors: string[] = [];
  for (const { name: rule } of RULE_DESCRIPTORS) {
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
        errors.push(`${ruleDescriptor(rule).label}: ${f.label} must be a number${f.nullable ? ' or "auto"' : ''} (got "${text}")`);
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
