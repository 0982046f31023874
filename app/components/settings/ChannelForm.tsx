'use client';
/**
 * Add or edit a notification channel: a name, the kind, then that kind's fields (from channel-fields.ts)
 * and the optional timeout and quiet hours. The server validates; its messages show beside the form and
 * mark the fields they name. Stored secrets are never shown: left empty, they are kept.
 */
import { useId, useState, type FormEvent } from 'react';
import {
  CHANNEL_DESCRIPTORS,
  channelDescriptor,
  COMMON_FIELDS,
  isChannelKind,
  type ChannelField,
  type ChannelKind,
} from '../../../lib/notify/descriptors';
import type { ChannelView } from '../../../lib/views/alert-contracts';
import { callApi } from '../alerts/api-client';
import { FormFooter } from './FormFooter';
import { configFromValues, emptyValues, errorsForField, REDACTED, valuesFromConfig, type FieldValues } from './channel-fields';

/** Props of ChannelForm. */
export interface ChannelFormProps {
  /** The channel being edited; absent when adding. */
  channel?: ChannelView;
  onSaved: (channel: ChannelView) => void;
  onCancel?: () => void;
}

/** "webhook channel: url: the webhook url must be…" beside its field reads "the webhook url must be…". */
function withoutPrefix(error: string): string {
  return error.replace(/^\w+ channel: [\w.]+: /, '');
}

/** The add/edit form. */
export function ChannelForm({ channel, onSaved, onCancel }: ChannelFormProps) {
  const uid = useId();
  const editing = channel !== undefined;
  const startKind: ChannelKind = channel && isChannelKind(channel.kind) ? channel.kind : CHANNEL_DESCRIPTORS[0].kind;
  const [kind, setKind] = useState<ChannelKind>(startKind);
  const [name, setName] = useState(channel?.name ?? '');
  const [enabled, setEnabled] = useState(channel?.enabled ?? true);
  const [values, setValues] = useState<FieldValues>(() => (channel ? valuesFromConfig(startKind, channel.config) : emptyValues(startKind)));
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [showAdvanced, setShowAdvanced] = useState(() => COMMON_FIELDS.some((f) => values[f.key] !== '' && values[f.key] !== undefined));

  // Fields the API redacted: the stored secret is kept unless a new one is typed.
  const [storedKeys] = useState(() => {
    const start = channel ? valuesFromConfig(startKind, channel.config) : {};
    return new Set(Object.keys(start).filter((k) => start[k] === REDACTED));
  });

  const changeKind = (next: ChannelKind) => {
    setKind(next);
    setValues(emptyValues(next));
    setErrors([]);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: string[] = [];
    if (name.trim() === '') local.push('Name is required');
    const built = configFromValues(kind, values);
    if (!built.ok) local.push(...built.error);
    if (local.length > 0 || !built.ok) {
      setErrors(local);
      return;
    }
    setBusy(true);
    setErrors([]);
    const body = { name: name.trim(), enabled, config: built.value };
    const res = editing
      ? await callApi<{ ok: true; channel: ChannelView }>('PUT', `/api/alerts/channels/${channel.id}`, body)
      : await callApi<{ ok: true; channel: ChannelView }>('POST', '/api/alerts/channels', body);
    setBusy(false);
    if (!res.ok) {
      setErrors(res.messages);
      return;
    }
    if (!editing) {
      setName('');
      setValues(emptyValues(kind));
    }
    onSaved(res.data.channel);
  };

  const fieldInput = (f: ChannelField) => {
    const id = `${uid}-${f.key}`;
    const own = errorsForField(errors, f);
    const v = values[f.key];
    const set = (next: string | boolean) => setValues((cur) => ({ ...cur, [f.key]: next }));
    if (f.type === 'boolean') {
      return (
        <div key={f.key} className="form-field form-field--check">
          <label htmlFor={id}>
            <input
              id={id}
              type="checkbox"
              checked={v === true}
              onChange={(e) => set(e.target.checked)}
              data-field={f.key}
              aria-describedby={f.warning && v === true ? `${id}-warning` : undefined}
            />{' '}
            {f.label}
          </label>
          {f.warning && v === true && (
            <span className="form-hint warn-text" id={`${id}-warning`} role="alert" data-testid={`field-warning-${f.key}`}>
              {f.warning}
            </span>
          )}
        </div>
      );
    }
    const stored = v === REDACTED;
    const common = {
      id,
      name: f.key,
      'data-field': f.key,
      'aria-invalid': own.length > 0 ? true : undefined,
      'aria-describedby': f.help || own.length > 0 ? `${id}-help` : undefined,
      className: 'ctl-input',
    };
    return (
      <div key={f.key} className={`form-field${own.length > 0 ? ' is-invalid' : ''}`}>
        <label htmlFor={id}>
          {f.label}
          {f.required && <span className="req"> *</span>}
        </label>
        {f.type === 'select' ? (
          <select {...common} className="ctl-select" value={String(v ?? '')} onChange={(e) => set(e.target.value)}>
            {f.options?.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        ) : (
          <input
            {...common}
            type={f.type === 'secret' ? 'password' : f.type === 'email' ? 'email' : 'text'}
            inputMode={
              f.type === 'number' ? 'numeric' : f.type === 'url' ? 'url' : f.type === 'email' || f.type === 'list' ? 'email' : undefined
            }
            autoComplete={f.type === 'secret' ? 'new-password' : 'off'}
            spellCheck={false}
            value={stored ? '' : String(v ?? '')}
            placeholder={stored ? 'stored (leave empty to keep)' : f.placeholder}
            // Emptying a stored secret's input keeps the stored secret.
            onChange={(e) => set(e.target.value === '' && storedKeys.has(f.key) ? REDACTED : e.target.value)}
          />
        )}
        {(f.help || own.length > 0) && (
          <span className="form-hint" id={`${id}-help`}>
            {own.length > 0 ? <span className="form-error">{own.map(withoutPrefix).join('; ')}</span> : f.help}
          </span>
        )}
      </div>
    );
  };

  return (
    <form
      className="channel-form"
      data-testid={editing ? 'edit-channel-form' : 'add-channel-form'}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <div className="form-grid">
        <div className="form-field">
          <label htmlFor={`${uid}-name`}>
            Name<span className="req"> *</span>
          </label>
          <input
            id={`${uid}-name`}
            className="ctl-input"
            type="text"
            value={name}
            maxLength={64}
            placeholder="Ops webhook"
            data-field="name"
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="form-field">
          <label htmlFor={`${uid}-kind`}>Kind</label>
          <select
            id={`${uid}-kind`}
            className="ctl-select"
            data-testid="channel-kind-select"
            value={kind}
            disabled={editing}
            onChange={(e) => changeKind(e.target.value as ChannelKind)}
          >
            {CHANNEL_DESCRIPTORS.map((d) => (
              <option key={d.kind} value={d.kind}>
                {d.label}
              </option>
            ))}
          </select>
        </div>
        {channelDescriptor(kind).fields.map(fieldInput)}
      </div>

      <details className="form-advanced" open={showAdvanced} onToggle={(e) => setShowAdvanced(e.currentTarget.open)}>
        <summary>Timeout and quiet hours</summary>
        <div className="form-grid">{COMMON_FIELDS.map(fieldInput)}</div>
      </details>

      <FormFooter
        errors={errors}
        errorsTestId="channel-errors"
        busy={busy}
        label={editing ? 'Save channel' : 'Add channel'}
        busyLabel="Saving…"
        submitTestId="channel-save"
        onCancel={onCancel}
        leading={
          <label className="switch" htmlFor={`${uid}-enabled`}>
            <input
              id={`${uid}-enabled`}
              type="checkbox"
              checked={enabled}
              onChange={(e) => setEnabled(e.target.checked)}
              data-field="enabled"
            />{' '}
            Enabled
          </label>
        }
      />
    </form>
  );
}
