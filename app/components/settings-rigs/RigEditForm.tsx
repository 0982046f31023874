'use client';
/**
 * Edits one rig: name, site, address and port, its nameplate hash rate and power, and its location. Loads the rig's current settings, sends only what changed, and
 * shows the server's refusal (a name or address:port another rig has) under the form.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { RigSettings } from '../../../lib/db/queries/rigs';
import { parseRigPatch } from '../../../lib/rigs/rig-input';
import { callApi } from '../alerts/api-client';
import { ErrorList } from '../settings/ErrorList';
import { FormFooter } from '../settings/FormFooter';
import { TextField } from '../settings/TextField';
import { SiteSelect, type SiteOption } from './SiteSelect';
import { fieldErrors } from './use-device-request';

type Draft = Record<
  | 'name'
  | 'siteId'
  | 'address'
  | 'port'
  | 'nameplateHashrateThs'
  | 'nameplatePowerW'
  | 'locationBuilding'
  | 'locationRack'
  | 'locationPosition',
  string
>;

const draftOf = (r: RigSettings): Draft => ({
  name: r.name,
  siteId: String(r.siteId),
  address: r.address,
  port: String(r.port),
  nameplateHashrateThs: r.nameplateHashrateThs === null ? '' : String(r.nameplateHashrateThs),
  nameplatePowerW: r.nameplatePowerW === null ? '' : String(r.nameplatePowerW),
  locationBuilding: r.locationBuilding ?? '',
  locationRack: r.locationRack ?? '',
  locationPosition: r.locationPosition ?? '',
});

const TEXT_FIELDS: { key: Exclude<keyof Draft, 'siteId'>; label: string; hint?: string; numeric?: boolean }[] = [
  { key: 'name', label: 'Name' },
  { key: 'address', label: 'Address' },
  { key: 'port', label: 'Port', numeric: true },
  // Stored with the rig; nothing reads them yet (the readings carry the firmware's own expected rate).
  { key: 'nameplateHashrateThs', label: 'Nameplate hash rate (TH/s)', hint: 'Recorded with the rig; empty clears it.', numeric: true },
  { key: 'nameplatePowerW', label: 'Nameplate power (W)', hint: 'Recorded with the rig; empty clears it.', numeric: true },
  // Where it stands: the heat map groups by these, the rig list and CSV carry them.
  { key: 'locationBuilding', label: 'Building', hint: 'Building or hall; optional.' },
  { key: 'locationRack', label: 'Rack', hint: 'Rack or row; optional.' },
  { key: 'locationPosition', label: 'Position', hint: 'Position in the rack; optional.' },
];

/** Props of RigEditForm. */
export interface RigEditFormProps {
  rigId: number;
  sites: readonly SiteOption[];
  onSaved: () => void;
  onCancel: () => void;
}

/** The edit form of one rig. */
export function RigEditForm({ rigId, sites, onSaved, onCancel }: RigEditFormProps) {
  const [initial, setInitial] = useState<Draft | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void callApi<{ rig: RigSettings }>('GET', `/api/rigs/${rigId}`).then((res) => {
      if (!live) return;
      if (!res.ok) return setErrors([res.error]);
      setInitial(draftOf(res.data.rig));
      setDraft(draftOf(res.data.rig));
    });
    return () => {
      live = false;
    };
  }, [rigId]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft || !initial) return;
    const changed = Object.fromEntries(Object.entries(draft).filter(([k, v]) => v.trim() !== initial[k as keyof Draft].trim()));
    if (Object.keys(changed).length === 0) return onCancel();
    const siteIds = new Set(sites.map((s) => s.id));
    const parsed = parseRigPatch(changed, { siteExists: (id) => siteIds.has(id) });
    if (!parsed.ok) return setErrors(parsed.error);
    setBusy(true);
    const res = await callApi('PATCH', `/api/rigs/${rigId}`, parsed.value);
    setBusy(false);
    if (!res.ok) return setErrors(res.messages);
    setErrors([]);
    onSaved();
  };

  if (!draft) {
    return errors.length > 0 ? <ErrorList errors={errors} testId="rig-edit-errors" /> : <p className="empty-note">Loading…</p>;
  }
  const set = (key: keyof Draft) => (value: string) => setDraft({ ...draft, [key]: value });
  const invalid = (key: string) => fieldErrors(errors, key).length > 0;
  return (
    <form className="channel-form" data-testid="rig-edit-form" noValidate onSubmit={(e) => void save(e)}>
      <div className="form-grid">
        {TEXT_FIELDS.map((f) => (
          <TextField
            key={f.key}
            id={`rig-${rigId}-${f.key}`}
            field={f.key}
            label={f.label}
            inputMode={f.numeric ? 'decimal' : undefined}
            value={draft[f.key]}
            onChange={set(f.key)}
            invalid={invalid(f.key)}
            hint={f.hint}
          />
        ))}
        <SiteSelect id={`rig-${rigId}-site`} sites={sites} value={draft.siteId} onChange={set('siteId')} invalid={invalid('siteId')} />
      </div>
      <FormFooter
        errors={errors}
        errorsTestId="rig-edit-errors"
        busy={busy}
        label="Save"
        busyLabel="Saving…"
        submitTestId="rig-edit-save"
        onCancel={onCancel}
      />
    </form>
  );
}
