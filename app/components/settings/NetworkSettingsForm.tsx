'use client';
/**
 * Where network state (height, difficulty, fees) and the BTC price come from: a mempool-compatible API
 * or the operator's Bitcoin Core node, a fixed price or the API's, and how often; "None" fetches
 * nothing (the default: no public service is contacted unless chosen here or in the environment).
 * Saved as one document the collector reads before each refresh; "Use the environment's settings"
 * forgets it.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { CURRENCIES } from '../../../lib/domain/network';
import type { SourcesSettingsView } from '../../../lib/db/queries/sources-settings';
import { REDACTED } from '../../../lib/settings/redacted-secret';
import type { SourcesSettings } from '../../../lib/settings/sources-settings';
import { callApi } from '../alerts/api-client';
import { errorNames } from './tariff-form';
import { typedNumber } from './typed-number';
import { FormFooter } from './FormFooter';

/** Props of NetworkSettingsForm. */
export interface NetworkSettingsFormProps {
  view: SourcesSettingsView;
  onSaved: (view: SourcesSettingsView) => void;
}

type Values = Record<
  | 'networkSource'
  | 'mempoolBaseUrl'
  | 'url'
  | 'user'
  | 'password'
  | 'cookiePath'
  | 'feeBlocks'
  | 'fixedBtcPrice'
  | 'currency'
  | 'intervalS'
  | 'timeoutMs',
  string
>;

function valuesOf(s: SourcesSettings | null): Values {
  const b = s?.bitcoind;
  return {
    networkSource: s?.networkSource ?? 'none',
    mempoolBaseUrl: s?.mempoolBaseUrl ?? '',
    url: b?.url ?? 'http://127.0.0.1:8332/',
    user: b?.user ?? '',
    password: b?.password ?? '',
    cookiePath: b?.cookiePath ?? '',
    feeBlocks: String(b?.feeBlocks ?? 144),
    fixedBtcPrice: s?.fixedBtcPrice == null ? '' : String(s.fixedBtcPrice),
    currency: s?.currency ?? 'USD',
    intervalS: String(s?.intervalS ?? 60),
    timeoutMs: String(s?.timeoutMs ?? 5000),
  };
}

function bodyOf(v: Values) {
  return {
    networkSource: v.networkSource,
    mempoolBaseUrl: v.mempoolBaseUrl,
    bitcoind:
      v.networkSource === 'bitcoind'
        ? { url: v.url, user: v.user, password: v.password, cookiePath: v.cookiePath, feeBlocks: typedNumber(v.feeBlocks) }
        : null,
    fixedBtcPrice: typedNumber(v.fixedBtcPrice) ?? null,
    currency: v.currency,
    intervalS: typedNumber(v.intervalS),
    timeoutMs: typedNumber(v.timeoutMs),
  };
}

/** The source settings form. */
export function NetworkSettingsForm({ view, onSaved }: NetworkSettingsFormProps) {
  const uid = useId();
  const [values, setValues] = useState<Values>(() => valuesOf(view.settings));
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof Values, v: string) => setValues((cur) => ({ ...cur, [key]: v }));

  const send = async (method: 'PUT' | 'DELETE') => {
    setBusy(true);
    setErrors([]);
    setStatus(null);
    const res = await callApi<SourcesSettingsView & { ok: true }>(
      method,
      '/api/settings/sources',
      method === 'PUT' ? bodyOf(values) : undefined,
    );
    setBusy(false);
    if (!res.ok) {
      setErrors(res.messages);
      return;
    }
    setValues(valuesOf(res.data.settings));
    setStatus(
      method === 'PUT' ? 'Saved: the collector applies it at its next refresh.' : 'Using the environment’s settings from the next refresh.',
    );
    onSaved(res.data);
  };

  const field = (key: keyof Values, label: string, input: ReactNode, hint?: string, errorKey: string = key) => (
    <div className={`form-field${errorNames(errors, errorKey) ? ' is-invalid' : ''}`}>
      <label htmlFor={`${uid}-${key}`}>{label}</label>
      {input}
      {hint && <span className="form-hint">{hint}</span>}
    </div>
  );
  const text = (key: keyof Values, errorKey: string = key, extra: Record<string, unknown> = {}) => (
    <input
      id={`${uid}-${key}`}
      className="ctl-input"
      data-field={key}
      value={key === 'password' && values.password === REDACTED ? '' : values[key]}
      placeholder={key === 'password' && values.password === REDACTED ? 'stored (leave empty to keep)' : undefined}
      aria-invalid={errorNames(errors, errorKey) ? true : undefined}
      spellCheck={false}
      autoComplete="off"
      onChange={(e) =>
        set(key, key === 'password' && e.target.value === '' && view.settings?.bitcoind?.password === REDACTED ? REDACTED : e.target.value)
      }
      {...extra}
    />
  );

  return (
    <form
      className="channel-form"
      data-testid="network-form"
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void send('PUT');
      }}
    >
      <div className="form-grid">
        {field(
          'networkSource',
          'Network source',
          <select
            id={`${uid}-networkSource`}
            className="ctl-select"
            data-field="networkSource"
            value={values.networkSource}
            onChange={(e) => set('networkSource', e.target.value)}
          >
            <option value="none">None: fetch nothing</option>
            <option value="mempool">mempool-compatible API</option>
            <option value="bitcoind">Bitcoin Core node (RPC)</option>
          </select>,
        )}
        {field(
          'mempoolBaseUrl',
          'mempool API URL',
          text('mempoolBaseUrl', 'mempoolBaseUrl', { inputMode: 'url', placeholder: 'https://mempool.space/api' }),
          'Also the BTC price source. The public https://mempool.space/api works, or run your own; empty: none.',
        )}
        {values.networkSource === 'bitcoind' && (
          <>
            {field('url', 'Node RPC URL', text('url', 'bitcoind.url', { inputMode: 'url' }), undefined, 'bitcoind.url')}
            {field(
              'user',
              'RPC user',
              text('user', 'bitcoind.user'),
              'With a password, or leave both empty and give a cookie file.',
              'bitcoind.user',
            )}
            {field(
              'password',
              'RPC password',
              text('password', 'bitcoind.password', { type: 'password', autoComplete: 'new-password' }),
              undefined,
              'bitcoind.password',
            )}
            {field(
              'cookiePath',
              'Cookie file',
              text('cookiePath', 'bitcoind.cookiePath', { readOnly: true, placeholder: 'not set' }),
              'A file on the server: only HASHWATT_BITCOIND_COOKIE sets it, for the node of HASHWATT_BITCOIND_URL.',
              'bitcoind.cookiePath',
            )}
            {field(
              'feeBlocks',
              'Fee average (blocks)',
              text('feeBlocks', 'bitcoind.feeBlocks', { inputMode: 'numeric' }),
              '1 to 2016; 144 is a day.',
              'bitcoind.feeBlocks',
            )}
          </>
        )}
        {field(
          'fixedBtcPrice',
          'Fixed BTC price',
          text('fixedBtcPrice', 'fixedBtcPrice', { inputMode: 'decimal', placeholder: 'fetched' }),
          'Empty: fetch it from the mempool API (none without one).',
        )}
        {field(
          'currency',
          'Price currency',
          <select
            id={`${uid}-currency`}
            className="ctl-select"
            data-field="currency"
            value={values.currency}
            onChange={(e) => set('currency', e.target.value)}
          >
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>,
          'The fixed price is in it; a fetched price must include it.',
        )}
        {field('intervalS', 'Refresh every (s)', text('intervalS', 'intervalS', { inputMode: 'numeric' }), '5 to 86,400.')}
        {field('timeoutMs', 'Request timeout (ms)', text('timeoutMs', 'timeoutMs', { inputMode: 'numeric' }), '100 to 120,000.')}
      </div>

      <FormFooter
        errors={errors}
        errorsTestId="network-errors"
        busy={busy}
        label="Save source settings"
        busyLabel="Saving…"
        submitTestId="network-save"
      >
        {view.from === 'stored' && (
          <button type="button" className="ctl-button" disabled={busy} data-testid="network-reset" onClick={() => void send('DELETE')}>
            Use the environment’s settings
          </button>
        )}
        {status && (
          <span className="form-status" role="status" data-testid="network-status">
            {status}
          </span>
        )}
      </FormFooter>
    </form>
  );
}
