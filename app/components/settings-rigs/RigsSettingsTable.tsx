'use client';
/**
 * The registered rigs (name, site, address:port, driver and model, live state) with "Edit" (an inline
 * form) and "Remove", which asks first and says what goes with the rig: its history.
 */
import type { RigView } from '../../../lib/views/contracts';
import { callApi } from '../alerts/api-client';
import { StatusBadge } from '../overview/StatusBadge';
import { EditRow, RowActions, RowError } from '../settings/RowActions';
import { SettingsTable, type Column } from '../settings/SettingsTable';
import { useRowEditing } from '../settings/use-row-editing';
import { RigEditForm } from './RigEditForm';
import type { SiteOption } from './SiteSelect';

const COLUMNS: readonly Column[] = ['Rig', 'Site', 'Address', 'Driver / model', 'State', 'Actions'];
const RIG_TEST_IDS = { edit: 'rig-edit', ask: 'rig-remove', confirm: 'rig-remove-confirm', box: 'rig-remove-confirm-box' };

/** What the confirmation says goes with the rig. */
const removeNote = (rig: RigView) => (
  <>
    Remove <strong>{rig.name}</strong> and delete its history (samples, charts and timeline)? Past alerts stay in the alerts log. This
    cannot be undone.
  </>
);

/** Props of RigsSettingsTable. */
export interface RigsSettingsTableProps {
  rigs: readonly RigView[];
  sites: readonly SiteOption[];
  /** Called after an edit or removal, before the live update arrives. */
  onChanged: (change: { removedId?: number }) => void;
}

/** The table. */
export function RigsSettingsTable({ rigs, sites, onChanged }: RigsSettingsTableProps) {
  const rows = useRowEditing();

  const remove = async (rig: RigView) => {
    const res = await callApi('DELETE', `/api/rigs/${rig.id}`);
    if (rows.settle(rig.id, res)) onChanged({ removedId: rig.id });
  };

  if (rigs.length === 0) return <p className="empty-note">No rigs yet: add one by address or scan a range below.</p>;
  return (
    <SettingsTable
      className="rigs-settings-table"
      testId="rigs-settings"
      caption="Registered rigs"
      scrollLabel="Configured rigs table"
      columns={COLUMNS}
    >
      {rigs.map((rig) => [
        <tr
          key={rig.id}
          data-testid="rig-settings-row"
          data-rig-id={rig.id}
          data-rig-name={rig.name}
          data-endpoint={`${rig.address}:${rig.port}`}
        >
          <th scope="row" className="cell-name">
            {rig.name}
          </th>
          <td data-label="Site">{rig.siteName}</td>
          <td data-label="Address" className="cell-endpoint">
            {rig.address}:{rig.port}
          </td>
          <td data-label="Driver / model">
            {rig.model ?? <span className="muted">unknown model</span>}
            <span className="cell-sub">{rig.driver}</span>
          </td>
          <td data-label="State" data-testid="rig-settings-state" data-connectivity={rig.connectivity}>
            <StatusBadge value={rig.connectivity} />
          </td>
          <td className="cell-actions" data-label="Actions">
            <RowActions
              rows={rows}
              id={rig.id}
              name={rig.name}
              verb="Remove"
              testIds={RIG_TEST_IDS}
              onConfirm={() => void remove(rig)}
              explain={removeNote(rig)}
            />
            <RowError message={rows.rowError[rig.id]} />
          </td>
        </tr>,
        rows.editing === rig.id ? (
          <EditRow key={`${rig.id}-edit`} colSpan={COLUMNS.length}>
            <RigEditForm rigId={rig.id} sites={sites} onSaved={rows.closeEditThen(() => onChanged({}))} onCancel={rows.closeEdit} />
          </EditRow>
        ) : null,
      ])}
    </SettingsTable>
  );
}
