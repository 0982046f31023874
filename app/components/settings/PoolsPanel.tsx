'use client';
/**
 * The pool accounts the collector reads: each with its pool, the rigs it matches, its fee and its last
 * fetch (age and error); edit, remove, and the form to add one. Re-read while the page is open.
 */
import type { PoolView } from '../../../lib/db/queries/pools';
import { poolKindInfo } from '../../../lib/domain/pool-kinds';
import { callApi } from '../alerts/api-client';
import { useSettingsList } from './use-settings-list';
import { When } from '../alerts/When';
import { useNowMs } from '../overview/use-now-ms';
import { PoolForm } from './PoolForm';
import { EditRow, RowActions, RowError } from './RowActions';
import { SettingsTable, type Column } from './SettingsTable';
import { useRowEditing } from './use-row-editing';

const REFRESH_MS = 10_000;

const COLUMNS: readonly Column[] = ['Pool account', 'Rigs on it', { label: 'Fee', num: true }, 'Last fetch', 'Last error', 'Actions'];
const POOL_TEST_IDS = { edit: 'pool-edit-button', ask: 'pool-delete-button', confirm: 'pool-delete-confirm' };

/** Props of PoolsPanel. */
export interface PoolsPanelProps {
  initial: PoolView[];
}

/** The pools table and the add form. */
export function PoolsPanel({ initial }: PoolsPanelProps) {
  const nowMs = useNowMs();
  const list = useSettingsList<PoolView>('/api/pools', 'pools', initial, REFRESH_MS);
  const { loadError, setLoadError, reload } = list;
  const pools = list.items ?? [];
  const rows = useRowEditing();

  const remove = async (id: number) => {
    const res = await callApi('DELETE', `/api/pools/${id}`);
    rows.keep();
    if (!res.ok) setLoadError(res.error);
    void reload();
  };

  return (
    <div className="pools">
      <RowError message={loadError} />
      {pools.length === 0 && (
        <p className="empty-note">No pool accounts: revenue uses each site’s default pool fee and no pool figures are compared.</p>
      )}
      {pools.length > 0 && (
        <SettingsTable testId="pools" caption="Pool accounts" columns={COLUMNS}>
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
                <RowActions rows={rows} id={p.id} name={p.name} verb="Remove" testIds={POOL_TEST_IDS} onConfirm={() => void remove(p.id)} />
              </td>
            </tr>,
            rows.editing === p.id ? (
              <EditRow key={`${p.id}-edit`} colSpan={COLUMNS.length}>
                <PoolForm pool={p} onSaved={rows.closeEditThen(() => void reload())} onCancel={rows.closeEdit} />
              </EditRow>
            ) : null,
          ])}
        </SettingsTable>
      )}

      <h3 className="sub-title">Add a pool account</h3>
      <PoolForm onSaved={() => void reload()} />
    </div>
  );
}
