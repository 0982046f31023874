'use client';
/**
 * Rigs in maintenance (their alerts resolve with reason "maintenance" and no new ones fire), with an
 * "End" button each, and the form to put a rig in maintenance until a time or until ended by hand.
 */
import { useState, type FormEvent } from 'react';
import type { MaintenanceView } from '../../../lib/views/alert-contracts';
import { callApi } from '../alerts/api-client';
import { When } from '../alerts/When';
import type { ScopeOption } from './RulesPanel';
import { FormFooter } from './FormFooter';
import { RowError } from './RowActions';
import { SettingsTable, type Column } from './SettingsTable';

/** Props of MaintenancePanel. */
export interface MaintenancePanelProps {
  maintenance: MaintenanceView[];
  rigs: (ScopeOption & { siteName: string })[];
  nowMs: number | null;
  /** Re-read the rules view after a change. */
  onChanged: () => Promise<void> | void;
}

/** A datetime-local value ("2028-04-03T14:05", the viewer's zone) as epoch ms; null when empty or invalid. */
export function localInputToMs(value: string): number | null {
  if (value.trim() === '') return null;
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? ms : null;
}

const COLUMNS: readonly Column[] = ['Rig', 'Since', 'Until', 'Note', { key: 'end', label: <span className="visually-hidden">End</span> }];

/** The list and the form. */
export function MaintenancePanel({ maintenance, rigs, nowMs, onChanged }: MaintenancePanelProps) {
  const inMaintenance = new Set(maintenance.map((m) => m.rigId));
  const free = rigs.filter((r) => !inMaintenance.has(r.id));
  const [rigId, setRigId] = useState<string>('');
  const [until, setUntil] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [rowError, setRowError] = useState<Record<number, string>>({});

  const end = async (id: number) => {
    const res = await callApi<{ ok: true }>('DELETE', `/api/rigs/${id}/maintenance`);
    if (!res.ok) setRowError((e) => ({ ...e, [id]: res.error }));
    await onChanged();
  };

  const start = async (e: FormEvent) => {
    e.preventDefault();
    const local: string[] = [];
    const chosen = rigId || (free[0] ? String(free[0].id) : '');
    if (!chosen) local.push('Choose a rig');
    const untilMs = localInputToMs(until);
    if (until.trim() !== '' && untilMs === null) local.push(`Until is not a date and time (got "${until}")`);
    if (untilMs !== null && nowMs !== null && untilMs <= nowMs) local.push('Until must be in the future');
    if (local.length > 0) {
      setErrors(local);
      return;
    }
    setBusy(true);
    setErrors([]);
    const res = await callApi<{ ok: true }>('PUT', `/api/rigs/${chosen}/maintenance`, { untilMs, note: note.trim() });
    setBusy(false);
    if (!res.ok) {
      setErrors(res.messages);
      return;
    }
    setRigId('');
    setUntil('');
    setNote('');
    await onChanged();
  };

  return (
    <div className="maintenance">
      {maintenance.length === 0 ? (
        <p className="empty-note">No rig is in maintenance.</p>
      ) : (
        <SettingsTable
          className="maintenance-table"
          testId="maintenance"
          caption="Rigs in maintenance"
          scrollLabel="Maintenance table"
          columns={COLUMNS}
        >
          {maintenance.map((m) => (
            <tr key={m.rigId} data-testid="maintenance-row" data-rig-id={m.rigId}>
              <th scope="row" className="cell-name">
                {m.rigName}
              </th>
              <td data-label="Since">
                <When tsMs={m.sinceMs} nowMs={nowMs} />
              </td>
              <td data-label="Until">
                {m.untilMs === null ? <span className="muted">until ended</span> : <When tsMs={m.untilMs} nowMs={nowMs} absolute />}
              </td>
              <td data-label="Note" className="cell-note">
                {m.note || <span className="muted">—</span>}
              </td>
              <td className="cell-actions">
                <button type="button" className="ctl-button" data-testid="maintenance-end" onClick={() => void end(m.rigId)}>
                  End
                </button>
                <RowError message={rowError[m.rigId]} />
              </td>
            </tr>
          ))}
        </SettingsTable>
      )}

      <h3 className="sub-title">Put a rig in maintenance</h3>
      {free.length === 0 ? (
        <p className="empty-note">{rigs.length === 0 ? 'No rigs yet.' : 'Every rig is in maintenance.'}</p>
      ) : (
        <form className="maintenance-form" data-testid="maintenance-form" noValidate onSubmit={(e) => void start(e)}>
          <div className="form-grid">
            <div className="form-field">
              <label htmlFor="maint-rig">Rig</label>
              <select
                id="maint-rig"
                className="ctl-select"
                value={rigId || String(free[0].id)}
                onChange={(e) => setRigId(e.target.value)}
                data-testid="maintenance-rig"
              >
                {free.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name} · {r.siteName}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-field">
              <label htmlFor="maint-until">Until (your time, optional)</label>
              <input
                id="maint-until"
                className="ctl-input"
                type="datetime-local"
                value={until}
                onChange={(e) => setUntil(e.target.value)}
              />
              <span className="form-hint">Empty: until you end it.</span>
            </div>
            <div className="form-field">
              <label htmlFor="maint-note">Note</label>
              <input
                id="maint-note"
                className="ctl-input"
                type="text"
                maxLength={200}
                value={note}
                placeholder="Replacing fan 2"
                onChange={(e) => setNote(e.target.value)}
              />
            </div>
          </div>
          <FormFooter
            errors={errors}
            errorsTestId="maintenance-errors"
            busy={busy}
            label="Start maintenance"
            busyLabel="Saving…"
            submitTestId="maintenance-start"
          />
        </form>
      )}
    </div>
  );
}
