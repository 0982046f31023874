'use client';
/**
 * API tokens and kiosk links (name, kind, what they reach, created, last used, state) with "Revoke",
 * which asks first. Revoked ones stay listed, dimmed, so "last used" can still be read.
 */
import { formatDate } from '../../../lib/format/money';
import { formatAge } from '../../../lib/format/units';
import type { TokenView } from '../../../lib/db/queries/users';
import { callApi } from '../alerts/api-client';
import { RowActions, RowError } from '../settings/RowActions';
import { SettingsTable, type Column } from '../settings/SettingsTable';
import { useRowEditing } from '../settings/use-row-editing';

const COLUMNS: readonly Column[] = ['Name', 'Kind', 'Reaches', 'Created', 'Last used', 'State', 'Actions'];
const TOKEN_TEST_IDS = { ask: 'token-revoke', confirm: 'token-revoke-confirm' };

/** Props of TokensTable. */
export interface TokensTableProps {
  tokens: readonly TokenView[];
  /** null until the browser has mounted. */
  nowMs: number | null;
  onChanged: () => void;
}

const siteOf = (t: TokenView) => t.siteName ?? `site ${t.siteId}`;
const reach = (t: TokenView) =>
  t.kind === 'kiosk'
    ? `wall of ${t.siteId === null ? 'the whole fleet' : siteOf(t)}`
    : t.siteId === null
      ? t.role
      : `${t.role}, ${siteOf(t)} only`;

/** What the confirmation says revoking the token does. */
const revokeNote = (t: TokenView) => (
  <>
    Revoke <strong>{t.name}</strong>?{' '}
    {t.kind === 'kiosk' ? 'The wall display on it stops within 30 s.' : 'Scripts using it are refused from now on.'} This cannot be undone.
  </>
);

/** The table. */
export function TokensTable({ tokens, nowMs, onChanged }: TokensTableProps) {
  const rows = useRowEditing();

  const revoke = async (token: TokenView) => {
    const res = await callApi('DELETE', `/api/tokens/${token.id}`);
    if (rows.settle(token.id, res)) onChanged();
  };

  if (tokens.length === 0) return <p className="empty-note">No tokens yet: create one below for a script or a wall display.</p>;
  return (
    <SettingsTable className="tokens-table" testId="tokens-table" caption="API tokens and kiosk links" columns={COLUMNS}>
      {tokens.map((t) => {
        const revoked = t.revokedAtMs !== null;
        return (
          <tr
            key={t.id}
            data-testid="token-row"
            data-token-name={t.name}
            data-token-id={t.id}
            className={revoked ? 'is-disabled' : undefined}
          >
            <th scope="row" className="cell-name">
              {t.name}
            </th>
            <td data-label="Kind">{t.kind === 'kiosk' ? 'Kiosk link' : 'API token'}</td>
            <td data-label="Reaches">{reach(t)}</td>
            <td data-label="Created">{nowMs === null ? '' : formatDate(t.createdAtMs)}</td>
            <td data-label="Last used">
              {t.lastUsedMs === null ? <span className="muted">never</span> : nowMs === null ? '' : formatAge(nowMs - t.lastUsedMs)}
            </td>
            <td data-label="State" data-testid="token-state">
              <span className={`state-tag ${revoked ? 'is-off' : 'is-on'}`}>
                {revoked ? `Revoked${nowMs === null ? '' : ` ${formatDate(t.revokedAtMs)}`}` : 'Active'}
              </span>
            </td>
            <td className="cell-actions" data-label="Actions">
              {revoked ? null : (
                <RowActions
                  rows={rows}
                  id={t.id}
                  name={t.name}
                  verb="Revoke"
                  testIds={TOKEN_TEST_IDS}
                  onConfirm={() => void revoke(t)}
                  explain={revokeNote(t)}
                />
              )}
              <RowError message={rows.rowError[t.id]} />
            </td>
          </tr>
        );
      })}
    </SettingsTable>
  );
}
