'use client';
/**
 * The network screen: which settings apply (saved here or the environment's), the form, and every
 * external source's last success and error, re-read while the page is open.
 */
import { useEffect, useState } from 'react';
import type { SourcesSettingsView } from '../../../lib/db/queries/sources-settings';
import { callApi } from '../alerts/api-client';
import { When } from '../alerts/When';
import { useNowMs } from '../overview/use-now-ms';
import { NetworkSettingsForm } from './NetworkSettingsForm';
import { SourceStatesTable } from './SourceStatesTable';

/** How often the source states are re-read. */
const REFRESH_MS = 10_000;

/** Props of NetworkSettingsView. */
export interface NetworkSettingsViewProps {
  initial: SourcesSettingsView;
  /** Display names of the source keys (sites' tariff feeds and pools by name). */
  labels: Record<string, string>;
}

/** The network settings panels. */
export function NetworkSettingsView({ initial, labels }: NetworkSettingsViewProps) {
  const nowMs = useNowMs();
  const [view, setView] = useState(initial);

  useEffect(() => {
    const refresh = async () => {
      if (document.visibilityState !== 'visible') return;
      const res = await callApi<SourcesSettingsView>('GET', '/api/settings/sources');
      if (res.ok) setView((v) => ({ ...v, states: res.data.states }));
    };
    // callApi answers a failed request as { ok: false } rather than rejecting: nothing to catch.
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  return (
    <>
      <section className="panel" aria-labelledby="network-title">
        <h2 className="panel-title" id="network-title">
          Network and price source
        </h2>
        <p className="settings-lede" data-testid="network-from" data-from={view.from}>
          {view.from === 'stored' ? (
            <>
              Saved here <When tsMs={view.updatedAtMs} nowMs={nowMs} />; the environment’s HASHWATT_* source settings apply again if you
              reset.
            </>
          ) : (
            'From the environment (HASHWATT_NETWORK_SOURCE, HASHWATT_MEMPOOL_URL, …). Saving here overrides them.'
          )}
        </p>
        {view.storedError && (
          <p className="form-error" role="alert">
            {view.storedError}; the environment’s settings apply.
          </p>
        )}
        {view.envError && view.from === 'environment' && (
          <p className="form-error" role="alert">
            The environment’s settings are invalid: {view.envError}
          </p>
        )}
        <NetworkSettingsForm view={view} onSaved={setView} />
      </section>

      <section className="panel" aria-labelledby="sources-state-title">
        <h2 className="panel-title" id="sources-state-title">
          Source state
        </h2>
        <p className="settings-lede">A failed fetch keeps the last good value in use; economics flag it as stale once it is too old.</p>
        <SourceStatesTable states={view.states} labels={labels} nowMs={nowMs} testId="source-states" />
      </section>
    </>
  );
}
