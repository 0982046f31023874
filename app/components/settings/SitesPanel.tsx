'use client';
/**
 * The sites: each with its time zone, currency, tariff, PUE, pool fee and rig count; edit in place,
 * remove (only a site without rigs: the server's refusal names the count), and the form to add one.
 */
import type { SiteSettingsView } from '../../../lib/db/queries/sites';
import { callApi } from '../alerts/api-client';
import { useSettingsList } from './use-settings-list';
import { EditRow, RowActions, RowError } from './RowActions';
import { SettingsTable, type Column } from './SettingsTable';
import { SiteForm } from './SiteForm';
import { describeTariff } from './tariff-form';
import { useRowEditing } from './use-row-editing';

const COLUMNS: readonly Column[] = [
  'Site',
  'Time zone',
  'Tariff',
  { label: 'PUE', num: true },
  { label: 'Pool fee', num: true },
  { label: 'Rigs', num: true },
  'Actions',
];
const SITE_TEST_IDS = { edit: 'site-edit-button', ask: 'site-delete-button', confirm: 'site-delete-confirm' };

/** Props of SitesPanel. */
export interface SitesPanelProps {
  /** The sites as the server page read them. */
  initial: SiteSettingsView[];
}

/** The sites table and the add form. */
export function SitesPanel({ initial }: SitesPanelProps) {
  const list = useSettingsList<SiteSettingsView>('/api/sites', 'sites', initial);
  const { loadError, reload } = list;
  const sites = list.items ?? [];
  const rows = useRowEditing();

  const remove = async (id: number) => {
    const res = await callApi<{ ok: true }>('DELETE', `/api/sites/${id}`);
    if (rows.settle(id, res)) rows.clearError(id);
    void reload();
  };

  return (
    <div className="sites">
      <RowError message={loadError && `Could not load sites: ${loadError}`} />
      {sites.length === 0 && <p className="empty-note">No sites yet. Add one below, then add rigs to it.</p>}
      {sites.length > 0 && (
        <SettingsTable className="sites-table" testId="sites" caption="Sites" columns={COLUMNS}>
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
                <RowActions rows={rows} id={s.id} name={s.name} verb="Remove" testIds={SITE_TEST_IDS} onConfirm={() => void remove(s.id)} />
                <RowError message={rows.rowError[s.id]} testId="site-row-error" />
              </td>
            </tr>,
            rows.editing === s.id ? (
              <EditRow key={`${s.id}-edit`} colSpan={COLUMNS.length}>
                <SiteForm site={s} onSaved={rows.closeEditThen(() => void reload())} onCancel={rows.closeEdit} />
              </EditRow>
            ) : null,
          ])}
        </SettingsTable>
      )}

      <h3 className="sub-title">Add a site</h3>
      <SiteForm onSaved={() => void reload()} />
    </div>
  );
}
