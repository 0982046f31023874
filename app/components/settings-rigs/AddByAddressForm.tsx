'use client';
/**
 * "Add by address": the collector probes the address (the usual ports, or the one given), the form shows
 * what answered (model, driver, hash rate, or the rig already registered there), and "Add rig" registers
 * it, with an optional name.
 */
import { useState, type FormEvent } from 'react';
import { parseDeviceRequestInput } from '../../../lib/rigs/device-request-input';
import type { ProbeResult } from '../../../lib/rigs/device-request-types';
import { callApi } from '../alerts/api-client';
import { ErrorList } from '../settings/ErrorList';
import { FormFooter } from '../settings/FormFooter';
import { TextField } from '../settings/TextField';
import { deviceLabel, deviceReadingLabel, newRigOf } from './found-device';
import { SiteSelect, type SiteOption } from './SiteSelect';
import { fieldErrors, useDeviceRequest } from './use-device-request';

/** Props of AddByAddressForm. */
export interface AddByAddressFormProps {
  sites: readonly SiteOption[];
}

/** The probe form and what it found. */
export function AddByAddressForm({ sites }: AddByAddressFormProps) {
  const [address, setAddress] = useState('');
  const [port, setPort] = useState('');
  const [siteId, setSiteId] = useState(String(sites[0]?.id ?? ''));
  const [name, setName] = useState('');
  const [localErrors, setLocalErrors] = useState<string[]>([]);
  const [addErrors, setAddErrors] = useState<string[]>([]);
  const [added, setAdded] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const { state, start, reset } = useDeviceRequest();
  const errors = state.phase === 'invalid' ? state.errors : localErrors;
  const siteIds = new Set(sites.map((s) => s.id));

  const probe = async (e: FormEvent) => {
    e.preventDefault();
    setAdded(null);
    setAddErrors([]);
    const body = { kind: 'probe', address, port, siteId };
    // The server's own checks, run here first: the same message, without a round trip.
    const parsed = parseDeviceRequestInput(body, (id) => siteIds.has(id));
    if (!parsed.ok) {
      reset();
      setLocalErrors(parsed.error);
      return;
    }
    setLocalErrors([]);
    await start(parsed.value);
  };

  const add = async (result: ProbeResult) => {
    setAdding(true);
    const res = await callApi<{ added: { name: string }[] }>('POST', '/api/rigs', {
      siteId: result.siteId,
      rigs: [newRigOf(result.device, name)],
    });
    setAdding(false);
    if (!res.ok) {
      setAddErrors(res.messages);
      return;
    }
    setAdded(res.data.added.map((a) => a.name).join(', '));
    setName('');
    reset();
  };

  const invalid = (field: string) => fieldErrors(errors, field).length > 0;
  const found = state.phase === 'done' && state.result.kind === 'probe' ? state.result : null;
  const siteName = (id: number) => sites.find((s) => s.id === id)?.name ?? `site ${id}`;

  return (
    <div className="add-by-address">
      <form className="channel-form" data-testid="probe-form" noValidate onSubmit={(e) => void probe(e)}>
        <div className="form-grid">
          <TextField
            id="probe-address"
            field="address"
            label="Address"
            required
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="10.0.0.5"
            value={address}
            onChange={setAddress}
            invalid={invalid('address')}
          />
          <TextField
            id="probe-port"
            field="port"
            label="Port (optional)"
            inputMode="numeric"
            placeholder="4028, 4433, 80"
            value={port}
            onChange={setPort}
            invalid={invalid('port')}
            hint="Empty: tries the cgminer API, Whatsminer API and web UI ports."
          />
          <SiteSelect id="probe-site" sites={sites} value={siteId} onChange={setSiteId} invalid={invalid('siteId')} />
        </div>
        <FormFooter
          errors={errors}
          errorsTestId="probe-errors"
          busy={state.phase === 'waiting'}
          label="Probe"
          busyLabel="Probing…"
          submitTestId="probe-submit"
        >
          {state.phase === 'waiting' && (
            <span className="request-state is-pending" role="status">
              The collector is asking {address.trim()}…
            </span>
          )}
          {added && (
            <span className="form-status" role="status" data-testid="probe-added">
              Added {added}
            </span>
          )}
        </FormFooter>
      </form>

      {state.phase === 'failed' && (
        <p className="request-state is-failed" role="alert" data-testid="probe-failed">
          {state.error}
        </p>
      )}

      {found && (
        <div
          className="found-device"
          data-testid="probe-found"
          data-driver={found.device.driver}
          data-address={`${found.device.address}:${found.device.port}`}
        >
          <p className="found-device-title">
            Found <strong data-testid="probe-found-model">{deviceLabel(found.device)}</strong> at {found.device.address}:{found.device.port}
          </p>
          <p className="form-hint">
            Driver {found.device.driver}
            {found.device.firmware ? ` · firmware ${found.device.firmware}` : ''} · {deviceReadingLabel(found.device)}
          </p>
          {found.device.knownRig ? (
            <p className="request-state" data-testid="probe-known">
              Already registered as {found.device.knownRig.name}.
            </p>
          ) : (
            <div className="form-actions">
              <div className="form-field found-device-name">
                <label htmlFor="probe-name">Name (optional)</label>
                <input
                  id="probe-name"
                  className="ctl-input"
                  type="text"
                  maxLength={64}
                  placeholder="named from the site and address"
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                  data-field="name"
                />
              </div>
              <button
                type="button"
                className="ctl-button ctl-button--primary"
                disabled={adding}
                onClick={() => void add(found)}
                data-testid="probe-add"
              >
                {adding ? 'Adding…' : `Add to ${siteName(found.siteId)}`}
              </button>
            </div>
          )}
          <ErrorList errors={addErrors} testId="probe-add-errors" />
        </div>
      )}
    </div>
  );
}
