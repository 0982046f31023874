'use client';
/**
 * API tokens and kiosk links (name, kind, what they reach, created, last used, state) with "Revoke",
 * which asks first. Revoked ones stay listed, dimmed, so "last used" can still be read.
 */
import { useState } from 'react';
import { formatDate } from '../../../lib/format/money';
import { formatAge } from '../../../lib/format/units';
import type { TokenView } from '../../../lib/db/queries/users';
import { callApi } from '../alerts/api-client';

/** Props of TokensTable. */
export interface TokensTableProps {
  tokens: readonly TokenView[];
  /** null until the browser has mounted. */
  nowMs: number | null;
  onChanged: () => void;
}

const reach = (t: TokenView) => (t.kind === 'kiosk' ? `wall of ${t.siteName ?? (t.siteId === null ? 'the whole fleet' : `site ${t.siteId}`)}` : t.role);

/** The table. */
export function TokensTable({ tokens, nowMs, onChanged }: TokensTableProps) {
  const [confirming, setConfirming] = useState<number | null>(null);
  const [rowError, setRowError] = useState<Record<number, string>>({});

  const revoke = async (token: TokenView) => {
    const res = await callApi('DELETE', `/api/tokens/${token.id}`);
    setConfirming(null);
    if (!res.ok) return setRowError((e) => ({ ...e, [token.id]: res.error }));
    onChanged();
  };

  if (tokens.length === 0) return <p className="empty-note">No tokens yet: create one below for a script or a wall display.</p>;
  return (
    <div className="data-table-wrap">
      <table className="data-table settings-table tokens-table" data-testid="tokens-table">
        <caption className="visually-hidden">API tokens and kiosk links</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Reaches</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">State</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => {
            const revoked = t.revokedAtMs !== null;
            return (
              <tr key={t.id} data-testid="token-row" data-token-name={t.name} data-token-id={t.id} className={revoked ? 'is-disabled' : undefined}>
                <th scope="row" className="cell-name">
                  {t.name}
                </th>
                <td data-label="Kind">{t.kind === 'kiosk' ? 'Kiosk link' : 'API token'}</td>
                <td data-label="Reaches">{reach(t)}</td>
                <td data-label="Created">{nowMs === null ? '' : formatDate(t.createdAtMs)}</td>
                <td data-label="Last used">{t.lastUsedMs === null ? <span className="muted">never</span> : nowMs === null ? '' : formatAge(nowMs - t.lastUsedMs)}</td>
                <td data-label="State" data-testid="token-state">
                  <span className={`state-tag ${revoked ? 'is-off' : 'is-on'}`}>{revoked ? `Revoked${nowMs === null ? '' : ` ${formatDate(t.revokedAtMs)}`}` : 'Active'}</span>
                </td>
                <td className="cell-actions" data-label="Actions">
                  {revoked ? null : confirming === t.id ? (
                    <div className="remove-confirm" role="alertdialog" aria-label={`Revoke ${t.name}?`}>
                      <p>
                        Revoke <strong>{t.name}</strong>? {t.kind === 'kiosk' ? 'The wall display on it stops within 30 s.' : 'Scripts using it are refused from now on.'} This cannot be
                        undone.
                      </p>
                      <div className="row-actions">
                        <button type="button" className="ctl-button ctl-button--danger" onClick={() => void revoke(t)} data-testid="token-revoke-confirm">
                          Revoke {t.name}
                        </button>
                        <button type="button" className="ctl-button" onClick={() => setConfirming(null)}>
                          Keep
                        </button>
                      </div>
                    </div>
                  ) : (
                    <div className="row-actions">
                      <button type="button" className="ctl-button" onClick={() => setConfirming(t.id)} data-testid="token-revoke">
                        Revoke
                      </button>
                    </div>
                  )}
                  {rowError[t.id] && (
                    <p className="form-error" role="alert">
                      {rowError[t.id]}
                    </p>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
