'use client';
/**
 * Add or edit a pool account: name, kind, that kind's credentials, API base (empty: the pool's public
 * API), fee and the text that matches rigs to it. Stored secrets are never shown: left empty, they are
 * kept. The server validates; its messages show beside the form and mark the fields they name.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { PoolView } from '../../../lib/db/queries/pools';
import { POOL_KIND_NAMES, POOL_KINDS, poolKindInfo, type PoolKind } from '../../../lib/domain/pool-kinds';
import { REDACTED } from '../../../lib/settings/redacted-secret';
import { callApi } from '../alerts/api-client';
import { FormFooter } from './FormFooter';
import { errorNames } from './tariff-form';
import { typedNumber } from './typed-number';

/** Props of PoolForm. */
export interface PoolFormProps {
  /** The pool being edited; absent when adding. */
  pool?: PoolView;
  onSaved: () => void;
  onCancel?: () => void;
}

/** The pool form. */
export function PoolForm({ pool, onSaved, onCancel }: PoolFormProps) {
  const uid = useId();
  const editing = pool !== undefined;
  const [name, setName] = useState(pool?.name ?? '');
  const [kind, setKind] = useState<string>(pool?.kind ?? 'braiins');
  const [baseUrl, setBaseUrl] = useState(pool?.baseUrl ?? '');
  const [credentials, setCredentials] = useState<Record<string, string>>(pool?.credentials ?? {});
  const [feePct, setFeePct] = useState(pool ? String(pool.feePct) : '');
  const [matchUrl, setMatchUrl] = useState(pool?.matchUrl ?? '');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const info = poolKindInfo(kind);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors([]);
    const body = { name, kind, baseUrl, credentials, feePct: typedNumber(feePct), matchUrl };
    const res = editing ? await callApi('PUT', `/api/pools/${pool.id}`, body) : await callApi('POST', '/api/pools', body);
    setBusy(false);
    if (!res.ok) {
      setErrors(res.messages);
      return;
    }
    if (!editing) {
      setName('');
      setCredentials({});
      setMatchUrl('');
    }
    onSaved();
  };

  const field = (key: string, label: string, input: ReactNode, hint?: string) => (
    <div key={key} className={`form-field${errorNames(errors, key) ? ' is-invalid' : ''}`}>
      <label htmlFor={`${uid}-${key}`}>{label}</label>
      {input}
      {hint && <span className="form-hint">{hint}</span>}
    </div>
  );
  const invalid = (key: string) => (errorNames(errors, key) ? true : undefined);

  return (
    <form className="channel-form" data-testid={editing ? 'edit-pool-form' : 'add-pool-form'} noValidate onSubmit={(e) => void submit(e)}>
      <div className="form-grid">
        {field(
          'name',
          'Name *',
          <input
            id={`${uid}-name`}
            className="ctl-input"
            data-field="name"
            aria-invalid={invalid('name')}
            value={name}
            maxLength={64}
            placeholder="Braiins main"
            onChange={(e) => setName(e.target.value)}
          />,
        )}
        {field(
          'kind',
          'Pool',
          <select
            id={`${uid}-kind`}
            className="ctl-select"
            data-field="kind"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value);
              setCredentials({});
            }}
          >
            {POOL_KIND_NAMES.map((k) => (
              <option key={k} value={k}>
                {POOL_KINDS[k as PoolKind].label}
              </option>
            ))}
          </select>,
        )}
        {info?.credentials.map((c) => {
          const key = `credentials.${c.key}`;
          const stored = credentials[c.key] === REDACTED;
          return field(
            key,
            `${c.label} *`,
            <input
              id={`${uid}-${key}`}
              className="ctl-input"
              data-field={key}
              aria-invalid={invalid(key)}
              type={c.secret ? 'password' : 'text'}
              autoComplete={c.secret ? 'new-password' : 'off'}
              spellCheck={false}
              value={stored ? '' : (credentials[c.key] ?? '')}
              placeholder={stored ? 'stored (leave empty to keep)' : (c.placeholder ?? '')}
              onChange={(e) => {
                const keep = e.target.value === '' && pool?.kind === kind && pool.credentials[c.key] === REDACTED;
                setCredentials((cur) => ({ ...cur, [c.key]: keep ? REDACTED : e.target.value }));
              }}
            />,
          );
        })}
        {field(
          'matchUrl',
          'Rigs on this pool *',
          <input
            id={`${uid}-matchUrl`}
            className="ctl-input"
            data-field="matchUrl"
            aria-invalid={invalid('matchUrl')}
            value={matchUrl}
            spellCheck={false}
            placeholder="braiins.com"
            onChange={(e) => setMatchUrl(e.target.value)}
          />,
          'Text in the stratum URL of the rigs that mine here.',
        )}
        {field(
          'feePct',
          'Pool fee (%)',
          <input
            id={`${uid}-feePct`}
            className="ctl-input"
            data-field="feePct"
            aria-invalid={invalid('feePct')}
            inputMode="decimal"
            value={feePct}
            placeholder="2"
            onChange={(e) => setFeePct(e.target.value)}
          />,
          '0 to 10; used for these rigs’ revenue.',
        )}
        {field(
          'baseUrl',
          'API URL',
          <input
            id={`${uid}-baseUrl`}
            className="ctl-input"
            data-field="baseUrl"
            aria-invalid={invalid('baseUrl')}
            inputMode="url"
            value={baseUrl}
            spellCheck={false}
            placeholder={info?.defaultBaseUrl ?? ''}
            onChange={(e) => setBaseUrl(e.target.value)}
          />,
          'Empty: the pool’s public API.',
        )}
      </div>

      <FormFooter
        errors={errors}
        errorsTestId="pool-errors"
        busy={busy}
        label={editing ? 'Save pool' : 'Add pool'}
        busyLabel="Saving…"
        submitTestId="pool-save"
        onCancel={onCancel}
      />
    </form>
  );
}
