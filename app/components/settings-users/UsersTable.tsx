'use client';
/**
 * The people who sign in (name, role, sites, state, created) with "Edit" (an inline form) and "Remove",
 * which asks first. The signed-in admin's own row is marked "you".
 */
import { Fragment } from 'react';
import { formatDate } from '../../../lib/format/money';
import type { UserView } from '../../../lib/db/queries/users';
import { callApi } from '../alerts/api-client';
import { EditRow, RowActions, RowError } from '../settings/RowActions';
import { SettingsTable, type Column } from '../settings/SettingsTable';
import { useRowEditing } from '../settings/use-row-editing';
import { sitesLabel, type SiteOption } from './SitesField';
import { UserEditForm } from './UserEditForm';

const COLUMNS: readonly Column[] = ['User', 'Role', 'Sites', 'State', 'Created', 'Actions'];
const USER_TEST_IDS = { edit: 'user-edit', ask: 'user-remove', confirm: 'user-remove-confirm' };

/** What the confirmation says removing the user does. */
const removeNote = (user: UserView) => (
  <>
    Remove <strong>{user.name}</strong>? They are signed out and their phones stop getting push notifications. This cannot be undone
    (disabling can).
  </>
);

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
  const rows = useRowEditing();

  const remove = async (user: UserView) => {
    const res = await callApi('DELETE', `/api/users/${user.id}`);
    if (rows.settle(user.id, res)) onChanged();
  };

  return (
    <SettingsTable className="users-table" testId="users-table" caption="Users" columns={COLUMNS}>
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
              <RowActions
                rows={rows}
                id={user.id}
                name={user.name}
                verb="Remove"
                testIds={USER_TEST_IDS}
                onConfirm={() => void remove(user)}
                explain={removeNote(user)}
              />
              <RowError message={rows.rowError[user.id]} testId="user-row-error" />
            </td>
          </tr>
          {rows.editing === user.id && (
            <EditRow colSpan={COLUMNS.length}>
              <UserEditForm user={user} sites={sites} onSaved={rows.closeEditThen(onChanged)} onCancel={rows.closeEdit} />
            </EditRow>
          )}
        </Fragment>
      ))}
    </SettingsTable>
  );
}
