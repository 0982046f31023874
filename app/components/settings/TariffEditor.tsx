'use client';
/**
 * A site's tariff: a flat price, time-of-use bands by weekday and local hour, or the tariff as JSON (the
 * real-time feed kind and anything else the tariff schema accepts). Controlled: the site form owns the
 * state and validates it with tariffFromForm on save; `errors` mark the fields they name.
 */
import { useId } from 'react';
import { tariffFieldLabel, tariffKindInfo } from '../../../lib/economics/tariffs/kinds';
import { tariffWarnings, WEEKDAYS, type Weekday } from '../../../lib/economics/tariffs/schema';
import {
  bandPatch,
  bandValue,
  errorNames,
  TARIFF_JSON_HINT,
  TARIFF_JSON_PLACEHOLDER,
  TARIFF_MODES,
  tariffFromForm,
  type BandRow,
  type TariffFormState,
  type TariffMode,
} from './tariff-form';

/** Props of TariffEditor. */
export interface TariffEditorProps {
  value: TariffFormState;
  onChange: (next: TariffFormState) => void;
  /** The site's currency: prices are per kWh in it. */
  currency: string;
  errors: readonly string[];
}

/** The flat price's input and one band's inputs, as the tariff kinds' descriptors list them. */
const FLAT_FIELD = tariffKindInfo('flat')?.fields[0];
const BAND_FIELDS = tariffKindInfo('tou')?.fields ?? [];

const DAY_LABEL: Record<Weekday, string> = { mon: 'Mo', tue: 'Tu', wed: 'We', thu: 'Th', fri: 'Fr', sat: 'Sa', sun: 'Su' };

/** The tariff part of the site form. */
export function TariffEditor({ value, onChange, currency, errors }: TariffEditorProps) {
  const uid = useId();
  const set = (patch: Partial<TariffFormState>) => onChange({ ...value, ...patch });
  const setBand = (i: number, patch: Partial<BandRow>) => set({ bands: value.bands.map((b, j) => (j === i ? { ...b, ...patch } : b)) });
  const toggleDay = (i: number, day: Weekday, on: boolean) => {
    const days = value.bands[i].days;
    setBand(i, { days: on ? [...days, day] : days.filter((d) => d !== day) });
  };
  const invalid = (path: string) => (errorNames(errors, path) ? true : undefined);
  // A price above 1 per kWh is kept but likely a unit slip (per MWh, or cents): said as it is typed.
  const parsed = tariffFromForm(value);
  const warnings = parsed.ok && parsed.value ? tariffWarnings(parsed.value, currency) : [];

  return (
    <fieldset className="tariff-editor" data-testid="tariff-editor">
      <legend>Tariff</legend>
      <div className="form-field form-field--inline">
        <label htmlFor={`${uid}-mode`}>Kind</label>
        <select
          id={`${uid}-mode`}
          className="ctl-select"
          value={value.mode}
          data-field="tariffMode"
          onChange={(e) => set({ mode: e.target.value as TariffMode })}
        >
          {TARIFF_MODES.map((m) => (
            <option key={m.mode} value={m.mode}>
              {m.label}
            </option>
          ))}
        </select>
      </div>

      {value.mode === 'none' && (
        <p className="form-hint">Without a tariff the site's power cost is unknown and its profit is not computed.</p>
      )}

      {value.mode === 'flat' && (
        <div className={`form-field tariff-flat${invalid('pricePerKwh') ? ' is-invalid' : ''}`}>
          <label htmlFor={`${uid}-flat`}>{FLAT_FIELD ? tariffFieldLabel(FLAT_FIELD, currency) : ''}</label>
          <input
            id={`${uid}-flat`}
            className="ctl-input ctl-input--num"
            inputMode="decimal"
            value={value.flatPrice}
            placeholder={FLAT_FIELD?.placeholder}
            data-field="flatPrice"
            aria-invalid={invalid('pricePerKwh')}
            onChange={(e) => set({ flatPrice: e.target.value })}
          />
        </div>
      )}

      {value.mode === 'tou' && (
        <div className="tou-bands">
          <p className="form-hint">
            Bands in the site's local time; together they must cover every hour of the week exactly once. To is exclusive (0-24 is the whole
            day).
          </p>
          {value.bands.map((b, i) => (
            <div key={i} className="tou-band" data-testid="tou-band">
              <div className="tou-days" role="group" aria-label={`Band ${i + 1} days`} aria-invalid={invalid(`bands[${i}].days`)}>
                {WEEKDAYS.map((d) => (
                  <label key={d} className="tou-day">
                    <input type="checkbox" checked={b.days.includes(d)} onChange={(e) => toggleDay(i, d, e.target.checked)} data-day={d} />
                    {DAY_LABEL[d]}
                  </label>
                ))}
              </div>
              {BAND_FIELDS.map((f) => (
                <label key={f.key} className="rule-field">
                  <span className="rule-field-label">{tariffFieldLabel(f, currency)}</span>
                  <input
                    className="ctl-input ctl-input--num"
                    inputMode="decimal"
                    value={bandValue(b, f.key)}
                    data-field={f.key}
                    aria-invalid={invalid(`bands[${i}].${f.key}`)}
                    onChange={(e) => setBand(i, bandPatch(f.key, e.target.value))}
                  />
                </label>
              ))}
              <button
                type="button"
                className="ctl-button"
                onClick={() => set({ bands: value.bands.filter((_, j) => j !== i) })}
                disabled={value.bands.length === 1}
              >
                Remove band
              </button>
            </div>
          ))}
          <button
            type="button"
            className="ctl-button"
            data-testid="tou-add-band"
            onClick={() => set({ bands: [...value.bands, { days: [], fromHour: '', toHour: '', price: '' }] })}
          >
            Add band
          </button>
        </div>
      )}

      {value.mode === 'json' && (
        <div className="form-field">
          <label htmlFor={`${uid}-json`}>Tariff JSON</label>
          <textarea
            id={`${uid}-json`}
            className="ctl-input tariff-json"
            rows={8}
            spellCheck={false}
            value={value.json}
            data-field="tariffJson"
            placeholder={TARIFF_JSON_PLACEHOLDER}
            onChange={(e) => set({ json: e.target.value })}
          />
          <span className="form-hint">{TARIFF_JSON_HINT}</span>
        </div>
      )}

      {warnings.map((w) => (
        <p key={w} className="form-hint form-hint--warn" role="status" data-testid="tariff-warning">
          {w}
        </p>
      ))}
    </fieldset>
  );
}
