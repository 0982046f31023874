'use client';
/**
 * "Scan a range": the collector walks the range (at most a /20) with a live progress bar; what it
 * recognised is listed with a checkbox each (rigs already registered are marked and not selectable), and
 * "Add selected" registers the chosen ones to the site.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { DEFAULT_WEB_SCAN_PORTS } from '../../../lib/rigs/address-input';
import { parseDeviceRequestInput } from '../../../lib/rigs/device-request-input';
import type { ScanResult } from '../../../lib/rigs/device-request-types';
import { callApi } from '../alerts/api-client';
import { ErrorList } from '../settings/ErrorList';
import { FormFooter } from '../settings/FormFooter';
import { TextField } from '../settings/TextField';
import { newRigOf } from './found-device';
import { ScanHitsTable } from './ScanHitsTable';
import { ScanProgressBar } from './ScanProgressBar';
import { SiteSelect, type SiteOption } from './SiteSelect';
import { fieldErrors, useDeviceRequest } from './use-device-request';

const endpoint = (d: { address: string; port: number }) => `${d.address}:${d.port}`;

/** The scan form, its progress and its hits. */
export function ScanRangeForm({ sites }: { sites: readonly SiteOption[] }) {
  const [range, setRange] = useState('');
  const [ports, setPorts] = useState(DEFAULT_WEB_SCAN_PORTS.join(', '));
  const [siteId, setSiteId] = useState(String(sites[0]?.id ?? ''));
  const [localErrors, setLocalErrors] = useState<string[]>([]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [addedNow, setAddedNow] = useState<Map<string, string>>(new Map());
  const [addErrors, setAddErrors] = useState<string[]>([]);
  const [addedNote, setAddedNote] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const { state, start, reset } = useDeviceRequest();
  const errors = state.phase === 'invalid' ? state.errors : localErrors;
  const result: ScanResult | null = state.phase === 'done' && state.result.kind === 'scan' ? state.result : null;

  // A new result: every device not yet a rig starts selected.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a new scan result resets the selection the user then edits
    if (result) setSelected(new Set(result.hits.filter((h) => !h.knownRig).map(endpoint)));
    setAddedNow(new Map());
  }, [result]);

  const scan = async (e: FormEvent) => {
    e.preventDefault();
    setAddErrors([]);
    setAddedNote(null);
    const siteIds = new Set(sites.map((s) => s.id));
    const parsed = parseDeviceRequestInput({ kind: 'scan', range, ports, siteId }, (id) => siteIds.has(id));
    if (!parsed.ok) {
      reset();
      setLocalErrors(parsed.error);
      return;
    }
    setLocalErrors([]);
    await start(parsed.value);
  };

  const addSelected = async () => {
    if (!result) return;
    const chosen = result.hits.filter((h) => selected.has(endpoint(h)) && !h.knownRig && !addedNow.has(endpoint(h)));
    if (chosen.length === 0) {
      setAddErrors(['Select at least one device to add']);
      return;
    }
    setAdding(true);
    const res = await callApi<{ added: { name: string; address: string; port: number }[] }>('POST', '/api/rigs', {
      siteId: result.siteId,
      rigs: chosen.map((d) => newRigOf(d)),
    });
    setAdding(false);
    if (!res.ok) {
      setAddErrors(res.messages);
      return;
    }
    setAddErrors([]);
    setAddedNow((m) => new Map([...m, ...res.data.added.map((a) => [endpoint(a), a.name] as [string, string])]));
    setSelected(new Set());
    setAddedNote(
      `Added ${res.data.added.length} rig${res.data.added.length === 1 ? '' : 's'}: ${res.data.added.map((a) => a.name).join(', ')}`,
    );
  };

  const toggle = (key: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  const invalid = (field: string) => fieldErrors(errors, field).length > 0;
  const siteName = result ? (sites.find((s) => s.id === result.siteId)?.name ?? `site ${result.siteId}`) : '';
  const selectable = result ? result.hits.filter((h) => !h.knownRig && !addedNow.has(endpoint(h))) : [];
  const selectedCount = selectable.filter((h) => selected.has(endpoint(h))).length;

  return (
    <div className="scan-range">
      <form className="channel-form" data-testid="scan-form" noValidate onSubmit={(e) => void scan(e)}>
        <div className="form-grid">
          <TextField
            id="scan-range"
            field="range"
            label="Range"
            required
            autoComplete="off"
            spellCheck={false}
            placeholder="10.0.0.0/24 or 10.0.0.10-10.0.0.50"
            value={range}
            onChange={setRange}
            invalid={invalid('range')}
            hint="At most a /20 (4,096 addresses) per scan."
          />
          <TextField
            id="scan-ports"
            field="ports"
            label="Ports"
            inputMode="numeric"
            value={ports}
            onChange={setPorts}
            invalid={invalid('ports')}
          />
          <SiteSelect id="scan-site" sites={sites} value={siteId} onChange={setSiteId} invalid={invalid('siteId')} />
        </div>
        <FormFooter
          errors={errors}
          errorsTestId="scan-errors"
          busy={state.phase === 'waiting'}
          label="Scan"
          busyLabel="Scanning…"
          submitTestId="scan-submit"
        />
      </form>

      {state.phase === 'waiting' && <ScanProgressBar progress={state.progress} />}
      {state.phase === 'failed' && (
        <p className="request-state is-failed" role="alert" data-testid="scan-failed">
          {state.error}
        </p>
      )}

      {result && (
        <div className="scan-result" data-testid="scan-result" data-hits={result.hits.length}>
          <p className="scan-summary" data-testid="scan-summary">
            Scanned {result.addresses.toLocaleString('en-US')} addresses on port{result.ports.length === 1 ? '' : 's'}{' '}
            {result.ports.join(', ')} in {(result.durationMs / 1000).toFixed(1)} s: <strong>{result.hits.length} recognised</strong>
            {result.hits.some((h) => h.knownRig) && ` (${result.hits.filter((h) => h.knownRig).length} already rigs)`},{' '}
            {result.unrecognised.length} answered but not recognised, {result.silentAddresses.toLocaleString('en-US')} silent.
          </p>
          {result.unrecognised.length > 0 && (
            <p className="form-hint" data-testid="scan-unrecognised">
              Not recognised (their replies are kept for a support request):{' '}
              {result.unrecognised.map((u) => `${endpoint(u)} (${u.protocol})`).join(', ')}
            </p>
          )}
          {result.hits.length > 0 && (
            <>
              <ScanHitsTable hits={result.hits} selected={selected} addedNow={addedNow} onToggle={toggle} />
              <div className="form-actions">
                <button
                  type="button"
                  className="ctl-button ctl-button--primary"
                  disabled={adding || selectable.length === 0}
                  onClick={() => void addSelected()}
                  data-testid="scan-add-selected"
                >
                  {adding ? 'Adding…' : `Add selected (${selectedCount}) to ${siteName}`}
                </button>
                {addedNote && (
                  <span className="form-status" role="status" data-testid="scan-added">
                    {addedNote}
                  </span>
                )}
              </div>
            </>
          )}
          <ErrorList errors={addErrors} testId="scan-add-errors" />
        </div>
      )}
    </div>
  );
}
