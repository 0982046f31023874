'use client';
/**
 * Add or edit a site: name, IANA time zone, currency, PUE, default pool fee and its tariff. The tariff is
 * checked here first with the API's own parser (so a bad tariff stops before the site is written), then
 * the server validates everything again; its messages show beside the form and mark the fields they name.
 */
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { CURRENCIES } from '../../../lib/domain/network';
import type { SiteSettingsView } from '../../../lib/db/queries/sites';
import { callApi } from '../alerts/api-client';
import { FormFooter } from './FormFooter';
import { TariffEditor } from './TariffEditor';
import { errorNames, formFromTariff, tariffFromForm } from './tariff-form';
import { typedNumber as typed } from './typed-number';

/** Props of SiteForm. */
export interface SiteFormProps {
  /** The site being edited; absent when adding. */
  site?: SiteSettingsView;
  onSaved: () => void;
  onCancel?: () => void;
}

type SiteReply = { ok: true; site: SiteSettingsView };

/** The site form. */
export function SiteForm({ site, onSaved, onCancel }: SiteFormProps) {
  const uid = useId();
  const editing = site !== undefined;
  const [name, setName] = useState(site?.name ?? '');
  const [timeZone, setTimeZone] = useState(site?.timeZone ?? 'UTC');
  const [currency, setCurrency] = useState(site?.currency ?? 'USD');
  const [pue, setPue] = useState(site ? String(site.pue) : '');
  const [poolFeePct, setPoolFeePct] = useState(site ? String(site.poolFeePct) : '');
  const [tariff, setTariff] = useState(() => formFromTariff(site?.tariff ?? null));
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [zones, setZones] = useState<string[]>([]);

  // The browser's own list, filled after hydration so the server and the browser render the same.
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the browser's zone list, after hydration (see above)
  useEffect(() => setZones(Intl.supportedValuesOf('timeZone')), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const t = tariffFromForm(tariff);
    if (!t.ok) {
      setErrors(t.error.map((m) => `tariff: ${m}`));
      return;
    }
    setBusy(true);
    setErrors([]);
    const body = { name, timeZone, currency, pue: typed(pue), poolFeePct: typed(poolFeePct) };
    const res = editing
      ? await callApi<SiteReply>('PATCH', `/api/sites/${site.id}`, body)
      : await callApi<SiteReply>('POST', '/api/sites', body);
    if (!res.ok) {
      setBusy(false);
      setErrors(res.messages);
      return;
    }
    const stored = res.data.site;
    const tariffChanged = JSON.stringify(t.value) !== JSON.stringify(stored.tariff ?? null);
    if (tariffChanged && (t.value !== null || editing)) {
      const put =
        t.value === null
          ? await callApi('DELETE', `/api/sites/${stored.id}/tariff`)
          : await callApi('PUT', `/api/sites/${stored.id}/tariff`, t.value);
      if (!put.ok) {
        setBusy(false);
        setErrors(put.messages.map((m) => `tariff: ${m}`));
        return;
      }
    }
    setBusy(false);
    if (!editing) {
      setName('');
      setTariff(formFromTariff(null));
    }
    onSaved();
  };

  const tariffErrors = errors.filter((m) => m.startsWith('tariff: ')).map((m) => m.slice('tariff: '.length));
  const field = (key: string, label: string, input: ReactNode, hint?: string) => (
    <div className={`form-field${errorNames(errors, key) ? ' is-invalid' : ''}`}>
      <label htmlFor={`${uid}-${key}`}>{label}</label>
      {input}
      {hint && <span className="form-hint">{hint}</span>}
    </div>
  );
  const common = (key: string) => ({
    id: `${uid}-${key}`,
    'data-field': key,
    'aria-invalid': errorNames(errors, key) ? true : undefined,
  });

  return (
    <form
      className="channel-form site-form"
      data-testid={editing ? 'edit-site-form' : 'add-site-form'}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <div className="form-grid">
        {field(
          'name',
          'Name *',
          <input
            {...common('name')}
            className="ctl-input"
            value={name}
            maxLength={64}
            placeholder="Rockdale TX"
            onChange={(e) => setName(e.target.value)}
          />,
        )}
        {field(
          'timeZone',
          'Time zone',
          <>
            <input
              {...common('timeZone')}
              className="ctl-input"
              list={`${uid}-zones`}
              value={timeZone}
              spellCheck={false}
              placeholder="America/Chicago"
              onChange={(e) => setTimeZone(e.target.value)}
            />
            <datalist id={`${uid}-zones`}>
              {zones.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </>,
          'IANA name; time-of-use bands follow its local clock.',
        )}
        {field(
          'currency',
          'Currency',
          <select {...common('currency')} className="ctl-select" value={currency} onChange={(e) => setCurrency(e.target.value)}>
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>,
          'Tariff prices and the site’s money figures are in it.',
        )}
        {field(
          'pue',
          'PUE',
          <input
            {...common('pue')}
            className="ctl-input"
            inputMode="decimal"
            value={pue}
            placeholder="1.0"
            onChange={(e) => setPue(e.target.value)}
          />,
          'Facility overhead: 1 to 3.',
        )}
        {field(
          'poolFeePct',
          'Default pool fee (%)',
          <input
            {...common('poolFeePct')}
            className="ctl-input"
            inputMode="decimal"
            value={poolFeePct}
            placeholder="2"
            onChange={(e) => setPoolFeePct(e.target.value)}
          />,
          '0 to 10; a matched pool’s own fee wins.',
        )}
      </div>

      <TariffEditor value={tariff} onChange={setTariff} currency={currency} errors={tariffErrors} />

      <FormFooter
        errors={errors}
        errorsTestId="site-errors"
        busy={busy}
        label={editing ? 'Save site' : 'Add site'}
        busyLabel="Saving…"
        submitTestId="site-save"
        onCancel={onCancel}
      />
    </form>
  );
}
