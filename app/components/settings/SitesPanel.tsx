'use client';
/**
 * The sites: each with its time zone, currency, tariff, PUE, pool fee and rig count; edit in place,
 * remove (only a site without rigs: the server's refusal names the count), and the form to add one.
 */
import { useCallback, useState } from 'react';
import type { SiteSettingsView } from '../../../lib/db/queries/sites';
import { callApi } from '../alerts/api-client';
import { SiteForm } from './SiteForm';
import { describeTariff } from './tariff-form';

/** Props of SitesPanel. */
export interface SitesPanelProps {
  /** The sites as the server page read them. */
  initial: SiteSettingsView[];
}

/** The sites table and the add form. */
export function SitesPanel({ initial }: SitesPanelProps) {
  const [sites, setSites] = useState<SiteSettingsView[]>(initial);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<number | null>(null);
  const [rowError, setRowError] = useState<Record<number, string>>({});

  const reload = useCallback(async () => {
    const res = await callApi<{ sites: SiteSettingsView[] }>('GET', '/api/sites');
    if (res.ok) {
      setSites(res.data.sites);
      setLoadError(null);
    } else setLoadError(res.error);
  }, []);

  const remove = async (id: number) => {
    const res = await callApi<{ ok: true }>('DELETE', `/api/sites/${id}`);
    setConfirmDelete(null);
    if (!res.ok) setRowError((e) => ({ ...e, [id]: res.error }));
    else setRowError(({ [id]: _drop, ...rest }) => rest);
    void reload();
  };

  return (
    <div className="sites">
      {loadError && (
        <p className="form-error" role="alert">
          Could not load sites: {loadError}
        </p>
      )}
      {sites.length === 0 && <p className="empty-note">No sites yet. Add one below, then add rigs to it.</p>}
      {sites.length > 0 && (
        <div className="data-table-wrap">
          <table className="data-table settings-table sites-table" data-testid="sites">
            <caption className="visually-hidden">Sites</caption>
            <thead>
              <tr>
                <th scope="col">Site</th>
                <th scope="col">Time zone</th>
                <th scope="col">Tariff</th>
                <th scope="col" className="cell-num">PUE</th>
                <th scope="col" className="cell-num">Pool fee</th>
                <th scope="col" className="cell-num">Rigs</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {sites.map((s) => [
                <tr key={s.id} data-testid="site-row" data-site-id={s.id} data-site-name={s.name}>
                  <th scope="row" className="cell-name">
                    {s.name}
                    <span className="cell-sub">{s.currency}</span>
                  </th>
                  <td data-label="Time zone" data-testid="site-tz">
                    {s.timeZone}
                  </td>
                  <td data-label="Tariff" className="cell-note" data-testid="site-tariff">
                    {describeTariff(s.tariff, s.currency)}
                  </td>
                  <td className="cell-num" data-label="PUE" data-testid="site-pue">
                    {s.pue}
                  </td>
                  <td className="cell-num" data-label="Pool fee">
                    {s.poolFeePct}%
                  </td>
                  <td className="cell-num" data-label="Rigs" data-testid="site-rigs">
                    {s.rigCount}
                  </td>
                  <td className="cell-actions" data-label="Actions">
                    <div className="row-actions">
                      <button type="button" className="ctl-button" data-testid="site-edit-button" onClick={() => setEditing(editing === s.id ? null : s.id)}>
                        {editing === s.id ? 'Close' : 'Edit'}
                      </button>
                      {confirmDelete === s.id ? (
                        <>
                          <button type="button" className="ctl-button ctl-button--danger" data-testid="site-delete-confirm" onClick={() => void remove(s.id)}>
                            Remove {s.name}?
                          </button>
                          <button type="button" className="ctl-button" onClick={() => setConfirmDelete(null)}>
                            Keep
                          </button>
                        </>
                      ) : (
                        <button type="button" className="ctl-button" data-testid="site-delete-button" onClick={() => setConfirmDelete(s.id)}>
                          Remove
                        </button>
                      )}
                    </div>
                    {rowError[s.id] && (
                      <p className="form-error" role="alert" data-testid="site-row-error">
                        {rowError[s.id]}
                      </p>
                    )}
                  </td>
                </tr>,
                editing === s.id ? (
                  <tr key={`${s.id}-edit`} className="edit-row">
                    <td colSpan={7}>
                      <SiteForm
                        site={s}
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

      <h3 className="sub-title">Add a site</h3>
      <SiteForm onSaved={() => void reload()} />
    </div>
  );
}
