'use client';
/**
 * Creates an API token (a name, a role and, for an operator or viewer, one site or every site: for
 * scripts and Prometheus) or a kiosk link (a name and a site or the whole fleet, for a wall display), then
 * shows the token or the ready-to-open wall URL once.
 */
import { useState, type FormEvent } from 'react';
import type { TokenView } from '../../../lib/db/queries/users';
import { callApi } from '../alerts/api-client';
import { FormFooter } from '../settings/FormFooter';
import { TextField } from '../settings/TextField';
import { fieldErrors } from '../settings-rigs/use-device-request';
import { RoleSelect } from './RoleSelect';
import { ShownOnce } from './ShownOnce';
import type { SiteOption } from './SitesField';

/** Props of NewTokenForm. */
export interface NewTokenFormProps {
  kind: 'api' | 'kiosk';
  sites: readonly SiteOption[];
  onCreated: () => void;
}

type Created = { token: TokenView; secret: string; wallUrl: string | null };

/** The form, then the new secret. */
export function NewTokenForm({ kind, sites, onCreated }: NewTokenFormProps) {
  const [name, setName] = useState('');
  const [role, setRole] = useState('viewer');
  const [siteId, setSiteId] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const site = siteId === '' || (kind === 'api' && role === 'admin') ? null : Number(siteId);
    const body = kind === 'api' ? { kind, name, role, siteId: site } : { kind, name, siteId: site };
    const res = await callApi<Created>('POST', '/api/tokens', body);
    setBusy(false);
    if (!res.ok) return setErrors(res.messages);
    setErrors([]);
    setName('');
    setCreated(res.data);
    onCreated();
  };

  if (created) {
    return kind === 'kiosk' && created.wallUrl ? (
      <ShownOnce
        label={`Wall URL for ${created.token.name}`}
        value={created.wallUrl}
        usage="Open it once on the display: it then stays signed in (400 days) and the token leaves the address bar. It shows the wall only, read-only."
        onDismiss={() => setCreated(null)}
      />
    ) : (
      <ShownOnce
        label={`API token ${created.token.name} (${created.token.role})`}
        value={created.secret}
        usage="Send it with each request as the header  Authorization: Bearer <token>."
        onDismiss={() => setCreated(null)}
      />
    );
  }

  const invalid = (field: string) => fieldErrors(errors, field).length > 0;
  const id = `new-${kind}`;
  return (
    <form className="channel-form" data-testid={`new-${kind}-form`} noValidate onSubmit={(e) => void submit(e)}>
      <div className="form-grid">
        <TextField
          id={`${id}-name`}
          field="name"
          label="Name"
          autoComplete="off"
          placeholder={kind === 'kiosk' ? 'e.g. control room TV' : 'e.g. grafana'}
          value={name}
          onChange={setName}
          invalid={invalid('name')}
          hint="What it is for, so it can be recognised and revoked later."
        />
        {kind === 'api' && <RoleSelect id={`${id}-role`} value={role} onChange={setRole} invalid={invalid('role')} />}
        {(kind === 'kiosk' || role !== 'admin') && (
          <div className={`form-field${invalid('siteId') ? ' is-invalid' : ''}`}>
            <label htmlFor={`${id}-site`}>{kind === 'kiosk' ? 'Shows' : 'Sites'}</label>
            <select
              id={`${id}-site`}
              className="ctl-select"
              value={siteId}
              onChange={(e) => setSiteId(e.target.value)}
              data-field="siteId"
              aria-invalid={invalid('siteId') || undefined}
            >
              <option value="">{kind === 'kiosk' ? 'Whole fleet' : 'Every site'}</option>
              {sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
            <span className="form-hint">
              {kind === 'kiosk'
                ? 'The wall display only; read-only.'
                : 'Limit it to one site: it then reads that site only (its rigs, money and /metrics series).'}
            </span>
          </div>
        )}
      </div>
      <FormFooter
        errors={errors}
        errorsTestId={`new-${kind}-errors`}
        busy={busy}
        label={kind === 'api' ? 'Create API token' : 'Create kiosk link'}
        busyLabel="Creating…"
        submitTestId={`new-${kind}-submit`}
      />
    </form>
  );
}
