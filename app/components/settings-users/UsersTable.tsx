'use client';
/**
 * The people who sign in (name, role, sites, state, created) with "Edit" (an inline form) and "Remove",
 * which asks first. The signed-in admin's own row is marked "you".
 */
import { Fragment, useState } from 'react';
import { formatDate } from '../../../lib/format/money';
import type { UserView } from '../../../lib/db/queries/users';
import { callApi } from '../alerts/api-client';
import { sitesLabel, type SiteOption } from './SitesField';
import { UserEditForm } from './UserEditForm';

/** Props of UsersTable. */
export interface UsersTableProps {
  users: readonly UserView[];
  sites: readonly SiteOption[];
  /** The signed-in user's id (their row cannot be disabled, demoted or removed). */
  selfId: number | null;
  /** null until the browser has mounted (dates are shown in the viewer's time zone). */
  nowMs: number | null;
  onChanged: () => void;
}

/** The table. */
export function UsersTable({ users, sites, selfId, nowMs, onChanged }: UsersTableProps) {
  const [editing, setEditing] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [rowError, setRowError] = useState<Record<number, string>>({});

  const remove = async (user: UserView) => {
    const res = await callApi('DELETE', `/api/users/${user.id}`);
    setConfirming(null);
    if (!res.ok) return setRowError((e) => ({ ...e, [user.id]: res.error }));
    onChanged();
  };

  return (
    <div className="data-table-wrap">
      <table className="data-table settings-table users-table" data-testid="users-table">
        <caption className="visually-hidden">Users</caption>
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Role</th>
            <th scope="col">Sites</th>
            <th scope="col">State</th>
            <th scope="col">Created</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <Fragment key={user.id}>
              <tr data-testid="user-row" data-user-name={user.name} className={user.disabled ? 'is-disabled' : undefined}>
                <th scope="row" className="cell-name">
                  {user.name}
                  {user.id === selfId && <span className="you-tag">you</span>}
                </th>
                <td data-label="Role" data-testid="user-role">
                  {user.role}
                </td>
                <td data-label="Sites">{sitesLabel(user.siteIds, sites)}</td>
                <td data-label="State" data-testid="user-state">
                  <span className={`state-tag ${user.disabled ? 'is-off' : 'is-on'}`}>{user.disabled ? 'Disabled' : 'Active'}</span>
                </td>
                <td data-label="Created">{nowMs === null ? '' : formatDate(user.createdAtMs)}</td>
                <td className="cell-actions" data-label="Actions">
                  {confirming === user.id ? (
                    <div className="remove-confirm" role="alertdialog" aria-label={`Remove ${user.name}?`}>
                      <p>
                        Remove <strong>{user.name}</strong>? They are signed out and their phones stop getting push notifications. This cannot be undone
                        (disabling can).
                      </p>
                      <div className="row-actions">
                        <button type="button" className="ctl-button ctl-button--danger" onClick={() => void remove(user)} data-testid="user-remove-confirm">
                          Remove {user.name}
                        </button>
                        <button type="button" className="ctl-button" onClick={() => setConfirming(null)}>
                          Keep
                        </button>
                      </div>
                    </div>
                  ) : (
                    <div className="row-actions">
                      <button type="button" className="ctl-button" onClick={() => setEditing(editing === user.id ? null : user.id)} data-testid="user-edit">
                        {editing === user.id ? 'Close' : 'Edit'}
                      </button>
                      <button type="button" className="ctl-button" onClick={() => setConfirming(user.id)} data-testid="user-remove">
                        Remove
                      </button>
                    </div>
                  )}
                  {rowError[user.id] && (
                    <p className="form-error" role="alert" data-testid="user-row-error">
                      {rowError[user.id]}
                    </p>
                  )}
                </td>
              </tr>
              {editing === user.id && (
                <tr className="edit-row">
                  <td colSpan={6}>
                    <UserEditForm
                      user={user}
                      sites={sites}
                      onSaved={() => {
                        setEditing(null);
                        onChanged();
                      }}
                      onCancel={() => setEditing(null)}
                    />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
