'use client';
/**
 * Adds a user: name, role, password and the sites they see. The server checks everything and names each
 * refused field (a short password, a name already taken); the form marks those fields.
 */
import { useState, type FormEvent } from 'react';
import { MIN_PASSWORD_CHARS } from '../../../lib/auth/password-rules';
import { USER_NAME_RULE } from '../../../lib/auth/user-input';
import type { UserView } from '../../../lib/db/queries/users';
import { callApi } from '../alerts/api-client';
import { ErrorList } from '../settings-rigs/ErrorList';
import { fieldErrors } from '../settings-rigs/use-device-request';
import { RoleSelect } from './RoleSelect';
import { SitesField, type SiteOption } from './SitesField';

const EMPTY = { name: '', role: 'viewer', password: '', siteIds: null as number[] | null };

/** Props of AddUserForm. */
export interface AddUserFormProps {
  sites: readonly SiteOption[];
  onAdded: (user: UserView) => void;
}

/** The form. */
export function AddUserForm({ sites, onAdded }: AddUserFormProps) {
  const [draft, setDraft] = useState(EMPTY);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const res = await callApi<{ user: UserView }>('POST', '/api/users', { ...draft, name: draft.name.trim() });
    setBusy(false);
    if (!res.ok) {
      setAdded(null);
      return setErrors(res.errors.length > 0 ? res.errors : [res.error]);
    }
    setErrors([]);
    setDraft(EMPTY);
    setAdded(`${res.data.user.name} added as ${res.data.user.role}.`);
    onAdded(res.data.user);
  };

  const invalid = (field: string) => fieldErrors(errors, field).length > 0;
  return (
    <form className="channel-form" data-testid="add-user-form" noValidate onSubmit={(e) => void submit(e)}>
      <div className="form-grid">
        <div className={`form-field${invalid('name') ? ' is-invalid' : ''}`}>
          <label htmlFor="new-user-name">User name</label>
          <input
            id="new-user-name"
            className="ctl-input"
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            data-field="name"
            aria-invalid={invalid('name') || undefined}
          />
          <span className="form-hint">{USER_NAME_RULE}</span>
        </div>
        <RoleSelect id="new-user-role" value={draft.role} onChange={(role) => setDraft({ ...draft, role })} invalid={invalid('role')} />
        <div className={`form-field${invalid('password') ? ' is-invalid' : ''}`}>
          <label htmlFor="new-user-password">Password</label>
          <input
            id="new-user-password"
            className="ctl-input"
            type="password"
            autoComplete="new-password"
            value={draft.password}
            onChange={(e) => setDraft({ ...draft, password: e.target.value })}
            data-field="password"
            aria-invalid={invalid('password') || undefined}
          />
          <span className="form-hint">At least {MIN_PASSWORD_CHARS} characters, not containing the name. Tell them to change it.</span>
        </div>
        <SitesField idPrefix="new-user" sites={sites} value={draft.siteIds} onChange={(siteIds) => setDraft({ ...draft, siteIds })} invalid={invalid('siteIds')} />
      </div>
      <ErrorList errors={errors} testId="add-user-errors" />
      <div className="form-actions">
        <button type="submit" className="ctl-button ctl-button--primary" disabled={busy} data-testid="add-user-submit">
          {busy ? 'Adding…' : 'Add user'}
        </button>
        {added && (
          <span className="form-status" role="status" data-testid="add-user-status">
            {added}
          </span>
        )}
      </div>
    </form>
  );
}
