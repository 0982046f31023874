'use client';
/**
 * The registered rigs (name, site, address:port, driver and model, live state) with "Edit" (an inline
 * form) and "Remove", which asks first and says what goes with the rig: its history.
 */
import { useState } from 'react';
import type { RigView } from '../../../lib/realtime/contracts';
import { callApi } from '../alerts/api-client';
import { StatusBadge } from '../overview/StatusBadge';
import { RigEditForm } from './RigEditForm';
import type { SiteOption } from './SiteSelect';
import { scrollRegion } from '../table/scroll-region';

/** Props of RigsSettingsTable. */
export interface RigsSettingsTableProps {
  rigs: readonly RigView[];
  sites: readonly SiteOption[];
  /** Called after an edit or removal, before the live update arrives. */
  onChanged: (change: { removedId?: number }) => void;
}

/** The table. */
export function RigsSettingsTable({ rigs, sites, onChanged }: RigsSettingsTableProps) {
  const [editing, setEditing] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [rowError, setRowError] = useState<Record<number, string>>({});

  const remove = async (rig: RigView) => {
    const res = await callApi('DELETE', `/api/rigs/${rig.id}`);
    setConfirming(null);
    if (!res.ok) return setRowError((e) => ({ ...e, [rig.id]: res.error }));
    onChanged({ removedId: rig.id });
  };

  if (rigs.length === 0) return <p className="empty-note">No rigs yet: add one by address or scan a range below.</p>;
  return (
    <div className="data-table-wrap" {...scrollRegion('Configured rigs table')}>
      <table className="data-table settings-table rigs-settings-table" data-testid="rigs-settings">
        <caption className="visually-hidden">Registered rigs</caption>
        <thead>
          <tr>
            <th scope="col">Rig</th>
            <th scope="col">Site</th>
            <th scope="col">Address</th>
            <th scope="col">Driver / model</th>
            <th scope="col">State</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {rigs.map((rig) => [
            <tr key={rig.id} data-testid="rig-settings-row" data-rig-id={rig.id} data-rig-name={rig.name} data-endpoint={`${rig.address}:${rig.port}`}>
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
                {confirming === rig.id ? (
                  <div className="remove-confirm" role="alertdialog" aria-label={`Remove ${rig.name}?`} data-testid="rig-remove-confirm-box">
                    <p>
                      Remove <strong>{rig.name}</strong> and delete its history (samples, charts and timeline)? Past alerts stay in the alerts log. This cannot be undone.
                    </p>
                    <div className="row-actions">
                      <button type="button" className="ctl-button ctl-button--danger" onClick={() => void remove(rig)} data-testid="rig-remove-confirm">
                        Remove {rig.name}
                      </button>
                      <button type="button" className="ctl-button" onClick={() => setConfirming(null)}>
                        Keep
                      </button>
                    </div>
                  </div>
                ) : (
                  <div className="row-actions">
                    <button type="button" className="ctl-button" onClick={() => setEditing(editing === rig.id ? null : rig.id)} data-testid="rig-edit">
                      {editing === rig.id ? 'Close' : 'Edit'}
                    </button>
                    <button type="button" className="ctl-button" onClick={() => setConfirming(rig.id)} data-testid="rig-remove">
                      Remove
                    </button>
                  </div>
                )}
                {rowError[rig.id] && (
                  <p className="form-error" role="alert">
                    {rowError[rig.id]}
                  </p>
                )}
              </td>
            </tr>,
            editing === rig.id ? (
              <tr key={`${rig.id}-edit`} className="edit-row">
                <td colSpan={6}>
                  <RigEditForm
                    rigId={rig.id}
                    sites={sites}
                    onSaved={() => {
                      setEditing(null);
                      onChanged({});
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
  );
}
