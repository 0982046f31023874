'use client';
/**
 * Adds a user: name, role, password and the sites they see (not offered for an admin, who sees every
 * site). The server checks everything and names each refused field (a short password, a name already
 * taken); the form marks those fields.
 */
import { useState, type FormEvent } from 'react';
import { MIN_PASSWORD_CHARS } from '../../../lib/auth/password-rules';
import { USER_NAME_RULE } from '../../../lib/auth/user-input';
import type { UserView } from '../../../lib/db/queries/users';
import { callApi } from '../alerts/api-client';
import { FormFooter } from '../settings/FormFooter';
import { TextField } from '../settings/TextField';
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
    const res = await callApi<{ user: UserView }>('POST', '/api/users', {
      ...draft,
      name: draft.name.trim(),
      siteIds: draft.role === 'admin' ? null : draft.siteIds,
    });
    setBusy(false);
    if (!res.ok) {
      setAdded(null);
      return setErrors(res.messages);
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
        <TextField
          id="new-user-name"
          field="name"
          label="User name"
          autoComplete="off"
          spellCheck={false}
          value={draft.name}
          onChange={(name) => setDraft({ ...draft, name })}
          invalid={invalid('name')}
          hint={USER_NAME_RULE}
        />
        <RoleSelect id="new-user-role" value={draft.role} onChange={(role) => setDraft({ ...draft, role })} invalid={invalid('role')} />
        <TextField
          id="new-user-password"
          field="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          value={draft.password}
          onChange={(password) => setDraft({ ...draft, password })}
          invalid={invalid('password')}
          hint={`At least ${MIN_PASSWORD_CHARS} characters, not containing the name. Tell them to change it.`}
        />
        {draft.role !== 'admin' && (
          <SitesField
            idPrefix="new-user"
            sites={sites}
            value={draft.siteIds}
            onChange={(siteIds) => setDraft({ ...draft, siteIds })}
            invalid={invalid('siteIds')}
          />
        )}
      </div>
      <FormFooter
        errors={errors}
        errorsTestId="add-user-errors"
        busy={busy}
        label="Add user"
        busyLabel="Adding…"
        submitTestId="add-user-submit"
      >
        {added && (
          <span className="form-status" role="status" data-testid="add-user-status">
            {added}
          </span>
        )}
      </FormFooter>
    </form>
  );
}
