'use client';
/**
 * Users & tokens ("/settings/users"): the people who sign in, with add, edit (role, sites, disabled,
 * password) and remove; and the API tokens and kiosk links, with create (the secret shown once) and revoke.
 */
import { useCallback, useState } from 'react';
import type { TokenView, UserView } from '../../../lib/db/queries/users';
import { callApi } from '../alerts/api-client';
import { useNowMs } from '../overview/use-now-ms';
import { RowError } from '../settings/RowActions';
import { AddUserForm } from './AddUserForm';
import { NewTokenForm } from './NewTokenForm';
import type { SiteOption } from './SitesField';
import { TokensTable } from './TokensTable';
import { UsersTable } from './UsersTable';
import '../alerts/alerts.css';
import '../settings/settings.css';
import '../settings-rigs/settings-rigs.css';
import './settings-users.css';

/** Props of UsersSettingsView. */
export interface UsersSettingsViewProps {
  users: UserView[];
  tokens: TokenView[];
  sites: SiteOption[];
  /** The signed-in admin's user id (null for an API token). */
  selfId: number | null;
}

/** The screen. */
export function UsersSettingsView({ users: initialUsers, tokens: initialTokens, sites, selfId }: UsersSettingsViewProps) {
  const nowMs = useNowMs();
  const [users, setUsers] = useState(initialUsers);
  const [tokens, setTokens] = useState(initialTokens);
  const [loadError, setLoadError] = useState<string | null>(null);

  const reloadUsers = useCallback(async () => {
    const res = await callApi<{ users: UserView[] }>('GET', '/api/users');
    if (res.ok) setUsers(res.data.users);
    setLoadError(res.ok ? null : `Could not reload users: ${res.error}`);
  }, []);
  const reloadTokens = useCallback(async () => {
    const res = await callApi<{ tokens: TokenView[] }>('GET', '/api/tokens');
    if (res.ok) setTokens(res.data.tokens);
    setLoadError(res.ok ? null : `Could not reload tokens: ${res.error}`);
  }, []);

  return (
    <div className="users-settings">
      <RowError message={loadError} />

      <section className="panel" aria-labelledby="users-title">
        <h2 className="panel-title" id="users-title">
          Users <span className="panel-count">{users.length}</span>
        </h2>
        <p className="settings-lede">
          Admins change everything, operators handle alerts and maintenance, viewers only look. Limit anyone to some sites.
        </p>
        <UsersTable users={users} sites={sites} selfId={selfId} nowMs={nowMs} onChanged={() => void reloadUsers()} />
        <h3 className="sub-title">Add a user</h3>
        <AddUserForm sites={sites} onAdded={() => void reloadUsers()} />
      </section>

      <section className="panel" aria-labelledby="tokens-title">
        <h2 className="panel-title" id="tokens-title">
          API tokens & kiosk links <span className="panel-count">{tokens.filter((t) => t.revokedAtMs === null).length}</span>
        </h2>
        <p className="settings-lede">
          Tokens let scripts read or change things without a password; a kiosk link keeps a wall display signed in, read-only.
        </p>
        <TokensTable tokens={tokens} nowMs={nowMs} onChanged={() => void reloadTokens()} />
        <div className="settings-pair token-forms">
          <div>
            <h3 className="sub-title">New API token</h3>
            <NewTokenForm kind="api" sites={sites} onCreated={() => void reloadTokens()} />
          </div>
          <div>
            <h3 className="sub-title">New kiosk link</h3>
            <NewTokenForm kind="kiosk" sites={sites} onCreated={() => void reloadTokens()} />
          </div>
        </div>
      </section>
    </div>
  );
}
