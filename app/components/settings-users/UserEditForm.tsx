'use client';
/**
 * Edits one user: role, sites (not for an admin, who sees every site), disabled, and a new password (left
 * empty, it stays). Sends only what changed; the server refuses, with a reason, to disable or demote
 * yourself or the last enabled admin.
 */
import { useState, type FormEvent } from 'react';
import type { UserView } from '../../../lib/db/queries/users';
import { callApi } from '../alerts/api-client';
import { FormFooter } from '../settings/FormFooter';
import { TextField } from '../settings/TextField';
import { fieldErrors } from '../settings-rigs/use-device-request';
import { RoleSelect } from './RoleSelect';
import { SitesField, type SiteOption } from './SitesField';

/** Props of UserEditForm. */
export interface UserEditFormProps {
  user: UserView;
  sites: readonly SiteOption[];
  onSaved: (user: UserView) => void;
  onCancel: () => void;
}

const sameSites = (a: number[] | null, b: number[] | null) =>
  JSON.stringify(a === null ? null : [...a].sort((x, y) => x - y)) === JSON.stringify(b);

/** The form. */
export function UserEditForm({ user, sites, onSaved, onCancel }: UserEditFormProps) {
  const [role, setRole] = useState(user.role);
  const [siteIds, setSiteIds] = useState<number[] | null>(user.siteIds);
  const [disabled, setDisabled] = useState(user.disabled);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    // An admin sees every site: the server sets that when the role changes to admin.
    const sitesAfter = role === 'admin' ? user.siteIds : siteIds;
    const patch = {
      ...(role !== user.role ? { role } : {}),
      ...(!sameSites(sitesAfter, user.siteIds) ? { siteIds: sitesAfter } : {}),
      ...(disabled !== user.disabled ? { disabled } : {}),
      ...(password !== '' ? { password } : {}),
    };
    if (Object.keys(patch).length === 0) return onCancel();
    setBusy(true);
    const res = await callApi<{ user: UserView }>('PATCH', `/api/users/${user.id}`, patch);
    setBusy(false);
    if (!res.ok) return setErrors(res.messages);
    setErrors([]);
    onSaved(res.data.user);
  };

  const invalid = (field: string) => fieldErrors(errors, field).length > 0;
  const id = `user-${user.id}`;
  return (
    <form className="channel-form" data-testid="user-edit-form" noValidate onSubmit={(e) => void save(e)}>
      <div className="form-grid">
        <RoleSelect id={`${id}-role`} value={role} onChange={setRole} invalid={invalid('role')} />
        {role !== 'admin' && <SitesField idPrefix={id} sites={sites} value={siteIds} onChange={setSiteIds} invalid={invalid('siteIds')} />}
        <TextField
          id={`${id}-password`}
          field="password"
          label="New password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          invalid={invalid('password')}
          hint={`Empty keeps the current one. A new one signs ${user.name} out everywhere.`}
        />
        <div className="form-field form-field--check">
          <label htmlFor={`${id}-disabled`}>
            <input
              id={`${id}-disabled`}
              type="checkbox"
              checked={disabled}
              onChange={(e) => setDisabled(e.target.checked)}
              data-field="disabled"
            />
            Disabled (cannot sign in; signed out at once)
          </label>
        </div>
      </div>
      <FormFooter
        errors={errors}
        errorsTestId="user-edit-errors"
        busy={busy}
        label="Save"
        busyLabel="Saving…"
        submitTestId="user-edit-save"
        onCancel={onCancel}
      />
    </form>
  );
}
