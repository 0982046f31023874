'use client';
/**
 * Alert rules at one scope (global, a site, a rig): one row per rule with enabled, "for", "clear after"
 * and the rule's own limits. Empty fields inherit, and show what they inherit (defaults -> global ->
 * site -> rig) as their placeholder; saving sends only what is set at this scope.
 */
import { useState, type FormEvent } from 'react';
import { ruleDescriptor, TIMING_FIELDS, type RuleField, type RuleKind } from '../../../lib/alerts/rules/descriptors';
import { resolveThresholds, type ThresholdOverride } from '../../../lib/alerts/thresholds';
import type { RulesView } from '../../../lib/views/alert-contracts';
import { SEVERITY_LABEL } from '../alerts/alert-order';
import { callApi } from '../alerts/api-client';
import { formFromOverride, inheritedText, overrideFromForm, rulesAtScope, type RuleScopeRef, type RulesForm } from './rule-fields';
import { FormFooter } from './FormFooter';
import { SettingsTable, type Column } from './SettingsTable';

/** A site or rig the scope select offers. */
export interface ScopeOption {
  id: number;
  name: string;
}

/** Props of RulesPanel. */
export interface RulesPanelProps {
  rules: RulesView;
  sites: ScopeOption[];
  rigs: (ScopeOption & { siteId: number; siteName: string })[];
  /** Called with the override the server stored. */
  onSaved: (scope: RuleScopeRef, override: ThresholdOverride) => void;
}

function parseScope(value: string, rigs: RulesPanelProps['rigs']): RuleScopeRef {
  const [kind, id] = value.split(':');
  if (kind === 'site') return { kind: 'site', id: Number(id) };
  if (kind === 'rig') {
    const rig = rigs.find((r) => r.id === Number(id));
    return { kind: 'rig', id: Number(id), siteId: rig?.siteId ?? -1 };
  }
  return { kind: 'global' };
}

function overrideAt(rules: RulesView, scope: RuleScopeRef): ThresholdOverride | undefined {
  if (scope.kind === 'global') return rules.global;
  if (scope.kind === 'site') return rules.sites[scope.id];
  return rules.rigs[scope.id];
}

function apiPath(scope: RuleScopeRef): string {
  return scope.kind === 'global' ? '/api/alerts/rules/global' : `/api/alerts/rules/${scope.kind}/${scope.id}`;
}

const COLUMNS: readonly Column[] = [
  'Rule',
  'Enabled',
  ...TIMING_FIELDS.map((f) => ({ key: f.key, label: f.label })),
  'Limits',
  { key: 'reset', label: <span className="visually-hidden">Reset</span> },
];

/** The scope select and the rules table. */
export function RulesPanel({ rules, sites, rigs, onSaved }: RulesPanelProps) {
  const [scopeValue, setScopeValue] = useState('global');
  const scope = parseScope(scopeValue, rigs);
  const kinds = rulesAtScope(scope);
  const [form, setForm] = useState<RulesForm>(() => formFromOverride(rules.global, kinds));
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [dirty, setDirty] = useState(false);

  // What this scope inherits: defaults, then every scope above it.
  const inherited =
    scope.kind === 'global'
      ? rules.defaults
      : scope.kind === 'site'
        ? resolveThresholds(rules.defaults, rules.global)
        : resolveThresholds(rules.defaults, rules.global, rules.sites[scope.siteId]);

  const changeScope = (value: string) => {
    const next = parseScope(value, rigs);
    setScopeValue(value);
    setForm(formFromOverride(overrideAt(rules, next), rulesAtScope(next)));
    setErrors([]);
    setStatus('idle');
    setDirty(false);
  };

  const edit = (rule: RuleKind, change: (row: NonNullable<RulesForm[RuleKind]>) => NonNullable<RulesForm[RuleKind]>) => {
    setForm((f) => ({ ...f, [rule]: change(f[rule] ?? { enabled: undefined, values: {} }) }));
    setStatus('idle');
    setDirty(true);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const built = overrideFromForm(form);
    if (!built.ok) {
      setErrors(built.error);
      return;
    }
    setStatus('saving');
    setErrors([]);
    const res = await callApi<{ ok: true; override: ThresholdOverride }>('PUT', apiPath(scope), built.value);
    if (!res.ok) {
      setStatus('idle');
      setErrors(res.messages);
      return;
    }
    setStatus('saved');
    setDirty(false);
    onSaved(scope, res.data.override ?? built.value);
    setForm(formFromOverride(res.data.override ?? built.value, kinds));
  };

  const setHere = (rule: RuleKind) => {
    const row = form[rule];
    return !!row && (row.enabled !== undefined || Object.values(row.values).some((v) => v.trim() !== ''));
  };

  const numberInput = (rule: RuleKind, f: RuleField) => {
    const id = `rule-${rule}-${f.key}`;
    return (
      <label key={f.key} className="rule-field" htmlFor={id}>
        <span className="rule-field-label">{f.label}</span>
        <input
          id={id}
          className="ctl-input ctl-input--num"
          type="text"
          inputMode="decimal"
          data-field={f.key}
          value={form[rule]?.values[f.key] ?? ''}
          placeholder={inheritedText(inherited, rule, f)}
          onChange={(e) => edit(rule, (row) => ({ ...row, values: { ...row.values, [f.key]: e.target.value } }))}
        />
      </label>
    );
  };

  return (
    <form className="rules" onSubmit={(e) => void save(e)} noValidate>
      <div className="rules-toolbar">
        <label className="form-field form-field--inline" htmlFor="rules-scope">
          <span>Applies to</span>
          <select
            id="rules-scope"
            className="ctl-select"
            data-testid="rules-scope-select"
            value={scopeValue}
            onChange={(e) => changeScope(e.target.value)}
          >
            <option value="global">Global (every site and rig)</option>
            {sites.length > 0 && (
              <optgroup label="Sites">
                {sites.map((s) => (
                  <option key={s.id} value={`site:${s.id}`}>
                    Site {s.name}
                  </option>
                ))}
              </optgroup>
            )}
            {rigs.length > 0 && (
              <optgroup label="Rigs">
                {rigs.map((r) => (
                  <option key={r.id} value={`rig:${r.id}`}>
                    {r.name} · {r.siteName}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </label>
        <p className="rules-hint">
          Empty fields inherit the value shown in grey (
          {scope.kind === 'global' ? 'the defaults' : scope.kind === 'site' ? 'global, then defaults' : 'its site, global, then defaults'}).
          {scope.kind !== 'global' && ' Pool and fleet rules are set globally.'}
        </p>
      </div>

      <SettingsTable
        className="rules-table"
        testId="rules-table"
        caption="Alert rules at this scope"
        scrollLabel="Alert rules table"
        columns={COLUMNS}
      >
        {kinds.map((rule) => {
          const row = form[rule];
          const inheritedOn = inherited[rule].enabled;
          const on = row?.enabled ?? inheritedOn;
          const here = setHere(rule);
          const { label, severity, limits } = ruleDescriptor(rule);
          return (
            <tr
              key={rule}
              data-testid="rule-row"
              data-rule={rule}
              data-set-here={here ? 'true' : 'false'}
              className={on ? undefined : 'is-disabled'}
            >
              <th scope="row" className="cell-name">
                {label}
                <span className="cell-sub">
                  <span className={`sev-tag sev-tag--${severity}`}>{SEVERITY_LABEL[severity]}</span> {rule}
                </span>
              </th>
              <td data-label="Enabled" className="cell-enabled">
                <label className="switch">
                  <input
                    type="checkbox"
                    data-field="enabled"
                    checked={on}
                    onChange={(e) => {
                      const checked = e.target.checked;
                      edit(rule, (r) => ({ ...r, enabled: checked }));
                    }}
                  />
                  <span>{on ? 'On' : 'Off'}</span>
                </label>
                {row?.enabled === undefined && <span className="cell-sub">inherited</span>}
              </td>
              {TIMING_FIELDS.map((f) => (
                <td key={f.key} className="cell-timing" data-label={f.label}>
                  {numberInput(rule, f)}
                </td>
              ))}
              <td className={`cell-limits${limits.length === 0 ? ' is-empty' : ''}`} data-label="Limits">
                {limits.length === 0 ? (
                  <span className="muted">—</span>
                ) : (
                  <div className="rule-limits">{limits.map((f) => numberInput(rule, f))}</div>
                )}
              </td>
              <td className="cell-reset">
                {here && (
                  <button
                    type="button"
                    className="ctl-button ctl-button--small"
                    title="Clear this rule's values at this scope, so it inherits again"
                    onClick={() =>
                      edit(rule, (r) => ({ enabled: undefined, values: Object.fromEntries(Object.keys(r.values).map((k) => [k, ''])) }))
                    }
                  >
                    Inherit
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </SettingsTable>

      <FormFooter
        errors={errors}
        errorsTestId="rules-errors"
        busy={status === 'saving'}
        label="Save rules"
        busyLabel="Saving…"
        submitTestId="rules-save"
      >
        <span className="form-status" role="status" data-testid="rules-status">
          {status === 'saved' ? 'Saved.' : dirty ? 'Unsaved changes' : ''}
        </span>
      </FormFooter>
    </form>
  );
}
