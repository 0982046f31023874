'use client';
/**
 * The pool accounts the collector reads: each with its pool, the rigs it matches, its fee and its last
 * fetch (age and error); edit, remove, and the form to add one. Re-read while the page is open.
 */
import { useCallback, useEffect, useState } from 'react';
import type { PoolView } from '../../../lib/db/queries/pools';
import { poolKindInfo } from '../../../lib/domain/pool-kinds';
import { callApi } from '../alerts/api-client';
import { When } from '../alerts/When';
import { useNowMs } from '../overview/use-now-ms';
import { PoolForm } from './PoolForm';

const REFRESH_MS = 10_000;

/** Props of PoolsPanel. */
export interface PoolsPanelProps {
  initial: PoolView[];
}

/** The pools table and the add form. */
export function PoolsPanel({ initial }: PoolsPanelProps) {
  const nowMs = useNowMs();
  const [pools, setPools] = useState(initial);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<number | null>(null);

  const reload = useCallback(async () => {
    const res = await callApi<{ pools: PoolView[] }>('GET', '/api/pools');
    if (res.ok) {
      setPools(res.data.pools);
      setLoadError(null);
    } else setLoadError(res.error);
  }, []);

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void reload();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const remove = async (id: number) => {
    const res = await callApi('DELETE', `/api/pools/${id}`);
    setConfirmDelete(null);
    if (!res.ok) setLoadError(res.error);
    void reload();
  };

  return (
    <div className="pools">
      {loadError && (
        <p className="form-error" role="alert">
          {loadError}
        </p>
      )}
      {pools.length === 0 && <p className="empty-note">No pool accounts: revenue uses each site’s default pool fee and no pool figures are compared.</p>}
      {pools.length > 0 && (
        <div className="data-table-wrap">
          <table className="data-table settings-table" data-testid="pools">
            <caption className="visually-hidden">Pool accounts</caption>
            <thead>
              <tr>
                <th scope="col">Pool account</th>
                <th scope="col">Rigs on it</th>
                <th scope="col" className="cell-num">Fee</th>
                <th scope="col">Last fetch</th>
                <th scope="col">Last error</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {pools.map((p) => [
                <tr key={p.id} data-testid="pool-row" data-pool-name={p.name} data-kind={p.kind}>
                  <th scope="row" className="cell-name">
                    {p.name}
                    <span className="cell-sub">{poolKindInfo(p.kind)?.label ?? p.kind}</span>
                  </th>
                  <td data-label="Rigs on it" className="cell-note">
                    URL contains “{p.matchUrl}”
                  </td>
                  <td className="cell-num" data-label="Fee">
                    {p.feePct}%
                  </td>
                  <td data-label="Last fetch">
                    <When tsMs={p.state?.fetchedAtMs ?? null} nowMs={nowMs} testId="pool-fetched" />
                  </td>
                  <td data-label="Last error" className="cell-error">
                    {p.state?.lastError ? <span className="warn-text">{p.state.lastError}</span> : <span className="muted">—</span>}
                  </td>
                  <td className="cell-actions" data-label="Actions">
                    <div className="row-actions">
                      <button type="button" className="ctl-button" data-testid="pool-edit-button" onClick={() => setEditing(editing === p.id ? null : p.id)}>
                        {editing === p.id ? 'Close' : 'Edit'}
                      </button>
                      {confirmDelete === p.id ? (
                        <>
                          <button type="button" className="ctl-button ctl-button--danger" data-testid="pool-delete-confirm" onClick={() => void remove(p.id)}>
                            Remove {p.name}?
                          </button>
                          <button type="button" className="ctl-button" onClick={() => setConfirmDelete(null)}>
                            Keep
                          </button>
                        </>
                      ) : (
                        <button type="button" className="ctl-button" data-testid="pool-delete-button" onClick={() => setConfirmDelete(p.id)}>
                          Remove
                        </button>
                      )}
                    </div>
                  </td>
                </tr>,
                editing === p.id ? (
                  <tr key={`${p.id}-edit`} className="edit-row">
                    <td colSpan={6}>
                      <PoolForm
                        pool={p}
                        onSaved={() => {
                          setEditing(null);
                          void reload();
                        }}
                        onCancel={() => setEditing(null)}
                      />
                    </td>
                  </tr>
                ) : null,
              ])}
            </tbody>
          </table>
        </div>
      )}

      <h3 className="sub-title">Add a pool account</h3>
      <PoolForm onSaved={() => void reload()} />
    </div>
  );
}
