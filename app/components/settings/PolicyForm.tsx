'use client';
/**
 * Noise control for every channel: how long a new alert waits for others of its site (seconds), the
 * cooldown between two notifications of a site on a channel (minutes), and how often an unacknowledged
 * alert is sent again (hours; 0 never). Stored in milliseconds.
 */
import { useState, type FormEvent } from 'react';
import type { NotifyPolicy } from '../../../lib/alerts/policy';
import { callApi } from '../alerts/api-client';
import { FormFooter } from './FormFooter';

const FIELDS = [
  {
    key: 'groupWaitMs',
    label: 'Group wait (s)',
    perUnitMs: 1000,
    help: 'A new alert waits this long so others of its site join the same message.',
  },
  { key: 'cooldownMs', label: 'Cooldown (min)', perUnitMs: 60_000, help: 'At most one message per site and channel in this time.' },
  { key: 'renotifyMs', label: 'Re-notify every (h)', perUnitMs: 3_600_000, help: 'An alert nobody acknowledged is sent again; 0 never.' },
] as const satisfies readonly { key: keyof NotifyPolicy; label: string; perUnitMs: number; help: string }[];

function shown(ms: number, perUnitMs: number): string {
  return String(Math.round((ms / perUnitMs) * 1000) / 1000);
}

/** Props of PolicyForm. */
export interface PolicyFormProps {
  policy: NotifyPolicy;
  onSaved: (policy: NotifyPolicy) => void;
}

/** The three noise-control numbers and a save button. */
export function PolicyForm({ policy, onSaved }: PolicyFormProps) {
  const [values, setValues] = useState<Record<keyof NotifyPolicy, string>>(() => ({
    groupWaitMs: shown(policy.groupWaitMs, 1000),
    cooldownMs: shown(policy.cooldownMs, 60_000),
    renotifyMs: shown(policy.renotifyMs, 3_600_000),
  }));
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const body: Partial<NotifyPolicy> = {};
    const local: string[] = [];
    for (const f of FIELDS) {
      const text = values[f.key].trim().replace(',', '.');
      const n = Number(text);
      if (text === '' || !Number.isFinite(n) || n < 0) local.push(`${f.label} must be a number, 0 or more (got "${values[f.key]}")`);
      else body[f.key] = Math.round(n * f.perUnitMs);
    }
    if (local.length > 0) {
      setErrors(local);
      return;
    }
    setStatus('saving');
    setErrors([]);
    const res = await callApi<{ ok: true; policy: NotifyPolicy }>('PUT', '/api/alerts/policy', body);
    if (!res.ok) {
      setStatus('idle');
      setErrors(res.messages);
      return;
    }
    setStatus('saved');
    onSaved(res.data.policy);
  };

  return (
    <form className="policy-form" data-testid="policy-form" noValidate onSubmit={(e) => void save(e)}>
      <div className="form-grid">
        {FIELDS.map((f) => (
          <div className="form-field" key={f.key}>
            <label htmlFor={`policy-${f.key}`}>{f.label}</label>
            <input
              id={`policy-${f.key}`}
              className="ctl-input ctl-input--num"
              type="text"
              inputMode="decimal"
              data-field={f.key}
              value={values[f.key]}
              aria-describedby={`policy-${f.key}-help`}
              onChange={(e) => {
                setValues((v) => ({ ...v, [f.key]: e.target.value }));
                setStatus('idle');
              }}
            />
            <span className="form-hint" id={`policy-${f.key}-help`}>
              {f.help}
            </span>
          </div>
        ))}
      </div>
      <FormFooter
        errors={errors}
        errorsTestId="policy-errors"
        busy={status === 'saving'}
        label="Save policy"
        busyLabel="Saving…"
        submitTestId="policy-save"
      >
        <span className="form-status" role="status">
          {status === 'saved' ? 'Saved.' : ''}
        </span>
      </FormFooter>
    </form>
  );
}
