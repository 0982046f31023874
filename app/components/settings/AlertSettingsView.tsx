'use client';
/**
 * Alert settings ("/settings/alerts"): where notifications go (channels), when alerts fire (rules per
 * scope), how often people hear about them (policy), and which rigs are in maintenance.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ChannelView, RulesView } from '../../../lib/views/alert-contracts';
import { callApi } from '../alerts/api-client';
import { useNowMs } from '../overview/use-now-ms';
import { ChannelsPanel } from './ChannelsPanel';
import { MaintenancePanel } from './MaintenancePanel';
import { PolicyForm } from './PolicyForm';
import { RulesPanel, type ScopeOption } from './RulesPanel';

/** Props of AlertSettingsView. */
export interface AlertSettingsViewProps {
  sites: ScopeOption[];
  rigs: (ScopeOption & { siteId: number; siteName: string })[];
  /** Read by the server page when it can; null: loaded from the API here. */
  channels?: ChannelView[] | null;
  rules?: RulesView | null;
}

/** The alert settings' panels (the settings layout supplies the header and tabs). */
export function AlertSettingsView({ sites, rigs, channels = null, rules: initialRules = null }: AlertSettingsViewProps) {
  const nowMs = useNowMs();
  const [rules, setRules] = useState<RulesView | null>(initialRules);
  const [rulesError, setRulesError] = useState<string | null>(null);

  const reloadRules = useCallback(async () => {
    const res = await callApi<RulesView>('GET', '/api/alerts/rules');
    if (res.ok) {
      setRules(res.data);
      setRulesError(null);
    } else setRulesError(res.error);
  }, []);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- fetches the rules on mount when the page did not bring them
    if (initialRules === null) void reloadRules();
  }, [initialRules, reloadRules]);

  return (
    <>
      <section className="panel" aria-labelledby="channels-title">
        <h2 className="panel-title" id="channels-title">
          Channels
        </h2>
        <p className="settings-lede">Where alerts go. Each notification groups the alerts of one site; resolved alerts are sent too.</p>
        <ChannelsPanel initial={channels} nowMs={nowMs} />
      </section>

      <section className="panel" aria-labelledby="rules-title">
        <h2 className="panel-title" id="rules-title">
          Rules
        </h2>
        {rulesError && (
          <p className="form-error" role="alert">
            Could not load rules: {rulesError}
          </p>
        )}
        {rules === null ? (
          !rulesError && <p className="empty-note">Loading rules…</p>
        ) : (
          <RulesPanel
            rules={rules}
            sites={sites}
            rigs={rigs}
            onSaved={(scope, override) =>
              setRules((r) => {
                if (!r) return r;
                if (scope.kind === 'global') return { ...r, global: override };
                if (scope.kind === 'site') return { ...r, sites: { ...r.sites, [scope.id]: override } };
                return { ...r, rigs: { ...r.rigs, [scope.id]: override } };
              })
            }
          />
        )}
      </section>

      <div className="settings-pair">
        <section className="panel" aria-labelledby="policy-title">
          <h2 className="panel-title" id="policy-title">
            Notification policy
          </h2>
          {rules && <PolicyForm policy={rules.policy} onSaved={(policy) => setRules((r) => (r ? { ...r, policy } : r))} />}
        </section>

        <section className="panel" aria-labelledby="maintenance-title">
          <h2 className="panel-title" id="maintenance-title">
            Maintenance <span className="panel-count">{rules?.maintenance.length ?? ''}</span>
          </h2>
          {rules && <MaintenancePanel maintenance={rules.maintenance} rigs={rigs} nowMs={nowMs} onChanged={reloadRules} />}
        </section>
      </div>
    </>
  );
}
